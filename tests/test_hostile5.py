"""Hostile input the earlier passes left (session 30 Nov, hostile5): option values read as the
records read them, encodings that are codecs, files the user did not name, the service's days
and query fields, events located in their file, time limits in the impact diff.

Each test failed before its fix. CLI cases run in-process (``run_cli``): one line on stderr,
the documented exit code, no traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from responsibility import Ledger

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
Run = Callable[..., tuple[int, str, str]]

RECORD = {"id": "h-1", "area": "housing", "place": "330127100219", "severity": "serious",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
          "deadline": "2021-05-31", "as_of": "2021-06-30"}


def _one_error_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture()
def problem(tmp_path: Path) -> Path:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    return path


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "no-such-encoding"])
def test_an_encoding_that_is_a_codec_is_a_usage_error(run_cli: Run, problem: Path, codec: str) -> None:
    code, _, err = run_cli("assess", str(problem), "--encoding", codec)
    assert code == 2 and "--encoding" in _one_error_line(err) and "utf-8" in err, err


def test_a_list_the_encoding_cannot_hold_is_refused_before_writing(run_cli: Run, county_db: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "problems.csv"
    code, _, err = run_cli("ledger", "list", str(county_db), "problems", "--as-of", "2021-06-20",
                           "--encoding", "ascii", "-o", str(out))
    assert code == 2 and "gb18030" in _one_error_line(err) and not out.exists()
    code, _, err = run_cli("ledger", "list", str(county_db), "problems", "--encoding", "bogus", "-o", str(out))
    assert code == 2 and "--encoding" in _one_error_line(err)
    code, _, _ = run_cli("ledger", "list", str(county_db), "problems", "--as-of", "2021-06-20",
                         "--encoding", "gb18030", "-o", str(out))
    assert code == 0 and "危房改造" in out.read_bytes().decode("gb18030")


def test_a_threshold_that_is_not_a_number_is_refused(run_cli: Run) -> None:
    code, _, err = run_cli("test", str(ROOT / "examples" / "problems" / "housing.scenarios.yaml"),
                           "--coverage", "--threshold", "nan")
    assert code == 2 and "--threshold" in _one_error_line(err)


# ---------------------------------------------------------------- options read as records read them


def test_route_level_takes_chinese_names_and_blames_the_option(run_cli: Run, problem: Path) -> None:
    code, out, _ = run_cli("route", str(problem), "--level", "村", "--format", "json")
    assert code == 0 and json.loads(out)["registering_level"] == "village"
    for bad, words in (("villag", "did you mean 'village'"), ("", "use one of village")):
        code, _, err = run_cli("route", str(problem), "--level", bad)
        line = _one_error_line(err)
        assert code == 2 and "--level" in line and words in line and "p.json" not in line, line


def test_graph_takes_an_area_and_levels_by_their_chinese_names(run_cli: Run) -> None:
    assert run_cli("graph", "--area", "危房改造", "--level", "村")[:2] == run_cli("graph", "--area", "housing",
                                                                            "--level", "village")[:2]
    code, _, err = run_cli("graph", "--area", "housin")
    assert code == 2 and "did you mean 'housing'" in _one_error_line(err)


@pytest.mark.parametrize("name", ["notes.json", "chain.svg"])
def test_a_picture_never_goes_to_a_file_the_user_did_not_name(run_cli: Run, tmp_path: Path, name: str) -> None:
    victim = tmp_path / "notes.png"
    victim.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("graph", "--area", "housing", "--format", "png", "-o", str(tmp_path / name))
    assert code == 2 and ".png" in _one_error_line(err)
    assert victim.read_text(encoding="utf-8") == "keep me" and not (tmp_path / "chain.png").exists()
    code, _, err = run_cli("graph", "--area", "housing", "--format", "svg", "-o", str(tmp_path / "chain"))
    assert code == 0 and (tmp_path / "chain.svg").is_file(), err


# ---------------------------------------------------------------- the service's query and the ledger's days


@pytest.mark.parametrize("path", [
    "/v1/ledger/lists/responsibilities?as_of=9999-12-31", "/v1/ledger/lists/problems?as_of=2021-02-30",
    "/v1/ledger/alerts?as_of=0001-01-01", "/v1/ledger/duplicates?as_of=1623000000",
    "/v1/ledger/indices?as_of=9999-12-31", "/v1/ledger/export?as_of=2021-02-29"])
def test_the_service_reads_a_ledger_day_as_a_record_day(client, path: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    r = client.get(path, headers=bearer("chunan"))
    err = r.json()["error"]
    assert r.status_code == 400 and err["field"] == "query.as_of" and "1900" in err["suggestion"], r.text


def test_the_ledger_refuses_a_day_its_records_could_not_name(county_db: Path) -> None:
    from responsibility import ProblemError

    with Ledger.open(county_db) as ledger:
        for bad in ("9999-12-31", "20210620", "2021-W24-7", "2021-02-30"):
            with pytest.raises(ProblemError) as info:
                ledger.responsibilities(bad)
            assert info.value.field == "as_of" and info.value.code == "bad_date", bad
        assert not ledger.responsibilities("2021-06-20").empty


@pytest.mark.parametrize(("path", "field", "words"), [
    ("/v1/ledger/lists/problems?area=housin", "query.area", "did you mean 'housing'"),
    ("/v1/ledger/lists/rectifications?status=bogus", "query.status", "use open"),
    ("/v1/ledger/alerts?area=nope", "query.area", "unknown area"),
    ("/v1/route?level=villag", "query.level", "did you mean 'village'"),
    ("/v1/route?level=", "query.level", "use one of village")])
def test_a_bad_query_value_is_400_naming_the_parameter(client, path: str, field: str,  # type: ignore[no-untyped-def]
                                                       words: str) -> None:
    from tests.test_service import bearer

    r = (client.post(path, json=RECORD, headers=bearer("chunan")) if path.startswith("/v1/route")
         else client.get(path, headers=bearer("chunan")))
    err = r.json()["error"]
    assert r.status_code == 400 and err["field"] == field and words in err["message"], r.text


def test_the_service_routes_a_level_named_in_chinese(client) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    r = client.post("/v1/route?level=%E6%9D%91", json=RECORD, headers=bearer("chunan"))  # 村
    assert r.status_code == 200 and r.json()["registering_level"] == "village", r.text
    r = client.get("/v1/ledger/lists/problems?as_of=2021-06-20&area=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0",
                   headers=bearer("chunan"))  # 危房改造
    assert r.status_code == 200 and {row["area"] for row in r.json()} == {"housing"}, r.text


# ---------------------------------------------------------------- ledger events in their file


@pytest.fixture()
def fresh_db(county_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "county.db"
    db.write_bytes(county_db.read_bytes())
    return db


def test_a_bad_event_is_located_in_its_file(run_cli: Run, fresh_db: Path, tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text("- problem: CA-2021-003\n  type: rectified\n  on: 2021-06-18\n"
                      "- problem: CA-2021-003\n  type: verifed\n  on: 2021-06-19\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(fresh_db), str(events), "--by", "clerk")
    line = _one_error_line(err)
    assert code == 2 and f"{events}:5:3:" in line and "did you mean 'verified'" in line, line
    one = tmp_path / "one.json"
    one.write_text(json.dumps(RECORD), encoding="utf-8")  # a problem record, not an event
    code, _, err = run_cli("ledger", "add", str(fresh_db), str(one), "--by", "clerk")
    assert code == 2 and f"{one}:1:1:" in _one_error_line(err) and "'problem'" in err
    code, _, err = run_cli("ledger", "add", str(fresh_db), str(events), "--by", " ")
    assert code == 2 and "--by" in _one_error_line(err) and "events.yaml" not in err
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(fresh_db), str(tmp_path / "empty.yaml"), "--by", "clerk")
    assert code == 2 and "an event object" in _one_error_line(err)
    with Ledger.open(fresh_db) as ledger:
        assert ledger.count() == 20  # nothing was written


@pytest.mark.parametrize(("events", "words"), [
    ([("rectified", "2021-06-18"), ("closed", "2021-06-01")], "before the rectification"),
    ([("rectified", "2021-06-18"), ("verified", "2021-06-10")], "before the rectification"),
    ([("rectified", "2021-06-18"), ("verified", "2021-06-19"), ("closed", "2021-06-18")], "before the verification"),
])
def test_a_problem_is_not_closed_before_it_is_rectified(fresh_db: Path, events: list[tuple[str, str]],
                                                         words: str) -> None:
    from responsibility import ProblemError

    with Ledger.open(fresh_db) as ledger:
        with pytest.raises(ProblemError, match=words) as info:
            ledger.append([{"problem": "CA-2021-003", "type": t, "on": on} for t, on in events], entered_by="clerk")
        assert info.value.field == "on" and info.value.index == len(events) - 1
        assert ledger.count() == 20


@pytest.mark.parametrize(("day", "words"), [
    ("2021-06-189", "not a date"), (20210618, "not a date"), ("2021-06-18T25:99", "not a date"),
    ("2021-06-18garbage", "not a date"), ("2021-02-30", "no such day")])
def test_an_event_day_is_the_whole_text_not_its_first_ten_characters(fresh_db: Path, day: object,
                                                                    words: str) -> None:
    from responsibility import ProblemError

    with Ledger.open(fresh_db) as ledger:
        with pytest.raises(ProblemError, match=words) as info:
            ledger.append({"problem": "CA-2021-003", "type": "rectified", "on": day}, entered_by="clerk")
        assert info.value.field == "on" and ledger.count() == 20
        # A time of day and full-width digits still name that day.
        stored = ledger.append({"problem": "CA-2021-003", "type": "rectified", "on": "２０２１-06-18 14:30"},
                               entered_by="clerk")
        assert [e.on.isoformat() for e in stored] == ["2021-06-18"]


# ---------------------------------------------------------------- the impact diff


@pytest.mark.slow  # whole diffs through the CLI: 84 s
def test_a_changed_time_limit_is_a_changed_answer_for_the_diff(run_cli: Run) -> None:
    """Shorter handling time makes a record assigned on day 5 late: no shape shows it, the diff must say it."""
    rules = str(ROOT / "rules")
    code, out, _ = run_cli("diff", rules, "--set", "handling_time_limit_days=3", "--format", "summary",
                           "--fail-on-change")
    assert code == 1 and "handling_time_limit_days: 10 → 3" in out and "Time limits changed" in out
    code, out, _ = run_cli("diff", rules, "--set", "handling_time_limit_days=3", "--format", "json")
    assert code == 0 and json.loads(out)["time_limits"] == ["handling_time_limit_days: 10 → 3"]
    code, out, _ = run_cli("diff", rules, rules, "--fail-on-change", "--format", "markdown")
    assert code == 0 and "Time limits" not in out


def test_the_time_limit_really_changes_a_verdict() -> None:
    """The premise of the test above, on the record of the notebook (assigned four days after discovery)."""
    import responsibility

    policy = responsibility.load()
    record = {**RECORD, "handled": [{"action": "assigned", "by_level": "county", "to_level": "township",
                                     "on": "2021-03-05"}]}
    bases = [{f.basis for f in p.who_answers(record, engine="compiled").findings}
             for p in (policy, policy.with_parameters(handling_time_limit_days=3))]
    assert "not_handled" not in bases[0] and "not_handled" in bases[1]


# ---------------------------------------------------------------- the column mapping and the tokens file


@pytest.mark.parametrize(("mapping", "words"), [
    ("columns: {problem: [问题编号]}\nvalues: [1, 2]\n", ":2:1: values"),
    ("columns: {problem: [问题编号]}\nvalues: {area: [1]}\n", ":2:10: values.area"),
    ("columns: {problem: {a: 1}}\n", ":1:11: columns.problem"),
    ("columns: {problem: null}\n", ":1:11: columns.problem"),
    ("columns: {problem: [问题编号]}\nbogus: 1\n", ":2:1: unknown key 'bogus'"),
    ("columns: {problem: [问题编号]}\nsheet: [1]\n", ":2:1: sheet")])
def test_a_malformed_column_mapping_is_located_not_a_crash(run_cli: Run, fresh_db: Path, tmp_path: Path,
                                                            mapping: str, words: str) -> None:
    (tmp_path / "m.yaml").write_text(mapping, encoding="utf-8")
    (tmp_path / "l.csv").write_text("问题编号,领域,所在地代码\nA,危房改造,330127100219\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "import", str(fresh_db), str(tmp_path / "l.csv"), "--by", "clerk",
                           "--mapping", str(tmp_path / "m.yaml"))
    assert code == 2 and f"m.yaml{words}" in _one_error_line(err), err


def test_a_mapping_without_a_required_field_says_so(run_cli: Run, fresh_db: Path, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("columns: {problem: [问题编号]}\n", encoding="utf-8")
    (tmp_path / "l.csv").write_text("问题编号,领域,所在地代码\nA,危房改造,330127100219\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "import", str(fresh_db), str(tmp_path / "l.csv"), "--by", "clerk",
                           "--mapping", str(tmp_path / "m.yaml"))
    assert code == 2 and "area: not in the mapping" in _one_error_line(err)


@pytest.mark.parametrize("name", ["a\nb", "\x1b[31mred", "a\tb", "x" * 201])
def test_a_token_name_is_one_printable_line(run_cli: Run, name: str) -> None:
    code, out, err = run_cli("token", "--name", name, "--role", "county", "--jurisdiction", "330127")
    assert code == 2 and out == "" and "printable" in _one_error_line(err)
    code, out, _ = run_cli("token", "--name", "县扶贫办\u3000张三", "--role", "county", "--jurisdiction", "330127")
    assert code == 0 and "张三" in out


def test_an_import_names_what_it_was_given(run_cli: Run, fresh_db: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_bytes(WORKBOOK.read_bytes())  # a workbook under a CSV's name
    cases = {"/dev/zero": "not a regular file", str(tmp_path): "is a directory",
             str(fresh_db): "an SQLite database", str(book): "name it .xlsx"}
    for path, words in cases.items():
        code, _, err = run_cli("ledger", "import", str(fresh_db), path, "--by", "clerk")
        assert code == 2 and words in _one_error_line(err), (path, err)


@pytest.mark.parametrize("url", ["mysql://a/b", "oracle://x", "mssql+pyodbc://h/d"])
def test_a_database_that_cannot_hold_a_ledger_is_named(run_cli: Run, url: str) -> None:
    code, _, err = run_cli("ledger", "verify", url)
    line = _one_error_line(err)
    assert code == 2 and "cannot hold a ledger" in line and "postgresql://" in line and "psycopg" not in line


# ---------------------------------------------------------------- assess: "-" and standard input


def test_dash_is_standard_output_never_a_file_named_dash(run_cli: Run, problem: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([RECORD, {**RECORD, "id": "b", "deadline": "2021-02-30"}]), encoding="utf-8")
    code, out, _ = run_cli("assess", str(problem), "-o", "-")
    assert code == 0 and json.loads(out.splitlines()[0])["problem"] == "h-1"
    code, out, _ = run_cli("assess", str(bad), "-o", str(tmp_path / "f.csv"), "--rejects", "-")
    assert code == 1 and json.loads(out)["code"] == "bad_date" and (tmp_path / "f.csv").is_file()
    code, _, err = run_cli("assess", str(bad), "--rejects", "-")
    assert code == 2 and "standard output" in _one_error_line(err)
    assert not (tmp_path / "-").exists()


def test_parquet_on_standard_input_is_explained(run_cli: Run) -> None:
    code, _, err = run_cli("assess", "-", "--from", "parquet")
    assert code == 2 and "standard input" in _one_error_line(err)


# ---------------------------------------------------------------- the decision log


def test_the_decision_log_is_never_appended_to_a_file_that_is_no_log(county_db: Path, tmp_path: Path) -> None:
    from responsibility import ResponsibilityError
    from responsibility.service._log import DecisionLog

    db = tmp_path / "other.db"
    db.write_bytes(county_db.read_bytes())
    with pytest.raises(ResponsibilityError, match="not a decision log"):
        DecisionLog(db)
    assert db.read_bytes() == county_db.read_bytes()
    log = tmp_path / "d.jsonl"
    first = DecisionLog(log)
    first.write(endpoint="x")
    first.close()
    again = DecisionLog(log)  # an existing log, and an empty file, are appended to
    again.write(endpoint="y")
    again.close()
    assert [json.loads(x)["endpoint"] for x in log.read_text(encoding="utf-8").splitlines()] == ["x", "y"]


def test_a_refused_event_of_a_list_is_named_by_its_path_in_the_body(client) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    body = [{"problem": "CA-2021-003", "type": "rectified", "on": "2021-06-18"},
            {"problem": "CA-2021-003", "type": "verifed", "on": "2021-06-19"}]
    r = client.post("/v1/ledger/events", json=body, headers=bearer("chunan"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "[1].type", r.text
    r = client.post("/v1/ledger/events", json=[body[0], "x"], headers=bearer("chunan"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "[1]", r.text
    r = client.post("/v1/ledger/events", json={**body[1], "type": "verified", "on": "2021-02-30"},
                    headers=bearer("chunan"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "on", r.text


def test_an_uploaded_mapping_that_is_wrong_is_blamed_as_the_mapping(client) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    csv = "问题编号,领域,所在地代码\nA,危房改造,330127100219\n".encode()
    r = client.post("/v1/ledger/import", headers=bearer("chunan"),
                    files={"file": ("l.csv", csv), "mapping": ("m.yaml", b"columns: {problem: [x]}\nvalues: [1]\n")})
    err = r.json()["error"]
    assert r.status_code == 422 and err["field"] == "mapping" and "m.yaml:2:1" in err["message"], r.text
    r = client.post("/v1/ledger/import", headers=bearer("chunan"),
                    files={"file": ("l.csv", csv), "mapping": ("m.yaml", b"columns: {problem: [x]}\n")})
    err = r.json()["error"]
    assert r.status_code == 422 and "--mapping" not in err["message"] and "not in the mapping" in err["message"]


def test_pictures_of_several_problems_never_overwrite_each_other(run_cli: Run, tmp_path: Path) -> None:
    ids = ["淳安-001", "建德-001", "淳安-001", "A", "a", "x" * 200]
    (tmp_path / "many.json").write_text(json.dumps([{**RECORD, "id": i} for i in ids]), encoding="utf-8")
    code, _, err = run_cli("who", str(tmp_path / "many.json"), "--engine", "compiled",
                           "--picture", str(tmp_path / "v.svg"))
    written = sorted(p.name for p in tmp_path.glob("v-*.svg"))
    assert code == 0 and len(written) == len(ids), (written, err)
    assert all(len(name) < 120 for name in written)


@pytest.mark.parametrize(("path", "status", "field"), [
    ("/v1/policy/chain?area=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0&level=%E6%9D%91", 200, None),  # 危房改造, 村
    ("/v1/policy/chain?area=housin", 400, "query.area"),
    ("/v1/policy/chain?area=housing&level=villag", 400, "query.level"),
    ("/v1/policy/chain?place=abc", 400, "query.place"),
    ("/v1/policy/chain?place=110000", 400, "query.place"),
    ("/v1/policy/areas/%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0", 200, None),
    ("/v1/policy/bodies?level=%E6%9D%91", 200, None),
    ("/v1/policy/duties?area=%E5%8D%B1%E6%88%BF%E6%94%B9%E9%80%A0", 200, None),
    ("/v1/ledger/indices?as_of=2021-06-30&level=%E5%8E%BF", 200, None),  # 县
    ("/v1/ledger/indices?level=villag", 400, "query.level"),
    # a filter's unknown value is a bad query (400), as everywhere; an unknown item in the path is 404 (review19b M5)
    ("/v1/policy/bodies?level=villag", 400, "query.level"),
    ("/v1/policy/bodies?area=housin", 400, "query.area"),
    ("/v1/policy/duties?area=housin", 400, "query.area"),
    ("/v1/policy/duties?body=county_civil_afairs", 400, "query.body"),
    ("/v1/policy/duties?body=county_civil_affairs", 200, None),
    ("/v1/policy/bodies/county_civil_afairs", 404, "body")])
def test_policy_views_read_names_as_records_do(client, path: str, status: int,  # type: ignore[no-untyped-def]
                                               field: str | None) -> None:
    from tests.test_service import bearer

    r = client.get(path, headers=bearer("chunan"))
    assert r.status_code == status, r.text
    if field is not None:
        assert r.json()["error"]["field"] == field, r.text
    elif isinstance(r.json(), list):
        assert r.json(), r.text


def test_a_list_filter_never_gives_an_empty_list_for_a_mistake(run_cli: Run, county_db: Path) -> None:
    code, _, err = run_cli("ledger", "list", str(county_db), "problems", "--place", "110000")
    assert code == 2 and "not in jurisdiction" in _one_error_line(err)
    code, _, err = run_cli("ledger", "list", str(county_db), "indices", "--area", "housing")
    assert code == 2 and "--area" in _one_error_line(err)
    code, out, _ = run_cli("ledger", "list", str(county_db), "problems", "--as-of", "2021-06-20",
                           "--status", "整改中", "--lang", "en")  # the status as the Chinese list shows it
    assert code == 0 and len(out.splitlines()) > 1 and all(",assigned," in x for x in out.splitlines()[1:])


@pytest.mark.parametrize("days", [-1, "7", 2.5, True])
def test_a_number_of_days_is_a_whole_number_not_below_zero(county_db: Path, tmp_path: Path, days: object) -> None:
    from responsibility import ProblemError

    with Ledger.open(county_db) as ledger:
        for call, name in ((lambda: ledger.alerts(within=days), "within"),  # type: ignore[arg-type]
                           (lambda: ledger.duplicates(window=days), "window"),  # type: ignore[arg-type]
                           (lambda: ledger.export_xlsx(tmp_path / "x.xlsx", within=days), "within")):  # type: ignore[arg-type]
            with pytest.raises(ProblemError) as info:
                call()
            assert info.value.field == name
        assert not (tmp_path / "x.xlsx").exists()


# ---------------------------------------------------------------- --set


@pytest.mark.parametrize(("value", "used"), [("010", 10), ("15", 15), ("+7", 7)])
def test_a_set_number_is_decimal(run_cli: Run, problem: Path, value: str, used: int) -> None:
    code, out, _ = run_cli("who", str(problem), "--engine", "compiled", "--format", "json",
                           "--set", "rectification_time_limit_days=" + value)
    assert code == 0 and json.loads(out)["what_if"]["rectification_time_limit_days"]["used"] == used


@pytest.mark.parametrize("value", ["1:30", "0x10", "0o12", "1_000", "!!binary aGVsbG8=", "&a [*a]"])
def test_a_set_value_is_never_read_as_yaml(run_cli: Run, problem: Path, value: str) -> None:
    """YAML 1.1 read 1:30 as ninety and 0x10 as sixteen: a what-if on a number the user never wrote."""
    code, _, err = run_cli("who", str(problem), "--engine", "compiled", "--set", "handling_time_limit_days=" + value)
    line = _one_error_line(err)
    assert code == 2 and line.startswith("error: --set:") and "parameters.yaml:" not in line, line


@pytest.mark.parametrize("kind", ["missing", "directory", "corrupt", "device"])
def test_ledger_upgrade_refuses_what_is_no_ledger_without_making_one(run_cli: Run, tmp_path: Path, kind: str) -> None:
    target = {"missing": tmp_path / "none.db", "directory": tmp_path, "corrupt": tmp_path / "bad.db",
              "device": Path("/dev/zero")}[kind]
    if kind == "corrupt":
        target.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    code, _, err = run_cli("ledger", "upgrade", str(target))
    assert code == 2 and str(target) in _one_error_line(err), err
    assert not (tmp_path / "none.db").exists()
