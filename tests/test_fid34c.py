"""fid34c: review34 F5 — a county that had or concealed a problem of a kind no county department has a part in
(二(二)4 健全问题发现办法和整改机制; 二(六)1(4) 干部联系) stood for 县（市、区）行业主管部门（问题所属部门）."""
from __future__ import annotations

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
        if value == "unresolved":
            # (one body, once: a finding per liability, 工作人员 and 单位, as on any body)
            assert {f.body for f in county} == {"county_holders_unnamed"}, r["id"]
            assert all({parameter, "county_holders_unnamed"} <= set(f.rests_on) for f in county), r["id"]
            assert {i.id for i in v.interpretations} >= {parameter, "county_holders_unnamed"}
        else:  # the reading that names each holder, as it did before (review20c C20-1's alternative)
            assert {f.body for f in county} == holders, r["id"]

