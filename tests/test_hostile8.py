"""Hostile input, round 8: what offices' workbooks and files really hold (formulas never
calculated, merged cells, a title above the headers, a cover sheet, UTF-16 and tabs), and the
entry points the earlier rounds left."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, LedgerError
from tests.test_hostile6 import own_db, two_counties  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"


def _book(tmp_path: Path, change: Any, name: str = "book.xlsx") -> Path:
    """The example county workbook, changed by ``change(workbook)``."""
    import openpyxl

    wb = openpyxl.load_workbook(WORKBOOK)
    change(wb)
    out = tmp_path / name
    wb.save(out)
    return out


def _import(tmp_path: Path, path: Path, **options: Any) -> Any:
    db = tmp_path / f"{path.stem}.db"
    db.unlink(missing_ok=True)
    with Ledger.create(db) as ledger:
        result = ledger.import_file(path, entered_by="clerk", **options)
        problems = ledger.lists("2021-06-20")["problems"]
    return result, problems


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The example workbook imported as it is: what every changed copy is compared with."""
    return _import(tmp_path_factory.mktemp("plain"), WORKBOOK)


def _rejects(result: Any) -> dict[int, tuple[str, str]]:
    return {r["row"]: (r["field"], r["reason"]) for r in result.rejects}


def test_a_formula_never_calculated_is_a_reject_never_an_empty_cell(tmp_path: Path) -> None:
    """openpyxl (and other programs) write formulas without their value: read as empty, a
    rectification date vanished and the problem was silently open."""
    def formulas(wb: Any) -> None:
        ws = wb.worksheets[0]
        ws["Q2"] = "=DATE(2021,4,1)"  # 整改完成时间 of CA-2021-001
        ws["G3"] = "=G2+5"  # 发现时间 of CA-2021-002

    result, _ = _import(tmp_path, _book(tmp_path, formulas))
    rejects = _rejects(result)
    assert rejects[2][0] == "整改完成时间" and "Q2" in rejects[2][1] and "=DATE(2021,4,1)" in rejects[2][1]
    assert rejects[3][0] == "发现时间" and "G3" in rejects[3][1] and "save" in rejects[3][1]
    assert result.balanced and any("formula" in n for n in result.notes)


