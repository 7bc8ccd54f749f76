"""fid34c: review34 F5 — a county that had or concealed a problem of a kind no county department has a part in
(二(二)4 健全问题发现办法和整改机制; 二(六)1(4) 干部联系) stood for 县（市、区）行业主管部门（问题所属部门）."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import responsibility
from responsibility.engine._facts import STAGES, concealing_role, receiving_body

from .test_batch import TODAY, expected, got

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _department_has_part(policy: responsibility.Policy, area: str, kind: str, level: str) -> bool:
    role = policy.roles[level]
    department = policy.bodies[role].kind
    return any(b == role or (policy.bodies[b].kind == department and not policy.bodies[b].role)
               for st in STAGES for b in policy.stage_holders(area, kind, st) if policy.bodies[b].level == level)


def test_a_level_stands_for_its_role_only_where_a_department_has_a_part_in_the_kind(
        policy: responsibility.Policy) -> None:
    """Fails before: basic_needs_contact_missing and mechanism_missing at the county gave county_sector_department
    (both the concealing and the receiving reading); now the county's unnamed holder, unresolved, once."""
    seen = set()
    for area, kind in policy.kinds:
        for level, role in policy.roles.items():
            got = {concealing_role(policy, area, kind, level), receiving_body(policy, area, kind, level, None, 1)}
            # (every level: a city or the province whose one holder is the 扶贫办 by 二(二)5 alone gets its own unnamed
            # holder for a kind no department there has a part in — 干部联系 二(六)1(4) —, check42 C3, fid43b)
            if role in got:
                assert _department_has_part(policy, area, kind, level), (area, kind, level)
            if "county_holders_unnamed" in got:
                seen.add(kind)
    assert {"basic_needs_contact_missing", "mechanism_missing"} <= seen


def _review34_records() -> list[dict[str, Any]]:
    """The records of review34 F5 (examples/problems/review34.scenarios.yaml), and each also with the county as its
    concealer or as its receiver of a missing mechanism: every way the county holds the two kinds through no body."""
    data = yaml.safe_load((EXAMPLES / "problems" / "review34.scenarios.yaml").read_text(encoding="utf-8"))
    records = [s["problem"] for s in data["scenarios"]]
    more = [{**r, "id": f"{r['id']}-m", "area": "discovery", "kind": "mechanism_missing", "place": "330127"}
            for r in records]
    return [*records, *more]


@pytest.mark.durable
@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_bulk_and_both_engines_give_the_county_s_unnamed_holder_as_who_does(
        policy: responsibility.Policy, example: responsibility.Jurisdiction, value: str) -> None:
    """The bulk path (batch: Tables.conceal_role, receiving_body) gives what who_answers gives on F5's records, in both
    engines, under either value of the two parameters; by default one finding on the unnamed holder for the county's
    failure (no department, none of 县党委、县政府、县扶贫办), resting on the parameter and on the body (unresolved)."""
    view = policy.with_parameters(concealing_level_body=value, receiving_level_body=value)
    records = _review34_records()
    a = view.assess(records, jurisdiction=example, today=TODAY)
    assert a.assessed == len(records) == 6
    assert got(a) == expected(view, example, records, "compiled") == expected(view, example, records, "durable")
    holders = {"county_party_committee", "county_government", "county_poverty_office"}
    for r in records:
        v = view.who_answers(r, jurisdiction=example, engine="compiled")
        county = [f for f in v.findings if f.basis in ("concealed", "not_handled")
                  and view.bodies[f.body].level == "county"]
        assert not any(view.bodies[f.body].kind in view.department_kinds for f in county), r["id"]
        parameter = "concealing_level_body" if r.get("concealed_by") else "receiving_level_body"
        if value == "unresolved" and r["kind"] == "basic_needs_contact_missing" and not r.get("concealed_by"):
            # (fid62, check57 #5: a missed contact the county sat on is its leaders' own item, 二(六)1(4) — the record
            # does not show the lists' keeper had it, and 县党委、县政府 hold it together: each answers, on the
            # parameter, not the stand-in)
            assert {f.body for f in county} == holders - {"county_poverty_office"}, r["id"]
            assert all(parameter in f.rests_on and "county_holders_unnamed" not in f.rests_on for f in county), r["id"]
        elif value == "unresolved":
            # (one body, once: a finding per liability, 工作人员 and 单位, as on any body)
            assert {f.body for f in county} == {"county_holders_unnamed"}, r["id"]
            assert all({parameter, "county_holders_unnamed"} <= set(f.rests_on) for f in county), r["id"]
            assert {i.id for i in v.interpretations} >= {parameter, "county_holders_unnamed"}
        else:  # the reading that names each holder, as it did before (review20c C20-1's alternative)
            assert {f.body for f in county} == holders, r["id"]


