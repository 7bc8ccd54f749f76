"""A reading asked again is the view made before (policy/_whatif.READINGS_KEPT), and a load of a ``PolicyView`` is
answered by the ``Policy`` kept for the same files (policy/_cache.kept_view): each pays its first decisions once in a
process, and answers as a new one does."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import ParameterWarning, Policy
from responsibility.chain._checks import load_checked
from responsibility.engine._decide import who_answers
from responsibility.policy import _cache, _whatif
from responsibility.policy._view import PolicyView

from .conftest import fresh_load

RECORD = {"id": "s52", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
          "severity": "serious", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
          "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _said(view: Any) -> Any:
    return who_answers(view, dict(RECORD), engine="compiled").to_dict()


def test_a_reading_asked_again_is_the_view_made_before(policy: Policy) -> None:
    base = fresh_load()  # (a view of its own: no reading kept from another test)
    late = base.with_parameters(handling_time_limit_days=15)
    assert base.with_parameters(handling_time_limit_days=15) is late
    assert base.with_parameters(**{"及时交办和上报时限（天）": 15}) is late  # (by its Chinese name: the same values)
    other = base.with_parameters(handling_time_limit_days=3)
    assert other is not late and other.parameter("handling_time_limit_days") == 3
    assert late.what_if == {"handling_time_limit_days": (10, 15)}
    # True and 1 are equal keys but not the same value: each its own reading (checked as each is)
    with pytest.raises(responsibility.RulesError):
        base.with_parameters(handling_time_limit_days=True)
    # the kept reading answers as a new one of the same values does
    with _cache.views_apart():
        new = base.with_parameters(handling_time_limit_days=15)
    assert new is not late and _said(new) == _said(late)
    assert _said(late) != _said(base.with_parameters(handling_time_limit_days=300))


def test_a_reading_without_effect_is_warned_of_each_time_it_is_asked() -> None:
    base = fresh_load()
    for _ in range(2):
        with pytest.warns(ParameterWarning, match="set leadership_liability_from=serious too"):
            alone = base.with_parameters(main_responsibility_from="serious")
    assert alone.parameter("main_responsibility_from") == "serious"


def test_the_readings_kept_are_bounded() -> None:
    base = fresh_load()
    days = range(1, 3 + _whatif.READINGS_KEPT)
    views = [base.with_parameters(handling_time_limit_days=d) for d in days]
    assert base.with_parameters(handling_time_limit_days=days[-1]) is views[-1]
    assert base.with_parameters(handling_time_limit_days=days[0]) is not views[0]  # (the oldest, dropped)
    kept = base.__dict__["_memos"]["with_parameters: readings"]
    assert len(kept) == _whatif.READINGS_KEPT


def test_within_views_apart_each_reading_is_new() -> None:
    base = fresh_load()
    with _cache.views_apart():
        a = base.with_parameters(handling_time_limit_days=15)
        b = base.with_parameters(handling_time_limit_days=15)
    assert a is not b and base.with_parameters(handling_time_limit_days=15) not in (a, b)


def test_a_view_asked_for_is_the_policy_kept_for_the_same_files(cache: Path, rules_copy: Path) -> None:
    # fails before: the scenario files', the CLI's, the service's and a ledger's loads (a PolicyView) each made a view
    # of their own beside responsibility.load()'s Policy, and paid their first decisions again
    loaded = responsibility.load(rules_copy)  # (read from the YAML and cached)
    kept = responsibility.load(rules_copy)  # (read back from the cache, and kept)
    assert loaded is not kept and kept._loaded is None
    view = load_checked(rules_copy, cls=PolicyView)
    assert view is kept and isinstance(view, PolicyView)
    plain = load_checked(rules_copy, cls=PolicyView, plain=True)  # (another form: a view of its own)
    assert plain is not kept and type(plain) is PolicyView
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _said(view) == _said(fresh_load(rules_copy)) == _said(plain)


def test_a_policy_asked_for_is_not_a_plain_view_kept(cache: Path, rules_copy: Path) -> None:
    responsibility.load(rules_copy)
    view = load_checked(rules_copy, cls=PolicyView)  # (a PolicyView kept, read back from the cache)
    assert type(view) is PolicyView
    got = responsibility.load(rules_copy)
    assert isinstance(got, Policy) and got is not view and responsibility.load(rules_copy) is got
    assert load_checked(rules_copy, cls=PolicyView) is view  # (exactly the class asked for, where both are kept)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-user cache of the test's own (conftest.own_cache)."""
    from .conftest import own_cache

    return own_cache(tmp_path, monkeypatch)
