"""The package's plan stays true: wings import only the wings below them, and none in a circle.

Ranks (docs/architecture.md): the bottom (``_errors.py``, ``_files.py``, ``_json.py`` and ``_locks.py``) 0 <
``policy`` 1 < ``chain`` 2 < ``engine`` 3 < ``batch`` 4 < ``checks`` and ``ledger`` 5 (they must not import
each other) < ``service`` 6 < ``cli`` 7 < the facade 8 (``__init__``, ``_api``, ``__main__``
and any other top-level module). Every import counts: at module level, inside functions, and under
``TYPE_CHECKING`` alike. A subpackage missing from the table fails, so a new wing must be
placed here first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "responsibility"

#: Top-level modules that form the bottom layer, with the rank of ``_errors``.
BOTTOM = frozenset({"_errors", "_files", "_json", "_locks"})
RANKS = {"_errors": 0, "policy": 1, "chain": 2, "engine": 3, "batch": 4, "checks": 5, "ledger": 5,
         "service": 6, "cli": 7}
FACADE = 8


def wing_of(parts: tuple[str, ...]) -> str:
    """The wing of a module given its path parts under the package ("" for the facade)."""
    if len(parts) > 1:
        return parts[0]
    return "_errors" if parts[0] in BOTTOM else ""


def rank(wing: str) -> int:
    return FACADE if wing == "" else RANKS[wing]


def modules() -> dict[tuple[str, ...], Path]:
    return {path.relative_to(PACKAGE).with_suffix("").parts: path for path in sorted(PACKAGE.rglob("*.py"))}


def target_wing(target: tuple[str, ...]) -> str:
    """The wing an imported module (path parts under the package) belongs to."""
    if target and (PACKAGE / target[0]).is_dir():
        return target[0]
    return "_errors" if target[:1] and target[0] in BOTTOM else ""


def imported_wings(parts: tuple[str, ...], path: Path) -> list[tuple[str, int, str]]:
    """``(wing, line, text)`` for every import of this package's modules in one file."""
    package = parts[:-1]  # the module's package, relative to responsibility
    out: list[tuple[str, int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[tuple[str, ...]] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(package):
                    continue  # above the package: not ours
                base = package[: len(package) - (node.level - 1)]
            elif node.module == "responsibility" or (node.module or "").startswith("responsibility."):
                base = ()
            else:
                continue
            module = tuple(node.module.split(".")) if node.module else ()
            if not node.level:
                module = module[1:]
            mod = (*base, *module)
            # ``from . import x`` or ``from responsibility import chain``: each name may be a module or a wing.
            targets = [(*mod, a.name) for a in node.names] if node.module is None or not mod else [mod]
        elif isinstance(node, ast.Import):
            targets = [tuple(a.name.split(".")[1:]) for a in node.names
                       if a.name == "responsibility" or a.name.startswith("responsibility.")]
        out += [(target_wing(t), node.lineno, ast.unparse(node)) for t in targets]
    return out


def test_every_subpackage_is_a_ranked_wing() -> None:
    wings = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert wings <= set(RANKS), f"add {sorted(wings - set(RANKS))} to RANKS in tests/test_layers.py"


def test_wings_are_documented_and_their_modules_private() -> None:
    for parts, path in modules().items():
        if len(parts) > 1:
            assert parts[-1] == "__init__" or parts[-1].startswith("_"), f"{path}: modules in a wing are private"
            if parts[-1] == "__init__":
                doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
                assert doc and "import" in doc, f"{path}: say what the wing holds and what it may import"


@pytest.mark.parametrize("parts", sorted(modules()), ids=lambda p: ".".join(p))
def test_no_wing_imports_a_wing_above_it(parts: tuple[str, ...]) -> None:
    here = wing_of(parts)
    for wing, line, text in imported_wings(parts, modules()[parts]):
        if wing == here:
            continue
        assert wing in RANKS or wing == "", f"{'/'.join(parts)}.py:{line}: {text} imports an unranked wing {wing!r}"
        assert rank(wing) < rank(here), (
            f"{'/'.join(parts)}.py:{line}: {text} — {here or 'the facade'} (rank {rank(here)}) must not import "
            f"{wing or 'the facade'} (rank {rank(wing)})")


def test_errors_import_nothing_from_the_package() -> None:
    assert imported_wings(("_errors",), PACKAGE / "_errors.py") == []


def test_no_circle_between_wings() -> None:
    edges: dict[str, set[str]] = {}
    for parts, path in modules().items():
        here = wing_of(parts)
        edges.setdefault(here, set()).update(w for w, _, _ in imported_wings(parts, path) if w != here)
    seen: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        assert node not in stack, "import circle between wings: " + " → ".join([*stack, node])
        if node in seen:
            return
        for nxt in sorted(edges.get(node, ())):
            visit(nxt, [*stack, node])
        seen.add(node)

    for wing in sorted(edges):
        visit(wing, [])


def test_the_checker_sees_upward_and_lazy_imports(tmp_path: Path) -> None:
    # The rule can fail: a lazy import of the engine from the policy wing is caught.
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from ..engine._decide import Decider\n    from .. import cli\n"
                      "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from responsibility.batch import _io\n",
                      encoding="utf-8")
    found = {w for w, _, _ in imported_wings(("policy", "x"), source)}
    assert found == {"engine", "cli", "batch"}
