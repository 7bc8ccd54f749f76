"""One hostile record, every path (hostile63): the same answer or the same rejection.

A differential harness. Hypothesis makes records of the example record with one to three field paths given a hostile
value (the wrong type at every path, null against absent, empty text and lists, lone surrogates, full-width digits and
Chinese dates, NUL, long text, huge numbers, NaN and infinities, true where a number goes, steps with keys missing);
each batch of them goes through ``who_answers(dict)``, ``POST /v1/verdict``, ``Policy.assess`` on a list, a pandas,
an Arrow and a polars frame, ``responsibility assess`` on JSON lines and on CSV (the records a CSV cell can hold) and
``POST /v1/assess``, and every path must give each record the outcome ``who_answers(dict)`` gives it: the same
findings (level, body, basis, liability) or the same reason code at the same field. Every batch keeps its count
(records in = assessed + rejected). Where the docs let a path read a value otherwise (a frame's text in a nested
column is JSON to it: ``bad_json``; pandas' NaN is a missing value; a table lacks a column none of its rows has), the
harness says so by name.

Before the fix in engine/_problem.py (unwritable_part), ``who_answers(dict)`` and ``POST /v1/verdict`` read a lone
surrogate in a date as ``bad_date``, in a key's name or a wrong-typed value as ``wrong_type``, and a cycle or a
100-deep value under an unknown key as ``unknown_field``, where ``assess`` (a list, JSON lines, the service's batch)
said ``bad_text`` and ``bad_json`` at the text's or the nesting's path.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2021-12-31"
Outcome = tuple[Any, ...]


class _Absent:
    """A field left out, as against one given null."""

    def __repr__(self) -> str:
        return "ABSENT"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Absent:
        return self


ABSENT = _Absent()


def base() -> dict[str, Any]:
    """The example record, with every optional field given (a body found, a body handed it, a concealer list)."""
    r: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    r["rectified_on"] = "2021-05-20"
    r["discovered"]["body"] = "county_government"
    r["handled"][0]["to_body"] = "township_government"
    r["concealed_by"] = []
    return r


#: Every field path of a record (``.0``: a list's first entry).
PATHS = ["id", "area", "kind", "sector", "place", "severity", "discovered", "discovered.level", "discovered.channel",
         "discovered.on", "discovered.body", "handled", "handled.0", "handled.0.action", "handled.0.by_level",
         "handled.0.to_level", "handled.0.to_body", "handled.0.on", "handled.0.deadline", "deadline", "rectified_on",
         "concealed_by", "concealed_by.0", "as_of"]
#: What a hostile sender puts there.
VALUES: list[Any] = [
    ABSENT, None, "", "  ", [], {}, True, False, 0, 7, -1, 10**30, 10**400, 1.5, 7.0, math.nan, math.inf, -math.inf,
    "\ud800", "a\udc00", "a\x00b", "a\x1bb", "x" * 201, "２０２１年３月１日", "２０２１-０３-０１", "2021年3月1日",
    "\ufeff2021-03-01", "2021-03-01\r", "2021-03-01T00:00:00", "2021-03-01T00:00:00Z", "2021-02-29", "1899-12-31",
    "330127100219", "３３０１２７１００２１９", "330127", " county ", "ｃｏｕｎｔｙ", "\u200bcounty", "county",
    "township", "县", "市", "2021-03-01", "true", "NaN", ["county"], [None], [{}], {"level": "county"},
    {"action": "assigned", "by_level": "county", "to_level": "township"},  # a step without its day
    {"action": "assigned", "on": "2021-03-05"},  # nor its levels
]
#: The fields of a record (docs/records.md).
FIELDS = frozenset({"id", "area", "domain", "kind", "sector", "place", "severity", "discovered", "handled", "deadline",
                    "rectified_on", "concealed_by", "as_of"})
#: The nested fields a frame holds as JSON in a text cell.
NESTED = ("discovered", "handled", "concealed_by")


def mutate(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``record`` with ``value`` at ``path`` (where the path still leads somewhere)."""
    node: Any = record
    *parents, last = path.split(".")
    for p in parents:
        if isinstance(node, list) and p.isdigit():
            if int(p) >= len(node):
                node.append({} if last and not last.isdigit() else [])
            node = node[int(p)]
        elif isinstance(node, dict) and isinstance(node.get(p), dict | list):
            node = node[p]
        else:
            return record
    if isinstance(node, list) and last.isdigit():
        if int(last) < len(node):
            node[int(last)] = value
        else:
            node.append(value)
    elif isinstance(node, dict):
        node[last] = value
    return record


