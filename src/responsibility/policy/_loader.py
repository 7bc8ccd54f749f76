"""Reading a policy directory into models, with every problem located.

The loader reads each file with positions (``_yaml``), validates its shape with
the pydantic model of ``_model.FILE_MODELS`` and turns each pydantic error into an
:class:`~responsibility.Issue` naming file:line:column, the field, and a fix. It
keeps going after a bad file so that an editor sees every problem at once; the
caller decides whether issues are fatal.

Not checked here: cross-references and citations (``_validate``).
"""

from __future__ import annotations

import difflib
import errno
import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .._errors import Issue, RulesError
from ._model import ID_PATTERN
from ._text import fold
from ._yaml import PathKey, Positions, lookalike, read_yaml

if TYPE_CHECKING:  # (pydantic and the models are imported where a directory is read: a start from the cache
    # uses this module's names and suggestions only)
    from pydantic import BaseModel, ValidationError

    from ._model import Body, Parameter, PolicyData
    from ._models import PolicyMeta

M = TypeVar("M", bound="BaseModel")


def default_rules_dir() -> Path:
    """The shipped rules: inside the installed package, else the checkout's ``rules/``."""
    packaged = Path(str(resources.files("responsibility"))) / "_data" / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass(frozen=True)
class Where:
    """Where an object of the policy was read: its file's positions and its path there."""

    positions: Positions
    path: PathKey

    def issue(self, sub: PathKey, message: str, hint: str = "", code: str = "invalid") -> Issue:
        """An issue located at ``sub`` below this object."""
        return self.positions.issue((*self.path, *sub), message, hint, code)


@dataclass
class Loaded:
    """The result of reading a directory: the data (if its shape is sound) and the issues."""

    root: Path
    data: PolicyData | None
    issues: list[Issue] = field(default_factory=list)
    where: dict[str, Where] = field(default_factory=dict)

    def at(self, key: str) -> Where:
        """Location of an object by key (``"duty:<id>"``, ``"body:<id>"``, ``"area:<id>"``…)."""
        return self.where[key]


def suggest(word: str, options: Iterable[str]) -> str:
    """A "did you mean …?" hint, or an empty string.

    Hints for short words are remembered (a ledger rejects the same unknown id on many records,
    and difflib's comparison costs milliseconds).
    """
    word, choices = str(word), tuple(options)
    if len(word) > _REMEMBERED or not all(type(c) is str for c in choices):
        return _suggest(word, choices)
    return _suggest_remembered(word, choices)


#: The longest word whose hint :func:`suggest` remembers.
_REMEMBERED = 200


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = closest(word, choices)
    return f"did you mean {close!r}?" if close is not None else ""


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option nearest ``word`` (as :func:`suggest` finds it), or ``None``."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return close[0] if close else None


_suggest_remembered = functools.lru_cache(maxsize=256)(_suggest)


#: What a name read so far stands for: folded name → [(kind of term, id)] (body, level, channel …).
Names = dict[str, list[tuple[str, str]]]


#: The kind of id a field takes, where a name could stand for several (学校 is a body kind and a body).
_ID_OF = {"holders": "body", "parent": "body", "from": "body", "to": "body", "level": "level", "authority": "level",
          "kind": "body kind", "kinds": "duty kind", "category": "category"}


def _id_issue(loc: PathKey, field_path: str, got: str, pos: Positions, names: Names) -> Issue:
    """An id field that holds something else: a name of rules/ (县（市、区）建设部门) gets the id it names."""
    field = next((str(p) for p in reversed(loc) if not isinstance(p, int)), "this field")
    plural = bool(loc) and isinstance(loc[-1], int)
    wanted = _ID_OF.get(field)
    named = sorted(names.get(fold(got), []), key=lambda e: e[0] != wanted)  # what the field takes first
    if named:
        said = " or ".join(f"the {what} {tid}" for what, tid in named[:4])
        verb = "take ids" if plural else "takes an id"
        return pos.issue(loc, f"field {field_path!r}: {field} {verb}, not names: {got} is {said}",
                         f"write {named[0][1]}", "wrong_type")
    return pos.issue(loc, f"field {field_path!r}: {_show(got)} is not an id: ids are lower-case ASCII letters, digits "
                     "and _, starting with a letter (county_construction)",
                     "write the id (the id column of docs/records.md, or rules/bodies/ for a body)", "wrong_type")


