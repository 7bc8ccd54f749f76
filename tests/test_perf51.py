"""A verdict's dicts inserted from the forms' own values (engine/_dicts.c, session 51: issue 12 item 4): a finding's
dict is now made from its form's level, body, name, basis and liability read at their offsets, an interpretation's
from a flat tuple of its values, where both were copies of a dict of the form's own values (``proto``). What
``to_dict()`` gives must not change by a byte: the same keys in the same order, the same values, each dict and list
the caller's own — against the reference made the old way (a copy of each form's ``proto``, and
``Finding.to_dict``/``Interpretation.to_dict`` of the built verdict), over generated records of every area on the
shipped rules, the amended example policy and a what-if, both engines; a form of another class keeps the copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._verdict import FindingForm, InterpretationForm, blank, finding_spec, interpretation_specs

from .test_perf28 import reference, synthetic_records
from .test_verdict_dict import RECORD  # (a housing record of one shape)

ROOT = Path(__file__).resolve().parents[1]
_dicts = pytest.importorskip("responsibility.engine._dicts")


def records(policy: Policy, j: Jurisdiction, n: int) -> list[dict[str, Any]]:
    """benchmarks/bench_engine.py's records (the sample issue 12 item 4 is measured on), of a seed of this file's."""
    return synthetic_records(policy, j, n, seed=51, prefix="p51")


def old_way(sheet: Any, en: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A sheet's finding and interpretation dicts as the C code made them before: each a copy of its form's ``proto``
    with the place, a new list of the clauses and the reason (the form's own formatting of the slot's values) set in
    it; each interpretation's a copy of its ``proto`` with its findings (and a list value) set anew."""
    findings = []
    for form, s in zip(sheet.forms, sheet.slot_of, strict=True):
        if form.proto is None:
            finding_spec(form, en)
        place, _, values = sheet.slots[s]
        d = dict(form.proto)
        d["place"], d["clauses"], d["reason"] = place, list(form.clauses), form.text(values, en)
        findings.append(d)
    interpretations = []
    for i, ix in sheet.interpretations:
        d = dict(i.proto)
        if isinstance(i.value, list):
            d["value"] = list(i.value)
        d["findings"] = list(ix)
        interpretations.append(d)
    return findings, interpretations


def compare(policy: Policy, j: Jurisdiction, recs: list[dict[str, Any]], engine: str) -> int:
    """Assert every record's ``to_dict`` in both languages equals, as JSON text (so key order counts), the old way's
    dicts and the eager reference; the number of findings compared."""
    seen = 0
    for r in recs:
        for lang in ("zh", "en"):
            v = policy.who_answers(r, jurisdiction=j, engine=engine)  # type: ignore[arg-type]
            got = v.to_dict(lang)  # (first: what a fresh verdict gives, its sheet only)
            sheet = v._built_sheet()
            assert sheet is not None
            findings, interpretations = old_way(sheet, lang == "en")
            text = json.dumps(got, ensure_ascii=False)
            assert json.dumps(got["findings"], ensure_ascii=False) == json.dumps(findings, ensure_ascii=False)
            assert json.dumps(got["interpretations"], ensure_ascii=False) == json.dumps(interpretations,
                                                                                        ensure_ascii=False)
            assert text == json.dumps(reference(v, lang), ensure_ascii=False)
            seen += len(findings)
    return seen


def engines() -> tuple[str, ...]:
    from responsibility.engine import _engine_durable

    return ("compiled", "durable") if _engine_durable.available() else ("compiled",)


@pytest.mark.slow
@pytest.mark.parametrize("engine", engines())
def test_to_dict_on_the_shipped_rules_is_the_old_ways(policy: Policy, jurisdiction: Jurisdiction, engine: str) -> None:
    recs = records(policy, jurisdiction, 300 if engine == "compiled" else 80)
    assert compare(policy, jurisdiction, recs, engine) > len(recs)  # (the sample has findings to compare)


