"""The service's routing and ledger endpoints: the library's answers, and who may read and write."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("sqlalchemy")

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy
from responsibility.ledger import Ledger
from responsibility.service import Settings, create_app, read_log

from .strategies import problems
from .test_service import CALLERS, bearer, scenario_problems, token_store

CHUNAN, JINGNING = "330127100219", "331127"  # a village of 淳安县; 景宁县 itself


def events(pid: str, place: str) -> list[dict[str, Any]]:
    return [{"problem": pid, "type": "registered", "on": "2021-03-01", "domain": "housing",
             "kind": "housing_renovation_late", "place": place, "severity": "serious"},
            {"problem": pid, "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"}]


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("ledger") / "county.db")
    with Ledger.create(path) as led:
        led.append([*events("C1", CHUNAN), *events("C2", CHUNAN), *events("J1", JINGNING)], entered_by="seed")
    return path


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("service-ledger") / "decisions.jsonl"


@pytest.fixture(scope="module")
def client(ledger_path: str, log_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(tokens=token_store(), ledger=ledger_path, decision_log=log_path))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# ------------------------------------------------------------------ routing


def test_routes_are_the_library_s(client: TestClient, policy: Policy, example: Jurisdiction) -> None:
    for record in scenario_problems():
        r = client.post("/v1/route", json=record, headers=bearer("zhejiang"))
        assert r.status_code == 200, r.text
        assert r.json() == policy.route(record, jurisdiction=example).to_dict()
    record = scenario_problems()[0]
    r = client.post("/v1/route?level=village", json=record, headers=bearer("chunan"))
    assert r.json() == policy.route(record, jurisdiction=example, level="village").to_dict()
    r = client.post("/v1/route?level=mayor", json=record, headers=bearer("chunan"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "level"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_problems_route_as_the_library_does(client: TestClient, policy: Policy, example: Jurisdiction,
                                                      data: Any) -> None:
    record = data.draw(problems(policy, example))
    r = client.post("/v1/route", json=record, headers=bearer("zhejiang"))
    assert r.status_code == 200, r.text
    assert r.json() == policy.route(record, jurisdiction=example).to_dict()


# ------------------------------------------------------------------ the ledger


def test_lists_are_the_ledger_s_for_the_caller_s_jurisdiction(client: TestClient, ledger_path: str) -> None:
    with Ledger.open(ledger_path) as led:
        for name in ("problems", "responsibilities", "rectifications"):
            r = client.get(f"/v1/ledger/lists/{name}?as_of=2021-06-30", headers=bearer("chunan"))
            assert r.status_code == 200, r.text
            frame = getattr(led, name)("2021-06-30", place="330127")
            assert len(r.json()) == len(frame)
            assert {row["problem"] for row in r.json()} == set(frame["problem"])
        whole = client.get("/v1/ledger/lists/problems?as_of=2021-06-30", headers=bearer("zhejiang")).json()
        assert {row["problem"] for row in whole} >= {"C1", "C2", "J1"}
        mine = client.get("/v1/ledger/lists/problems?as_of=2021-06-30", headers=bearer("hangzhou")).json()
        assert {row["problem"] for row in mine} >= {"C1", "C2"} and "J1" not in {row["problem"] for row in mine}
        zh = client.get("/v1/ledger/lists/problems?as_of=2021-06-30&lang=zh", headers=bearer("chunan")).json()
        assert set(zh[0]) == {str(c) for c in led.problems("2021-06-30", place="330127", lang="zh").columns}
        alerts = client.get("/v1/ledger/alerts?within=30&as_of=2021-03-05", headers=bearer("chunan"))
        assert alerts.status_code == 200
        assert {row["problem"] for row in alerts.json()} == set(led.alerts(30, "2021-03-05", place="330127")["problem"])


def test_appended_events_are_stored_and_logged(client: TestClient, ledger_path: str, log_path: Path) -> None:
    new = events("C9", CHUNAN)
    r = client.post("/v1/ledger/events", json=new, headers=bearer("chunan"))
    assert r.status_code == 201, r.text
    stored = r.json()
    assert [e["type"] for e in stored] == ["registered", "discovered"] and stored[0]["entered_by"] == "chunan"
    got = client.get("/v1/ledger/events?problem=C9", headers=bearer("chunan")).json()
    assert got == stored
    line = next(x for x in reversed(read_log(log_path)) if x["endpoint"] == "POST /v1/ledger/events")
    assert (line["caller"], line["status"], line["events"], line["findings"]) == ("chunan", 201, 2, stored[-1]["hash"])
    with Ledger.open(ledger_path) as led:
        assert led.verify().ok
    bad = client.post("/v1/ledger/events", json={"problem": "C9", "type": "assigned", "on": "2021-02-01"},
                      headers=bearer("chunan"))
    assert bad.status_code == 422 and bad.json()["error"]["type"] == "ProblemError", bad.text
    unknown = client.get("/v1/ledger/events?problem=C99", headers=bearer("chunan"))
    assert unknown.status_code == 404 and unknown.json()["error"]["field"] == "problem"


#: (label, method, path, body): every ledger endpoint, on 淳安县's problem C1.
LEDGER_REQUESTS: list[tuple[str, str, str, Any]] = [
    ("events", "GET", "/v1/ledger/events?problem=C1", None),
    ("events-other", "GET", "/v1/ledger/events?problem=J1", None),
    ("problems", "GET", "/v1/ledger/lists/problems", None),
    ("responsibilities", "GET", "/v1/ledger/lists/responsibilities", None),
    ("rectifications", "GET", "/v1/ledger/lists/rectifications", None),
    ("lists-of-chunan", "GET", "/v1/ledger/lists/problems?place=330127", None),
    ("alerts", "GET", "/v1/ledger/alerts", None),
    ("append", "POST", "/v1/ledger/events", {"problem": "C2", "type": "assigned", "on": "2021-03-02",
                                             "by_level": "county", "to_level": "township"}),
    ("verify", "GET", "/v1/ledger/verify", None),
    ("route", "POST", "/v1/route", {"id": "r1", "domain": "housing", "place": CHUNAN}),
]
#: The callers that may do each, when it is not "every valid token".
MAY = {"events": {"chunan", "hangzhou", "zhejiang"}, "events-other": {"jingning", "lishui", "zhejiang"},
       "lists-of-chunan": {"chunan", "hangzhou", "zhejiang"}, "append": {"chunan"},
       "route": {"chunan", "hangzhou", "zhejiang"}}


@pytest.mark.parametrize("caller", [*CALLERS, None, "forged"])
@pytest.mark.parametrize(("label", "method", "path", "body"), LEDGER_REQUESTS, ids=[r[0] for r in LEDGER_REQUESTS])
def test_every_role_against_every_ledger_endpoint(client: TestClient, log_path: Path, caller: str | None,
                                                  label: str, method: str, path: str, body: Any) -> None:
    headers = bearer(caller) if caller is not None else {}
    r = client.request(method, path, headers=headers, **({"json": body} if body is not None else {}))
    if caller is None or caller == "forged":
        assert r.status_code == 401, r.text
        return
    allowed = MAY.get(label)
    if allowed is None or caller in allowed:
        assert r.status_code in (200, 201, 422), r.text  # 422: the same event twice is the ledger's to refuse
        if label == "append" and r.status_code == 422:
            assert r.json()["error"]["type"] == "ProblemError"
        return
    assert r.status_code == 403, r.text
    err = r.json()["error"]
    assert err["type"] == "Forbidden"
    if label != "append" or caller in ("jingning", "lishui"):
        assert "outside your jurisdiction" in err["message"]
        line = read_log(log_path)[-1]
        assert (line["caller"], line["status"]) == (caller, 403)
    else:
        assert "does not write" in err["message"]


def test_rows_are_json(client: TestClient) -> None:
    rows = client.get("/v1/ledger/lists/rectifications?as_of=2021-06-30", headers=bearer("zhejiang")).json()
    text = json.dumps(rows)
    assert "NaN" not in text and "NaT" not in text


def test_verify_reports_the_chain(client: TestClient, ledger_path: str) -> None:
    r = client.get("/v1/ledger/verify", headers=bearer("lishui"))
    assert r.status_code == 200, r.text
    with Ledger.open(ledger_path) as led:
        v = led.verify()
    assert r.json() == {"ok": True, "events": v.events, "seq": None, "problem": None, "what": "",
                        "message": str(v)}
