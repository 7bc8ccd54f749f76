"""An input that is not JSON lines at all is one error (exit 2, HTTP 415) naming what it looks like, not each of
its lines a rejected record (review20b B20-4); JSON lines with a few bad lines still reject those and assess the
rest (records in = assessed + rejected)."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from responsibility.batch._io import LOOK, not_json_lines

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
Run = Callable[..., tuple[int, str, str]]


def _record() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RECORDS / "problem.json").read_text(encoding="utf-8"))
    return data


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _parquet() -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.table({"id": ["a"], "area": ["housing"], "place": ["330127100219"]}), sink)
    return sink.getvalue()


#: (what the input is, its bytes, a word the error must hold, the format it names)
NOT_JSON_LINES: list[tuple[str, Callable[[], bytes], str, str | None]] = [
    ("csv", lambda: (RECORDS / "ledger.csv").read_bytes(), "CSV row of 12 cells", "csv"),
    ("pretty object", lambda: (RECORDS / "problem.json").read_bytes(), "one JSON object written over", "json"),
    ("pretty list", lambda: json.dumps([_record()] * 2, indent=2).encode(), "one JSON list written over", "json"),
    ("list a line per record", lambda: ("[\n" + ",\n".join([_line(_record())] * 3) + "\n]\n").encode(),
     "one JSON list written over 5 lines", "json"),
    ("yaml", lambda: b"- id: a\n  area: housing\n  place: '330127100219'\n", "reads as YAML", "yaml"),
    ("yaml mapping", lambda: "id: a\narea: 危房改造\n".encode(), "reads as YAML", "yaml"),
    ("parquet", _parquet, "Parquet file", "parquet"),
    ("xlsx", lambda: b"PK\x03\x04" + bytes(range(256)) * 4, "zip archive", "xlsx"),
    ("binary", lambda: bytes((i * 7919 + 13) % 256 for i in range(3000)), "not text", None),
    ("tabs", lambda: b"id\tarea\tplace\nx\thousing\t330127100219\n", "separated by tabs", "csv"),
    ("plain text", lambda: b"hello\nworld\n", "is not JSON, nor is any line after it", None),
    ("gzip", lambda: gzip.compress((RECORDS / "problems.jsonl").read_bytes()), "compressed with gzip", "gzip"),
]


@pytest.mark.parametrize(("what", "make", "said", "fmt"), NOT_JSON_LINES, ids=[c[0] for c in NOT_JSON_LINES])
def test_an_input_that_is_not_json_lines_is_one_error(run_cli: Run, tmp_path: Path, what: str,
                                                      make: Callable[[], bytes], said: str, fmt: str | None) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(make())
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"))
    assert code == 2, err
    assert "is not JSON lines" in err and said in err, err
    assert "rejected" not in err and "拒收" not in err and "Traceback" not in err
    if fmt in ("csv", "json", "yaml", "parquet"):
        assert f"--from {fmt}" in err and f"name the file .{fmt}" in err, err
    assert not (tmp_path / "out.csv").exists()  # nothing written


def test_not_json_lines_on_standard_input(tmp_path: Path) -> None:
    import subprocess

    exe = Path(sys.executable).with_name("responsibility")
    for name in ("ledger.csv", "problem.json"):
        got = subprocess.run([str(exe), "assess", "-", "-o", str(tmp_path / "o.csv")],
                             input=(RECORDS / name).read_bytes(), capture_output=True, timeout=120,
                             env={**os.environ, "COLUMNS": "200"})
        err = got.stderr.decode()
        assert got.returncode == 2 and "standard input is not JSON lines" in err, err
        assert ("--from csv" if name.endswith("csv") else "--from json") in err and "name the file" not in err


def test_a_gb18030_file_read_so_is_told_too(run_cli: Run, tmp_path: Path) -> None:
    """The reader of a file that is not UTF-8 (Python's, line by line) tells it as the C one does."""
    path = tmp_path / "in.jsonl"
    path.write_bytes("id: 甲\narea: 危房改造\nplace: '330127100219'\nas_of: 2021-06-30\n".encode("gb18030"))
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "reads as YAML" in err and "--from yaml" in err, err
    code, _, err = run_cli("assess", str(path), "--encoding", "utf-16-le", "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "is not JSON lines" in err and "read as UTF-16-LE" in err, err


KEPT: list[tuple[str, Callable[[str], str], int]] = [
    ("a broken first record", lambda good: '{"id": "a", "are\n' + good, 1),
    ("a title line", lambda good: "Exported 2021-06-30 from the office ledger\n" + good, 1),
    ("a comment and a blank line", lambda good: "# comment\n\n" + good, 1),
    ("deeply nested garbage", lambda good: "[" * 50_000 + "\n" + good, 1),
    ("a broken last record", lambda good: good.rstrip("\n") + '\n{"id": "z"\n', 1),
    ("only a broken record", lambda good: '{"id": "a", "are\n', 1),
]


@pytest.mark.parametrize(("what", "make", "bad"), KEPT, ids=[c[0] for c in KEPT])
def test_json_lines_with_bad_lines_reject_those_and_assess_the_rest(run_cli: Run, tmp_path: Path, what: str,
                                                                    make: Callable[[str], str], bad: int) -> None:
    good = (RECORDS / "problems.jsonl").read_text(encoding="utf-8") if what != "only a broken record" else ""
    given = len([x for x in good.splitlines() if x.strip()])
    path = tmp_path / "in.jsonl"
    path.write_text(make(good), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"))
    assert code == 1, err
    summary = next(x for x in err.splitlines() if x.startswith("records in:"))
    numbers = [int(w.replace(",", "")) for w in summary.replace(":", " ").split() if w.replace(",", "").isdigit()]
    records, assessed, rejected = numbers[:3]
    assert records == assessed + rejected == given + bad, summary


def test_a_long_document_is_told_from_its_start() -> None:
    """A pretty-printed list longer than what is read to tell (:data:`LOOK`) is still a JSON list."""
    body = json.dumps([_record()] * 5000, indent=2).encode()
    assert len(body) > LOOK
    got = not_json_lines(body[:LOOK], whole=False)
    assert got is not None and got[1] == "json" and "opens a JSON list" in got[0]
    lines = b"\n".join(json.dumps(_record()).encode() for _ in range(3000))
    assert not_json_lines(lines[:LOOK], whole=False) is None
    assert not_json_lines(b"", whole=True) is None and not_json_lines(b"\n\n \n", whole=True) is None


# ---------------------------------------------------------------------------------------------------- the service

@pytest.fixture(scope="module")
def service() -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import token_store

    with TestClient(create_app(Settings(tokens=token_store(), max_body=64 * 1024, max_batch_records=500)),
                    raise_server_exceptions=False) as c:
        yield c


def _post(client: Any, body: bytes, ctype: str | None = None) -> Any:
    from tests.test_service import bearer

    headers = bearer("zhejiang")
    if ctype is not None:
        headers["Content-Type"] = ctype
    return client.post("/v1/assess", content=body, headers=headers)


@pytest.mark.parametrize(("what", "make", "said", "fmt"), NOT_JSON_LINES, ids=[c[0] for c in NOT_JSON_LINES])
def test_the_service_answers_415_for_a_body_that_is_not_json_lines(service: Any, what: str,
                                                                   make: Callable[[], bytes], said: str,
                                                                   fmt: str | None) -> None:
    r = _post(service, make())
    assert r.status_code == 415, r.text[:300]
    error = r.json()["error"]
    assert error["field"] == "(body)" and said in error["message"], error
    if fmt == "json":
        assert "jq -c" in error["suggestion"]


@pytest.mark.parametrize("ctype", ["text/csv", "text/csv; charset=utf-8", "application/vnd.apache.parquet",
                                   "application/x-yaml", "multipart/form-data; boundary=x",
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
def test_the_service_answers_415_for_a_content_type_it_does_not_read(service: Any, ctype: str) -> None:
    r = _post(service, (RECORDS / "problems.jsonl").read_bytes(), ctype)
    assert r.status_code == 415 and r.json()["error"]["field"] == "(headers)", r.text[:300]


@pytest.mark.parametrize("ctype", [None, "application/x-ndjson", "application/jsonl", "application/json",
                                   "text/plain", "application/octet-stream", "application/x-www-form-urlencoded"])
def test_the_service_reads_json_lines_under_the_types_clients_send(service: Any, ctype: str | None) -> None:
    body = b'{"id": "a", "are\n' + (RECORDS / "problems.jsonl").read_bytes()
    r = _post(service, body, ctype)
    assert r.status_code == 200, r.text[:300]
    summary = json.loads(r.text.splitlines()[-1])["summary"]
    assert summary["records"] == summary["assessed"] + summary["rejected"] and summary["rejected"] >= 1


def test_one_record_endpoints_say_where_many_records_go(service: Any) -> None:
    from tests.test_service import bearer

    line = _line(_record()).encode()
    r = service.post("/v1/verdict", content=line + b"\n" + line + b"\n", headers=bearer("zhejiang"))
    assert r.status_code == 400 and "/v1/assess" in r.json()["error"]["suggestion"], r.text
    r = service.post("/v1/verdict", content=b"[" + line + b"]", headers=bearer("zhejiang"))
    assert r.status_code == 422 and "/v1/assess" in r.json()["error"]["suggestion"], r.text
    r = service.post("/v1/route", content=(RECORDS / "ledger.csv").read_bytes(), headers=bearer("zhejiang"))
    assert r.status_code == 400 and "reads as a CSV row" in r.json()["error"]["message"], r.text


def test_the_encoding_question_is_one_rule_for_the_command_line_and_the_service(run_cli: Run, tmp_path: Path,
                                                                                service: Any) -> None:
    """The "(read as X: is that its encoding?)" rule was written twice (batch/_io and service/_batch); it is
    not_json_lines' own now: asked where the text looks like no format and was not read as UTF-8."""
    text = b"hello\nworld\n"
    asked = not_json_lines(text, whole=True, encoding="GB18030")
    assert asked is not None and asked[0].endswith("(read as GB18030: is that its encoding?)")
    declared = not_json_lines(text, whole=True, encoding="gb18030", declared_by="Content-Type")
    assert declared is not None and "(read as gb18030, as Content-Type declares: is that its encoding?)" in declared[0]
    for plain in (None, "utf-8", "UTF-8-SIG"):
        said = not_json_lines(text, whole=True, encoding=plain)
        assert said is not None and "its encoding" not in said[0]
    told = not_json_lines(b"id,area\nx,housing\n", whole=True, encoding="GB18030")  # a format: read right
    assert told is not None and told[1] == "csv" and "its encoding" not in told[0]
    path = tmp_path / "in.jsonl"
    path.write_bytes(text)
    code, _, err = run_cli("assess", str(path), "--encoding", "gb18030", "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "(read as GB18030: is that its encoding?)" in err, err
    r = _post(service, text, "application/x-ndjson; charset=gb18030")
    assert r.status_code == 415 and "as Content-Type declares: is that its encoding?" in r.json()["error"]["message"]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.bz2", ".json.xz"])
def test_a_compressed_file_is_told_to_be_unpacked(run_cli: Run, tmp_path: Path, suffix: str) -> None:
    """review21b B21-8: a .jsonl.gz got "cannot tell the format … from its extension"."""
    path = tmp_path / f"records{suffix}"
    path.write_bytes(gzip.compress((RECORDS / "problems.jsonl").read_bytes()))
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"))
    inner = path.with_suffix("").name
    assert code == 2 and "is compressed" in err and f"then assess {inner}" in err and "Traceback" not in err, err