@pytest.mark.slow
def test_to_dict_under_the_amended_policy_and_a_what_if_is_the_old_ways(
        policy: Policy, amended_policy: Policy, jurisdiction: Jurisdiction) -> None:
    recs = records(policy, jurisdiction, 150)
    assert compare(amended_policy, jurisdiction, recs, "compiled") > len(recs)
    what_if = policy.with_parameters(handling_time_limit_days=5)
    assert compare(what_if, jurisdiction, recs[:80], "compiled") > 80
    assert "what_if" in what_if.who_answers(recs[0], jurisdiction=jurisdiction).to_dict()


def form(cls: type[FindingForm] = FindingForm) -> FindingForm:
    template = "{place}（{finder}）未及时交办"
    return cls("county", "b", "名", "n", "not_handled", "direct", ("c1", "c2"), (), (), template, template + "!")


class _Sub(FindingForm):
    """Another class than the one whose slots the C code reads at their offsets: read through its attributes."""

    __slots__ = ()


SLOT = ("330127", "某村", blank({"place": "某村", "finder": "县"}))
KEYS = ["level", "body", "name", "place", "basis", "liability", "clauses", "reason"]


@pytest.mark.parametrize("en", [False, True])
def test_a_form_read_at_its_offsets_and_one_read_through_its_proto_give_one_dict(policy: Policy, en: bool) -> None:
    assert policy.who_answers(RECORD, engine="compiled").to_dict()["findings"]  # (the offsets of FindingForm kept)
    plain, sub = form(), form(_Sub)
    got = _dicts.finding_dicts((plain, sub, plain), (0, 0, 0), [SLOT], en, finding_spec)
    want = {"level": "county", "body": "b", "name": "名", "place": "330127", "basis": "not_handled",
            "liability": "direct", "clauses": ["c1", "c2"], "reason": plain.text(SLOT[2], en)}
    assert got == [want] * 3 and all(list(d) == KEYS for d in got)
    assert len({id(d) for d in got}) == 3 and len({id(d["clauses"]) for d in got}) == 3
    # a proto that says otherwise is not read for a form of the class (its own values are), and is for another class
    for f in (plain, sub):
        object.__setattr__(f, "proto", {**want, "body": "proto's", "place": None, "clauses": None, "reason": None})
    again = _dicts.finding_dicts((plain, sub), (0, 0), [SLOT], en, finding_spec)
    assert again[0] == want and again[1] == {**want, "body": "proto's"} and list(again[1]) == KEYS


@pytest.mark.parametrize("value", [None, 3, "text", ["a", "b"], ("t",), {"k": "v"}])
def test_an_interpretation_dict_is_its_forms_in_its_keys_order(value: Any) -> None:
    i = InterpretationForm("p", "parameter", "名", value, "why")
    pairs = [(i, (0, 2)), (i, ())]
    got = _dicts.interpretation_dicts(interpretation_specs(pairs), None)
    want = [{"id": "p", "type": "parameter", "name": "名", "value": value, "why": "why", "findings": [0, 2]},
            {"id": "p", "type": "parameter", "name": "名", "value": value, "why": "why", "findings": []}]
    assert got == want == [i.dict_of((0, 2)), i.dict_of(())]
    assert [list(d) for d in got] == [list(d) for d in want]
    assert got[0]["findings"] is not got[1]["findings"]
    if isinstance(value, list):  # each dict its own copy of a list value; any other value is the form's
        assert got[0]["value"] is not value and got[0]["value"] is not got[1]["value"]
    else:
        assert got[0]["value"] is value


@pytest.mark.parametrize("spec", [((1, 2, 3),), (("p", "t", "n", None, "w", None, [0]),), (("p",) * 8,)])
def test_a_spec_of_another_shape_is_refused(spec: Any) -> None:
    with pytest.raises(TypeError, match="spec"):
        _dicts.interpretation_dicts(spec)