def without_absent(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_absent(v) for k, v in value.items() if v is not ABSENT}
    if isinstance(value, list):
        return [without_absent(v) for v in value if v is not ABSENT]
    return value


@st.composite
def hostile(draw: st.DrawFn) -> dict[str, Any]:
    record = base()
    for _ in range(draw(st.integers(1, 3))):
        mutate(record, draw(st.sampled_from(PATHS)), copy.deepcopy(draw(st.sampled_from(VALUES))))
    out: dict[str, Any] = without_absent(record)
    return out


# ------------------------------------------------------------------------------------------------ the paths

def _findings(rows: list[dict[str, Any]]) -> Outcome:
    return ("ok", tuple(sorted((str(r["level"]), str(r["body"]), str(r["basis"]), str(r["liability"]))
                               for r in rows)))


def by_dict(policy: Policy, record: Any) -> Outcome:
    try:
        v = policy.who_answers(copy.deepcopy(record), today=TODAY)
    except ProblemError as exc:
        return ("rej", exc.code, exc.field)
    return _findings([f.to_dict("zh") for f in v.findings])  # type: ignore[arg-type]


def split(findings: list[dict[str, Any]], rejects: list[dict[str, Any]], n: int, start: int) -> list[Outcome]:
    """Each of ``n`` records' outcome from a batch's finding rows and rejects (numbered from ``start``)."""
    per: dict[int, list[dict[str, Any]]] = {}
    for f in findings:
        per.setdefault(int(f["record"]) - start, []).append(f)
    out = [_findings(per.get(i, [])) for i in range(n)]
    for r in rejects:
        i = int(r["record"]) - start
        assert i not in per and out[i] == ("ok", ()), f"record {i} both assessed and rejected"
        out[i] = ("rej", r["code"], r["field"] if isinstance(r["field"], str) else None)
    return out


def by_assess(policy: Policy, records: Any, n: int) -> list[Outcome]:
    got = policy.assess(records, today=TODAY)
    assert got.records == got.assessed + got.rejected == n, (got.records, got.assessed, got.rejected, n)
    return split(list(got.findings.to_dict("records")), list(got.rejects.to_dict("records")), n, 0)


def by_cli(path: Path, n: int, tmp: Path, *extra: str) -> list[Outcome]:
    """``responsibility assess PATH`` (in this process): each record's outcome; no record lost, no traceback."""
    from responsibility.cli import main

    out, rej, err = tmp / "f.jsonl", tmp / "r.jsonl", io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["assess", str(path), "-o", str(out), "--rejects", str(rej), "--today", TODAY, "--no-progress",
                     *extra])
    rejects = [json.loads(line) for line in rej.read_text(encoding="utf-8").splitlines()]
    assert code == (1 if rejects else 0) and "Traceback" not in err.getvalue(), (code, err.getvalue())
    assert f"records in: {n:,} " in err.getvalue(), err.getvalue()  # (in = assessed + rejected: no record lost)
    findings = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return split(findings, rejects, n, 0)


def by_service_verdict(client: Any, record: Any) -> Outcome:
    from tests.test_service import bearer

    body = json.dumps(record, allow_nan=True).encode()
    r = client.post("/v1/verdict", content=body, headers={**bearer("chunan"), "Content-Type": "application/json"},
                    params={"lang": "zh"})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        return _findings(r.json()["findings"])
    e = r.json()["error"]
    return ("rej", e["code"], e["field"])