#: A model's own reading of its validation errors (see :meth:`_Reader.read`): each error's path in the file, and an
#: issue for the errors it words itself (``None``: worded as any other).
Errors = Callable[[dict[str, Any], Positions], tuple[PathKey, "Issue | None"]]


def _pydantic_issues(exc: ValidationError, pos: Positions, model: type[BaseModel],
                     names: Names | None = None, errors: Errors | None = None) -> Iterator[Issue]:
    for err in exc.errors():
        loc: PathKey = tuple(err["loc"])
        if errors is not None:
            loc, own = errors({**err, "loc": loc}, pos)
            if own is not None:
                yield own
                continue
        field_path = ".".join(str(p) for p in loc) or "(top level)"
        kind = err["type"]
        if kind == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") == ID_PATTERN \
                and isinstance(err.get("input"), str):
            yield _id_issue(loc, field_path, err["input"], pos, names or {})
        elif kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            fields = list(parent.model_fields) if parent else []
            hint = (isinstance(loc[-1], str) and lookalike(loc[-1], fields)) or suggest(str(loc[-1]), fields) \
                or (f"allowed: {', '.join(fields)}" if fields else "remove it")
            yield pos.issue(loc, f"unknown field {field_path!r}", hint, "unknown_field")
        elif kind == "missing":
            yield pos.issue(loc[:-1], f"missing field {field_path!r}", f"add {loc[-1]!r}", "missing_field")
        elif kind.startswith(("date_", "datetime_")) and not isinstance(err.get("input"), dict):
            # (pydantic's own words were "Input should be a valid date or datetime, input is too short")
            yield pos.issue(loc, f"field {field_path!r}: {_show(err.get('input'))} is not a date", "write a date as "
                            "YYYY-MM-DD (2021-06-01), unquoted or quoted", "wrong_type")
        elif kind in _EXPECTED:
            got = err.get("input")
            said = f"the file holds {_yaml_what(got)}, not {_EXPECTED[kind]}" if not loc else \
                f"field {field_path!r}: expected {_EXPECTED[kind]}, not {_yaml_what(got)}"
            yield pos.issue(loc, said, _type_hint(kind, got, top=not loc), "wrong_type")
        else:
            got = err.get("input")
            # A whole object as "input" (from a model validator) says nothing the path does not.
            shown = "" if isinstance(got, dict) else f" (got {_show(got)})"
            msg = str(err["msg"]).removeprefix("Value error, ")
            yield pos.issue(loc, f"field {field_path!r}: {msg}{shown}", "see schemas/ for the expected form",
                            "wrong_type")


#: What a field of each pydantic type error takes, in the words of a YAML file (pydantic's own were "Input should be a
#: valid string (got None)", "… a valid dictionary or instance of Area (got ['a'])": Python's words, not the file's).
_EXPECTED = {
    "string_type": "text", "bool_type": "true or false", "bool_parsing": "true or false",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "list_type": "a list",
    "dict_type": "a mapping (key: value lines)", "model_type": "a mapping of fields (key: value lines)",
    "model_attributes_type": "a mapping of fields (key: value lines)",
}


def _yaml_what(value: Any) -> str:
    """``value`` named as the YAML file wrote it, for "expected …, not {what}" (never a Python repr: ``None``,
    ``['a']``, ``datetime.date(…)``)."""
    import datetime as dt

    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a true/false value)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return f"a mapping of {len(value)} key{'s' if len(value) != 1 else ''}"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"the text {_show(value)}"


