"""The batch path reads a report handed back up itself (batch/_core.py returned_reports, returned_holders).

A report to the level that had handed the problem down to the reporter, or had been handed it itself, gives that
level no holding (engine/_facts.py derive's ``returned``; check57 #1, fid61). Session 57 sent every such record to
the reference path (2.8% of bench_assess's ledger, ×2.4 its CPU); the fast path now drops those holdings itself. These
tests hold it to ``who_answers``, record by record and under the readings the shapes turn on, and check that the plain
shapes stay on the fast path (a marker that sent them all back would pass the first test and undo the work)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import WATCHED, watching
from .test_fid61 import READINGS as FID61_READINGS
from .verdicts import batch_and_answers

V = "330127100219"
LEVELS = ["village", "township", "county", "city", "province"]
FINDERS = {"county": "hotline", "city": "inspection_tour", "province": "research_supervision"}


def _day(n: int) -> str:
    return (dt.date(2021, 3, 1) + dt.timedelta(days=n)).isoformat()


def _step(action: str, by: str, to: str, on: int, body: str | None = None) -> dict[str, Any]:
    s = {"action": action, "by_level": by, "to_level": to, "on": _day(on)}
    if body:
        s["to_body"] = body
    return s


def _a(by: str, to: str, on: int) -> dict[str, Any]:
    return _step("assigned", by, to, on)


def _r(by: str, to: str, on: int, body: str | None = None) -> dict[str, Any]:
    return _step("reported", by, to, on, body)


#: the shapes: handed back within and after the township's limit, the same day as the pass-down (which the
#: engine reads as no hand-back: the township had the problem only by that day's step), to the county over the
#: township's head, to a township handed the problem that passed nothing down (S6) and the same on the day it was
#: handed it, twice, twice the same day naming the township's government, handed back then passed down again late,
#: and a level up: the city's chain handed back to the county, the county handed the city's problem that passed
#: nothing down, the county reporting up to the city that assigned it, the province's chain
SHAPES: dict[str, list[dict[str, Any]]] = {
    "hb": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 7)],
    "hb-late": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 19)],
    "hb-same-day": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 4)],
    "hb-county": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "county", 7)],
    "s6": [_a("county", "township", 2), _r("village", "township", 7)],
    "s6-same-day": [_a("county", "township", 2), _r("village", "township", 2)],
    "hb-twice": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 7),
                 _r("village", "township", 12)],
    "hb-two-same-day": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 7),
                        _r("village", "township", 7, "township_government")],
    "hb-again": [_a("county", "township", 2), _a("township", "village", 4), _r("village", "township", 7),
                 _a("township", "village", 20)],
    "city-hb": [_a("city", "county", 2), _a("county", "township", 4), _r("township", "county", 8)],
    "city-s6": [_a("city", "county", 2), _r("township", "county", 8)],
    "city-up": [_a("city", "county", 2), _r("county", "city", 6)],
    "province": [_a("province", "city", 2), _a("city", "county", 3), _r("county", "city", 5),
                 _r("city", "province", 9)],
}

#: a kind of each area where the village, the township or the county rectifies (the parts the shapes turn on)
KINDS = [
    ("basic_needs", "basic_needs_not_helped_to_apply"),
    ("water", "water_facilities_unmaintained"),
    ("housing", "housing_renovation_late"),
    ("education", "education_student_not_identified"),
    ("funds", "funds_diverted"),
    ("projects", "project_late_or_unfinished"),
    ("identification", "identification_eligible_omitted"),
    ("health", "health_application_not_helped"),
]

#: fid61's readings, and the two the fast path's own markers turn on
READINGS: list[dict[str, Any]] = [
    *FID61_READINGS,
    {"pressing_level_assignment": "pass_down"},
    {"receiving_level_body": "handling_holders"},
]


def _records(policy: Policy) -> list[dict[str, Any]]:
    out = []
    for (area, kind), (name, steps), rectified, place in itertools.product(
            KINDS, SHAPES.items(), (None, 10, 50), (V,)):
        assert (area, kind) in policy.kinds, kind
        top = LEVELS[max(LEVELS.index(s["by_level"]) for s in steps)]
        r: dict[str, Any] = {
            "id": f"{name}-{kind}-{rectified}-{place}", "area": area, "kind": kind, "place": place,
            "discovered": {"level": top, "channel": FINDERS[top], "on": _day(0)}, "handled": steps,
            "deadline": _day(30), "as_of": _day(90)}
        if rectified:
            r["rectified_on"] = _day(rectified)
        out.append(r)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("values", READINGS, ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()) or "default")
def test_handed_back_reports_give_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    got, want = batch_and_answers(view, _records(policy))
    assert got == want


def test_the_plain_hand_backs_take_the_fast_path(policy: Policy) -> None:
    """The hand-back (county → township → village, the village reporting back to the township) and S6 (county →
    township, the village reporting to it) in every kind of :data:`KINDS`: none is sent to the reference path, and
    the township, given no second holding, is not named 未及时交办上报 where the record without the report back does
    not name it."""
    import responsibility.batch._assessor as batch

    plain = ("hb-", "hb-late-", "hb-county-", "hb-twice-", "hb-again-", "s6-")
    records = [r for r in _records(policy) if r["id"].startswith(tuple(f"{p}{k}-" for p in plain for _, k in KINDS))]
    assert len(records) == len(KINDS) * 3 * len(plain)
    assessor = batch.Assessor(policy, Jurisdiction.example(), today=dt.date(2021, 6, 1))
    with watching(*WATCHED, "anonymous_handover_steps") as marked:
        results = [assessor.run(part) for part in batch.parts(records, assessor.t)]
    assert sum(r.assessed for r in results) == len(records)
    assert not marked["returned_holders"]
    # (a record another marker sends for its own reason — the county's receiving body that rectifies it, bounced to
    # by the village (hb-county), a pass-down late (hb-again) — is no failure of this path: the bound is those
    # markers' own)
    others = set().union(*marked.values())
    assert sum(r.referred for r in results) == len(others) < len(records) // 2
    a = policy.assess(records)
    named = set(zip(a.findings["problem"], a.findings["body"], a.findings["basis"], strict=True))
    for r in records:
        if r["id"].startswith(("hb-", "s6-")) and r["id"].split("-")[1] in ("basic_needs", "water", "housing"):
            without = {**r, "id": r["id"] + "-none", "handled": [s for s in r["handled"] if s["action"] == "assigned"]}
            b = policy.assess([without])
            plain = set(zip(b.findings["body"], b.findings["basis"], strict=True))
            if ("township_government", "not_handled") not in plain:
                assert (r["id"], "township_government", "not_handled") not in named, r["id"]


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_report_back_to_the_finder_on_its_day_leaves_it_its_find(policy: Policy, engine: str) -> None:
    """test_perf30b's hand-backs (h6, h14): the city's inspection finds a county's education problem on 03-17 and
    hands it that day to a township with no part in it (no 交办: 一(三) 分类交办 to a level that can rectify it),
    which reports it back to the city the same day. The report gives the city no second holding (``returned``), but
    it had erased the city's own find: the city, sitting on it, was named for nothing, where the record without the
    report names it (一(四) 对发现问题没有按程序及时交办和上报的). The batch reads it as the engine does."""
    day = "2021-03-17"
    rec: dict[str, Any] = {
        "id": "finder-same-day", "area": "education", "kind": "education_lists_not_provided", "place": V,
        "discovered": {"level": "city", "channel": "inspection_tour", "on": day},
        "handled": [{"action": "assigned", "by_level": "city", "to_level": "township", "on": day},
                    {"action": "reported", "by_level": "township", "to_level": "city", "on": day}],
        "deadline": "2021-04-16", "as_of": "2021-12-31"}
    without = {**rec, "id": "finder-same-day-none", "handled": rec["handled"][:1]}
    v = policy.who_answers(rec, engine=engine)  # type: ignore[arg-type]
    w = policy.who_answers(without, engine=engine)  # type: ignore[arg-type]
    city = {(f.body, f.basis) for f in v.findings if f.level == "city"}
    assert ("city_sector_department", "not_handled") in city
    assert city == {(f.body, f.basis) for f in w.findings if f.level == "city"}
    got, want = batch_and_answers(policy, [rec, without])
    assert got == want
