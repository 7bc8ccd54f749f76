"""What a newcomer met following README.md and docs/ (session 42): a scenario file written with the words a
verdict prints (村委会, 整改不到位, 单位, 乡镇（街道）) was refused; ``validate`` named one stage of mistakes a
run, and an unknown duty kind without the kinds there are; and the docs' claims these pin (a batch sent with
``curl -d``, importing a workbook again from Python or over HTTP, ``yaml.safe_load`` before ``assess``)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

_PROBLEM = """  problem:
    id: WC-2021-001
    area: 饮水安全
    place: "330127101207"
    severity: 较重
    discovered: {level: 县, channel: 热线, on: 2021-04-02}
    handled: [{action: 交办, by_level: 县, to_level: 乡镇, on: 2021-04-06}]
    deadline: 2021-05-06
    as_of: 2021-06-30
"""


def _scenario(tmp_path: Path, expect: str) -> str:
    path = tmp_path / "mine.scenarios.yaml"
    path.write_text(f"scenarios:\n- name: 文屏村饮水：县热线发现，文昌镇未整改\n{_PROBLEM}  expect:\n{expect}",
                    encoding="utf-8")
    return str(path)


def test_a_scenario_pattern_takes_the_words_a_verdict_prints(tmp_path: Path, run_cli: Any) -> None:
    # `responsibility who my-problem.yaml` prints these, in the table and in --explain; copied into a pattern
    # they were each "the pattern names basis '整改不到位', which the policy does not have" (newcomer41 #2)
    code, out, err = run_cli("test", _scenario(tmp_path, """    findings:
    - {body: 村委会, basis: 应发现未发现, liability: 工作人员}
    - {level: 乡镇（街道）, body: 乡镇（街道）, basis: 整改不到位, liability: 单位}
    - {body: 县水利局, basis: 指导督促不到位, liability: 所在单位责任, place: "330127"}
    - {place: 文昌镇, basis: 整改不到位}
    - {name: 县水利部门, basis: 指导督促不到位（supervision）}
    - {body: County water-resources bureau, level: 县（市、区）, basis: supervision, liability: staff}
    forbidden:
    - {basis: 瞒报漏报}
    - {level: 村, basis: 整改不到位}
    - {liability: 领导}
"""))
    assert code == 0 and "1 passed, 0 failed" in out, out + err


def test_a_forbidden_pattern_in_chinese_still_forbids(tmp_path: Path, run_cli: Any) -> None:
    # read as ids, a Chinese pattern matches: 文昌镇 did not rectify it, so forbidding 整改不到位 at 乡镇 fails
    code, out, err = run_cli("test", _scenario(tmp_path, "    forbidden:\n    - {level: 乡镇, basis: 整改不到位}\n"))
    assert code == 1 and "unexpected finding township_government not_rectified/staff" in out + err, out + err


def test_a_failure_report_shows_a_chinese_pattern_as_written_and_what_was_found_in_chinese(
        tmp_path: Path, run_cli: Any) -> None:
    # read as ids, the report named {body: county_party_committee, …}, which the file does not have, and listed what
    # was found by ids alone
    code, out, err = run_cli("test", _scenario(tmp_path, "    findings:\n    - {body: 县委, liability: 领导责任}\n"))
    assert code == 1, out + err
    assert ("- missing finding {body: county_party_committee, liability: leadership} "
            "(written {body: 县委, liability: 领导责任})") in out + err, out + err
    found = "county county_water supervision/unit clauses 一(四) 二(六)5(4) 三(三)  — "
    assert found + "县（市、区）水利部门 指导督促不到位/单位" in out + err, out + err


def test_a_failure_report_says_the_parameters_the_scenario_was_decided_under(tmp_path: Path, run_cli: Any) -> None:
    # a scenario's parameters (Chinese names and values, as --set takes them) decide what was found: say so
    path = _scenario(tmp_path, "    findings:\n    - {level: 乡镇, basis: 整改不到位, liability: 单位}\n")
    text = Path(path).read_text(encoding="utf-8")
    Path(path).write_text(text.replace("  expect:", "  parameters: {unit_liability_from: 严重}\n  expect:"),
                          encoding="utf-8")
    code, out, err = run_cli("test", path)
    assert code == 1 and "  decided under: unit_liability_from=严重\n" in out + err, out + err


def test_a_pattern_s_unknown_chinese_word_is_told_the_nearest_with_its_id(tmp_path: Path, run_cli: Any) -> None:
    code, out, err = run_cli("test", _scenario(tmp_path, """    findings:
    - {basis: 瞒报}
    - {liability: 相关责任}
    - {basis: xyz}
    - {body: 县长}
