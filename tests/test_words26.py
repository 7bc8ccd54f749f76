"""review26 #8 and #9 (words26): a Chinese reader reads every parameter value in Chinese, and a concealment's reason
names the check it was hidden from.

#8: Chinese output showed a choice parameter's value as its English id (`督促整改责任的范围=own_and_level_above`,
`--explain`'s `= 'grave'`, `assess --report`'s 取值 `own_and_level_above`, `False`). rules/parameters.yaml now names
every choice in Chinese (`choices_zh`, checked by the model: exactly the choices), and Chinese output writes a choice
as `中文（id）` (the id is what `--set` takes), through engine/_verdict_view.value_zh. English output is unchanged.

#9: a department that hid a problem from its own level's audit (same_level_oversight_concealment) was told
"在上级核查和巡视审计等过程中瞒报漏报该问题"; the reason now names the check the record shows, by whom.

Every test here fails before words26.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import responsibility
from responsibility import Policy
from responsibility.engine._verdict_view import case_of, value_zh

ROOT = Path(__file__).resolve().parents[1]
README_EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"

#: README's Python tour record (its 依据解释 names supervision_scope).
TOUR = {
    "id": "2021-0042", "area": "housing", "kind": "housing_renovation_late", "sector": "construction",
    "place": "330127100219", "severity": "serious",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05"}],
    "deadline": "2021-05-31", "as_of": "2021-06-30",
}
#: A county department that hid the problem from the county's own audit (same_level_oversight_concealment), and a
#: county named as concealer from the province's 巡视 (concealing_level_body).
OWN_AUDIT = {"id": "K1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
             "severity": "serious", "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01",
                                                   "body": "county_audit"},
             "concealed_by": ["county_construction"], "as_of": "2021-04-01"}
PROVINCE_TOUR = {**OWN_AUDIT, "id": "K2", "discovered": {"level": "province", "channel": "inspection_tour",
                                                        "on": "2021-03-01"}, "concealed_by": ["county"]}

OWN_LEVEL = "本级及上一已知悉层级（own_and_shown_above）"  # (the default since fid32a)
ENGINES = ["compiled", "durable"]


def _write(tmp_path: Path, *records: dict[str, Any]) -> str:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(list(records) if len(records) > 1 else records[0], ensure_ascii=False),
                    encoding="utf-8")
    return str(path)


# ------------------------------------------------------------------------------------------- the data

def test_every_choice_of_every_choice_parameter_has_a_chinese_name(policy: Policy) -> None:
    choices = [p for p in policy.parameters.values() if p.type == "choice"]
    assert choices
    for p in choices:
        assert p.choices_zh is not None, p.id
        assert list(p.choices_zh) == [str(c) for c in p.choices or []], p.id
        for c, zh in p.choices_zh.items():
            assert zh and not zh.isascii(), (p.id, c, zh)
            assert value_zh(policy, p.id, c) == f"{zh}（{c}）"
    # the names the text's own readings give (why_zh)
    assert value_zh(policy, "supervision_scope", "all_levels") == "以上各级（all_levels）"
    assert value_zh(policy, "supervision_scope", "none") == "不追究（none）"
    assert value_zh(policy, "receiving_level_body", "unresolved") == "未确定（unresolved）"
    # a severity and yes or no as before (--set takes those words), their ids where the reader is shown ids
    assert value_zh(policy, "leadership_liability_from", "grave") == "严重"
    assert value_zh(policy, "leadership_liability_from", "grave", True) == "严重（grave）"
    assert value_zh(policy, "outside_channel_finder_level", False) == "否"
    assert value_zh(policy, "outside_channel_finder_level", False, True) == "否（false）"


def test_the_schema_knows_choices_zh() -> None:
    schema = json.loads((ROOT / "schemas" / "parameters.schema.json").read_text(encoding="utf-8"))
    assert "choices_zh" in json.dumps(schema)


def _edit(rules: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in rules/parameters.yaml; the 1-based line it is on."""
    f = rules / "parameters.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "said"), [
    # a choice left unnamed: which, and what to write
    ("none: 不追究}", "}", "choices_zh gives no Chinese name for 'none': add `none: 中文名` under choices_zh"),
    # a name for no choice: which, and the choice it reads like
    ("next_level: 仅最近一级", "next_levels: 仅最近一级",
     "choices_zh names 'next_levels', which is not one of its choices: own_and_shown_above, own_and_level_above, "
     "next_level, all_levels, none (did you mean 'next_level'?)"),
])
def test_a_parameter_file_whose_choices_zh_misses_or_invents_a_choice_is_refused(
        rules_copy: Path, old: str, new: str, said: str) -> None:
    line = _edit(rules_copy, old, new)
    issues = [str(i) for i in responsibility.validate(rules_copy)]
    assert any(said in i for i in issues), issues
    assert any(re.search(rf"parameters\.yaml:{line}:\d+: ", i) for i in issues if said in i), (line, issues)


