"""Record messages and codes made one across paths (input23; review23b R23b-2, R23b-3; final22 'Messages')."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


def test_a_channel_one_level_runs_says_runs(policy: Policy) -> None:
    """'county run it' → 'county runs it' (engine22b); several levels still 'run it'."""
    record = example()
    record["discovered"] = {**record["discovered"], "level": "city", "channel": "hotline"}
    with pytest.raises(ProblemError, match=r": county runs it \(") as one:
        policy.who_answers(record)
    assert one.value.code == "level_mismatch"
    record["discovered"] = {**record["discovered"], "level": "village", "channel": "audit"}
    with pytest.raises(ProblemError, match=r"county, city, province run it \("):
        policy.who_answers(record)


def test_an_empty_level_is_missing_on_every_path(policy: Policy, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """An empty discovered.level was missing_field in CSV (an empty cell is an absent field) and unknown_level ''
    in Parquet, pandas and dicts: one code now, missing_field (docs/records.md)."""
    import pandas as pd

    row = {"id": "a", "area": "housing", "place": "330127100219", "discovered.level": "",
           "discovered.channel": "hotline", "discovered.on": "2021-03-01", "as_of": "2021-06-30"}
    record = {**{k: v for k, v in row.items() if not k.startswith("discovered.")},
              "discovered": {"level": "", "channel": "hotline", "on": "2021-03-01"}}
    with pytest.raises(ProblemError, match="is empty; give one of village") as e:
        policy.who_answers(record)
    assert e.value.code == "missing_field" and e.value.field == "discovered.level"
    frame = pd.DataFrame([row])
    for given in ([record], frame):
        got = policy.assess(given)
        assert list(got.rejects["code"]) == ["missing_field"], got.rejects
    frame.to_csv(tmp_path / "e.csv", index=False)
    frame.to_parquet(tmp_path / "e.parquet")
    for name in ("e.csv", "e.parquet"):
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(tmp_path / f"{name}.out.csv"),
                               "--rejects", str(tmp_path / f"{name}.rejects.csv"))
        assert code == 1, err
        rejects = (tmp_path / f"{name}.rejects.csv").read_text(encoding="utf-8-sig")
        assert "discovered.level,missing_field" in rejects, (name, rejects)


def test_a_huge_integer_place_is_one_refused_record(policy: Policy) -> None:
    """review23b R23b-3: a place given as an int of over 4,300 digits raised Python's ValueError from who_answers
    and route, and policy.assess lost the whole batch with it."""
    import pandas as pd

    good = example()
    bad = {**good, "id": "B", "place": 10**5000}
    for ask in (policy.who_answers, policy.route):
        with pytest.raises(ProblemError, match="a number of about 5001 digits") as e:
            ask(bad)
        assert e.value.field == "place" and e.value.code == "bad_value"
    for given in ([good, bad], pd.DataFrame([good, bad])):
        got = policy.assess(given)
        assert (got.assessed, got.rejected) == (1, 1) and list(got.rejects["field"]) == ["place"], got.rejects
    # the same record as a table row (dotted discovered.* keys) is read through the bulk path's row reader
    d = bad.pop("discovered")
    dotted = {**bad, **{f"discovered.{k}": v for k, v in d.items()}}
    for ask in (policy.who_answers, policy.route):
        with pytest.raises(ProblemError, match="a number of about 5001 digits") as e:
            ask(dotted)
        assert e.value.field == "place" and e.value.code == "bad_value"


def test_who_answers_reads_a_record_file_with_dotted_keys(policy: Policy, tmp_path: Path) -> None:
    """review23b R23b-2: who_answers("dotted.json") refused what who_answers(dict) and `who FILE` answer."""
    record = example()
    found = record.pop("discovered")
    record.update({f"discovered.{k}": v for k, v in found.items()})
    path = tmp_path / "dotted.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    expected = policy.who_answers(record, engine="compiled").to_dict()
    assert policy.who_answers(path, engine="compiled").to_dict() == expected
    assert policy.who_answers(str(path), engine="compiled").to_dict() == expected
    assert policy.route(path).to_dict() == policy.route(record).to_dict()


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\uffff", "\U0001fffe", "\ufdd0"])
def test_line_separators_and_noncharacters_are_refused_in_text(policy: Policy, char: str) -> None:
    """review23b R23b-7: U+2028/U+2029 (a line break to JSON's readers) and the noncharacter U+FFFF were taken in ids
    while other separators and format characters were refused; now on every path alike, and in the ledger."""
    import pandas as pd

    record = {**example(), "id": f"a{char}b"}
    # (named for what it is since hostile58 #1: a separator or a noncharacter, not "a control character")
    with pytest.raises(ProblemError, match=r"line or paragraph separator|noncharacter") as e:
        policy.who_answers(record)
    assert e.value.code == "bad_value" and e.value.field == "id"
    for given in ([record], pd.DataFrame([record])):
        got = policy.assess(given)
        assert got.rejected == 1 and list(got.rejects["code"]) == ["bad_value"], got.rejects
    ok = {**example(), "id": "a\ue000b一"}  # private use (GB18030 maps some Han there) and Han stay text
    assert policy.who_answers(ok).problem == ok["id"]


def test_the_ledger_refuses_a_line_separator_in_an_id(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    from responsibility import Ledger

    with Ledger.create(str(tmp_path / "l.db")) as ledger, pytest.raises(ProblemError, match="control character"):
        ledger.append({"problem": "a\u2028b", "type": "registered", "on": "2021-03-01", "area": "housing",
                       "place": "330127100219"}, entered_by="x")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\uffff", "\U0001fffe", "\ufdd0"])
def test_the_columnar_readers_refuse_them_too(policy: Policy, char: str, tmp_path: Path, run_cli: Any) -> None:
    """review24b R24b-1: a flat frame, a CSV and a Parquet file are read by the columnar path, whose pattern for ids
    to send to the record's reader knew only control and format characters: these ids were answered there."""
    import pandas as pd

    # (a list cell or a sector would send the record down the reference path, which refused these already)
    plain = {k: v for k, v in example().items() if k not in ("handled", "sector")}
    records = [{**plain, "id": f"a{char}b"}, {**plain, "id": "a\ue000b一"}]
    flat = pd.json_normalize(records)
    assert not any(isinstance(v, (dict, list)) for v in flat.iloc[0])  # the columnar path, not the dict one
    got = policy.assess(flat)
    assert got.rejected == 1 and list(got.rejects["code"]) == ["bad_value"], got.rejects
    assert got.findings["problem"].eq("a\ue000b一").any()
    for suffix in (".csv", ".parquet"):
        src = tmp_path / f"in{suffix}"
        flat.to_csv(src, index=False) if suffix == ".csv" else flat.to_parquet(src)
        code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / f"out{suffix}.csv"), "--no-progress")
        assert code == 1 and "records in: 2   assessed: 1   rejected: 1" in err, err


def test_a_row_of_a_frame_read_from_parquet_is_explained(policy: Policy, tmp_path: Path) -> None:
    """review24b R24b-6: pd.read_parquet gives a list column's cells as numpy arrays; who_answers(df.iloc[i]) took a
    one-step `handled` for the step itself (wrong_type, "got a dict") while assess answered the row."""
    import pandas as pd

    records = [example(), {**example(), "id": "two", "handled": [*example()["handled"], {
        "action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-08"}]}]
    src = tmp_path / "in.parquet"
    pd.json_normalize(records).to_parquet(src)
    frame = pd.read_parquet(src)
    assert type(frame.iloc[0]["handled"]).__module__ == "numpy"
    for i, record in enumerate(records):
        assert policy.who_answers(frame.iloc[i]).to_dict() == policy.who_answers(record).to_dict()
