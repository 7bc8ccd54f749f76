"""fid66 (session 64): a kind whose failure is that it was not reported or applied for (危房未及时发现上报,
饮水安全问题未及时上报, 符合条件的困难群众未申报纳入低收入农户（应报未报）) names the levels whose part in putting it
right is to report it on (``reported_on_by``, rules/areas/): the village and the township (二(六)4(1)–(3), 二(六)5(1),
二(三)1–3). They drop out of PolicyView.own_rectifier_levels, and with it out of the own-fix readings: a township
sitting on such a problem answers not_handled once its handling limit has run (check64 TH2, TH6, TH24, TH25, TL6),
not only once its rectification limit has run too (check62 X2's open window, which stays for what it can put right
itself: E16, E37)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import responsibility
from responsibility import Policy

REPORTED = [("housing", "housing_danger_unreported"), ("water", "water_unsafe_unreported"),
            ("identification", "identification_eligible_omitted")]
VILLAGE = "330127100219"


@pytest.mark.parametrize(("area", "kind"), REPORTED)
def test_the_levels_that_report_it_on_do_not_rectify_it_themselves(policy: Policy, area: str, kind: str) -> None:
    k = policy.kinds[(area, kind)]
    assert k.reported_on_by is not None and k.reported_on_by.levels == ["village", "township"]
    assert k.reported_on_by.why and k.reported_on_by.why_zh and "一(四)" in k.reported_on_by.clauses
    rank = policy.level_rank
    for place in (rank["village"], rank["township"]):
        own = policy.own_rectifier_levels(area, kind, place)
        assert not own & {rank["village"], rank["township"]}
        assert rank["county"] in own
        # where an assignment can leave it is unchanged: the township still takes part (协助, 受理申请)
        assert rank["township"] in policy.rectifier_levels(area, kind, place)


def test_a_kind_the_township_puts_right_itself_keeps_it(policy: Policy) -> None:
    rank = policy.level_rank
    assert policy.kinds[("water", "water_facilities_unmaintained")].reported_on_by is None
    assert rank["township"] in policy.own_rectifier_levels("water", "water_facilities_unmaintained", rank["village"])


@pytest.mark.parametrize(("area", "kind"), REPORTED)
def test_a_township_sitting_on_it_answers_after_its_handling_limit(policy: Policy, area: str, kind: str) -> None:
    """Day 24, no step, unrectified: 一(四) 对发现问题没有按程序及时交办和上报的 — not spared by an open window to
    put it right itself, which it does not have."""
    rec = {"id": "t", "area": area, "kind": kind, "place": VILLAGE,
           "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-03-25"}
    v = policy.who_answers(rec)
    assert ("township_government", "not_handled") in {(f.body, f.basis) for f in v.findings}
    assert "self_rectified_report_required" not in {i.id for i in v.interpretations}


@pytest.mark.parametrize(("levels", "message"), [("[village, county]", "not below the kind's authority"),
                                                 ("[village, hamlet]", "hamlet")])
def test_validate_refuses_a_level_that_is_not_below_the_authority(rules_copy: Path, levels: str,
                                                                   message: str) -> None:
    f = rules_copy / "areas" / "housing.yaml"
    text = f.read_text(encoding="utf-8")
    assert text.count("      levels: [village, township]") == 1
    f.write_text(text.replace("      levels: [village, township]", f"      levels: {levels}"), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any(message in i.message for i in issues), issues


def test_the_field_needs_its_clauses_and_why(rules_copy: Path) -> None:
    f = rules_copy / "areas" / "water.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    kind = next(k for k in data["problem_kinds"] if k["id"] == "water_unsafe_unreported")
    del kind["reported_on_by"]["why_zh"]
    kind["reported_on_by"]["clauses"] = ["二(九)9"]
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any("why_zh" in i.message or "why_zh" in i.hint for i in issues), issues


def _open_window(rid: str, area: str, kind: str, level: str, as_of: str, **more: object) -> dict[str, object]:
    return {"id": rid, "area": area, "kind": kind, "place": VILLAGE, "as_of": as_of,
            "discovered": {"level": level, "channel": "grid", "on": "2021-03-01"}, **more}


def test_the_batch_keeps_an_open_window_without_steps_on_the_fast_path(policy: Policy) -> None:
    """check62 X2's open window (fid65) on the batch: a level that may put its own problem right itself, with no step
    on the record, spared on day 24 of its 40 — the batch spares it on the fast path (at 1M records the reference
    path would cost seconds), and gives what who_answers gives; a not-reported kind's township is named (day 24) on
    both paths."""
    from unittest import mock

    import responsibility.batch._assessor as assessor

    from .verdicts import batch_and_answers

    records = [_open_window("a", "basic_needs", "basic_needs_not_helped_to_apply", "village", "2021-03-25"),
               _open_window("b", "water", "water_facilities_unmaintained", "township", "2021-03-25"),
               _open_window("c", "basic_needs", "basic_needs_eligible_not_included", "township", "2021-04-10"),
               _open_window("d", "funds", "funds_assets_mismanaged", "village", "2021-03-20", severity="serious"),
               _open_window("e", "housing", "housing_danger_unreported", "township", "2021-03-25"),
               _open_window("f", "water", "water_unsafe_unreported", "village", "2021-03-25")]
    referred = [0]
    real = assessor.Assessor.run

    def counting(self: object, *a: object, **k: object) -> object:
        got = real(self, *a, **k)  # type: ignore[arg-type]
        referred[0] += got.referred
        return got

    with mock.patch.object(assessor.Assessor, "run", counting):
        rows, want = batch_and_answers(policy, records)
    assert rows == want
    assert referred[0] == 0
    named = {(r[0], r[3]) for r in rows if r[6] == "not_handled"}
    assert {p for p, _ in named} == {"e", "f"}
