"""The policy cache also stores the data as plain twins of the models (policy/_plain.py), which
``responsibility assess`` reads back without pydantic: they answer every question as the models read from the
YAML do. Every other reader gets the models, as before."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from responsibility.chain._checks import load_checked
from responsibility.engine import _problem, _records
from responsibility.policy import _cache, _model, _models, _plain
from responsibility.policy._view import PolicyView

from .conftest import own_cache


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own (pytest's own `cache` fixture is shadowed in this module only)."""
    return own_cache(tmp_path, monkeypatch)


def _fresh_and_cached(root: Path) -> tuple[PolicyView, PolicyView]:
    fresh = load_checked(root, cls=PolicyView)  # read from the YAML (and cached)
    cached = load_checked(root, cls=PolicyView, plain=True)
    assert fresh._loaded is not None and cached._loaded is None
    assert isinstance(fresh.data, _models.PolicyData) and isinstance(cached.data, _plain.Plain)
    models = load_checked(root, cls=PolicyView)  # (without plain: the models, as every other reader gets them)
    assert models._loaded is None and isinstance(models.data, _models.PolicyData) and models.data == fresh.data
    return fresh, cached


def test_every_model_has_a_twin_with_its_methods() -> None:
    models = [c for c in vars(_models).values() if isinstance(c, type) and issubclass(c, BaseModel)
              and c.__module__ == _models.__name__ and not c.__name__.startswith("_")]
    assert models
    mixins = (_model.DatedMixin, _model.DutyMixin, _model.StageDutiesMixin)
    for m in models:
        twin = _plain.TWINS[m.__name__]
        assert [x for x in mixins if issubclass(m, x)] == [x for x in mixins if issubclass(twin, x)], m


def test_cached_data_answers_as_the_read_data(cache: Path, rules_copy: Path) -> None:
    fresh, cached = _fresh_and_cached(rules_copy)
    assert cached.data == fresh.data and fresh.data == cached.data
    assert cached.data.model_dump_json() == fresh.data.model_dump_json()
    assert cached.version_key == fresh.version_key
    assert cached.bodies.keys() == fresh.bodies.keys() and cached.duties.keys() == fresh.duties.keys()
    body = next(iter(cached.bodies.values()))
    assert repr(body) == repr(fresh.bodies[body.id]) and body == fresh.bodies[body.id]
    assert type(body).model_fields.keys() == type(fresh.bodies[body.id]).model_fields.keys()
    for d in cached.duties:
        assert cached.duties[d].reaches(3, 2) == fresh.duties[d].reaches(3, 2)
        assert cached.duties[d].in_force(dt.date(2021, 1, 1)) == fresh.duties[d].in_force(dt.date(2021, 1, 1))
    for k in cached.kinds:
        assert cached.kinds[k].stages.of("discovery") == fresh.kinds[k].stages.of("discovery")
    changed = {"handling_time_limit_days": 15}
    assert cached.with_parameters(**changed).data == fresh.with_parameters(**changed).data
    assert cached.with_parameters(**changed).version_key == fresh.with_parameters(**changed).version_key
    back = pickle.loads(pickle.dumps(cached))  # (a view sent to a spawned worker)
    assert back.data == fresh.data and isinstance(back.data, _plain.Plain)


def test_an_amended_policy_from_the_cache_answers_alike(cache: Path, rules_copy: Path) -> None:
    import shutil

    here = Path(__file__).resolve().parents[1]
    shutil.copytree(here / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments",
                    rules_copy / "amendments")
    fresh, cached = _fresh_and_cached(rules_copy)
    assert cached.epochs
    assert cached.epochs == fresh.epochs and cached.data == fresh.data
    for day in [*cached.epochs, dt.date(2020, 1, 1)]:
        assert cached.at(day).data == fresh.at(day).data
        assert cached.at(day).version_key == fresh.at(day).version_key


def test_a_twin_pickles_without_its_model() -> None:
    data = _models.PolicyData.model_construct()  # (no fields: enough to carry a state)
    object.__setattr__(data, "__dict__", {"meta": None})
    twin = _plain.plain(data)
    _plain.real(twin)  # made, and kept on the twin
    payload = pickle.dumps(twin)
    assert b"_models" not in payload and pickle.loads(payload) == twin


def test_a_model_without_a_twin_has_no_plain_entry(cache: Path, rules_copy: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(_plain.TWINS, "Duty")
    load_checked(rules_copy, cls=PolicyView)
    assert not list(cache.glob(f"{_cache.PLAIN_KIND}-*.pickle"))
    got = load_checked(rules_copy, cls=PolicyView, plain=True)  # the models' entry, then
    assert got._loaded is None and isinstance(got.data, _models.PolicyData)


def test_a_corrupt_plain_entry_is_ignored(cache: Path, rules_copy: Path) -> None:
    fresh = load_checked(rules_copy, cls=PolicyView)
    (entry,) = cache.glob(f"{_cache.PLAIN_KIND}-*.pickle")
    entry.write_bytes(b"not a pickle")
    got = load_checked(rules_copy, cls=PolicyView, plain=True)
    assert isinstance(got.data, _models.PolicyData) and got.data == fresh.data


def test_the_record_fields_are_the_models(cache: Path) -> None:
    assert {"problem": [*_records.Problem.model_fields, "domain"],
                                "discovered": list(_records.Discovered.model_fields),
                                "handled": list(_records.Handling.model_fields)} == _problem._FIELDS
    assert _problem.Problem is _records.Problem


@pytest.mark.slow
def test_a_cached_start_that_validates_no_record_imports_no_pydantic(tmp_path: Path) -> None:
    # the command's start from the caches reads the policy as plain objects and the records in bulk: pydantic is
    # imported only where a record is validated one by one
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "p", "domain": "housing", "place": "331127"}\n', encoding="utf-8")
    env_dir = tmp_path / "cache"
    code = ("import os, sys; os.environ['RESPONSIBILITY_CACHE_DIR'] = %r; from responsibility.cli import main; "
            "assert main(['assess', %r, '-o', %r, '--no-progress']) in (0, 1); "
            "print(' '.join(m for m in ('pydantic', 'pydantic_core') if m in sys.modules))")
    args = (str(env_dir), str(records), str(tmp_path / "f.parquet"))
    first = subprocess.run([sys.executable, "-c", code % args], capture_output=True, text=True, check=True,
                           timeout=120)
    assert "pydantic" in first.stdout  # (the first run reads the YAML and validates it)
    again = subprocess.run([sys.executable, "-c", code % args], capture_output=True, text=True, check=True,
                           timeout=120)
    assert again.stdout.strip() == ""


@pytest.mark.parametrize("where", ["areas/water2.yml", "areas/sub/water.yaml"])
def test_a_file_the_loader_refuses_unread_is_in_the_cache_key(cache: Path, rules_copy: Path, where: str) -> None:
    """final22: the key hashed only the *.yaml the loader reads, so after a clean load (cached) a new areas/water2.yml
    — which the loader refuses (unread_file) — was not seen: load() answered from the cache, an uncached load
    refused. Such a file's name is in the key now."""
    from responsibility._errors import RulesError

    load_checked(rules_copy, cls=PolicyView)  # cached
    key = _cache.key_of(rules_copy)
    target = rules_copy / where
    target.parent.mkdir(exist_ok=True)
    target.write_text((rules_copy / "areas" / "water.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert _cache.key_of(rules_copy) != key
    with pytest.raises(RulesError, match="not read"):
        load_checked(rules_copy, cls=PolicyView)
    target.unlink()
    assert _cache.key_of(rules_copy) == key