def test_only_a_choice_parameter_has_choices_zh(rules_copy: Path) -> None:
    line = _edit(rules_copy, "    type: days\n", "    type: days\n    choices_zh: {ten: 十天}\n") + 1
    issues = [str(i) for i in responsibility.validate(rules_copy)]
    assert any(f"parameters.yaml:{line}:" in i and "remove choices_zh" in i for i in issues), issues


# ------------------------------------------------------------------------- the outputs, in Chinese

@pytest.mark.parametrize("engine", ENGINES)
def test_who_table_footer_names_a_choice_in_chinese(run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path,
                                                    engine: str) -> None:
    code, out, err = run_cli("who", _write(tmp_path, TOUR), "--engine", engine)
    assert code == 0, err
    footer = next(x for x in out.splitlines() if x.startswith("依据解释："))
    assert f"督促整改责任的范围={OWN_LEVEL}" in footer, footer
    assert "=own_and_shown_above" not in footer


@pytest.mark.parametrize("engine", ENGINES)
def test_explain_in_chinese_names_every_value_in_chinese_with_its_id(policy: Policy, engine: str) -> None:
    text = policy.who_answers(TOUR, engine=engine).explain()
    assert f"参数 supervision_scope（督促整改责任的范围） = {OWN_LEVEL}" in text
    assert "参数 leadership_liability_from（追究领导责任的严重程度） = 严重（grave）" in text
    assert f"supervision_scope（参数「督促整改责任的范围」） = {OWN_LEVEL}：" in text
    assert "= 'grave'" not in text and "= grave" not in text and "= own_and_shown_above" not in text
    concealed = policy.who_answers(PROVINCE_TOUR, engine=engine).explain()
    assert "concealing_level_body（参数「记录只写明瞒报层级时的瞒报单位」） = 未确定（unresolved）：" in concealed


@pytest.mark.parametrize("engine", ENGINES)
def test_a_what_if_names_both_values_in_chinese(policy: Policy, run_cli: Callable[..., tuple[int, str, str]],
                                                tmp_path: Path, engine: str) -> None:
    code, out, err = run_cli("who", _write(tmp_path, TOUR), "--engine", engine, "--set", "supervision_scope=all_levels")
    assert code == 0, err
    assert "督促整改责任的范围=以上各级（all_levels）" in out.splitlines()[0]  # the headline
    v = policy.with_parameters(supervision_scope="all_levels").who_answers(TOUR, engine=engine)
    assert f"supervision_scope = 以上各级（all_levels）（规则为 {OWN_LEVEL}）" in v.explain()
    assert "督促整改责任的范围=以上各级（all_levels）" in v._repr_html_()
    notes = " ".join(case_of(v, "zh").notes)
    assert f"supervision_scope=以上各级（all_levels）（规则为 {OWN_LEVEL}）" in notes, notes
    assert "'all_levels'" not in notes


def test_the_verdict_html_names_a_choice_in_chinese(policy: Policy) -> None:
    html = policy.who_answers(TOUR)._repr_html_()
    assert f"督促整改责任的范围={OWN_LEVEL}" in html


