"""fid34c: review34 F5 — a county that had or concealed a problem of a kind no county department has a part in
(二(二)4 健全问题发现办法和整改机制; 二(六)1(4) 干部联系) stood for 县（市、区）行业主管部门（问题所属部门）."""
from __future__ import annotations

import responsibility
from responsibility.engine._facts import STAGES, concealing_role, receiving_body


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
