"""A cold ``responsibility who`` from the caches (session 35, perf35): the policy read as plain objects, a switched
reading's view kept plain, and each area's compiled rules kept in the per-user cache beside the policy.

Behavioural guards, not timings (benchmarks/bench_assess.py prints the cold start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from responsibility.chain._checks import load_checked
from responsibility.engine import _compile
from responsibility.engine._decide import Decider, _set_view
from responsibility.policy import _cache, _models, _plain
from responsibility.policy._view import PolicyView
from responsibility.policy._whatif import flipped

from .conftest import own_cache

PROBLEM = {"id": "one", "domain": "housing", "place": "330127100219", "severity": "grave",
           "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-12-31"}


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own (pytest's own `cache` fixture is shadowed in this module only)."""
    return own_cache(tmp_path, monkeypatch)


def _views(root: Path) -> tuple[PolicyView, PolicyView]:
    """The policy read from the YAML (and so cached), then from the cache as plain objects."""
    fresh = load_checked(root, cls=PolicyView)
    cached = load_checked(root, cls=PolicyView, plain=True)
    assert fresh._loaded is not None and isinstance(cached.data, _plain.Plain)
    return fresh, cached


def _bool_parameter(view: PolicyView) -> str:
    return next(p.id for p in view.data.parameters if p.type == "bool")


def _choice_parameter(view: PolicyView) -> tuple[str, Any]:
    p = next(p for p in view.data.parameters if p.type == "choice" and len(p.choices or []) > 1)
    return p.id, next(c for c in p.choices or [] if c != p.value)


def _rule_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{_compile.RULES_KIND}-*.pickle"))


# ------------------------------------------------------------------ plain twins copied as pydantic copies models


def test_a_twins_copy_is_a_twin_equal_to_the_models_copy(cache: Path, rules_copy: Path) -> None:
    fresh, cached = _views(rules_copy)
    p, q = cached.data.parameters[0], fresh.data.parameters[0]
    assert isinstance(p, _plain.Plain) and not isinstance(q, _plain.Plain)
    twin, model = p.model_copy(update={"value": "x"}), q.model_copy(update={"value": "x"})
    assert isinstance(twin, _plain.Plain) and twin == model and twin.value == "x"
    assert twin._fields_set == model.__pydantic_fields_set__ and "value" in twin._fields_set
    assert p.value != "x" and "x" not in (p.__dict__.values())  # the original is untouched
    # an update holding a model keeps the copy all twins; a deep copy is the model's
    data = cached.data.model_copy(update={"parameters": [q]})
    assert isinstance(data, _plain.Plain) and isinstance(data.parameters[0], _plain.Plain)
    assert data == fresh.data.model_copy(update={"parameters": [q]})
    assert not isinstance(cached.data.model_copy(deep=True), _plain.Plain)


def test_a_switched_view_of_cached_data_stays_plain_and_answers_alike(cache: Path, rules_copy: Path) -> None:
    fresh, cached = _views(rules_copy)
    name = _bool_parameter(cached)
    a, b = flipped(cached, name), flipped(fresh, name)
    assert isinstance(a.data, _plain.Plain) and a.data == b.data and a.what_if == b.what_if
    assert a.parameter(name) == b.parameter(name) != cached.parameter(name)
    choice, value = _choice_parameter(cached)
    c, d = _set_view(cached, choice, value), _set_view(fresh, choice, value)
    assert isinstance(c.data, _plain.Plain) and c.data == d.data and c.parameter(choice) == value


# ------------------------------------------------------------------ an area's rules in the cache


def test_rules_read_back_equal_the_compiled(cache: Path, rules_copy: Path) -> None:
    fresh, cached = _views(rules_copy)
    name = _bool_parameter(cached)
    choice, value = _choice_parameter(cached)
    for view in (cached, flipped(cached, name), _set_view(cached, choice, value)):
        key = _compile.rules_key(view, "housing")
        assert key is not None
        made = Decider(view).rules["housing"]  # compiled, and kept
        assert _compile.saved_rules(key, "housing") == made == _compile.compile_rules(view, ["housing"])["housing"]
    # the models' view and the plain one are the same data: one key; a switched view is another
    assert _compile.rules_key(fresh, "housing") == _compile.rules_key(cached, "housing")
    assert _compile.rules_key(flipped(cached, name), "housing") not in (None, _compile.rules_key(cached, "housing"))
    assert len(_rule_entries(cache)) == 3
    again = Decider(cached).rules["housing"]  # from the cache
    assert again == Decider(fresh).rules["housing"] and len(_rule_entries(cache)) == 3


