"""Fuzzing the way in: arbitrary YAML and JSON text into the loader and the record parser.

Whatever the text, only the library's own errors come out (RulesError from the YAML
layer, ProblemError from the record parser), each on one line.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy, ProblemError, RulesError
from responsibility.engine._problem import parse_problem
from responsibility.policy._yaml import Limits, parse_yaml

FRAGMENTS = ["- ", ": ", "\n", "  ", "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", "<<: ", "!!str ", "!!python/x ",
             "!!binary ", "2021-02-30", "2021-03-01", "0001-01-01", "'", '"', "#", "? ", ", ", "x", "id", "area",
             "domain", "place", "discovered", "on", "handled", "1", "-1", "1e999", "0x1F", "\x00", "\x1b", "\t",
             "| ", "> ", "%YAML 1.2\n", "---\n", "...\n", "9" * 40, "\ufeff", "\ud7ff", "\u00e9", "危房改造", "\\u0000",
             "null", "~", ".inf", "true", "yes", "=1+1"]
SMALL = Limits(max_bytes=1 << 16, max_depth=20, max_aliases=50, max_nodes=5_000)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["id", "area", "domain", "kind", "place", "severity", "discovered", "discovered.level", "discovered.channel",
          "discovered.on", "discovered.body", "handled", "handled.0", "handled.0.action", "handled.0.by_level",
          "handled.0.to_level", "handled.0.to_body", "handled.0.on", "deadline", "rectified_on", "concealed_by",
          "as_of"]
BASE: dict[str, Any] = {
    "id": "f-1", "area": "housing", "place": "330127100219", "severity": "serious",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05"}],
    "deadline": "2021-05-31", "as_of": "2021-06-30",
}


def _through(text: str, policy: Policy, j: Jurisdiction) -> None:
    for dates in (True, False):
        try:
            data, _ = parse_yaml(text, "fuzz.yaml", limits=SMALL, dates=dates)
        except RulesError as exc:
            assert len(exc.issues) == 1 and "\n" not in str(exc.issues[0]), str(exc)
            continue
        if isinstance(data, dict):
            try:
                parse_problem(data, policy, j)
            except ProblemError as exc:
                assert "\n" not in str(exc) and len(str(exc)) < 1000, str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=40).map("".join))
def test_yaml_text(text: str, policy: Policy, example: Jurisdiction) -> None:
    _through(text, policy, example)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON, at=st.integers(0, 200), insert=st.sampled_from(FRAGMENTS))
def test_json_text_mangled(value: Any, at: int, insert: str, policy: Policy, example: Jurisdiction) -> None:
    text = json.dumps({**BASE, "x": value}, ensure_ascii=False)
    _through(text, policy, example)
    _through(text[:at] + insert + text[at:], policy, example)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=JSON)
def test_any_json_value_in_any_field(field: str, value: Any, policy: Policy, example: Jurisdiction) -> None:
    record = json.loads(json.dumps(BASE))
    node: Any = record
    *parents, last = field.split(".")
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    node[int(last) if last.isdigit() else last] = value
    if field == "domain":
        del record["area"]
    try:
        parse_problem(record, policy, example)
    except ProblemError as exc:
        assert exc.code != "invalid" and "\n" not in str(exc), (exc.code, str(exc))