def test_a_merged_cell_reads_as_excel_shows_it(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    """A 领域 merged over two problems is the area of each (it was 'is empty')."""
    def merge(wb: Any) -> None:
        ws = wb.worksheets[0]
        ws["B3"] = None
        ws.merge_cells("B2:B3")

    result, problems = _import(tmp_path, _book(tmp_path, merge))
    assert problems.equals(plain[1]) and result.rejects == plain[0].rejects
    assert any("merged" in n for n in result.notes)


def test_a_cell_merged_sideways_is_refused_naming_the_range(tmp_path: Path) -> None:
    result, _ = _import(tmp_path, _book(tmp_path, lambda wb: wb.worksheets[0].merge_cells("F2:G2")))
    field, reason = _rejects(result)[2]
    assert field == "发现时间" and "F2:G2" in reason and "unmerge" in reason


def test_a_title_above_the_headers_is_skipped_and_said(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    def title(wb: Any) -> None:
        ws = wb.worksheets[0]
        ws.insert_rows(1, 2)
        ws["A1"] = "淳安县扶贫领域问题台账"
        ws.merge_cells("A1:S1")
        ws["A2"] = "填报单位：县扶贫办"

    result, problems = _import(tmp_path, _book(tmp_path, title))
    assert (result.rows, result.imported) == (plain[0].rows, plain[0].imported)
    assert problems.equals(plain[1])
    assert [r["row"] for r in result.rejects] == [r["row"] + 2 for r in plain[0].rejects]  # rows as Excel numbers them
    assert any("row 3" in n for n in result.notes)


def test_a_cover_sheet_first_reads_the_ledger_sheet_or_asks(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    def cover(wb: Any) -> None:
        wb.create_sheet("填表说明", 0)["A1"] = "请按列填写"

    result, problems = _import(tmp_path, _book(tmp_path, cover))
    assert problems.equals(plain[1]) and any("台账" in n for n in result.notes)

    def two(wb: Any) -> None:
        cover(wb)
        wb.copy_worksheet(wb["台账"]).title = "台账（旧）"

    with pytest.raises(LedgerError, match="--sheet"):
        _import(tmp_path, _book(tmp_path, two, "two.xlsx"))


@pytest.mark.parametrize("form", ["utf-16 commas", "utf-16 tabs", "utf-8 tabs", "utf-32 commas", "utf-8 semicolons"])
def test_excel_s_unicode_text_imports_as_its_csv(tmp_path: Path, plain: tuple[Any, Any], form: str) -> None:
    """Excel's "Unicode text" is UTF-16 with tabs: it was 'not text in UTF-8 or GB18030'. A CSV with semicolons
    (Excel's where a comma is the decimal mark) was refused with its header as one cell (review23b R23b-7)."""
    import openpyxl

    rows = [["" if c is None else c.date().isoformat() if isinstance(c, dt.datetime) else c for c in row]
            for row in openpyxl.load_workbook(WORKBOOK).worksheets[0].iter_rows(values_only=True)]
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t" if "tabs" in form else ";" if "semicolons" in form else ",").writerows(rows)
    path = tmp_path / "ledger.csv"
    path.write_bytes(buf.getvalue().encode(form.split()[0]))
    result, problems = _import(tmp_path, path)
    assert problems.equals(plain[1]) and result.rejects == plain[0].rejects


def test_a_workbook_claiming_the_far_corner_is_read_as_it_is(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    """A 6 KB workbook with one cell at XFD1048576 was padded to 16,384 columns by 1,048,576
    rows: minutes of CPU for an upload (the service imports too)."""
    from tests.test_hostile import api

    def corner(wb: Any) -> None:
        wb.worksheets[0]["XFD1048576"] = "x"

    path = _book(tmp_path, corner)
    got: list[Any] = []
    assert api(lambda: got.append(_import(tmp_path, path)), seconds=30) is None
    result, problems = got[0]
    # the rows between the ledger's last and the far corner are the sheet's empty rows: counted blank, not dropped
    assert problems.equals(plain[1]) and result.rows == plain[0].rows + 1 + result.blank and result.balanced
    assert result.blank == 1_048_576 - (plain[0].rows + 1) - 1
    assert _rejects(result)[1_048_576][0] == "(row)"


def test_a_sheet_that_unpacks_to_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(WORKBOOK) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b" " * (80 * 2**20) + b"</worksheet>")
            out.writestr(item.filename, data, compresslevel=1)
    with pytest.raises(LedgerError, match="unpacks to 83,"):
        _import(tmp_path, path)


RECORDS = ROOT / "examples" / "records"


@pytest.mark.parametrize(("name", "encoding", "option"), [
    ("problems.jsonl", "utf-16", None), ("problems.jsonl", "utf-16-le", "utf-16-le"),
    ("problems.jsonl", "utf-32", None), ("ledger.csv", "utf-16", None), ("ledger.csv", "utf-16-be", "utf-16-be"),
    ("problems.yaml", "utf-16", None)])
def test_a_utf16_input_is_assessed_as_its_utf8_self(run_cli: Any, tmp_path: Path, name: str, encoding: str,
                                                    option: str | None) -> None:
    """UTF-16 JSON lines were split on the byte 0x0a (half a character): every record a reject;
    a UTF-16 CSV was 'try --encoding gb18030'."""
    import json

    import yaml

    text = (yaml.safe_dump([json.loads(line) for line in (RECORDS / "problems.jsonl").read_text("utf-8").splitlines()],
                           allow_unicode=True) if name.endswith(".yaml") else (RECORDS / name).read_text("utf-8"))
    (tmp_path / "utf8").mkdir()
    plain = tmp_path / "utf8" / name
    plain.write_text(text, encoding="utf-8")
    wide = tmp_path / name
    wide.write_bytes(text.encode(encoding))
    outs = []
    for path, enc in ((plain, None), (wide, option)):
        out = path.parent / "out.csv"
        code, _, err = run_cli("assess", str(path), "-o", str(out), "--today", "2021-06-30", "--no-progress",
                               *(["--encoding", enc] if enc else []))
        assert code in (0, 1) and "error" not in err, err
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 5


def test_a_number_cell_is_never_cut_to_its_whole_part(tmp_path: Path) -> None:
    """1E400 in a place cell was an internal error (exit 3); 330127100219.5 was cut to 330127100219."""
    import zipfile

    def numbers(wb: Any) -> None:
        ws = wb.worksheets[0]
        ws["D2"], ws["D3"], ws["D4"] = 12345, 330127100219.5, 330127101000.0

    plain = _book(tmp_path, numbers, "plain.xlsx")
    path = tmp_path / "numbers.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, data.replace(b"<v>12345</v>", b"<v>1E400</v>") if "sheet1" in item.filename else data)
    result, problems = _import(tmp_path, path)
    rejects = _rejects(result)
    assert rejects[2] == ("所在地代码", "the number inf is not a whole number; type the place as text")
    assert "330127100219.5" in rejects[3][1]
    assert dict(zip(problems["problem"], problems["place"], strict=True))["CA-2021-003"] == "330127101000"


def test_full_width_digits_place_an_event_as_they_place_a_record(tmp_path: Path) -> None:
    """Records read ３３０１２７ as 330127; the ledger refused it ('must be digits only'), and the
    import's jurisdiction check must see the same place the fold stores."""
    from responsibility import ProblemError

    wide = "３３０１２７１００２１９"
    with Ledger.create(tmp_path / "w.db") as ledger:
        ledger.append({"problem": "W-1", "type": "registered", "on": "2021-03-01", "area": "housing",
                       "place": wide}, entered_by="clerk")
        assert ledger.lists("2021-06-20")["problems"]["place"].tolist() == ["330127100219"]

    def wide_place(wb: Any) -> None:
        wb.worksheets[0]["D2"] = "３３１１２７１００２１９"[:6]  # 331127: another county

    with Ledger.create(tmp_path / "g.db") as ledger:
        result = ledger.import_file(_book(tmp_path, wide_place), entered_by="clerk", within="330127")
    assert _rejects(result)[2][0] == "所在地代码" and result.rejects[0]["code"] == "outside_jurisdiction"
    with pytest.raises(ProblemError, match="digits"):
        Ledger.create(tmp_path / "x.db").append({"problem": "W-2", "type": "registered", "on": "2021-03-01",
                                                 "area": "housing", "place": "33０127x"}, entered_by="clerk")


@pytest.mark.parametrize(("method", "url", "field", "words"), [
    ("GET", "/v1/ledger/lists/rectifications?as_of=2021-06-20&staus=open", "query.staus", "'status'"),
    ("GET", "/v1/ledger/lists/problems?place=330127&place=331127", "query.place", "once"),
    ("GET", "/v1/policy/bodies?level=county&level=village", "query.level", "once"),
    ("GET", "/v1/ledger/events?area=housing", "query.area", "after, limit, place, problem"),
    ("POST", "/v1/verdict?lang=en&lang=zh", "query.lang", "once"),
    ("POST", "/v1/verdict?explian=true", "query.explian", "'explain'"),
    ("POST", "/v1/route?today=2021-06-30&today=2021-07-30", "query.today", "once")])
def test_a_query_parameter_misspelt_or_given_twice_is_refused_never_ignored(client, method: str, url: str,  # type: ignore[no-untyped-def]
                                                                            field: str, words: str) -> None:
    """``?staus=open`` listed every rectification (the filter was ignored); ``place`` twice kept
    one of the two without saying which."""
    from tests.test_service import bearer

    problem = (RECORDS / "problem.json").read_bytes()
    r = client.request(method, url, headers=bearer("chunan"), content=problem if method == "POST" else None)
    error = r.json()["error"]
    assert (r.status_code, error["field"]) == (400, field) and words in error["message"] + error["suggestion"]


def test_two_authorization_headers_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    """The first of two was taken: behind a proxy that adds its own, whose token is it?"""
    r = client.get("/v1/policy", headers=[("Authorization", "Bearer secret-chunan"), ("Authorization", "Bearer x")])
    assert r.status_code == 400 and "several Authorization" in r.json()["error"]["message"]


def test_one_token_given_to_two_callers_is_refused() -> None:
    """The token authenticated as the last entry that held it: another county's reach, silently."""
    from responsibility import ResponsibilityError
    from responsibility.service._auth import TokenStore, token_hash

    digest = token_hash("shared")
    with pytest.raises(ResponsibilityError, match=r"tokens\[1\]\.sha256: the same token as 'chunan'"):
        TokenStore.from_data({"tokens": [
            {"name": "chunan", "role": "county", "jurisdiction": "330127", "sha256": digest},
            {"name": "hangzhou", "role": "city", "jurisdiction": "3301", "sha256": digest}]})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_batch_is_assessed_as_its_utf8_self(client, encoding: str) -> None:  # type: ignore[no-untyped-def]
    """Split on the byte 0x0a inside characters: four records from three, one read by luck."""
    from tests.test_service import bearer

    body = (RECORDS / "problems.jsonl").read_text("utf-8")
    wide = body.encode(encoding)
    if encoding == "utf-16-be":
        wide = b"\xfe\xff" + wide
    answers = [client.post("/v1/assess?today=2021-06-30", content=data, headers=bearer("chunan")).text
               for data in (body.encode(), wide)]
    assert answers[0] == answers[1] and '"records":3' in answers[0]


def test_a_database_password_is_never_shown(run_cli: Any) -> None:
    """A ledger URL's password was printed in every error (terminals, CI logs, journals)."""
    for args in (["ledger", "list", "postgresql://bob:hunter2@127.0.0.1:1/db", "problems"],
                 ["ledger", "init", "postgresql://bob:p%40ss:word@127.0.0.1:1/db"]):
        code, out, err = run_cli(*args)
        assert code == 2 and "postgresql://bob:***@127.0.0.1:1/db: cannot use it" in err
        assert "hunter2" not in out + err and "word" not in out + err


@pytest.mark.parametrize("seq", [1.5, 2.0, True, "1.5", "", "１"])
def test_a_correction_names_its_event_by_a_whole_number_as_written(tmp_path: Path, seq: Any) -> None:
    """``event: 1.5`` was cut to 1: the correction was aimed at another event than written."""
    from responsibility import ProblemError

    with Ledger.create(tmp_path / "c.db") as ledger:
        ledger.append([{"problem": "P", "type": "registered", "on": "2021-06-01", "area": "housing",
                        "place": "330127100219"},
                       {"problem": "P", "type": "discovered", "on": "2021-06-01", "level": "village",
                        "channel": "grid"}], entered_by="c")
        with pytest.raises(ProblemError) as info:
            ledger.append({"problem": "P", "type": "corrected", "on": "2021-06-02", "event": seq,
                           "reason": "typo", "void": True}, entered_by="c")
        assert info.value.field == "event" and info.value.code in ("wrong_type", "missing_field")
        ledger.append({"problem": "P", "type": "corrected", "on": "2021-06-02", "event": "2", "reason": "typo",
                       "void": True}, entered_by="c")


def test_void_is_true_or_false_never_a_guess(tmp_path: Path) -> None:
    from responsibility import ProblemError

    with Ledger.create(tmp_path / "v.db") as ledger, pytest.raises(ProblemError, match="true or false"):
        ledger.append({"problem": "P", "type": "corrected", "on": "2021-06-02", "event": 1, "reason": "typo",
                       "void": "maybe"}, entered_by="c")


@pytest.mark.parametrize(("change", "words"), [
    (("    审计: audit", "    审计: nonsense_channel"), "values.channel.审计: 'nonsense_channel' is no channel id"),
    (("  channel:\n", "  chanel:\n"), "values.chanel: not a field with names; did you mean 'channel'?")])
def test_a_mapping_s_values_are_checked_before_any_row(tmp_path: Path, change: tuple[str, str], words: str) -> None:
    """A misspelt field's names were ignored, an unknown id rejected every row that used it."""
    from responsibility.ledger._import import default_mapping_path

    mapping = tmp_path / "mapping.yaml"
    text = default_mapping_path().read_text("utf-8")
    assert change[0] in text
    mapping.write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(LedgerError, match=words), Ledger.create(tmp_path / "m.db") as ledger:
        ledger.import_file(WORKBOOK, entered_by="c", mapping=mapping)


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])  # the C path and Python's
def test_blank_lines_above_a_csv_header_are_skipped_lines_still_counted(run_cli: Any, tmp_path: Path,
                                                                        encoding: str) -> None:
    """It was "has no 'id' column; its columns: none"."""
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\r\n\n" + b"id,area,place\r\na,housing,33012710021\r\n")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.csv"), "--rejects", str(tmp_path / "r.csv"),
                           "--encoding", encoding, "--no-progress")
    assert code == 1, err
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8"), newline="")))
    assert [(r["line"], r["code"]) for r in rows] == [("4", "bad_place")]


