"""Jurisdiction CSV: a place name with a control character, a cell over the csv
module's limit — exit 2 naming the line (were: accepted; exit 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "jurisdictions" / "zhejiang-sample.csv"
PROBLEM = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


@pytest.mark.parametrize(("extra", "words"), [
    ("330127100298,村\x00名\n", r"holds a control character ('\x00')"),
    ("330127100297,\u202eRTL村\n", r"holds a control character ('\u202e')"),  # shows the name reversed
    ("330127100296,\x1b[31m红村\n", r"holds a control character ('\x1b')"),
    ('330127100295,"' + "b" * 200_000 + "\n", "not valid CSV (field larger than field limit"),
    ("a" * 200_000, "not valid CSV (field larger than field limit"),
])
def test_a_jurisdiction_row_that_cannot_hold_a_place_is_refused(run_cli: Callable[..., tuple[int, str, str]],
                                                                tmp_path: Path, extra: str, words: str) -> None:
    j = tmp_path / "j.csv"
    j.write_text(("" if extra.startswith("a") else SAMPLE.read_text(encoding="utf-8")) + extra, encoding="utf-8")
    code, _, err = run_cli("who", str(PROBLEM), "--jurisdiction", str(j), "--format", "json")
    assert code == 2 and words in err and "internal error" not in err, err
    assert "j.csv:" in err  # located


def test_a_full_width_space_in_a_name_is_still_a_name() -> None:
    from responsibility import Jurisdiction

    j = Jurisdiction.from_csv_text("code,name\n33,浙江\u3000省\n")
    assert j.place("33").name == "浙江\u3000省"


def test_a_jurisdiction_of_places_without_the_place_above_says_which_is_missing() -> None:
    """A jurisdiction built from Place objects is not checked as a CSV is: a place whose containing place is missing
    was an AssertionError (an internal error) when a record there was judged; it is a JurisdictionError naming both."""
    import responsibility
    from responsibility import Jurisdiction, JurisdictionError, Place

    j = Jurisdiction([Place("330000000000", "浙江省", "province"), Place("330127000000", "淳安县", "county")])
    record = {"id": "x", "area": "housing", "place": "330127",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-01"}
    with pytest.raises(JurisdictionError, match=r"330127000000 \(淳安县\).*containing it, 330100000000, is not"):
        responsibility.load().who_answers(record, jurisdiction=j, engine="compiled")
    with pytest.raises(JurisdictionError, match="330100000000"):
        j.ancestors("330127")
