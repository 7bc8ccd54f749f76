"""An urban community (社区, a residents' committee) is not a village with a 村委会 (review25 R25-11).

The text gives the village level's duties to a village's bodies (二(一)1(1) 村级党组织和村民委员会…本村,
二(二)1 村党支部、村委会, 二(六)4(1)); a community's code (digits 10–12 001–199 or 400–599) has neither.
residents_committee_place decides: ``township`` (default) answers its problem as its township's, ``village``
as a village's; a verdict on such a problem says it rests on the parameter either way, and every path
(who_answers on both engines, route, the bulk assess, the service) answers alike.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.chain._jurisdiction import is_residents_committee

ROOT = Path(__file__).resolve().parents[1]
PARAM = "residents_committee_place"
COMMUNITY = "330102001051"  # 清波门社区, 清波街道, 上城区
STREET = "330102001000"  # 清波街道
VILLAGE = "330127100219"  # 富城村, 千岛湖镇, 淳安县
VILLAGE_BODIES = {"village_committee", "village_party_branch"}


def record(place: str = COMMUNITY, **changes: Any) -> dict[str, Any]:
    """The finding of R25-11: a dangerous house the county hotline found, that nobody passed on."""
    r: dict[str, Any] = {"id": "q", "area": "housing", "kind": "housing_danger_unreported", "place": place,
                         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                         "as_of": "2021-06-30"}
    r.update(changes)
    return r


def rows(findings: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    return {(f["body"], f["place"], f["basis"], f["liability"]) for f in findings}


def cited(verdict: dict[str, Any]) -> dict[str, Any]:
    return {i["id"]: i["value"] for i in verdict["interpretations"]}


@pytest.fixture(scope="module")
def village_reading(policy: Policy) -> Policy:
    return policy.with_parameters(**{PARAM: "village"})


def test_the_code_s_digits_say_a_community_as_the_shipped_names_do() -> None:
    # every 001-199 code of the shipped file is named …社区, …居委会 or …居民委员会; no 400-599 one
    # (类似居民委员会: …类似社区, …生活区, …管理区) is named a village; a village's code is no
    # community's, nor is a place above the village level
    names: dict[str, str] = {}
    with gzip.open(ROOT / "examples" / "jurisdictions" / "zhejiang.csv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                code, name = line.rstrip("\n").split(",")[:2]
                names[code] = name
    communities = [c for c in names if is_residents_committee(c)]
    assert len(communities) > 5000
    assert all(names[c].endswith(("社区", "居委会", "居民委员会")) for c in communities if c[9:] < "200")
    assert not any(names[c].endswith("村") for c in communities)
    assert any(names[c].endswith("类似社区") for c in communities if "400" <= c[9:] <= "599")
    assert not any(is_residents_committee(c) for c in names if c[9:] == "000")
    assert names[COMMUNITY] == "清波门社区" and is_residents_committee(COMMUNITY)
    assert not is_residents_committee(VILLAGE)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_by_default_a_community_s_problem_is_its_township_s(policy: Policy, example: Jurisdiction,
                                                             engine: str) -> None:
    # fails before: 村委会（清波门社区）and 村党支部（清波门社区）were named (二(二)1 names a 村's bodies only)
    v = policy.who_answers(record(), jurisdiction=example, engine=engine).to_dict()
    assert not {f["body"] for f in v["findings"]} & VILLAGE_BODIES
    assert not any(f["level"] == "village" for f in v["findings"])
    assert ("township_government", STREET, "not_discovered", "staff") in rows(v["findings"])
    assert cited(v)[PARAM] == "township"
    # the same answer as a problem placed at the street itself, which rests on no such reading
    at_street = policy.who_answers(record(STREET), jurisdiction=example, engine=engine).to_dict()
    assert rows(v["findings"]) == rows(at_street["findings"])
    assert PARAM not in cited(at_street)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_the_village_reading_answers_it_as_a_village_s_and_says_so(village_reading: Policy, example: Jurisdiction,
                                                                    engine: str) -> None:
    v = village_reading.who_answers(record(), jurisdiction=example, engine=engine).to_dict()
    assert {f["body"] for f in v["findings"] if f["place"] == COMMUNITY} == VILLAGE_BODIES
    assert cited(v)[PARAM] == "village"


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_village_s_code_is_answered_alike_under_both_values(policy: Policy, village_reading: Policy,
                                                              example: Jurisdiction, engine: str) -> None:
    a = policy.who_answers(record(VILLAGE), jurisdiction=example, engine=engine).to_dict()
    b = village_reading.who_answers(record(VILLAGE), jurisdiction=example, engine=engine).to_dict()
    assert rows(a["findings"]) == rows(b["findings"])
    assert {f["body"] for f in a["findings"] if f["place"] == VILLAGE} == VILLAGE_BODIES
    assert PARAM not in cited(a) and PARAM not in cited(b)


def test_a_village_level_in_a_community_s_record_is_refused_naming_the_parameter(policy: Policy,
                                                                                   village_reading: Policy,
                                                                                   example: Jurisdiction) -> None:
    found = record(discovered={"level": "village", "channel": "grid", "on": "2021-03-01"})
    with pytest.raises(ProblemError) as got:
        policy.who_answers(found, jurisdiction=example)
    assert got.value.field == "discovered.level" and got.value.code == "level_mismatch"
    assert PARAM in str(got.value) and COMMUNITY in str(got.value)
    handed = record(handled=[{"action": "assigned", "by_level": "county", "to_level": "village", "on": "2021-03-05"}])
    with pytest.raises(ProblemError) as got:
        policy.who_answers(handed, jurisdiction=example)
    assert got.value.field == "handled[0].to_level" and PARAM in str(got.value)
    # the village reading takes both as before
    assert village_reading.who_answers(found, jurisdiction=example).findings
    assert village_reading.who_answers(handed, jurisdiction=example).findings


def test_a_parsed_record_is_placed_again_under_another_reading(policy: Policy, village_reading: Policy,
                                                               example: Jurisdiction) -> None:
    from responsibility.engine._problem import parse_problem, residents_place

    p = parse_problem(record(), policy, example)
    assert p.place == STREET and residents_place(p) == COMMUNITY
    back = parse_problem(p, village_reading, example)
    assert back.place == COMMUNITY and residents_place(back) == COMMUNITY
    assert parse_problem(back, policy, example).place == STREET
    assert residents_place(parse_problem(record(VILLAGE), policy, example)) is None


def test_route_places_it_so_and_shows_the_record_s_place(policy: Policy, village_reading: Policy,
                                                         example: Jurisdiction) -> None:
    r = policy.route(record(), jurisdiction=example)
    assert r.place == COMMUNITY and PARAM in r.rests_on
    assert not {b.body for b in (*r.handlers, *r.assignees)} & VILLAGE_BODIES
    assert PARAM not in policy.route(record(VILLAGE), jurisdiction=example).rests_on
    rv = village_reading.route(record(), jurisdiction=example)
    assert rv.place == COMMUNITY and PARAM in rv.rests_on


def _bulk(policy: Policy, records: list[dict[str, Any]]) -> tuple[dict[int, set[Any]], list[tuple[int, str, str]]]:
    a = policy.assess(records)
    got: dict[int, set[Any]] = {}
    for f in a.findings.astype(object).to_dict("records"):
        got.setdefault(int(f["record"]), set()).add((f["body"], f["place"], f["basis"], f["liability"]))
    rejects = [(int(r["record"]), r["field"], r["code"]) for r in a.rejects.astype(object).to_dict("records")]
    return got, rejects


def _one_by_one(policy: Policy, example: Jurisdiction, records: list[dict[str, Any]]
                ) -> tuple[dict[int, set[Any]], list[tuple[int, str, str]]]:
    got: dict[int, set[Any]] = {}
    rejects = []
    for i, r in enumerate(records):
        try:
            found = rows(policy.who_answers(r, jurisdiction=example).to_dict()["findings"])
        except ProblemError as exc:
            rejects.append((i, exc.field, exc.code))
            continue
        if found:
            got[i] = found
    return got, rejects


def _many() -> list[dict[str, Any]]:
    # enough records for the bulk path (the same few shapes over and over), communities, villages and the street
    shapes = [record(), record(VILLAGE), record(STREET), record("330102001052"),
              record(discovered={"level": "village", "channel": "grid", "on": "2021-03-01"}),
              record(discovered={"level": "township", "channel": "grid", "on": "2021-03-01"},
                     handled=[{"action": "reported", "by_level": "township", "to_level": "county",
                               "on": "2021-03-20"}]),
              record(handled=[{"action": "assigned", "by_level": "county", "to_level": "village", "on": "2021-03-05"}])]
    return [{**shapes[i % len(shapes)], "id": f"r{i}"} for i in range(700)]


@pytest.mark.parametrize("value", ["township", "village"])
def test_the_bulk_assessment_answers_as_who_answers(policy: Policy, example: Jurisdiction, value: str) -> None:
    # fails before: the bulk path named the village's bodies at a community under any reading
    chosen = policy.with_parameters(**{PARAM: value})
    records = _many()
    bulk, bulk_rejects = _bulk(chosen, records)
    ref, ref_rejects = _one_by_one(chosen, example, records)
    assert bulk == ref
    assert bulk_rejects == ref_rejects
    assert bool(bulk_rejects) == (value == "township")


def test_the_service_answers_as_the_library(policy: Policy, example: Jurisdiction) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, TokenStore, create_app, token_hash

    tokens = TokenStore.from_data({"tokens": [{"name": "zj", "role": "province", "jurisdiction": "33",
                                               "sha256": token_hash("secret-zj")}]})
    with TestClient(create_app(Settings(tokens=tokens)), raise_server_exceptions=False) as client:
        auth = {"Authorization": "Bearer secret-zj"}
        r = client.post("/v1/verdict", json=record(), headers=auth)
        assert r.status_code == 200, r.text
        assert r.json() == policy.who_answers(record(), jurisdiction=example, engine="compiled").to_dict()
        assert not {f["body"] for f in r.json()["findings"]} & VILLAGE_BODIES
        r = client.post("/v1/assess", content=(json.dumps(record()) + "\n").encode(), headers=auth)
        found = [json.loads(x) for x in r.text.splitlines() if '"record"' in x and '"body"' in x]
        assert found and not {f["body"] for f in found} & VILLAGE_BODIES


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_community_is_answered_as_its_township_and_any_village_as_before(policy: Policy,
                                                                            village_reading: Policy,
                                                                            example: Jurisdiction,
                                                                            data: Any) -> None:
    codes = _village_codes(example)
    place = data.draw(st.sampled_from(codes))
    area, kind = data.draw(st.sampled_from([("housing", "housing_danger_unreported"), ("housing", None),
                                            ("water", None), ("basic_needs", None)]))
    r = record(place, area=area, kind=kind, severity=data.draw(st.sampled_from(["minor", "serious", "grave"])))
    if kind is None:
        del r["kind"]
    township = policy.who_answers(r, jurisdiction=example).to_dict()
    village = village_reading.who_answers(r, jurisdiction=example).to_dict()
    if is_residents_committee(place):
        at_street = policy.who_answers({**r, "place": place[:9] + "000"}, jurisdiction=example).to_dict()
        assert rows(township["findings"]) == rows(at_street["findings"])
        assert not any(f["level"] == "village" for f in township["findings"])
        assert cited(township)[PARAM] == "township" and cited(village)[PARAM] == "village"
    else:
        assert rows(township["findings"]) == rows(village["findings"])
        assert PARAM not in cited(township) and PARAM not in cited(village)


_CODES: list[str] = []


def _village_codes(example: Jurisdiction) -> list[str]:
    if not _CODES:
        _CODES.extend(p.code for p in example if p.level == "village")
    return _CODES
