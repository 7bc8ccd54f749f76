"""Safe, bounded YAML reading that remembers where every value came from.

PyYAML silently keeps the last of two equal keys and forgets positions once a
document is built. Policy editors need both: a duplicate key is an error, and
every later complaint (schema, reference, citation) must name file:line:column.
:func:`read_yaml` returns the data together with a :class:`Positions` map from
field paths to 1-based (line, column).

Hostile files are refused with one located issue each, never a hang or a crash
(:class:`Limits`): only regular files (not a FIFO or ``/dev/zero``), at most
``max_bytes``; UTF-8 text without control characters (a NUL or ESC byte is named by
line and column); nesting at most ``max_depth`` deep; at most ``max_aliases`` alias
expansions and ``max_nodes`` values in all (an alias bomb stops at once); no tags
beyond YAML's own; impossible dates (2021-02-29) and integers of thousands of digits
are located errors rather than exceptions.

PyYAML's C parser (libyaml) is used where it is installed (about ten times faster
than the pure-Python one); the positions, duplicate-key checks and limits are the
same with either.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .._errors import Issue, ProblemError, RulesError
from ._encoding import detect_encoding, past_start, sample, wide_without_mark

if TYPE_CHECKING:
    import yaml

PathKey = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
#: JSON's unquoted words, and its whole numbers (the rest of its unquoted values are read by ``float``).
_JSON_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}
_JSON_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
#: Files read here that are JSON (a YAML reader reads JSON too): their messages say JSON.
_JSON_NAMES = (".json", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class Limits:
    """Bounds on one YAML file. The defaults are far above any real policy or record file."""

    max_bytes: int = 16 * 2**20
    max_depth: int = 64
    max_aliases: int = 1_000
    max_nodes: int = 2_000_000


LIMITS = Limits()

# YAML's own rule (the printable set of YAML 1.1, as PyYAML's reader enforces it); compiled on the first parse
# (~8 ms: a start from the caches parses no YAML).
_NOT_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def _yaml12_resolvers(base: type[Any], *, dates: bool = True,
                      drop: tuple[str, ...] = ("bool",)) -> dict[Any, list[tuple[str, Any]]]:
    gone = {f"tag:yaml.org,2002:{t}" for t in drop} | (set() if dates else {_TIMESTAMP_TAG})
    return {
        first: [(tag, rx) for tag, rx in resolvers if tag not in gone]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }


#: YAML 1.2's core-schema numbers, written as a number is written: YAML 1.1 (PyYAML's) also reads ``0042`` as octal
#: 34, ``0x1F`` as 31, ``12:30`` as 750 (base 60) and ``1_000`` as 1000, so an unquoted id ``0042`` became problem
#: ``34`` (review17 D7); those stay text, which a numeric field still reads as its number.
_INT12 = r"^[-+]?(?:0|[1-9][0-9]*)$"
_FLOAT12 = (r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


#: The loaders, made with PyYAML's import on the first parse (:func:`loaders`): a run that only reads
#: what the caches hold (a policy, a jurisdiction, an assessor's tables) never imports PyYAML (~0.02 CPU s).
_LOADERS: dict[str, Any] = {}


def loaders() -> dict[str, Any]:
    """PyYAML's loaders as read here, made on first use: ``Loader``, PyYAML's safe loader (its C parser,
    libyaml, where installed) with YAML 1.2 booleans, only true/false (YAML 1.1 reads ``on``, ``off``,
    ``yes`` and ``no`` as booleans, so the problem field ``on``, a date, would silently become the key
    ``True``); ``TextDatesLoader``, the same leaving unquoted dates as text, for problem records (the
    record parser reads every date itself, so a date is judged the same way whether it came from YAML,
    JSON, CSV or a DataFrame, and ``2021-02-30`` is a ``bad_date`` of its field, not a YAML error)."""
    if not _LOADERS:
        global yaml
        import yaml

        base: type[Any] = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

        class Loader(base):  # type: ignore[misc]
            """PyYAML's safe loader with YAML 1.2 booleans (see :func:`loaders`)."""

        Loader.yaml_implicit_resolvers = _yaml12_resolvers(base, drop=("bool", "int", "float"))
        Loader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
        )
        Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(_INT12), list("-+0123456789"))
        Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(_FLOAT12), list("-+.0123456789"))

        class TextDatesLoader(Loader):
            """:class:`Loader` that leaves unquoted dates as text (see :func:`loaders`)."""

        TextDatesLoader.yaml_implicit_resolvers = _yaml12_resolvers(Loader, dates=False)
        _LOADERS.update(Loader=Loader, TextDatesLoader=TextDatesLoader,
                        WITH_LIBYAML=bool(getattr(yaml, "__with_libyaml__", False)))
    return _LOADERS


def __getattr__(name: str) -> Any:
    """``Loader``, ``TextDatesLoader`` and ``WITH_LIBYAML`` (whether PyYAML's C parser is in use), made on
    first use (:func:`loaders`)."""
    if name in ("Loader", "TextDatesLoader", "WITH_LIBYAML"):
        return loaders()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def safe_load(text: str) -> Any:
    """Parse YAML (or JSON) text with ``Loader`` (no positions, no limits beyond PyYAML's own)."""
    load = loaders()["Loader"]
    return yaml.load(text, Loader=load)


