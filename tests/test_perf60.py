"""The batch's reference path decides a record again only under the readings that word a reason (perf60; issue 12 #3).

A referred record's verdict is decided again under every reading the text leaves open that its findings may rest on
(engine/_decide.py ``Decider._switched``): ~55% of what the referred records cost on session 58's profile of the bench
ledger. The batch's rows hold a finding's body, place, basis, liability, clauses and reason, not what it rests on; and
a reading's link changes only that (``Decider._linked``: the clauses stay), except acting_departments_press, whose link
words the reason of a department shown acting (``Decider._acting_form``: 发现或受交办该问题). So the batch asks
``finding_rows``, which decides the record again under that reading alone. These tests hold its findings to
``who_answers``' on the bench ledger's referred records under several readings, and check that it skips the others (a
version that decided every reading again would pass the equality tests and undo the work; one that skipped the acting
reading too fails them: 26 of 408,109 rows of 200k bench records differ in their reason)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import Decider, decider_of, finding_rows

from .test_batch import TODAY, watching

#: the two markers that send most of the bench ledger's referred records (session 58: 68 and 45 of 20,000)
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
    """The bench ledger's records (6,000 of ``bench_assess.ledger``) each marker sends to the reference path."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_assess import ledger as bench_ledger

    records = [{k: v for k, v in r.items() if v is not None}
               for r in bench_ledger(policy, small_province, 6000, seed=60)]
    # (and two of the 1M bench ledger's, P00000145 and P00007647, at a village of this province: a city department
    # found it, the city handed it to the county, late rectified — its 指导督促 is worded by the acting reading)
    village = small_province.at_level("village")[3].code
    records += [dict(rec, id=f"acting-{i}", place=village) for i, rec in enumerate(ACTING)]
    with watching(*MARKERS) as marked:
        policy.assess(records, jurisdiction=small_province, today=TODAY)
    got = {m: [r for r in records if r["id"] in marked[m]] for m in MARKERS}
    # (enough of each to mean something: ~0.35% and ~0.2% of the bench ledger)
    assert len(got["item_receivers"]) >= 10 and len(got["acting_pressers"]) >= 5, {m: len(v) for m, v in got.items()}
    assert {"acting-0", "acting-1"} <= marked["acting_pressers"]
    return got


def _rows(verdict: Any) -> list[tuple[Any, ...]]:
    return [(f.level, f.body, f.place, f.basis, f.liability, f.clauses, f.reason, f.reason_en)
            for f in verdict.findings]


@pytest.mark.parametrize("values", READINGS, ids=_ids)
def test_finding_rows_are_who_answers_rows(policy: Policy, small_province: Jurisdiction,
                                           referred: dict[str, list[dict[str, Any]]], values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    for marker, records in referred.items():
        for rec in records:
            want = _rows(view.who_answers(rec, jurisdiction=small_province, engine="compiled", today=TODAY))
            got = _rows(finding_rows(view, rec, jurisdiction=small_province, engine="compiled", today=TODAY))
            assert got == want, (marker, rec["id"])


@pytest.mark.parametrize("values", READINGS[:4], ids=_ids)
def test_the_batch_gives_who_answers_rows_for_the_referred_records(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    records = [r for rs in referred.values() for r in rs]
    # (as tests/verdicts.batch_and_answers, in the small province the records' places are in)
    a = view.assess(records, jurisdiction=small_province, today=TODAY)
    assert a.rejected == 0 and a.assessed == len(records)
    cols = ["problem", "level", "body", "place", "basis", "liability", "clauses", "reason"]
    got = [tuple(x) for x in a.findings[cols].astype(object).itertuples(index=False)]
    want = [(v.problem, f.level, f.body, f.place, f.basis, f.liability, ";".join(f.clauses), f.reason)
            for r in records
            for v in [view.who_answers(r, jurisdiction=small_province, engine="compiled", today=TODAY)]
            for f in v.findings]
    assert got == want


def test_the_acting_reading_words_reasons_of_the_acting_records(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (what makes the equality above bite: the acting records' rows include reasons only the acting reading's link
    # words; finding_rows deciding no reading again gives them without the phrase)
    phrase = policy.data.accountability.phrases["acting"]

    def worded() -> list[str]:
        return [r["id"] for r in referred["acting_pressers"]
                if any(phrase in f.reason for f in finding_rows(policy, r, jurisdiction=small_province,
                                                                  engine="compiled", today=TODAY).findings)]

    with_reading = worded()
    assert with_reading
    monkeypatch.setattr(decider_of(policy), "_wording_params", frozenset())
    assert len(worded()) < len(with_reading)


def test_finding_rows_decide_again_only_under_the_acting_reading(
        policy: Policy, small_province: Jurisdiction, referred: dict[str, list[dict[str, Any]]]) -> None:
    asked: list[str] = []
    real = Decider._flipped

    def spy(self: Decider, param: str, value: Any) -> Decider:
        asked.append(param)
        return real(self, param, value)

    with mock.patch.object(Decider, "_flipped", spy):
        for rec in referred["item_receivers"]:
            _ = finding_rows(policy, rec, jurisdiction=small_province, engine="compiled", today=TODAY).findings
        assert set(asked) <= {"acting_departments_press"}
        for rec in referred["acting_pressers"]:
            _ = finding_rows(policy, rec, jurisdiction=small_province, engine="compiled", today=TODAY).findings
        assert set(asked) == {"acting_departments_press"}
        asked.clear()
        # (who_answers decides the same records again under other readings too: what finding_rows saves)
        for rec in referred["item_receivers"] + referred["acting_pressers"]:
            _ = policy.who_answers(rec, jurisdiction=small_province, engine="compiled", today=TODAY).findings
        assert set(asked) - {"acting_departments_press"}
