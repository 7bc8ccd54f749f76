"""fid52b: a verdict lists a severity threshold only where some value of it could change the verdict's findings.

一(四) 追究相关工作人员责任；根据情形严重和不良后果程度，追究所在单位和领导责任, and 二(一)1's 主体责任 from
main_responsibility_from: the thresholds (each liability's and failure's ``from_parameter``: unit_liability_from,
leadership_liability_from, main_responsibility_from) are read only as ``severity >= threshold``. So:

- on a grave problem no value of any threshold withholds anything: no finding rests on one (check52 #6a: every grave
  verdict listed all three, with findings resting on them);
- 主体责任 withheld by two thresholds at once (main_responsibility_from and leadership_liability_from both above the
  record's severity, the shipped values on a minor or serious problem) is found under no other value of either alone:
  the verdict does not list main_responsibility_from for it (check52 #5, #6b: listed on nearly every minor or serious
  verdict), while leadership_liability_from stays listed through the failures' own findings, whose leadership it
  withholds.

The same for the readings a record's context rests on (bool and choice parameters), where no finding rests on them:
``Decider.switched_rests`` decides the record again under each other value of each, and a reading under no other value
of which any finding changes or is added is not listed for want of a finding (check52 #6c: sectorless_alternatives on
K3c and K6, whose every_holder names nobody more; main_responsibility_every_level where no level it reads failed). A
record with no finding at all is not decided again for its readings alone and still lists them (check52's D1).

The pin: for every record here, under several values of the thresholds, each threshold is listed exactly where some
other value of it alone changes the findings (body, basis, liability, clauses); and no parameter at all changes the
findings unlisted (nothing undisclosed), on both engines.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from responsibility import Policy
from responsibility.engine._decide import who_answers

from .verdicts import batch_and_answers, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

#: (a threshold set without effect warns, ParameterWarning: the sweep sets every value, that one among them)
pytestmark = pytest.mark.filterwarnings("ignore::responsibility.ParameterWarning")

ENGINES = ("compiled", "durable")
SEVERITIES = ("minor", "serious", "grave")
THRESHOLDS = ("unit_liability_from", "leadership_liability_from", "main_responsibility_from")
_HOUSE = ("housing", "housing_renovation_late")

#: the county hotline finds a dangerous house the village and township did not report (check52 A1-A6)
DANGER = {"id": "fid52b-danger", "area": "housing", "kind": "housing_danger_unreported", "place": "330127100219",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-03-05"}
#: the township reports a late renovation to 县建设部门 in time; the county never assigns it (its not_handled)
SAT = _record("fid52b-sat", *_HOUSE, _found("township", channel="grid"),
              [_a("township", "county", "county_construction", on="2021-03-03", action="reported")])
#: the city finds diverted funds and assigns them to the county, which does not rectify them by the deadline (check52
#: R0: not_rectified, and the pressing levels' supervision)
FUNDS = {"id": "fid52b-funds", "area": "funds", "kind": "funds_diverted", "place": "330127",
         "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
         "deadline": "2021-04-15", "as_of": "2021-05-30"}
#: the same renovation, assigned down in time and rectified in time: no failure
FIXED = _record("fid52b-fixed", *_HOUSE, _found("township", channel="grid"),
                [_a("township", "village", on="2021-03-03")], rectified_on="2021-04-10")
RECORDS = (DANGER, SAT, FUNDS, FIXED)

#: the thresholds' values the records are judged under: the shipped ones, each lowered or raised, and both of the
#: two 主体责任 reads lowered together (check52 A6/T11)
BASES: tuple[dict[str, str], ...] = (
    {}, {"unit_liability_from": "minor"}, {"unit_liability_from": "grave"},
    {"leadership_liability_from": "serious"}, {"main_responsibility_from": "serious"},
    {"leadership_liability_from": "serious", "main_responsibility_from": "serious"},
    {"leadership_liability_from": "minor", "main_responsibility_from": "minor"},
)


_VIEWS: dict[tuple[int, tuple[tuple[str, Any], ...]], tuple[Policy, Policy]] = {}


def _view(policy: Policy, values: tuple[tuple[str, Any], ...]) -> Policy:
    """``policy`` under ``values``, kept (with the policy, so that its id is not reused)."""
    got = _VIEWS.get((id(policy), values))
    if got is None:
        got = _VIEWS[(id(policy), values)] = (policy, policy.with_parameters(**dict(values)) if values else policy)
    return got[1]


#: :func:`_findings`' answers, by the view, the record's text and the engine: :func:`_changes` asks a record's findings
#: under its base values again for each threshold, and a base with one value changed is often another base
_FOUND: dict[tuple[int, str, str], frozenset[Any]] = {}


def _findings(policy: Policy, record: dict[str, Any], engine: str, values: dict[str, Any]) -> frozenset[Any]:
    """``record``'s findings under ``values``: of the verdict only its findings' bodies, bases, liabilities and clauses
    are read, which a ``wording_only`` verdict gives as the whole one does, without deciding the record again under
    each reading it may rest on (suite63)."""
    view = _view(policy, tuple(sorted(values.items())))  # (kept in _VIEWS: its id is not reused)
    key = (id(view), json.dumps(record, sort_keys=True), engine)
    got = _FOUND.get(key)
    if got is None:
        v = who_answers(view, record, engine=engine, wording_only=True)  # type: ignore[arg-type]
        got = _FOUND[key] = frozenset((f.body, f.basis, f.liability, tuple(f.clauses)) for f in v.findings)
    return got


def _others(policy: Policy, pid: str) -> list[Any]:
    p = policy.parameters[pid]
    if p.type == "bool":
        return [not p.value]
    if p.type == "choice":
        return [c for c in p.choices or () if c != p.value]
    if p.type == "severity":
        return [s for s in SEVERITIES if s != p.value]
    if p.type == "days":
        return [max(1, p.value // 2), p.value * 2]
    return []


def _changes(policy: Policy, record: dict[str, Any], engine: str, base: dict[str, Any], pid: str) -> bool:
    """Whether some other value of ``pid`` alone changes ``record``'s findings under ``base``."""
    here = _findings(policy, record, engine, base)
    view = _view(policy, tuple(sorted(base.items())))
    return any(_findings(policy, record, engine, {**base, pid: value}) != here for value in _others(view, pid))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("severity", SEVERITIES)