def by_service_assess(client: Any, records: list[Any]) -> list[Outcome]:
    from tests.test_service import bearer

    body = "".join(json.dumps(r, allow_nan=True) + "\n" for r in records).encode()
    r = client.post("/v1/assess", content=body, headers={**bearer("chunan"), "Content-Type": "application/x-ndjson"})
    assert r.status_code == 200, r.text
    lines = [json.loads(line) for line in r.text.splitlines()]
    summary = lines[-1]["summary"]
    assert summary["records"] == summary["assessed"] + summary["rejected"] == len(records), summary
    return split([x for x in lines[:-1] if "rejected" not in x], [x["rejected"] for x in lines[:-1] if "rejected" in x],
                 len(records), 0)


def csv_cell(record: dict[str, Any]) -> dict[str, str] | None:
    """``record`` as a row of the flat form, where each of its values reads the same from a CSV cell; else None."""
    row: dict[str, str] = {}

    def text(v: Any) -> str | None:
        if v is None:
            return ""
        plain = isinstance(v, str) and v == v.strip() and v and not any(c in v for c in "\r\n\x00\ufeff")
        return v if plain and not any(0xD800 <= ord(c) <= 0xDFFF for c in v) else None

    if not FIELDS.issuperset(record):
        return None  # (a column that is no field is one error for the whole file)
    for k, v in record.items():
        if k == "discovered" and isinstance(v, dict) and {"level", "channel", "on", "body"}.issuperset(v):
            for sub, w in v.items():
                if (cell := text(w)) is None:
                    return None
                row[f"discovered.{sub}"] = cell
        elif k in NESTED:
            try:
                row[k] = "" if v is None else json.dumps(v, allow_nan=False)
            except ValueError:
                return None
            if not isinstance(v, list | type(None)) or (v == [] and k == "handled"):
                return None
        elif (cell := text(v)) is None:
            return None
        else:
            row[k] = cell
    return row


# ------------------------------------------------------------------------------- what the docs let differ

def _has_nan(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, dict):
        return any(map(_has_nan, value.values()))
    if isinstance(value, list):
        return any(map(_has_nan, value))
    return False


def frame_reads_alike(record: dict[str, Any], want: Outcome, got: Outcome) -> bool:
    """Whether a frame's outcome is the record's, as docs/records.md "The flat form" has a frame read it: text in a
    nested column is JSON there (a cell that is not JSON: ``bad_json``)."""
    if got == want:
        return True
    field = got[2] if got[0] == "rej" else None
    return (got[:2] == ("rej", "bad_json") and field in NESTED and isinstance(record.get(field), str)
            and want[0] == "rej")


def compare(records: list[dict[str, Any]], outcomes: dict[str, list[Outcome | None]]) -> list[str]:
    """The records on which a path's outcome is not ``who_answers(dict)``'s."""
    ref = outcomes["dict"]
    said = []
    for i, record in enumerate(records):
        for name, got in outcomes.items():
            o = got[i]
            if o is None or o == ref[i]:
                continue
            if name in ("pandas", "arrow", "polars") and frame_reads_alike(record, ref[i], o):
                continue
            said.append(f"record {i}, {name}: {o!r}; who_answers(dict): {ref[i]!r}\n"
                        f"    {json.dumps(record, ensure_ascii=True, allow_nan=True)[:600]}")
    return said


def _one_table(policy: Policy, make: Callable[[], Any]) -> Outcome | None:
    """One record's outcome through a table ``make`` builds, None where the library making it cannot hold the record
    (mixed types in one column) or the table lacks a column none of its rows has (one error, before any row)."""
    from responsibility.batch._columns import ColumnError

    try:
        table = make()
    except Exception:  # (pyarrow's and polars' own refusals of the value: not ours to read)
        return None
    try:
        return by_assess(policy, table, 1)[0]
    except ColumnError:
        return None


