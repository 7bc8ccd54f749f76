"""Safe YAML reading that remembers where every value came from.

PyYAML silently keeps the last of two equal keys and forgets positions once a
document is built. Policy editors need both: a duplicate key is an error, and
every later complaint (schema, reference, citation) must name file:line:column.
:func:`read_yaml` returns the data together with a :class:`Positions` map from
field paths to 1-based (line, column).

Only ``yaml.SafeLoader`` constructs values: no tags beyond YAML's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .._errors import Issue, RulesError

PathKey = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


class Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` with YAML 1.2 booleans: only true/false.

    YAML 1.1 reads ``on``, ``off``, ``yes`` and ``no`` as booleans, so the problem
    field ``on`` (a date) would silently become the key ``True``.
    """


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def safe_load(text: str) -> Any:
    """Parse YAML (or JSON) text with :class:`Loader`."""
    return yaml.load(text, Loader=Loader)


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


def _build(loader: Loader, node: yaml.Node, path: PathKey, pos: Positions) -> Any:
    pos.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise RulesError([pos.issue(path, f"YAML tag {node.tag!r} is not allowed", "remove the tag", "yaml_syntax")])
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                raise RulesError([pos.issue(path, f"mapping key {key!r} is not a string", "quote the key")])
            if key in out:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                first = pos.marks.get((*path, key), (0, 0))[0]
                raise RulesError(
                    [Issue(pos.file, line, col, f"duplicate key {key!r} (first at line {first})",
                           "remove one of them; YAML would silently keep only the last", "duplicate_key")]
                )
            out[key] = _build(loader, value_node, (*path, key), pos)
            pos.marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), pos) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> tuple[Any, Positions]:
    """Parse one YAML document from ``text``; ``file`` names it in errors."""
    pos = Positions(file)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else _build(loader, node, (), pos)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise RulesError(
            [Issue(file, line, col, f"YAML syntax error: {problem}", "fix the YAML syntax", "yaml_syntax")]
        ) from None
    except yaml.YAMLError as exc:
        raise RulesError([Issue(file, 1, 1, f"YAML error: {exc}", "fix the YAML", "yaml_syntax")]) from None
    finally:
        loader.dispose()
    return data, pos


def read_yaml(path: Path, display: str | None = None) -> tuple[Any, Positions]:
    """Read and parse the YAML file at ``path``."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulesError([Issue(name, 1, 1, f"not UTF-8 text ({exc.reason})", "save it as UTF-8",
                                "encoding")]) from None
    except OSError as exc:
        raise RulesError([Issue(name, 0, 0, f"cannot read: {exc.strerror}", "check the path",
                                "unreadable")]) from None
    return parse_yaml(text, name)
