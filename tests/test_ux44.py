"""A newcomer's leftovers (ux44): a scenario file given to ``assess``; the impact diff's first column; ``serve --port
0``; a file mostly in GB18030 with a line of UTF-8; and the mistakes a first table or record has."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility.checks._diff import AnswerChange, Diff

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(x) for x in (ROOT / "examples" / "records" / "problems.jsonl").read_text("utf-8").splitlines()]

SCENARIOS = """\
scenarios:
- name: 文屏村饮水：县热线发现，文昌镇未整改
  problem:
    id: WC-2021-001
    area: 饮水安全
    place: "330127101207"
    severity: 较重
    discovered: {level: 县, channel: 热线, on: 2021-04-02}
    handled: [{action: 交办, by_level: 县, to_level: 乡镇, on: 2021-04-06}]
    deadline: 2021-05-06
    as_of: 2021-06-30
  expect:
    findings:
    - {body: 村委会, basis: 应发现未发现, liability: 单位}
"""


# ---------------------------------------------------------------- A1. a scenario file given to assess


@pytest.mark.parametrize("shape", ["file", "list"])
def test_assess_of_a_scenario_file_says_what_it_is_and_which_command_runs_it(run_cli: Run, tmp_path: Path,
                                                                             shape: str) -> None:
    """Before: exit 1, its one item rejected "field 'scenarios': unknown field; allowed: id, area, …"."""
    text = SCENARIOS if shape == "file" else "\n".join(x[2:] for x in SCENARIOS.splitlines()[1:]) + "\n"
    src = tmp_path / "my.scenarios.yaml"
    src.write_text(text, "utf-8")
    out = tmp_path / "findings.csv"
    code, _, err = run_cli("assess", str(src), "-o", str(out))
    assert code == 2, err
    assert "holds scenarios (a problem and the findings expected of it), not problem records" in err, err
    assert f"`responsibility test {src}` runs them" in err, err
    assert "unknown field" not in err and "Traceback" not in err, err
    assert not out.exists()


def test_assess_of_problem_records_in_yaml_is_unchanged(run_cli: Run, tmp_path: Path) -> None:
    """The check reads the first record's keys only: a record that has an id is never taken for a scenario."""
    src = tmp_path / "records.yaml"
    src.write_text(json.dumps(RECORDS[:2], ensure_ascii=False), "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.csv"), "--lang", "en")
    assert code == 0 and "records in: 2   assessed: 2" in err, err


# ---------------------------------------------------------------- A2. the diff's first column


def _change(day: dt.date | None) -> AnswerChange:
    finding = ("county", "county_x", "supervision", "staff", ("二(二)5",))
    return AnswerChange(day, {"area": "housing", "kind": None}, {}, (finding,), ())


def test_the_diffs_discovered_column_names_the_period_not_a_bare_day() -> None:
    """Before: headed "from", the period before a change showed the day before it (2021-05-31), which read as "from
    2021-05-31 on"; now each row says which problems it is about, by their discovery day."""
    june, july = dt.date(2021, 6, 1), dt.date(2021, 7, 1)
    d = Diff((), (_change(june - dt.timedelta(days=1)), _change(june), _change(july)), (), 30,
             boundaries=(june, july))
    md = d.to_markdown()
    assert "| discovered | shapes | example shape | appeared | vanished |" in md and "| from |" not in md
    assert "`discovered`: which problems a row is about, by the day they were discovered" in md
    rows = [ln.split(" | ")[0] for ln in md.splitlines() if ln.startswith("| ") and "county_x" in ln]
    assert sorted(rows) == ["| before 2021-06-01", "| from 2021-06-01 to 2021-06-30", "| from 2021-07-01"]
    summary = d.to_summary()
    assert "| discovered | area | shapes |" in summary and "| before 2021-06-01 | housing | 1 |" in summary
    assert d.to_dict()["periods"] == {"2021-05-31": "before 2021-06-01", "2021-06-01": "from 2021-06-01 to 2021-06-30",
                                      "2021-07-01": "from 2021-07-01"}
    # --as-of: the one day compared
    assert Diff((), (_change(july),), (), 1, boundaries=(june,), as_of=july).period(july) == "on 2021-07-01"
    assert Diff((), (), (), 1).period(None) == "any day"


