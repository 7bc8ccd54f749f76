"""Session 60's hostile inputs: what a newcomer's copied rules/, records, ledger and requests really hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- a rules file's value of the wrong type

@pytest.mark.parametrize(("target", "old", "new", "said", "hint"), [
    ("policy.yaml", 'version: "2020.1"', "version: 2020.10", "field 'version': expected text, not the number 2020.1",
     "put it in quotes, as typed"),
    ("areas/water.yaml", "en: Drinking water safety", "en:", "field 'en': expected text, not an empty value",
     "write the text after the colon"),
    ("areas/water.yaml", "en: Drinking water safety", "en: 2021-01-01",
     "field 'en': expected text, not the date 2021-01-01", "unquoted, YAML reads it as a date"),
    ("areas/water.yaml", "en: Drinking water safety", "en: [a, b]", "field 'en': expected text, not a list of 2 items",
     "see the shipped rules/"),
    ("areas/water.yaml", "holders: [village_party_branch, village_committee]", "holders: 42",
     "field 'duties.0.holders': expected a list, not the number 42", "a single item too is a list of one"),
], ids=["number", "empty", "date", "list", "not-a-list"])
def test_a_rules_value_of_the_wrong_type_is_said_in_the_file_s_words(rules_copy: Path, run_cli: Any, target: str,
                                                                      old: str, new: str, said: str,
                                                                      hint: str) -> None:
    """A copied rules/ with ``version: 2020.10`` (YAML's number 2020.1) was refused in pydantic's words, "Input should
    be a valid string (got 2020.1)", "(got None)", "(got ['a', 'b'])" — Python's, not the file's — with "see schemas/"
    as the only advice: now the value as the file holds it, and what to write."""
    _edit(rules_copy / target, old, new)
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 1
    assert said in out and hint in out, out
    assert "Input should" not in out and "None" not in out and "['a'" not in out


def test_a_rules_file_holding_a_list_says_the_file_holds_a_list(rules_copy: Path, run_cli: Any) -> None:
    """"field '(top level)': Input should be a valid dictionary or instance of Area (got ['a'])": a Python class."""
    (rules_copy / "areas" / "water.yaml").write_text("- a\n", encoding="utf-8")
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 1
    assert "water.yaml:1:1: the file holds a list of 1 item, not a mapping of fields" in out, out
    assert "instance of" not in out and "(top level)" not in out


def test_an_empty_rules_file_names_the_fields_it_needs(rules_copy: Path, run_cli: Any) -> None:
    """"file is empty (write a Area here)": a Python class name, in broken English; now the fields the file needs."""
    (rules_copy / "areas" / "water.yaml").write_text("# nothing yet\n", encoding="utf-8")
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 2
    assert "water.yaml:1:1: file is empty" in out and "id, name, en, clause, duties" in out, out
    assert "a Area" not in out


# ---------------------------------------------------------------- serve with a tokens file of no caller

@pytest.mark.parametrize("held", ["[]\n", "tokens: []\n"])
def test_serve_with_a_tokens_file_of_no_caller_says_every_request_will_be_refused(
        tmp_path: Path, monkeypatch: Any, capsys: Any, held: str) -> None:
    """A tokens file holding an empty list started a server that answered every caller 401, "the bearer token is not
    valid here", and said nothing where it was started: the one who started it now reads why."""
    from responsibility.cli._serve import serve
    from responsibility.service import _app

    def stop(settings: Any) -> Any:
        raise SystemExit(0)

    monkeypatch.setattr(_app, "create_app", stop)
    for key in ("RULES", "JURISDICTION", "LEDGER", "TOKENS_FILE", "NO_AUTH", "ENGINE", "DECISION_LOG", "MAX_BODY",
                "MAX_BATCH_RECORDS", "MAX_BATCH_BYTES"):
        monkeypatch.setenv(f"RESPONSIBILITY_{key}", "")
    tokens = tmp_path / "tokens.yaml"
    tokens.write_text(held, encoding="utf-8")
    with pytest.raises(SystemExit):
        serve.main(["--tokens", str(tokens), "--port", "0", "--decision-log", str(tmp_path / "d.jsonl")],
                   standalone_mode=False)
    err = capsys.readouterr().err
    assert f"warning: {tokens} holds no caller: every request but /health and /version will be refused (401)" in err
    assert "responsibility token" in err


# ---------------------------------------------------------------- sqlite:///tmp/x.db is tmp/x.db

def test_a_sqlite_url_of_three_slashes_before_an_absolute_path_says_to_write_four(tmp_path: Path, run_cli: Any,
                                                                                 monkeypatch: Any) -> None:
    """``--ledger sqlite:///srv/county.db`` is srv/county.db under the current directory (SQLAlchemy's form), and was
    refused with "directory srv does not exist", a directory the user never wrote: now the four slashes are named."""
    from responsibility import Ledger, LedgerError

    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "county.db"
    Ledger.create(str(existing)).close()
    url = f"sqlite://{existing}"  # (three slashes before the path's own)
    code, _, err = run_cli("ledger", "verify", url)
    assert code == 2
    assert f"for {existing} write four slashes: sqlite:///{existing}" in err, err
    with pytest.raises(LedgerError, match="write four slashes"):
        Ledger.create(f"sqlite://{tmp_path}/new.db")
    code, _, err = run_cli("ledger", "verify", f"sqlite:///{existing}")  # the four slashes are that ledger
    assert code == 0, err
    code, _, err = run_cli("ledger", "verify", "sqlite:///nowhere/x.db")  # no absolute reading either: no note
    assert code == 2 and "four slashes" not in err


# ---------------------------------------------------------------- ledger import --rejects with no reject

@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_import_with_no_reject_still_writes_its_rejects_file(tmp_path: Path, run_cli: Any, suffix: str) -> None:
    """``ledger import … --rejects rejects.csv`` of a file whose rows were all imported left the rejects file of an
    earlier import in place: its rows read as this import's, and an office put right rows that were already in. Now
    the file holds this import's rejects, none: its headers alone (as `assess --rejects` writes it)."""
    import pandas as pd

    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    rows = tmp_path / "rows.csv"
    rows.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\nA-1,危房改造,330127100219,2021-03-01,县,热线\n",
                    encoding="utf-8")
    rejects = tmp_path / f"rejects{suffix}"
    earlier = pd.DataFrame([{"row": 9, "problem": "OLD-1", "field": "领域", "reason": "an earlier import's",
                             "code": "unknown_area"}])
    if suffix == ".csv":
        earlier.to_csv(rejects, index=False)
    else:
        earlier.to_excel(rejects, index=False)
    code, out, err = run_cli("ledger", "import", str(db), str(rows), "--by", "县扶贫办", "--rejects", str(rejects))
    assert code == 0 and "已导入 1 + 拒收 0" in out, err
    now = pd.read_csv(rejects, encoding="utf-8-sig") if suffix == ".csv" else pd.read_excel(rejects)
    assert list(now.columns) == ["row", "problem", "field", "reason", "code"] and now.empty