#: Each field a record names a body in, with the record naming county_holders_unnamed there (a missing mechanism at
#: 淳安县, 二(二)4), and what the refusal tells to do instead.
_NAMING = [
    ("discovered.body", {"discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01",
                                        "body": "county_holders_unnamed"}}, "leave discovered.body out"),
    ("handled[0].to_body", {"handled": [{"action": "assigned", "by_level": "city", "to_level": "county",
                                         "to_body": "county_holders_unnamed", "on": "2021-03-03"}]},
     "leave handled[0].to_body out"),
    ("concealed_by[0]", {"concealed_by": ["county_holders_unnamed"]}, "give the level 'county'"),
    # (by its Chinese name, as a record may name any body)
    ("concealed_by[0]", {"concealed_by": ["县（市、区）负有该问题交办上报职责的机构（记录未写明）"]},
     "give the level 'county'"),
]


def _naming(change: dict[str, Any]) -> dict[str, Any]:
    return {"id": "s1", "area": "discovery", "kind": "mechanism_missing", "place": "330127", "severity": "serious",
            "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
            "as_of": "2021-06-30", **change}


@pytest.mark.parametrize(("field", "change", "instead"), _NAMING)
@pytest.mark.parametrize("engine", ["durable", "compiled"])
def test_a_record_naming_the_stand_in_is_refused(policy: responsibility.Policy, field: str, change: dict[str, Any],
                                                 instead: str, engine: str) -> None:
    """Fails before: a record naming county_holders_unnamed was answered as if it were a body of its own (it answered
    for not passing on what it was handed). It stands in a verdict for the body a record does not name; a record naming
    it is refused, the field named, with the bodies to name instead (read from the kind's holders)."""
    with pytest.raises(responsibility.ProblemError) as e:
        policy.who_answers(_naming(change), engine=engine)
    said = str(e.value)
    assert (e.value.field, e.value.code) == (field, "unknown_body"), said
    assert "is no body a record can name" in said and instead in said
    assert all(h in said for h in ("county_party_committee", "county_government", "county_poverty_office")), said


def test_the_role_is_still_a_body_a_record_names(policy: responsibility.Policy) -> None:
    """A role may be named, with its line as sector (review26: 县农业农村局 is told to write it): not refused."""
    record = _naming({"area": "funds", "kind": "funds_diverted", "sector": "agriculture",
                      "handled": [{"action": "assigned", "by_level": "city", "to_level": "county",
                                   "to_body": "county_sector_department", "on": "2021-03-03"}]})
    assert "county_sector_department" in {f.body for f in policy.who_answers(record).findings}


@pytest.mark.durable
def test_bulk_rejects_the_stand_in_as_who_does(policy: responsibility.Policy,
                                               example: responsibility.Jurisdiction) -> None:
    """Fails before: the bulk path coded county_holders_unnamed as any body and assessed the records who refuses."""
    records = [_naming(change) for _, change, _ in _NAMING] + [_naming({})]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    assert (a.assessed, a.rejected) == (1, len(_NAMING))
    assert got(a) == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")


def test_the_cli_exits_2_on_a_record_naming_the_stand_in(run_cli: Any, tmp_path: Path) -> None:
    src = tmp_path / "p.json"
    src.write_text(json.dumps(_naming(_NAMING[1][1]), ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli("who", str(src))
    assert code == 2 and "handled[0].to_body" in err and "is no body a record can name" in err, err


@pytest.mark.parametrize(("event", "field"), [
    ({"type": "assigned", "on": "2021-03-03", "by_level": "city", "to_level": "county",
      "to_body": "county_holders_unnamed"}, "to_body"),
    ({"type": "concealed", "on": "2021-03-03", "who": "county_holders_unnamed"}, "who"),
])
def test_the_ledger_refuses_an_event_naming_the_stand_in(tmp_path: Path, event: dict[str, Any], field: str) -> None:
    """Fails before: the ledger stored the assignment, and refused the problem's next event for it."""
    pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")
    from responsibility import Ledger

    with Ledger.create(tmp_path / "l.db") as ledger:
        ledger.append([{"problem": "P1", "type": "registered", "on": "2021-03-01", "area": "discovery",
                        "kind": "mechanism_missing", "place": "330127", "severity": "serious"},
                       {"problem": "P1", "type": "discovered", "on": "2021-03-01", "level": "city",
                        "channel": "survey_verification"}], entered_by="clerk")
        with pytest.raises(responsibility.ProblemError) as e:
            ledger.append([{"problem": "P1", **event}], entered_by="clerk")
        assert (e.value.field, e.value.code) == (field, "unknown_body") and "no body a record can name" in str(e.value)
        assert ledger.count() == 2