def outcomes_of(policy: Policy, client: Any, records: list[dict[str, Any]], tmp: Path) -> dict[str, list[Any]]:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    n = len(records)
    got: dict[str, list[Any]] = {"dict": [by_dict(policy, r) for r in records],
                                 "list": by_assess(policy, copy.deepcopy(records), n)}
    # (a table with a column that is no field is one error before any row: the frames take the records without one)
    fits = [i for i, r in enumerate(records) if FIELDS.issuperset(r)]
    # (an Arrow-backed text column holds no surrogate: object columns)
    frame = pd.DataFrame([copy.deepcopy(records[i]) for i in fits], dtype=object)
    got["pandas"] = [None] * n
    for i, o in zip(fits, by_assess(policy, frame, len(fits)), strict=True):
        got["pandas"][i] = None if _has_nan(records[i]) else o  # (pandas' NaN is a missing value)
    got["arrow"] = [_one_table(policy, lambda r=r: pa.Table.from_pylist([copy.deepcopy(r)])) if i in fits else None
                    for i, r in enumerate(records)]
    got["polars"] = [_one_table(policy, lambda r=r: pl.DataFrame([copy.deepcopy(r)])) if i in fits else None
                     for i, r in enumerate(records)]
    got["verdict"] = [by_service_verdict(client, r) for r in records]
    got["service_assess"] = by_service_assess(client, records)
    jsonl = tmp / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r, allow_nan=True) + "\n" for r in records), encoding="utf-8")
    got["jsonl"] = by_cli(jsonl, n, tmp)
    rows = [csv_cell(r) for r in records]
    flat = [i for i, row in enumerate(rows) if row is not None]
    if flat:
        columns = sorted({k for i in flat for k in rows[i] or {}} | {"id", "area", "place"})
        text = io.StringIO()
        w = csv.DictWriter(text, columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows[i] or {} for i in flat)
        (tmp / "in.csv").write_text(text.getvalue(), encoding="utf-8")
        by_row = by_cli(tmp / "in.csv", len(flat), tmp)
        got["csv"] = [None] * n
        for at, i in enumerate(flat):
            got["csv"][i] = by_row[at]
    return got


# ------------------------------------------------------------------------------------------------ the tests

@pytest.fixture(scope="module")
def tmp_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("hostile63")


# (no shrinking: an example is a batch through every path, and the failure names each record that differs)
@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(records=st.lists(hostile(), min_size=12, max_size=12))
def test_one_hostile_record_gets_one_outcome_on_every_path(policy: Policy, client: Any, tmp_dir: Path,
                                                          records: list[dict[str, Any]]) -> None:
    records = [base(), *records]  # (the example first: every column is in the frames and the CSV)
    said = compare(records, outcomes_of(policy, client, records, tmp_dir))
    assert not said, "\n".join(said[:12])


#: Each record the harness found answered two ways before the fix, and what every path now says of it.
FOUND = [
    ({"deadline": "\ud800"}, ("bad_text", "deadline")),
    ({"discovered": {"level": "county", "channel": "hotline", "on": "\udc00x"}}, ("bad_text", "discovered.on")),
    ({"handled": "\ud800"}, ("bad_text", "handled")),
    ({"handled": ["\ud800"]}, ("bad_text", "handled[0]")),
    ({"severity": "\ud800", "area": "nope"}, ("bad_text", "severity")),
    ({"x\ud800": 1}, ("bad_text", "x\\ud800")),
    ({"deadline": "\ud800", "zzz": 1}, ("bad_text", "deadline")),
    ({"handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05",
                   "x\ud800": 1}]}, ("bad_text", "handled[0].x\\ud800")),
]


def _deep(n: int) -> list[Any]:
    d: list[Any] = []
    for _ in range(n):
        d = [d]
    return d


