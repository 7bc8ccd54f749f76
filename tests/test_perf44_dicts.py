"""engine/_dicts.c reads a form's slots at their offsets in the object, for the one class it has looked at (session
44): what a finding's dict holds must not change with it — for the forms of that class, for a subclass that reads an
attribute another way, for another class, for a form whose slots are not set yet — and ``plain_record`` asks the
jurisdiction for the record's place every time: the memo of places holds places the jurisdiction lacks too."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine import _verdict
from responsibility.engine._problem import parse_problem
from responsibility.engine._verdict import FindingForm, blank, finding_spec

from .test_verdict_dict import RECORD  # (a housing record of one shape, read by both files)

_dicts = pytest.importorskip("responsibility.engine._dicts")


def form(cls: type[FindingForm] = FindingForm, template: str = "{place}（{finder}）未及时交办") -> FindingForm:
    return cls("county", "b", "名", "n", "not_handled", "direct", ("c1", "c2"), (), (), template, template + "!")


SLOT = ("330127", "某村", blank({"place": "某村", "finder": "县"}))


def want(f: FindingForm, en: bool) -> dict[str, Any]:
    return {"level": f.level, "body": f.body, "name": f.name, "place": "330127", "basis": f.basis,
            "liability": f.liability, "clauses": list(f.clauses), "reason": f.text(SLOT[2], en)}


@pytest.mark.parametrize("en", [False, True])
def test_a_form_of_the_class_read_at_its_offsets_gives_its_dict(policy: Policy, en: bool) -> None:
    # (a verdict first: the forms of a decider are what the C code has looked at)
    assert policy.who_answers(RECORD, engine="compiled").to_dict()["findings"]
    f = form()
    got = _dicts.finding_dicts((f, f), (0, 0), [SLOT], en, finding_spec)
    assert got == [want(f, en)] * 2 and list(got[0]) == list(want(f, en))
    assert got[0] is not got[1] and got[0]["clauses"] is not got[1]["clauses"]


class _Other(FindingForm):
    """A subclass that reads its Chinese reason its own way (a reason of its own, not its slot's)."""

    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        got = object.__getattribute__(self, name)
        return ("另", "place", "") if name == "zh_reason" and got is not None else got


def test_a_subclass_is_read_as_it_reads_its_attributes() -> None:
    plain, other = form(), form(_Other)
    finding_spec(plain, False)
    got = _dicts.finding_dicts((plain, other), (0, 0), [SLOT], False, finding_spec)
    assert got[0]["reason"] == want(plain, False)["reason"]
    assert got[1]["reason"] == "另某村"  # the property's pieces, not the slot the offset would have read


class _Loose:
    """Not a FindingForm: attributes of its own dict."""

    def __init__(self) -> None:
        self.proto = {"level": "v", "body": "x", "name": "名", "place": None, "basis": "b", "liability": "staff",
                      "clauses": None, "reason": None}
        self.zh_reason = ("甲", "place", "乙")
        self.en_reason = ("A ", "place", "")
        self.clauses = ("c",)


@pytest.mark.parametrize("en", [False, True])
def test_another_class_is_read_through_its_attributes(en: bool) -> None:
    finding_spec(form(), en)  # (the class of the offsets kept: a FindingForm)
    got = _dicts.finding_dicts((_Loose(),), (0,), [SLOT], en, finding_spec)
    assert got == [{"level": "v", "body": "x", "name": "名", "place": "330127", "basis": "b", "liability": "staff",
                    "clauses": ["c"], "reason": "A 某村" if en else "甲某村乙"}]


def test_a_form_without_its_spec_is_given_one_first() -> None:
    f = form()
    assert f.proto is None and f.zh_reason is None  # (nothing made yet)
    got = _dicts.finding_dicts((f,), (0,), [SLOT], False, finding_spec)
    assert got == [want(f, False)]
    assert f.proto is not None and f.zh_reason is not None and f.en_reason is None


def test_a_form_the_maker_leaves_without_a_spec_is_an_error() -> None:
    with pytest.raises(ValueError, match="no spec"):
        _dicts.finding_dicts((form(),), (0,), [SLOT], False, lambda f, en: None)


@pytest.mark.skipif(_verdict._c_finding_dicts is None, reason="the C extension makes the dicts")
def test_the_dicts_equal_the_python_makers(policy: Policy) -> None:
    v = policy.who_answers({**RECORD, "id": "py"}, engine="compiled")
    for lang in ("zh", "en"):
        made = v.to_dict(lang)["findings"]
        assert made == [f.to_dict(lang) for f in v.findings]


def test_a_place_the_jurisdiction_lacks_is_refused_each_time(policy: Policy) -> None:
    # the memo of places holds a place the jurisdiction lacks too (_level_words_of_the_place keeps None for it after
    # the first refusal): plain_record must still ask the jurisdiction (session 44 tried the memo first; the fidelity
    # set's test_batch caught the place let through)
    assert policy.who_answers(RECORD, engine="compiled").findings  # known in the default jurisdiction
    synthetic = Jurisdiction.synthetic()
    assert synthetic.get(RECORD["place"]) is None  # type: ignore[arg-type]
    for _ in range(2):
        assert _dicts.plain_record(dict(RECORD), policy, synthetic) is None
        with pytest.raises(ProblemError, match="not in jurisdiction"):
            parse_problem(dict(RECORD), policy, synthetic)
