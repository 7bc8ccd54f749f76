"""Problem records: fixed field names, clear errors naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._problem import parse_problem

VILLAGE = "330000000000"


def good(j: Jurisdiction) -> dict[str, Any]:
    village = j.at_level("village")[0].code
    return {"id": "p1", "domain": "housing", "place": village,
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02"}],
            "deadline": "2021-04-01", "rectified_on": "2021-03-20", "as_of": "2021-05-01"}


def test_a_good_record_parses(policy: Policy, small_province: Jurisdiction) -> None:
    p = parse_problem(good(small_province), policy, small_province)
    assert p.severity == "minor" and p.discovered is not None and p.discovered.on.year == 2021


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"domian": "housing"}, "domian", "did you mean 'domain'"),
    ({"domain": "housin"}, "domain", "did you mean 'housing'"),
    ({"kind": "nope"}, "kind", "unknown problem kind"),
    ({"place": "12ab"}, "place", "digits only"),
    ({"place": "990000"}, "place", "not in jurisdiction"),
    ({"severity": "huge"}, "severity", "minor"),
    ({"rectified_on": "2021-01-01"}, "rectified_on", "before it was discovered"),
    ({"deadline": "2021-01-01"}, "deadline", "before the discovery"),
    ({"concealed_by": ["mayor"]}, "concealed_by[0]", "neither a level nor a body"),
    ({"discovered": {"level": "county", "channel": "hotlin", "on": "2021-03-01"}}, "discovered.channel",
     "did you mean 'hotline'"),
    ({"discovered": {"level": "county", "channel": "hotline"}}, "discovered.on", "is required"),
    ({"discovered": {"level": "county", "channel": "hotline", "on": "2021-02-30"}}, "discovered.on", "date"),
    ({"handled": [{"action": "reported", "by_level": "county", "to_level": "township", "on": "2021-03-02"}]},
     "handled[0].to_level", "higher level"),
    ({"handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-02-01"}]},
     "handled[0].on", "before it was discovered"),
    ({"handled": [{"action": "fixed", "by_level": "county", "to_level": "county", "on": "2021-03-02"}]},
     "handled[0].action", "assigned"),
    ({"discovered": None}, "discovered", "has no 'discovered'"),
])
def test_bad_records_name_the_field(change: dict[str, Any], field: str, words: str, policy: Policy,
                                    small_province: Jurisdiction) -> None:
    record = {**good(small_province), **change}
    if "domian" in change:
        del record["domain"]
    with pytest.raises(ProblemError) as exc:
        parse_problem(record, policy, small_province)
    assert exc.value.field == field
    assert words in str(exc.value)
    assert exc.value.record == "p1"


def test_not_an_object(policy: Policy, small_province: Jurisdiction) -> None:
    with pytest.raises(ProblemError, match="expected an object"):
        parse_problem(["x"], policy, small_province)  # type: ignore[arg-type]


@pytest.mark.parametrize(("field", "given", "hint"), [("area", "危房", "危房改造"), ("area", "housng", "housing"),
                                                      ("kind", "危房改造不及时", "困难家庭危房改造不及时"),
                                                      ("kind", "housing_renovation_lat", "housing_renovation_late")])
def test_a_mistyped_area_or_kind_is_hinted_by_id_or_chinese_name(policy: Policy, field: str, given: str,
                                                                  hint: str) -> None:
    rec = {"id": "x", "area": "housing", "place": "330127100219", field: given}
    with pytest.raises(ProblemError) as err:
        policy.who_answers(rec)
    assert err.value.field == field
    assert f"did you mean {hint!r}" in str(err.value)


def test_the_date_rules_are_stated_once(policy: Policy, small_province: Jurisdiction) -> None:
    # _check_all reports the date fault _date_fault names, and a sound record has none: the fast path of a
    # record of a shape found sound before (which asks _date_fault alone) and the full check cannot part.
    import datetime as dt
    import random

    from responsibility.engine._problem import _date_fault, in_force, plain_problem

    rnd = random.Random(8)
    day = dt.date(2021, 3, 1)
    for _ in range(300):
        r = good(small_province)
        shift = {k: rnd.randint(-40, 90) for k in ("h0", "h1", "deadline", "rectified_on", "as_of")}
        r["discovered"] = {**r["discovered"], "on": rnd.choice(["2021-03-01", "2021-03-01", "2019-12-31"])}
        r["handled"] = [{"action": "reported", "by_level": "county", "to_level": "city",
                         "on": str(day + dt.timedelta(shift["h0"]))},
                        {"action": "assigned", "by_level": "city", "to_level": "township",
                         "on": str(day + dt.timedelta(shift["h1"]))}]
        for k in ("deadline", "rectified_on", "as_of"):
            r[k] = str(day + dt.timedelta(shift[k]))
        p = plain_problem(r, policy)
        assert p is not None
        fault = _date_fault(p, None, *in_force(policy))
        if fault is None:
            parse_problem(r, policy, small_province)
            continue
        with pytest.raises(ProblemError) as got:
            parse_problem(r, policy, small_province)
        assert (got.value.field, got.value.code) == (fault[0], fault[2])
        assert fault[1] in str(got.value)


@pytest.mark.parametrize("as_of", ["2019-12-31", "2021-06-30"])
def test_with_policy_in_force_from_only_a_record_wholly_before_the_day_is_refused(policy: Policy, as_of: str) -> None:
    # R8A-2: the day the duties apply from, as a parameter: a problem discovered before it but assessed after
    # is judged (the engine leaves out what lies before the day); one assessed before it is refused
    import datetime as dt

    from responsibility.engine._problem import IN_FORCE_FROM, in_force

    assert in_force(policy) == (dt.date(2020, 3, 6), True)  # the default (review9a R9A-3)
    record = {"id": "e1", "area": "housing", "place": "330127100219",
              "discovered": {"level": "county", "channel": "hotline", "on": "2019-12-30"}, "as_of": as_of}
    kept = [p for p in policy.data.parameters if p.id != IN_FORCE_FROM]
    without = policy.data.model_copy(update={"parameters": kept})
    old = type(policy)(without, root=policy.root)
    assert in_force(old)[1] is False
    with pytest.raises(ProblemError) as err:
        old.who_answers(record)  # a policy without the parameter: refused, as before
    assert err.value.code == "before_effect" and err.value.field == "discovered.on"
    if as_of < "2020-03-06":
        with pytest.raises(ProblemError) as err:
            policy.who_answers(record)
        assert err.value.code == "before_effect" and err.value.field == "discovered.on"
        assert "policy_in_force_from" in str(err.value) and "assessed on 2019-12-31" in str(err.value)
    else:
        policy.who_answers(record)
    earlier = policy.with_parameters(**{IN_FORCE_FROM: "2020-01-01"})
    with pytest.raises(ProblemError, match="before the policy took effect on 2020-01-01"):
        earlier.who_answers({**record, "as_of": "2019-12-31"})
    earlier.who_answers({**record, "as_of": "2020-01-02"})


@pytest.mark.parametrize(("given", "iso"), [("2021/5/3", "2021-05-03"), ("2021年5月3日", "2021-05-03"),
                                            ("2021.05.03", "2021-05-03"), ("2021/5/3 0:00", "2021-05-03")])
def test_a_day_excel_wrote_year_first_is_told_its_iso_form(policy: Policy, given: str, iso: str) -> None:
    # refused (a record's dates are YYYY-MM-DD on every path), with the day it would be and how to save it so
    rec = {"id": "x", "area": "housing", "place": "330127100219",
           "discovered": {"level": "county", "channel": "hotline", "on": given}}
    with pytest.raises(ProblemError) as err:
        policy.who_answers(rec, engine="compiled")
    assert err.value.code == "bad_date" and err.value.field == "discovered.on"
    assert f"write {iso}" in str(err.value) and "yyyy-mm-dd" in str(err.value)


@pytest.mark.parametrize("given", ["5/3/2021", "2021/13/40", "2021/2/30"])
def test_a_day_that_is_not_one_is_not_told_a_form(policy: Policy, given: str) -> None:
    rec = {"id": "x", "area": "housing", "place": "330127100219",
           "discovered": {"level": "county", "channel": "hotline", "on": given}}
    with pytest.raises(ProblemError) as err:
        policy.who_answers(rec, engine="compiled")
    assert err.value.code == "bad_date" and "yyyy-mm-dd" not in str(err.value)


def test_pandas_missing_values_in_a_dict_are_absent_fields() -> None:
    """review18 M4: `df.to_dict("records")` hands NaT and NA to who_answers and assess; they were refused in pydantic's
    words ("NaTType does not support time") while the same row as a frame was assessed."""
    pd = pytest.importorskip("pandas")
    import responsibility

    policy = responsibility.load()
    rec = {"id": "n1", "area": "housing", "place": "330127100219", "as_of": "2021-06-30", "rectified_on": pd.NaT,
           "kind": pd.NA, "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": pd.NA},
           "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02",
                        "to_body": pd.NA}]}
    clean = {"id": "n1", "area": "housing", "place": "330127100219", "as_of": "2021-06-30",
             "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
             "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02"}]}
    assert policy.who_answers(rec).to_dict() == policy.who_answers(clean).to_dict()
    a = policy.assess([rec])
    assert a.rejected == 0 and a.assessed == 1


def test_an_assessment_date_before_the_policy_after_the_discovery_is_named_as_the_wrong_date(policy: Policy) -> None:
    # review22b R22b-10: a discovery after the policy took effect with a mistyped as_of before it was refused as
    # "discovered on 2021-03-01 and assessed on 2019-01-01, both before the policy took effect on 2020-03-06"
    record = {"id": "e2", "area": "housing", "place": "330127100219",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2019-01-01"}
    with pytest.raises(ProblemError) as err:
        policy.who_answers(record)
    assert err.value.code == "order_violation" and err.value.field == "as_of"
    assert "both before" not in str(err.value)
