"""What a newcomer met following README.md and docs/ (session 41): an Excel ledger imported again lost the days
filled in since without a word; ``ledger list --set`` was told "Did you mean '--status'?"; ``help(responsibility)``
showed ``load()`` and nothing to do next; and the docs' claims these pin (ledger.md's "Importing again" and its
what-if, records.md's channels the text does not name, data-guide.md's staged checks and duty kinds)."""

from __future__ import annotations

import datetime as dt
import doctest
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"


def block(text: str, marker: str, lang: str) -> str:
    m = re.search(rf"<!-- {re.escape(marker)} -->\s*```{lang}\n(.*?)```", text, re.S)
    assert m, f"no block <!-- {marker} --> in the doc"
    return m.group(1)


def _imported(tmp_path: Path, run_cli: Any) -> str:
    db = str(tmp_path / "county.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "import", db, str(WORKBOOK), "--by", "县扶贫办")
    assert code == 1 and "imported 6 + rejected 1" in out  # the example's one bad row (饮水)
    assert "[unknown_area]" in err and "already has" not in err  # a first import has no rows already there
    return db


def _row_of(rectifications: str, problem: str) -> str:
    (row,) = [line for line in rectifications.splitlines() if line.startswith(problem + ",")]
    return row


def test_importing_the_workbook_again_says_what_it_does_not_read_and_the_doc_s_events_do(
        tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    db = _imported(tmp_path, run_cli)
    book = openpyxl.load_workbook(WORKBOOK)
    sheet = book.active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "CA-2021-003":  # next week's copy: 文昌镇's rectification day filled in
            row[headers.index("整改完成时间")].value = dt.datetime(2021, 6, 15)
        if row[headers.index("领域")].value == "饮水":  # and the bad row put right
            row[headers.index("领域")].value = "饮水安全"
    again = tmp_path / "county-ledger-week2.xlsx"
    book.save(again)
    code, out, err = run_cli("ledger", "import", db, str(again), "--by", "县扶贫办")
    assert code == 1 and "imported 1 + rejected 6" in out, out + err  # the fixed row is in, as the doc says
    assert err.count("[duplicate_problem]") == 6
    # Said once, after the rows: what those rows say since is not read, and how to enter it.
    assert "6 row(s) hold problems the ledger already has" in err and "is not read" in err, err
    assert f"responsibility ledger add {db} EVENTS.yaml" in err and "Importing again" in err
    listed = run_cli("ledger", "list", db, "rectifications", "--as-of", "2021-06-20")[1]
    assert _row_of(listed, "CA-2021-003").endswith("整改中")  # the filled-in day was indeed not read
    # docs/ledger.md's events, as it says: stored, and the problem closed.
    guide = (DOCS / "ledger.md").read_text(encoding="utf-8")
    events = tmp_path / "ca-2021-003.yaml"
    events.write_text(block(guide, "ledger-again", "yaml"), encoding="utf-8")
    assert "`responsibility ledger add county.db ca-2021-003.yaml --by 文昌镇`" in guide
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("ledger", "add", "county.db", "ca-2021-003.yaml", "--by", "文昌镇")
    assert code == 0 and "stored 3 event(s)" in out, out + err
    listed = run_cli("ledger", "list", db, "rectifications", "--as-of", "2021-06-20")[1]
    assert _row_of(listed, "CA-2021-003").endswith("已销号") and "已销号" in guide


@pytest.mark.parametrize("command", [["ledger", "list", "{db}", "responsibilities"], ["ledger", "alerts", "{db}"],
                                     ["ledger", "export", "{db}", "{tmp}/out.xlsx"]])
def test_a_ledger_command_given_set_says_how_to_ask_what_if(tmp_path: Path, run_cli: Any,
                                                            command: list[str]) -> None:
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    args = [a.format(db=db, tmp=tmp_path) for a in command]
    code, _, err = run_cli(*args, "--set", "unit_liability_from=grave")
    assert code == 2 and "Did you mean" not in err, err  # (was: Did you mean '--status'?)
    assert "the ledger's commands take no --set" in err and "--rules DIR" in err
    assert "Ledger.open(LEDGER, policy=responsibility.load().with_parameters(NAME=VALUE))" in err


def test_serve_given_set_says_how_and_other_commands_keep_click_s_words(run_cli: Any) -> None:
    code, _, err = run_cli("serve", "--set", "unit_liability_from=grave")
    assert code == 2 and "serve takes no --set" in err and "--rules DIR" in err, err
    code, _, err = run_cli("graph", "--set", "x=1")
    assert code == 2 and "No such option '--set'" in err  # a command with no parameters to set: as before
    code, _, err = run_cli("ledger", "list", "x.db", "problems", "--sett", "x")
    assert code == 2 and "No such option '--sett'" in err


def test_the_ledger_doc_s_what_if_runs_and_changes_the_list(tmp_path: Path, run_cli: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _imported(tmp_path, run_cli)
    monkeypatch.chdir(tmp_path)
    guide = (DOCS / "ledger.md").read_text(encoding="utf-8")
    scope: dict[str, Any] = {}
    exec(compile(block(guide, "ledger-what-if", "python"), "ledger.md", "exec"), scope)
    from responsibility import Ledger

    with Ledger.open("county.db") as ledger:
        default = ledger.lists("2021-06-20")["responsibilities"]
    strict = scope["duties"]
    assert (strict.liability == "unit").sum() < (default.liability == "unit").sum()
    assert (strict.liability == "staff").sum() == (default.liability == "staff").sum()


def test_the_package_docstring_runs_and_says_what_to_do_next(monkeypatch: pytest.MonkeyPatch) -> None:
    import responsibility

    monkeypatch.chdir(ROOT)
    result = doctest.testmod(responsibility, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 4
    doc = responsibility.__doc__ or ""
    for name in ("who_answers", "explain", "assess", "with_parameters", "Ledger", "ProblemError"):
        assert name in doc, name


def test_a_channel_the_text_does_not_name_is_refused_until_an_alias_names_it(tmp_path: Path, run_cli: Any) -> None:
    guide = (DOCS / "records.md").read_text(encoding="utf-8")
    assert "信访" in guide and "`aliases` in `rules/vocabulary.yaml`" in guide
    record = tmp_path / "p.yaml"
    record.write_text('id: x\narea: 饮水安全\nplace: "330127101207"\n'
                      "discovered: {level: 县, channel: 信访, on: 2021-04-02}\nas_of: 2021-06-30\n", encoding="utf-8")
    code, _, err = run_cli("who", str(record))
    assert code == 2 and "unknown channel '信访'" in err
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    vocabulary = rules / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    assert "aliases: [媒体, 舆论监督, 舆论媒体]" in text
    aliases = "aliases: [媒体, 舆论监督, 舆论媒体]"
    vocabulary.write_text(text.replace(aliases, aliases[:-1] + ", 信访]"), encoding="utf-8")
    assert run_cli("validate", str(rules))[0] == 0
    assert run_cli("who", str(record), "--rules", str(rules))[0] == 0


def test_the_data_guide_s_duty_kinds_are_the_vocabulary_s_and_its_checks_come_in_stages(
        tmp_path: Path, run_cli: Any) -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| a duty kind that"))
    listed = re.findall(r"`([a-z_]+)`", row.split("|")[1])
    vocabulary = yaml.safe_load((ROOT / "rules" / "vocabulary.yaml").read_text(encoding="utf-8"))
    assert listed[1:] == [k["id"] for k in vocabulary["duty_kinds"]]  # (the first is `duty_kinds` itself)
    # "a new duty with a holder's Chinese name, an unknown duty kind and a misquoted clause takes two runs"
    # (newcomer42: ids, references and quotes are checked in one run; the loader's types still come first)
    assert "takes two runs" in guide
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    water = rules / "areas" / "water.yaml"
    anchor = "  # 二(六)5(2) 乡镇（街道）\n"
    text = water.read_text(encoding="utf-8")
    assert anchor in text
    duty = ("  - id: water_county_health_network\n    holders: [县卫健局]\n    kinds: [monitoring]\n"
            "    quote: 负责水质监测网路建设\n    en: build the monitoring network\n    clause: 二(六)5(4)\n")
    water.write_text(text.replace(anchor, duty + anchor, 1), encoding="utf-8")
    said = []
    runs = (((("[县卫健局]", "[county_health]"),), 1), ((("[monitoring]", "[oversight]"), ("网路", "网络")), 2))
    for fixes, problems in runs:
        code, out, err = run_cli("validate", str(rules))
        assert code == 1 and f"{problems} problem(s)" in out + err, out + err
        said.append(out + err)
        for fix in fixes:
            water.write_text(water.read_text(encoding="utf-8").replace(*fix, 1), encoding="utf-8")
    assert "[wrong_type]" in said[0] and "unknown duty kind 'monitoring'" in said[1] and "[quote]" in said[1]
    assert run_cli("validate", str(rules))[0] == 0


def test_a_record_read_by_yaml_safe_load_is_told_why_its_on_is_missing() -> None:
    import responsibility

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"refused with `(field 'discovered\.on': is required: [^`]*)`", readme)
    assert said, "README's yaml.safe_load sentence"
    text = block(readme, "own-record", "yaml")
    record = yaml.safe_load(text)  # as a notebook would: on: becomes True
    assert True in record["discovered"]
    policy = responsibility.load()
    for ask in (policy.who_answers, policy.route):
        with pytest.raises(responsibility.ProblemError) as caught:
            ask(record)
        assert caught.value.code == "missing_field" and caught.value.field == "discovered.on"
        assert said.group(1) in str(caught.value) and "pass the file's path instead" in str(caught.value)
    record["discovered"]["on"] = record["discovered"].pop(True)
    with pytest.raises(responsibility.ProblemError, match=r"'handled\[0\]\.on': is required: the record has the key"):
        policy.who_answers(record)
    del record["handled"]
    record["discovered"].pop("on")  # an 'on' simply left out is told as before
    with pytest.raises(responsibility.ProblemError) as caught:
        policy.who_answers(record)
    assert str(caught.value).endswith("field 'discovered.on': is required")


def test_the_service_doc_says_a_request_cannot_set_a_parameter_and_how_to_serve_another(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from responsibility.service import create_app

    doc = (DOCS / "service.md").read_text(encoding="utf-8")
    assert "(`?unit_liability_from=grave`) is 400" in doc and "--rules DIR" in doc
    problem = (ROOT / "examples" / "records" / "problem.json").read_bytes()
    with TestClient(create_app(auth=False, decision_log=str(tmp_path / "d.jsonl"))) as client:
        asked = client.post("/v1/verdict?unit_liability_from=grave", content=problem)
        assert asked.status_code == 400 and asked.json()["error"]["field"] == "query.unit_liability_from"
        default = len(client.post("/v1/verdict", content=problem).json()["findings"])
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    parameters = rules / "parameters.yaml"
    text = parameters.read_text(encoding="utf-8")
    at = text.index("id: unit_liability_from")
    parameters.write_text(text[:at] + text[at:].replace("value: serious", "value: grave", 1), encoding="utf-8")
    with TestClient(create_app(auth=False, rules=str(rules), decision_log=str(tmp_path / "e.jsonl"))) as client:
        other = client.post("/v1/verdict", content=problem).json()["findings"]
    assert len(other) < default and not any(f["liability"] == "unit" for f in other)


def test_a_scenario_file_s_bad_patterns_are_all_named_and_the_data_guide_says_which_names_patterns_take(
        tmp_path: Path, run_cli: Any) -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    assert "`name: 县（市、区）水利部门`" in guide and "`not_rectified` for 整改不到位" in guide
    text = """scenarios:
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
    - {level: 乡镇, basis: 整改未完成, liability: 单位们}
    - {body: 县水务局, basis: supervision}
"""
    path = tmp_path / "mine.scenarios.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("test", str(path))
    assert code == 2 and "validate" not in err, err  # (was: `responsibility validate <tmp>` lists them: no policy)
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert [line.split(":")[2] for line in lines] == ["14", "14", "15"], err  # each at its line, one a line
    # (newcomer42: 整改不到位, 单位 and 县水利局 — the words a verdict prints — are taken; these are not)
    assert "basis '整改未完成'" in err and "liability '单位们'" in err and "body '县水务局'" in err
    path.write_text(text.replace("basis: 整改未完成, liability: 单位们", "basis: not_rectified, liability: unit")
                    .replace("body: 县水务局", "name: 县（市、区）水利部门"), encoding="utf-8")
    code, out, err = run_cli("test", str(path))
    assert code == 0 and "1 passed, 0 failed" in out, out + err


def test_ledger_add_of_a_problem_record_says_it_is_one_and_the_doc_s_events_are_that_record(
        tmp_path: Path, run_cli: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    record = tmp_path / "my-problem.yaml"
    record.write_text(block(readme, "own-record", "yaml"), encoding="utf-8")
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    code, _, err = run_cli("ledger", "add", db, str(record), "--by", "县扶贫办")
    assert code == 2 and "this is a problem record ('WC-2021-001'" in err and "not ledger events" in err, err
    assert "field 'problem': is required" not in err  # (what it was told)
    events = tmp_path / "events.yaml"
    events.write_text(block((DOCS / "ledger.md").read_text(encoding="utf-8"), "record-as-events", "yaml"),
                      encoding="utf-8")
    assert run_cli("ledger", "add", db, str(events), "--by", "县扶贫办")[0] == 0
    listed = run_cli("ledger", "list", db, "responsibilities", "--as-of", "2021-06-30", "--lang", "en")[1]
    found = [line for line in listed.splitlines() if line.startswith("WC-2021-001,") and ",answers," in line]
    said = run_cli("who", str(record))[1].splitlines()[0]
    assert "（按责任计 14 项）" in said and len(found) == 14, (said, listed)