@pytest.mark.slow
def test_the_diff_table_heads_its_first_column_discovered(rules_copy: Path, run_cli: Run) -> None:
    """The table form (the default) of a real amendment: its rows say `from 2021-06-01`."""
    import shutil

    shutil.copytree(ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments",
                    rules_copy / "amendments")
    from rich.console import Console

    from responsibility import load
    from responsibility.checks._diff import diff
    from responsibility.cli._render_table import print_diff

    result = diff(load(ROOT / "rules"), load(rules_copy), areas=["housing"])
    assert result.answers and {a.day for a in result.answers} == {dt.date(2021, 6, 1)}
    console = Console(record=True, width=400)
    print_diff(result, console)
    text = console.export_text()
    assert re.search(r"[┃│] discovered +[┃│] shapes +[┃│] example shape", text), text[:2000]
    assert "│ from 2021-06-01 │" in text


# ---------------------------------------------------------------- A5. serve --port 0


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_port_0_picks_a_free_port_and_prints_it(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      workers: int) -> None:
    """Before: "serving on http://127.0.0.1:0", and uvicorn's own pick shown only at --log-level info (each worker of
    --workers 2 another port)."""
    import uvicorn

    from responsibility.service import _workers

    served: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda _app, **kw: served.append(kw["port"]))
    monkeypatch.setattr(_workers, "run", lambda _host, port, _n, **_kw: served.append(port) or 0)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("serve", "--no-auth", "--port", "0", "--workers", str(workers), "--log-level", "warning")
    assert code == 0, err
    assert len(served) == 1 and served[0] > 0, served
    assert f"serving on http://127.0.0.1:{served[0]} (--port 0: a free port, picked now)" in err, err
    assert ":0 " not in err, err


# ---------------------------------------------------------------- A6. mostly GB18030, one UTF-8 line


def _gbk_with_a_utf8_line(fmt: str) -> bytes:
    rows = [{**RECORDS[0], "id": f"甲{i}"} for i in range(40)]
    long_id = "文昌镇文屏村饮水安全" * 15  # a long line of UTF-8 (the detector then reads the file as UTF-8)
    if fmt == "jsonl":
        gbk = b"".join(json.dumps(r, ensure_ascii=False).encode("gb18030") + b"\n" for r in rows)
        return gbk + json.dumps({**RECORDS[0], "id": long_id}, ensure_ascii=False).encode() + b"\n"
    head = "id,area,kind,sector,place,severity,discovered.level,discovered.channel,discovered.on,deadline,as_of\n"

    def line(r: dict[str, Any]) -> str:
        d = r["discovered"]
        return f"{r['id']},{r['area']},{r['kind']},{r['sector']},{r['place']},{r['severity']},{d['level']}," \
            f"{d['channel']},{d['on']},{r['deadline']},{r['as_of']}\n"

    return head.encode() + "".join(map(line, rows)).encode("gb18030") + line({**RECORDS[0], "id": long_id}).encode()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_gbk_file_with_a_utf8_line_is_told_to_read_it_as_gb18030(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    """Before: read as UTF-8 (its one line says so), each of the 40 GBK lines was rejected and told to "retype it,
    or save the whole file as UTF-8 (--encoding gb18030 would spoil the UTF-8 lines)" — the wrong advice for a file
    that is nearly all GB18030. Now the note names the UTF-8 line and says to give --encoding gb18030, which then
    reads the 40 and rejects that line alone, with its line and what to do."""
    src = tmp_path / f"in.{fmt}"
    src.write_bytes(_gbk_with_a_utf8_line(fmt))
    utf8_line = 41 + (fmt == "csv")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "en")
    assert code == 1 and "records in: 41   assessed: 1   rejected: 40" in err, err
    assert "most of the lines it starts with (40 of 41 beyond ASCII) are GB18030" in err, err
    assert f"but line {utf8_line} is UTF-8" in err and "give --encoding gb18030" in err, err
    assert "would spoil" not in err and "Traceback" not in err, err
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o2.csv"), "--lang", "en", "--encoding", "gb18030")
    assert code == 1 and "records in: 41   assessed: 40   rejected: 1" in err, err
    assert f"line {utf8_line}: UTF-8 text ('文昌镇文屏村饮水'…) in a file read as GB18030" in err, err
    assert "retype it" in err, err