def test_assess_report_and_summary_name_values_in_chinese(policy: Policy, run_cli: Callable[..., tuple[int, str, str]],
                                                         tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(TOUR, ensure_ascii=False) + "\n", encoding="utf-8")
    report = tmp_path / "r.html"
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.csv"), "--report", str(report),
                           "--set", "supervision_scope=none")
    assert code == 0, err
    # (the parameter by its Chinese name, as who and route name it: newcomer42b)
    assert f"督促整改责任的范围=不追究（none）（规则：{OWN_LEVEL}）" in err, err
    page = report.read_text(encoding="utf-8")
    assert f"不追究（none）（规则默认值：{OWN_LEVEL}）" in page  # the what-if banner and the parameters' table
    assert "未确定（unresolved）" in page and "否（false）" in page and "较重（serious）" in page
    assert not re.search(r"<td>(own_and_shown_above|unresolved|False|True)</td>", page)
    english = policy.assess([TOUR]).report_html(lang="en")
    assert "<td>own_and_shown_above</td>" in english and "<td>False</td>" in english


def test_english_output_does_not_read_the_chinese_names(run_cli: Callable[..., tuple[int, str, str]],
                                                        rules_copy: Path) -> None:
    """README's examples in English, byte for byte the same with and without choices_zh in the rules."""
    f = rules_copy / "parameters.yaml"
    f.write_text("".join(x for x in f.read_text(encoding="utf-8").splitlines(keepends=True)
                         if not x.startswith("    choices_zh:")), encoding="utf-8")
    assert "choices_zh" not in f.read_text(encoding="utf-8")

    def outputs(rules: Path | None) -> list[str]:
        got = []
        extra = ["--rules", str(rules)] if rules else []
        for args in (["--lang", "en"], ["--lang", "en", "--explain"], ["--format", "json"],
                     ["--lang", "en", "--explain", "--set", "supervision_scope=all_levels"],
                     ["--lang", "en", "--set", "unit_liability_from=grave"]):
            code, out, err = run_cli("who", str(README_EXAMPLE), *args, *extra)
            assert code == 0, err
            got.append(out)
        return got

    assert outputs(None) == outputs(rules_copy)


# ------------------------------------------------------------------------------ #9: concealment

@pytest.mark.parametrize("engine", ENGINES)
def test_a_concealment_reason_names_the_check_the_record_shows(policy: Policy, engine: str) -> None:
    own = policy.who_answers(OWN_AUDIT, engine=engine)
    reasons = [f.reason for f in own.findings if f.basis == "concealed"]
    said = "县（市、区）建设部门（淳安县）在县（市、区）审计部门通过审计发现该问题的过程中瞒报漏报。"
    assert reasons and all(r == said for r in reasons), reasons
    assert all("上级" not in r for r in reasons)
    assert next(f.reason_en for f in own.findings if f.basis == "concealed") == (
        "County construction bureau (淳安县) concealed or omitted the problem when the County audit bureau found it "
        "through audit.")
    higher = [f.reason for f in policy.who_answers(PROVINCE_TOUR, engine=engine).findings if f.basis == "concealed"]
    assert higher and all("在省通过巡视发现该问题的过程中瞒报漏报" in r for r in higher), higher


def test_a_concealment_reason_is_the_same_in_a_bulk_assessment(policy: Policy) -> None:
    frame = policy.assess([OWN_AUDIT, PROVINCE_TOUR]).findings
    rows = frame[frame["basis"] == "concealed"]
    assert len(rows) and set(rows["reason"]) == {
        "县（市、区）建设部门（淳安县）在县（市、区）审计部门通过审计发现该问题的过程中瞒报漏报。",
        "县（市、区）建设部门（淳安县）在省通过巡视发现该问题的过程中瞒报漏报。"}


def test_the_shipped_parameters_file_is_yaml_with_choices_zh_mappings() -> None:
    data = yaml.safe_load((ROOT / "rules" / "parameters.yaml").read_text(encoding="utf-8"))
    assert all(isinstance(p.get("choices_zh"), dict) for p in data["parameters"] if p["type"] == "choice")
