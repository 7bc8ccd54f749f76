"""Division codes, CSV loading with line-numbered errors, synthetic provinces and the example."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, JurisdictionError, Place
from responsibility.chain._jurisdiction import ancestor_code, level_of, parent_code, parse_code

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "jurisdictions" / "zhejiang-sample.csv"


@pytest.mark.parametrize(
    ("raw", "full", "level"),
    [
        ("33", "330000000000", "province"),
        ("3301", "330100000000", "city"),
        ("330127", "330127000000", "county"),
        ("330127100", "330127100000", "township"),
        ("330127100201", "330127100201", "village"),
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
    assert ancestor_code("330127100201", "county") == "330127000000"
    assert parent_code("330127100201") == "330127100000"
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


def test_the_example_is_real_zhejiang() -> None:
    j = Jurisdiction.example()
    assert EXAMPLE.read_text(encoding="utf-8").startswith("# ")
    assert j.place("33").name == "浙江省"
    assert j.place("330127").name == "淳安县" and j.place("331127").name == "景宁畲族自治县"
    townships = j.children("330127")
    assert len(townships) == 23 and townships[0].name == "千岛湖镇"
    assert all(t.level == "township" for t in townships)
    villages = j.at_level("village")
    assert [v.code for v in villages] == ["330127100201"]
    assert [p.level for p in j.ancestors("330127100201")] == [
        "village",
        "township",
        "county",
        "city",
        "province",
    ]


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
