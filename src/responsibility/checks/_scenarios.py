"""Scenario tests: problems with the findings they must and must not produce.

A scenario file (``*.scenarios.yaml``) holds::

    scenarios:
      - name: A dangerous house reported on the hotline was missed by the village
        problem: {id: ..., domain: housing, ...}        # a problem record
        jurisdiction: ../jurisdictions/x.csv            # optional, relative to the file
        parameters: {irregular_step: counted}           # optional: decided under these values
        expect:
          findings:                                     # each must match some finding
            - {body: village_committee, basis: not_discovered, liability: staff, clauses: [一(四)]}
          forbidden:                                    # none may match any finding
            - {basis: not_rectified}
          failures: 0                                   # optional: exact number of failure findings

``expect`` is required and must check something: a finding, a forbidden pattern or ``failures``.

A pattern matches a finding when every key it gives is equal (``clauses``: the
listed clauses are among the finding's; ``rests_on``: the listed parameters and readings are among those the
finding rests on, as the verdict's ``interpretations`` list it). A value may be written as a verdict prints it
(村委会, 县水利局, 乡镇（街道）, 整改不到位, 单位): :func:`with_ids` reads it as the id. Run them with
``responsibility test`` or pytest (the plugin collects ``*.scenarios.yaml``). A failure names the problem,
each missing or unexpected finding and its clauses, and lists what was found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from .._errors import Issue, RulesError
from ..chain._jurisdiction import Jurisdiction
from ..engine._verdict import Finding, Verdict
from ..policy._loader import _EXPECTED, _yaml_what  # (the rules files' words for a wrong type)
from ..policy._models import Failure, Liability
from ..policy._text import fold
from ..policy._view import PolicyView
from ..policy._yaml import read_yaml

EngineName = Literal["durable", "compiled"]

PATTERN_KEYS = ("level", "body", "name", "place", "basis", "liability", "clauses", "rests_on")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pattern(_Strict):
    """A partial finding: the keys given must match."""

    level: str | None = None
    body: str | None = None
    name: str | None = None
    place: str | None = None
    basis: str | None = None
    liability: str | None = None
    clauses: list[str] | None = None
    #: ids of parameters or readings the finding must rest on (among others)
    rests_on: list[str] | None = None

    def matches(self, f: Finding) -> bool:
        """Whether finding ``f`` has every value this pattern gives."""
        for key in PATTERN_KEYS:
            want = getattr(self, key)
            if want is None:
                continue
            if key in ("clauses", "rests_on"):
                if not set(want) <= set(getattr(f, key)):
                    return False
            elif key == "place" and not want.isdigit():  # a place by the name the table prints (文昌镇)
                if f.place_name != want:
                    return False
            elif getattr(f, key) != want:
                return False
        return True

    def describe(self) -> str:
        """``{body: x, basis: y, …}`` with only the keys given."""
        parts = [f"{k}: {v}" for k in PATTERN_KEYS if (v := getattr(self, k)) is not None]
        return "{" + ", ".join(parts) + "}"


def _forbids_something(pattern: Pattern) -> Pattern:
    """A forbidden entry names what no finding may be: ``forbidden: [{}]`` forbade every finding, and a scenario
    failed on the first with "(forbidden by {})"."""
    if all(getattr(pattern, k) is None for k in PATTERN_KEYS):
        raise ValueError(f"an empty forbidden entry would forbid every finding: give what no finding may be, with one "
                         f"or more of {', '.join(PATTERN_KEYS)} ({{basis: not_handled}}, "
                         "{level: county, liability: unit}), or remove it")
    return pattern


class Expect(_Strict):
    """What a scenario expects: at least one of a finding it must produce, a pattern no finding may match, or the
    number of failure findings (``failures: 0`` for none) — a scenario that checks nothing would pass whatever the
    answer (review21b B21-5)."""

    findings: list[Pattern] = []
    forbidden: list[Annotated[Pattern, AfterValidator(_forbids_something)]] = []
    failures: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _checks_something(self) -> Expect:
        if not self.findings and not self.forbidden and self.failures is None:
            raise ValueError("checks nothing: give a finding the problem must produce (findings), a pattern no "
                             "finding may match (forbidden), or the number of failure findings (failures: 0 for "
                             "none)")
        return self


class Scenario(_Strict):
    """One problem and its expectations."""

    name: str
    problem: dict[str, Any]
    jurisdiction: str | None = None
    #: Parameters (rules/parameters.yaml) the scenario is decided under instead of the policy's values: an answer
    #: under a reading's other value (``{water_policy_health_departments: true}``) is checked as the default's is.
    parameters: dict[str, Any] = Field(default_factory=dict)
    expect: Expect


class ScenarioFile(_Strict):
    """A ``*.scenarios.yaml`` file."""

    scenarios: list[Scenario]


@dataclass
class LoadedScenario:
    """A scenario with where it came from."""

    scenario: Scenario
    file: Path
    line: int

    @property
    def label(self) -> str:
        """``file:line: name``."""
        return f"{self.file}:{self.line}: {self.scenario.name}"


@dataclass
class Outcome:
    """The result of running one scenario."""

    scenario: LoadedScenario
    verdict: Verdict | None
    missing: list[Pattern] = field(default_factory=list)
    unexpected: list[tuple[Pattern, Finding]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: The scenario's problem record was refused (a ProblemError): the scenario tests nothing.
    unusable: bool = False
    #: Each pattern as the file writes it, beside the one read with the policy's ids (``with_ids``): the report shows a
    #: pattern written in Chinese (县委, 领导责任) as written too, so that it can be found in the file.
    written: list[tuple[Pattern, Pattern]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """No missing or unexpected finding and no error."""
        return not (self.missing or self.unexpected or self.errors)

    def report(self) -> str:
        """A readable diff of expected and actual findings, with clauses."""
        s = self.scenario
        pid = s.scenario.problem.get("id", "?")
        lines = [f"{s.label}", f"  problem {pid}: {'passed' if self.passed else 'FAILED'}"]
        if s.scenario.parameters and not self.passed:  # (what was found rests on them, not on the rules' values)
            lines.append("  decided under: " + ", ".join(f"{k}={v}" for k, v in s.scenario.parameters.items()))
        lines += [f"  error: {e}" for e in self.errors]
        def as_written(p: Pattern) -> str:
            w = next((w for read, w in self.written if read is p), p)
            return p.describe() + (f" (written {w.describe()})" if w != p else "")

        named = _zh_labels(self.verdict)
        for p in self.missing:
            lines.append(f"  - missing finding {as_written(p)}")
        for p, f in self.unexpected:
            lines.append(f"  + unexpected finding {f.body} {f.basis}/{f.liability} clauses {' '.join(f.clauses)}"
                         f" (forbidden by {as_written(p)}){named(f)}")
        if self.verdict is not None and not self.passed:
            lines.append("  found:")
            for f in self.verdict.findings:
                lines.append(f"    {f.level} {f.body} {f.basis}/{f.liability} clauses {' '.join(f.clauses)}{named(f)}")
            if not self.verdict.findings:
                lines.append("    (nothing)")
        return "\n".join(lines)


def _zh_labels(verdict: Verdict | None) -> Callable[[Finding], str]:
    """``  — 村委会 应发现未发现/工作人员``: a finding in the words the verdict's table prints, after its ids (a failure
    report listed ids only, which a pattern written in Chinese does not show)."""
    from ..engine._verdict_view import labels

    policy = getattr(getattr(verdict, "context", None), "policy", None)
    if policy is None:
        return lambda f: ""
    basis_of, liability_of = labels(policy, "zh", ids=False)
    return lambda f: f"  — {f.name} {basis_of(f.basis)}/{liability_of(f.liability)}"


def _unknown_key(loc: tuple[Any, ...]) -> str:
    """A key the scenario format does not have, at ``loc``: the keys its place takes, and the one it reads like."""
    import typing

    from ..policy._loader import suggest

    def model_in(annotation: Any) -> Any:  # the model a field holds (list[Pattern], Annotated[Pattern, …] …)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((m for a in typing.get_args(annotation) if (m := model_in(a)) is not None), None)

    model: Any = ScenarioFile
    for part in loc[:-1]:
        if not isinstance(part, int):
            field_ = model.model_fields.get(part)
            model = model_in(field_.annotation) if field_ is not None else None
            if model is None:
                return "unknown key"
    keys = list(model.model_fields)
    if model is Pattern and (key := TABLE_KEYS.get("".join(fold(str(loc[-1])).split()))) is not None:
        # (the table's column names: the values may stay as the table prints them, the keys are the JSON's)
        shown = ("主体", "层级", "地点", "依据", "责任", "条款")
        table = ", ".join(f"{zh} → {TABLE_KEYS[zh]}" for zh in shown)
        return (f"unknown key {loc[-1]!r}: it is the table's column, written {key}: in a pattern (a pattern's keys "
                f"are {', '.join(keys)}; {table}; the values may stay as the table prints them: "
                f"{{body: 村委会, basis: 应发现未发现, liability: 单位}})")
    hint = suggest(str(loc[-1]), keys)
    what = {"ScenarioFile": "a scenario file", "Scenario": "a scenario", "Pattern": "a finding pattern"}.get(
        model.__name__, model.__name__.lower())
    return f"unknown key {loc[-1]!r}; {what} takes {', '.join(keys)}" + (f" ({hint})" if hint else "")


#: The columns of ``who``'s table and of the ledger's 责任清单, as a Chinese reader copies them into a pattern's keys
#: (newcomer43: ``{主体: 村委会, 依据: 应发现未发现}`` was told only that '主体' is no key), and the key each is.
TABLE_KEYS = {"主体": "body", "单位": "body", "责任单位": "body", "主体/层级": "body", "层级": "level", "地点": "place",
              "所在地": "place", "依据": "basis", "追责情形": "basis", "责任": "liability", "责任类别": "liability",
              "条款": "clauses", "名称": "name"}

_RECORD_KEYS = frozenset({"id", "area", "domain", "kind", "place", "discovered", "handled", "severity"})


def _is_scenario(item: Any) -> bool:
    return isinstance(item, dict) and "problem" in item and ("expect" in item or "name" in item)


def _is_record(item: Any) -> bool:
    return isinstance(item, dict) and len(_RECORD_KEYS.intersection(item)) >= 2 and "problem" not in item


def scenario_file_note(name: str, data: Any) -> str | None:
    """What to run instead, when a file given to ``who``, ``route`` or ``who_answers`` holds scenarios
    (``scenarios:``, or scenarios without it): it was refused as a record with "field 'scenarios': unknown field"
    (newcomer43). ``None`` for any other content."""
    items = data if isinstance(data, list) else [data]
    if not (isinstance(data, dict) and "scenarios" in data) and not (items and all(map(_is_scenario, items))):
        return None
    shown = name if name != "<stdin>" else "FILE"
    return (f"{name} holds scenarios (a problem and the findings expected of it), not a problem record: "
            f"`responsibility test {shown}` runs them; a problem record to answer is "
            "the part under a scenario's `problem:`, saved in a file of its own")


def _not_a_scenario_file(name: str, data: Any) -> str | None:
    """What a file given to ``responsibility test`` holds instead of ``scenarios:`` — a problem record, or
    scenarios without the key above them — and what to do (newcomer43: both were "scenarios: is required", or "holds
    a list")."""
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    if all(map(_is_record, items)):
        many = "problem records" if len(items) > 1 else "a problem record"
        return (f"holds {many}, not scenarios: `responsibility who {name}` answers {'them' if len(items) > 1 else 'it'}"
                "; to keep an answer as a test, write a scenario file: `scenarios:`, then for each record an item "
                "`- name: …` with the record indented under `problem:` and the findings it must have under "
                "`expect: {findings: […]}`")
    if all(map(_is_scenario, items)):
        what = "a list of scenarios" if isinstance(data, list) else "one scenario"
        how = "the list indented under it" if isinstance(data, list) else \
            "the scenario as its one item, `- name: …`, indented under it"
        return f"holds {what} without `scenarios:` above: write `scenarios:` as the first line, and {how}"
    return None


def load_scenarios(path: str | Path, policy: PolicyView | None = None) -> list[LoadedScenario]:
    """The scenarios of one file; :class:`RulesError` with file:line on a bad file.

    With ``policy``, every ``findings`` and ``forbidden`` pattern is checked against it: a
    pattern naming a body, level, basis, liability or clause the policy does not have
    could never match, so a ``forbidden`` one would pass vacuously.
    """
    p = Path(path)
    # Dates stay text: the record parser reads them, naming the field of a bad one.
    data, pos = read_yaml(p, dates=False)
    try:
        parsed = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        # pydantic's own wording is for programmers ("Field required", "Value error, …", a model's class name)
        msg = "is required" if err["type"] == "missing" else err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":  # ("Extra inputs are not permitted": which keys are, hostile27)
            msg = _unknown_key(loc)
        elif err["type"] in _EXPECTED:  # ("Input should be a valid list": the value as the file holds it, hostile60)
            msg = f"expected {_EXPECTED[err['type']]}, not {_yaml_what(err.get('input'))}"
            if err["type"] == "list_type":
                msg += "; write a list, [a, b] (a single item too is a list of one)"
        if not loc:  # the file as a whole: empty, a list, a scalar
            kinds: dict[type, str] = {list: "a list", str: "a text"}
            what = "is empty" if data is None else "holds " + kinds.get(type(data), "a value")
            msg = f"{what}; a scenario file is a mapping with a list under 'scenarios:'"
        if loc in ((), ("scenarios",)) and (instead := _not_a_scenario_file(str(path), data)) is not None:
            loc, msg = (), instead  # (a record file, or scenarios written without the key above them)
        raise RulesError([pos.issue(loc, f"{'.'.join(map(str, loc))}: {msg}" if loc else msg,
                                    "see the scenario format in docs/data-guide.md, \"Scenario files\"",
                                    "scenario")]) from None
    # (a scenario copied and edited under its old name reported two results of one name, which a reader of the
    # results cannot tell apart; hostile60 N6)
    first: dict[str, int] = {}
    twice = []
    for i, sc in enumerate(parsed.scenarios):
        if sc.name in first:
            line = pos.at(("scenarios", first[sc.name]))[0]
            twice.append(pos.issue(("scenarios", i, "name"), f"scenarios.{i}.name: '{sc.name}' names the scenario at "
                                   f"line {line} too", "give each scenario a name of its own", "scenario"))
        else:
            first[sc.name] = i
    if twice:
        raise RulesError(twice)
    if policy is not None:
        issues = [pos.issue(("scenarios", i, "expect", group, j, key), message, hint, "unknown_ref")
                  for i, sc in enumerate(parsed.scenarios)
                  for group in ("findings", "forbidden")
                  for j, pattern in enumerate(getattr(with_ids(sc.expect, policy), group))
                  for key, message, hint in _pattern_problems(pattern, policy)]
        for i, sc in enumerate(parsed.scenarios):
            try:
                scenario_policy(sc, policy)
            except RulesError as exc:  # an unknown parameter or a value it does not take
                # (said at the scenario's line in with_parameters()' words, without its name: the file has none)
                issues += [pos.issue(("scenarios", i, "parameters"), e.message, e.hint, "unknown_ref")
                           for e in exc.issues]
        if issues:
            raise RulesError(issues)
    return [LoadedScenario(sc, p, pos.at(("scenarios", i))[0]) for i, sc in enumerate(parsed.scenarios)]


def scenario_policy(sc: Scenario, policy: PolicyView) -> PolicyView:
    """``policy`` with the scenario's ``parameters`` set (itself when it sets none); :class:`RulesError` for an unknown
    parameter or a value it does not take. Scenarios of one reading share its view (and the rules it compiles): the
    one ``with_parameters`` gives again while ``policy`` keeps it (policy/_whatif.READINGS_KEPT)."""
    if not sc.parameters:
        return policy
    # (not kept here besides: kept in a module-level map by the policy's id, every policy a scenario ran on lived as
    # long as the process with every reading of it and their deciders; on the policy, every reading of every scenario
    # file for as long as the policy: the shipped scenarios, 836 → 770 MB with the same CPU, suite53)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (a threshold without effect: ParameterWarning)
        return policy.with_parameters(**sc.parameters)


def with_ids(expect: Expect, policy: PolicyView) -> Expect:
    """``expect`` with its values written as a verdict prints them, or as a record names them, turned into the
    policy's ids: a level by name (村, 乡镇（街道）, 县), a body by any name a record takes for it (村委会, 县水利局,
    县（市、区）水利部门, County water bureau), a ``name`` likewise as the body's own name, a basis and a liability by
    the short or full Chinese name or the English gloss the table and ``--explain`` show (应发现未发现,
    ``应发现未发现（not_discovered）``, 整改不到位, 工作人员, 单位), and a place by a shorter division code (330127 for
    淳安县, padded as findings are). A user who copied a verdict's words into a scenario file got "the pattern names
    basis '整改不到位', which the policy does not have" (newcomer41 #2). A value that names nothing stays as written,
    and is said so."""
    from ..engine._problem import ValueNames

    names = ValueNames.of(policy)
    terms = _term_names(policy)
    body_names: set[str] = policy._memo("scenario_body_names", lambda: {b.name for b in policy.data.bodies})

    def body_of(value: str, level: str | None) -> str | None:
        got = names.body(value, level)
        return got if got in policy.bodies else None

    def fix(p: Pattern) -> Pattern:
        update: dict[str, Any] = {}
        level = names.canonical("level", p.level) if p.level is not None else None
        if level is not None and level != p.level:
            update["level"] = level
        if p.body is not None and p.body not in policy.bodies and (b := body_of(p.body, level)) is not None:
            update["body"] = b
        if p.name is not None and p.name not in body_names and (b := body_of(p.name, level)) is not None:
            update["name"] = policy.bodies[b].name
        for key in ("basis", "liability"):
            value = getattr(p, key)
            if value is not None and (got := terms[key].get(fold(value))) is not None and got != value:
                update[key] = got
        if p.place is not None and p.place.isdigit() and len(p.place) in (2, 4, 6, 9):
            update["place"] = p.place.ljust(12, "0")
        return p.model_copy(update=update) if update else p

    return expect.model_copy(update={"findings": [fix(p) for p in expect.findings],
                                     "forbidden": [fix(p) for p in expect.forbidden]})


def _term_names(policy: PolicyView) -> dict[str, dict[str, str]]:
    """Every spelling (folded) of each basis and liability → its id: the id, the Chinese name and short name, the
    English gloss and short gloss, and the table's ``short（id）`` form (made once per policy)."""
    return policy._memo("scenario_terms", lambda: _terms_of(policy))


def _terms_of(policy: PolicyView) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    groups: tuple[tuple[str, Mapping[str, Failure | Liability]], ...] = (
        ("basis", policy.failures), ("liability", policy.liabilities))
    for key, terms in groups:
        spelled: dict[str, str] = {}
        for tid, t in terms.items():
            for text in (tid, t.name, t.short, t.en, t.short_en):
                if text:
                    spelled.setdefault(fold(text), tid)
                    spelled.setdefault(fold(f"{text}（{tid}）"), tid)
        out[key] = spelled
    return out


def _term_list(policy: PolicyView, key: str) -> str:
    """``not_discovered (应发现未发现), …``: the ids of ``key`` (basis, liability) with the Chinese a verdict shows."""
    terms: Mapping[str, Failure | Liability] = policy.failures if key == "basis" else policy.liabilities
    return ", ".join(f"{tid} ({t.short or t.name})" for tid, t in sorted(terms.items()))


def _pattern_problems(pattern: Pattern, policy: PolicyView) -> Iterator[tuple[str, str, str]]:
    """``(key, message, hint)`` for each value of ``pattern`` that no finding of ``policy`` can have."""
    from ..policy._loader import closest, suggest

    known: dict[str, Iterable[str]] = {
        "body": {b.id for b in policy.data.bodies},
        "level": policy.level_rank,
        "basis": policy.failures,
        "liability": policy.liabilities,
    }
    terms = _term_names(policy)
    for key, options in known.items():
        value = getattr(pattern, key)
        if value is not None and value not in options:
            listed = sorted(options)
            hint = suggest(value, options)
            if not hint and key in terms:  # a Chinese word near one a verdict shows (瞒报 for 瞒报漏报)
                near = closest(fold(value), [w for w in terms[key] if not w.isascii()])
                hint = f"did you mean {terms[key][near]!r} ({near})?" if near is not None else ""
            if not hint and key in terms:
                hint = f"use one of {_term_list(policy, key)}"
            elif not hint and key == "body":
                hint = ("name it by its id, or by a name a record takes for it (村委会, 县水利局); "
                        "`responsibility graph --area AREA --format mermaid` lists an area's bodies with their "
                        "Chinese names")
            yield key, f"the pattern names {key} {value!r}, which the policy does not have", \
                hint or (f"use one of {', '.join(listed)}" if len(listed) <= 8 else f"see the {key} ids in rules/")
    for clause in pattern.clauses or ():
        if clause not in policy.clauses:
            yield "clauses", f"the pattern names clause {clause!r}, which the policy does not have", \
                suggest(clause, policy.clauses) or "see rules/sources/"
    # what a finding can rest on: a parameter, a duty, an unresolved role body, a failure or a principle
    readings = {*policy.parameters, *policy.duties, *policy.bodies, *policy.failures,
                *(p.id for p in policy.data.accountability.principles)}
    for rid in pattern.rests_on or ():
        if rid not in readings:
            yield "rests_on", f"the pattern names {rid!r} as rested on, which the policy does not have", \
                suggest(rid, readings) or "see rules/parameters.yaml"


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Scenario files under ``paths`` (files are taken as they are)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(p.rglob("*.scenarios.yaml"))
        elif p.is_file():
            out.append(p)
        else:
            raise RulesError([Issue(str(p), 0, 0, "no such file or directory", "check the path", "missing_file")])
    return out


def run_scenario(ls: LoadedScenario, policy: PolicyView, jurisdiction: Jurisdiction | None = None,
                 engine: EngineName | None = None) -> Outcome:
    """Run one scenario against ``policy``."""
    from .._errors import ProblemError, ResponsibilityError
    from ..engine._decide import who_answers

    sc = ls.scenario
    j = jurisdiction
    try:
        policy = scenario_policy(sc, policy)
    except ResponsibilityError as exc:
        return Outcome(ls, None, errors=[str(exc)])
    if sc.jurisdiction is not None:
        try:
            j = Jurisdiction.from_csv(ls.file.parent / sc.jurisdiction)
        except ResponsibilityError as exc:
            # unusable input, as a record that cannot be read is (exit 2), not a scenario the rules fail
            # (newcomer37 D: a directory or a binary file named as the jurisdiction counted as a failed scenario)
            return Outcome(ls, None, errors=[str(exc)], unusable=True)
    from ..engine._problem import typed_records

    try:
        # a scenario's record is YAML, typed by hand: a 2021/4/2 in it is told no Excel advice — by pytest's scenario
        # items (checks/_plugin) too, which `responsibility test`'s own typed_records did not reach (ux49 left)
        with typed_records():
            verdict = who_answers(policy, sc.problem, jurisdiction=j, engine=engine)
    except ProblemError as exc:
        return Outcome(ls, None, errors=[str(exc)], unusable=True)
    except ResponsibilityError as exc:
        return Outcome(ls, None, errors=[str(exc)])
    out = Outcome(ls, verdict)
    expect = with_ids(sc.expect, policy)
    out.written = [*zip(expect.findings, sc.expect.findings, strict=True),
                   *zip(expect.forbidden, sc.expect.forbidden, strict=True)]
    out.errors += [f"expect: {message}" for group in (expect.findings, expect.forbidden) for pattern in group
                   for _, message, _ in _pattern_problems(pattern, policy)]
    for p in expect.findings:
        if not any(p.matches(f) for f in verdict.findings):
            out.missing.append(p)
    for p in expect.forbidden:
        out.unexpected += [(p, f) for f in verdict.findings if p.matches(f)]
    if sc.expect.failures is not None and len(verdict.failures) != sc.expect.failures:
        out.errors.append(f"expected {sc.expect.failures} failure finding(s), found {len(verdict.failures)}")
    return out


def run_paths(paths: Iterable[str | Path], policy: PolicyView, jurisdiction: Jurisdiction | None = None,
              engine: EngineName | None = None) -> Iterator[Outcome]:
    """Run every scenario found under ``paths``."""
    for f in discover(paths):
        for ls in load_scenarios(f, policy):
            yield run_scenario(ls, policy, jurisdiction, engine)


@dataclass
class Coverage:
    """What a set of scenarios exercises: duties, problem kinds and (area, failure) rules."""

    duties: tuple[set[str], set[str]]
    kinds: tuple[set[str], set[str]]
    rules: tuple[set[str], set[str]]

    @property
    def percent(self) -> float:
        """Exercised items over all items, of the three together, in percent."""
        done = sum(len(x[0] & x[1]) for x in (self.duties, self.kinds, self.rules))
        total = sum(len(x[1]) for x in (self.duties, self.kinds, self.rules))
        return 100.0 * done / total if total else 100.0

    def report(self) -> str:
        """A summary line per category and the items no scenario exercises."""
        lines = []
        for name, (seen, all_) in (("duties", self.duties), ("problem kinds", self.kinds),
                                   ("accountability rules", self.rules)):
            lines.append(f"{name}: {len(seen & all_)}/{len(all_)} exercised")
            missing = sorted(all_ - seen)
            if missing:
                lines.append("  not exercised: " + ", ".join(missing))
        lines.append(f"coverage: {self.percent:.1f}%")
        return "\n".join(lines)


def coverage(outcomes: Iterable[Outcome], policy: PolicyView) -> Coverage:
    """The coverage of ``outcomes`` over ``policy``.

    Duties count when some stage or main-responsibility rule can name them; accountability
    rules are (area, failure) pairs of the problem areas.
    """
    from ..engine._decide import Decider, decider_of
    from ..engine._problem import canonical_record

    decider: Decider = decider_of(policy)
    reachable = {h_duty for rules in decider.rules.values() for r in rules for h in (r.holders or ())
                 for h_duty in h.duties}
    all_kinds = {f"{a}.{k}" for a, k in policy.kinds if policy.areas[a].problems}
    all_rules = {f"{a}.{f}" for a in policy.problem_areas for f in policy.failures}
    duties: set[str] = set()
    kinds: set[str] = set()
    rules: set[str] = set()
    for o in outcomes:
        # as the engine reads it: a scenario may name its area and kind in Chinese (危房改造, 困难家庭危房改造不及时)
        problem = o.scenario.scenario.problem
        if isinstance(problem, dict):
            problem = canonical_record(problem, policy)
        if problem.get("kind"):
            kinds.add(f"{_area(problem)}.{problem['kind']}")
        if o.verdict is None:
            continue
        for f in o.verdict.findings:
            duties.update(f.duties)
            rules.add(f"{_area(problem)}.{f.basis}")
    return Coverage((duties, reachable), (kinds, all_kinds), (rules, all_rules))


def _area(problem: dict[str, Any]) -> Any:
    """The area a scenario's problem names (``domain`` is its former name)."""
    return problem.get("area", problem.get("domain"))
