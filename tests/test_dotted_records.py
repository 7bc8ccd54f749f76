"""One record written with a table row's dotted ``discovered.*`` keys (pandas' ``to_json(orient="records")`` of a
flat frame writes them) is read alike on every path (review23b R23b-2): ``who_answers(dict)``, ``assess([dict])``
and ``who FILE`` answered it; ``assess FILE`` (JSON lines, JSON, YAML) and the service's /v1/verdict, /v1/route
and /v1/assess refused it (``unknown field 'discovered.level'``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from responsibility import Policy

ROOT = Path(__file__).resolve().parents[1]


def dotted() -> dict[str, Any]:
    record = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    found = record.pop("discovered")
    return {**record, **{f"discovered.{k}": v for k, v in found.items()}}


def test_assess_reads_a_dotted_record_in_every_file_form(policy: Policy, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    record = dotted()
    expected = len(policy.who_answers(record).findings)
    assert expected and len(policy.assess([record]).findings) == expected
    plain = {**{k: v for k, v in record.items() if not k.startswith("discovered.")},
             "discovered": {k.split(".", 1)[1]: v for k, v in record.items() if k.startswith("discovered.")}}
    files = {"r.jsonl": json.dumps(record, ensure_ascii=False) + "\n" + json.dumps({**plain, "id": "x"}) + "\n",
             "r.json": json.dumps([record], ensure_ascii=False),
             "r.yaml": yaml.safe_dump(record, allow_unicode=True)}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        out = tmp_path / f"{name}.csv"
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(out))
        assert code == 0, (name, err)
        with out.open(encoding="utf-8-sig") as f:
            rows = [r for r in csv.DictReader(f) if r["problem"] == record["id"]]
        assert len(rows) == expected, (name, err)
    code, out, err = run_cli("who", str(tmp_path / "r.json"))
    assert code == 0, err


def test_the_service_reads_a_dotted_record(policy: Policy) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, TokenStore, create_app, token_hash

    tokens = TokenStore.from_data({"tokens": [{"name": "z", "role": "province", "jurisdiction": "33",
                                               "sha256": token_hash("secret-z")}]})
    record = dotted()
    expected = policy.who_answers(record, engine="compiled").to_dict()
    auth = {"Authorization": "Bearer secret-z"}
    with TestClient(create_app(Settings(tokens=tokens, decision_log=None))) as c:
        r = c.post("/v1/verdict", json=record, headers=auth)
        assert r.status_code == 200 and r.json() == expected, r.text
        assert c.post("/v1/route", json=record, headers=auth).status_code == 200
        r = c.post("/v1/assess", content=json.dumps(record).encode() + b"\n",
                   headers={**auth, "Content-Type": "application/x-ndjson"})
        rows = [json.loads(x) for x in r.text.splitlines() if x]
        assert r.status_code == 200 and rows[-1]["summary"]["assessed"] == 1, r.text
        assert rows[-1]["summary"]["findings"] == len(expected["findings"]), r.text