def test_a_threshold_is_listed_exactly_where_a_value_of_it_changes_the_findings(policy: Policy, engine: str,
                                                                              severity: str) -> None:
    for record in RECORDS:
        rec = {**record, "id": f"{record['id']}-{severity}", "severity": severity}
        for base in BASES:
            listed = rested(_view(policy, tuple(sorted(base.items()))).who_answers(rec, engine=engine))
            for pid in THRESHOLDS:
                assert (pid in listed) == _changes(policy, rec, engine, base, pid), (rec["id"], base, pid)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_grave_failure_rests_on_no_threshold(policy: Policy, engine: str) -> None:
    v = verdict(policy, {**DANGER, "severity": "grave"}, engine)
    mains = [f for f in v.findings if f.basis == "main_responsibility"]
    # the 主体责任 and the leaders' liability are found, and none of them rests on a threshold
    assert mains and any(f.liability == "leadership" for f in v.findings if f.basis != "main_responsibility")
    assert not {r for f in v.findings for r in f.rests_on} & set(THRESHOLDS)
    assert not rested(v) & set(THRESHOLDS)


@pytest.mark.parametrize("engine", ENGINES)
def test_main_responsibility_withheld_twice_rests_on_neither_alone(policy: Policy, engine: str) -> None:
    # serious, the shipped values: the failures' findings say leadership_liability_from withholds their leaders'
    # liability; main_responsibility_from decides nothing while leadership_liability_from stands above it (check52 A6)
    v = verdict(policy, {**DANGER, "severity": "serious"}, engine)
    assert "leadership_liability_from" in rested(v) and "main_responsibility_from" not in rested(v)
    # leadership_liability_from lowered: main_responsibility_from alone withholds the county's 主体责任, and is listed
    # with no finding resting on it
    v = verdict(policy, {**DANGER, "severity": "serious"}, engine, leadership_liability_from="serious")
    assert not [f for f in v.findings if f.basis == "main_responsibility"]
    main = next(i for i in v.interpretations if i.id == "main_responsibility_from")
    assert main.findings == ()
    # both lowered: the 主体责任 is found, resting on both
    v = verdict(policy, {**DANGER, "severity": "serious"}, engine, leadership_liability_from="serious",
                main_responsibility_from="serious")
    mains = [f for f in v.findings if f.basis == "main_responsibility"]
    assert mains and all({"leadership_liability_from", "main_responsibility_from"} <= set(f.rests_on) for f in mains)


