"""Batch assessment of a policy with dated amendments (``Periods``): every record gets what
``who_answers`` gives it, by the rules of its own day, whatever mix of periods a chunk holds."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Jurisdiction, Policy

from .test_batch import (
    TODAY,
    acting_records,
    assessed,
    co_assignee_records,
    d4_records,
    expected,
    fid31e_records,
    got,
    kindless_place_records,
    ledger,
    lined_records,
    own_day_records,
    partless_records,
    reached_records,
    receiver_records,
    returned_records,
    stepping_records,
    watching,
)

ROOT = Path(__file__).resolve().parents[1]
AMENDMENT = ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments"
#: A second (made-up) amendment on 2021-08-01: a shorter handling limit, the county bureau renamed
#: again, and one duty ended; with the 2021-06-01 example, three periods.
SECOND = """\
id: second-change-2021
name: 示例：第二次修订
en: "Example: a second change"
example: true
effective_from: 2021-08-01
source:
  id: example-second-change-2021
  number: 示例〔2021〕2号
  issuer: 示例（非真实文件）
  title: 示例：第二次修订
  title_en: "Example (not a real document): a second change"
  clauses:
    - id: 示例2021b(一)
      text: 发现问题后应在五日内交办或上报。
    - id: 示例2021b(二)
      text: 县（市、区）乡村振兴局整体转为县（市、区）农业农村局乡村振兴科，职责随之划转。
    - id: 示例2021b(三)
      text: 县级财政部门不再承担资金预算编制职责。
changes:
  - set_parameter: handling_time_limit_days
    value: 5
    clause: 示例2021b(一)
  - replace_body: county_rural_revitalisation
    with:
      id: county_rural_affairs
      name: 县（市、区）农业农村局乡村振兴科
      en: County rural affairs bureau, rural revitalisation section
      level: county
      kind: office
      sector: poverty_office
      parent: county_leading_group
      leading_group_member: true
      clauses: [示例2021b(二)]
    clause: 示例2021b(二)
  - end_duty: funds_county_finance_budget
    clause: 示例2021b(三)