# ---------------------------------------------------------------- assess of a mistyped name

@pytest.mark.parametrize("name", ["report.xlsx", "records.xls", "records.csv.gz", "verdict.png"])
def test_assess_of_a_file_that_is_not_there_says_so_whatever_its_name(tmp_path: Path, run_cli: Any,
                                                                        name: str) -> None:
    """``assess report.xlsx``, mistyped, was told "is an Excel workbook: save its sheet as CSV", of a workbook that is
    not there (and a .gz to be unpacked, a .png to be no records): the name was read before the file was looked for."""
    missing = tmp_path / name
    code, _, err = run_cli("assess", str(missing), "-o", str(tmp_path / "out.csv"))
    assert code == 2
    assert f"{missing}: no such file (check the path)" in err, err
    (tmp_path / "link.xlsx").symlink_to(tmp_path / "nowhere.xlsx")  # a link to nothing is no file either
    code, _, err = run_cli("assess", str(tmp_path / "link.xlsx"), "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "link.xlsx: no such file" in err, err


# ---------------------------------------------------------------- graph --place of no place

@pytest.mark.parametrize(("place", "said"), [
    ("999", "Invalid value for --place: division code '999' has 3 digits"),
    ("3301x", "Invalid value for --place: division code '3301x' must be digits only"),
    ("110101", "Invalid value for --place: place 110101 is not in jurisdiction 'zhejiang'; check the code or give the "
               "jurisdiction that contains it with --jurisdiction FILE"),
])
def test_graph_place_of_no_place_is_said_as_the_option_s_mistake(run_cli: Any, place: str, said: str) -> None:
    """``graph --place 999`` said "error: division code '999' has 3 digits", naming no option (--area and --level say
    theirs), and a place of another province was told to "load the jurisdiction", which a command line cannot."""
    code, _, err = run_cli("graph", "--place", place, "--area", "housing")
    assert code == 2
    assert said in err, err
    assert "load the jurisdiction" not in err


# ---------------------------------------------------------------- the workbook of a large, overdue ledger

def test_an_export_makes_each_cell_style_once_not_once_per_cell(tmp_path: Path, monkeypatch: Any) -> None:
    """A county ledger of 30,000 problems, overdue (each cell of an overdue row red), took ten minutes to export:
    openpyxl hashes every style object again each time a cell's fill or number format is set. Each combination is
    now made once and copied; the workbook is the same (red overdue rows, date cells, formula-like text as text)."""
    import openpyxl
    from openpyxl.styles import styleable

    from responsibility import Ledger

    ledger = Ledger.create(str(tmp_path / "county.db"))
    ledger.append([e for i in range(60) for e in (
        {"problem": f"P-{i}", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219",
         "description": "=HYPERLINK(\"x\")" if i % 2 else "漏雨"},
        {"problem": f"P-{i}", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"},
        {"problem": f"P-{i}", "type": "assigned", "on": "2021-03-03", "by_level": "county", "to_level": "township",
         "deadline": "2021-04-01"})], entered_by="县扶贫办")
    sets = 0
    plain = styleable.StyleDescriptor.__set__

    def counted(self: Any, instance: Any, value: Any) -> None:
        nonlocal sets
        sets += 1
        plain(self, instance, value)

    monkeypatch.setattr(styleable.StyleDescriptor, "__set__", counted)
    out = tmp_path / "county.xlsx"
    ledger.export_xlsx(out, as_of="2021-06-30")
    assert sets < 40, sets  # (one per cell was thousands: 60 overdue rows of 16 columns in 整改清单 alone)
    monkeypatch.setattr(styleable.StyleDescriptor, "__set__", plain)
    sheet = openpyxl.load_workbook(out)["整改清单"]
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    assert row[header.index("交办时间")].number_format == "yyyy-mm-dd"
    assert all(c.fill.fgColor.rgb.endswith("FFC7CE") for c in row), [c.fill.fgColor.rgb for c in row]
    described = openpyxl.load_workbook(out)["问题清单"]
    texts = [c for c in described["I"] if c.value == "=HYPERLINK(\"x\")"]
    assert texts and all(c.data_type == "s" and c.quotePrefix for c in texts)


def test_a_scenario_value_of_the_wrong_type_is_said_as_the_file_holds_it(tmp_path: Path) -> None:
    """hostile60 N3: ``clauses: 一(九)`` (text where a list belongs) was refused in pydantic's words ("Input should be a
    valid list"); it is said as the rules files say it, with the value as written and how to write a list."""
    from responsibility import RulesError
    from responsibility.checks._scenarios import load_scenarios

    f = tmp_path / "x.scenarios.yaml"
    f.write_text(
        "scenarios:\n"
        "- name: one\n"
        "  problem: {id: a, area: housing, place: '330127100219'}\n"
        "  expect:\n"
        "    forbidden:\n"
        "    - clauses: 一(九)\n", encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_scenarios(f)
    said = str(info.value)
    assert "expected a list, not the text '一(九)'" in said and "write a list, [a, b]" in said, said
    assert "Input should be" not in said and ":6:" in said, said


def test_two_scenarios_of_one_name_are_refused_at_the_second(tmp_path: Path) -> None:
    """hostile60 N6: a scenario copied and edited under its old name was accepted, and the run reported two results of
    one name; the second is refused at its line, naming the first's."""
    from responsibility import RulesError
    from responsibility.checks._scenarios import load_scenarios

    one = ("- name: {name}\n"
           "  problem: {{id: a, area: housing, place: '330127100219'}}\n"
           "  expect: {{failures: 0}}\n")
    f = tmp_path / "x.scenarios.yaml"
    f.write_text("scenarios:\n" + one.format(name="甲") + one.format(name="乙") + one.format(name="甲"),
                 encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_scenarios(f)
    said = str(info.value)
    assert ":8:" in said and "'甲' names the scenario at line 2 too" in said and "a name of its own" in said, said
    f.write_text("scenarios:\n" + one.format(name="甲") + one.format(name="乙"), encoding="utf-8")
    assert [s.scenario.name for s in load_scenarios(f)] == ["甲", "乙"]


def test_a_refused_place_s_children_are_not_said_again_as_orphans() -> None:
    """hostile60 N4: one township name with a control character made 35 "has no parent" lines, one a village; its
    villages are not missing, only under a row already refused, so one line is said. A parent truly absent is still
    said for each child."""
    from responsibility import Jurisdiction, JurisdictionError

    rows = ["code,name", "330000000000,浙江省", "330100000000,杭州市", "330127000000,淳安县",
            "330127100000,千岛湖镇\x1b[31m"]
    rows += [f"3301271000{i:02d},村{i}" for i in range(1, 8)]
    with pytest.raises(JurisdictionError) as info:
        Jurisdiction.from_csv_text("\n".join(rows) + "\n")
    said = str(info.value)
    assert "1 problem(s)" in said and "control character" in said and "has no parent" not in said, said
    orphans = [*rows[:4], *rows[5:]]  # the township's row left out: each village has no parent
    with pytest.raises(JurisdictionError) as info:
        Jurisdiction.from_csv_text("\n".join(orphans) + "\n")
    assert str(info.value).count("has no parent 330127100000") == 7, str(info.value)


@pytest.mark.parametrize(("text", "said"), [
    ("code,name\n", "holds no place"),
    ("# a comment\ncode,name\n\n", "holds no place"),
    ("code;name\n33;浙江省\n", "separated by ';'; separate them with commas"),
    ("code\tname\n33\t浙江省\n", "separated by '\\t'; separate them with commas"),
])
def test_a_jurisdiction_file_of_no_place_or_another_separator_says_so(text: str, said: str) -> None:
    """hostile60 N4: a header-only jurisdiction was accepted (every record then "not in jurisdiction"), and a
    ';'-separated one was told only "missing column(s) code, name"."""
    from responsibility import Jurisdiction, JurisdictionError

    with pytest.raises(JurisdictionError) as info:
        Jurisdiction.from_csv_text(text)
    assert said in str(info.value), str(info.value)
