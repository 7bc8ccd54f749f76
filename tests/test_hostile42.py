"""The input contract, hostile inputs (hostile42): a Parquet cell that is not UTF-8 text refused the whole file, the
command line echoed a 5,000-character option whole, the service's 503 told an HTTP caller the server's ledger path,
and what else a fresh pass over the command line, batch and the service found."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., tuple[int, str, str]]
BASE = {"area": "housing", "place": "330127100219", "as_of": "2021-03-05"}


# ---------------------------------------------------------------- 1. a Parquet cell that is not UTF-8 text


def _binary_parquet(path: Path, n: int, bad_id: set[int], bad_deadline: set[int]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = [f"P-{i}".encode() + (b"\xfe" if i in bad_id else b"") for i in range(n)]
    deadlines = [b"2021-0\xff-01" if i in bad_deadline else b"2021-01-01" for i in range(n)]
    pq.write_table(pa.table({"id": pa.array(ids, pa.binary()), "deadline": pa.array(deadlines, pa.binary()),
                             **{k: [v] * n for k, v in BASE.items()}}), path, row_group_size=max(n // 3, 1))


def _rejects(path: Path) -> dict[int, str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {int(r["record"]): r["field"] for r in csv.DictReader(f)}


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("scattered", [False, True], ids=["few", "scattered"])
def test_a_parquet_cell_that_is_not_utf8_rejects_its_row_naming_the_column(run_cli: Run, tmp_path: Path,
                                                                          workers: str, scattered: bool) -> None:
    """hostile41 left: one non-UTF-8 cell in a Parquet binary column refused the whole file (exit 2). Its row is now
    rejected naming the column and the rest assessed (in = assessed + rejected), whether the bad cells are few (the
    batch cut around them) or scattered over the batch (read row by row), with one worker or two."""
    n = 3000
    bad_id = set(range(0, n, 7)) if scattered else {5}
    bad_deadline = set(range(3, n, 11)) - bad_id if scattered else {2000}
    path = tmp_path / "in.parquet"
    _binary_parquet(path, n, bad_id, bad_deadline)
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"), "--rejects",
                           str(tmp_path / "rej.csv"), "--lang", "en", "--workers", workers, "--chunk-size", "1024")
    rejected = len(bad_id) + len(bad_deadline)
    assert code == 1, err
    assert f"records in: {n:,}   assessed: {n - rejected:,}   rejected: {rejected:,}" in err, err
    assert _rejects(tmp_path / "rej.csv") == {**{i: "id" for i in bad_id}, **{i: "deadline" for i in bad_deadline}}
    if not scattered:
        assert "bytes that are not UTF-8 text (b'P-5\\xfe')" in (tmp_path / "rej.csv").read_text(encoding="utf-8-sig")


def test_a_binary_column_reads_alike_from_a_table_and_from_its_parquet_file(tmp_path: Path) -> None:
    """The same binary columns given to Policy.assess as an Arrow table were read otherwise than from its Parquet file:
    every deadline of the table was refused ("got a bytes"), the file's were read as text. Both read them as text now,
    and refuse the cell that is not UTF-8 alike."""
    import pyarrow.parquet as pq

    import responsibility

    policy = responsibility.load()
    path = tmp_path / "in.parquet"
    _binary_parquet(path, 6, {1}, {4})
    table = pq.read_table(path)
    from_table = policy.assess(table)
    from_frame = policy.assess(table.to_pandas())
    assert (from_table.assessed, from_table.rejected) == (from_frame.assessed, from_frame.rejected) == (4, 2)
    assert sorted(from_table.rejects["field"]) == ["deadline", "id"]


# ---------------------------------------------------------------- 2. the server's ledger path in a 503


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SQLite connection the ledger opens from now on may not grow its file by a page (SQLITE_FULL)."""
    from responsibility.ledger import _store

    made = _store.make_engine

    def make_engine(url: str, *, file: str | None = None) -> Any:
        engine = made(url, file=file)
        import sqlalchemy as sa

        def _full(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA max_page_count={cur.execute('PRAGMA page_count').fetchone()[0]}")
            cur.close()

        sa.event.listen(engine, "connect", _full)
        return engine

    monkeypatch.setattr(_store, "make_engine", make_engine)


def _damage(db: Path, name: str) -> None:
    """Overwrite the cells of table ``name``'s page, as a disk fault would ("database disk image is malformed")."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    for i in range((root - 1) * page_size + 100, root * page_size, 5):
        data[i] = 0x5A
    db.write_bytes(bytes(data))


NEW = [{"problem": f"N{i}", "type": "registered", "on": "2021-06-01", "area": "housing", "place": "330127100219",
        "description": "屋顶漏雨" * 20} for i in range(200)]


@pytest.mark.parametrize("fault", ["full", "damaged", "import"])
@pytest.mark.parametrize("given", ["absolute", "relative", "url"])
def test_a_503_of_the_ledger_names_no_server_path(tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture, fault: str, given: str) -> None:
    """hostile41 left: the ledger's 503 (a full disk, a damaged database) told the HTTP caller the server's ledger
    path, /srv/…/county.db. It now says "the server's ledger"; the operator's log keeps the path."""
    import io
    import json

    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    root = tmp_path / "srv-secret"
    root.mkdir()
    db = root / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    events = tmp_path / "e.json"
    events.write_text(json.dumps(NEW[:3]), encoding="utf-8")
    assert run_cli("ledger", "add", str(db), str(events), "--by", "clerk")[0] == 0
    monkeypatch.chdir(tmp_path)
    target = {"absolute": str(db), "relative": "srv-secret/county.db", "url": "sqlite:///srv-secret/county.db"}[given]
    if fault != "damaged":
        _full_disk(monkeypatch)
    app = create_app(Settings(auth=False, ledger=target, decision_log=tmp_path / "d.jsonl"))
    if fault == "damaged":
        _damage(db, "events")
    with TestClient(app, raise_server_exceptions=False) as client:
        if fault == "damaged":
            got = client.get("/v1/ledger/events", params={"problem": "N1"})
        elif fault == "full":
            got = client.post("/v1/ledger/events", json=NEW[3:])
        else:
            rows = "问题编号,领域,所在地代码,登记日期\n" + "".join(f"M{i},危房改造,330127100219,2021-06-01\n"
                                                          for i in range(300))
            got = client.post("/v1/ledger/import", files={"file": ("l.csv", io.BytesIO(rows.encode()), "text/csv")})
    assert got.status_code == 503, got.text[:600]
    assert "srv-secret" not in got.text and "county.db" not in got.text and str(tmp_path) not in got.text, got.text
    assert "the server's ledger" in got.text or fault == "damaged", got.text
    assert "srv-secret" in caplog.text, caplog.text


# ---------------------------------------------------------------- 3. a 5,000-character option value


LONG = "q" * 4_990 + "END-OF-IT!"


@pytest.mark.parametrize("args", [
    ("assess", "-", "-o", "o.csv", "--lang", LONG),
    ("graph", "--area", LONG),
    ("ledger", "list", "x.db", LONG),
    ("ledger", "init", f"{LONG}/x.db"),
    ("serve", "--port", LONG),
    ("validate", LONG),
    ("assess", "{in}", "-o", f"{LONG}/x.csv"),
], ids=["lang", "area", "list", "init", "port", "validate", "output"])
def test_an_option_of_5000_characters_is_cut_in_the_error(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          args: tuple[str, ...]) -> None:
    """hostile41 left: the command line repeated a value whole in its error (a 5,000-character --lang, --area or file
    name gave a 5 KB message; `ledger init` 10 KB). The value is cut to its start and end and its length, which still
    tell which one it was; the exit is 2, with no traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.json").write_text('{"id": "a", "area": "housing", "place": "330127100219"}', encoding="utf-8")
    code, _, err = run_cli(*(a.replace("{in}", "in.json") for a in args))
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err, err[:300]
    assert len(err) < 900 and "q" * 60 + "…" in err and "characters)" in err, err
    assert "END-OF-IT!" in err or (args[0] in ("ledger", "assess") and "/x." in err), err


def test_health_names_no_path_of_the_decision_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GET /health, which needs no token, told anyone that lines of the decision log were lost, naming its file:
    "cannot write the decision log /srv/…/decisions.jsonl: no space left on its disk". It says so without the path."""
    import errno

    from fastapi.testclient import TestClient

    from responsibility.service import Settings, _log, create_app

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    where = tmp_path / "srv-secret"
    where.mkdir()
    app = create_app(Settings(auth=False, decision_log=where / "decisions.jsonl"))
    monkeypatch.setattr(_log, "_write_all", full)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/v1/verdict", json={"id": "a", **BASE}).status_code == 200
        with contextlib.suppress(OSError):  # (its writer thread may have met the full disk first)
            app.state.service.log.flush()
        got = client.get("/health")
    said = got.json().get("decision_log", "")
    assert got.status_code == 200 and "lost" in said and "the server's decision log" in said, got.text
    assert "srv-secret" not in got.text and str(tmp_path) not in got.text, got.text


def test_a_place_outside_the_server_s_jurisdiction_is_not_told_to_pass_an_option() -> None:
    """A place outside the server's jurisdiction was answered "pass the jurisdiction that contains it
    (--jurisdiction)" over HTTP (verdict, route and each rejected line of assess): an option of the command line, which
    an HTTP caller cannot give. The answer says to check the place's code; the code stays unknown_place."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    outside = {"id": "a", "area": "housing", "place": "999999999999"}
    with TestClient(create_app(Settings(auth=False, decision_log=None)), raise_server_exceptions=False) as client:
        got = [client.post("/v1/verdict", json=outside), client.post("/v1/route", json=outside),
               client.post("/v1/assess", content=b'{"id": "a", "area": "housing", "place": "999999999999"}\n',
                           headers={"content-type": "application/x-ndjson"})]
    assert [g.status_code for g in got] == [422, 422, 200], [g.text for g in got]
    for g in got:
        assert "--jurisdiction" not in g.text and "check the place's code" in g.text and "unknown_place" in g.text, \
            g.text


def _unchecked_text(values: list[Any], large: bool = False) -> Any:
    """A string array holding ``values`` (bytes) unchecked, as a writer that does not check UTF-8 leaves one."""
    import pyarrow as pa

    raw = pa.array(values, pa.large_binary() if large else pa.binary())
    return pa.Array.from_buffers(pa.large_string() if large else pa.string(), len(raw), raw.buffers(),
                                 null_count=raw.null_count)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_string_column_of_bytes_that_are_not_utf8_rejects_the_row(run_cli: Run, tmp_path: Path,
                                                                    workers: str) -> None:
    """A Parquet string column (top level, a discovered field, a handled step's, a concealed_by item) holding bytes
    that are not UTF-8, as a writer that does not check them leaves it (a Hive table of GBK text), ended the run with
    exit 3 "internal error … Cannot normalize utf8 string" (or a UnicodeDecodeError). Its row is rejected naming the
    field; the other rows give the findings they give in a file without those bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n, bad = 3000, {5: "id", 1500: "discovered.level", 2500: "handled", 2800: "concealed_by"}

    def table(broken: bool) -> Any:
        def cell(i: int, field: str, good: bytes) -> bytes:
            return good + b"\xfe" if broken and bad.get(i) == field else good

        disc = pa.StructArray.from_arrays(
            [_unchecked_text([cell(i, "discovered.level", b"county") for i in range(n)]),
             pa.array(["audit"] * n), pa.array(["2021-03-01"] * n)], names=["level", "channel", "on"])
        step = pa.StructArray.from_arrays(
            [pa.array(["assigned"] * n), pa.array(["county"] * n), pa.array(["township"] * n),
             _unchecked_text([cell(i, "handled", b"township_government") for i in range(n)]),
             pa.array(["2021-03-02"] * n)], names=["action", "by_level", "to_level", "to_body", "on"])
        handled = pa.ListArray.from_arrays(pa.array(range(n + 1), pa.int32()), step)
        concealed = pa.ListArray.from_arrays(
            pa.array(range(n + 1), pa.int32()),
            _unchecked_text([cell(i, "concealed_by", b"village") for i in range(n)], large=False))
        return pa.table({"id": _unchecked_text([cell(i, "id", f"P-{i}".encode()) for i in range(n)]),
                         "discovered": disc, "handled": handled, "concealed_by": concealed,
                         **{k: [v] * n for k, v in BASE.items()}})

    outs = {}
    for broken in (False, True):
        path = tmp_path / f"in-{broken}.parquet"
        pq.write_table(table(broken), path, row_group_size=1000)
        out, rej = tmp_path / f"out-{broken}.csv", tmp_path / f"rej-{broken}.csv"
        code, _, err = run_cli("assess", str(path), "-o", str(out), "--rejects", str(rej), "--lang", "en",
                               "--workers", workers, "--chunk-size", "1024")
        assert code in (0, 1) and "internal error" not in err, err
        outs[broken] = (out.read_text(encoding="utf-8-sig").splitlines(), _rejects(rej))
    (clean, clean_rejects), (found, rejects) = outs[False], outs[True]
    assert clean_rejects == {} and len(clean) > n, clean_rejects
    assert rejects == {5: "id", 1500: "discovered.level", 2500: "handled[0].to_body", 2800: "concealed_by[0]"}
    assert [r for r in clean if r.split(",")[0] not in {str(i) for i in bad}] == found, "the other rows changed"