@pytest.mark.parametrize(("sep", "name"), [("\t", "tabs"), (";", "semicolons")])
def test_a_csv_of_another_separator_is_named_so(run_cli: Any, tmp_path: Path, sep: str, name: str) -> None:
    path = tmp_path / "other.csv"
    path.write_text(sep.join(["id", "area", "place"]) + "\n" + sep.join(["a", "housing", "330127"]) + "\n",
                    encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.csv"), "--no-progress")
    assert code == 2 and f"separated by {name}, not commas" in err


def test_another_county_s_problems_are_neither_suggested_nor_placed(two_counties) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """An event for an unknown id got "did you mean 'JD-1'?" (another county's problem id), and
    one for JD-1 a 403 naming its village: a county learnt what it may not read."""
    from tests.test_hostile6 import OTHER_COUNTY
    from tests.test_service import bearer

    client, _ = two_counties
    answers = [client.post("/v1/ledger/events", headers=bearer("chunan"),
                           json={"problem": "JD-2", "type": "rectified", "on": "2021-06-01"}),
               client.post("/v1/ledger/merge", headers=bearer("chunan"),
                           json={"source": "JD-2", "into": "CA-2021-001", "on": "2021-06-20"}),
               client.post("/v1/ledger/events", headers=bearer("chunan"),
                           json={"problem": "JD-1", "type": "rectified", "on": "2021-06-01"}),
               client.get("/v1/ledger/events?problem=JD-1", headers=bearer("chunan"))]
    # another county's JD-1 is answered as the unknown JD-2 is (input21 item 7: a 403 told that JD-1 exists)
    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    for a in answers:
        assert "JD-1'?" not in a.text and OTHER_COUNTY not in a.text and OTHER_COUNTY[:9] not in a.text, a.text
    assert answers[2].text.replace("JD-1", "JD-2") == answers[0].text


@pytest.mark.parametrize("command", ["list", "alerts"])
def test_a_place_filter_in_full_width_digits_is_the_place(run_cli: Any, county_db: Path, command: str) -> None:
    """The service read ?place=３３０１２７ as 330127; the command line refused it ('must be digits only')."""
    args = ["ledger", command, str(county_db), *(["problems"] if command == "list" else []), "--as-of", "2021-06-20"]
    answers = [run_cli(*args, "--place", place) for place in ("330127", "３３０１２７")]
    assert answers[0] == answers[1] and answers[0][0] in (0, 1) and answers[0][1].count("\n") > 2


def test_a_hidden_sheet_is_read_only_when_no_visible_one_is_a_ledger(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    """The first sheet was read even when hidden (an old copy the office hid), over the visible ledger."""
    def hidden_old_copy(wb: Any) -> None:
        old = wb.copy_worksheet(wb["台账"])
        old.title = "台账（2020）"
        old["A2"] = "OLD-1"
        wb.move_sheet(old, offset=-1)
        old.sheet_state = "hidden"
        wb.active = 1

    result, problems = _import(tmp_path, _book(tmp_path, hidden_old_copy))
    assert problems.equals(plain[1])

    def only_hidden(wb: Any) -> None:
        wb["台账"].sheet_state = "hidden"
        wb.create_sheet("说明")["A1"] = "见隐藏表"
        wb.active = 1

    result, problems = _import(tmp_path, _book(tmp_path, only_hidden, "only.xlsx"))
    assert problems.equals(plain[1]) and any("hidden" in n for n in result.notes)


@pytest.mark.parametrize("path", ["/v1/verdict", "/v1/assess?today=2021-06-30", "/v1/ledger/events"])
def test_a_compressed_body_is_named_as_such(client, path: str) -> None:  # type: ignore[no-untyped-def]
    """A gzip body was 'not UTF-8 text' (or, as JSON lines, one reject of bytes that are not text)."""
    import gzip

    from tests.test_service import bearer

    body = gzip.compress((RECORDS / "problem.json").read_bytes())
    r = client.post(path, content=body, headers={**bearer("chunan"), "Content-Encoding": "gzip"})
    assert r.status_code == 400 and "Content-Encoding: gzip" in r.json()["error"]["message"], r.text


def test_a_list_wrapped_in_an_object_is_named_as_such(run_cli: Any, tmp_path: Path) -> None:
    """{"records": [...]} was one record rejected as "unknown field 'records'; did you mean 'sector'?"."""
    import json

    records = [json.loads(line) for line in (RECORDS / "problems.jsonl").read_text("utf-8").splitlines()]
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"records": records}), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.csv"), "--no-progress")
    assert code == 2 and "'records' holds a list of 3 objects" in err and "jq" in err


