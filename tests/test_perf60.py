"""The batch's reference path decides a record again only under the readings that word a reason (perf60; issue 12 #3).

A referred record's verdict is decided again under every reading the text leaves open that its findings may rest on
(engine/_decide.py ``Decider._switched``): ~55% of what the referred records cost on session 58's profile of the bench
ledger. The batch's rows hold a finding's body, place, basis, liability, clauses and reason, not what it rests on; and
a reading's link changes only that (``Decider._linked``: the clauses stay), except acting_departments_press, whose link
words the reason of a department shown acting (``Decider._acting_form``: 发现或受交办该问题). So the batch asks
``engine._decide.who_answers(..., wording_only=True)``, which decides the record again under that reading alone. These
tests hold its findings to the whole verdict's on the bench ledger's referred records under several readings, and
check that it skips the others (a
version that decided every reading again would pass the equality tests and undo the work; one that skipped the acting
reading too fails them: 26 of 408,109 rows of 200k bench records differ in their reason).

And the two kinds of record that session 58 left on the reference path now take the fast path where they can: a
county standing for its 党委、政府 together gets a fact for each (batch/_core.item_pairs), and a record naming an acting
city or province department stays unless that department has a hit to press on (batch/_core.acting_pressers with
the templates): the tests below hold both to ``who_answers`` under many readings and check that they stay."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import Decider, decider_of, who_answers

from .test_batch import TODAY

#: what sent most of the bench ledger's referred records (session 58: 68 and 45 of 20,000): a county standing for
#: its 党委、政府 together (``item_receivers``; now on the fast path, two facts: ``item_pairs``) and an acting city or
#: province department (``acting_pressers``)
MARKERS = ("item_receivers", "acting_pressers")

#: readings the referred records turn on: the acting departments' pressing, who stands for a level that had the
#: problem through no body named, a rectifier's sitting on its own work, a level's leaders, the departments a record
#: names no line of, how far pressing reaches, the poverty offices' pressing
READINGS: list[dict[str, Any]] = [
    {},
    {"acting_departments_press": False},
    {"receiving_level_body": "handling_holders"},
    {"rectifier_holding": "not_rectified"},
    {"level_assignment_leaders": "rectify"},
    {"sectorless_alternatives": "every_holder"},
    {"supervision_scope": "all_levels"},
    {"offices_press_every_area": False},
]


#: records of a city department shown acting whose 指导督促 reason the acting reading words (发现或受交办该问题)
ACTING: list[dict[str, Any]] = [
    {"area": "projects", "severity": "minor",
     "discovered": {"level": "city", "channel": "inspection_tour", "on": "2021-05-14", "body": "city_agriculture"},
     "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-05-18"}],
     "deadline": "2021-06-21", "rectified_on": "2021-06-25", "as_of": "2021-11-01"},
    {"area": "discovery", "severity": "minor",
     "discovered": {"level": "city", "channel": "reporting_platform", "on": "2021-07-13",
                    "body": "city_disabled_federation"},
     "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-07-16"}],
     "rectified_on": "2021-08-16", "as_of": "2022-07-03"},
]


def _ids(values: dict[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in values.items()) or "default"


@pytest.fixture(scope="module")
def referred(policy: Policy, small_province: Jurisdiction) -> dict[str, list[dict[str, Any]]]:
    """The bench ledger's records (6,000 of ``bench_assess.ledger``) of each of :data:`MARKERS`: those whose late
    county stands for two bodies (``item_receivers``: found by ``item_pairs``, which keeps them on the fast path) and
    those ``acting_pressers`` sends to the reference path."""
    from responsibility.batch import _core

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_assess import ledger as bench_ledger

    records = [{k: v for k, v in r.items() if v is not None}
               for r in bench_ledger(policy, small_province, 6000, seed=60)]
    # (and two of the 1M bench ledger's, P00000145 and P00007647, at a village of this province: a city department
    # found it, the city handed it to the county, late rectified — its 指导督促 is worded by the acting reading)
    village = small_province.at_level("village")[3].code
    records += [dict(rec, id=f"acting-{i}", place=village) for i, rec in enumerate(ACTING)]
    paired: set[str] = set()
    acting: set[str] = set()
    real, real_acting = _core.item_pairs, _core.acting_pressers

    def spy(c: Any, *args: Any) -> Any:
        pairs, many = real(c, *args)
        if pairs is not None:
            paired.update(c.ids[i] for i in args[1][pairs[:, 0] >= 0].tolist())
        return pairs, many

    def spy_acting(c: Any, t: Any, tpl: Any = None, facts: Any = None) -> Any:
        got = real_acting(c, t, tpl, facts)
        if got is not None:  # (the first call: the records naming a department that may press as acting)
            acting.update(c.ids[i] for i in got[0].tolist())
        return got

    with mock.patch.object(_core, "item_pairs", spy), mock.patch.object(_core, "acting_pressers", spy_acting):
        policy.assess(records, jurisdiction=small_province, today=TODAY)
    got = {"item_receivers": [r for r in records if r["id"] in paired],
           "acting_pressers": [r for r in records if r["id"] in acting]}
    # (enough of each to mean something: ~0.3% and ~0.2% of the bench ledger)
    assert len(got["item_receivers"]) >= 10 and len(got["acting_pressers"]) >= 5, {m: len(v) for m, v in got.items()}
    assert {"acting-0", "acting-1"} <= acting
    return got


def _worded(view: Any, rec: dict[str, Any], j: Jurisdiction) -> Any:
    """``rec``'s verdict as the batch's reference path asks it (``wording_only``)."""
    return who_answers(view, rec, jurisdiction=j, engine="compiled", today=TODAY, wording_only=True)


def _rows(verdict: Any) -> list[tuple[Any, ...]]:
    return [(f.level, f.body, f.place, f.basis, f.liability, f.clauses, f.reason, f.reason_en)
            for f in verdict.findings]


def assert_batch_is_who_answers(view: Any, records: list[dict[str, Any]], province: Jurisdiction) -> None:
    """``view.assess(records)``'s rows are ``who_answers``' record by record (as tests/verdicts.batch_and_answers, in
    the small province the records' places are in, on TODAY)."""
    a = view.assess(records, jurisdiction=province, today=TODAY)
    assert a.rejected == 0 and a.assessed == len(records)
    assert _batch_rows(a) == _who_rows(view, records, province)


def _batch_rows(a: Any) -> list[tuple[Any, ...]]:
    """An assessment's finding rows, as :func:`_who_rows` gives them."""
    cols = ["problem", "level", "body", "place", "basis", "liability", "clauses", "reason"]
    return [tuple(x) for x in a.findings[cols].astype(object).itertuples(index=False)]


def _who_rows(view: Any, records: list[dict[str, Any]], province: Jurisdiction) -> list[tuple[Any, ...]]:
    """``who_answers``' findings on ``records``, record by record, as the batch's rows hold them."""
    return [(v.problem, f.level, f.body, f.place, f.basis, f.liability, ";".join(f.clauses), f.reason)
            for r in records
            for v in [view.who_answers(r, jurisdiction=province, engine="compiled", today=TODAY)]
            for f in v.findings]


@pytest.mark.parametrize("values", READINGS, ids=_ids)
def test_wording_only_rows_are_who_answers_rows(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    for marker, records in referred.items():
        for rec in records:
            want = _rows(view.who_answers(rec, jurisdiction=small_province, engine="compiled", today=TODAY))
            got = _rows(_worded(view, rec, small_province))
            assert got == want, (marker, rec["id"])


@pytest.mark.parametrize("values", READINGS[:4], ids=_ids)
def test_the_batch_gives_who_answers_rows_for_the_referred_records(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    records = [r for rs in referred.values() for r in rs]
    # (as tests/verdicts.batch_and_answers, in the small province the records' places are in)
    assert_batch_is_who_answers(view, records, small_province)


def test_the_acting_reading_words_reasons_of_the_acting_records(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (what makes the equality above bite: the acting records' rows include reasons only the acting reading's link
    # words; deciding no reading again gives them without the phrase)
    phrase = policy.data.accountability.phrases["acting"]

    def worded() -> list[str]:
        return [r["id"] for r in referred["acting_pressers"]
                if any(phrase in f.reason for f in _worded(policy, r, small_province).findings)]

    with_reading = worded()
    assert with_reading
    monkeypatch.setattr(decider_of(policy), "_wording_params", frozenset())
    assert len(worded()) < len(with_reading)


def test_wording_only_decides_again_only_under_the_acting_reading(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]]) -> None:
    asked: list[str] = []
    real = Decider._flipped

    def spy(self: Decider, param: str, value: Any) -> Decider:
        asked.append(param)
        return real(self, param, value)

    with mock.patch.object(Decider, "_flipped", spy):
        for rec in referred["item_receivers"]:
            _ = _worded(policy, rec, small_province).findings
        assert set(asked) <= {"acting_departments_press"}
        for rec in referred["acting_pressers"]:
            _ = _worded(policy, rec, small_province).findings
        assert set(asked) == {"acting_departments_press"}
        asked.clear()
        # (the whole verdict decides the same records again under other readings too: what wording_only saves)
        for rec in referred["item_receivers"] + referred["acting_pressers"]:
            _ = policy.who_answers(rec, jurisdiction=small_province, engine="compiled", today=TODAY).findings
        assert set(asked) - {"acting_departments_press"}


# -- the county standing for its 党委、政府 on the fast path (batch/_core.item_pairs) --------------------------------

#: readings a county standing for two bodies could turn on: who answers for what it sat on, its leaders, the limits,
#: what a pass-down answers, how far pressing reaches, main responsibility, what a report to an oversight organ is
PAIR_READINGS: list[dict[str, Any]] = [
    *READINGS,
    {"self_rectified_report_required": True},
    {"reassigned_level_answers": "rectification"},
    {"misrouted_level_holder": "kind_department"},
    {"report_to_oversight": "any_receiver"},
    {"handling_time_limit_days": 5},
    {"main_responsibility_every_level": True},
    {"late_pass_on_answers": "not_handled"},
    {"missing_step_holder": "nobody"},
    {"leadership_liability_from": "minor"},
]


def _referred_ids(view: Any, records: list[dict[str, Any]], j: Jurisdiction) -> tuple[Any, set[str]]:
    """``view.assess(records)`` and the ids of the records it gave the reference path."""
    import responsibility.batch._assessor as batch

    sent: set[str] = set()
    real = batch.who_answers

    def who(policy: Any, raw: Any, **kwargs: Any) -> Any:
        sent.add(raw["id"])
        return real(policy, raw, **kwargs)

    with mock.patch.object(batch, "who_answers", who):
        a = view.assess(records, jurisdiction=j, today=TODAY)
    return a, sent


@pytest.mark.parametrize("values", PAIR_READINGS, ids=_ids)
def test_a_county_standing_for_its_party_committee_and_government_gives_who_answers_rows_on_the_fast_path(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    records = referred["item_receivers"]
    a, sent = _referred_ids(view, records, small_province)
    assert a.rejected == 0 and a.assessed == len(records)
    # they stay on the fast path (sent to the reference path before: session 58's ``item_receivers``), but where
    # rectifier_holding reads a rectifier's sitting on its own work (the engine reads it of the first of them), and
    # under offices_press_every_area: false, which sends every record (batch/_core.py co_assignees: the offices
    # press only where the record shows them acting)
    if values.get("rectifier_holding") != "not_rectified" and values.get("offices_press_every_area") is not False:
        assert not sent
    assert _batch_rows(a) == _who_rows(view, records, small_province)


def test_both_bodies_answer(policy: Policy, small_province: Jurisdiction,
                            referred: dict[str, list[dict[str, Any]]]) -> None:
    # (what the rows above hold: each record names the county's 党委 and 政府 未及时交办上报, none the stand-in)
    a = policy.assess(referred["item_receivers"], jurisdiction=small_province, today=TODAY)
    handled = a.findings[a.findings["basis"] == "not_handled"]
    bodies = handled.groupby("problem")["body"].agg(set)
    assert len(bodies) == len(referred["item_receivers"])
    assert all({"county_party_committee", "county_government"} <= b for b in bodies), bodies
    assert "county_holders_unnamed" not in set(a.findings["body"])


# -- a department shown acting that presses nothing, on the fast path (batch/_core.acting_pressers) -----------------

#: the readings of the pressing an acting department may add to, and of its reason
ACTING_READINGS: list[dict[str, Any]] = [
    *READINGS,
    {"supervision_scope": "next_level"},
    {"supervision_scope": "own_and_level_above"},
    {"joint_guidance_every_line": True},
    {"main_responsibility_every_level": True},
    {"handling_time_limit_days": 5},
    {"leadership_liability_from": "minor"},
]


@pytest.mark.parametrize("values", ACTING_READINGS, ids=_ids)
def test_a_record_naming_an_acting_department_gives_who_answers_rows(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    records = referred["acting_pressers"]
    assert_batch_is_who_answers(view, records, small_province)


def test_a_department_shown_acting_takes_the_reference_path_only_where_it_presses(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]]) -> None:
    records = referred["acting_pressers"]
    _, sent = _referred_ids(policy, records, small_province)
    # the two whose city department presses the county's rectification (its 指导督促 worded 发现或受交办该问题) go; most
    # of the others stay (session 58 sent every one of them: perf60 saw 1 of 78 and 3 of 84 sent in other ledgers)
    assert {"acting-0", "acting-1"} <= sent
    assert len(sent) <= len(records) // 4, (len(sent), len(records))
    phrase = policy.data.accountability.phrases["acting"]
    worded = {r["id"] for r in records
              if any(phrase in f.reason for f in policy.who_answers(r, jurisdiction=small_province, engine="compiled",
                                                                    today=TODAY).findings)}
    assert worded <= sent