def test_a_utf8_line_gb18030_cannot_decode_is_told_as_utf8(run_cli: Run, tmp_path: Path) -> None:
    """A CSV read as GB18030 whose UTF-8 line is not GB18030 text either was rejected "bytes that are not gb18030
    text", nothing said of what it is or what to do."""
    data = _gbk_with_a_utf8_line("csv")
    bad = "乘".encode()  # (E4 B9 98: 0x98 after 0xB9 is no GB18030 pair)
    with pytest.raises(UnicodeDecodeError):
        bad.decode("gb18030")
    src = tmp_path / "in.csv"
    src.write_bytes(data.replace("文昌镇".encode(), "乘乘镇".encode()))
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "en", "--encoding", "gb18030")
    assert code == 1 and "rejected: 1" in err, err
    assert "line 42: UTF-8 text ('乘乘镇文屏村饮水'…) in a file read as GB18030" in err, err
    assert "bytes that are not gb18030 text" not in err, err


# ---------------------------------------------------------------- B. a newcomer's mistakes with a table

LEDGER = (ROOT / "examples" / "records" / "ledger.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("sep", ["，", "、"])
def test_a_header_typed_with_full_width_commas_says_so(run_cli: Run, tmp_path: Path, sep: str) -> None:
    """Before: "has no 'id' column; its columns: id，area，kind，…" — one column, whose name showed the commas but never
    said what was wrong with them."""
    head, rest = LEDGER.split("\n", 1)
    src = tmp_path / "in.csv"
    src.write_text(head.replace(",", sep) + "\n" + rest, "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"))
    assert code == 2, err
    assert "the header's cells are separated by" in err and f"({sep})" in err, err
    assert "write ASCII commas (,)" in err and "no 'id' column" not in err, err


def test_a_row_typed_with_full_width_commas_is_rejected_saying_so(run_cli: Run, tmp_path: Path) -> None:
    """Before: the row was one cell, its id the whole line: "problem '2021-0042，危房改造，…', field 'area': is
    required"; the other rows are assessed as before."""
    lines = LEDGER.splitlines()
    lines[1] = lines[1].split(",\"", 1)[0].replace(",", "，")  # (its cells up to the handled JSON)
    src = tmp_path / "in.csv"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "en")
    assert code == 1 and "records in: 4   assessed: 2   rejected: 2" in err, err
    assert "line 2: 1 cell, but the header has 12: its cells are separated by full-width commas (，)" in err, err
    assert "is required" not in err, err


def test_a_short_row_with_a_chinese_comma_in_a_value_is_no_separator_row(run_cli: Run, tmp_path: Path) -> None:
    """A row short of its last cell whose values hold 、 (县（市、区）) and a ， is told as the row cut short it is, not
    as cells separated by full-width commas (a row short of any cell is a bad_row since hostile53: check52b #9)."""
    lines = LEDGER.splitlines()
    lines[2] = lines[2].replace("2021-0043", "2021，0043").replace("township", "县（市、区）", 1) \
        .replace("grid", "县（市、区）长热线").rsplit(",", 1)[0]  # (as_of dropped: today)
    src = tmp_path / "in.csv"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"), "--lang", "en", "--today", "2021-06-30")
    assert code == 1 and "records in: 4   assessed: 2   rejected: 2" in err, err
    assert "line 3: 11 cells, but the header has 12 (a row cut short" in err, err
    assert "full-width commas" not in err, err


@pytest.mark.parametrize(("magic", "kind"), [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG picture"),
                                             (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "a PDF document"),
                                             (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive")])
def test_a_binary_file_named_csv_says_what_it_is(run_cli: Run, tmp_path: Path, magic: bytes, kind: str) -> None:
    """Before: a picture renamed .csv was told "a file saved by Excel in Chinese is often GB18030: try --encoding
    gb18030", which reads it no better."""
    src = tmp_path / "ledger.csv"
    src.write_bytes(magic + bytes(range(256)))
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"))
    assert code == 2 and f"it is {kind}" in err and "not a CSV file" in err, err
    assert "try --encoding gb18030" not in err, err


@pytest.mark.parametrize("name", ["verdict.png", "housing.svg", "report.html"])
def test_assess_of_a_picture_the_tour_wrote_says_it_is_none_of_records(run_cli: Run, tmp_path: Path,
                                                                      name: str) -> None:
    """`who … --picture verdict.png` then `assess verdict.png`: "cannot tell the format of input … from its
    extension"."""
    src = tmp_path / name
    src.write_bytes(b"\x89PNG\r\n" if name.endswith("png") else b"<svg/>")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.csv"))
    assert code == 2 and "not problem records: give a file of records (.jsonl" in err, err
    assert ("a picture" if name != "report.html" else "a web page") in err, err
