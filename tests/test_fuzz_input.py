"""Fuzzing the way in: arbitrary YAML and JSON text into the loader and the record parser.

Whatever the text, only the library's own errors come out (RulesError from the YAML
layer, ProblemError from the record parser), each on one line.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy, ProblemError, RulesError
from responsibility.engine._problem import parse_problem
from responsibility.policy._yaml import Limits, parse_yaml

FRAGMENTS = ["- ", ": ", "\n", "  ", "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", "<<: ", "!!str ", "!!python/x ",
             "!!binary ", "2021-02-30", "2021-03-01", "0001-01-01", "'", '"', "#", "? ", ", ", "x", "id", "area",
             "domain", "place", "discovered", "on", "handled", "1", "-1", "1e999", "0x1F", "\x00", "\x1b", "\t",
             "| ", "> ", "%YAML 1.2\n", "---\n", "...\n", "9" * 40, "\ufeff", "\ud7ff", "\u00e9", "危房改造", "\\u0000",
             "null", "~", ".inf", "true", "yes", "=1+1"]
SMALL = Limits(max_bytes=1 << 16, max_depth=20, max_aliases=50, max_nodes=5_000)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["id", "area", "domain", "kind", "place", "severity", "discovered", "discovered.level", "discovered.channel",
          "discovered.on", "discovered.body", "handled", "handled.0", "handled.0.action", "handled.0.by_level",
          "handled.0.to_level", "handled.0.to_body", "handled.0.on", "deadline", "rectified_on", "concealed_by",
          "as_of"]
BASE: dict[str, Any] = {
    "id": "f-1", "area": "housing", "place": "330127100219", "severity": "serious",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05"}],
    "deadline": "2021-05-31", "as_of": "2021-06-30",
}


def _through(text: str, policy: Policy, j: Jurisdiction) -> None:
    for dates in (True, False):
        try:
            data, _ = parse_yaml(text, "fuzz.yaml", limits=SMALL, dates=dates)
        except RulesError as exc:
            assert len(exc.issues) == 1 and "\n" not in str(exc.issues[0]), str(exc)
            continue
        if isinstance(data, dict):
            try:
                parse_problem(data, policy, j)
            except ProblemError as exc:
                assert "\n" not in str(exc) and len(str(exc)) < 1000, str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=40).map("".join))
def test_yaml_text(text: str, policy: Policy, example: Jurisdiction) -> None:
    _through(text, policy, example)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON, at=st.integers(0, 200), insert=st.sampled_from(FRAGMENTS))
def test_json_text_mangled(value: Any, at: int, insert: str, policy: Policy, example: Jurisdiction) -> None:
    text = json.dumps({**BASE, "x": value}, ensure_ascii=False)
    _through(text, policy, example)
    _through(text[:at] + insert + text[at:], policy, example)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=JSON)
def test_any_json_value_in_any_field(field: str, value: Any, policy: Policy, example: Jurisdiction) -> None:
    record = json.loads(json.dumps(BASE))
    node: Any = record
    *parents, last = field.split(".")
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    node[int(last) if last.isdigit() else last] = value
    if field == "domain":
        del record["area"]
    try:
        parse_problem(record, policy, example)
    except ProblemError as exc:
        assert exc.code != "invalid" and "\n" not in str(exc), (exc.code, str(exc))


# ------------------------------------------------------------- every way in, one property

TINY = """code,name,level,parent
330000000000,浙江省,province,
330100000000,杭州市,city,330000000000
330127000000,淳安县,county,330100000000
330127100000,千岛湖镇,township,330127000000
330127100219,富城村,village,330127100000
"""
#: The reason codes docs/records.md lists, and those of the batch readers (bad_json, bad_row, …).
CODES = set(re.findall(r"^\| `([a-z_]+)` \|", (Path(__file__).resolve().parents[1] / "docs" / "records.md").read_text(
    encoding="utf-8").split("## Reason codes", 1)[1].split("\n## ", 1)[0], re.M)) | {
    "bad_json", "bad_row", "bad_encoding", "bad_text"}
SUMMARY = re.compile(r"records in: ([\d,]+)\s+assessed: ([\d,]+)\s+rejected: ([\d,]+)")
_MISSING = object()


@st.composite
def hostile_records(draw: st.DrawFn) -> list[Any]:
    """1–3 records: the base record with arbitrary JSON in some of its fields (nested ones too),
    some fields removed, now and then an unknown field or a record that is not an object."""
    out: list[Any] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(JSON))
            continue
        record: Any = json.loads(json.dumps(BASE))
        for field in draw(st.lists(st.sampled_from(FIELDS), max_size=4)):
            value = draw(JSON | st.just(_MISSING))
            node: Any = record
            *parents, last = field.split(".")
            for p in parents:
                node = node[int(p)] if p.isdigit() and isinstance(node, list) and len(node) > int(p) else \
                    node.get(p) if isinstance(node, dict) else None
            if isinstance(node, list) and last.isdigit() and len(node) > int(last):
                node[int(last)] = value if value is not _MISSING else None
            elif isinstance(node, dict):
                if value is _MISSING:
                    node.pop(last, None)
                else:
                    node[last] = value
        if draw(st.integers(0, 9)) == 0:
            record[draw(st.sampled_from(["extra", "domian", "note"]))] = draw(JSON)
        out.append(record)
    return out


def _cell(value: Any) -> str:
    """A value as a cell of the flat form: text as it is, nested values and numbers as JSON."""
    return "" if value is None else value if isinstance(value, str) else json.dumps(value)


def _arrow_column(values: list[Any]) -> Any:
    """Values as an Arrow column as pyarrow infers it, else (mixed types) as JSON text."""
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        return pa.array([None if v is None else _cell(v) for v in values], pa.string())


def _check_run(code: int, err: str, n: int, rejects: Path | None, findings: Path | None,
               rows_in: int | None = None) -> None:
    """Exit 0/1/2, no traceback; unless the input as a whole is refused (2, one line), the balance
    holds, every rejected record is named once with a reason code, and none has findings. A table's
    blank rows are no records but keep their numbers (docs/records.md): a reject's ``record`` is its
    row among the ``rows_in`` rows of the input (``n`` where there are none)."""
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        # (a note may come first: text that reads as GB18030 is told how to read it so, beside the refusal)
        lines = [line for line in err.strip().splitlines() if not line.startswith("note: ")]
        assert len(lines) == 1 and lines[0].startswith("error: "), err
        return
    m = SUMMARY.search(err)
    assert m, err
    records, assessed, rejected = (int(x.replace(",", "")) for x in m.groups())
    assert records == n == assessed + rejected, err
    assert code == (1 if rejected else 0), err
    if rejects is not None:
        rows = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
        assert len(rows) == rejected and len({r["record"] for r in rows}) == rejected
        last = n if rows_in is None else rows_in
        assert all(0 <= r["record"] < last and r["code"] in CODES and r["field"] and r["reason"] for r in rows), rows
        if findings is not None:
            found = {json.loads(x)["record"] for x in findings.read_text(encoding="utf-8").splitlines()}
            assert not found & {r["record"] for r in rows}


@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(records=hostile_records())
@example(records=[{**BASE, "domain": {"x": 2**90}}])  # an int pyarrow cannot hold, in a DataFrame cell
@example(records=[{**BASE, "id": "a\x00b"}, {**BASE, "as_of": "9999-12-31"}, [BASE], {}])
# a blank row before a rejected one (a table's blank rows keep their numbers; CI at cba5fef drew this)
@example(records=[{}, {**BASE, "discovered": {**BASE["discovered"], "body": {"x": 1}}}])
def test_any_json_in_any_field_through_every_way_in(records: list[Any], run_cli: Any, tmp_path_factory: Any,
                                                    policy: Policy) -> None:
    """`who`, `assess` on JSON lines, CSV and Parquet, `policy.assess(DataFrame)` and the scenario
    runner: exit 0/1/2 only, never a traceback, every rejected record named in the rejects with a
    reason code, records in = assessed + rejected."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from responsibility import ResponsibilityError

    tmp = tmp_path_factory.mktemp("fuzz")
    jcsv = tmp / "places.csv"
    jcsv.write_text(TINY, encoding="utf-8")
    where = ("--jurisdiction", str(jcsv))
    # who (a JSON list is YAML too)
    src = tmp / "problems.json"
    src.write_text(json.dumps(records), encoding="utf-8")
    code, _, err = run_cli("who", str(src), *where, "--engine", "compiled", "--format", "json")
    assert code in (0, 2) and "Traceback" not in err, err
    # assess: JSON lines
    rejects, findings = tmp / "rejects.jsonl", tmp / "findings.jsonl"
    src = tmp / "ledger.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, _, err = run_cli("assess", str(src), *where, "-o", str(findings), "--rejects", str(rejects))
    _check_run(code, err, len(records), rejects, findings)
    rows = [r for r in records if isinstance(r, dict)]
    if rows:
        columns = list(dict.fromkeys(k for r in rows for k in r))
        # assess: CSV (the flat form; a row of empty cells is a blank line, not a record)
        src = tmp / "ledger.csv"
        with src.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(columns)
            w.writerows([_cell(r.get(c)) for c in columns] for r in rows)
        n = sum(any(_cell(r.get(c)) for c in columns) for r in rows)
        code, _, err = run_cli("assess", str(src), *where, "-o", str(findings), "--rejects", str(rejects))
        _check_run(code, err, n, rejects, findings, len(rows))
        # assess: Parquet
        src = tmp / "ledger.parquet"
        table = pa.table({c: _arrow_column([r.get(c) for r in rows]) for c in columns})
        try:
            pq.write_table(table, src)
        except (pa.ArrowException, ValueError):  # what Parquet cannot hold (a struct without fields): as text
            pq.write_table(pa.table({c: pa.array([None if r.get(c) is None else _cell(r.get(c)) for r in rows],
                                                 pa.string()) for c in columns}), src)
        # a row with no value in any column is no record on a table either (review20b B20-5, 9a274ac)
        filled = sum(any(r.get(c) is not None for c in columns) for r in rows)
        code, _, err = run_cli("assess", str(src), *where, "-o", str(findings), "--rejects", str(rejects))
        _check_run(code, err, filled, rejects, findings, len(rows))
        # policy.assess on a pandas DataFrame
        try:
            result = policy.assess(pd.DataFrame(rows), jurisdiction=Jurisdiction.from_csv(jcsv))
        except ResponsibilityError as exc:  # the table as a whole (a misspelled or missing column)
            assert "\n" not in str(exc)
        else:
            assert result.records + result.blank_rows == len(rows) and \
                result.records == result.assessed + result.rejected
            assert result.blank_rows >= len(rows) - filled  # (pandas reads NaN as no value too)
            assert len(set(result.rejects["record"])) == result.rejected
            assert set(result.rejects["code"]) <= CODES, result.rejects
            assert not set(result.findings["record"]) & set(result.rejects["record"])
    # the scenario runner
    scenarios = tmp / "fuzz.scenarios.yaml"
    # (failures: 0, for a scenario must check something: the runner then reads each problem)
    scenarios.write_text(json.dumps({"scenarios": [{"name": f"s{i}", "problem": r, "jurisdiction": "places.csv",
                                                    "expect": {"failures": 0}}
                                                   for i, r in enumerate(records)]}), encoding="utf-8")
    code, _, err = run_cli("test", str(scenarios), "--engine", "compiled")
    assert code in (0, 1, 2) and "Traceback" not in err, err