@dataclass
class Positions:
    """Where each value of one YAML file starts, keyed by its path in the data."""

    file: str
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: PathKey) -> tuple[int, int]:
        """Position of ``path``, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def issue(self, path: PathKey, message: str, hint: str = "", code: str = "invalid") -> Issue:
        line, column = self.at(path)
        return Issue(self.file, line, column, message, hint, code)

    def locate(self, exc: ProblemError, prefix: PathKey = ()) -> ProblemError:
        """``exc``, a problem record's error, said to come from ``file:line:column`` of the field it
        names (``handled[0].on``) in the record at ``prefix`` (``(3,)``: the fourth of a list)."""
        line, column = self.at(prefix + field_path(exc.field))
        return exc.located(f"{self.file}:{line}:{column}")


def field_path(field: str) -> PathKey:
    """A record error's field as a path in the data: ``handled[0].on`` → ``("handled", 0, "on")``."""
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", field))


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


#: An alias where a value stands (``*base``), as the text has it (its node holds the anchor's position only).
_ALIAS = re.compile(r"\*[^\s,\[\]{}]+")

#: One entry of a mapping as built: its key, the key's node, the value's node, and whether a merge (``<<:``) gave it.
Pair = tuple[str | int, "yaml.Node", "yaml.Node", bool]


