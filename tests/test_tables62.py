"""The batch's tables of a view shared with another view's where the parameters their making read agree
(batch/_tables.shared_part; helper tables62): equal to tables built cold under every reading, made again where a
value read differs, kept read-only and bounded, and the batch's output the same in whichever order the readings'
assessors are built."""

from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import responsibility
import responsibility.batch._tables as T
from responsibility import Policy
from responsibility._errors import ParameterWarning
from responsibility.chain._jurisdiction import Jurisdiction
from responsibility.checks._scenarios import load_scenarios
from responsibility.engine._decide import decider_of
from responsibility.policy._model import SEVERITIES
from responsibility.policy._view import ParameterReads, PolicyView, recording

ROOT = Path(__file__).resolve().parent.parent
#: The tables a Tables shares (shared_part's parts), and the attributes of each.
PARTS = {"authority": ("authority",), "rectify": ("rectify_level", "own_rectify_level"), "rect_body": ("rect_body",),
         "part": ("part", "kind_part"), "conceal": ("conceal_level", "conceal_role"), "giving": ("giving",),
         "level_holds": ("level_holds", "any_level_holds")}  # (in the order Tables makes them)


def _view(policy: Policy, reading: dict[str, Any]) -> Policy:
    """``policy`` under ``reading`` (a reading that changes nothing with the others' values, which the library warns
    of, is a reading all the same)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterWarning)
        return policy.with_parameters(**reading)


def _readings(policy: Policy, pid: str) -> list[dict[str, Any]]:
    """The parameter ``pid``'s every other allowed value, one at a time (a number of days: one more)."""
    out: list[dict[str, Any]] = []
    for p in [policy.parameters[pid]]:
        if p.type == "bool":
            others: list[Any] = [not p.value]
        elif p.type == "choice":
            others = [c for c in p.choices or () if c != p.value]
        elif p.type == "severity":
            others = [s for s in SEVERITIES if s != p.value]
        else:
            others = [int(p.value) + 1]
        out += [{p.id: v} for v in others]
    return out


#: The shipped parameters (the parameters in force today; a test checks them against the policy's).
PARAMETERS = sorted(responsibility.load().parameters)
#: Pairs of readings: one each of two parts, one no part reads with one they do.
PAIRS = [
    {"policy_gap_owner": "kind", "education_review_covers_procedure": False},
    {"city_finds_county_mechanisms": False, "level_assignment_leaders": "rectify"},
    {"supervision_scope": "all_levels", "joint_guidance_every_line": False},
]


def _flipped(policy: Policy, reading: dict[str, Any]) -> dict[str, Any]:
    """``reading`` with each yes/no the opposite of its shipped value (so that a pair changes both parameters
    whatever the rules ship)."""
    return {k: (not policy.parameters[k].value) if isinstance(v, bool) else v for k, v in reading.items()}


def _tables(view: PolicyView, j: Jurisdiction) -> T.Tables:
    return T.Tables(view, j, decider_of(view))


def _same(a: T.Tables, b: T.Tables) -> None:
    """Every attribute of ``a`` equals ``b``'s (arrays: dtype, shape and items)."""
    own = ("policy", "decider", "jurisdiction")
    da = {k: v for k, v in vars(a).items() if k not in own}
    db = {k: v for k, v in vars(b).items() if k not in own}
    assert set(da) == set(db)
    for k in da:
        _equal(da[k], db[k], k)


def _equal(x: Any, y: Any, where: str) -> None:
    if isinstance(x, np.ndarray):
        assert isinstance(y, np.ndarray) and x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x, y), where
    elif isinstance(x, tuple | list) and any(isinstance(v, np.ndarray) for v in x):
        assert type(x) is type(y) and len(x) == len(y), where
        for u, v in zip(x, y, strict=True):
            _equal(u, v, where)
    else:
        assert type(x) is type(y) and x == y, where


@pytest.fixture(scope="module")
def base(policy: Policy, example: Jurisdiction) -> tuple[T.Tables, dict[int, Any]]:
    """The shipped policy's tables, made with nothing kept, and what the store then holds (its parts)."""
    keep = T._KEPT
    try:
        T._KEPT = OrderedDict()
        t = _tables(policy.with_parameters(), example)
        return t, dict(T._KEPT)
    finally:
        T._KEPT = keep


def _changed(policy: Policy, reading: dict[str, Any]) -> set[str]:
    return {k for k, v in reading.items() if policy.parameters[k].value != v}


