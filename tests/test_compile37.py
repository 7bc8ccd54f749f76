"""Rules shared between policy views (engine/_compile.area_rules): a view that differs from another only in
parameters an area's compile does not read takes that view's rules, and the rules so taken are always those a fresh,
uncached compile of the view makes (session 37)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import responsibility
from responsibility.engine import _compile
from responsibility.engine._compile import RulesByArea, compile_rules
from responsibility.policy._model import SEVERITIES
from responsibility.policy._view import PolicyView, recording
from responsibility.policy._whatif import flipped

ROOT = Path(__file__).resolve().parents[1]
AMENDMENTS = ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments"

POLICY = responsibility.load()
AREAS = sorted(POLICY.problem_areas)
#: Each parameter of rules/parameters.yaml once (a dated one has versions), with what it takes.
PARAMS = {p.id: p for p in POLICY.data.parameters}
BOOLS = sorted(pid for pid, p in PARAMS.items() if p.type == "bool")


def _value(pid: str) -> st.SearchStrategy[Any]:
    p = PARAMS[pid]
    if p.type == "bool":
        return st.booleans()
    if p.type == "severity":
        return st.sampled_from(SEVERITIES)
    if p.type == "choice":
        return st.sampled_from(list(p.choices or []))
    return st.integers(0, 60)


#: Some parameters set to values they take (several draws share all the values an area's rules read).
SETTINGS = st.lists(st.sampled_from(sorted(PARAMS)), max_size=4, unique=True).flatmap(
    lambda ids: st.fixed_dictionaries({pid: _value(pid) for pid in ids}))


@pytest.fixture(autouse=True)
def _no_disk() -> Iterator[None]:
    # the rules shared in the process alone: none read back from the per-user cache
    with mock.patch.dict(os.environ, {"RESPONSIBILITY_CACHE": "off"}):
        yield


def _fresh(view: PolicyView, area: str) -> tuple[_compile.Rule, ...]:
    """``area``'s rules as a compile of a new view of ``view``'s data makes them (nothing shared, nothing cached)."""
    return compile_rules(PolicyView(view.data, root=view.root, as_of=view.as_of), [area])[area]


def _what_if(policy: PolicyView, values: dict[str, Any]) -> PolicyView:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (a threshold without effect: ParameterWarning)
        return policy.with_parameters(**values)


def _check(view: PolicyView, area: str) -> None:
    got = RulesByArea(view)[area]
    assert got == _fresh(view, area), (area, view.what_if)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=SETTINGS, area=st.sampled_from(AREAS))
def test_what_if_rules_are_a_fresh_compiles(values: dict[str, Any], area: str) -> None:
    _check(_what_if(POLICY, values), area)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=SETTINGS, flips=st.lists(st.sampled_from(BOOLS), max_size=2, unique=True), area=st.sampled_from(AREAS))
def test_flipped_rules_are_a_fresh_compiles(values: dict[str, Any], flips: list[str], area: str) -> None:
    view = _what_if(POLICY, values)
    for name in flips:
        view = flipped(view, name)
    _check(view, area)


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> PolicyView:
    rules = tmp_path_factory.mktemp("amended") / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(AMENDMENTS, rules / "amendments")
    return responsibility.load(rules)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(values=SETTINGS, flip=st.sampled_from([None, *BOOLS]), area=st.sampled_from(AREAS))
def test_amended_rules_are_a_fresh_compiles(amended: PolicyView, values: dict[str, Any], flip: str | None,
                                            area: str) -> None:
    # the same values before and after the amendment (2021-06-01): its rules name other bodies from that day
    for day in (dt.date(2020, 6, 1), dt.date(2021, 7, 1)):
        view = _what_if(amended.at(day), values)
        if flip is not None:
            view = flipped(view, flip)
        _check(view, area)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The areas compiled from now on (none shared before: the process's shared rules set aside)."""
    from collections import OrderedDict

    monkeypatch.setattr(_compile, "_SHARED", {})
    monkeypatch.setattr(_compile, "_RECENT", OrderedDict())
    calls: list[str] = []
    real = _compile.compile_rules

    def counting(policy: PolicyView, areas: Any = None) -> Any:
        calls.extend(areas or ())
        return real(policy, areas)

    monkeypatch.setattr(_compile, "compile_rules", counting)
    return calls


def test_a_parameter_compile_does_not_read_shares_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    hits = _compile.SHARED_STATS["hits"]
    # (days no area's rules read: the time limits are the facts', engine/_facts)
    one = POLICY.with_parameters(handling_time_limit_days=17, rectification_time_limit_days=33)
    two = POLICY.with_parameters(handling_time_limit_days=18, rectification_time_limit_days=34)
    first = RulesByArea(one)["housing"]
    assert RulesByArea(two)["housing"] is first
    assert calls == ["housing"]
    assert _compile.SHARED_STATS["hits"] >= hits + 1
    # a parameter the area's rules read is compiled again, and its rules differ
    three = POLICY.with_parameters(handling_time_limit_days=17, rectification_time_limit_days=33,
                                   supervision_scope="all_levels")
    assert RulesByArea(three)["housing"] != first
    assert calls == ["housing", "housing"]


