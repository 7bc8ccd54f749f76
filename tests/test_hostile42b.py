"""Silent corruption and silent conflicts (hostile42b): a UTF-8 input with one GBK line was read whole as GB18030
(the findings carried "鐢蹭竴" for "甲一"), two amendments in force on one day set one parameter to two values and one
silently won, and text that is not UTF-8 in an Arrow table's string column crashed ``Policy.assess`` and
``assess --dask``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility.policy._encoding import detect_encoding

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(x) for x in (ROOT / "examples" / "records" / "problems.jsonl").read_text("utf-8").splitlines()]
BOM = b"\xef\xbb\xbf"


# ---------------------------------------------------------------- 1. a UTF-8 input with a GBK line


def _two(first: str = "甲一", second: str = "乙二") -> tuple[dict[str, Any], dict[str, Any]]:
    return {**RECORDS[0], "id": first}, {**RECORDS[1], "id": second}


def _jsonl(a: dict[str, Any], b: dict[str, Any], enc_a: str, enc_b: str, bom: bool) -> bytes:
    return (BOM if bom else b"") + json.dumps(a, ensure_ascii=False).encode(enc_a) + b"\n" + \
        json.dumps(b, ensure_ascii=False).encode(enc_b) + b"\n"


def _csv(a: dict[str, Any], b: dict[str, Any], enc_a: str, enc_b: str, bom: bool) -> bytes:
    head = ["id", "area", "kind", "sector", "place", "severity", "discovered.level", "discovered.channel",
            "discovered.on", "deadline", "as_of"]

    def row(r: dict[str, Any]) -> list[str]:
        return [r["id"], r["area"], r["kind"], r["sector"], r["place"], r["severity"], r["discovered"]["level"],
                r["discovered"]["channel"], r["discovered"]["on"], r.get("deadline", ""), r["as_of"]]

    first, second = io.StringIO(), io.StringIO()
    csv.writer(first, lineterminator="\n").writerows([head, row(a)])
    csv.writer(second, lineterminator="\n").writerow(row(b))
    return (BOM if bom else b"") + first.getvalue().encode(enc_a) + second.getvalue().encode(enc_b)


def _problems(path: Path) -> set[str]:
    return {json.loads(x)["problem"] for x in path.read_text("utf-8").splitlines()}


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_utf8_file_with_one_gbk_line_rejects_that_line_alone(run_cli: Run, tmp_path: Path, fmt: str,
                                                               bom: bool) -> None:
    """Before: the whole file was read as GB18030 (its Chinese decodes so), exit 0, 0 rejected, and every finding of
    the UTF-8 record carried the id "鐢蹭竴"; with a BOM, a CSV was refused whole ("no 'id' column; its columns:
    锘縤d, …"). Now the input is UTF-8, the GBK line is rejected with its line, and in = assessed + rejected."""
    a, b = _two()
    src = tmp_path / f"in.{fmt}"
    src.write_bytes((_jsonl if fmt == "jsonl" else _csv)(a, b, "utf-8", "gbk", bom))
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--lang", "en")
    assert code == 1, err
    assert "records in: 2   assessed: 1   rejected: 1" in err, err
    line = 3 if fmt == "csv" else 2
    assert f"line {line}: bytes that are not utf-8 text" in err, err
    assert "read as GB18030" not in err, err
    assert _problems(out) == {"甲一"}
    # said once, with what to do (--encoding gb18030, which each rejected line suggests, would spoil the UTF-8 one)
    assert "mixes encodings: read as UTF-8, as its byte order mark or its other text says; a line in GB18030 (GBK) " \
        "is rejected (pasted from a file saved so?): retype it, or save the whole file as UTF-8" in err, err


def test_a_utf8_file_with_one_gbk_line_over_http(client: Any) -> None:
    """POST /v1/assess tells a body's encoding with the same detector: it answered 200 with 0 rejected and the id
    "鐢蹭竴"."""
    from tests.test_service import bearer

    a, b = _two()
    a["place"] = b["place"] = "330127100219"
    r = client.post("/v1/assess", content=_jsonl(a, b, "utf-8", "gbk", False),
                    headers={**bearer("zhejiang"), "Content-Type": "application/x-ndjson"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert r.status_code == 200, r.text
    assert lines[-1]["summary"]["records"] == 2 and lines[-1]["summary"]["rejected"] == 1, lines[-1]
    problems = {x["problem"] for x in lines if "problem" in x and "rejected" not in x}
    assert problems == {"甲一"}, problems


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_gbk_file_without_utf8_is_still_read_as_gb18030(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    """The other side of the rule: a file whose Chinese is all GBK (ids of two characters only) is read, with the
    note it always had."""
    a, b = _two()
    src = tmp_path / f"in.{fmt}"
    src.write_bytes((_jsonl if fmt == "jsonl" else _csv)(a, b, "gbk", "gbk", False))
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert "is not UTF-8 (its Chinese is GB18030/GBK" in err and "read as GB18030" in err, err
    assert _problems(out) == {"甲一", "乙二"}


# "喔垫暗" in GBK is the UTF-8 of "ี氵": a GBK line that reads as UTF-8 with two characters of three bytes (about one
# line in 6,000 of three random GB2312 characters does)
ODD = "喔垫暗"
assert ODD.encode("gbk").decode("utf-8") == "\u0e35\u6c35"


@pytest.mark.parametrize(("lines", "expected"), [
    ([("甲一", "utf-8"), ("乙二", "gbk")], None),                      # one UTF-8 line, one GBK: UTF-8
    ([("乙二", "gbk"), ("甲一", "utf-8")], None),                      # in either order
    ([("甲一乙", "utf-8")] + [("丙丁", "gbk")] * 5, None),               # three characters make sure alone
    ([(ODD, "gbk")] + [("丙丁", "gbk")] * 3, "gb18030"),               # a GBK line that happens to read as UTF-8
    ([("丙丁", "gbk")] * 4, "gb18030"),
])
def test_the_detector_weighs_lines_that_read_as_utf8(lines: list[tuple[str, str]], expected: str | None) -> None:
    data = b"".join(json.dumps({"id": text, "area": "housing"}, ensure_ascii=False).encode(enc) + b"\n"
                    for text, enc in lines)
    found = detect_encoding(data)
    assert (found and found[0]) == expected, found
    assert detect_encoding(BOM + data) is None  # a UTF-8 byte order mark says UTF-8
    assert detect_encoding(BOM + data, midstream=True) is None  # (the service reads past an ASCII start so)


# ---------------------------------------------------------------- 2. two amendments setting one parameter on one day


AMENDMENT = """\
id: {id}
name: 示例{id}
en: Example {id}
example: true
effective_from: 2021-06-01
source:
  id: example-{id}
  number: 示例〔2021〕{n}号
  issuer: 示例（非真实文件）
  title: 示例{id}
  title_en: Example {id}
  clauses:
    - id: 示例{n}(一)
      title: 时限
      text: 及时交办和上报时限调整为{value}天。
changes:
  - set_parameter: handling_time_limit_days
    value: {value}
    clause: 示例{n}(一)
"""


def _amend(rules: Path, values: tuple[int, int]) -> None:
    (rules / "amendments").mkdir()
    for n, (name, value) in enumerate(zip(("a", "b"), values, strict=True), 1):
        (rules / "amendments" / f"{name}.yaml").write_text(AMENDMENT.format(id=f"limit-{name}", n=n, value=value),
                                                           encoding="utf-8")


def test_two_amendments_setting_one_parameter_to_two_values_on_one_day_are_refused(rules_copy: Path,
                                                                                   run_cli: Run) -> None:
    """Before: validate said OK and `who` used 20 (the later file in date-and-id order) without a word."""
    _amend(rules_copy, (10, 20))
    issues = [i for i in responsibility.validate(rules_copy) if i.code == "amendment_clash"]
    assert len(issues) == 1, responsibility.validate(rules_copy)
    clash = issues[0]
    assert clash.file.endswith("b.yaml") and (clash.line, clash.column) == (18, 5), clash
    assert "'handling_time_limit_days' is set on 2021-06-01 to 20 here and to 10 at " in clash.message, clash
    assert "a.yaml:18:5" in clash.message, clash
    assert "keep one of the two changes" in clash.hint, clash
    with pytest.raises(responsibility.RulesError):
        responsibility.load(rules_copy)
    code, out, err = run_cli("validate", str(rules_copy))
    assert code != 0 and "set on 2021-06-01 to 20 here and to 10 at " in out + err, (out, err)


def test_two_amendments_setting_one_parameter_to_one_value_agree(rules_copy: Path) -> None:
    """The same value twice is no conflict: the parameter takes it, both clauses cited."""
    _amend(rules_copy, (15, 15))
    assert not responsibility.validate(rules_copy)
    later = responsibility.load(rules_copy, as_of="2021-07-01")
    limit = [p for p in later.data.parameters if p.id == "handling_time_limit_days" and p.in_force(later.as_of)]
    assert [p.value for p in limit] == [15] and set(limit[0].amended_by) == {"示例1(一)", "示例2(一)"}, limit


# ---------------------------------------------------------------- 3. an Arrow table's text that is not UTF-8


def _table(bad: dict[int, str]) -> Any:
    """The example records as an Arrow table (nested columns as structs), the record of each key of ``bad`` with
    bytes that are not UTF-8 in the field named (a string column, as a writer that does not check its bytes leaves
    it)."""
    import pyarrow as pa

    rows = [{**r, "id": f"P-{i}"} for i, r in enumerate(RECORDS[:2] * 3)]  # (the third's place is refused)
    table = pa.Table.from_pylist(rows)
    for field in set(bad.values()):
        at = table.schema.get_field_index(field.split(".")[0])
        col = table.column(at).combine_chunks()
        if field == "id":
            raw = [x.encode() + (b"\xfe" if bad.get(i) == field else b"") for i, x in enumerate(col.to_pylist())]
            new = pa.array(raw, pa.binary()).view(pa.string())
        else:  # discovered.level
            child = col.field("level")
            raw = [x.encode() + (b"\xff" if bad.get(i) == field else b"") for i, x in enumerate(child.to_pylist())]
            kids = [pa.array(raw, pa.binary()).view(pa.string()) if col.type.field(k).name == "level"
                    else col.field(k) for k in range(col.type.num_fields)]
            new = pa.StructArray.from_arrays(kids, fields=list(col.type))
        table = table.set_column(at, table.schema.field(at).name, new)
    return table


@pytest.mark.parametrize("bad", [{1: "id"}, {2: "discovered.level"}, {0: "id", 4: "discovered.level"}],
                         ids=["id", "nested", "both"])
def test_text_that_is_not_utf8_in_an_arrow_table_rejects_its_row(policy: Any, bad: dict[int, str]) -> None:
    """Before: ArrowInvalid "Cannot normalize utf8 string" out of Policy.assess. Now each such row is rejected naming
    its field, as from a Parquet file, and the other rows' findings are those of the clean table."""
    clean = policy.assess(_table({}))
    got = policy.assess(_table(bad))
    assert (got.records, got.rejected) == (clean.records, len(bad)), got
    rejects = got.rejects
    assert sorted(rejects["record"].tolist()) == sorted(bad), rejects
    for record, field in bad.items():
        reason = rejects.loc[rejects["record"] == record, "reason"].iloc[0]
        assert f"field '{field}': bytes that are not UTF-8 text" in reason, reason
    keep = clean.findings[~clean.findings["record"].isin(list(bad))].reset_index(drop=True)
    assert got.findings.reset_index(drop=True).equals(keep)


def test_text_that_is_not_utf8_in_a_parquet_file_under_dask(run_cli: Run, tmp_path: Path) -> None:
    """`assess --dask` read each file whole (pq.read_table) past the checks of the Parquet path: it crashed with
    ArrowInvalid; now the row is rejected, naming its field."""
    pytest.importorskip("dask")
    import pyarrow.parquet as pq

    folder = tmp_path / "in"
    folder.mkdir()
    pq.write_table(_table({1: "id", 2: "discovered.level"}), folder / "a.parquet")
    code, _, err = run_cli("assess", str(folder), "--dask", "synchronous", "-o", str(tmp_path / "out"),
                           "--rejects", str(tmp_path / "rej"), "--lang", "en")
    assert "Traceback" not in err and "ArrowInvalid" not in err, err
    assert code == 1, err
    assert "records in: 6   assessed: 4   rejected: 2" in err, err
    rejects = pq.read_table(tmp_path / "rej").to_pylist()
    assert {(r["record"], r["field"]) for r in rejects} == {(1, "id"), (2, "discovered.level")}, rejects