@pytest.mark.parametrize(("change", "want"), FOUND)
def test_a_lone_surrogate_anywhere_is_bad_text_at_its_path_on_every_path(
        policy: Policy, client: Any, tmp_path: Path, change: dict[str, Any], want: tuple[str, str]) -> None:
    """who_answers(dict) and POST /v1/verdict said bad_date of a date holding a lone surrogate, wrong_type of a key
    holding one (field '(record)'), unknown_field of another field; assess (a list, JSON lines, POST /v1/assess)
    rejected the same record as bad_text at the text's path, as docs/records.md's reason codes say of it."""
    record = {**base(), **change}
    got = outcomes_of(policy, client, [base(), record], tmp_path)
    assert got["dict"][1] == got["list"][1] == got["jsonl"][1] == got["verdict"][1] == ("rej", *want), got
    said = compare([base(), record], got)
    assert not said, "\n".join(said)
    with pytest.raises(ProblemError, match="lone surrogate") as e:
        policy.who_answers(record)
    assert "\\ud800" in str(e.value) or "\\udc00" in str(e.value) or "lone surrogate" in str(e.value)
    str(e.value).encode("utf-8")  # (what is said can be written)


@pytest.mark.parametrize(("change", "field"), [
    ({"x": _deep(100)}, "x[0][0][0]"), ({"handled": _deep(70)}, "handled[0][0][0]")
])
def test_a_record_nested_too_deep_is_bad_json_from_a_dict_as_in_a_batch(policy: Policy, client: Any, tmp_path: Path,
                                                                         change: dict[str, Any], field: str) -> None:
    """who_answers(dict) read a 100-deep value under an unknown key as unknown_field 'x', and a 70-deep `handled` as
    wrong_type 'handled[0]'; assess([dict]), JSON lines and POST /v1/assess refused both as nested too deeply
    (bad_json at the nesting's path)."""
    record = {**base(), **change}
    got = outcomes_of(policy, client, [record], tmp_path)
    assert got["dict"][0][:2] == ("rej", "bad_json") and got["dict"][0][2].startswith(field), got["dict"]
    said = compare([record], got)
    assert not said, "\n".join(said)


def test_a_cycle_in_a_dict_is_refused_as_a_batch_refuses_it(policy: Policy) -> None:
    """A record holding itself: who_answers said unknown_field 'x' (or wrong_type 'handled[1]' for a step list holding
    itself), assess([dict]) bad_json at the cycle's path; now both say bad_json at the same path."""
    for make in (lambda r: r.__setitem__("x", r), lambda r: r["handled"].append(r["handled"])):
        record = base()
        make(record)
        want = by_assess(policy, [record], 1)[0]
        assert want[:2] == ("rej", "bad_json")
        assert by_dict(policy, record) == want


@pytest.mark.slow
def test_the_batch_outcomes_do_not_change_with_two_workers(policy: Policy, tmp_path: Path) -> None:
    """`assess --workers 2` on the harness's records: each record's outcome as one process gives it (JSON lines)."""
    import random

    rnd = random.Random(63)
    records = [base()]
    for _ in range(60):
        r = base()
        for _ in range(rnd.randint(1, 3)):
            mutate(r, rnd.choice(PATHS), copy.deepcopy(rnd.choice(VALUES)))
        records.append(without_absent(r))
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, allow_nan=True) + "\n" for r in records), encoding="utf-8")
    one = by_cli(path, len(records), tmp_path)
    assert by_cli(path, len(records), tmp_path, "--workers", "2", "--chunk-size", "1024") == one
    assert one == [by_dict(policy, r) for r in records]