class _Builder:
    """Turns a composed node tree into plain data, checking keys, limits and scalars."""

    def __init__(self, loader: Any, pos: Positions, limits: Limits, *, typed_numbers: bool = False,
                 json: bool = False, text: str = "") -> None:
        self.loader = loader
        self.pos = pos
        self.limits = limits
        self.typed_numbers = typed_numbers
        self.json = json
        self.text = text
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.built: set[int] = set()  # every node built once: met again, it stands where an alias is
        self.resolved: dict[int, list[Pair]] = {}  # a mapping's pairs, merges resolved (a merge bomb is one each)
        self.starts: list[int] | None = None  # where each line of ``text`` starts

    def fail(self, node: yaml.Node, message: str, hint: str, code: str = "yaml_limit") -> RulesError:
        mark = node.start_mark
        return RulesError([Issue(self.pos.file, mark.line + 1, mark.column + 1, message, hint, code)])

    def count(self, node: yaml.Node, depth: int) -> None:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise self.fail(node, f"more than {self.limits.max_nodes:,} values", "split the file or remove aliases")
        # (no parentheses in a hint: it is said in them, "… (flatten the structure (no real …))" read badly)
        if depth > self.limits.max_depth:
            raise self.fail(node, f"nested more than {self.limits.max_depth} levels deep",
                            "flatten the structure; no real file nests this deep")
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            key = id(node)
            if key in self.seen:
                self.aliases += 1
                if self.aliases > self.limits.max_aliases:
                    raise self.fail(node, f"more than {self.limits.max_aliases} alias expansions",
                                    "write the values out instead of repeating aliases; so many is the mark of an "
                                    "alias bomb")
            else:
                self.seen.add(key)

    def alias_at(self, line: int, column: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The (1-based) position of the first alias (``*name``) at or after 0-based ``line``:``column`` of the
        text, and the 0-based position just past it; ``None`` where none is found."""
        if not self.text:
            return None
        if self.starts is None:
            self.starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        if line >= len(self.starts):
            return None
        found = _ALIAS.search(self.text, self.starts[line] + column)
        if found is None:
            return None
        at = bisect.bisect_right(self.starts, found.start()) - 1
        col = found.start() - self.starts[at]
        return (at + 1, col + 1), (at, col + found.end() - found.start())

    def build(self, node: yaml.Node, path: PathKey, depth: int = 0, at: tuple[int, int] | None = None) -> Any:
        """``node`` as plain data at ``path``; ``at``: where an alias standing for it is used (every position
        within is said to be there, not at the anchor's lines, which hold the value for another place)."""
        self.count(node, depth)
        self.built.add(id(node))
        self.pos.marks[path] = at or (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise self.fail(node, f"YAML tag {_short(node.tag)!r} is not allowed", "remove the tag", "yaml_syntax")
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key, key_node, value_node, merged in self.pairs(node, depth, path):
                here = at
                if here is None and not merged and id(value_node) in self.built:  # `key: *name`
                    end = key_node.end_mark
                    found = self.alias_at(end.line, end.column)
                    here = found[0] if found else None
                out[key] = self.build(value_node, (*path, key), depth + 1, here)
                self.pos.marks[(*path, key)] = at or (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            after = (node.start_mark.line, node.start_mark.column)  # (0-based) where the next item may start
            for i, item in enumerate(node.value):
                here = at
                if at is None and id(item) in self.built:  # `- *name`: at the alias, not the anchor's line
                    found = self.alias_at(*after)
                    if found is not None:
                        here, after = found
                elif at is None:
                    after = (item.end_mark.line, item.end_mark.column)
                items.append(self.build(item, (*path, i), depth + 1, here))
            return items
        return self.scalar(node, path)

    def key(self, node: yaml.Node, path: PathKey) -> str | int:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, "a mapping key must be a plain string", "quote the key", "yaml_syntax")
        key = self.scalar(node, path)
        if not isinstance(key, str | int) or isinstance(key, bool):
            raise self.fail(node, f"mapping key {_short(str(node.value))!r} is not a string", "quote the key",
                            "yaml_syntax")
        return key

    def pairs(self, node: yaml.MappingNode, depth: int, path: PathKey) -> list[Pair]:
        """The entries of ``node`` with YAML merge keys (``<<``) resolved, within the limits.

        As YAML 1.1's merge key is defined: a key the mapping gives itself overrides the one a merge gives (``<<:
        *base`` then ``name: other`` is ``other``), and of the mappings merged (``<<: [*a, *b]``) an earlier one's
        key wins; a key the mapping itself gives twice is an error (``duplicate_key``), as YAML readers would
        silently keep the last — ``<<`` included (two merges are one ``<<: [*a, *b]``). Merged entries come first,
        then the mapping's own. Each mapping's entries are resolved once (a merge of merges of merges is no bomb)."""
        got = self.resolved.get(id(node))
        if got is not None:
            return got
        merged: list[Pair] = []
        own: list[Pair] = []
        first_merge: yaml.Node | None = None
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                own.append((self.key(key_node, path), key_node, value_node, False))
                continue
            if first_merge is not None:
                # Two `<<:` in one mapping is a duplicate key like any other: readers keep one merge's values
                # (which one differs between them) and drop the other's silently.
                raise RulesError(
                    [Issue(self.pos.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                           f"duplicate key '<<' (first at line {first_merge.start_mark.line + 1})",
                           "remove one of them, or merge a list of mappings: <<: [*a, *b]", "duplicate_key")])
            first_merge = key_node
            subs = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for sub in subs:
                if not isinstance(sub, yaml.MappingNode):
                    raise self.fail(sub, "a merge key (<<) takes a mapping or a list of mappings", "fix the merge",
                                    "yaml_syntax")
                self.count(sub, depth + 1)
                merged.extend((k, kn, vn, True) for k, kn, vn, _ in self.pairs(sub, depth + 1, path))
        self.nodes += len(merged)
        if self.nodes > self.limits.max_nodes:
            raise self.fail(node, f"more than {self.limits.max_nodes:,} values", "split the file or remove aliases")
        given: dict[str | int, yaml.Node] = {}
        for key, key_node, _, _ in own:
            if key in given:
                first = given[key].start_mark.line + 1
                kind = "JSON" if self.json or self.pos.file.lower().endswith(_JSON_NAMES) else "YAML"
                raise RulesError(
                    [Issue(self.pos.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                           f"duplicate key {_short(str(key))!r} (first at line {first})",
                           f"remove one of them; {kind} readers would silently keep only the last", "duplicate_key")])
            given[key] = key_node
        taken = set(given)
        out = []
        for entry in merged:
            if entry[0] not in taken:
                taken.add(entry[0])
                out.append(entry)
        out += own
        self.resolved[id(node)] = out
        return out

    def scalar(self, node: yaml.Node, path: PathKey) -> Any:
        try:
            # JSON's unquoted values, as json.loads reads them: true, false, null, numbers (and NaN, Infinity)
            if self.json and not getattr(node, "style", None):  # (libyaml gives a plain scalar style '')
                if node.value in _JSON_WORDS:
                    return _JSON_WORDS[node.value]
                return int(node.value) if _JSON_INT.match(node.value) else float(node.value)
            value = self.loader.construct_object(node, deep=True)
            if self.typed_numbers and node.tag in _NUMBER_TAGS and (type(value) is float or str(value) != node.value):
                # a record holds text only: a number not written as its own digits stays as typed (id: 12e2 was
                # "1200", id: +12 "12", and id: 2021.10 was refused as a float; review21b item 4)
                return node.value
            return value
        except (ValueError, OverflowError) as exc:
            what = {_TIMESTAMP_TAG: "date", "tag:yaml.org,2002:int": "integer",
                    "tag:yaml.org,2002:float": "number"}.get(node.tag, "value")
            where = f"{_dotted(path)}: " if path else ""
            # (an id or a division code of many digits is text: "use a smaller number" sent the user to change it; the
            # service's JSON reader says the same, "write a long code as text, in quotes")
            hint = "write a date as YYYY-MM-DD" if what == "date" else \
                "no field holds a number this long: write a long code or id in quotes, as text" if what == "integer" \
                else "use a smaller number"
            reason = "too many digits" if "digits" in str(exc) else _short(str(exc), 60)
            raise self.fail(node, f"{where}{_short(str(node.value))} is not a valid {what} ({reason})", hint,
                            "yaml_value") from None


def _check_text(text: str, file: str) -> None:
    bad = re.search(_NOT_PRINTABLE, text)  # (re's cache keeps it compiled)
    if bad is None:
        return
    start = bad.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    char = bad.group()
    raise RulesError([Issue(file, line, column, f"control character U+{ord(char):04X} is not allowed in YAML",
                            "remove it (a NUL or escape byte usually means a binary or mangled file)",
                            "yaml_syntax")])


#: The largest file of problem records read whole (``responsibility who FILE``, ``Policy.who_answers(path)``):
#: a list of records may be long; a ledger is for ``assess``.
MAX_RECORD_FILE = 64 * 2**20


def parse_records(raw: bytes, name: str, notes: list[str] | None = None) -> tuple[Any, Positions]:
    """Problem records (one object or a list) from a YAML or JSON file's bytes, as every reader of a
    record file reads them: YAML 1.2 (``on:`` is a key), dates kept as text, within
    :data:`MAX_RECORD_FILE`; a :class:`RulesError` where they cannot be read. Text that is not UTF-8
    but plainly GB18030 or UTF-16/32 is read so, with a note added to ``notes`` (see :func:`decode_text`)."""
    text = decode_text(raw, name, [] if notes is None else notes)
    lower = name.lower()
    if (lower.endswith(".json") or (not lower.endswith((".yaml", ".yml"))
                                    and text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["))) \
            and (fast := _json_records(text, name)) is not None:
        return fast
    if name.lower().endswith(".json"):
        json_text = _check_json(text, name)
    else:  # standard input or a .txt holding JSON: read as the JSON it is (a .yaml file is YAML, as it says)
        json_text = not name.lower().endswith((".yaml", ".yml")) and text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") \
            and _is_json(text)
    if "\\u" in text:
        text = joined_surrogates(text)
    try:
        return parse_yaml(text, name, limits=Limits(max_bytes=MAX_RECORD_FILE), dates=False, json=json_text)
    except RulesError as exc:
        # JSON without a .json name (standard input, a .txt): a YAML syntax error would be news about the wrong
        # language, so JSON's own message is given where the text reads as JSON meant
        if exc.issues[0].code == "yaml_syntax" and not name.lower().endswith((".yaml", ".yml")) \
                and text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
            _check_json(text, name)
        if name.lower().endswith(".json"):  # what JSON let through (too deep, a NUL) is said of JSON, not YAML
            raise RulesError([_as_json(i) for i in exc.issues]) from None
        raise


class _Duplicate(Exception):
    """A JSON object gave one key twice (the reader with positions says where)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _plain_json(data: Any, limits: Limits) -> bool:
    """Whether ``data``, as ``json.loads`` read it, is what the reader with positions would build alike: no deeper
    than ``limits.max_depth``, no lone surrogate in a key or a string.

    Not ``limits.max_nodes``: that bound keeps the YAML reader's nodes (~50 bytes of memory a byte of file) and its
    aliases' expansions in check, and JSON has no aliases and ``json.loads`` needs a few bytes a byte: a list of
    150,000 records (50 MB, 2.2 million values) was refused after the YAML reader had taken 3.3 GB and 69 CPU s,
    and is answered now, as ``assess`` answers the same file."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_depth:
            return False
        if isinstance(value, dict):
            # (a lone surrogate in a key or a value is kept: the record's parser refuses it as bad_text at its field,
            # as from a dict, JSON lines and the service; it made the whole file unreadable: hostile64)
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return True


def _json_records(text: str, name: str) -> tuple[Any, Positions] | None:
    """The records of JSON ``text`` read by ``json.loads``, with positions found only when an error asks for one
    (:class:`_JsonPositions`); ``None`` where the reader with positions is to read it — it is not plain JSON, or
    it is one that reader refuses (a duplicate key, too deep, a control character, a lone surrogate, a number of
    too many digits), which it then names at its line and column.

    Why: that reader keeps a node with marks for every value, 2 GB for a 39 MB list of 88,000 records
    (input38 §5); ``json.loads`` reads the same list in a twentieth of it, and a record's position is wanted only
    for a record refused."""
    import json

    limits = Limits(max_bytes=MAX_RECORD_FILE)
    body = text.removeprefix("\ufeff")
    if len(text) > limits.max_bytes or not body.strip() or re.search(_NOT_PRINTABLE, body) is not None \
            or body.count("\r") != body.count("\r\n") or re.search("[\x85\u2028\u2029]", body) is not None:
        return None  # (YAML's other line breaks: its lines are not the ones counted here)
    try:
        data = json.loads(body, object_pairs_hook=_no_duplicates)
    except (_Duplicate, ValueError, RecursionError):
        return None
    if not _plain_json(data, limits):
        return None
    return data, _JsonPositions(name, text=body, many=isinstance(data, list))


class _JsonPositions(Positions):
    """Positions in a JSON file read by ``json.loads``: none kept until one is asked for. A path in the top-level
    list (``(3, "handled", 0, "on")``) is found by reading that one element again with positions (its start
    found by ``raw_decode`` over the elements before it, once for all); a path in a single record, by reading
    the file again with positions. Said as :func:`parse_yaml` says them, the file's line and column."""

    def __init__(self, file: str, *, text: str, many: bool) -> None:
        super().__init__(file)
        self._text = text
        self._many = many
        self._whole: Positions | None = None
        self._starts: list[int] = []  # where each element of the list read so far starts, and ends after it
        self._ends: list[int] = []
        self._next: int | None = None  # where the next element may start (None: not begun)
        # an offset, its line and where that line begins: lines are counted on from it, not from the start (a
        # list of thousands of refused records is one pass over the text)
        self._line_at = (0, 1, 0)
        self._elements: dict[int, tuple[Positions, tuple[int, int]]] = {}

    def _reread(self, text: str) -> Positions | None:
        if "\\u" in text:  # (a lone surrogate's escape, which YAML refuses, read as U+FFFD: the same columns)
            text = _LONE_ESCAPE.sub(lambda m: m[1] + "\\ufffd", joined_surrogates(text))
        try:
            return parse_yaml(text, self.file,
                              limits=Limits(max_bytes=MAX_RECORD_FILE), dates=False, json=True)[1]
        except RulesError:  # JSON that YAML cannot read: said at the record's start
            return None

    def _where(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset`` in the text."""
        at, line, begins = self._line_at if offset >= self._line_at[0] else (0, 1, 0)
        if (crossed := self._text.count("\n", at, offset)):
            line += crossed
            begins = self._text.rfind("\n", at, offset) + 1
        self._line_at = (offset, line, begins)
        return line, offset - begins + 1

    def _element(self, index: int) -> tuple[int, int] | None:
        """The start and end offsets of element ``index`` of the top-level list."""
        import json

        space = json.decoder.WHITESPACE  # type: ignore[attr-defined]
        decoder = json.JSONDecoder()
        if self._next is None:
            self._next = space.match(self._text, self._text.index("[") + 1).end()
        while len(self._starts) <= index:
            at = self._next
            if self._text.startswith("]", at):
                return None
            _, end = decoder.raw_decode(self._text, at)
            self._starts.append(at)
            self._ends.append(end)
            after = space.match(self._text, end).end()
            self._next = space.match(self._text, after + 1).end() if self._text.startswith(",", after) else after
        return self._starts[index], self._ends[index]

    def at(self, path: PathKey) -> tuple[int, int]:
        if self._many and not path:  # the list's '[' (not a reading of the whole list again)
            return self._where(len(self._text) - len(self._text.lstrip(" \t\r\n")))
        if not self._many or not isinstance(path[0], int):
            if self._whole is None:
                self._whole = self._reread(self._text) or Positions(self.file)
            return self._whole.at(path)
        index = path[0]
        if index not in self._elements:
            span = self._element(index)
            if span is None:
                return self.at(())
            start = self._where(span[0])
            self._elements[index] = (self._reread(self._text[span[0]:span[1]]) or Positions(self.file), start)
        inner, (line, column) = self._elements[index]
        if len(path) == 1:
            return line, column
        got_line, got_column = inner.at(path[1:])
        return (line + got_line - 1, column + got_column - 1 if got_line == 1 else got_column)


def _as_json(issue: Issue) -> Issue:
    """``issue`` of a ``.json`` file worded for JSON: the reader of positions is YAML's, which the user did not
    write (review22b R22b-9: "YAML syntax error: exceeded maximum nesting depth" of a .json file)."""
    import dataclasses

    def worded(text: str) -> str:
        return text.replace("YAML syntax error", "JSON error").replace("YAML error", "JSON error") \
            .replace("fix the YAML syntax", "fix the JSON").replace("in YAML", "in JSON").replace("YAML", "JSON")

    return dataclasses.replace(issue, message=worded(issue.message), hint=worded(issue.hint))


_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


#: The JSON escape of a lone surrogate (after :func:`joined_surrogates`), not itself escaped (``\\ud800`` is text).
_LONE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def joined_surrogates(text: str) -> str:
    """``text`` with each JSON escape of a UTF-16 surrogate pair (``\\ud83d\\ude00``, as JSON writes a character
    outside the BMP) as the one YAML escape of its character (``\\U0001f600``): JSON reads the pair as one
    character, YAML refused each half ("invalid Unicode character escape code"). A column after it on its line
    is two to the left of where the file has it."""
    def one(m: re.Match[str]) -> str:
        code = 0x10000 + ((int(m[2], 16) - 0xD800) << 10) + (int(m[3], 16) - 0xDC00)
        return f"{m[1]}\\U{code:08x}"

    return _SURROGATE_PAIR.sub(one, text)


_WIDE_KEY = re.compile(r"^[ \t]*(?:- +)?[^\s:'\"#{}\[\],][^:'\"#{}\[\]]*?(：)")


def _fullwidth_colon(text: str, line: int) -> tuple[int, int] | None:
    """Where a key of ``line`` of ``text``, or of the line above, ends with the full-width colon '：' (1-based line,
    column), else ``None``."""
    lines = text.split("\n", line)[:line]
    for n in (line - 1, line):
        if 1 <= n <= len(lines) and (m := _WIDE_KEY.match(lines[n - 1])) is not None:
            return n, m.start(1) + 1
    return None


def _fullwidth_comma(text: str, line: int) -> tuple[int, int] | None:
    """Where ``line`` of ``text``, or the line above, has the full-width comma '，' after a flow collection's
    opening '{' or '[' (1-based line, column), else ``None``."""
    lines = text.split("\n", line)[:line]
    for n in (line, line - 1):
        if 1 <= n <= len(lines):
            row = lines[n - 1]
            opened = min((i for i in (row.find("{"), row.find("[")) if i >= 0), default=-1)
            if opened >= 0 and (at := row.find("，", opened)) >= 0:
                return n, at + 1
    return None


#: Spaces YAML does not read as one: the full-width space a Chinese input method types, the no-break space (a
#: copy from a web page or Word) and the other Unicode spaces.
_WIDE_SPACES = {"\u3000": "the full-width space '\u3000' (U+3000)", "\u00a0": "a no-break space (U+00A0)"}
_SPACES = "\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000"
_WIDE_SPACE = re.compile(rf"^[ \t]*(?:- *)?([{_SPACES}\ufeff])|"
                         rf"^[ \t]*(?:- +)?[^\s:'\"#{{}}\[\],][^:'\"#{{}}\[\]]*?:([{_SPACES}])")


def _wide_space(text: str, line: int) -> tuple[int, int, str, bool] | None:
    """Where ``line`` of ``text``, or the line above, is indented (or a key of it is followed) by a space YAML
    does not read as one (1-based line and column, what it is, whether it follows a key's colon), else ``None``.
    PyYAML said "mapping values are not allowed here" or "did not find expected key" a line below it."""
    lines = text.split("\n", line)[:line]
    for n in (line - 1, line):
        if 1 <= n <= len(lines) and (m := _WIDE_SPACE.match(lines[n - 1])) is not None:
            group = 1 if m.group(1) else 2
            char = m.group(group)
            said = _WIDE_SPACES.get(char, f"the Unicode space U+{ord(char):04X}")
            return n, m.start(group) + 1, said, group == 2
    return None


def _tab_indent(text: str, line: int) -> int | None:
    """The column of the first tab in the indentation of ``line`` of ``text``, or ``None``."""
    lines = text.split("\n", line)[:line]
    if not 1 <= line <= len(lines):
        return None
    row = lines[line - 1]
    indent = row[:len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent and row.strip() else None


def _lone_surrogate(text: str, line: int, col: int) -> str | None:
    """The ``\\uXXXX`` escape of a lone surrogate at (or just before) ``line``:``col`` of ``text``, or ``None``."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    at = lines[line - 1]
    for start in range(max(col - 4, 0), min(col + 1, len(at))):
        if at[start:start + 2] in ("\\u", "\\U") and re.fullmatch(r"[dD][89a-fA-F][0-9a-fA-F]{2}",
                                                                    at[start + 2:start + 6]):
            return at[start:start + 6]
    return None


#: Letters of other scripts drawn like an ASCII letter (Unicode's confusables, Cyrillic and Greek): a key typed on a
#: Russian or Greek keyboard layout, or pasted, reads as the ASCII one and matches nothing.
_LOOKALIKES = dict(zip("аеорсухіјѕԁһԛԝӏАВЕКМНОРСТХІЈЅοαντικρΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                       "aeopcyxijsdhqwlABEKMHOPCTXIJSoavtikpABEZHIKMNOPTYX", strict=True))


def lookalike(key: str, known: Iterable[str]) -> str | None:
    """What to say of ``key``, which names no field, where it is one of ``known`` written with a letter of another
    script or a full-width one: which character, and the ASCII key (``None``: it is not)."""
    if key.isascii():
        return None
    import unicodedata

    ascii_key = "".join(_LOOKALIKES.get(c, c) for c in unicodedata.normalize("NFKC", key))
    if ascii_key not in set(known):
        return None
    odd = list(dict.fromkeys(c for c in key if not c.isascii()))
    if all(unicodedata.name(c, "").startswith("FULLWIDTH") for c in odd):
        named = "full-width letters" if len(odd) > 1 else f"the full-width {odd[0]!r} (U+{ord(odd[0]):04X})"
    else:
        named = ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'a character')})" for c in odd[:3])
    return (f"{key!r} is {ascii_key!r} written with {named}, not ASCII: write the key in ASCII letters, "
            f"{ascii_key!r}")


def _is_json(text: str) -> bool:
    """Whether ``text`` is JSON (as :func:`_check_json` tells it, without its errors)."""
    try:
        return _check_json(text, "")
    except RulesError:
        return False


def _check_json(text: str, name: str) -> bool:
    """A ``.json`` file that is not JSON, said so at its line and column (it is read as YAML next, for
    positions, which took a missing value for null and called the rest a YAML syntax error). Whether the
    text is JSON, to be read with JSON's types (an error the YAML reader names is left to it)."""
    import json

    body = text[1:] if text.startswith("\ufeff") else text
    if not body.strip():  # an empty file: the YAML reader says it holds no record
        return False
    try:
        json.loads(body)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Invalid control character"):  # a NUL or escape byte: the YAML reader names it
            return True
        hint = "fix the JSON syntax" + (", or name a YAML file .yaml" if name.lower().endswith(".json") else "")
        if exc.msg == "Extra data":  # two objects one after another: JSON lines, which ``assess`` reads
            hint = "give one record, or a [list] of them (a file of JSON lines is for `responsibility assess`)"
        raise RulesError([Issue(name, exc.lineno, exc.colno, f"JSON syntax error: {exc.msg}", hint,
                                "yaml_syntax")]) from None
    except RecursionError:  # deeper than json's stack: the YAML reader says how deep is allowed
        pass
    except ValueError as exc:  # a number of more than 4,300 digits: the YAML reader names it where it stands
        if "integer string conversion" not in str(exc):  # Python's words would tell the user to change Python
            raise
    return True


def parse_yaml(text: str, file: str, *, limits: Limits = LIMITS, dates: bool = True,
               json: bool = False) -> tuple[Any, Positions]:
    """Parse one YAML document from ``text``; ``file`` names it in errors.

    ``dates=False`` reads a file of records (problems, scenarios), whose every field is text: unquoted dates stay
    text (problem records read their own dates), and so does a number not written as its own digits (``12e2``,
    ``+12``, ``2021.10``: an id or a code as typed); a plain whole number (``12``) is still a number, which a text
    field reads as its digits. ``json=True`` (text that is JSON) reads its unquoted values with JSON's types, as
    every JSON reader does (``json.loads``, ``assess``'s JSON lines, the service): ``true`` is true/false and
    ``1.5`` a number, which no text field takes (review24b R24b-3: a JSON id ``true``, ``1.5`` or ``1e400`` was
    the text ``"true"`` to ``who FILE`` and refused by ``assess``).
    Every problem is a :class:`RulesError` with one located issue.
    """
    pos = Positions(file)
    if len(text) > limits.max_bytes:
        raise RulesError([Issue(file, 1, 1, f"larger than {limits.max_bytes // 2**20} MiB",
                                "split it into smaller files", "yaml_limit")])
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, file)
    loader = loaders()["Loader" if dates else "TextDatesLoader"](text)
    try:
        node = loader.get_single_node()
        data = None if node is None else _Builder(loader, pos, limits, typed_numbers=not dates,
                                                  json=json, text=text).build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        code = "yaml_limit" if "nesting depth" in problem else "yaml_syntax"
        hint = "flatten the structure" if code == "yaml_limit" else "fix the YAML syntax"
        if code == "yaml_syntax" and (tab := _tab_indent(text, line)) is not None:
            # (PyYAML said "found character that cannot start any token", or "a tab character that violates
            # indentation", of a line indented with a tab, as editors set to tabs write it; first, as the one cause
            # seen on the very line: a folded text above it with a '：' was told its key's colon was full-width, ux47)
            raise RulesError([Issue(file, line, tab, "YAML syntax error: YAML does not allow tabs for indentation",
                                    "indent with spaces; set the editor to insert spaces for a tab", code)]) from None
        if code == "yaml_syntax" and (wide := _fullwidth_colon(text, line)) is not None:
            # (a key typed with a Chinese input method: PyYAML said "could not find expected ':'" a line below it)
            raise RulesError([Issue(file, wide[0], wide[1], "YAML syntax error: the key's colon is the full-width "
                                    "'：' (U+FF1A), which YAML does not read as one",
                                    "write it as ':' (ASCII) followed by a space", code)]) from None
        if code == "yaml_syntax" and (comma := _fullwidth_comma(text, line)) is not None:
            # ({level: 县，channel: 热线} typed with a Chinese input method: "did not find expected ',' or '}'")
            raise RulesError([Issue(file, comma[0], comma[1], "YAML syntax error: the comma is the full-width '，' "
                                    "(U+FF0C), which YAML does not read as one between the items of {…} or […]",
                                    "write it as ',' (ASCII) followed by a space", code)]) from None
        if code == "yaml_syntax" and (space := _wide_space(text, line)) is not None:
            # (typed with a Chinese input method in full-width mode, or pasted from a web page: hostile29)
            where = "after the key's colon" if space[3] else "in the indentation"
            raise RulesError([Issue(file, space[0], space[1], f"YAML syntax error: {space[2]} {where}, which YAML "
                                    "does not read as a space", "write ASCII spaces there: a Chinese input method "
                                    "in full-width mode types U+3000", code)]) from None
        if code == "yaml_syntax" and "found another document" in problem:
            raise RulesError([Issue(file, line, col, "YAML syntax error: a second document ('---') in one file",
                                    "a file holds one YAML document: remove the '---' line and merge what follows "
                                    "into the document above", code)]) from None
        if "invalid Unicode character escape" in problem and (half := _lone_surrogate(text, line, col)):
            # (JSON reads it, then the reader for positions refused it: "YAML syntax error" in a .json; review21b)
            raise RulesError([Issue(file, line, col, f"{half} is half of a UTF-16 surrogate pair, not a character "
                                    "(a lone surrogate)", "remove it, or write the whole character; a pair such as "
                                    "\\ud83d\\ude00 is read as one", "yaml_syntax")]) from None
        raise RulesError([Issue(file, line, col, f"YAML syntax error: {problem}", hint, code)]) from None
    except yaml.YAMLError as exc:
        raise RulesError([Issue(file, 1, 1, f"YAML error: {_short(str(exc), 100)}", "fix the YAML",
                                "yaml_syntax")]) from None
    except RecursionError:  # the pure-Python parser on very deep flow nesting
        raise RulesError([Issue(file, 1, 1, f"nested more than {limits.max_depth} levels deep",
                                "flatten the structure", "yaml_limit")]) from None
    finally:
        loader.dispose()
    return data, pos


def read_bytes(path: Path, display: str | None = None, *, max_bytes: int = LIMITS.max_bytes) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    A FIFO, a device (``/dev/zero``), a directory, a missing file or a file over the
    limit is a :class:`RulesError` with one issue, without reading (or waiting) at all.
    """
    name = display or str(path)

    def refuse(message: str, hint: str, code: str = "unreadable") -> RulesError:
        return RulesError([Issue(name, 0, 0, message, hint, code)])

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise refuse("no such file", "check the path") from None
    except IsADirectoryError:
        raise refuse("is a directory, not a file", "name a file") from None
    except OSError as exc:
        raise refuse(f"cannot read: {(exc.strerror or str(exc)).lower()}", "check the path and permissions") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise refuse("is a directory, not a file", "name a file")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("not a regular file (a pipe or a device)", "name a regular file")
        if info.st_size > max_bytes:
            raise refuse(f"larger than {max_bytes // 2**20} MiB", "split it into smaller files", "yaml_limit")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise refuse(f"larger than {max_bytes // 2**20} MiB", "split it into smaller files", "yaml_limit")
        return b"".join(chunks)
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise refuse("is a directory, not a file", "name a file") from None
        raise refuse(f"cannot read: {(exc.strerror or str(exc)).lower()}", "check the file") from None
    finally:
        os.close(fd)


def decode_text(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """``data`` as UTF-8 text (a BOM is dropped); other encodings are one located issue with a hint.

    With ``notes`` (a record file: ``who``, ``route``, ``ledger add``), text that the one detector
    (:func:`responsibility.policy._encoding.detect_encoding`, as ``assess`` reads a file) finds plainly
    GB18030, UTF-16 or UTF-32 is read so, and what was found is added to ``notes`` for the user."""
    probe = sample(data)
    found = detect_encoding(probe, midstream=past_start(data, probe)) \
        if notes is not None and not data.startswith(codecs.BOM_UTF8) else None
    if found is not None:
        encoding, why = found
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:  # told from its start, broken further on
            # its line and column as an editor counts them, in the text that reads up to the broken byte: the column
            # was 0, and a UTF-16 file's line counted its 0x0a bytes, which a Chinese character may hold (hostile65)
            before = data[:exc.start].decode(encoding, "replace").removeprefix("\ufeff")
            line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
            raise RulesError([Issue(name, line, column, f"not {encoding.upper()} text (byte 0x{data[exc.start]:02x} at "
                                    f"byte {exc.start}), though its start is ({why})", "save it as UTF-8",
                                    "encoding")]) from None
        assert notes is not None
        notes.append(f"{name} is not UTF-8 ({why}); read as {encoding.upper()}")
        return text.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise RulesError([Issue(name, 1, 1, "UTF-16/UTF-32 text, not UTF-8", "save it as UTF-8", "encoding")])
    if (wide := wide_without_mark(data)) is not None:
        nuls = "a NUL in every other byte" if "16" in wide else "three NULs in every four bytes"
        raise RulesError([Issue(name, 1, 1, f"{wide} text without a byte order mark ({nuls}), "
                                "not UTF-8", f"save it as UTF-8: iconv -f {wide} -t UTF-8", "encoding")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if (kind := binary_kind(data)) is not None:  # no text at all: its encoding is not the question
            raise RulesError([Issue(name, 1, 1, f"not text: {kind.what}", "give a YAML or JSON file", "encoding")]) \
                from None
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        before = data[:data.rfind(b"\n", 0, exc.start) + 1].decode("utf-8-sig")
        if any("\u4e00" <= ch <= "\u9fff" for ch in before):
            # Chinese read as UTF-8 on the lines before it: the file mixes two encodings, a line pasted from another
            # program; converting the whole file (iconv -f GB18030) would garble the UTF-8 lines instead (ux44). (Lines
            # before it, not its own: GB18030's bytes may read as a stray UTF-8 letter or two before they fail.)
            hint = (f"the text before it is UTF-8, so the file mixes two encodings: retype line {line} (and any "
                    "other line the editor shows garbled) and save the file as UTF-8")
        else:
            hint = ("save it as UTF-8; files from Excel or Chinese Windows are usually GB18030/GBK: "
                    "iconv -f GB18030 -t UTF-8")
        raise RulesError([Issue(name, line, column, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", hint,
                                "encoding")]) from None


class BinaryKind(NamedTuple):
    """A kind of file that is no text: its id (what callers key their advice by), its first bytes, and what it is."""

    id: str
    magic: bytes
    what: str


#: Files that are no text, known by their first bytes whatever their names end with, and what each is: told so
#: rather than "not UTF-8 text … iconv -f GB18030", advice for text in another encoding (newcomer37: `who county.db`,
#: ``Policy.who_answers("county.db")``). The command line and the ledger's import add what to do with each, keyed
#: by its id (cli/_cli._BINARY_HINTS, ledger/_import).
BINARY_KINDS: tuple[BinaryKind, ...] = (
    BinaryKind("sqlite", b"SQLite format 3\x00", "an SQLite database (a ledger?)"),
    BinaryKind("gzip", b"\x1f\x8b", "compressed with gzip"),
    BinaryKind("zip", b"PK\x03\x04", "a zip archive (an Excel workbook?)"),
    BinaryKind("parquet", b"PAR1", "a Parquet table"),
)


def binary_kind(data: bytes) -> BinaryKind | None:
    """What a file starting with ``data`` is when its first bytes say it is no text (:data:`BINARY_KINDS`)."""
    return next((kind for kind in BINARY_KINDS if data.startswith(kind.magic)), None)


def read_yaml(path: Path, display: str | None = None, *, limits: Limits = LIMITS,
              dates: bool = True) -> tuple[Any, Positions]:
    """Read and parse the YAML file at ``path`` within ``limits``."""
    name = display or str(path)
    text = decode_text(read_bytes(path, name, max_bytes=limits.max_bytes), name)
    return parse_yaml(text, name, limits=limits, dates=dates)