def _type_hint(kind: str, value: Any, top: bool = False) -> str:
    """What to write instead, for a value of the wrong type."""
    import datetime as dt

    if top:
        return "write the file's fields as key: value lines, as the shipped rules/ file of its kind does"
    if kind == "string_type" and value is None:
        return "write the text after the colon, or remove the key where the field is optional"
    if kind == "string_type" and isinstance(value, bool):
        return "put it in quotes: unquoted, YAML reads true and false as a true/false value, not as text"
    if kind == "string_type" and isinstance(value, int | float):
        # (2020.10 unquoted is the number 2020.1: the quotes keep what was typed)
        return "put it in quotes, as typed: unquoted, YAML reads it as a number, 2020.10 as 2020.1"
    if kind == "string_type" and isinstance(value, dt.date):
        return "put it in quotes: unquoted, YAML reads it as a date, not as text"
    if kind == "list_type" and not isinstance(value, list | dict):
        return "write a list: [a, b], or one '- item' a line; a single item too is a list of one"
    return "see the shipped rules/ for the same field written out, and schemas/ for its form"


def _show(value: Any) -> str:
    """A value as the file wrote it: dates as YYYY-MM-DD, long values cut, never a Python repr of a date."""
    import datetime as dt

    text = value.isoformat() if isinstance(value, dt.date) else repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that describes the object at ``loc`` inside ``model``, if known."""
    from pydantic import BaseModel

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    from pydantic import BaseModel

    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.issues: list[Issue] = []
        self.where: dict[str, Where] = {}
        #: The names of the terms and bodies read so far, for an id written as a name.
        self.names: Names = {}

    def learn(self, what: str, terms: Iterable[Any]) -> None:
        """Remember the Chinese names and glosses of ``terms`` (each a term of kind ``what``)."""
        for t in terms:
            # also the name without its parentheses: 县（市、区）民政局 → 县民政局
            bare = re.sub(r"\s*\([^()]*\)\s*", "", unicodedata.normalize("NFKC", t.name))
            for text in dict.fromkeys((t.id, t.name, t.en, *getattr(t, "aliases", ()), bare)):
                entry = (what, t.id)
                known = self.names.setdefault(fold(text), [])
                if entry not in known and text:
                    known.append(entry)

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def read(self, path: Path, model: type[M], errors: Errors | None = None) -> tuple[M, Positions] | None:
        try:
            data, pos = read_yaml(path, self.display(path))
        except RulesError as exc:
            self.issues.extend(exc.issues)
            return None
        if data is None:
            # ("write a Area here" named a Python class; the fields it needs say what the file holds)
            needed = ", ".join(name for name, info in model.model_fields.items() if info.is_required())
            hint = f"write its fields here, as the shipped rules/ file of its kind does: {needed}" if needed else \
                "write its content here, as the shipped rules/ file of its kind does, or remove the file"
            self.issues.append(Issue(pos.file, 1, 1, "file is empty, or holds only comments or null", hint,
                                     "empty_file"))
            return None
        from pydantic import ValidationError

        try:
            return model.model_validate(data), pos
        except ValidationError as exc:
            self.issues.extend(_pydantic_issues(exc, pos, model, self.names, errors))
            return None

    def files(self, sub: str, required: bool = True) -> list[Path]:
        folder = self.root / sub
        found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        self._unread(folder, found)
        if not found and required:
            self.issues.append(Issue(self.display(folder), 0, 0, "no YAML files found",
                                     f"add the {sub} files", "missing_file"))
        return found

    def _unread(self, folder: Path, found: list[Path]) -> None:
        """An issue for each YAML file in ``folder`` that is not read: one named ``.yml`` (or ``.YAML``), or one in
        a subfolder. A new area saved so silently did not exist (review22b R22b-8)."""
        if not folder.is_dir():
            return
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.suffix.lower() in (".yml", ".yaml") and p not in found:
                self.issues.append(Issue(self.display(p), 0, 0, f"not read: only files named *.yaml in "
                                         f"{folder.name}/ are read", f"rename it {p.stem}.yaml, or move it out of "
                                         "the policy directory", "unread_file"))
            elif p.is_dir() and (inner := _first_yaml(p)) is not None:
                self.issues.append(Issue(self.display(inner), 0, 0, f"not read: a subfolder of {folder.name}/ is "
                                         "not read", f"move it into {folder.name}/, or out of the policy directory",
                                         "unread_file"))

    def one(self, name: str, model: type[M], what: str = "") -> tuple[M, Positions] | None:
        path = self.root / name
        if not (path.exists() or path.is_symlink()):
            self.issues.append(Issue(self.display(path), 0, 0, "file is missing",
                                     what or f"every policy directory has {name}", "missing_file"))
            return None
        return self.read(path, model)

    def note(self, key: str, pos: Positions, path: PathKey) -> None:
        self.where[key] = Where(pos, path)


#: Entries a look for YAML in a subfolder of areas/ or bodies/ reads at most.
_LOOK_ENTRIES = 20_000


def _first_yaml(folder: Path) -> Path | None:
    """The first YAML file under ``folder``, shallowest first and by name within a level, looking at no more than
    :data:`_LOOK_ENTRIES` entries and into no link below ``folder``: ``sorted(folder.rglob("*"))`` walked the whole
    tree first, and a link to / in areas/ made `validate` read the whole file system (17 s and 440 MB here; hours on a
    machine with network mounts) to name one file (hostile40)."""
    import os

    level, seen = [str(folder)], 0
    while level:
        below: list[str] = []
        for top in level:
            try:
                with os.scandir(top) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            seen += len(entries)
            for e in entries:
                if e.name.lower().endswith((".yml", ".yaml")):
                    return Path(e.path)
            below += [e.path for e in entries if not e.is_symlink() and e.is_dir(follow_symlinks=False)]
            if seen > _LOOK_ENTRIES:
                return None
        level = below
    return None


def duty_key(area: str, area_index: int, duty: str, index: int) -> str:
    """The key of a duty's location in :attr:`Loaded.where`: the ``index``-th duty of the ``area_index``-th area
    read (two files may give one area id: the key must still tell their duties apart, review22b R22b-8b)."""
    return f"duty:{duty}#{area}#{area_index}#{index}"


def read_policy_dir(path: str | Path) -> Loaded:
    """Read and shape-check every file of the policy directory at ``path``."""
    from ._models import (
        Accountability,
        Area,
        BodyCatalogue,
        Parameters,
        PolicyData,
        PolicyMeta,
        RelationCatalogue,
        Source,
        Vocabulary,
    )

    root = Path(path)
    if not root.is_dir():
        what = "not a directory" if root.exists() else "no such directory"
        if root.is_symlink() and not root.exists():  # (ux46: a loop of links, la → lb → la, was "no such directory")
            try:
                root.resolve(strict=True)
            except RuntimeError:  # a loop (Python < 3.13)
                what = "a loop of symbolic links, not a directory"
            except OSError as exc:
                what = ("a loop of symbolic links, not a directory" if exc.errno == errno.ELOOP
                        else f"a symbolic link to {os.readlink(root)}, which does not exist")
        hint = ("point at a policy directory (a copy of the shipped rules/), or give no path (load(), no --rules) "
                "for the rules shipped with the package")
        raise RulesError([Issue(str(root), 0, 0, what, hint, "missing_dir")])
    markers = ("policy.yaml", "vocabulary.yaml", "accountability.yaml", "parameters.yaml", "areas", "bodies")
    if not any((root / m).exists() or (root / m).is_symlink() for m in markers):
        raise RulesError([Issue(str(root), 0, 0, "is not a policy directory (no policy.yaml, vocabulary.yaml, "
                                "areas/ …)", "point at a policy directory such as rules/", "missing_dir")])
    r = _Reader(root)
    meta = r.one("policy.yaml", PolicyMeta)
    vocab = r.one("vocabulary.yaml", Vocabulary)
    if vocab:
        for what, group in (("level", "levels"), ("channel", "channels"), ("body kind", "body_kinds"),
                            ("duty kind", "duty_kinds"), ("category", "categories"), ("severity", "severities")):
            r.learn(what, getattr(vocab[0], group))
    acc = r.one("accountability.yaml", Accountability)
    params = r.one("parameters.yaml", Parameters)
    sources: list[Source] = []
    for f in r.files("sources"):
        if got := r.read(f, Source):
            src, pos = got
            sources.append(src)
            r.note(f"source:{src.id}", pos, ())
            r.note(f"source:{src.id}#{len(sources)}", pos, ())  # (each its own: two may share an id)
            for i, c in enumerate(src.clauses):
                r.note(f"clause:{c.id}", pos, ("clauses", i))
    bodies: list[Body] = []
    for f in r.files("bodies"):
        if got_bodies := r.read(f, BodyCatalogue):
            cat, pos = got_bodies
            for i, b in enumerate(cat.bodies):
                bodies.append(b)
                r.learn("body", [b])
                r.note(f"body:{b.id}#{len(bodies)}", pos, ("bodies", i))
                r.where.setdefault(f"body:{b.id}", Where(pos, ("bodies", i)))
    areas: list[Area] = []
    for f in r.files("areas"):
        if got_area := r.read(f, Area):
            area, pos = got_area
            areas.append(area)
            r.note(f"area:{area.id}#{len(areas)}", pos, ())
            r.where.setdefault(f"area:{area.id}", Where(pos, ()))
            for i, d in enumerate(area.duties):
                r.where.setdefault(f"duty:{d.id}", Where(pos, ("duties", i)))
                r.note(duty_key(area.id, len(areas) - 1, d.id, i), pos, ("duties", i))
            for i, k in enumerate(area.problem_kinds):
                r.where.setdefault(f"kind:{area.id}.{k.id}", Where(pos, ("problem_kinds", i)))
    if meta:
        r.note("policy", meta[1], ())
    if vocab:
        v, pos = vocab
        for group in ("levels", "body_kinds", "duty_kinds", "categories", "channels"):
            for i, t in enumerate(getattr(v, group)):
                r.where.setdefault(f"{group}:{t.id}", Where(pos, (group, i)))
        r.note("vocabulary", pos, ())
    if acc:
        r.note("accountability", acc[1], ())
    parameters: list[Parameter] = []
    if params:
        p, pos = params
        parameters = list(p.parameters)
        r.note("parameters", pos, ())
        for i, prm in enumerate(p.parameters):
            r.where.setdefault(f"parameter:{prm.id}", Where(pos, ("parameters", i)))
    # required as the others are (hostile29): without it a directory validated with an empty chain, its graph checks
    # ran on nothing, and a record's 交办/上报 (the relation types' names) were refused as unknown actions
    relations = r.one("relations.yaml", RelationCatalogue,
                      "every policy directory has relations.yaml: the relation types (交办 and 上报 name a record's "
                      "steps) and the rules of the chain graph; copy the shipped rules/relations.yaml")
    if relations:
        r.note("relations", relations[1], ())
    rel = relations[0] if relations else RelationCatalogue(types=[])
    data = None
    if meta and vocab and acc and params and not r.issues:
        data = PolicyData(meta=meta[0], sources=sources, vocabulary=vocab[0], bodies=bodies, areas=areas,
                          accountability=acc[0], parameters=parameters, relation_types=rel.types,
                          relations=rel.relations, relation_rules=rel.derive)
    data = _amend(r, root, data, meta[0] if meta else None)
    return Loaded(root=root, data=data, issues=r.issues, where=r.where)


def _amend(r: _Reader, root: Path, data: PolicyData | None, meta: PolicyMeta | None = None) -> PolicyData | None:
    """Apply ``amendments/*.yaml`` (if any) to the base data, in date order. What an amendment says of itself (its
    date against the policy's, the clauses it cites against its own) is checked in the same run as every other
    file, whatever else is wrong; what it changes only once the base policy reads whole."""
    from ._amend import Amendment, amendment_errors, apply_amendments, check_amendment

    files = r.files("amendments", required=False)
    read = []
    for f in files:
        if got := r.read(f, Amendment, amendment_errors):
            am, pos = got
            read.append((am, Where(pos, ())))
            r.note(f"source:{am.source.id}", pos, ("source",))
            for i, c in enumerate(am.source.clauses):
                r.note(f"clause:{c.id}", pos, ("source", "clauses", i))
            r.issues.extend(check_amendment(am, Where(pos, ()), meta, r.display(root / "policy.yaml")))
    if data is None or not read or r.issues:
        return data
    data, issues = apply_amendments(data, read, r.where)
    r.issues.extend(issues)
    return data
