"""Messages, the input contract and urban communities in every view (hostile26; review25 R25-8, R25-9, R25-13,
session 25's note items 4 and 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- R25-9: an id comes back as given


#: Ids that NFKC would change: full-width letters and digits, a circled digit, a ligature, a half-width katakana,
#: a compatibility ideograph.
FOLDED_IDS = ["ＡＢ１", "2021－０042", "①", "ﬁle-7", "ｶ12", "豈-1"]


@pytest.mark.parametrize("rid", FOLDED_IDS)
def test_an_id_comes_back_exactly_as_given_at_every_entry_point(  # type: ignore[no-untyped-def]
        policy: Policy, tmp_path: Path, run_cli, client, rid: str) -> None:
    """review25 R25-9: a record's id was NFKC-normalised on the way in (ＡＢ１ came back AB1), so a caller's join of
    the answers back onto its records by id failed. The id is the sender's key: who, route, assess and the service
    give it back as written (only names of the policy's terms are folded, where they are matched)."""
    from tests.test_service import bearer

    record = dict(example(), id=rid)
    assert policy.who_answers(record).problem == rid
    assert policy.route(record).problem == rid
    got = policy.assess([record])
    assert set(got.findings["problem"]) == {rid}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert policy.who_answers(path).problem == rid
    for command in ("who", "route"):
        code, out, _ = run_cli(command, str(path), "--format", "json")
        assert code == 0 and json.loads(out)["problem"] == rid, (command, out)
    lines = tmp_path / "r.jsonl"
    lines.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(lines), "-o", str(tmp_path / "out.csv"))
    assert code == 0, err
    import pandas as pd

    assert set(pd.read_csv(tmp_path / "out.csv", dtype=str, encoding="utf-8-sig")["problem"]) == {rid}
    body = json.dumps(record, ensure_ascii=False).encode()
    r = client.post("/v1/verdict", content=body, headers=bearer("chunan"))
    assert r.status_code == 200 and r.json()["problem"] == rid, r.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn")), min_size=1,
               max_size=20).filter(lambda s: s.strip() and s == s.strip()))
def test_any_printable_id_is_kept(policy: Policy, rid: str) -> None:
    """An id of printable text, without spaces at either end, is the verdict's problem as given, whichever path
    (the plain one or the model's) reads it."""
    assert policy.who_answers(dict(example(), id=rid)).problem == rid


def test_an_id_with_a_control_character_is_still_refused(policy: Policy) -> None:
    """Keeping the id as written does not let through what NFKC used to hide: a control character is refused."""
    with pytest.raises(ProblemError) as e:
        policy.who_answers(dict(example(), id="ＡＢ\u0007"))
    assert e.value.code == "bad_value" and e.value.field == "id"


# ---------------------------------------------------------------- R25-8: a wrong sector's refusal


def _sector_record(area: str, sector: str) -> dict[str, Any]:
    return {"id": "s", "area": area, "sector": sector, "place": "330127100219", "severity": "serious",
            "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
            "as_of": "2021-06-30"}


def test_a_wrong_sector_is_told_the_lines_the_area_names_and_why_it_is_not_in_an_open_list(policy: Policy) -> None:
    """review25 R25-8: housing with sector water was refused with every line an open list takes in (agri_academy,
    electric_power, school …) as if each were named, while water, as absent from 二(六)4(7)'s list as they, was
    refused without a word why. The refusal now names the lines the area's duties name, then the open list (等, its
    clause) and the further lines it takes in — those rules/ has no department of at its level — and why water is
    not one: rules/ has a city water department, which the list does not name."""
    with pytest.raises(ProblemError) as e:
        policy.who_answers(_sector_record("housing", "water"))
    said = str(e.value)
    assert e.value.code == "sector_not_in_area" and e.value.field == "sector"
    assert "Its duties name the departments of agriculture, civil_affairs, construction, disabled_federation, " \
           "finance, government, natural_resources, party_committee;" in said, said
    assert "二(六)4(7)" in said and "no department of at the city/province level (agri_academy" in said, said
    assert "not water, whose department rules/ has there (city_water" in said, said
    assert said.endswith("write the line of the department concerned, or leave sector out")


@pytest.mark.parametrize("area", ["housing", "water", "funds", "education", "health", "identification",
                                  "projects", "basic_needs"])
def test_the_refusal_and_the_check_read_the_same_lines(policy: Policy, area: str) -> None:
    """Every line the refusal offers is accepted, every other is refused: the lines the area's duties name and those
    an open list takes in are together :meth:`sectors_with_part`."""
    named, more = policy.sector_lines(area)
    offered = set(named).union(*more.values()) if more else set(named)
    assert offered == set(policy.sectors_with_part(area))
    for line in sorted(policy.sectors):
        record = _sector_record(area, line)
        if line in offered:
            assert policy.who_answers(record).problem == "s"
        else:
            with pytest.raises(ProblemError) as e:
                policy.who_answers(record)
            assert e.value.code == "sector_not_in_area" and f"sector {line!r}" in str(e.value)