#: check52 K3c: false medical materials found by the city; K6: an omitted household found by the city (both at the
#: village, judged on 03-05): sectorless_alternatives' every_holder names nobody more
K3C = {"id": "fid52b-k3c", "area": "health", "kind": "health_false_materials", "place": "330127100219",
       "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"}, "as_of": "2021-03-05"}
K6 = {**K3C, "id": "fid52b-k6", "area": "identification", "kind": "identification_eligible_omitted"}
#: check52 H1: education lists not provided, no sector, assigned by the city to the county, not rectified:
#: every_holder names 县民政局 and 县残联 (the reading decides, and is listed)
H1 = {"id": "fid52b-h1", "area": "education", "kind": "education_lists_not_provided", "place": "330127",
      "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
      "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
      "deadline": "2021-04-01", "as_of": "2021-04-30"}
#: check52 R34: a grave education problem the city assigned to the county, not rectified: no level
#: main_responsibility_every_level reads failed; G1: a grave dangerous house the province's audit sat on for 30 days:
#: its true names the province's Party committee and government (listed)
R34 = {"id": "fid52b-r34", "area": "education", "kind": "education_aid_procedure_irregular", "place": "330127",
       "severity": "grave", "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
       "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
       "deadline": "2021-04-15", "as_of": "2021-05-30"}
G1 = {**DANGER, "id": "fid52b-g1", "severity": "grave", "as_of": "2021-04-01",
      "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01", "body": "province_audit"}}
SECTORLESS, MAIN_EVERY = "sectorless_alternatives", "main_responsibility_every_level"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reading_no_value_of_which_changes_a_finding_is_not_listed_for_want_of_one(policy: Policy,
                                                                                    engine: str) -> None:
    for record, pid in ((K3C, SECTORLESS), (K6, SECTORLESS), (R34, MAIN_EVERY)):
        v = verdict(policy, record, engine)
        assert v.findings and pid not in rested(v), record["id"]
        assert not _changes(policy, record, engine, {}, pid), record["id"]
    # where its other value changes the findings, it stays listed (with no finding resting on it, under false)
    for record, pid in ((H1, SECTORLESS), (G1, MAIN_EVERY)):
        v = verdict(policy, record, engine)
        assert pid in rested(v) and _changes(policy, record, engine, {}, pid), record["id"]
    # and under its other value, where that value's findings rest on it
    v = verdict(policy, H1, engine, **{SECTORLESS: "every_holder"})
    assert SECTORLESS in rested(v)
    v = verdict(policy, G1, engine, **{MAIN_EVERY: True})
    assert MAIN_EVERY in rested(v)


#: a few more records of other areas and levels, swept over every parameter: nothing changes the findings unlisted
_SWEPT = (K3C, K6, H1, R34, G1,
    {**K6, "id": "fid52b-k6-grave", "severity": "grave", "as_of": "2021-04-30"},
    {**SAT, "id": "fid52b-sat-serious", "severity": "serious"},
    {**FUNDS, "id": "fid52b-funds-grave", "severity": "grave"},
)


@pytest.mark.slow
@pytest.mark.parametrize("record", _SWEPT, ids=lambda r: r["id"])
def test_no_parameter_changes_the_findings_unlisted(policy: Policy, record: dict[str, Any]) -> None:
    v = policy.who_answers(record)
    listed = {i.id: i.findings for i in v.interpretations}
    for pid in policy.parameters:
        if pid not in listed:
            assert not _changes(policy, record, "compiled", {}, pid), pid
        # a threshold, or a bool or choice reading with no finding resting on it, is listed only where it changes them
        # (days are left: a limit not reached under half or double may be reached under another)
        elif pid in THRESHOLDS or (listed[pid] == () and policy.parameters[pid].type in ("bool", "choice")):
            assert _changes(policy, record, "compiled", {}, pid), pid


@pytest.mark.parametrize("values", [{}, {"leadership_liability_from": "serious"}])
def test_the_batch_gives_what_who_answers_gives_for_the_thresholds(policy: Policy, values: dict[str, Any]) -> None:
    records = [{**r, "id": f"{r['id']}-{s}", "severity": s} for r in RECORDS for s in SEVERITIES]
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, records)
    assert got == want
