"""The lead's session-54 changes.

check54 #1: a county assigns a problem to the township, the township reports it back up to the body that rectifies it,
and the county assigns it to the township again; nobody answered 整改不到位 (一(四) 对交办问题整改落实不到位的) though
the township held it by the second assignment to the deadline, and nobody pressed it: the report back was read as
having passed the problem on (assignee_report_to_rectifier), the assignment after it left unread. A report back ends
a holding only where no assignment to that level follows it.

Below: a pandas frame read from a Parquet file whose ``discovered`` is a map (hostile53's
left item: ``pa.Table.from_pandas`` made pandas' (key, value) tuples ``list<list<string>>``, and every row was refused
as "not a list of 3 items", while ``assess m.parquet`` and ``who_answers(frame.iloc[0])`` read the same rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _map_parquet(path: Path, *discoveries: Any) -> Path:
    n = len(discoveries)
    table = pa.table({"id": [f"m{i}" for i in range(n)], "area": ["funds"] * n, "kind": ["funds_diverted"] * n,
                      "place": ["330127100219"] * n,
                      "discovered": pa.array(list(discoveries), pa.map_(pa.string(), pa.string())),
                      "as_of": ["2021-05-01"] * n})
    pq.write_table(table, path)
    return path


def _rows(frame: Any) -> list[tuple[int, str, str, str]]:
    return sorted(zip(frame["record"], frame["body"], frame["basis"], frame["clauses"], strict=True))


def test_a_pandas_frame_of_a_parquet_map_is_assessed_as_the_file_is(policy: Policy, tmp_path: Path) -> None:
    path = _map_parquet(tmp_path / "m.parquet", [("level", "village"), ("channel", "grid"), ("on", "2021-03-01")],
                        None, [("level", "county"), ("channel", "hotline"), ("on", "2021-03-02")])
    frame = pd.read_parquet(path)
    assert isinstance(frame["discovered"][0], list)  # (what pandas gives: the map as (key, value) tuples)
    got, from_file = policy.assess(frame), policy.assess(pq.read_table(path))
    assert (got.assessed, got.rejected) == (3, 0), got.rejects
    assert _rows(got.findings) == _rows(from_file.findings) and len(got.findings) > 0
    for i in range(3):  # and each row as who_answers reads it
        mine = sorted(f.body for f in policy.who_answers(frame.iloc[i].to_dict()).findings)
        assert mine == sorted(got.findings[got.findings["record"] == i]["body"]), i
    assert isinstance(frame["discovered"][0], list), "the caller's frame is left as it was"


def test_a_pandas_map_giving_a_key_twice_is_still_refused(policy: Policy, tmp_path: Path) -> None:
    path = _map_parquet(tmp_path / "m.parquet", [("level", "village"), ("level", "city"), ("on", "2021-03-01")],
                        [("level", "village"), ("channel", "grid"), ("on", "2021-03-01")])
    got = policy.assess(pd.read_parquet(path))
    assert (got.assessed, got.rejected) == (1, 1), got.rejects
    assert list(got.rejects["field"]) == ["discovered"] and list(got.rejects["record"]) == [0]
    reason = got.rejects["reason"][0]
    assert "not a map of 3 entries" in reason and "a list" not in reason, reason  # (as the file's table is told)


# ---------------------------------------------------------------- check54 #1: assigned again after a report back

ENGINES = ("compiled", "durable")
TO_RECTIFIER = "assignee_report_to_rectifier"
_A1 = {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"}
_BACK = {"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-05"}
_A2 = {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-08"}
RB1 = {"id": "check54-RB1", "area": "housing", "kind": "housing_renovation_late", "sector": "construction",
       "place": "330127100219", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
       "handled": [_A1, _BACK, _A2], "deadline": "2021-04-01", "as_of": "2021-05-01"}
X8 = {"id": "check54-X8", "area": "funds", "kind": "funds_diverted", "place": "330127100219",
      "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"},
      "handled": [_A1, _BACK, _A2], "deadline": "2021-04-01", "as_of": "2021-05-01"}
X5 = {"id": "check54-X5", "area": "identification", "kind": "identification_ineligible_included",
      "place": "330127100219", "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
      "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"},
                  {**_A1, "on": "2021-03-04"}, _BACK, _A2], "deadline": "2021-04-01", "as_of": "2021-05-01"}
# the same with the report back naming the rectifier, and with the second assignment naming the township's government
RB2 = {**RB1, "id": "check54-RB2", "handled": [_A1, {**_BACK, "to_body": "county_construction"}, _A2]}
RB5 = {**RB1, "id": "check54-RB5", "handled": [_A1, _BACK, {**_A2, "to_body": "township_government"}]}
BACK_AND_AGAIN = (RB1, X8, X5, RB2, RB5)
VALUES = ({}, {TO_RECTIFIER: "passed_on"}, {TO_RECTIFIER: "assignee_answers"},
          {"receiving_level_body": "handling_holders"})


def _without_the_report_back(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "handled": [h for h in record["handled"] if h["action"] != "reported"]}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("values", VALUES, ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()) or "shipped")
@pytest.mark.parametrize("record", BACK_AND_AGAIN, ids=lambda r: r["id"])
def test_assigned_again_after_a_report_back_answers_as_if_never_reported_back(
        policy: Policy, record: dict[str, Any], values: dict[str, str], engine: str) -> None:
    """The township answers 整改不到位 and is pressed, as in the same record without the report back; the report back
    then decides nothing, and the verdict does not say it rests on assignee_report_to_rectifier."""
    v = verdict(policy, record, engine, **values)
    assert ("township_government", "not_rectified") in found(v), v.to_dict()["findings"]
    assert any(b == "supervision" for _, b in found(v)), found(v)
    control = verdict(policy, _without_the_report_back(record), engine, **values)
    assert sorted((f.body, f.basis, f.clauses) for f in v.findings) == \
        sorted((f.body, f.basis, f.clauses) for f in control.findings)
    assert TO_RECTIFIER not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_back_that_is_the_last_step_still_passes_the_problem_on(policy: Policy, engine: str) -> None:
    """The control: with no assignment after it, the township's report back to the rectifier is read by
    assignee_report_to_rectifier, as before (review43a D1): passed_on spares it, assignee_answers names it."""
    once = {**RB1, "id": "check54-RB7", "handled": [_A1, {**_BACK, "to_body": "county_construction"}]}
    spared = verdict(policy, once, engine, **{TO_RECTIFIER: "passed_on"})
    named = verdict(policy, once, engine, **{TO_RECTIFIER: "assignee_answers"})
    assert ("township_government", "not_rectified") not in found(spared)
    assert ("township_government", "not_rectified") in found(named)
    assert TO_RECTIFIER in rested(verdict(policy, once, engine))


@pytest.mark.parametrize("values", VALUES, ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()) or "shipped")
def test_assigned_again_after_a_report_back_in_bulk_equals_who_answers(policy: Policy,
                                                                      values: dict[str, str]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, list(BACK_AND_AGAIN))
    assert got == want and any(row[3] == "township_government" and row[6] == "not_rectified" for row in got)


# ---------------------------------------------------------------- check54 #2: the reading that spared the township

B10 = {"id": "check54-B10", "area": "housing", "kind": "housing_renovation_late", "sector": "construction",
       "place": "330127100219",
       "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": "county_construction"},
       "handled": [_A1, _BACK, {"action": "assigned", "by_level": "county", "to_level": "county",
                                "to_body": "county_construction", "on": "2021-03-07"}],
       "deadline": "2021-04-01", "rectified_on": "2021-04-20", "as_of": "2021-05-01"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_back_naming_no_body_spares_the_assignee_by_a_listed_reading(policy: Policy, engine: str) -> None:
    """The township's report back names no body: receiving_level_body (unresolved) reads it as reaching 县建设, the
    rectifier, and the township is spared; handling_holders leaves the township answering. The shipped verdict said
    it rested on assignee_report_to_rectifier alone (check54 #2): it now lists receiving_level_body too."""
    shipped = verdict(policy, B10, engine)
    other = verdict(policy, B10, engine, receiving_level_body="handling_holders")
    assert ("township_government", "not_rectified") not in found(shipped)
    assert ("township_government", "not_rectified") in found(other)
    assert {"receiving_level_body", TO_RECTIFIER} <= rested(shipped)
    named = {**B10, "handled": [_A1, {**_BACK, "to_body": "county_construction"}, B10["handled"][2]]}
    assert "receiving_level_body" not in rested(verdict(policy, named, engine)), "a report naming its body"


# ---------------------------------------------------------------- who's notes follow --lang (hostile53's left item)


def test_who_s_notes_are_marked_as_the_language_asks(run_cli: Any, tmp_path: Path) -> None:
    """Under the default --lang zh a note of `who` is marked 注意（note）：, as `assess` and `ledger add` mark theirs;
    under --lang en it stays ``note: ``."""
    import json

    record = {"id": "n1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}  # (no as_of: a note)
    path = tmp_path / "n.json"
    path.write_text(json.dumps([record, record]), encoding="utf-8")
    _, _, zh = run_cli("who", str(path), "--today", "2021-06-01", "--set", "main_responsibility_from=serious")
    _, _, en = run_cli("who", str(path), "--today", "2021-06-01", "--set", "main_responsibility_from=serious",
                       "--lang", "en")
    for said in ("--set: main_responsibility_from=serious changes nothing", "id 'n1' is on 2 records"):
        assert f"注意（note）：{said}" in zh and f"note: {said}" in en, (zh, en)
    assert "\nnote: " not in "\n" + zh and "注意" not in en
