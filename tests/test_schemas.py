"""The committed JSON Schemas are exactly what the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from responsibility.checks._schemas import render, schema_models

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_committed_schema_matches_the_model(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"{path} is missing: run `responsibility schemas`"
    assert path.read_text(encoding="utf-8") == render(schema_models()[name]), \
        f"{path.name} is out of date: run `responsibility schemas`"


def test_problem_schema_fixes_the_record_field_names() -> None:
    schema = json.loads((SCHEMAS / "problem.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"id", "area", "domain", "kind", "sector", "place", "severity", "discovered",
                                         "handled", "deadline", "rectified_on", "concealed_by", "as_of"}
    assert schema["additionalProperties"] is False


def test_schemas_check_fails_when_stale(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("schemas", "--check", "--out", str(tmp_path))
    assert code == 1 and "out of date" in err
    code, _, _ = run_cli("schemas", "--out", str(tmp_path))
    assert code == 0
    code, _, _ = run_cli("schemas", "--check", "--out", str(tmp_path))
    assert code == 0
