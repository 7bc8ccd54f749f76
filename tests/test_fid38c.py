"""fid38c: an assignment (交办) goes by the problem's kind — a body handed a problem must hold a part in that kind
(PolicyView.has_kind_part: 一(三) 按照问题类别…分类交办; review38b F1); a report still goes by the area (has_part). On
both engines and in bulk."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got, ledger


def city_assigns(to_body: str, **extra: Any) -> dict[str, Any]:
    """The city audit finds the county's basic-living payments late and hands them to ``to_body`` (review38b Y1)."""
    return {"id": "Y1", "area": "basic_needs", "kind": "basic_needs_payment_late", "place": "330127",
            "severity": "minor", "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01",
                                                "body": "city_audit"},
            "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": to_body,
                         "on": "2021-03-03"}],
            "deadline": "2021-04-30", "as_of": "2021-06-30", **extra}


def staff(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
    return {(f.body, f.basis) for f in v.findings if f.liability == "staff"}


def test_a_part_elsewhere_in_the_area_is_no_part_in_the_kind(policy: Policy) -> None:
    view = policy
    area, kind = "basic_needs", "basic_needs_payment_late"
    assert view.has_part(area, kind, "county_hrss") and not view.has_kind_part(area, kind, "county_hrss")
    assert view.has_kind_part(area, kind, "county_civil_affairs")
    # (a general duty to lead still gives a part: 二(一) 党委领导、政府负责)
    assert view.has_kind_part(area, kind, "county_party_committee")
    # (never wider than has_part)
    for a, k in view.data_kinds():
        for b in view.bodies:
            assert not view.has_kind_part(a, k, b) or view.has_part(a, k, b), (a, k, b)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_an_assignment_to_a_body_with_no_part_in_the_kind_is_set_aside(policy: Policy, engine: str) -> None:
    found = staff(policy, city_assigns("county_hrss"), engine)
    # (市民政: receiving_level_body names the department 二(六)1(5) ties to the work, not the 扶贫办 by 二(二)5 —
    # review41b D1)
    assert ("city_civil_affairs", "not_handled") in found, found
    assert ("county_civil_affairs", "not_rectified") not in found, found
    # the same as to 县财政局, which has no duty in 两不愁 at all
    assert found == staff(policy, city_assigns("county_finance"), engine)
    # the kind's own rectifier handed it still answers for it
    right = staff(policy, city_assigns("county_civil_affairs"), engine)
    assert ("county_civil_affairs", "not_rectified") in right and ("city_civil_affairs", "not_handled") not in right


def test_the_verdict_rests_on_irregular_step_not_on_the_no_duty_reading(policy: Policy) -> None:
    v = policy.who_answers(city_assigns("county_hrss"))
    found = next(f for f in v.findings if f.body == "city_civil_affairs" and f.basis == "not_handled")
    assert "irregular_step" in found.rests_on
    assert all("assignment_without_rectification_duty" not in f.rests_on for f in v.findings)


def test_a_report_still_goes_by_the_area(policy: Policy) -> None:
    # a township's report of a health application problem to 县财政局 counts (review38 r38-32): 县财政局 answers
    record = {"id": "r", "area": "health", "kind": "health_application_not_helped", "place": "330127100219",
              "severity": "minor", "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
              "handled": [{"action": "reported", "by_level": "township", "to_level": "county",
                           "to_body": "county_finance", "on": "2021-03-03"}], "as_of": "2021-06-30"}
    assert not policy.has_kind_part("health", "health_application_not_helped", "county_finance")
    assert ("county_finance", "not_handled") in staff(policy, record)


def misassigned(policy: Policy, records: list[Any], seed: int) -> list[Any]:
    """``records`` with each assignment naming a body handed to a body of its level with a part in the area but none
    in the kind, where the level has one."""
    return reaimed(records, seed, lambda area, kind, b: policy.has_part(area, kind, b)
                   and not policy.has_kind_part(area, kind, b), policy)


def reaimed(records: list[Any], seed: int, wrong: Callable[[str, str, str], bool], policy: Policy) -> list[Any]:
    """``records`` with each assignment (nine in ten, drawn by ``seed``) handed instead to a body of its level for
    which ``wrong(area, kind, body)`` holds, where the level has one (shared by test_fid39a)."""
    rnd = random.Random(seed)
    out = []
    for r in records:
        kind = r.get("kind") if isinstance(r, dict) else None
        if kind is None or not isinstance(r.get("handled"), list):
            out.append(r)
            continue
        steps = []
        for h in r["handled"]:
            if isinstance(h, dict) and h.get("action") == "assigned" and rnd.random() < 0.9:
                bodies = sorted(b for b, body in policy.bodies.items() if body.level == h.get("to_level")
                                and wrong(r["domain"], kind, b))
                if bodies:
                    h = {**h, "to_body": rnd.choice(bodies)}
            steps.append(h)
        out.append({**r, "handled": steps})
    return out


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


@pytest.mark.slow
def test_bulk_equals_who_answers_for_assignments_to_bodies_with_no_part_in_the_kind(
        policy: Policy, province: Jurisdiction) -> None:
    """The bulk path reads an assignment's part by the kind (batch/_core.misassigned_steps sends a record whose
    assignee's part in the kind and in the area differ to the reference path)."""
    records = misassigned(policy, ledger(policy, province, 600, seed=38), seed=38)
    view = policy
    wrong = [r for r in records if isinstance(r, dict) and r.get("kind") and any(
        isinstance(h, dict) and h.get("action") == "assigned" and h.get("to_body") is not None
        and view.has_part(r["domain"], r["kind"], h["to_body"]) and not view.has_kind_part(
            r["domain"], r["kind"], h["to_body"]) for h in r.get("handled") or ())]
    assert len(wrong) > 60, len(wrong)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