def test_a_switched_reading_no_rule_reads_shares_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    base = POLICY.with_parameters(rectification_time_limit_days=41)
    RulesByArea(base)["water"]
    RulesByArea(flipped(base, "self_rectified_report_required"))["water"]
    RulesByArea(flipped(base, "same_level_oversight_concealment"))["water"]
    assert calls == ["water"]


def test_every_parameter_counts_when_one_is_read_past_its_id(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    RulesByArea(POLICY.with_parameters(handling_time_limit_days=22))["health"]
    RulesByArea(POLICY.with_parameters(handling_time_limit_days=21))["health"]
    assert calls == ["health"]  # (shared: no rule reads the time limit)
    counting = _compile.compile_rules

    def reading_all(policy: PolicyView, areas: Any = None) -> Any:
        assert len(policy.data.parameters) == len(POLICY.data.parameters)  # the values read past their ids
        return counting(policy, areas)

    # a compile that reads the data's parameters themselves shares with no view of other values
    monkeypatch.setattr(_compile, "compile_rules", reading_all)
    RulesByArea(POLICY.with_parameters(handling_time_limit_days=23))["education"]
    RulesByArea(POLICY.with_parameters(handling_time_limit_days=24))["education"]
    assert calls == ["health", "education", "education"]


def test_the_twin_notes_reads_by_id_and_past_it() -> None:
    twin, reads = recording(POLICY)
    assert twin.parameter("supervision_scope") == POLICY.parameter("supervision_scope")
    assert "handling_time_limit_days" in twin.parameters and reads.ids == {"supervision_scope"} and not reads.every
    twin.parameters.get("unit_liability_from")
    assert reads.ids == {"supervision_scope", "unit_liability_from"}
    list(twin.parameters.values())
    assert reads.every
    _, reads = recording(POLICY)
    _.data.parameters  # noqa: B018
    assert reads.every
    _, reads = recording(POLICY.with_parameters(handling_time_limit_days=9))
    assert _.what_if and reads.every


def test_rules_from_the_cache_are_shared_with_what_ifs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a notebook's what-if of a policy whose rules came from the per-user cache (a new process) compiles nothing
    from .conftest import own_cache

    own_cache(tmp_path, monkeypatch)  # (the cache on again, in this test's own directory)
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    calls = _counted(monkeypatch)
    first = responsibility.load(root)  # (read from the YAML, and cached)
    made = RulesByArea(first)["housing"]
    assert calls == ["housing"]
    calls = _counted(monkeypatch)  # (what this process shared set aside: as in a new one)
    again = responsibility.load(root)  # (from the cache)
    assert RulesByArea(again)["housing"] == made and calls == []
    what_if = again.with_parameters(handling_time_limit_days=19)
    assert RulesByArea(what_if)["housing"] == made and calls == []
    assert RulesByArea(again.with_parameters(supervision_scope="all_levels"))["housing"] != made
    assert calls == ["housing"]


def test_rules_stay_shared_while_a_view_holds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    monkeypatch.setattr(_compile, "SHARED_KEEP", 1)  # (only the last rule set kept besides those views hold)
    held = RulesByArea(POLICY.with_parameters(supervision_scope="all_levels"))
    held["funds"]
    for scope in ("next_level", "none"):
        RulesByArea(POLICY.with_parameters(supervision_scope=scope))["funds"]
    assert calls == ["funds"] * 3
    assert RulesByArea(POLICY.with_parameters(supervision_scope="all_levels", handling_time_limit_days=3))["funds"] \
        is held["funds"]
    assert calls == ["funds"] * 3
    # the rule sets no view holds are gone but the last one
    assert len([1 for _, refs in _compile._SHARED.values() for ref in refs if ref() is not None]) <= 2


def test_views_sharing_an_area_s_rules_share_the_compiled_engine_s_index() -> None:
    """The index of an area's rules depends on the rules alone: engines of views whose rules are one tuple build it
    once (it was built per view, ~12 ms an area)."""
    import responsibility
    from responsibility.engine import _engine_compiled
    from responsibility.engine._compile import RulesByArea
    from responsibility.engine._engine_compiled import CompiledEngine

    base = responsibility.load()
    a = base.with_parameters(handling_time_limit_days=12)
    b = base.with_parameters(handling_time_limit_days=13)
    ra, rb = RulesByArea(a), RulesByArea(b)
    assert ra["housing"] is rb["housing"]
    built: list[object] = []
    real = CompiledEngine._indexed

    def counting(rules: Any) -> Any:
        built.append(rules)
        return real(rules)

    _engine_compiled._INDEXES.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(CompiledEngine, "_indexed", staticmethod(counting))
        first, second = CompiledEngine(ra)._index("housing"), CompiledEngine(rb)._index("housing")
    assert first is second and len(built) == 1
    assert first == real(ra["housing"])