"""
#: Bodies the amendments end or start, by level.
RENAMED = {"county": ["county_poverty_office", "county_rural_revitalisation", "county_rural_affairs"],
           "city": ["city_poverty_office", "city_rural_revitalisation"],
           "province": ["province_poverty_office", "province_rural_revitalisation"]}
#: Days around the amendments' dates: the day before, the day itself, the day after.
EDGES = ["2021-05-31", "2021-06-01", "2021-06-02", "2021-07-31", "2021-08-01", "2021-08-02"]


def _rules(target: Path, *, second: bool) -> Path:
    shutil.copytree(ROOT / "rules", target)
    shutil.copytree(AMENDMENT, target / "amendments")
    if second:
        (target / "amendments" / "second-change-2021.yaml").write_text(SECOND, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def amended(amended_policy: Policy) -> Policy:
    """The one amendment of 2021-06-01 (conftest ``amended_policy``, the text ``_rules(second=False)`` makes: its
    warm-up is shared with the other modules that read it)."""
    return amended_policy


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    policy = responsibility.load(_rules(tmp_path_factory.mktemp("three") / "rules", second=True))
    assert responsibility.validate(policy.root) == []
    return policy


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


def around(records: list[Any], seed: int) -> list[Any]:
    """``records`` with their days moved onto the amendments' dates, and bodies the amendments
    rename named as finder, assignee or concealer (in force on their day or not)."""
    rnd = random.Random(seed)
    out = []
    for r in records:
        if not isinstance(r, dict):
            out.append(r)
            continue
        r = dict(r)
        d = r.get("discovered")
        if isinstance(d, dict):
            if rnd.random() < 0.5:
                r = move(r, rnd.choice(EDGES))
            d = r["discovered"] = dict(r["discovered"])
            if d.get("level") in RENAMED and rnd.random() < 0.3:
                d["body"] = rnd.choice(RENAMED[d["level"]])
            steps = r.get("handled")
            if isinstance(steps, list):
                r["handled"] = [dict(s) for s in steps]
                for s in r["handled"]:
                    if s.get("to_level") in RENAMED and rnd.random() < 0.3:
                        s["to_body"] = rnd.choice(RENAMED[s["to_level"]])
            hid = r.get("concealed_by")
            if isinstance(hid, list) and hid and rnd.random() < 0.3:
                r["concealed_by"] = [rnd.choice(RENAMED["county"]) if x == "county" else x for x in hid]
        elif "discovered" not in r and rnd.random() < 0.5:
            r["as_of"] = rnd.choice(EDGES)  # never discovered: judged by its assessment date
        out.append(r)
    return out


def move(r: dict[str, Any], day: str) -> dict[str, Any]:
    """``r`` discovered on ``day``, its later days moved to it where they were before it."""
    r = {**r, "discovered": {**r["discovered"], "on": day}}
    if isinstance(r.get("handled"), list):
        r["handled"] = [{**s, "on": max(s["on"], day)} if isinstance(s, dict) and isinstance(s.get("on"), str) else s
                        for s in r["handled"]]
    for name in ("deadline", "rectified_on", "as_of"):
        if isinstance(r.get(name), str):
            r[name] = max(r[name], day)
    return r


def _assessor(policy: Policy, j: Jurisdiction, records: list[Any],
              marked: dict[str, set[str]] | None = None) -> tuple[Any, list[Any]]:
    """The periods' assessor and its results over ``records`` (``marked``: filled with what test_batch.watching sees
    of this run, for the bounds that count it)."""
    import responsibility.batch._assessor as batch

    assessor = batch.make_assessor(policy, j, today=TODAY)
    assert isinstance(assessor, batch.Periods)
    with watching() as seen:
        results = [assessor.run(part) for part in batch.parts(records, assessor.t)]
    if marked is not None:
        marked.update(seen)
    return assessor, results


@pytest.mark.slow
def test_records_naming_renamed_bodies_and_on_the_day_of_a_change_get_who_answers(amended: Policy,
                                                                                  province: Jurisdiction) -> None:
    records = around(ledger(amended, province, 1500, seed=21, broken=0.05), seed=1)
    named = [r for r in records if isinstance(r, dict) and isinstance(r.get("discovered"), dict)
             and r["discovered"].get("body") in RENAMED["county"] + RENAMED["city"]]
    assert len(named) > 20
    assert sum(isinstance(r, dict) and isinstance(r.get("discovered"), dict)
               and r["discovered"].get("on") == "2021-06-01" for r in records) > 20
    a = amended.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(amended, province, records, "compiled")
    # a body that the amendment ended or had not yet started is unknown on the record's day
    reasons = " ".join(a.rejects["reason"].astype(str))
    assert "unknown body 'county_poverty_office'" in reasons and "unknown body 'county_rural_revitalisation'" in reasons


@pytest.mark.slow  # 21–24 CPU s (suite45, suite46): 1,500 records over three periods, four input forms
def test_a_policy_with_three_periods_gives_who_answers_in_every_input_form(three: Policy,
                                                                           province: Jurisdiction) -> None:
    import polars as pl

    records = ledger(three, province, 1500, seed=22)
    # spread over the three periods (March, July, August), around their first days
    records = around([move(r, f"2021-{('03', '07', '08')[i % 3]}{r['discovered']['on'][7:]}")
                      if isinstance(r.get("discovered"), dict) else r for i, r in enumerate(records)], seed=2)
    # (one run: the bounds below count its markers and referred records, and its rows are compared)
    a, assessor, results, marked, _ = assessed(three, province, records)
    assert len(assessor._assessors) == 3
    assert assessor.assessor(2).policy.parameter("handling_time_limit_days") == 5
    assert "county_rural_affairs" in assessor.assessor(2).t.bodies
    # every record the reference path took it rejected, or a department answers in it from the day it was handed the
    # problem: the others took the fast path of their period
    assessed_ = sum(r.assessed for r in results)
    assert assessed_ > 1000
    least = len(records) - assessed_ + own_day_records(three, province, records)  # (and D4's: test_batch.d4_records)
    assert least <= sum(r.referred for r in results) <= least + d4_records(three, province, records) \
        + kindless_place_records(three, province, records) + receiver_records(three, province, records) \
        + lined_records(three, province, records) + fid31e_records(three, province, records, marked) \
        + co_assignee_records(three, province, records, marked) + acting_records(three, province, records, marked) \
        + reached_records(three, province, records, marked) + partless_records(three, province, records, marked) \
        + stepping_records(three, province, records, marked) + returned_records(three, province, records, marked)
    assert got(a) == expected(three, province, records, "compiled")
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    table = pl.from_dicts(tidy, infer_schema_length=None).to_arrow()
    assert got(three.assess(table, jurisdiction=province, today=TODAY)) == got(three.assess(tidy, jurisdiction=province,
                                                                                             today=TODAY))


@pytest.mark.parametrize("day", ["2021-03-01", "2021-07-01"])
def test_a_chunk_of_one_period_gives_who_answers(three: Policy, province: Jurisdiction, day: str) -> None:
    # every record in one period (not the assessment date's): its rows pass on coded by that period
    records = [move(r, day) for r in ledger(three, province, 400, seed=23) if isinstance(r.get("discovered"), dict)]
    # (one run: the bounds below count its markers and referred records, and its rows are compared)
    a, _, results, marked, _ = assessed(three, province, records)
    assessed_ = sum(r.assessed for r in results)
    assert assessed_ > 300
    least = len(records) - assessed_ + own_day_records(three, province, records)  # (and D4's: test_batch.d4_records)
    assert least <= sum(r.referred for r in results) <= least + d4_records(three, province, records) \
        + kindless_place_records(three, province, records) + receiver_records(three, province, records) \
        + lined_records(three, province, records) + fid31e_records(three, province, records, marked) \
        + co_assignee_records(three, province, records, marked) + acting_records(three, province, records, marked) \
        + reached_records(three, province, records, marked) + partless_records(three, province, records, marked) \
        + stepping_records(three, province, records, marked) + returned_records(three, province, records, marked)
    assert got(a) == expected(three, province, records, "compiled")


def test_periods_are_made_before_any_record_and_share_place_tables(three: Policy, province: Jurisdiction) -> None:
    import responsibility.batch._assessor as batch

    assessor = batch.make_assessor(three, province, today=TODAY)
    assert isinstance(assessor, batch.Periods)
    tables = [a.t for a in assessor._assessors.values()]
    assert all(t.ancestor is tables[0].ancestor and t.place_codes is tables[0].place_codes for t in tables)
    # the views who_answers uses, one per period
    for day in (dt.date(2021, 5, 31), dt.date(2021, 6, 1), dt.date(2021, 8, 1)):
        assert any(a.policy is three.at(day) for a in assessor._assessors.values())


def test_tables_of_one_jurisdiction_share_its_place_tables(policy: Policy, province: Jurisdiction) -> None:
    # built once per jurisdiction and levels, whatever the policy (every call of Policy.assess)
    import responsibility.batch._assessor as batch

    first = batch.make_assessor(policy, province, today=TODAY).t
    again = batch.make_assessor(policy, province, today=TODAY).t
    assert again.ancestor is first.ancestor and again.place_alias is first.place_alias
    other = Jurisdiction.synthetic(cities=1, counties=2, townships=3, villages=5, seed=4)
    apart = batch.make_assessor(policy, other, today=TODAY).t
    assert apart.ancestor is not first.ancestor and len(apart.places) == len(list(other))


@pytest.mark.slow
def test_periods_sharing_segments_that_start_afresh_between_chunks_give_who_answers(
        three: Policy, province: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> None:
    # small chunks of every period, some with reference-path records, and a segment buffer that
    # starts afresh every few chunks: each period's emitter must drop what it knew of it
    import responsibility.batch._assessor as batch
    import responsibility.batch._emit as emit

    monkeypatch.setattr(batch, "CHUNK", 97)
    monkeypatch.setattr(emit, "_SEGMENTS", 250)  # (300 until rules50's new kinds made the segments fewer)
    records = ledger(three, province, 900, seed=24, broken=0.05)
    records = around([move(r, f"2021-{('03', '07', '08')[i % 3]}{r['discovered']['on'][7:]}")
                      if isinstance(r, dict) and isinstance(r.get("discovered"), dict)
                      and isinstance(r["discovered"].get("on"), str) else r for i, r in enumerate(records)], seed=3)
    assessor, results = _assessor(three, province, records)
    assert assessor.segments.generation > 2
    assert all(a.emitter.segments is assessor.segments for a in assessor._assessors.values())
    assert sum(r.referred for r in results) > sum(r.records - r.assessed for r in results)  # some assessed there
    a = three.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(three, province, records, "compiled")


@pytest.mark.slow
def test_json_lines_writing_area_are_judged_by_their_own_period(three: Policy, province: Jurisdiction, tmp_path: Path,
                                                                 run_cli: Any) -> None:
    """review19 D5: JSON lines that write ``area`` (not the C parser's ``domain``) reach the assessor as Python
    records, whose table holds only their ids: they were judged by the latest period's tables, and a finding on a
    replaced office (县扶贫办) crashed the run with exit 3. Now each is judged by the rules of its own day, as
    ``who_answers`` and the same records through Python's list give."""
    import json

    records = ledger(three, province, 300, seed=24)
    records = [move(r, f"2021-{('03', '07', '08')[i % 3]}{r['discovered']['on'][7:]}")
               if isinstance(r.get("discovered"), dict) else r for i, r in enumerate(records)]
    records = [{("area" if k == "domain" else k): v for k, v in r.items()} for r in records]
    (tmp_path / "province.csv").write_text(province.to_csv(), encoding="utf-8")
    src, out, rej = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "--rules", str(three.root), "--jurisdiction",
                           str(tmp_path / "province.csv"), "--today", TODAY.isoformat(), "-o", str(out),
                           "--rejects", str(rej))
    assert code in (0, 1), err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    want, _ = expected(three, province, records, "compiled")
    assert [(r["record"], r["body"], r["basis"], r["reason"]) for r in rows] == \
        [(w[0], w[4], w[8], w[-1]) for w in want]
    assert any(r["body"] == "county_poverty_office" for r in rows)
    assert any(r["body"] == "county_rural_affairs" for r in rows)
