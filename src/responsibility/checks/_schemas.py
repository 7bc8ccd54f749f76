"""JSON Schemas of every file the package reads, generated from the pydantic models.

The policy files and amendments (``policy/``), problem records (``engine/``) and scenario
files (this wing): it lives here because this is the lowest wing that sees all of them.

``schemas/`` in the repository holds the committed output; a test fails when it
differs from what the models generate, so the two never drift.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..policy._model import FILE_MODELS


def schema_models() -> dict[str, type[BaseModel]]:
    """Every model that has a schema file, by file stem."""
    models = dict(FILE_MODELS)
    from ..engine._problem import Problem
    from ..policy._amend import Amendment
    from ._scenarios import ScenarioFile

    models["problem"] = Problem
    models["amendment"] = Amendment
    models["scenarios"] = ScenarioFile
    return models


def render(model: type[BaseModel]) -> str:
    """The schema text of ``model``, stable across runs."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_dirs() -> list[Path]:
    """Where committed schemas may be: ``./schemas``, the checkout's ``schemas/``, the package's copy."""
    from importlib import resources

    here = Path(__file__).resolve()
    # (src/responsibility/checks/_schemas.py: the checkout is four folders up; parents[2] was src/ since the checks
    # moved into their wing, so `schemas --check` outside the checkout's root found none; newcomer37 E)
    dirs = [Path("schemas"), here.parents[3] / "schemas" if len(here.parents) > 3 else Path("schemas"),
            Path(str(resources.files("responsibility"))) / "_data" / "schemas"]
    return list(dict.fromkeys(dirs))


def write_schemas(out: Path, *, check: bool = False) -> list[str]:
    """Write (or with ``check`` only compare) each schema; return the names that differ.

    The schemas that differ are written all or none (a full disk leaves every file as it was)."""
    texts: dict[Path, str] = {}
    for name, model in schema_models().items():
        path = out / f"{name}.schema.json"
        text = render(model)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            texts[path] = text
    if texts and not check:
        from .._files import write_texts

        out.mkdir(parents=True, exist_ok=True)
        write_texts(texts.items(), what="schema")
    return [path.name for path in texts]
