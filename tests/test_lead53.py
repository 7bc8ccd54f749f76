"""check53 #1: a rule that spares the body the record names as the finder (outside_channel_finder_level's 本级亦未发现,
unit_below_own_level's school: it did find it, through that channel; probe8 P8-17) spares it too where the rule's
holder is the role that stands for the record's line and the line resolves to the finder. Before, 县医保 taking a
hotline call about late medical assistance was named 应发现未发现 of what the same reason said it found, under
outside_channel_finder_level=true, and the default verdict did not list the parameter (it reads the resolved line).
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
SAME_LEVEL = "outside_channel_finder_level"


def _hotline(rid: str, body: str, severity: str | None = None, **more: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"id": rid, "area": "health", "kind": "health_assistance_late", "place": "330127",
                              "sector": "medical_insurance",
                              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": body},
                              "as_of": "2021-04-01", **more}
    if severity:
        record["severity"] = severity
    return record


H3 = _hotline("check53-H3", "county_medical_insurance")
S2 = _hotline("check53-S2", "county_medical_insurance", "serious")
# the line's department found it with no `sector` given: the record's line is then the finder's own
H3_NO_LINE = {k: v for k, v in H3.items() if k != "sector"} | {"id": "check53-H3-noline"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [H3, S2, H3_NO_LINE], ids=lambda r: r["id"])
@pytest.mark.parametrize("value", [False, True])
def test_the_finder_is_not_named_for_not_finding_what_it_found(policy: Policy, engine: str, record: dict[str, Any],
                                                                value: bool) -> None:
    v = verdict(policy, record, engine, **{SAME_LEVEL: value})
    assert ("county_medical_insurance", "not_discovered") not in found(v), [(f.body, f.basis) for f in v.findings]
    # it sat on what it held: that finding stays, under either value
    assert ("county_medical_insurance", "not_handled") in found(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [H3, S2], ids=lambda r: r["id"])
def test_a_reading_that_changes_nothing_is_not_listed(policy: Policy, engine: str, record: dict[str, Any]) -> None:
    """No body of the finder's level but the finder holds the kind's discovery: the parameter decides nothing, so
    the default verdict does not list it and the other value finds the same."""
    default, other = verdict(policy, record, engine), verdict(policy, record, engine, **{SAME_LEVEL: True})
    assert SAME_LEVEL not in rested(default)
    assert found(default) == found(other)


@pytest.mark.parametrize("engine", ENGINES)
def test_another_body_of_the_line_still_answers_and_is_listed(policy: Policy, engine: str) -> None:
    """The control: 县财政 took the call, 县医保 holds the discovery of the line; the parameter decides, and says so."""
    record = _hotline("check53-H3-finance", "county_finance")
    default, other = verdict(policy, record, engine), verdict(policy, record, engine, **{SAME_LEVEL: True})
    assert SAME_LEVEL in rested(default)
    assert ("county_medical_insurance", "not_discovered") not in found(default)
    assert ("county_medical_insurance", "not_discovered") in found(other)
    assert ("county_finance", "not_discovered") not in found(other)


def test_batch_equals_who_answers(policy: Policy) -> None:
    view = policy.with_parameters(**{SAME_LEVEL: True})
    records = [H3, S2, H3_NO_LINE, _hotline("check53-H3-finance", "county_finance")]
    got, want = batch_and_answers(view, records)
    assert got == want
    assert not [row for row in got if row[3] == "county_medical_insurance" and row[6] == "not_discovered"
                and row[0] != "check53-H3-finance"]


_COUNTY_FINDERS = ("county_poverty_office", "county_civil_affairs", "county_finance", "county_education",
                   "county_medical_insurance", "county_health", "county_construction", "county_water", "county_hrss",
                   "county_disabled_federation", "county_ethnic_religious")


@functools.cache
def _scan(policy: Policy) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], int]:
    """Every kind at the county, found through the county head's hotline by each county department: the findings
    true adds, where the default does not list the parameter, and where true names the finder itself."""
    on = policy.with_parameters(**{SAME_LEVEL: True})
    undisclosed: list[tuple[str, ...]] = []
    self_named: list[tuple[str, ...]] = []
    seen = 0
    for area, kind in sorted(policy.kinds):
        for body in _COUNTY_FINDERS:
            record = {"id": "scan", "area": area, "kind": kind, "place": "330127",
                      "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": body},
                      "as_of": "2021-04-01"}
            default, other = policy.who_answers(record, engine="compiled"), on.who_answers(record, engine="compiled")
            seen += 1
            added = found(other) - found(default)
            if added and SAME_LEVEL not in rested(default):
                undisclosed.append((area, kind, body))
            if (body, "not_discovered") in added:
                self_named.append((area, kind, body))
    return undisclosed, self_named, seen


@pytest.mark.slow
def test_no_kind_names_its_finder_or_hides_the_reading(policy: Policy) -> None:
    undisclosed, self_named, seen = _scan(policy)
    assert seen >= 11 * 60  # every kind was read (66 kinds shipped; a rules tree that lost its kinds fails here)
    assert not self_named
    assert not undisclosed


# ---------------------------------------------------------------- hostile53's left item: a number in a ledger event


@pytest.mark.parametrize(("field", "value"), [("area", 5), ("kind", 7), ("severity", 2)])
def test_a_number_naming_the_policy_in_an_event_is_the_wrong_type(field: str, value: int) -> None:
    """``area: 5`` in a registered event was looked up as the name '5' (unknown_area), where a record's is refused as
    the number it is (check52b #8, hostile53)."""
    from responsibility import ProblemError
    from responsibility.ledger._events import Event

    raw = {"problem": "CA-9", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219",
           field: value, "entered_by": "clerk"}
    with pytest.raises(ProblemError) as err:
        Event.parse(raw)
    assert err.value.code == "wrong_type", err.value
    assert f"expected text (an id or a name), not the number {value}" in str(err.value), err.value


def test_ids_places_and_free_text_still_take_a_number_as_its_digits() -> None:
    """A problem id, a place code, a staff number and a note are numbers in spreadsheets: kept as their digits."""
    from responsibility.ledger._events import Event

    got = Event.parse({"problem": 20210042, "type": "registered", "on": "2021-03-01", "area": "housing",
                       "place": 330127100219, "description": 12345, "entered_by": 1007})
    assert (got.problem, got.data["place"], got.data["description"], got.entered_by) == \
        ("20210042", "330127100219", "12345", "1007")
