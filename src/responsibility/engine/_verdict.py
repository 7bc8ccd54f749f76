"""Verdicts: who answers for a problem, on what basis, under which clauses.

A :class:`Verdict` lists :class:`Finding` objects (one per body, basis and
liability) and the :class:`Interpretation` entries that say which findings rest on
a choice the text leaves open. ``to_dict()`` gives the fixed JSON shape::

    {"problem", "findings": [{"level", "body", "name", "place", "basis", "liability",
                              "clauses", "reason"}], "interpretations": [...], "engine"}
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import string
import types
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..policy._view import PolicyView
    from ._problem import Problem

Lang = Literal["zh", "en"]

_c_finding_dicts: Callable[..., list[dict[str, Any]]] | None
_c_interpretation_dicts: Callable[..., list[dict[str, Any]]] | None
_c_settle: Callable[[Any], bool] | None
try:  # a verdict's dicts made in C (engine/_dicts.c), where the extension was built; else by the dict makers below
    from ._dicts import finding_dicts as _c_finding_dicts
    from ._dicts import interpretation_dicts as _c_interpretation_dicts
    from ._dicts import settle as _c_settle
except ImportError:  # pragma: no cover - (an install without a C compiler)
    _c_finding_dicts = _c_interpretation_dicts = _c_settle = None


def _set(form: Any, name: str, value: Any) -> None:
    """Set ``name`` of a frozen form made before (on first use), and have the garbage collector track the form again
    where it was untracked (``engine/_compile.untracked``) and now holds what it tracks (a function or a method of the
    form: a cycle it must be able to free)."""
    object.__setattr__(form, name, value)
    if _c_settle is not None:
        _c_settle(form)

def _lang(lang: str) -> Lang:
    """``lang`` when it is one of the two languages, else :class:`ProblemError` saying so."""
    if lang == "zh":
        return "zh"
    if lang == "en":
        return "en"
    from .._errors import ProblemError

    raise ProblemError("lang", f"use 'zh' or 'en', not {lang!r}")


@dataclass(frozen=True, slots=True)
class Finding:
    """One party that answers: the body placed on a real place, basis, liability, clauses.

    ``level``, ``body`` (a body id of rules/), ``name``/``name_en`` and ``place`` (its division
    code; ``place_name``) say who; ``basis`` why (one of the four failures of 一(四) —
    ``not_discovered``, ``not_handled``, ``not_rectified``, ``concealed`` — or a derived
    ``supervision`` or ``main_responsibility``); ``liability`` which (``staff``, ``unit``,
    ``leadership``: one finding each); ``clauses`` the text behind it, ``reason``/``reason_en``
    the sentence that says it, ``duties`` and ``rules`` the data that made it, and
    ``rests_on`` the interpretations and parameters it depends on.

    >>> import responsibility
    >>> f = responsibility.load().who_answers({"id": "p", "area": "housing", "place": "330127100219",
    ...     "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    ...     "as_of": "2021-03-02"}).findings[0]
    >>> f.body, f.basis, f.liability, f.clauses
    ('village_committee', 'not_discovered', 'staff', ('一(四)', '二(二)1'))
    >>> f.to_dict()["place"]
    '330127100219'
    """

    level: str
    body: str
    name: str
    place: str
    basis: str
    liability: str
    clauses: tuple[str, ...]
    reason: str
    reason_en: str
    name_en: str = ""
    place_name: str = ""
    duties: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    rests_on: tuple[str, ...] = ()

    @property
    def is_failure(self) -> bool:
        """Whether the finding is one of the four failures of 一(四) (not a derived basis)."""
        return self.basis in ("not_discovered", "not_handled", "not_rectified", "concealed")

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """The fixed JSON shape of a finding; ``lang`` picks the reason's language."""
        if lang != "zh" and lang != "en":
            _lang(lang)
        return {
            "level": self.level, "body": self.body, "name": self.name, "place": self.place,
            "basis": self.basis, "liability": self.liability, "clauses": list(self.clauses),
            "reason": self.reason if lang == "zh" else self.reason_en,
        }


@dataclass(frozen=True, slots=True)
class Interpretation:
    """A choice the text leaves open (a parameter, or a duty read by interpretation) and the
    findings (by index) that rest on it."""

    id: str
    type: str
    name: str
    value: Any
    why: str
    findings: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "type": self.type, "name": self.name, "value": self.value, "why": self.why,
                "findings": list(self.findings)}


@dataclass(frozen=True, slots=True)
class Step:
    """One rule that fired, for ``explain()``."""

    rule: str
    fact: dict[str, Any]
    findings: tuple[int, ...]


class More(NamedTuple):
    """What ``explain()`` and pictures read beyond the findings, built when first asked for."""

    steps: tuple[Step, ...]
    quotes: dict[str, str]
    parameters: dict[str, Any]
    paths: dict[int, tuple[str, ...]]


class Parts(NamedTuple):
    """The findings and interpretations of a verdict, and how to build the rest."""

    findings: tuple[Finding, ...]
    interpretations: tuple[Interpretation, ...]
    more: Callable[[], More]


class _Blank(dict[str, str]):
    """Reason values: a template field without a value formats as ``""``."""

    def __missing__(self, key: str) -> str:
        return ""


def blank(values: Mapping[str, str]) -> dict[str, str]:
    """A mapping of reason values in which a missing field formats as ``""``."""
    return _Blank(values)


def fill_template(template: str, values: Mapping[str, Any], keep: Collection[str]) -> tuple[str, bool]:
    """``template`` with every field but those named in ``keep`` formatted from ``values`` (a
    field without a value as ``""``), the rest left as fields, braces of the filled text doubled:
    ``fill_template(t, v, keep).format_map(rest)`` is ``t.format_map({**v, **rest})``.

    The second item says whether some field could not be filled (an attribute, index or
    positional field other than of ``keep``): it was left as it was and formatting the result
    needs ``values`` too.

    >>> fill_template("{body}（{place}）{limit:>3}天", {"body": "县住建局", "limit": 10}, {"place"})
    ('县住建局（{place}） 10天', False)
    """
    fmt = string.Formatter()
    out: list[str] = []
    partial = False
    for literal, field, spec, conversion in fmt.parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        whole = "{" + field + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
        if field in keep:
            out.append(whole)
        elif not field.isidentifier() or "{" in (spec or ""):
            partial = True  # an attribute, an index, a positional or a nested field: left to format_map
            out.append(whole)
        else:
            value = fmt.convert_field(values.get(field, ""), conversion)
            out.append(fmt.format_field(value, spec or "").replace("{", "{{").replace("}", "}}"))
    return "".join(out), partial


@dataclass(frozen=True, slots=True)
class FindingForm:
    """What a finding says that does not depend on the record: the same for every verdict of a
    decider with the same body, basis, liability, duties, rules, severity and escalation.

    ``reason`` and ``reason_en`` are the reason templates with the finding's own values filled in;
    the record's (the place, the finder, the dates: a :data:`Slot`'s values) fill the rest. ``own`` is
    ``None``, or the finding's own values where a template field could not be filled in advance.
    """

    level: str
    body: str
    name: str
    name_en: str
    basis: str
    liability: str
    clauses: tuple[str, ...]
    duties: tuple[str, ...]
    rests_on: tuple[str, ...]
    reason: str
    reason_en: str
    own: Mapping[str, str] | None = None
    #: What the form was made from, kept with it (the decider finds the form by its identity).
    static: Any = None
    #: What ``engine/_dicts.c`` makes a finding dict of this form from (:func:`finding_spec`), ``None`` until first
    #: asked for: the dict of its own values, and its reason in each language (its template's pieces, or a function).
    proto: dict[str, Any] | None = dataclass_field(init=False, compare=False, repr=False, default=None)
    zh_reason: Reason | None = dataclass_field(init=False, compare=False, repr=False, default=None)
    en_reason: Reason | None = dataclass_field(init=False, compare=False, repr=False, default=None)
    #: :attr:`zh_dict` and :attr:`en_dict` once made; without the C extension, which makes the dicts where built, a
    #: placeholder that makes each on its first call, as ``to_dict`` calls them. (With it a form holds none: a decider
    #: keeps ~10,000 forms, and every object they hold is one more for the garbage collector to walk.)
    zh_made: Callable[[Slot], dict[str, Any]] | None = dataclass_field(init=False, compare=False, repr=False,
                                                                       default=None)
    en_made: Callable[[Slot], dict[str, Any]] | None = dataclass_field(init=False, compare=False, repr=False,
                                                                       default=None)

    def __post_init__(self) -> None:
        if _c_finding_dicts is None:  # (made on first use: most forms are read in one language only)
            _set(self, "zh_made", functools.partial(self._first_dict, False))
            _set(self, "en_made", functools.partial(self._first_dict, True))

    def _first_dict(self, en: bool, slot: Slot) -> dict[str, Any]:
        make = finding_dict_maker(self, en)
        _set(self, "en_made" if en else "zh_made", make)
        return make(slot)

    @property
    def zh_dict(self) -> Callable[[Slot], dict[str, Any]]:
        """``Finding.to_dict("zh")`` of a finding of this form, given its :data:`Slot` (:func:`finding_dict_maker`,
        made on first use: most forms are read in one language only, and with the C extension in none)."""
        made = self.zh_made
        if made is None:
            made = finding_dict_maker(self, False)
            _set(self, "zh_made", made)
        return made

    @property
    def en_dict(self) -> Callable[[Slot], dict[str, Any]]:
        """``Finding.to_dict("en")`` of a finding of this form, given its :data:`Slot` (as :attr:`zh_dict`)."""
        made = self.en_made
        if made is None:
            made = finding_dict_maker(self, True)
            _set(self, "en_made", made)
        return made

    def text(self, values: Mapping[str, str], en: bool) -> str:
        """The reason in Chinese or English, given the record's values (a :func:`blank` mapping)."""
        template = self.reason_en if en else self.reason
        if self.own is not None:
            return template.format_map(blank({**self.own, **values}))
        return template.format_map(values)


#: Where findings of one verdict sit and what the record says for them: the place's code and name
#: (at the finding's body's level) and the record's reason values (a :func:`blank` mapping, or a
#: plain dict with a value, maybe ``""``, for every field a form's template left unfilled).
Slot = tuple[str, str, Mapping[str, str]]

#: The keys of a finding's dict, in order (``Finding.to_dict``).
_FINDING_KEYS = ("level", "body", "name", "place", "basis", "liability", "clauses", "reason")

#: :func:`formatter` by template (a policy's forms have a few hundred).
_FORMATTERS: dict[str, Callable[[Mapping[str, str]], str]] = {}


def _pieces(template: str) -> list[tuple[str, str | None]] | None:
    """The literal runs of ``template``, each with the plain field name after it (``None`` after
    the last run); ``None`` where the template does not parse or a field is not a plain name
    (a conversion, a format spec, an attribute, an index, a positional field)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    out: list[tuple[str, str | None]] = []
    for literal, field, spec, conversion in parsed:
        if field is not None and (spec or conversion or not field.isidentifier()):
            return None
        out.append((literal, field))
    return out


def _fstring(pieces: list[tuple[str, str | None]], literals: list[Any], values: str) -> str:
    """The source of an f-string of ``pieces`` reading fields from the mapping named ``values``;
    each non-empty literal run is a name ``l<i>`` (appended to ``literals``): the template's own
    text stays data, the source holds only names and identifiers."""
    out = []
    for literal, field in pieces:
        if literal:
            out.append(f"{{l{len(literals)}}}")
            literals.append(literal)
        if field is not None:
            out.append(f"{{{values}[{field!r}]}}")
    return 'f"' + "".join(out) + '"'


def formatter(template: str) -> Callable[[Mapping[str, str]], str]:
    """A function giving ``template.format_map(values)``: where every field of ``template`` is a
    plain name (no conversion, format spec, attribute or index), a function compiled to an
    f-string of its literal runs and fields, which formats the same without parsing the
    template on each call; else ``template.format_map`` itself.

    >>> formatter("{place}（{finder}）{{x}}")({"place": "某村", "finder": "县"})
    '某村（县）{x}'
    """
    got = _FORMATTERS.get(template)
    if got is None:
        pieces = _pieces(template)
        if pieces is None:
            got = template.format_map
        else:
            literals: list[Any] = []
            got = _made("v", _fstring(pieces, literals, "v"), literals)
        if len(_FORMATTERS) >= 10_000:
            _FORMATTERS.clear()
        _FORMATTERS[template] = got
    return got


#: Functions compiled by :func:`_made`, by their source.
_CODE: dict[str, Callable[..., Any]] = {}


def _made(arg: str, expression: str, constants: Sequence[Any], setup: str = "") -> Callable[..., Any]:
    """A function of ``arg`` returning ``expression`` (after the statement ``setup``), in which the
    names ``l0``, ``l1``… are ``constants`` (bound as defaults: the source holds names only, never a
    value). :func:`bound` gives the same function with other constants."""
    names = [f"l{i}" for i in range(len(constants))]
    source = f"def made({', '.join([arg, *names])}):\n    {setup or 'pass'}\n    return {expression}\n"
    proto = _CODE.get(source)
    if proto is None:
        namespace: dict[str, Any] = {}
        exec(source, namespace)
        proto = namespace["made"]
        if len(_CODE) >= 10_000:
            _CODE.clear()
        _CODE[source] = proto
    return bound(proto, constants)


def bound(proto: Callable[..., Any], constants: Sequence[Any]) -> Callable[..., Any]:
    """A function made by :func:`_made`, with ``constants`` (as many) in place of its own."""
    return types.FunctionType(proto.__code__, proto.__globals__, "made", tuple(constants))


#: By reason template and number of clauses: a finding dict maker (:func:`finding_dict_maker`) and the
#: template's literal runs it binds after the form's values and clauses; ``None`` for a template
#: :func:`formatter` cannot compile. Forms of one failure share one (a policy has many forms, few templates).
_DICT_MAKERS: dict[tuple[str, int], tuple[Callable[..., Any], tuple[str, ...]] | None] = {}


def finding_dict_maker(form: FindingForm, en: bool) -> Callable[[Slot], dict[str, Any]]:
    """A function giving ``Finding.to_dict()`` (the reason in English if ``en``) of a finding of
    ``form`` in a slot, without a :class:`Finding`: a copy of a dict of the form's values with the
    slot's place, a new list of the clauses and the reason template as an f-string of the slot's
    values set in it (a form whose template :func:`formatter` cannot compile, or that needs its own
    values too, formats with :meth:`FindingForm.text`)."""
    template, n = (form.reason_en if en else form.reason), len(form.clauses)
    # the dict's values that are the form's, in its keys' order, as a dict each one copies (a copy of a dict is one
    # block copied; a dict display inserts each key): the place, clauses and reason are set in it
    of_form = {"level": form.level, "body": form.body, "name": form.name, "place": None, "basis": form.basis,
               "liability": form.liability, "clauses": None, "reason": None}
    own: list[Any] = [of_form, *form.clauses]
    key = (template, n)
    got = _DICT_MAKERS.get(key) if form.own is None else None
    if got is None and form.own is None and key not in _DICT_MAKERS:
        pieces = _pieces(template)
        got = None
        if pieces is not None:
            constants = list(own)
            proto = _finding_dict(n, _fstring(pieces, constants, "v"), constants)
            got = (proto, tuple(constants[len(own):]))
        if len(_DICT_MAKERS) >= 10_000:
            _DICT_MAKERS.clear()
        _DICT_MAKERS[key] = got
    if got is None:  # formatted by the form itself
        text = functools.partial(form.text, en=en)
        return _finding_dict(n, f"l{len(own)}(v)", [*own, text])
    return bound(got[0], (*own, *got[1]))


#: How ``engine/_dicts.c`` makes a finding's reason (:func:`finding_spec`): its template's literal runs with the field
#: names between them (literal, field, …, literal), or a function of the slot's values giving it.
Reason = tuple[str, ...] | Callable[[Mapping[str, str]], str]

#: By template: its pieces as :func:`finding_spec` gives them (``None``: formatted by the form itself).
_SPEC_PIECES: dict[str, tuple[str, ...] | None] = {}


def finding_spec(form: FindingForm, en: bool) -> None:
    """What ``engine/_dicts.c`` (``finding_dicts``) makes ``Finding.to_dict()`` of a finding of ``form`` from (the
    reason in English if ``en``), kept in the form (:attr:`FindingForm.proto`, :attr:`FindingForm.zh_reason`,
    :attr:`FindingForm.en_reason`; its clauses are its own): the dict of its own values, in the keys' order, with the
    place, clauses and reason still to set; and its reason template as literal runs with the field names between
    them (``v[field]`` of the slot's values each, formatted as an f-string formats it), or, for a template
    :func:`formatter` cannot compile or a form with its own values, :meth:`FindingForm.text` in that language."""
    if form.proto is None:
        _set(form, "proto", {"level": form.level, "body": form.body, "name": form.name, "place": None,
                                           "basis": form.basis, "liability": form.liability, "clauses": None,
                                           "reason": None})
    template = form.reason_en if en else form.reason
    pieces: tuple[str, ...] | None = None
    if form.own is None:
        if template in _SPEC_PIECES:
            pieces = _SPEC_PIECES[template]
        else:
            parsed = _pieces(template)
            if parsed is not None:
                flat: list[str] = []
                run = ""  # the literal text since the last field (a doubled brace splits a run in two)
                for literal, field in parsed:
                    run += literal
                    if field is not None:
                        flat += (run, field)
                        run = ""
                pieces = (*flat, run)
            if len(_SPEC_PIECES) >= 10_000:
                _SPEC_PIECES.clear()
            _SPEC_PIECES[template] = pieces
    reason: Reason = pieces if pieces is not None else functools.partial(form.text, en=en)
    _set(form, "en_reason" if en else "zh_reason", reason)


def _finding_dict(clauses: int, reason: str, constants: Sequence[Any]) -> Callable[[Slot], dict[str, Any]]:
    """A function of a slot ``s`` (its record values ``v``) giving a finding's dict: a copy of ``l0``, the
    dict of the form's level, body, name, basis and liability (in the keys' order, :data:`_FINDING_KEYS`),
    with the slot's place, the form's clauses (the next ``clauses`` names) and its reason (the expression
    ``reason``) set in it."""
    setup = "\n    ".join(("v = s[2]", "d = l0.copy()", "d['place'] = s[0]",
                           "d['clauses'] = [" + ", ".join(f"l{1 + i}" for i in range(clauses)) + "]",
                           f"d['reason'] = {reason}"))
    return _made("s", "d", constants, setup)


def interpretation_dict_maker(i: InterpretationForm) -> Callable[[tuple[int, ...]], dict[str, Any]]:
    """A function giving ``Interpretation.to_dict()`` of ``i`` given the findings resting on it (a
    list value copied: each dict has its own)."""
    # (a copy of the dict of its own values, as a finding's: :func:`_finding_dict`)
    value = "\n    d['value'] = [*l1]" if isinstance(i.value, list) else ""
    return _made("ix", "d", (i.proto, i.value), f"d = l0.copy(){value}\n    d['findings'] = [*ix]")


def _interpretation_proto(i: InterpretationForm) -> dict[str, Any]:
    """The dict of an interpretation's own values, in its keys' order, that each of its dicts is a copy of."""
    return {"id": i.id, "type": i.type, "name": i.name, "value": i.value, "why": i.why, "findings": None}


def interpretations_maker(pairs: Sequence[tuple[InterpretationForm, tuple[int, ...]]]
                          ) -> Callable[[Any], list[dict[str, Any]]]:
    """A function (of an argument it does not read) giving ``[Interpretation.to_dict() …]`` of the interpretations
    ``pairs`` (each with the findings resting on it): each dict a copy of its interpretation's own values
    (:attr:`InterpretationForm.proto`) with a new list of its findings (and of its value, a list) set in it, made
    :data:`_CHUNK` in one frame, where a dict maker each (:attr:`InterpretationForm.dict_of`) is a frame each. Each
    chunk's function calls the next's; its code is kept by which of its values are lists (:data:`_CHUNKS`)."""
    head = pairs[:_CHUNK]
    rest = len(pairs) > _CHUNK
    shape = (*[isinstance(i.value, list) for i, _ in head], rest)
    proto = _CHUNKS.get(shape)
    if proto is None:
        proto = _CHUNKS[shape] = _chunk_code(shape)
    constants: list[Any] = []
    for i, ix in head:
        constants.append(i.proto)
        if isinstance(i.value, list):
            constants.append(i.value)
        constants.append(ix)
    if rest:  # the rest, from the next chunk's function
        constants.append(interpretations_maker(pairs[_CHUNK:]))
    return bound(proto, constants)


def _chunk_code(shape: tuple[bool, ...]) -> Callable[..., Any]:
    """A function of :func:`interpretations_maker` for a chunk whose values are lists where ``shape`` says (its last
    item: whether another chunk's function follows), with its constants in the order that function binds them."""
    lines: list[str] = []
    count = 0
    for n, is_list in enumerate(shape[:-1]):
        lines.append(f"d{n} = l{count}.copy()")
        count += 1
        if is_list:
            lines.append(f"d{n}['value'] = [*l{count}]")
            count += 1
        lines.append(f"d{n}['findings'] = [*l{count}]")
        count += 1
    made = [f"d{n}" for n in range(len(shape) - 1)]
    if shape[-1]:
        made.append(f"*l{count}(x)")
        count += 1
    return _made("x", "[" + ", ".join(made) + "]", [None] * count, "\n    ".join(lines))


#: How many interpretation dicts one function of :func:`interpretations_maker` makes.
_CHUNK = 4
#: The code of :func:`interpretations_maker`'s functions, by which of a chunk's values are lists (and whether another
#: chunk follows): at most 62.
_CHUNKS: dict[tuple[bool, ...], Callable[..., Any]] = {}


@dataclass(frozen=True, slots=True)
class InterpretationForm:
    """An interpretation without the findings that rest on it (the same for every verdict)."""

    id: str
    type: str
    name: str
    value: Any
    why: str
    #: The dict of its own values each of its dicts is a copy of (with its findings, and a list value, set anew).
    proto: dict[str, Any] = dataclass_field(init=False, compare=False, repr=False)
    #: :attr:`dict_of` once made (``None`` before: with the C extension, which makes the dicts, it is never asked for,
    #: and a form holding no function is one the garbage collector can stop tracking).
    dict_made: Callable[[tuple[int, ...]], dict[str, Any]] | None = dataclass_field(init=False, compare=False,
                                                                                   repr=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "proto", _interpretation_proto(self))

    @property
    def dict_of(self) -> Callable[[tuple[int, ...]], dict[str, Any]]:
        """``Interpretation.to_dict()`` of it, given the findings resting on it (:func:`interpretation_dict_maker`,
        made on first use)."""
        made = self.dict_made
        if made is None:
            made = interpretation_dict_maker(self)
            _set(self, "dict_made", made)
        return made


def fresh(value: Any) -> Any:
    """A list value copied (each verdict has its own), any other as it is."""
    return list(value) if isinstance(value, list) else value


#: A form's dict maker in each language, or the placeholder that makes it (:attr:`FindingForm.zh_made`,
#: :attr:`FindingForm.en_made`: without the C extension), read as it is when called (a form's first call replaces it).
_ZH_DICT, _EN_DICT = operator.attrgetter("zh_made"), operator.attrgetter("en_made")


class Sheet(NamedTuple):
    """The findings of a verdict as forms, each with its slot (the place and the record's values,
    ``slots[slot_of[i]]``) and its rules' ids, and the interpretations as forms with the finding
    indices resting on them: what ``to_dict`` needs, without building a :class:`Finding`;
    ``more`` builds the rest."""

    forms: tuple[FindingForm, ...]
    slot_of: tuple[int, ...]
    rules: tuple[tuple[str, ...], ...]
    slots: list[Slot]
    interpretations: tuple[tuple[InterpretationForm, tuple[int, ...]], ...]
    more: Callable[[], More]
    #: The dicts of :attr:`interpretations` made in one call (:func:`interpretations_maker`; its argument is not read),
    #: or ``None``.
    interpretation_calls: Callable[[Any], list[dict[str, Any]]] | None = None

    def parts(self) -> Parts:
        """The :class:`Finding` and :class:`Interpretation` objects of the rows."""
        slots = self.slots
        findings = tuple(
            Finding(level=f.level, body=f.body, name=f.name, place=slots[s][0], basis=f.basis,
                    liability=f.liability, clauses=f.clauses, reason=f.text(slots[s][2], False),
                    reason_en=f.text(slots[s][2], True), name_en=f.name_en, place_name=slots[s][1],
                    duties=f.duties, rules=rules, rests_on=f.rests_on)
            for f, s, rules in zip(self.forms, self.slot_of, self.rules, strict=True))
        interpretations = tuple(Interpretation(i.id, i.type, i.name, fresh(i.value), i.why, ix)
                                for i, ix in self.interpretations)
        return Parts(findings, interpretations, self.more)

    def finding_dicts(self, lang: Lang) -> list[dict[str, Any]]:
        """``Finding.to_dict(lang)`` of every finding: made in C where the extension was built (``engine/_dicts.c``),
        else each form's dict maker called on its slot, the loop in C (``map`` of ``operator.call``; a
        comprehension's per-finding bytecode was ~4% of a decision)."""
        if _c_finding_dicts is not None:
            return _c_finding_dicts(self.forms, self.slot_of, self.slots, lang == "en", finding_spec)
        get = operator.attrgetter("en_dict" if lang == "en" else "zh_dict")  # (a form made with the extension)
        return list(map(operator.call, map(get, self.forms), map(self.slots.__getitem__, self.slot_of)))

    def interpretation_dicts(self) -> list[dict[str, Any]]:
        """``Interpretation.to_dict()`` of every interpretation (in one call, where the sheet has its
        :attr:`interpretation_calls`)."""
        calls = self.interpretation_calls
        if calls is not None:
            return calls(None)
        return [i.dict_of(ix) for i, ix in self.interpretations]


#: What ``engine/_dicts.c`` makes an interpretation's dict of (:func:`interpretation_specs`): its id, type, name,
#: value and why, its value again where a list (each dict gets a copy of it; else ``None``), the findings resting on it.
InterpretationSpec = tuple[str, str, str, Any, str, "list[Any] | None", tuple[int, ...]]


def interpretation_specs(pairs: Sequence[tuple[InterpretationForm, tuple[int, ...]]]
                         ) -> tuple[InterpretationSpec, ...]:
    """What ``engine/_dicts.c`` (``interpretation_dicts``) makes ``Interpretation.to_dict()`` of the interpretations
    ``pairs`` from: each one's own values, its value where a list (each dict gets a copy of it), and the findings
    resting on it, in one flat tuple each (a dict inserted from it reads one tuple where a copy of
    :attr:`InterpretationForm.proto` read the dict and its table of keys, cold in a stream of verdicts)."""
    return tuple([(i.id, i.type, i.name, i.value, i.why, i.value if isinstance(i.value, list) else None, ix)
                  for i, ix in pairs])


def dicts_maker(pairs: Sequence[tuple[InterpretationForm, tuple[int, ...]]]
                ) -> Callable[[Any], list[dict[str, Any]]]:
    """:func:`interpretations_maker`'s function, made in C where the extension was built (``engine/_dicts.c``: no
    code made per set of interpretations)."""
    if _c_interpretation_dicts is not None:
        return functools.partial(_c_interpretation_dicts, interpretation_specs(pairs))
    return interpretations_maker(pairs)


class VerdictContext(NamedTuple):
    """What a verdict was decided in: the policy view, the jurisdiction and the parsed problem
    (a named tuple: one is made per decision; pictures and the table read it)."""

    policy: PolicyView
    jurisdiction: Jurisdiction
    problem: Problem


class Verdict:
    """The answer to "who answers for this problem?".

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> v = policy.who_answers({"id": "p", "area": "housing", "place": "331127",
    ...     "discovered": {"level": "county", "channel": "hotline", "on": "2021-01-04"},
    ...     "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-01-05"}],
    ...     "rectified_on": "2021-01-20", "as_of": "2021-03-01"}, engine="compiled")
    >>> v.findings                      # handled in time, rectified: nobody answers
    ()
    >>> v = policy.who_answers({"id": "q", "area": "housing", "place": "330127100219",
    ...     "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-03-02"})
    >>> sorted({f.body for f in v.findings if f.basis == "not_discovered"})   # the village and township missed it
    ['township_government', 'village_committee', 'village_party_branch']
    >>> for i in v.interpretations:                         # what the answer rests on, by name, and which findings
    ...     print(i.id, i.findings)                         # (none: it decided that a body does not answer)
    handling_time_limit_days ()
    leadership_liability_from (0, 1, 2)
    outside_channel_finder_level ()
    unit_liability_from (0, 1, 2)
    >>> print(v.explain("en").splitlines()[1])              # the same, for a reader (v.explain() in Chinese)
    1. Villagers' committee — 富城村 330127100219

    ``who_answers`` decides at once who answers (which bodies, on which basis, with which
    liability) but builds what a verdict says about it — the findings with their clauses and
    reasons in both languages, the interpretations, the rules that fired, the chain paths,
    the quoted clauses — on the first use of any of them, so a caller pays only for what it
    reads. Two threads reading a fresh verdict at once may both build it; they build the same.
    Equal verdicts compare equal field by field (``context`` aside), as before.
    """

    __slots__ = ("_make", "_more", "_parts", "_sheet", "as_of", "context", "engine", "policy", "problem")
    __hash__ = None  # type: ignore[assignment]  # it holds dicts, as the dataclass it was did

    problem: str
    engine: str
    as_of: dt.date
    policy: str
    #: What the verdict was decided in (policy view, jurisdiction, parsed problem), for pictures.
    context: Any

    def __init__(self, problem: str, findings: tuple[Finding, ...], interpretations: tuple[Interpretation, ...],
                 engine: str, as_of: dt.date, policy: str, steps: tuple[Step, ...] = (),
                 quotes: dict[str, str] | None = None, parameters: dict[str, Any] | None = None,
                 paths: dict[int, tuple[str, ...]] | None = None, context: Any = None) -> None:
        self.problem, self.engine, self.as_of, self.policy, self.context = problem, engine, as_of, policy, context
        more = More(steps, dict(quotes or {}), dict(parameters or {}), dict(paths or {}))
        self._parts: Parts | None = Parts(findings, interpretations, lambda: more)
        self._more: More | None = more
        self._sheet: Sheet | None = None
        self._make: Callable[[], Sheet] | None = None

    @classmethod
    def lazy(cls, problem: str, engine: str, as_of: dt.date, policy: str, context: Any,
             make: Callable[[], Sheet]) -> Verdict:
        """A verdict whose :class:`Sheet` ``make()`` builds on first use: ``to_dict`` and
        ``to_json`` read it as it is, the findings and interpretations are built from it when
        first read (and its :class:`More` on the first use of any of its fields)."""
        v = cls.__new__(cls)
        v.problem, v.engine, v.as_of, v.policy, v.context = problem, engine, as_of, policy, context
        v._parts, v._more, v._sheet, v._make = None, None, None, make
        return v

    def _built_sheet(self) -> Sheet | None:
        """The sheet of a lazy verdict, ``None`` for one made whole."""
        sheet = self._sheet
        if sheet is None:
            make = self._make
            if make is None:
                return self._sheet  # made whole, or another thread has just built it
            sheet = self._sheet = make()
            self._make = None
        return sheet

    def _built(self) -> Parts:
        parts = self._parts
        if parts is None:
            sheet = self._built_sheet()
            assert sheet is not None  # a verdict made whole has its parts
            parts = self._parts = sheet.parts()
        return parts

    def _built_more(self) -> More:
        more = self._more
        if more is None:
            more = self._more = self._built().more()
        return more

    @property
    def findings(self) -> tuple[Finding, ...]:
        """One finding per body, basis and liability, from the village up, then by body id."""
        return self._built().findings

    @property
    def interpretations(self) -> tuple[Interpretation, ...]:
        """The choices the text leaves open that findings rest on (by finding index)."""
        return self._built().interpretations

    @property
    def steps(self) -> tuple[Step, ...]:
        """The rules that fired, each with the fact it fired on and the findings it gave."""
        return self._built_more().steps

    @property
    def quotes(self) -> dict[str, str]:
        """Every clause of the policy, by id, with its text."""
        return self._built_more().quotes

    @property
    def parameters(self) -> dict[str, Any]:
        """Every parameter in force, by id, with the value used."""
        return self._built_more().parameters

    @property
    def paths(self) -> dict[int, tuple[str, ...]]:
        """By finding index: the places from the problem's up to the body's, then the body's name."""
        return self._built_more().paths

    def _fields(self) -> tuple[Any, ...]:
        return (self.problem, self.findings, self.interpretations, self.engine, self.as_of, self.policy,
                self.steps, self.quotes, self.parameters, self.paths)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Verdict)
        return self._fields() == other._fields()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Verdict, (*self._fields(), self.context))

    @property
    def failures(self) -> tuple[Finding, ...]:
        """Findings of the four failures only (no supervision or main responsibility)."""
        return tuple(f for f in self.findings if f.is_failure)

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """The fixed JSON shape of the verdict; under a what-if policy also ``what_if``:
        ``{parameter: {"rules": value, "used": value}}``."""
        if lang != "zh" and lang != "en":
            _lang(lang)
        sheet = self._sheet
        if sheet is None and (make := self._make) is not None:  # (_built_sheet inline: a Python frame fewer)
            sheet = self._sheet = make()
            self._make = None
        if sheet is not None and _c_finding_dicts is not None:  # made in C (engine/_dicts.c): nothing else built
            findings = _c_finding_dicts(sheet.forms, sheet.slot_of, sheet.slots, lang == "en", finding_spec)
            calls = sheet.interpretation_calls
            interpretations = (calls(None) if calls is not None
                               else [i.dict_of(ix) for i, ix in sheet.interpretations])
        elif sheet is not None:  # nothing built but what the dict holds
            # (Sheet.finding_dicts and interpretation_dicts, inline: two Python frames fewer per verdict)
            findings = list(map(operator.call, map(_EN_DICT if lang == "en" else _ZH_DICT, sheet.forms),
                                map(sheet.slots.__getitem__, sheet.slot_of)))
            calls = sheet.interpretation_calls
            interpretations = (calls(None) if calls is not None
                               else [i.dict_of(ix) for i, ix in sheet.interpretations])
        else:
            findings = [f.to_dict(lang) for f in self.findings]
            interpretations = [i.to_dict() for i in self.interpretations]
        out: dict[str, Any] = {"problem": self.problem, "findings": findings,
                               "interpretations": interpretations, "engine": self.engine}
        # Only a verdict of a what-if policy has any (its context's policy says so; no import otherwise).
        if getattr(getattr(self.context, "policy", None), "what_if", None) and (changed := self.what_if):
            out["what_if"] = {k: {"rules": old, "used": new} for k, (old, new) in changed.items()}
        return out

    def to_json(self, lang: Lang = "zh", indent: int | None = 2) -> str:
        """The verdict as JSON text (Chinese kept as characters)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def explain(self, lang: Lang = "zh") -> str:
        """The chain of reasoning, numbered as the ``who`` table: for each body and basis its
        liabilities, reason, path through the chain from the place to the body, the rules that
        fired and the parameters they read; then the quoted clauses and the interpretations."""
        from ._verdict_view import explain_text

        return explain_text(self, _lang(lang))

    def __repr__(self) -> str:
        from ._verdict_view import short_repr

        return short_repr(self)

    @property
    def what_if(self) -> dict[str, tuple[Any, Any]]:
        """``{parameter: (rules' value, value used)}`` when decided under
        :meth:`Policy.with_parameters <responsibility.Policy.with_parameters>`, else ``{}``."""
        from ._verdict_view import what_if_of

        return what_if_of(self)

    def draw(self, lang: Lang = "zh", *, layout: Literal["auto", "dot", "matplotlib"] = "auto") -> Any:
        """A picture of the verdict: the chain above the problem's place (only the bodies
        concerned, each at its level and place), the path the problem took, and every finding
        marked on its body by basis and liability, with a legend in ``lang``.

        Returns a :class:`~responsibility.chain._scene.Picture`: it shows inline in Jupyter
        and ``.save("x.png")`` or ``.save("x.svg")`` writes it. ``layout="auto"`` uses
        Graphviz ``dot`` where installed, else matplotlib.
        """
        from ..chain._draw import draw_case
        from ._verdict_view import case_of

        return draw_case(case_of(self, _lang(lang)), layout=layout)

    def _repr_html_(self) -> str:
        from ._verdict_view import html_view

        return html_view(self)

    def to_frame(self, lang: Lang = "zh") -> Any:
        """The findings as a pandas DataFrame (needs the ``frames`` extra)."""
        lang = _lang(lang)
        try:
            import pandas as pd
        except ImportError:
            from .._errors import ExtraUnavailable

            raise ExtraUnavailable("to_frame() needs pandas: pip install 'responsibility[frames]'") from None
        rows = [{"problem": self.problem, **f.to_dict(lang)} for f in self.findings]
        columns = ["problem", "level", "body", "name", "place", "basis", "liability", "clauses", "reason"]
        return pd.DataFrame(rows, columns=columns)
