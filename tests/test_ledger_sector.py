"""A ledger problem's sector (review21 R21-3): a registration carries the record's ``sector`` (whose line the
problem is in), an import reads it from its column (所属部门), the fold passes it to the record, and the lists
show it, so that a ledger problem is judged as the record with that sector is, not as a sectorless one."""

from __future__ import annotations

import csv
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")

from responsibility import Ledger, ProblemError, load
from responsibility.engine._decide import who_answers

PLACE = "330127100219"
AS_OF = "2021-06-30"


def events(pid: str, sector: str | None) -> list[dict[str, Any]]:
    """education_lists_not_provided found by the city, handed to the county and not rectified (review21's case)."""
    reg = {"problem": pid, "type": "registered", "on": "2021-03-01", "area": "education",
           "kind": "education_lists_not_provided", "place": PLACE, "severity": "serious"}
    if sector is not None:
        reg["sector"] = sector
    return [reg,
            {"problem": pid, "type": "discovered", "on": "2021-03-01", "level": "city", "channel": "audit"},
            {"problem": pid, "type": "assigned", "on": "2021-03-03", "by_level": "city", "to_level": "county"}]


def answers(verdict: Any) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in verdict.findings}


@pytest.fixture()
def ledger(ledger_url: str) -> Any:
    lg = Ledger.create(ledger_url)
    yield lg
    lg.close()


@pytest.mark.parametrize("written", ["civil_affairs", "county_civil_affairs", "县（市、区）民政局"])
def test_a_ledger_problem_with_a_sector_is_judged_as_the_record_with_that_sector(ledger: Ledger,
                                                                                written: str) -> None:
    ledger.append(events("S1", written) + events("S0", None), entered_by="clerk")
    record = ledger.record("S1", AS_OF)
    assert record["sector"] in ("civil_affairs", "county_civil_affairs")  # stored as ids, as a record reads it
    policy = load()
    folded = who_answers(policy, record, jurisdiction=ledger.jurisdiction)
    given = who_answers(policy, {**record, "sector": written}, jurisdiction=ledger.jurisdiction)
    sectorless = who_answers(policy, ledger.record("S0", AS_OF), jurisdiction=ledger.jurisdiction)
    assert answers(folded) == answers(given)
    assert answers(folded) != answers(sectorless)  # the sector decides something here (R21-3)
    named = {b for b, _ in answers(sectorless)}
    # without a sector the level's 问题所属部门 once (sectorless_alternatives=unresolved, review23 #4)
    assert "county_sector_department" in named and not {"county_civil_affairs", "county_disabled_federation"} & named
    assert "county_civil_affairs" in {b for b, _ in answers(folded)}
    assert "county_disabled_federation" not in {b for b, _ in answers(folded)}
    # the 责任清单's answers are the engine's on the folded record, sector included
    rows = ledger.responsibilities(AS_OF)
    listed = rows[(rows["problem"] == "S1") & (rows["role"] == "answers")]
    assert set(zip(listed["body"], listed["basis"], strict=True)) == answers(folded)
    problems = ledger.problems(AS_OF).set_index("problem")
    assert problems.loc["S1", "sector"] == record["sector"] and problems.loc["S0", "sector"] == ""
    zh = ledger.problems(AS_OF, lang="zh")
    assert "所属部门" in zh.columns


def test_a_sector_the_record_would_refuse_is_refused_with_its_code(ledger: Ledger) -> None:
    with pytest.raises(ProblemError, match="did you mean 'water'") as bad:
        ledger.append(events("S1", "watr"), entered_by="clerk")
    assert bad.value.code == "unknown_sector" and bad.value.field == "sector"
    with pytest.raises(ProblemError) as other:  # a line with no duty in the area (二(二)3 涉及本部门问题)
        ledger.append([{**events("S2", None)[0], "area": "housing", "kind": "housing_renovation_late",
                        "sector": "education"}], entered_by="clerk")
    assert other.value.code == "sector_not_in_area"
    assert ledger.count() == 0


