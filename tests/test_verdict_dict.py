"""A verdict's dict is its caller's own: built from forms and makers shared by every verdict of a
decider (engine/_verdict.py ``finding_dict_maker``, ``interpretation_dict_maker``), yet changing
one verdict's dict, at any depth, changes no other verdict's, nor a later ``to_dict()`` of the same."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from responsibility import Policy
from responsibility.engine._verdict import FindingForm, InterpretationForm, blank

# Two records of one shape (the same plan and forms), differing only in their own parts.
RECORD = {"id": "a", "domain": "housing", "place": "330127100219", "severity": "grave",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
          "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-20"}],
          "as_of": "2021-12-31"}


def mutate(value: Any) -> None:
    """Change every mutable thing inside ``value``."""
    if isinstance(value, dict):
        for v in value.values():
            mutate(v)
        value["changed"] = True
    elif isinstance(value, list):
        for v in value:
            mutate(v)
        value.append("changed")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_changing_one_verdicts_dict_changes_no_other(policy: Policy, lang: Any) -> None:
    other = {**RECORD, "id": "b", "handled": [{**RECORD["handled"][0], "on": "2021-03-21"}]}  # type: ignore[dict-item]
    first, second = (policy.who_answers(r, engine="compiled") for r in (RECORD, other))
    d1, d2 = first.to_dict(lang), second.to_dict(lang)
    assert d1["findings"] and d1["interpretations"], "the record must give findings and interpretations"
    assert any(isinstance(i["value"], list) for i in d1["interpretations"]), "and a list value"
    assert [f["clauses"] for f in d1["findings"]] == [f["clauses"] for f in d2["findings"]]  # same forms
    before1, before2 = copy.deepcopy(d1), copy.deepcopy(d2)
    mutate(d1)
    assert d2 == before2
    assert first.to_dict(lang) == before1 and second.to_dict(lang) == before2
    # ... and the dicts of a verdict decided afterwards, and its JSON, are as they were.
    again = policy.who_answers(RECORD, engine="compiled")
    assert again.to_dict(lang) == before1
    assert json.loads(again.to_json(lang)) == before1


def test_two_dicts_of_one_verdict_share_nothing_mutable(policy: Policy) -> None:
    v = policy.who_answers(RECORD, engine="compiled")
    a, b = v.to_dict(), v.to_dict()
    for fa, fb in zip(a["findings"], b["findings"], strict=True):
        assert fa == fb and fa is not fb and fa["clauses"] is not fb["clauses"]
    for ia, ib in zip(a["interpretations"], b["interpretations"], strict=True):
        assert ia == ib and ia is not ib and ia["findings"] is not ib["findings"]
        if isinstance(ia["value"], list):
            assert ia["value"] is not ib["value"]


@pytest.mark.parametrize("template", [
    "{place}（{finder}）{{x}}未及时交办",  # plain fields: compiled to an f-string
    "",  # no text at all
    "{{only braces}}",
    "{place!r}{finder:>4}",  # a conversion and a spec: formatted by the form itself
    "{place[0]}",  # an index
])
def test_a_finding_dict_is_what_the_finding_says(template: str) -> None:
    form = FindingForm("county", "b", "名", "n", "not_handled", "direct", ("c1", "c2"), (), (),
                       template, template + "!")
    values = blank({"place": "某村", "finder": "县"})
    slot = ("330127", "某村", values)
    for en, make in ((False, form.zh_dict), (True, form.en_dict)):
        want = {"level": "county", "body": "b", "name": "名", "place": "330127", "basis": "not_handled",
                "liability": "direct", "clauses": ["c1", "c2"], "reason": form.text(values, en)}
        got = make(slot)
        assert got == want and list(got) == list(want)
        again = (form.en_dict if en else form.zh_dict)(slot)  # the maker made on first use
        assert again == want and again["clauses"] is not got["clauses"]


def test_a_form_with_its_own_values_formats_with_them() -> None:
    form = FindingForm("county", "b", "名", "n", "not_handled", "direct", (), (), (),
                       "{own[0]}{place}", "{own[0]}{place}", own={"own": "xy"})
    assert form.zh_dict(("1", "某村", blank({"place": "某村"})))["reason"] == "x某村"


@pytest.mark.parametrize("value", [None, 3, "text", ["a", "b"]])
def test_an_interpretation_dict_is_what_the_interpretation_says(value: Any) -> None:
    form = InterpretationForm("p", "parameter", "名", value, "why")
    got = form.dict_of((0, 2))
    assert got == {"id": "p", "type": "parameter", "name": "名", "value": value, "why": "why", "findings": [0, 2]}
    assert list(got) == ["id", "type", "name", "value", "why", "findings"]
    if isinstance(value, list):
        got["value"].append("c")
        assert form.dict_of((0,))["value"] == value and value == ["a", "b"]
