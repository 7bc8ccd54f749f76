"""Session 52's hostile inputs (check52b): a jurisdiction's gzip cut short or in several members, a second merge
key (``<<:``) in one mapping, an export written over the workbook the ledger imported, characters that print as
nothing in an id, a body that is its own parent."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, JurisdictionError, Policy, ProblemError, RulesError
from responsibility.policy._yaml import parse_yaml

ROOT = Path(__file__).resolve().parents[1]
ZHEJIANG = ROOT / "examples" / "jurisdictions" / "zhejiang.csv.gz"


def _record() -> dict[str, Any]:
    out: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    return out


# ---------------------------------------------------------------- 1. gzip: every member read, a cut stream refused


def test_a_jurisdiction_in_several_gzip_members_is_read_whole(tmp_path: Path) -> None:
    """``cat a.gz b.gz`` is one gzip file (zcat reads it all); only the first member was read, 199 of 389 places,
    and a record placed in the second was refused as "not in jurisdiction"."""
    lines = gzip.decompress(ZHEJIANG.read_bytes()).decode("utf-8").splitlines(keepends=True)
    cut = len(lines) // 2
    two = tmp_path / "two.csv.gz"
    two.write_bytes(gzip.compress("".join(lines[:cut]).encode()) + gzip.compress("".join(lines[cut:]).encode()))
    whole, parts = Jurisdiction.from_csv(ZHEJIANG), Jurisdiction.from_csv(two)
    assert len(parts) == len(whole) > 1000
    last = lines[-1].split(",")[0]
    assert parts.place(last).name == whole.place(last).name


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.999])
def test_a_jurisdiction_cut_short_is_refused_not_read_in_part(tmp_path: Path, keep: float) -> None:
    """A truncated copy loaded thousands of places with no error, the last name cut short (文 for 文屏村)."""
    data = ZHEJIANG.read_bytes()
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(JurisdictionError, match="ends early"):
        Jurisdiction.from_csv(cut)


def test_gzip_padding_after_the_last_member_is_ignored(tmp_path: Path) -> None:
    padded = tmp_path / "padded.csv.gz"
    padded.write_bytes(ZHEJIANG.read_bytes() + b"\0" * 512)
    assert len(Jurisdiction.from_csv(padded)) == len(Jurisdiction.from_csv(ZHEJIANG))


def test_bytes_after_a_member_that_are_not_gzip_are_refused(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv.gz"
    odd.write_bytes(ZHEJIANG.read_bytes() + b"not gzip at all")
    with pytest.raises(JurisdictionError, match="not gzip"):
        Jurisdiction.from_csv(odd)


# ---------------------------------------------------------------- 2. two merge keys in one mapping


def test_two_merge_keys_in_one_mapping_are_a_duplicate_key() -> None:
    """The second ``<<:`` was dropped without a word: a record's discovery by the province became the county's."""
    text = "a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: *a\n  <<: *b\n"
    with pytest.raises(RulesError) as exc:
        parse_yaml(text, "m.yaml")
    issue = exc.value.issues[0]
    assert (issue.line, issue.column, issue.code) == (5, 3, "duplicate_key"), issue
    assert "first at line 4" in issue.message and "<<: [*a, *b]" in issue.hint


def test_a_list_of_merges_and_a_merge_with_own_keys_stay_legal() -> None:
    data, _ = parse_yaml("a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n  z: 4\n", "m.yaml")
    assert data["c"] == {"x": 1, "y": 3, "z": 4}


def test_a_record_with_two_merges_is_refused_where_it_stands(tmp_path: Path, run_cli: Any) -> None:
    rec = tmp_path / "mrg.yaml"
    rec.write_text("id: M1\narea: housing\nkind: housing_renovation_late\nplace: '330127100219'\ndiscovered:\n"
                   "  <<: {level: county, channel: hotline, 'on': 2021-03-01}\n"
                   "  <<: {level: province, channel: audit, 'on': 2021-03-01}\nas_of: 2021-06-30\n", encoding="utf-8")
    code, out, err = run_cli("who", str(rec))
    assert code == 2 and f"{rec}:7:3" in err and "duplicate key '<<'" in err and not out, err
    assert "Traceback" not in err


def test_rules_with_two_merges_do_not_validate(tmp_path: Path, run_cli: Any) -> None:
    """`validate` said OK, and a duty's second merged value was lost."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    housing = rules / "areas" / "housing.yaml"
    lines = housing.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("  - id: housing_village_report\n")
    lines[at + 1:at + 1] = ["    <<: {note: one}\n", "    <<: {note: two}\n"]
    housing.write_text("".join(lines), encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    assert code == 2 and f"housing.yaml:{at + 3}:5" in err + out and "duplicate key '<<'" in err + out, (out, err)


def test_a_ledger_event_with_two_merges_stores_nothing(tmp_path: Path, run_cli: Any,
                                                       one_problem_ledger: Any) -> None:
    """`ledger add` stored the first merge's 'rectified' in the hash chain and lost the second's 'verified'."""
    db = one_problem_ledger("CA-1")
    ev = tmp_path / "ev.yaml"
    ev.write_text("- problem: CA-1\n  <<: {type: rectified, 'on': 2021-06-18}\n  <<: {type: verified, 'on': "
                  "2021-06-19}\n", encoding="utf-8")
    code, out, err = run_cli("ledger", "show", db, "CA-1")
    before = out
    code, _, err = run_cli("ledger", "add", db, str(ev), "--by", "x")
    assert code == 2 and "duplicate key '<<'" in err, err
    code, out, _ = run_cli("ledger", "show", db, "CA-1")
    assert out == before


# ---------------------------------------------------------------- 3. the imported workbook is an input


@pytest.mark.parametrize("how", ["export", "list"])
def test_the_workbook_a_ledger_imported_is_not_written_over(tmp_path: Path, run_cli: Any, how: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`ledger export DB orig.xlsx` (and `ledger list DB problems -o orig.xlsx`) replaced the office's workbook the
    ledger was imported from, whose name the ledger's record of imports keeps."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "examples" / "ledger" / "county-ledger.xlsx", tmp_path / "orig.xlsx")
    original = (tmp_path / "orig.xlsx").read_bytes()
    assert run_cli("ledger", "init", "county.db")[0] == 0
    code, _, err = run_cli("ledger", "import", "county.db", "orig.xlsx", "--by", "clerk")
    assert code in (0, 1), err
    args = (["ledger", "export", "county.db", "orig.xlsx"] if how == "export"
            else ["ledger", "list", "county.db", "problems", "-o", "orig.xlsx"])
    code, _, err = run_cli(*args, "--as-of", "2021-06-20")
    assert code == 2 and "orig.xlsx is also an input" in err, err
    assert (tmp_path / "orig.xlsx").read_bytes() == original
    code, _, err = run_cli(*[a if a != "orig.xlsx" else "new.xlsx" for a in args], "--as-of", "2021-06-20")
    assert code == 0 and (tmp_path / "new.xlsx").stat().st_size > 0, err


# ---------------------------------------------------------------- 4. characters that print as nothing


@pytest.mark.parametrize("char", ["\u034f", "\u3164", "\ufe0f", "\u115f", "\U000e0100"])
def test_an_id_holding_an_invisible_character_is_refused_on_every_path(policy: Policy, char: str) -> None:
    """'CA-1' and 'CA-\\u034f1' printed alike and were two problems: default-ignorable characters that are not
    format characters (Cf, refused already) passed."""
    rec = _record()
    rec["id"] = f"CA-{char}1"
    with pytest.raises(ProblemError) as e:
        policy.who_answers(rec)
    assert e.value.code == "bad_value" and "invisible character" in str(e.value), str(e.value)
    assessment = policy.assess([rec])
    assert len(assessment.rejects) == 1 and assessment.rejects.loc[0, "code"] == "bad_value"
    assert "invisible character" in assessment.rejects.loc[0, "reason"]


def test_visible_text_beside_those_characters_is_kept(policy: Policy) -> None:
    rec = _record()
    rec["id"] = "淳安-２０２１-ä-\u0301x"  # a combining accent shows: not refused
    assert policy.who_answers(rec).findings


def test_a_ledger_event_naming_a_problem_with_an_invisible_character_is_refused(
        tmp_path: Path, run_cli: Any, one_problem_ledger: Any) -> None:
    db = one_problem_ledger("CA-1")
    ev = tmp_path / "ev.yaml"
    ev.write_text("- {problem: \"CA-\\u034f1\", type: rectified, 'on': 2021-06-18}\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", db, str(ev), "--by", "x")
    assert code == 2 and "invisible character" in err, err


def test_a_description_may_hold_a_variation_selector(tmp_path: Path, run_cli: Any, one_problem_ledger: Any) -> None:
    """Free text (a description) is what an office wrote: an emoji's variation selector there is kept."""
    db = one_problem_ledger("CA-1")
    ev = tmp_path / "ev.yaml"
    ev.write_text("- {problem: CA-2, type: registered, 'on': 2021-03-01, area: housing, place: '330127100219', "
                  "description: \"ok \\u2714\\ufe0f\"}\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", db, str(ev), "--by", "x")
    assert code == 0, err


# ---------------------------------------------------------------- 5. a body that is its own parent


def test_a_body_that_is_its_own_parent_is_a_cycle(tmp_path: Path, run_cli: Any) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    bodies = next(p for p in rules.rglob("*.yaml") if "id: county_party_committee\n" in p.read_text("utf-8"))
    text = bodies.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "- id: county_party_committee")
    block_end = next(i for i in range(at + 1, len(lines)) if lines[i].lstrip().startswith("- id:"))
    parent = next((i for i in range(at, block_end) if lines[i].strip().startswith("parent:")), None)
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
    new = f"{indent}parent: county_party_committee\n"
    if parent is None:
        lines.insert(at + 1, new)
    else:
        lines[parent] = new
    bodies.write_text("".join(lines), encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    said = out + err
    assert code != 0 and "[cycle]" in said and "county_party_committee → county_party_committee" in said, said


# ---------------------------------------------------------------- 6. messages that named the wrong thing


@pytest.mark.parametrize(("event", "said"), [
    ("{problem: CA-1, typo: verified, 'on': 2021-06-20}", "unknown field 'typo' (did you mean 'type'?)"),
    ("{problem: CA-1, 'on': 2021-06-20}", "field 'type': is required: the event's type, one of registered")])
def test_an_event_without_its_type_names_the_key(tmp_path: Path, run_cli: Any, one_problem_ledger: Any,
                                                 event: str, said: str) -> None:
    """Both were told "unknown event type null (nothing)", the misspelled key not named."""
    db = one_problem_ledger("CA-1")
    ev = tmp_path / "ev.yaml"
    ev.write_text(f"- {event}\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", db, str(ev), "--by", "x")
    assert code == 2 and said in err and "unknown event type" not in err, err


@pytest.mark.parametrize(("name", "said"), [("in.csv", "assess a table with `responsibility assess"),
                                            ("in.xlsx", "responsibility ledger import")])
def test_a_table_given_to_test_is_told_it_is_no_scenario_file(tmp_path: Path, run_cli: Any, name: str,
                                                              said: str) -> None:
    """It was read as YAML: "in.csv:2:80: YAML syntax error: mapping values are not allowed in this context"."""
    table = tmp_path / name
    table.write_text("id,area,place\n1,housing,330127\n", encoding="utf-8")
    code, _, err = run_cli("test", str(table))
    assert code == 2 and "not a scenario file" in err and said in err and "YAML syntax" not in err, err


def test_a_problem_record_given_as_tokens_is_told_so(run_cli: Any) -> None:
    """It was told "not null under tokens", though the file has no tokens key at all."""
    code, _, err = run_cli("serve", "--tokens", str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml"))
    assert code == 2 and "no tokens key" in err and "a problem record" in err, err


def test_a_home_that_does_not_exist_is_no_cache_and_is_not_made(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """HOME=/nonexistent made the cache's makedirs create /nonexistent/.cache/responsibility (check52b #13)."""
    from responsibility.policy import _cache

    home = tmp_path / "nonexistent"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("RESPONSIBILITY_CACHE_DIR", raising=False)
    monkeypatch.delenv("RESPONSIBILITY_CACHE", raising=False)
    with pytest.raises(RuntimeError, match="does not exist"):
        _cache.cache_dir()
    _cache.write_entry("test52", "k", 1, {"a": 1}, keep=2)
    assert _cache.read_entry("test52", "k", 1) is None and not home.exists()
    home.mkdir()
    _cache.write_entry("test52", "k", 1, {"a": 1}, keep=2)
    assert _cache.read_entry("test52", "k", 1) == {"a": 1}