"""))
    assert code == 2, out + err
    assert "basis '瞒报'" in err and "did you mean 'concealed' (瞒报漏报)?" in err, err
    assert "liability '相关责任'" in err and "did you mean 'staff' (相关工作人员责任)?" in err, err
    # nothing near: every basis, with the Chinese the table shows
    assert "not_discovered (应发现未发现)" in err and "not_rectified (整改不到位)" in err, err
    assert "body '县长'" in err and "a name a record takes for it" in err, err


def test_the_data_guide_says_patterns_take_a_verdict_s_words() -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    assert "words a verdict prints may be copied into a pattern" in guide
    assert "which `body` and `name` both refuse" not in guide


def _rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def test_validate_names_a_duplicate_id_an_unknown_reference_and_a_misquote_in_one_run(
        tmp_path: Path, run_cli: Any) -> None:
    rules = _rules(tmp_path)
    water = rules / "areas" / "water.yaml"
    anchor = "  # 二(六)5(2) 乡镇（街道）\n"
    text = water.read_text(encoding="utf-8")
    assert anchor in text
    duty = ("  - id: water_village_report\n    holders: [county_waterr]\n    kinds: [monitoring]\n"
            "    quote: 负责水质监测网路建设\n    en: build the monitoring network\n    clause: 二(六)5(4)\n")
    water.write_text(text.replace(anchor, duty + anchor, 1), encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    said = out + err
    # the four, and nothing of the checks over the whole (a vacuum, coverage), which wait for sound references
    assert code == 1 and "4 problem(s)" in said and "[vacuum]" not in said, said
    assert "duplicate duty id 'water_village_report'" in said
    assert "unknown body 'county_waterr' (did you mean 'county_water'?)" in said
    assert "unknown duty kind 'monitoring'" in said and "[quote]" in said
    # an unknown kind is told the kinds there are (it said "use one of the duty kind ids defined in rules/")
    assert "defined in rules/: allocation, assignment," in said and "supervision)" in said


def test_the_data_guide_says_what_one_validate_run_names() -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    assert "takes two runs" in guide and "takes three runs" not in guide


def test_the_docs_say_a_batch_goes_with_data_binary_and_what_d_gives() -> None:
    service = (DOCS / "service.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (service, readme):
        assert "--data-binary" in text and "Extra data at column 377" in text
    # and that is what the service answers
    from fastapi.testclient import TestClient

    from responsibility.service import create_app

    jsonl = (ROOT / "examples" / "records" / "problems.jsonl").read_bytes()
    joined = b"".join(jsonl.splitlines())  # what curl -d sends: the lines without their breaks
    with TestClient(create_app(auth=False, decision_log=None)) as client:
        answer = client.post("/v1/assess?today=2021-06-30", content=joined)
    lines = answer.text.splitlines()
    assert answer.status_code == 200 and len(lines) == 2, answer.text
    assert "line 1: not valid JSON (Extra data at column 377)" in lines[0]
    assert '"records":1' in lines[1].replace(" ", "")
    # and a list on one line, as service.md says: refused whole, told how to write it as JSON lines (hostile53: it
    # was one line rejected as not_an_object, where the same list over many lines was 415)
    assert "`not_an_object`" in service and "jq -c '.[]'" in service
    record = (ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8")
    one = " ".join(record.split())
    with TestClient(create_app(auth=False, decision_log=None)) as client:
        answer = client.post("/v1/assess", content="[" + ",".join([one] * 2) + "]")
        assert answer.status_code == 415 and "jq -c '.[]'" in answer.json()["error"]["suggestion"], answer.text
        # a list among record lines is the one reject it is
        answer = client.post("/v1/assess?today=2021-06-30", content=one + "\n[1, 2]\n" + one.replace('"2021-0042"',
                                                                                                      '"2021-0099"'))
    assert answer.status_code == 200 and '"code":"not_an_object"' in answer.text.replace(" ", ""), answer.text


def test_ledger_md_says_python_and_http_imports_reject_known_problems_silently(tmp_path: Path) -> None:
    ledger = (DOCS / "ledger.md").read_text(encoding="utf-8")
    again = ledger.split("## Importing again", 1)[1].split("\n## ", 1)[0]
    assert "`Ledger.import_file`" in again and "`POST /v1/ledger/import`" in again
    assert '"duplicate_problem"' in again and "Nothing updates a problem from a row" in again
    # what it says of the service: a second upload rejects each known problem by that code, and its notes are empty
    from fastapi.testclient import TestClient

    from responsibility import Ledger
    from responsibility.service import create_app

    db = tmp_path / "county.db"
    Ledger.create(str(db))
    workbook = (ROOT / "examples" / "ledger" / "county-ledger.xlsx").read_bytes()
    with TestClient(create_app(auth=False, ledger=str(db), decision_log=None)) as client:
        first, again_ = (client.post("/v1/ledger/import", files={"file": ("county-ledger.xlsx", workbook)}).json()
                         for _ in range(2))
    assert first["imported"] == 6 and again_["imported"] == 0 and again_["notes"] == []
    assert [r["code"] for r in again_["rejects"]].count("duplicate_problem") == 6


def test_the_readme_s_base_loader_advice_reads_the_record_assess_takes() -> None:
    import yaml

    import responsibility

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "yaml.load(f, yaml.BaseLoader)" in readme
    record = yaml.load((ROOT / "examples" / "problems" / "housing-not-discovered.yaml").read_text(encoding="utf-8"),
                       yaml.BaseLoader)
    policy = responsibility.load()
    result = policy.assess([record])
    assert result.rejected == 0 and result.assessed == 1
    assert len(result.findings) == len(policy.who_answers(ROOT / "examples" / "problems"
                                                          / "housing-not-discovered.yaml").findings)


def test_assess_of_a_list_a_ledger_wrote_says_so_and_where_its_verdicts_are(tmp_path: Path, run_cli: Any) -> None:
    # an analyst's next step after the README's ledger day: `ledger list … -o p.csv`, then `assess p.csv`. It said
    # "These are an office ledger's headers …: import the table into a ledger", which is where it came from
    db = str(tmp_path / "county.db")
    assert run_cli("ledger", "init", db)[0] == 0
    run_cli("ledger", "import", db, str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"), "--by", "县扶贫办")
    for name, zh in (("problems", "问题清单"), ("responsibilities", "责任清单"), ("rectifications", "整改清单")):
        for lang in ("zh", "en"):
            listed = str(tmp_path / f"{name}-{lang}.csv")
            assert run_cli("ledger", "list", db, name, "--as-of", "2021-06-20", "--lang", lang, "-o", listed)[0] == 0
            code, _, err = run_cli("assess", listed)
            assert code == 2 and f"This is a ledger's {zh} ({name})" in err, err
            assert "office ledger's headers" not in err and "`responsibility ledger show DB ID`" in err, err
    # an office's own table, with a 状态 column of its own, is still told to be imported
    office = tmp_path / "office.csv"
    office.write_text("问题编号,领域,所在地代码,登记时间,状态\nX-1,危房改造,330127100219,2021-03-01,整改中\n",
                      encoding="utf-8")
    code, _, err = run_cli("assess", str(office))
    assert code == 2 and "office ledger's headers" in err and "This is a ledger's" not in err, err


def test_the_readme_s_own_scenario_passes_as_it_says(tmp_path: Path, run_cli: Any) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- own-scenario -->\s*```yaml\n(.*?)```", readme, re.S)
    assert m, "no block <!-- own-scenario --> in the README"
    path = tmp_path / "my.scenarios.yaml"
    path.write_text(m.group(1), encoding="utf-8")
    code, out, err = run_cli("test", str(path))
    assert code == 0 and "1 passed, 0 failed" in out, out + err
    assert "`1 passed, 0 failed`" in readme.split("<!-- own-scenario -->")[0][-400:]