def test_indices_never_label_a_county_s_figures_as_the_province_s(client) -> None:  # type: ignore[no-untyped-def]
    """A county token's level=province gave a row 浙江省 counting that county's problems alone."""
    from tests.test_service import bearer

    r = client.get("/v1/ledger/indices?as_of=2021-06-20&level=province", headers=bearer("chunan"))
    assert r.status_code == 400 and r.json()["error"]["field"] == "query.level", r.text
    for who, level in (("chunan", "county"), ("chunan", "乡镇"), ("hangzhou", "city"), ("zhejiang", "province")):
        r = client.get(f"/v1/ledger/indices?as_of=2021-06-20&level={level}", headers=bearer(who))
        assert r.status_code == 200 and r.json(), (who, level, r.text)


def test_a_path_never_writes_a_terminal_escape_into_the_log(client, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    """The percent-decoded path went into the unknown-token warning as it was: ESC [2J clears the
    screen of whoever reads the log."""
    import logging

    with caplog.at_level(logging.WARNING):
        r = client.get("/v1/policy/bodies/x%1b[2Jforged", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
    logged = [rec.getMessage() for rec in caplog.records if "unknown token" in rec.getMessage()]
    assert logged and all("\x1b" not in m for m in logged) and "\\x1b[2Jforged" in logged[0]


def test_a_report_over_another_output_is_named_as_an_output(run_cli: Any, tmp_path: Path) -> None:
    """It was "report o.csv is also an input (o.csv)": the findings file is no input."""
    out = tmp_path / "o.csv"
    code, _, err = run_cli("assess", str(RECORDS / "problems.jsonl"), "-o", str(out), "--report", str(out),
                           "--no-progress")
    assert code == 2 and "the findings and the report would both go to" in err and not out.exists()


def test_a_formula_whose_saved_value_is_empty_text_is_an_empty_cell(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    """Excel saves =IF(x="","",…) left blank as <c t="str"><f>…</f><v/></c>: a value, not a formula
    never calculated (every such row of an office ledger was a reject) — review."""
    import re
    import zipfile

    out = tmp_path / "blank-formula.xlsx"
    with zipfile.ZipFile(WORKBOOK) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                row = re.search(r'<row r="3".*?</row>', text, re.S)
                assert row is not None and 'r="Q3"' not in row.group(0)
                cell = '<c r="Q3" t="str"><f>IF(P3="","",P3)</f><v/></c>'
                data = (text[:row.end() - 6] + cell + text[row.end() - 6:]).encode()
            dst.writestr(item, data)
    result, problems = _import(tmp_path, out)
    assert result.rejects == plain[0].rejects and problems.equals(plain[1])


def test_a_merged_range_far_to_the_right_costs_no_cell_per_column(tmp_path: Path, plain: tuple[Any, Any]) -> None:
    """One range XA2:XFD8 padded every row it covers to 16,384 cells (minutes for a large workbook) — review."""
    from responsibility.ledger._xlsx import Book

    path = _book(tmp_path, lambda wb: wb.worksheets[0].merge_cells("XA2:XFD8"))
    book = Book(path)
    sheet = book.wb.sheetnames[0]
    assert max(len(cells) for _, cells in book.rows(sheet)) < 100
    result, problems = _import(tmp_path, path)
    assert result.rejects == plain[0].rejects and problems.equals(plain[1])