def test_each_day_area_and_code_is_another_key(cache: Path, rules_copy: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    _, cached = _views(rules_copy)
    key = _compile.rules_key(cached, "housing")
    dated = PolicyView(cached.data, root=cached.root, loaded=None, as_of=dt.date(2021, 1, 1))
    assert _compile.rules_key(dated, "housing") not in (None, key)
    assert _compile.rules_key(cached, "education") not in (None, key)
    monkeypatch.setattr(_compile, "_ENGINE_CODE", [b"other code"])
    assert _compile.rules_key(cached, "housing") not in (None, key)
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")
    assert _compile.rules_key(cached, "housing") is None


def test_data_not_from_the_cache_has_no_rules_key(cache: Path, rules_copy: Path) -> None:
    _, cached = _views(rules_copy)
    what_if = cached.with_parameters(handling_time_limit_days=15)  # (checked values: not a known step)
    assert _compile.rules_key(what_if, "housing") is None
    assert _compile.rules_key(flipped(what_if, _bool_parameter(what_if)), "housing") is None
    Decider(what_if).rules["housing"]  # compiled, as before
    assert _rule_entries(cache) == []


def test_a_damaged_or_foreign_rules_entry_is_not_used(cache: Path, rules_copy: Path) -> None:
    _, cached = _views(rules_copy)
    made = Decider(cached).rules["housing"]
    key = _compile.rules_key(cached, "housing")
    assert key is not None
    (entry,) = _rule_entries(cache)
    payload = bytearray(entry.read_bytes())
    payload[len(payload) // 2] ^= 0xFF  # a flipped byte: its digest no longer holds
    entry.write_bytes(bytes(payload))
    assert _compile.saved_rules(key, "housing") is None
    assert Decider(cached).rules["housing"] == made  # compiled again, and written again
    assert _compile.saved_rules(key, "housing") == made
    # another area's rules (or anything else) under this key: not this area's rules
    _cache.write_entry(_compile.RULES_KIND, key, _compile.RULES_FORMAT, Decider(cached).rules["education"], 8)
    assert _compile.saved_rules(key, "housing") is None
    _cache.write_entry(_compile.RULES_KIND, key, _compile.RULES_FORMAT, ["not", "rules"], 8)
    assert _compile.saved_rules(key, "housing") is None
    assert Decider(cached).rules["housing"] == made


# ------------------------------------------------------------------ the command


def _who(tmp_path: Path, cache: Path, *args: str, env: dict[str, str] | None = None) -> tuple[str, set[str]]:
    """``responsibility who`` of PROBLEM in a fresh process: its output and which of the policy's models and pydantic
    it imported."""
    problem = tmp_path / "p1.json"
    problem.write_text(json.dumps(PROBLEM), encoding="utf-8")
    code = (f"import sys; from responsibility.cli import main; code = main(['who', {str(problem)!r}, '--format', "
            f"'json', *{list(args)!r}]); "
            "print('#', *(m for m in ('responsibility.policy._models', 'pydantic') if m in sys.modules)); "
            "sys.exit(code)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "RESPONSIBILITY_CACHE_DIR": str(cache), **(env or {})})
    assert run.returncode == 0, run.stderr
    out, _, imported = run.stdout.rpartition("# ")
    return out, set(imported.split())


@pytest.mark.slow
def test_a_warm_who_reads_no_policy_models_and_answers_as_a_cold_one(tmp_path: Path, cache: Path) -> None:
    cold, _ = _who(tmp_path, cache, env={"RESPONSIBILITY_CACHE": "off"})
    first, _ = _who(tmp_path, cache)  # reads the YAML, fills the caches
    warm, imported = _who(tmp_path, cache)
    assert cold == first == warm and json.loads(warm)["findings"]
    assert "responsibility.policy._models" not in imported  # (the record's own model still imports pydantic)
    assert _rule_entries(cache)
    # a what-if from the plain data: checked by the models, answered as without the cache
    changed = ("--set", "supervision_scope=all_levels")
    assert _who(tmp_path, cache, *changed)[0] == _who(tmp_path, cache, *changed, env={"RESPONSIBILITY_CACHE": "off"})[0]
    assert _who(tmp_path, cache, *changed)[0] != warm


def test_the_models_are_still_read_where_pydantic_takes_the_items(cache: Path, rules_copy: Path) -> None:
    # (policy/_cache.read without plain: the service and every other reader get the models, as before)
    load_checked(rules_copy, cls=PolicyView)
    assert isinstance(load_checked(rules_copy, cls=PolicyView).data, _models.PolicyData)