@pytest.mark.parametrize(("change", "want"), [
    ({"kind": math.nan}, ("wrong_type", "kind")),
    ({"deadline": math.nan}, ("bad_date", "deadline")),
    ({"id": math.nan}, ("wrong_type", "id")),
])
def test_a_nan_in_a_table_with_a_json_text_cell_is_the_number_it_is(policy: Policy, tmp_path: Path,
                                                                     change: dict[str, Any],
                                                                     want: tuple[str, str]) -> None:
    """An Arrow table, a Parquet file or a polars frame whose ``concealed_by`` is a column of JSON text (as the flat
    form writes it, docs/records.md) is read record by record (batch/_columns.flat_record), which took a float NaN
    for pandas' missing value: a NaN ``deadline`` was no deadline and the record assessed, a NaN ``kind`` no kind, a
    NaN ``id`` missing; without the text column, and from a dict or JSON, each is refused (docs/records.md: in Arrow,
    Parquet and polars a float NaN is a number, refused where a date or text is due)."""
    import polars as pl
    import pyarrow as pa
    import pyarrow.parquet as pq

    record = {**base(), **change, "concealed_by": "[]"}
    assert by_dict(policy, {**record, "concealed_by": []}) == ("rej", *want)
    table = pa.Table.from_pylist([record])
    assert by_assess(policy, table, 1) == [("rej", *want)]
    assert by_assess(policy, pl.from_arrow(table), 1) == [("rej", *want)]
    pq.write_table(table, tmp_path / "r.parquet")
    assert by_cli(tmp_path / "r.parquet", 1, tmp_path) == [("rej", *want)]
    # a pandas frame's NaN is its missing value still, on the record-by-record path too
    import pandas as pd

    frame = pd.DataFrame([{**base(), "concealed_by": "[]", "kind": math.nan, "deadline": math.nan}], dtype=object)
    assert by_assess(policy, frame, 1)[0][0] == "ok"


# ------------------------------------------------------------------------------------------------ the ledger

def _events(pid: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    """A record's registration, discovery and first step as the ledger's events (docs/ledger.md)."""
    d, h = record.get("discovered") or {}, (record.get("handled") or [{}])[0]
    return [{"problem": pid, "type": "registered", "on": "2021-03-01",
             **{k: record[k] for k in ("area", "kind", "sector", "place", "severity") if k in record}},
            {"problem": pid, "type": "discovered", **{k: d[k] for k in ("level", "channel", "body", "on") if k in d}},
            {"problem": pid, "type": "assigned",
             **{k: h[k] for k in ("by_level", "to_level", "to_body", "on", "deadline") if k in h}}]


def _ledger_outcome(tmp: Path, record: dict[str, Any]) -> tuple[Any, ...]:
    from responsibility import Ledger

    db = tmp / "l.db"
    db.unlink(missing_ok=True)
    try:
        with Ledger.create(db) as ledger:
            ledger.extend(_events("P1", record), entered_by="clerk")
    except ProblemError as exc:
        return ("rej", exc.code)
    return ("ok",)


@pytest.mark.parametrize(("path", "value"), [
    ("discovered.on", "  "), ("handled.0.on", "  "), ("handled.0.deadline", "  "),
    ("discovered.on", "\ud800"), ("handled.0.on", "a\udc00"), ("handled.0.deadline", "\ud800"),
    ("severity", 7),  # (wrong_type on every path: hostile64)
    ("discovered.level", "nowhere\r"),  # (white space at either end is no part of it: unknown_level, hostile64)
])
def test_an_event_refuses_a_value_as_the_record_holding_it_is_refused(policy: Policy, tmp_path: Path, path: str,
                                                                       value: Any) -> None:
    """The ledger's events took a date of spaces as bad_date (a record's is absent: missing_field for a day that is
    required, no deadline for a deadline) and a date holding a lone surrogate as bad_date (a record's: bad_text)."""
    record = without_absent(mutate(base(), path, value))
    record.pop("concealed_by")
    record.pop("rectified_on")
    want = by_dict(policy, record)
    assert _ledger_outcome(tmp_path, record) == (want[:2] if want[0] == "rej" else ("ok",)), want