def test_a_correction_may_give_the_sector_and_the_lists_follow(ledger: Ledger) -> None:
    stored = ledger.append(events("S1", None), entered_by="clerk")
    reg = {k: v for k, v in events("S1", "civil_affairs")[0].items() if k not in ("problem", "type")}
    ledger.append([{"problem": "S1", "type": "corrected", "event": stored[0].seq, "reason": "补录所属部门",
                    "on": "2021-03-02", "replace": reg}], entered_by="clerk")
    assert ledger.record("S1", AS_OF)["sector"] == "civil_affairs"
    with pytest.raises(ProblemError) as bad:
        ledger.append([{"problem": "S1", "type": "corrected", "event": stored[0].seq, "reason": "x",
                        "on": "2021-03-02", "replace": {**reg, "sector": "watr"}}], entered_by="clerk")
    assert bad.value.code == "unknown_sector" and bad.value.field == "replace.sector"


def test_an_import_reads_the_sector_column(ledger: Ledger, tmp_path: Any) -> None:
    path = tmp_path / "ledger.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["问题编号", "领域", "问题类型", "所属部门", "所在地代码", "发现时间", "发现层级", "发现渠道"])
        w.writerow(["C1", "education", "education_lists_not_provided", "县（市、区）民政局", PLACE, "2021-03-01",
                    "city", "audit"])
        w.writerow(["C2", "education", "education_lists_not_provided", "", PLACE, "2021-03-01", "city", "audit"])
        w.writerow(["C3", "education", "education_lists_not_provided", "watr", PLACE, "2021-03-01", "city",
                    "audit"])
    result = ledger.import_file(path, entered_by="clerk")
    assert (result.imported, result.rejected) == (2, 1)
    assert result.rejects[0]["field"] == "所属部门" and result.rejects[0]["code"] == "unknown_sector"
    assert ledger.record("C1", AS_OF)["sector"] == "county_civil_affairs"
    assert "sector" not in ledger.record("C2", AS_OF)


def test_reports_of_two_lines_are_not_merged(ledger: Ledger) -> None:
    ledger.append(events("S1", "civil_affairs") + events("S2", "disabled_federation"), entered_by="clerk")
    with pytest.raises(ProblemError, match="the sector is disabled_federation in one and civil_affairs") as bad:
        ledger.merge("S2", "S1", on="2021-03-05", entered_by="clerk")
    assert bad.value.code == "bad_merge"


def test_a_merge_target_without_a_sector_takes_the_sources(ledger: Ledger) -> None:
    """R21-3 follow-up (input23): a report that names its line merged into one that does not left the joined problem
    sectorless, judged as if nobody knew whose line it was. The target now takes the source's sector (in the fold,
    the columnar lists and the record), and a third report of another line is then refused."""
    import datetime as dt

    from responsibility.ledger._lists import Filter
    from tests.ledger_reference import ReferenceLists

    ledger.append(events("S0", None) + events("S1", "civil_affairs") + events("S2", None)
                  + events("S3", "disabled_federation"), entered_by="clerk")
    ledger.merge("S1", "S0", on="2021-03-05", entered_by="clerk")
    assert ledger.state("S0").sector == "civil_affairs"
    assert ledger.record("S0", AS_OF)["sector"] == "civil_affairs"
    problems = ledger.problems(AS_OF).set_index("problem")
    assert problems.loc["S0", "sector"] == "civil_affairs" and problems.loc["S2", "sector"] == ""
    rows = ledger.responsibilities(AS_OF)
    named = set(rows[(rows["problem"] == "S0") & (rows["role"] == "answers")]["body"])
    assert "county_civil_affairs" in named and "county_disabled_federation" not in named
    day = dt.date.fromisoformat(AS_OF)
    ref = ReferenceLists(ledger.fold(day), day, ledger.policy, ledger.jurisdiction, Filter())
    for name in ("problems", "responsibilities"):
        import pandas as pd

        pd.testing.assert_frame_equal(ledger.lists(AS_OF)[name], getattr(ref, name)(), obj=name)
    with pytest.raises(ProblemError, match="the sector is disabled_federation in one and civil_affairs") as bad:
        ledger.merge("S3", "S0", on="2021-03-06", entered_by="clerk")
    assert bad.value.code == "bad_merge"
    ledger.merge("S2", "S0", on="2021-03-06", entered_by="clerk")  # a sectorless report joins: the line stays
    assert ledger.state("S0").sector == "civil_affairs"
