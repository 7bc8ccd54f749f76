"""The same hint on every road (session 42, wave 2): what ``who_answers`` or ``responsibility assess`` says of a
mistake, ``Policy.assess`` says too — records read with ``yaml.safe_load`` (``on:`` read as ``True``), a list a ledger
wrote given back to ``assess`` — and the errors a notebook user's typos meet say what is wrong and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import responsibility

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
YAML_ON = "the record has the key True where 'on' belongs, as yaml.safe_load reads an unquoted on:"


def _safe_loaded() -> dict[str, Any]:
    import yaml

    record: dict[str, Any] = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    assert True in record["discovered"] and "on" not in record["discovered"]  # YAML 1.1: the key on: is True
    return record


def test_assess_of_records_read_with_safe_load_says_why_on_is_missing(policy: Any) -> None:
    # who_answers said why (newcomer40 #5); assess of the same record said only "field 'discovered.on': is required"
    import pandas as pd

    record = _safe_loaded()
    with pytest.raises(responsibility.ProblemError) as one:
        policy.who_answers(record)
    good = {"id": "fine", "area": "housing", "place": "330127100219"}
    for given in ([good, record], (good, record), pd.DataFrame([good, record])):
        result = policy.assess(given, lang="en")
        assert result.rejected == 1 and result.assessed == 1
        reason = result.rejects.loc[0, "reason"]
        assert result.rejects.loc[0, "record"] == 1 and result.rejects.loc[0, "code"] == "missing_field"
        assert reason == str(one.value), reason  # the words who_answers says
    # a step's on, the discovery's quoted: the step is named
    step = {**record, "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
    result = policy.assess([step])
    assert result.rejects.loc[0, "field"] == "handled[0].on" and YAML_ON in result.rejects.loc[0, "reason"]
    # an on that is simply missing gets no such note
    plain = {**step, "handled": [{"action": "assigned", "by_level": "county", "to_level": "township"}]}
    result = policy.assess([plain])
    assert result.rejects.loc[0, "reason"].endswith("field 'handled[0].on': is required")


def _ledger_lists(tmp_path: Path, lang: str) -> dict[str, Any]:
    from responsibility import Ledger

    ledger = Ledger.create(str(tmp_path / f"office-{lang}.db"))
    ledger.import_file(str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"), entered_by="县扶贫办")
    return ledger.lists("2021-06-20", lang=lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_policy_assess_of_a_list_the_ledger_wrote_says_what_it_is(tmp_path: Path, policy: Any, lang: str) -> None:
    # `responsibility assess p.csv` said so (newcomer42); policy.assess(ledger.lists()["problems"]) said only
    # "the data frame has no 'id' column"
    lists = _ledger_lists(tmp_path, lang)
    for name, zh in (("problems", "问题清单"), ("responsibilities", "责任清单"), ("rectifications", "整改清单")):
        with pytest.raises(responsibility.ResponsibilityError) as caught:
            policy.assess(lists[name])
        said = str(caught.value)
        assert f"This is a ledger's {zh} ({name})" in said and f'Ledger.lists()["{name}"]' in said, said
        assert "`Ledger.record(ID)`" in said and said.count("This is a ledger's") == 1, said


def test_the_cli_says_a_ledger_list_once_and_an_office_table_as_before(tmp_path: Path, run_cli: Any) -> None:
    db = str(tmp_path / "county.db")
    assert run_cli("ledger", "init", db)[0] == 0
    run_cli("ledger", "import", db, str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"), "--by", "县扶贫办")
    listed = str(tmp_path / "p.csv")
    assert run_cli("ledger", "list", db, "problems", "--as-of", "2021-06-20", "-o", listed)[0] == 0
    code, _, err = run_cli("assess", listed)
    assert code == 2 and err.count("This is a ledger's 问题清单 (problems)") == 1, err
    assert "office ledger's headers" not in err, err
    office = tmp_path / "office.csv"
    office.write_text("问题编号,领域,所在地代码,登记时间,状态\nX-1,危房改造,330127100219,2021-03-01,整改中\n",
                      encoding="utf-8")
    code, _, err = run_cli("assess", str(office))
    assert code == 2 and "office ledger's headers" in err and "This is a ledger's" not in err, err


_FLAT = {"id": "x1", "area": "housing", "place": "330127100219", "discovered.level": "county",
         "discovered.channel": "hotline", "discovered.on": "2021-03-01", "as_of": "2021-06-30"}


def test_one_row_or_a_dict_of_columns_given_to_assess_says_what_to_give(policy: Any) -> None:
    # policy.assess(df.iloc[0]) took the row's 7 values for 7 records and rejected each; df.to_dict() was told
    # "pass [record] for one"
    import pandas as pd

    df = pd.DataFrame([_FLAT, {**_FLAT, "id": "x2"}])
    with pytest.raises(TypeError, match=r"got a pandas Series .*policy\.assess\(df\).*policy\.who_answers\(row\)"):
        policy.assess(df.iloc[0])
    for columns in (df.to_dict(), df.to_dict("list")):
        with pytest.raises(TypeError, match=r"a dict of columns .*df\.to_dict\('records'\)"):
            policy.assess(columns)
    assert policy.assess(df).assessed == policy.assess(df.to_dict("records")).assessed == 2  # unchanged


def test_a_frame_s_loop_items_are_told_to_give_the_row_or_the_frame(policy: Any) -> None:
    # who_answers(next(df.iterrows())) said "got a list", itertuples' row "got a Python Pandas"; assess of either
    # loop rejected every row so
    import pandas as pd

    df = pd.DataFrame([_FLAT, {**_FLAT, "id": "x2"}])
    with pytest.raises(responsibility.ProblemError, match=r"\(index, row\) pair.*for _, row in df\.iterrows\(\)"):
        policy.who_answers(next(df.iterrows()))
    with pytest.raises(responsibility.ProblemError, match=r"named tuple \(Pandas.*row\._asdict\(\)"):
        policy.route(next(df.itertuples()))
    for loop in (df.iterrows(), df.itertuples(), list(df.iterrows())):
        with pytest.raises(TypeError, match=r"assess\(\) takes records, got .*give the frame itself"):
            policy.assess(loop)
    # a generator of records is still read whole (its first record looked at, then kept)
    result = policy.assess(row for _, row in df.iterrows())
    assert result.records == result.assessed == 2
    assert policy.who_answers(next(df.iterrows())[1]).problem == "x1"


def test_with_parameters_of_a_dict_says_to_give_keywords(policy: Any) -> None:
    # was "PolicyView.with_parameters() takes 1 positional argument but 2 were given"
    with pytest.raises(TypeError, match=r"takes each parameter as a keyword .*with_parameters\(\*\*values\)"):
        policy.with_parameters({"handling_time_limit_days": 15})
    assert policy.with_parameters(**{"及时交办和上报时限（天）": 15}).what_if == {"handling_time_limit_days": (10, 15)}


def test_records_md_says_what_policy_assess_takes_and_refuses() -> None:
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8").split("## The flat form", 1)[1]
    python = text.split("In Python, `policy.assess` takes", 1)[1].split("\n\n", 1)[0]
    for said in ("df.iterrows()", "df.itertuples()", "df.to_dict()", "`Series`", 'Ledger.lists()["problems"]',
                 "yaml.safe_load", "the record has the key True where 'on'"):
        assert said in python, said


def test_policy_assess_of_an_office_workbook_names_its_headers_as_the_cli_does(policy: Any) -> None:
    # pd.read_excel of the office workbook, then policy.assess(df): "no 'id' column" only; `assess` said more
    import pandas as pd

    df = pd.read_excel(ROOT / "examples" / "ledger" / "county-ledger.xlsx")
    with pytest.raises(responsibility.ResponsibilityError) as caught:
        policy.assess(df)
    said = str(caught.value)
    assert "These are an office ledger's headers (问题编号 is id, 领域 is area" in said, said
    assert "Ledger.import_file in Python" in said and getattr(caught.value, "columns", ()) == tuple(df.columns)


def test_a_datetime_with_a_time_for_today_or_as_of_says_to_give_its_day(policy: Any) -> None:
    # a notebook's today=datetime.now() was told "a date without a time of day is expected", not what to give
    import datetime as dt

    record = {"id": "a", "area": "housing", "place": "330127100219"}
    with pytest.raises(responsibility.ProblemError, match=r"give the day, today=d\.date\(\) of a datetime d"):
        policy.route(record, today=dt.datetime(2021, 6, 30, 10))
    with pytest.raises(responsibility.ProblemError, match=r"give the day, as_of=d\.date\(\)"):
        responsibility.load(as_of=dt.datetime(2021, 6, 30, 10))
    assert policy.route(record, today=dt.datetime(2021, 6, 30)).problem == "a"  # midnight: its day, as before


def test_policy_assess_of_a_ledger_list_s_rows_as_dicts_says_what_they_are(tmp_path: Path, policy: Any) -> None:
    # lists["problems"].to_dict("records"): each row was rejected "field 'problem': unknown field"
    lists = _ledger_lists(tmp_path, "en")
    with pytest.raises(TypeError, match=r"got the rows of a ledger's list\. This is a ledger's 问题清单 \(problems\)"):
        policy.assess(lists["problems"].to_dict("records"))
    assert policy.assess([{"id": "a", "area": "housing", "place": "330127100219", "status": "x"}]).rejected == 1


def test_assess_dask_of_a_pandas_frame_says_what_it_takes(policy: Any) -> None:
    # was AttributeError: 'DataFrame' object has no attribute 'to_delayed'
    import pandas as pd

    for given in (pd.DataFrame([_FLAT]), [_FLAT]):
        with pytest.raises(TypeError, match=r"takes a dask\.dataframe\.DataFrame, got a (pandas DataFrame|list): "
                                            r"policy\.assess\(records\)"):
            policy.assess_dask(given)
