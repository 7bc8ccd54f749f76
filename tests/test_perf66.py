"""perf66 (session 64): the start of the reference path cheaper (issue 12 item 3: the batch's referred records).

The first record a process refers to ``who_answers`` reads each area's rules from the per-user cache, for the policy
and again for each view of a reading it decides the record under (``wording_only``), and builds the compiled engine's
index of them. Now (engine/_compile): rules another view already holds in this process, which a compile would make
alike, are taken before any cache entry is read (a switched view's entry was unpickled only to be dropped for them),
and an entry holds the engine's index with the rules, read in one unpickle instead of built. Answers must not change:
the rules and index read back equal those compiled and built, and decisions equal those made with the cache off.
Behavioural guards, not timings (benchmarks/stages_assess.py prints what the referred records cost).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import ProblemError
from responsibility.engine import _compile, _engine_compiled
from responsibility.engine._compile import RulesByArea
from responsibility.engine._engine_compiled import CompiledEngine
from responsibility.policy import _cache
from responsibility.policy._whatif import flipped

from .conftest import own_cache

VILLAGE = "330127100219"  # 富城村, 千岛湖镇
#: A reading no rule of an area reads (its views share the area's rules: tests/test_compile37)
UNREAD = "self_rectified_report_required"
#: The index of an area's rules, built (CompiledEngine._indexed, before any test counts its calls)
BUILD = CompiledEngine._indexed


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return own_cache(tmp_path, monkeypatch)


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set aside what this process shares of rules and their indexes, as in a new process."""
    monkeypatch.setattr(_compile, "_SHARED", {})
    monkeypatch.setattr(_compile, "_RECENT", OrderedDict())
    monkeypatch.setattr(_engine_compiled, "_INDEXES", {})


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The cache entries of rules read (unpickled) and the indexes built, from now on."""
    got: dict[str, list[str]] = {"read": [], "built": []}
    read, built = _compile._saved, CompiledEngine._indexed

    def reading(key: str, area: str) -> Any:
        got["read"].append(area)
        return read(key, area)

    def building(rules: Any) -> Any:
        got["built"].append(rules[0].area if rules else "")
        return built(rules)

    monkeypatch.setattr(_compile, "_saved", reading)
    monkeypatch.setattr(CompiledEngine, "_indexed", staticmethod(building))
    return got


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{_compile.RULES_KIND}-*.pickle"))


def _cached_view(root: Path) -> Any:
    """The policy read from the YAML (so cached), then read from the cache (as a new process reads it)."""
    responsibility.load(root)
    return responsibility.load(root)


def test_a_switched_view_takes_the_shared_rules_without_reading_its_entry(
        cache: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _cached_view(rules_copy)
    made = RulesByArea(view)["water"]
    RulesByArea(flipped(view, UNREAD))["water"]  # (shared, and its entry written: none was there)
    assert len(_entries(cache)) == 2
    _new_process(monkeypatch)
    got = _counting(monkeypatch)
    again = RulesByArea(view)["water"]
    assert again == made and got["read"] == ["water"]
    # the switched view's rules are the view's own, and its entry is not read (it was, and dropped for them)
    assert RulesByArea(flipped(view, UNREAD))["water"] is again
    assert got["read"] == ["water"] and got["built"] == []


def test_a_damaged_entry_of_a_view_sharing_rules_is_written_again(
        cache: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _cached_view(rules_copy)
    RulesByArea(view)["water"]
    switched = flipped(view, UNREAD)
    key = _compile.rules_key(switched, "water")
    assert key is not None
    made = RulesByArea(switched)["water"]
    assert _compile.saved_rules(key, "water") == made
    entry = cache / f"{_compile.RULES_KIND}-{key}.pickle"
    payload = bytearray(entry.read_bytes())
    payload[len(payload) // 2] ^= 0xFF  # a flipped byte: its digest no longer holds
    entry.write_bytes(bytes(payload))
    assert _compile.saved_rules(key, "water") is None
    assert RulesByArea(flipped(view, UNREAD))["water"] is made  # shared, and its entry written again
    assert _compile.saved_rules(key, "water") == made


def test_the_index_is_read_with_the_rules_and_equals_the_one_built(
        cache: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _cached_view(rules_copy)
    for area in ("housing", "education"):
        RulesByArea(view)[area]  # (compiled: kept with the index)
    _new_process(monkeypatch)
    got = _counting(monkeypatch)
    engine = CompiledEngine(RulesByArea(view))
    for area in ("housing", "education"):
        index = engine._index(area)
        assert got["built"] == []
        assert index == BUILD(engine._rules[area]) and index is engine._index(area)


def test_an_entry_without_an_index_has_it_built(cache: Path, rules_copy: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    view = _cached_view(rules_copy)
    key = _compile.rules_key(view, "health")
    assert key is not None
    rules = RulesByArea(view)["health"]
    got = _cache.read_entry(_compile.RULES_KIND, key, _compile.RULES_FORMAT)
    assert type(got) is tuple and len(got) == 4 and type(got[3]) is dict
    _cache.write_entry(_compile.RULES_KIND, key, _compile.RULES_FORMAT, (*got[:3], ["no", "index"]), 8)
    _new_process(monkeypatch)
    counted = _counting(monkeypatch)
    engine = CompiledEngine(RulesByArea(view))
    index = engine._index("health")
    assert counted["read"] == ["health"] and counted["built"] == ["health"]
    assert engine._rules["health"] == rules and index == BUILD(rules)


def _records(policy: Any) -> list[dict[str, Any]]:
    """A record of each kind of every area (those the policy takes), found by the county or the city, some handled."""
    out = []
    for n, (area, kind) in enumerate(sorted(policy.kinds)):
        r = {"id": f"r{n}", "area": area, "kind": kind, "place": VILLAGE, "severity": ("minor", "serious")[n % 2],
             "discovered": {"level": ("county", "city")[n % 2], "channel": "inspection_tour", "on": "2021-03-01"},
             "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-20"}]
             if n % 3 == 0 else [], "as_of": "2021-06-30"}
        try:
            policy.who_answers(r)
        except ProblemError:
            continue
        out.append(r)
    return out


#: Decides the records of a file in a new process under the rules of a directory, printing their to_dict() and the
#: areas whose rules were read from the cache and whose indexes were built.
DECIDE = """
import json, sys
import responsibility
from responsibility.engine import _compile
from responsibility.engine._engine_compiled import CompiledEngine
read, built, saved, indexed = [], [], _compile._saved, CompiledEngine._indexed
_compile._saved = lambda key, area: (got := saved(key, area)) and (read.append(area) or got)
CompiledEngine._indexed = staticmethod(lambda rules: built.append(rules[0].area) or indexed(rules))
policy = responsibility.load(sys.argv[1])
records = json.load(open(sys.argv[2]))
print(json.dumps({"verdicts": [policy.who_answers(r).to_dict() for r in records], "read": read, "built": built},
                 default=str))
"""


def test_decisions_with_rules_and_indexes_from_the_cache_equal_those_without_it(
        cache: Path, rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import os
    import subprocess
    import sys

    with monkeypatch.context() as m:
        m.setenv("RESPONSIBILITY_CACHE", "off")  # (nothing written to the test's cache here)
        records = _records(responsibility.load())
    assert len({r["area"] for r in records}) >= 6
    (tmp_path / "records.json").write_text(json.dumps(records))

    def decide(**env: str) -> dict[str, Any]:
        out = subprocess.run([sys.executable, "-c", DECIDE, str(rules_copy), str(tmp_path / "records.json")],
                             capture_output=True, text=True, check=True, env={**os.environ, **env})
        got: dict[str, Any] = json.loads(out.stdout)
        return got

    cold = decide()  # (compiled: each area's rules kept with their index)
    warm = decide()
    assert not cold["read"] and cold["built"]
    assert warm["read"] and not warm["built"]  # every index read with its rules, none built
    off = decide(RESPONSIBILITY_CACHE="off")
    assert warm["verdicts"] == cold["verdicts"] == off["verdicts"]
