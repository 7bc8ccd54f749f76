"""`responsibility assess`: files in and out, nothing lost, exit codes, determinism, the benchmark."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, ledger

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]


def args(jcsv: str, *more: str) -> list[str]:
    return ["assess", *more, "--jurisdiction", jcsv, "--today", TODAY.isoformat()]


def good_records(policy: Policy, province: Jurisdiction, n: int, seed: int) -> list[dict[str, Any]]:
    records = [r for r in ledger(policy, province, n * 2, seed=seed) if r.get("as_of", 1) is not None][:n]
    assert policy.assess(records, jurisdiction=province, today=TODAY).rejected == 0
    return records


# the kinds of breakage of the acceptance test: (name, field the reject names, a broken line)
BROKEN: list[tuple[str, str, Callable[[dict[str, Any], int], str]]] = [
    ("bad JSON line", "(record)", lambda r, i: json.dumps(r)[:-7]),
    ("unknown domain", "domain", lambda r, i: json.dumps({**r, "domain": "housng"})),
    ("unknown place", "place", lambda r, i: json.dumps({**r, "place": "339900000000"})),
    ("impossible date", "as_of", lambda r, i: json.dumps({**r, "as_of": "2021-02-30"})),
    ("wrong type", "place", lambda r, i: json.dumps({**r, "place": 331127})),
]


@pytest.mark.slow
def test_a_ledger_with_every_kind_of_breakage_loses_nothing(run_cli: Run, tmp_path: Path, policy: Policy,
                                                            province: Jurisdiction, jcsv: str) -> None:
    good = good_records(policy, province, 1000, seed=11)
    rnd = random.Random(1)
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    broken = []
    for k in range(100):
        name, field, make = BROKEN[k % len(BROKEN)]
        r = {**rnd.choice(good), "id": f"broken{k}"}
        broken.append((name, field, f"broken{k}"))
        lines.insert(rnd.randrange(len(lines) + 1), make(r, k))
    src = tmp_path / "ledger.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, rej = tmp_path / "findings.parquet", tmp_path / "rejects.csv"
    code, _, err = run_cli(*args(jcsv, str(src), "-o", str(out), "--rejects", str(rej)))
    assert code == 1, err
    import pyarrow.parquet as pq

    rows = pq.read_table(out).to_pylist()
    with rej.open(encoding="utf-8") as f:
        rejects = list(csv.DictReader(f))
    assert len(rejects) == 100 and all(r["reason"] for r in rejects)
    assert "records in: 1,100   assessed: 1,000   rejected: 100" in err and "balanced" in err
    assert f"findings: {len(rows):,}" in err
    assert "Traceback" not in err and "拒收：" not in err  # rejects went to the file
    # each reject names its record's line and the broken field (a bad JSON line has no id)
    by_line = {int(r["line"]): r for r in rejects}
    for n, line in enumerate(lines, start=1):
        if "broken" in line and n in by_line:
            assert by_line[n]["problem"] in ("", json.loads(line)["id"]) if line.endswith("}") else True
    fields = sorted(r["field"] for r in rejects)
    assert fields == sorted(f for _, f, _ in broken)
    assert sum("not valid JSON" in r["reason"] for r in rejects) == 20
    # the good records' findings are those of the same records assessed alone
    alone = policy.assess(good, jurisdiction=province, today=TODAY)
    assert len(rows) == len(alone.findings)
    assert [r["reason"] for r in rows] == alone.findings["reason"].tolist()
    assert {r["problem"] for r in rows} <= {r["id"] for r in good}


def test_every_format_in_and_out(run_cli: Run, tmp_path: Path, policy: Policy, province: Jurisdiction,
                                 jcsv: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = good_records(policy, province, 200, seed=12)
    reference = policy.assess(records, jurisdiction=province, today=TODAY).findings
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "in.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "domain", "kind", "place", "severity", "discovered.level", "discovered.channel",
                    "discovered.on", "discovered.body", "handled", "deadline", "rectified_on", "concealed_by", "as_of"])
        for r in records:
            d = r.get("discovered") or {}
            w.writerow([r["id"], r["domain"], r.get("kind") or "", r["place"], r.get("severity", ""),
                        d.get("level", ""), d.get("channel", ""), d.get("on", ""), d.get("body", ""),
                        json.dumps(r["handled"]) if "handled" in r else "", r.get("deadline", ""),
                        r.get("rectified_on", ""), json.dumps(r["concealed_by"]) if "concealed_by" in r else "",
                        r.get("as_of") or ""])
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    pq.write_table(pa.Table.from_pandas(__import__("pandas").DataFrame(tidy)), tmp_path / "in.parquet")
    pairs = [("in.jsonl", "out.parquet"), ("in.json", "out.csv"), ("in.csv", "out.jsonl"),
             ("in.parquet", "out.json"), ("in.parquet", "out.csv"), ("in.csv", "out.parquet")]
    for src, out in pairs:
        code, _, err = run_cli(*args(jcsv, str(tmp_path / src), "-o", str(tmp_path / out)))
        assert code == 0, (src, out, err)
        assert _reasons(tmp_path / out) == reference["reason"].tolist(), (src, out)
    code, stdout, _ = run_cli(*args(jcsv, str(jsonl)))
    assert code == 0 and [json.loads(x)["reason"] for x in stdout.splitlines()] == reference["reason"].tolist()


def _reasons(path: Path) -> list[str]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return [str(x) for x in pq.read_table(path).column("reason").to_pylist()]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return [r["reason"] for r in csv.DictReader(text.splitlines())]
    if path.suffix == ".json":
        return [r["reason"] for r in json.loads(text)]
    return [json.loads(x)["reason"] for x in text.splitlines()]


def test_output_is_byte_identical_run_after_run_and_with_workers(run_cli: Run, tmp_path: Path, policy: Policy,
                                                                 province: Jurisdiction, jcsv: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from responsibility.batch import _workers

    monkeypatch.setattr(_workers, "PIECE_BYTES", 2**16)  # many pieces per chunk: more than a worker's slots

    records = ledger(policy, province, 600, seed=13)
    src = tmp_path / "in.parquet"
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    for r in tidy[::50]:
        r["domain"] = "housng"  # some rejects too
    pd.DataFrame(tidy).to_parquet(src)
    outputs = []
    for i, workers in enumerate(("1", "1", "2")):
        out, rej = tmp_path / f"out{i}.parquet", tmp_path / f"rej{i}.jsonl"
        code, _, err = run_cli(*args(jcsv, str(src), "-o", str(out), "--rejects", str(rej), "--workers", workers))
        assert code == 1, err
        outputs.append((out.read_bytes(), rej.read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.jsonl", None, "missing.jsonl: no such file (check the path)"),  # (as `who` says it)
    ("ledger.yaml", "id: x\n  bad: [\n", "ledger.yaml:2:6: YAML syntax error"),
    ("ledger.yaml", "5\n", "ledger.yaml holds a number (5), not a problem object; write a problem object or a list"),
    ("ledger.yaml", "id: 危房\n".encode("gb18030"), "-t UTF-8); or read it as it is with --encoding gb18030"),
    ("ledger.yml", "a: &a [1]\n" + "".join(f"b{i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" for i in range(200)),
     "alias"),
    ("ledger.txt", "x", "cannot tell the format"),
    ("ledger.parquet", "not parquet at all", "not a readable Parquet file"),
    ("ledger.json", "[{oops", "not valid JSON"),
    ("ledger.csv", b"id,domain,pl\xffce\n", "the header has bytes that are not utf-8 text; a file saved by Excel"),
    ("ledger.csv", "id,domian,place\np,housing,33\n", "has no 'area' column; did you mean 'domian' → 'area'?"),
    ("ledger.csv", "id,domain,place,place\n", "two columns named 'place'"),
    ("ledger.jsonl/", None, "is a directory"),
    ("ledgers/", None, "ledgers is a directory; give a file of problem records"),
])
def test_unusable_input_is_one_line_and_exit_2(run_cli: Run, tmp_path: Path, jcsv: str, name: str,
                                               content: str | bytes | None, message: str) -> None:
    path = tmp_path / name
    if name.endswith("/"):
        path.mkdir()
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.parquet"
    code, _, err = run_cli(*args(jcsv, str(path), "-o", str(out)))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and not out.exists() and not list(tmp_path.glob("*.part*"))


def test_a_clean_ledger_exits_0_quietly_when_not_a_terminal(run_cli: Run, tmp_path: Path, policy: Policy,
                                                            province: Jurisdiction, jcsv: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in good_records(policy, province, 50, seed=14)),
                   encoding="utf-8")
    code, _, err = run_cli(*args(jcsv, str(src), "-o", str(tmp_path / "out.csv")))
    # (the file it wrote, then the summary: nothing else; ux49)
    wrote = f"wrote {tmp_path / 'out.csv'}\n"
    assert code == 0 and err.startswith(wrote + "记录 50 条 = 已评估 50 + 拒收 0（核对一致）"), err
    assert "assessing" not in err  # no progress bar on a pipe


@pytest.mark.slow  # runs benchmarks/bench_assess: 51 s
def test_the_benchmark_runs_and_prints_its_figures() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_assess.py"), "300", "--runs", "1",
                           "--naive", "20", "--formats", "parquet,jsonl"], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    for figure in ("floor parquet", "floor jsonl", "assess parquet (base)", "assess jsonl (amended)", "CPU s",
                   "wall s", "×floor", "naive peer", "amended / base", "jsonl / parquet", "assess / floor",
                   "floor parquet (dictionaries)", "peak memory", "cold start", "import responsibility"):
        assert figure in out, (figure, out)


@pytest.mark.slow
def test_json_lines_parsed_in_c_give_what_python_records_give(run_cli: Run, tmp_path: Path, policy: Policy,
                                                               province: Jurisdiction, jcsv: str) -> None:
    # explicit nulls, wrong types, unknown fields, non-objects: the lines the C parser cannot carry exactly
    records = ledger(policy, province, 1500, seed=31, broken=0.2)
    lines = [json.dumps(r, ensure_ascii=False, default=str) for r in records]
    lines[7] = lines[7].replace('"id"', '"id": "dup", "id"', 1)  # a key twice: refused (as who refuses it)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, rej = tmp_path / "out.parquet", tmp_path / "rejects.parquet"
    run_cli(*args(jcsv, str(src), "-o", str(out), "--rejects", str(rej)))
    import pyarrow.parquet as pq

    parsed = [json.loads(x) for k, x in enumerate(lines) if k != 7]
    reference = policy.assess(parsed, jurisdiction=province, today=TODAY)
    assert pq.read_table(out).column("reason").to_pylist() == reference.findings["reason"].tolist()
    got = pq.read_table(rej).to_pydict()
    # (a JSON lines file is typed, never a spreadsheet's: its 2021/5/1 is not told to format an Excel column, which a
    # dict from anywhere is; ux48)
    from responsibility.engine._problem import _IN_EXCEL

    same = [r.replace(f"'{province.name}'", "'province'").replace(_IN_EXCEL, "")
            for r in reference.rejects["reason"].tolist()]
    expected = list(zip([r + (r >= 7) for r in reference.rejects["record"].tolist()],
                        reference.rejects["field"].tolist(), same, strict=True))
    twice = (7, "(record)", 'line 8: the key "id" is given twice; remove one of them (JSON keeps the last)')
    assert list(zip(got["record"], got["field"], got["reason"], strict=True)) == sorted([*expected, twice])


@pytest.mark.slow
def test_an_amended_policy_gives_the_same_output_with_workers(run_cli: Run, tmp_path: Path, policy: Policy,
                                                             province: Jurisdiction, jcsv: str,
                                                             amended_policy: Policy) -> None:
    import shutil

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments",
                    rules / "amendments")
    records = good_records(policy, province, 400, seed=17)
    for r in records:  # around the day the amendment takes effect (2021-06-01)
        if isinstance(r.get("discovered"), dict):
            r["discovered"]["on"] = r["discovered"]["on"].replace("2021-01", "2021-06")
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pandas(pd.DataFrame(tidy), preserve_index=False), src, row_group_size=100)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.csv"
        code, _, err = run_cli(*args(jcsv, str(src), "-o", str(out), "--rules", str(rules), "--workers", workers,
                                     "--rejects", str(tmp_path / "rejects.csv")))
        assert code in (0, 1), err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") > 400
    # (the same rules as conftest's amended policy, which the reference reads: loading this copy again paid the
    # load and the warm-up once more)
    reference = amended_policy.assess(tidy, jurisdiction=province, today=TODAY)
    assert _reasons(tmp_path / "out2.csv") == reference.findings["reason"].tolist()


def test_the_sector_field_is_read_from_every_format(run_cli: Run, tmp_path: Path, policy: Policy,
                                                    province: Jurisdiction, jcsv: str) -> None:
    # Issue 10: `sector` (whose line the problem is in, 本部门) in dicts, JSON lines, JSON, CSV, Parquet and
    # data frames gives the verdict who_answers gives; a table's empty cell is an absent sector.
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    village = province.at_level("village")[0].code
    records = [{"id": f"s{i}", "domain": domain, "kind": kind, "place": village, **({"sector": s} if s else {}),
                "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
                "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-02"}],
                "as_of": "2021-06-30"}
               for i, (domain, kind, s) in enumerate([("funds", "funds_diverted", "water"),
                                                      ("funds", "funds_diverted", "county_health"),
                                                      ("funds", "funds_diverted", None),
                                                      ("projects", "project_late_or_unfinished", "water")])]
    reference = [f.reason for r in records
                 for f in policy.who_answers(r, jurisdiction=province, today=TODAY, engine="compiled").findings]
    water = {f.body for f in policy.who_answers(records[0], jurisdiction=province, today=TODAY).findings}
    assert "county_water" in water and "county_health" not in water
    assert policy.assess(records, jurisdiction=province, today=TODAY).findings["reason"].tolist() == reference
    frame = pd.DataFrame([{**r, "sector": r.get("sector")} for r in records])
    assert policy.assess(frame, jurisdiction=province, today=TODAY).findings["reason"].tolist() == reference
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    (tmp_path / "in.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "domain", "kind", "sector", "place", "discovered.level", "discovered.channel",
                    "discovered.on", "handled", "as_of"])
        for r in records:
            d = r["discovered"]
            w.writerow([r["id"], r["domain"], r["kind"], r.get("sector", ""), r["place"], d["level"], d["channel"],
                        d["on"], json.dumps(r["handled"]), r["as_of"]])
    pq.write_table(pa.Table.from_pandas(frame), tmp_path / "in.parquet")
    for src in ("in.jsonl", "in.json", "in.csv", "in.parquet"):
        code, _, err = run_cli(*args(jcsv, str(tmp_path / src), "-o", str(tmp_path / "out.jsonl")))
        assert code == 0, (src, err)
        assert _reasons(tmp_path / "out.jsonl") == reference, src


def test_assess_reads_the_yaml_that_who_reads(run_cli: Run, tmp_path: Path, policy: Policy,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """One record or a list, unquoted dates and Chinese values, as `who` reads them; the same
    findings as `who`, and a bad record a reject with its line (records in = assessed + rejected)."""
    import io

    one = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
    code, out, err = run_cli("who", str(one), "--format", "json", "--engine", "compiled")
    assert code == 0, err
    expected = [f["reason"] for f in json.loads(out)["findings"]]
    code, out, err = run_cli("assess", str(one))
    assert code == 0 and "records in: 1   assessed: 1   rejected: 0" in err, err
    assert [json.loads(x)["reason"] for x in out.splitlines()] == expected
    body = [x for x in one.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    text = "\n".join(["- " + body[0], *("  " + x for x in body[1:]),
                      "- {id: p2, area: 危房改造, place: '330127100219', severity: 较重,",
                      "   discovered: {level: 县, channel: hotline, on: 2021-02-30}}",
                      "- 5", ""])
    many = tmp_path / "problems.yml"
    many.write_text(text, encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    code, out, err = run_cli("assess", str(many), "--rejects", str(rejects))
    assert code == 1 and "records in: 3   assessed: 1   rejected: 2" in err, err
    assert [json.loads(x)["reason"] for x in out.splitlines()] == expected
    got = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["record"], r["line"], r["field"], r["code"]) for r in got] == \
        [(1, len(body) + 1, "discovered.on", "bad_date"), (2, len(body) + 3, "(record)", "not_an_object")], got
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(many.read_bytes())))
    code, _, err = run_cli("assess", "--from", "yaml", "-")
    assert code == 1 and "records in: 3   assessed: 1   rejected: 2" in err, err
    code, _, err = run_cli("assess", str(many), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and "YAML is read, not written" in err
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(text.encode("gb18030"))
    code, out, err = run_cli("assess", str(gbk), "--encoding", "gb18030")
    assert code == 1 and "records in: 3   assessed: 1   rejected: 2" in err, err
    assert [json.loads(x)["reason"] for x in out.splitlines()] == expected


FINDING_COLUMNS = ["record", "problem", "area", "level", "body", "name", "place", "place_name", "basis", "liability",
                   "clauses", "reason"]


def test_findings_carry_the_area_and_the_place_name_on_every_path(run_cli: Run, tmp_path: Path,
                                                                 policy: Policy) -> None:
    """No join back: every output (JSON lines, JSON, CSV, Parquet, the DataFrame) names the
    record's area and the finding's place by name, on the fast path and the reference path."""
    import pyarrow.parquet as pq

    example = Jurisdiction.example()
    disc = {"level": "县", "channel": "hotline", "on": "2021-03-01"}
    records = [{"id": "fast", "area": "危房改造", "place": "330127100219", "discovered": disc, "as_of": "2021-06-30"},
               {"id": "slow", "area": "funds", "sector": "water", "place": "330127100219", "discovered": disc,
                "as_of": "2021-06-30"}]
    frame = policy.assess(records).findings
    assert list(frame.columns) == FINDING_COLUMNS
    assert set(frame["area"]) == {"housing", "funds"} and set(frame["problem"]) == {"fast", "slow"}
    assert all(example.place(p).name == n for p, n in zip(frame["place"], frame["place_name"], strict=True))
    assert {"富城村", "千岛湖镇", "淳安县"} <= set(frame["place_name"])
    want = frame.astype(str).values.tolist()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    for out in ("out.jsonl", "out.json", "out.csv", "out.parquet"):
        code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / out))
        assert code == 0, err
        path = tmp_path / out
        if out.endswith(".parquet"):
            rows = pq.read_table(path).to_pylist()
        elif out.endswith(".csv"):
            rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
        elif out.endswith(".json"):
            rows = json.loads(path.read_text(encoding="utf-8"))
        else:
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        assert list(rows[0]) == FINDING_COLUMNS, out
        assert [[str(r[c]) for c in FINDING_COLUMNS] for r in rows] == want, out


@pytest.mark.parametrize(("bom", "newline", "final"),
                         [(False, "\n", True), (True, "\r\n", False), (False, "\n", False)])
@pytest.mark.parametrize(("block", "chunk"), [(100, 7), (5000, 64)])
def test_json_lines_read_in_blocks_keep_every_record_and_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                policy: Policy, bom: bool, newline: str, final: bool,
                                                                block: int, chunk: int) -> None:
    # lines cut across blocks and chunks: every record, its number and its line as Python reads them one by one
    from responsibility.batch import _io
    from responsibility.batch._tables import Tables
    from responsibility.engine._decide import decider_of

    lines = []
    for i in range(400):
        lines += [""] * (i % 11 == 0) + ["   "] * (i % 13 == 0) + ["{bad"] * (i % 17 == 0) + ["[1, 2]"] * (i % 19 == 0)
        lines.append(json.dumps({"id": f"r{i}", "domain": "housing", "place": "1", "kind": None if i % 7 else "x"}))
    data = (b"\xef\xbb\xbf" if bom else b"") + (newline.join(lines) + (newline if final else "")).encode()
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    monkeypatch.setattr(_io, "_BLOCK", block)
    monkeypatch.setattr(_io, "CHUNK", chunk)
    j = Jurisdiction.example()
    got = []
    for p in _io.Source(str(src), "jsonl", Tables(policy, j, decider_of(policy))).parts():
        assert p.lines is not None
        got += [(int(n), int(x), p.raw(i)) for i, (n, x) in enumerate(zip(p.numbers, p.lines, strict=True))]
        got += [(r[0], r[1], None) for r in p.rejects]
    def tidy(record: Any) -> Any:  # a table's null is an absent field
        return {f: v for f, v in record.items() if v is not None} if isinstance(record, dict) else record

    expected, n = [], 0
    for k, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if raw.strip():
            try:
                record = json.loads(raw)
            except ValueError:
                record = None
            expected.append((n, k, tidy(record)))
            n += 1
    assert [(a, b, tidy(c)) for a, b, c in sorted(got, key=lambda x: x[0])] == expected


@pytest.mark.slow
def test_assess_takes_what_if_parameters_as_who_does(run_cli: Run, tmp_path: Path, policy: Policy,
                                                      province: Jurisdiction, jcsv: str) -> None:
    """review18 J: `assess` had no --set, so a county could not run its ledger under its own local choice. The
    rows are those of Policy.with_parameters(...).assess, and the summary says which values were set."""
    records = good_records(policy, province, 60, seed=3)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "f.jsonl"
    code, _, err = run_cli(*args(jcsv, str(src), "-o", str(out), "--set", "supervision_scope=none",
                                 "--set", "handling_time_limit_days=15"))
    assert code == 0, err
    # review26 #8: a choice by its Chinese name and its id; newcomer42: a parameter by its Chinese name, as `who` and
    # `route` name it (it was its id, handling_time_limit_days = 15)
    assert "假设参数（不是规则的默认值）：" in err and "督促整改责任的范围=不追究（none）" in err, err
    assert "及时交办和上报时限（天）=15（规则：10）" in err and "handling_time_limit_days = " not in err, err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    expected = policy.with_parameters(supervision_scope="none", handling_time_limit_days=15).assess(
        records, jurisdiction=province, today=TODAY)
    assert len(rows) == len(expected.findings) and rows
    assert not any(r["basis"] == "supervision" for r in rows)
    assert sorted((r["record"], r["body"], r["basis"], r["liability"]) for r in rows) == sorted(
        zip(expected.findings["record"], expected.findings["body"].astype(str), expected.findings["basis"].astype(str),
            expected.findings["liability"].astype(str), strict=True))
    code, _, err = run_cli(*args(jcsv, str(src), "-o", str(out), "--set", "supervision_scope=everyone"))
    assert code == 2 and err.startswith("error: --set: parameter 'supervision_scope'"), err


def test_a_report_asked_of_a_dask_run_is_refused_not_left_unmade(run_cli: Run, tmp_path: Path, jcsv: str) -> None:
    """review18d P1: `assess --dask … --report R.html` wrote no report and said nothing (exit 0)."""
    code, _, err = run_cli(*args(jcsv, str(tmp_path), "--dask", "synchronous", "-o", str(tmp_path / "out"),
                                 "--report", str(tmp_path / "r.html")))
    assert code == 2 and "--report is not made on Dask" in err, err
    assert not (tmp_path / "r.html").exists()


def test_a_report_over_the_jurisdiction_or_a_rules_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    """review23b R23b-1: `--report js.csv --jurisdiction js.csv` (or `--report myrules/parameters.yaml --rules
    myrules`) wrote the HTML report over that input, said `wrote js.csv`, and every later command failed on it.
    -o and --rejects were refused so; --report now is too, before anything is written."""
    import shutil

    records = ROOT / "examples" / "records" / "ledger.csv"
    js = tmp_path / "js.csv"
    shutil.copy(ROOT / "examples" / "jurisdictions" / "zhejiang-sample.csv", js)
    rules = tmp_path / "myrules"
    shutil.copytree(ROOT / "rules", rules)
    before = js.read_bytes(), (rules / "parameters.yaml").read_bytes()
    out = tmp_path / "out.csv"
    code, _, err = run_cli("assess", str(records), "-o", str(out), "--report", str(js), "--jurisdiction", str(js))
    assert code == 2 and "report" in err and "is also an input" in err, err
    code, _, err = run_cli("assess", str(records), "-o", str(out), "--report", str(rules / "parameters.yaml"),
                           "--rules", str(rules))
    assert code == 2 and "would replace a file of the input directory" in err, err
    assert (js.read_bytes(), (rules / "parameters.yaml").read_bytes()) == before
    assert not out.exists()


def test_dask_at_an_address_where_nothing_listens_says_so_without_waiting(run_cli: Any, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """hostile58: ``--dask tcp://127.0.0.1:1`` waited out distributed's 30-second connect timeout, retrying a refused
    connection. Now the refusal is said at once: the client is never started (a spy on it would see the wait)."""
    pytest.importorskip("distributed")
    import socket

    import distributed
    import pandas as pd

    started: list[Any] = []
    monkeypatch.setattr(distributed, "Client", lambda *a, **k: started.append(a))
    with socket.socket() as s:  # a port nothing listens on: bound, never listened, closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    pd.DataFrame({"id": ["P1"], "area": ["housing"], "place": ["330127100219"]}).to_parquet(tmp_path / "in.parquet")
    code, _, err = run_cli("assess", str(tmp_path / "in.parquet"), "--dask", f"tcp://127.0.0.1:{port}",
                           "-o", str(tmp_path / "out"))
    assert code == 2 and started == [], err
    assert f"--dask tcp://127.0.0.1:{port}: cannot reach the scheduler" in err and "refused" in err, err
    assert "Traceback" not in err