@pytest.mark.parametrize("reading", [pytest.param(r, id="-".join(f"{k}={v}" for k, v in r.items())) for r in PAIRS])
def test_a_pair_of_readings_shares_what_it_may_and_equals_a_cold_build(
        policy: Policy, example: Jurisdiction, base: tuple[T.Tables, dict[int, Any]], reading: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cold = _check_reading(policy, example, base, _flipped(policy, reading), monkeypatch, "all")
    assert cold is not None


@pytest.mark.parametrize("pid", PARAMETERS)
def test_every_value_of_every_parameter_shares_what_it_may_and_equals_a_cold_build(
        policy: Policy, example: Jurisdiction, base: tuple[T.Tables, dict[int, Any]], pid: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each value of a parameter some part reads: the parts taken equal the same parts made cold (those made are made
    as a cold build makes them: the pairs and the test below compare whole tables). A parameter no part reads: every
    part taken (their equality to a cold build: the test below, with all such parameters changed at once)."""
    readings = _readings(policy, pid)
    assert readings
    read = pid in set().union(*(m.reads for _, _, m in base[1].values()))
    for reading in readings:
        _check_reading(policy, example, base, reading, monkeypatch, "taken" if read else None)


def test_the_parameters_no_part_reads_changed_together_equal_a_cold_build(
        policy: Policy, example: Jurisdiction, base: tuple[T.Tables, dict[int, Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    read = set().union(*(m.reads for _, _, m in base[1].values()))
    unread = [pid for pid in PARAMETERS if pid not in read]
    assert len(unread) > 20
    for pick in (0, -1):  # (each such parameter's first other value, then its last)
        reading = {pid: _readings(policy, pid)[pick][pid] for pid in unread}
        _check_reading(policy, example, base, reading, monkeypatch, "all")


def test_the_readings_are_every_parameters(policy: Policy) -> None:
    assert set(PARAMETERS) == set(policy.parameters)
    assert sum(len(_readings(policy, pid)) for pid in PARAMETERS) > 50


def _check_reading(policy: Policy, example: Jurisdiction, base: tuple[T.Tables, dict[int, Any]],
                   reading: dict[str, Any], monkeypatch: pytest.MonkeyPatch, cold: str | None) -> T.Tables | None:
    """Under ``reading``, the tables made with only the shipped policy's parts kept take each part whose reads it
    leaves alone (the very arrays) and make the others; ``cold``: ``all``: they equal tables made with nothing kept,
    on every table; ``taken``: the parts taken equal the same parts made on a fresh view of the reading."""
    _, kept = base
    changed = _changed(policy, reading)
    assert changed, reading
    monkeypatch.setattr(T, "_KEPT", OrderedDict(kept))
    warm = _tables(_view(policy, reading), example)
    taken: list[str] = []
    for _, _, made in kept.values():
        name = next(n for n, attrs in PARTS.items() if set(made.tables) == set(attrs))
        took = all(getattr(warm, a) is made.tables[a] for a in PARTS[name] if isinstance(made.tables[a], np.ndarray))
        assert took == (not changed & set(made.reads)), (reading, name)
        taken += [name] * took
    if cold == "all":
        monkeypatch.setattr(T, "_KEPT", OrderedDict())
        got = _tables(_view(policy, reading), example)
        _same(warm, got)
        return got
    if cold == "taken":
        view = _view(policy, reading)
        fresh = PolicyView(view.data, root=view.root, as_of=view.as_of, what_if=view.what_if)  # (no memo of any)
        bare = T.Tables.__new__(T.Tables)
        bare._names(fresh)
        for name in PARTS:  # (in the order Tables makes them: level_holds reads rectify's and part's)
            if name in taken:
                made_cold = getattr(bare, f"_{name}")(fresh)
                bare.__dict__.update(made_cold)
                for a, x in made_cold.items():
                    _equal(x, getattr(warm, a), f"{reading} {a}")
    return None


def test_every_part_is_kept_with_the_parameters_it_read(base: tuple[T.Tables, dict[int, Any]]) -> None:
    _, kept = base
    names = {m[0][-1] for m in kept.values()}
    assert names == set(PARTS)
    for _, _, made in kept.values():
        assert made.values is not None and made.reads and len(made.reads) < 30
        # (shared by many views: none may write to it)
        for x in made.tables.values():
            if isinstance(x, np.ndarray):
                assert not x.flags.writeable
                with pytest.raises(ValueError):
                    x[...] = x


def test_the_codes_the_parts_are_made_of_read_no_parameter(base: tuple[T.Tables, dict[int, Any]],
                                                           policy: Policy) -> None:
    twin, reads = recording(policy)
    base[0]._names(twin)
    assert not reads.ids and not reads.every


def test_a_part_a_changed_value_was_read_for_is_made_again(policy: Policy, example: Jurisdiction,
                                                           base: tuple[T.Tables, dict[int, Any]],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    for name in PARTS:
        real = getattr(T.Tables, f"_{name}")

        def spy(self: T.Tables, view: PolicyView, real: Any = real, name: str = name) -> Any:
            made.append(name)
            return real(self, view)

        monkeypatch.setattr(T.Tables, f"_{name}", spy)
    monkeypatch.setattr(T, "_KEPT", OrderedDict(base[1]))
    # policy_gap_owner: read by authority, rectify and level_holds (of rectify), not by the others
    value = next(c for c in policy.parameters["policy_gap_owner"].choices or () if c != policy.parameter(
        "policy_gap_owner"))
    _tables(policy.with_parameters(policy_gap_owner=value), example)
    assert made == ["authority", "rectify", "level_holds"]
    made.clear()
    # a second view of that reading takes them all
    _tables(policy.with_parameters(policy_gap_owner=value), example)
    assert made == []
    # a value no part reads: nothing made
    _tables(policy.with_parameters(supervision_scope="all_levels"), example)
    assert made == []


def test_what_is_kept_is_bounded(policy: Policy, example: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "_KEPT", OrderedDict())
    monkeypatch.setattr(T, "TABLES_KEEP", 5)
    _tables(policy.with_parameters(policy_gap_owner="kind", handling_time_limit_days=16), example)
    # the last made or taken stay
    assert [m[0][-1] for m in T._KEPT.values()] == list(PARTS)[-5:]


def test_two_threads_making_one_reading_keep_one_of_each_part(policy: Policy, example: Jurisdiction,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "_KEPT", OrderedDict())
    got: list[T.Tables] = []
    views = [policy.with_parameters(policy_gap_owner="kind") for _ in range(2)]
    threads = [threading.Thread(target=lambda v=v: got.append(_tables(v, example))) for v in views]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(got) == 2
    _same(got[0], got[1])
    assert len(T._KEPT) == len(PARTS)


def test_the_policy_adopts_only_plain_memos_of_its_twins(policy: Policy, example: Jurisdiction,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """What a view takes of the twins its tables were made on holds nothing of a twin (whose reads it would note)."""
    monkeypatch.setattr(T, "_KEPT", OrderedDict())
    view = policy.with_parameters(policy_gap_owner="kind", handling_time_limit_days=17)  # (a view of its own)
    assert "_rectifies" not in vars(view)
    _tables(view, example)
    assert "_rectifies" in vars(view) and "_has_part" in vars(view) and "_recording_own" not in vars(view)
    seen: set[int] = set()
    todo: list[Any] = [v for k, v in vars(view).items() if k != "_memos"]
    while todo:
        x = todo.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        assert not isinstance(x, PolicyView | ParameterReads) or x is view, type(x)
        assert type(x).__name__ not in ("_Recorded", "_Sealed", "_Everything")
        if isinstance(x, dict):
            todo += [*x.keys(), *x.values()]
        elif isinstance(x, list | tuple | set | frozenset):
            todo += list(x)


#: Scenario files whose records the batch's output is compared on, and the readings (distinct parts made for each).
SCENARIOS = ("basic_needs", "discovery", "education", "check39", "check40")
SOME = [{}, {"policy_gap_owner": "kind"}, {"education_review_covers_procedure": False},
        {"assignment_without_rectification_duty": "assignee", "supervision_scope": "all_levels"}]


@pytest.mark.slow
def test_the_batch_output_is_the_same_whichever_reading_is_built_first(policy: Policy,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    records = [dict(s.scenario.problem) for name in SCENARIOS
               for s in load_scenarios(ROOT / "examples" / "problems" / f"{name}.scenarios.yaml")
               if not s.scenario.jurisdiction]
    assert len(records) > 40
    readings = [_flipped(policy, r) for r in SOME]
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")  # (the tables made here, not read back from the cache)
    outputs: list[dict[int, Any]] = []
    for order in (readings, readings[::-1]):
        monkeypatch.setattr(T, "_KEPT", OrderedDict())
        out = {}
        for r in order:
            view = policy.with_parameters(**r) if r else policy.with_parameters()
            a = view.assess(records)
            out[readings.index(r)] = (a.assessed, a.rejected, a.findings.astype(object).values.tolist())
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert len({repr(v) for v in outputs[0].values()}) > 1  # (the readings change some answer)
