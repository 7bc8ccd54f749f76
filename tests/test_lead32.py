"""Lead's session-32 tests."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]

# review32 F2: a record found by the county's own audit, naming no finder, said the county audit bureau
# concealed it — from its own audit (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的: concealment is by those
# checked). It was answered 县审计部门 瞒报漏报 with leadership; with discovered.body given it was already refused.
_F2: dict[str, Any] = {
    "id": "r32-F2", "area": "funds", "kind": "funds_diverted", "place": "330127", "severity": "grave",
    "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_finance",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "rectified_on": "2021-04-20", "concealed_by": ["county_audit"]}


def _with(channel: str, concealer: str, finder: str | None = None) -> dict[str, Any]:
    rec = copy.deepcopy(_F2)
    rec["discovered"]["channel"] = channel
    rec["concealed_by"] = [concealer]
    if finder is not None:
        rec["discovered"]["body"] = finder
    return rec


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("channel", "organ"), [
    ("audit", "county_audit"), ("discipline_inspection", "county_discipline"),
    ("congress_cppcc", "county_congress"), ("congress_cppcc", "county_cppcc")])
def test_the_organ_running_the_check_did_not_conceal_from_it(policy: Policy, engine: str, channel: str,
                                                             organ: str) -> None:
    with pytest.raises(ProblemError) as info:
        policy.who_answers(_with(channel, organ), engine=engine)  # type: ignore[arg-type]
    text = str(info.value)
    assert "concealed_by[0]" in text and organ in text and "discovered.body" in text
    assert info.value.code == "concealment"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_body_checked_by_the_organ_still_conceals(policy: Policy, engine: str) -> None:
    # the department the audit checked hides it: 瞒报漏报 as before (same_level_oversight_concealment's default)
    v = policy.who_answers(_with("audit", "county_finance"), engine=engine)  # type: ignore[arg-type]
    assert ("county_finance", "concealed") in {(f.body, f.basis) for f in v.findings}
    # the people's congress found it; the CPPCC, named apart, is another organ than the finder
    v = policy.who_answers(_with("congress_cppcc", "county_cppcc", finder="county_congress"),
                    engine=engine)  # type: ignore[arg-type]
    assert ("county_cppcc", "concealed") in {(f.body, f.basis) for f in v.findings}


def test_the_bulk_path_refuses_it_too(policy: Policy) -> None:
    pytest.importorskip("pandas")
    got = policy.assess([_F2, _with("audit", "county_finance") | {"id": "ok"}])
    assert (got.records, got.rejected) == (2, 1)
    assert list(got.rejects["problem"]) == ["r32-F2"]
    assert list(got.rejects["code"]) == ["concealment"]
    assert "cannot have concealed it from its own check" in str(got.rejects["reason"].iloc[0])
