"""docs/records.md cannot drift: fields, vocabulary, reason codes and every example are checked."""

from __future__ import annotations

import ast
import csv
import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._problem import parse_problem

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "schemas" / "problem.schema.json").read_text(encoding="utf-8"))
EXAMPLE = re.compile(r"<!-- example: (valid|invalid (\S+) (\S+)) -->\s*```json\n(.*?)```", re.S)


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("records_doc", ROOT / "tools" / "records_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _block(marker: str, lang: str) -> str:
    m = re.search(rf"<!-- {marker} -->\s*```{lang}\n(.*?)```", DOC, re.S)
    assert m, marker
    return m.group(1)


def test_vocabulary_tables_match_the_rules(policy: Policy) -> None:
    tool = _tool()
    assert tool.rewrite(DOC, tool.render(policy)) == DOC, "run `python tools/records_doc.py`"


def test_field_table_matches_the_schema() -> None:
    table = DOC.split("## Fields", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_.\[\]]+)` \|", table, re.M))
    defs = SCHEMA["$defs"]
    fields = set(SCHEMA["properties"])
    fields |= {f"discovered.{k}" for k in defs["Discovered"]["properties"]}
    fields |= {f"handled[].{k}" for k in defs["Handling"]["properties"]}
    assert documented == fields


def _codes_in(path: Path) -> set[str]:
    """Reason codes a module can give: fail(..., "code"), ProblemError(..., code="…") and _CODES."""
    codes: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "fail" and len(node.args) == 3 and isinstance(node.args[2], ast.Constant):
                codes.add(node.args[2].value)
            if name == "ProblemError":
                codes |= {k.value.value for k in node.keywords
                          if k.arg == "code" and isinstance(k.value, ast.Constant)}
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_CODES" for t in node.targets):
            assert isinstance(node.value, ast.Dict)
            codes |= {v.value for v in node.value.values if isinstance(v, ast.Constant)}
    return codes


def test_reason_codes_are_documented() -> None:
    table = DOC.split("## Reason codes", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
    src = ROOT / "src" / "responsibility"
    given = set().union(*(_codes_in(p) for p in src.rglob("*.py") if p.name in ("_problem.py", "_cli.py")))
    given.add("wrong_type")  # the default for any other type error of pydantic
    assert given <= documented, given - documented
    assert documented <= given, documented - given


def _base() -> dict[str, Any]:
    base: dict[str, Any] = json.loads(_block("base", "json"))
    return base


def _examples() -> list[tuple[str, str | None, str | None, dict[str, Any]]]:
    found = [(m.group(1).split()[0], m.group(2), m.group(3), json.loads(m.group(4))) for m in EXAMPLE.finditer(DOC)]
    assert len(found) >= 30
    return found


@pytest.mark.parametrize(("verdict", "code", "field", "change"), _examples())
def test_examples_are_true(verdict: str, code: str | None, field: str | None, change: dict[str, Any],
                           policy: Policy, example: Jurisdiction) -> None:
    record = {**_base(), **change}
    if "domain" in change:
        record.pop("area", None) if code != "unknown_field" else None
    record = {k: v for k, v in record.items() if v is not None}
    if verdict == "valid":
        parse_problem(record, policy, example)
        return
    with pytest.raises(ProblemError) as info:
        parse_problem(record, policy, example)
    assert (info.value.code, info.value.field) == (code, field), str(info.value)


def test_every_rule_has_a_valid_and_an_invalid_example() -> None:
    rules = DOC.split("## Rules the parser enforces", 1)[1].split("\n## ", 1)[0]
    for section in rules.split("\n### ")[1:]:
        title = section.splitlines()[0]
        assert "example: valid" in section and "example: invalid" in section, title


def _flat(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row of the flat form as the doc describes it."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value == "":
            continue
        if key.startswith("discovered."):
            out.setdefault("discovered", {})[key.split(".", 1)[1]] = value
        elif key in ("discovered", "handled", "concealed_by"):
            out[key] = json.loads(value)
        else:
            out[key] = value
    return out


def test_the_csv_example_parses(policy: Policy, example: Jurisdiction) -> None:
    rows = list(csv.DictReader(io.StringIO(_block("csv", "csv"))))
    assert len(rows) == 2
    for row in rows:
        parse_problem(_flat(row), policy, example)


def test_the_jurisdiction_example_reads() -> None:
    j = Jurisdiction.from_csv_text(_block("jurisdiction", "csv"))
    assert j.place("330127100219").level == "village"


# ------------------------------------------------------------- the same examples through assess

CSV_EXAMPLE = re.compile(r"<!-- csv(?:: invalid (\S+) (\S+))? -->\s*```csv\n(.*?)```", re.S)


def _record(code: str | None, change: dict[str, Any]) -> dict[str, Any]:
    """The base record with an example's change (as test_examples_are_true builds it)."""
    record = {**_base(), **change}
    if "domain" in change and code != "unknown_field":
        record.pop("area", None)
    return {k: v for k, v in record.items() if v is not None}


def _rejects(path: Path) -> dict[int, tuple[str, str]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    return {r["record"]: (r["code"], r["field"]) for r in rows}


@pytest.mark.slow
def test_the_rule_examples_through_assess(run_cli: Any, tmp_path: Path, policy: Policy) -> None:
    """Every example of the rules, as a line of a JSON-lines ledger (`responsibility assess`) and
    as a one-row pandas DataFrame (`policy.assess`): accepted, or refused with its code and field."""
    import pandas as pd

    from responsibility import ResponsibilityError

    examples = _examples()
    src, rejects = tmp_path / "examples.jsonl", tmp_path / "rejects.jsonl"
    src.write_text("".join(json.dumps(_record(code, change), ensure_ascii=False) + "\n"
                           for _, code, _, change in examples), encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "findings.jsonl"), "--rejects", str(rejects))
    invalid = sum(v == "invalid" for v, _, _, _ in examples)
    assert code == 1 and f"records in: {len(examples)}   assessed: {len(examples) - invalid}   " \
        f"rejected: {invalid}" in err, err
    got = _rejects(rejects)
    for i, (verdict, want_code, field, change) in enumerate(examples):
        assert got.get(i) == (None if verdict == "valid" else (want_code, field)), (i, change)
    for verdict, want_code, field, change in examples:
        frame = pd.DataFrame([_record(want_code, change)])
        if (want_code, field in frame.columns) == ("missing_field", False) or \
                (want_code == "unknown_field" and field not in SCHEMA["properties"]):
            with pytest.raises(ResponsibilityError, match=f"'{field}'"):  # a table's columns: one error
                policy.assess(frame)
            continue
        if isinstance(change.get(field), str) and field in ("discovered", "handled", "concealed_by"):
            want_code = "bad_json"  # in a table, text in a nested field is JSON (the flat form)
        result = policy.assess(frame)
        assert result.records == 1 == result.assessed + result.rejected
        assert [(r.code, r.field) for r in result.rejects.itertuples()] == \
            ([] if verdict == "valid" else [(want_code, field)]), change


@pytest.mark.parametrize("number", range(len(CSV_EXAMPLE.findall(DOC))))
def test_the_flat_examples_through_assess(run_cli: Any, tmp_path: Path, policy: Policy, number: int) -> None:
    """The flat/CSV examples as a CSV file (`responsibility assess`) and as `pd.read_csv` (place
    codes read as integers, dates as text): accepted, or each row refused with its code and field."""
    import pandas as pd

    code, field, text = CSV_EXAMPLE.findall(DOC)[number]
    want = None if not code else (code, field)
    n = len(text.strip().splitlines()) - 1
    src, rejects = tmp_path / "ledger.csv", tmp_path / "rejects.jsonl"
    src.write_text(text, encoding="utf-8")
    status, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "findings.csv"), "--rejects", str(rejects))
    assert status == (0 if want is None else 1), err
    assert f"records in: {n}   assessed: {0 if want else n}   rejected: {n if want else 0}" in err, err
    assert _rejects(rejects) == ({} if want is None else dict.fromkeys(range(n), want))
    result = policy.assess(pd.read_csv(io.StringIO(text)))
    assert result.records == n == result.assessed + result.rejected
    assert [(r.code, r.field) for r in result.rejects.itertuples()] == ([] if want is None else [want] * n)
    if want is None:
        assert len(result.findings) > 0


def test_the_ledgers_reason_codes_are_documented() -> None:
    """review19b M6: duplicate_problem, future_date, problem_closed … were in no page; docs/ledger.md lists
    ``ledger.CODES`` (every code the ledger gives) and the service's forbidden_place."""
    from responsibility.ledger._events import CODES

    text = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    table = text.split("## Reason codes", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M)) == set(CODES)
    assert "`forbidden_place`" in table
    given = set().union(*(_codes_in(p) for p in (ROOT / "src" / "responsibility" / "ledger").glob("*.py")))
    assert given <= set(CODES) | set(re.findall(r"`([a-z_]+)`", (ROOT / "docs" / "records.md").read_text(
        encoding="utf-8"))), given - set(CODES)
