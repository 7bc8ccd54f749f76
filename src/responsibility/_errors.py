"""The exceptions a user of ``responsibility`` can meet.

Every error a user can cause is one of these, and its message says what was
wrong, where, and what to do::

    ResponsibilityError                 base of everything raised on purpose
    ├── RulesError (ValueError)         the policy data in rules/ is unusable
    │                                   (.issues: every problem, each with file:line:column)
    ├── ProblemError (ValueError)       a problem record is invalid (.field: its path)
    ├── JurisdictionError (ValueError)  a jurisdiction file or code is invalid
    ├── ChainError (ValueError)         a chain query named a body, area or level it lacks
    ├── LedgerError (ValueError)        a ledger database or import file cannot be used as asked
    │                                   (no ledger there, another schema version, missing columns)
    ├── OutputError                     an output cannot be written (a directory, an input, disk full,
    │                                   a closed or broken stdout); nothing partial is left behind
    ├── ExtraUnavailable (ImportError)  an optional extra is not installed (frames, plot, polars)
    │   └── PlotUnavailable             pictures need matplotlib
    └── EngineError (RuntimeError)      an engine failed or is not available here
        └── EngineUnavailable           e.g. durable-rules on Python ≥ 3.13

    FontWarning (UserWarning)           no CJK font: Chinese labels in pictures would be boxes
    ParameterWarning (UserWarning)      a parameter set to a value the others leave without effect

The command-line interface turns each into one line on stderr and exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def shown_name(name: str) -> str:
    """A file's name as a message shows it: a control character escaped (``\\x1b``), never written to the terminal —
    a file named ``\\x1b]0;…\\a.yaml`` in a rules or scenario directory from elsewhere set the terminal's title, or
    cleared its screen, when an error named it (hostile40)."""
    if name.isprintable():
        return name
    # a byte of a name that is not UTF-8 (held as a lone surrogate, U+DC80–U+DCFF) as the byte it is: "b\\udcff.yaml"
    # named no character the user ever wrote (ux46)
    return "".join(c if c.isprintable() else f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF
                   else c.encode("unicode_escape").decode("ascii") for c in name)


class ResponsibilityError(Exception):
    """Base class of every error raised on purpose by ``responsibility``."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in policy data: where it is, what is wrong, what to do.

    ``line`` and ``column`` are 1-based; they are 0 when the position is unknown
    (for example a file that is missing altogether).
    """

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    code: str = "invalid"

    def __str__(self) -> str:
        file = shown_name(self.file)
        where = f"{file}:{self.line}:{self.column}" if self.line else file
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


class RulesError(ResponsibilityError, ValueError):
    """The policy data cannot be used. ``issues`` lists every problem found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = str(issues[0]) if issues else "invalid policy data"
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(first + more)


class ProblemError(ResponsibilityError, ValueError):
    """A problem record is invalid.

    ``field`` is the path of the offending field (``discovered.on``, ``handled[0].to_level``;
    empty for the record or file as a whole), ``code`` a stable reason code for grouping
    (``bad_date``, ``unknown_place``, ``order_violation`` …, listed in docs/records.md),
    ``record`` the problem's id and ``where`` the file:line:column it was read from, when known.

    >>> import responsibility
    >>> try:
    ...     responsibility.load().who_answers({"id": "p1", "area": "housing", "place": "330127100219",
    ...         "discovered": {"level": "village", "channel": "grid", "on": "2021-02-30"}})
    ... except responsibility.ProblemError as e:
    ...     print(e.field, e.code, e.record)
    discovered.on bad_date p1
    """

    def __init__(self, field: str, message: str, *, record: str | None = None, code: str = "invalid",
                 where: str | None = None, index: int | None = None) -> None:
        self.field = field
        self.record = record
        self.code = code
        self.where = where
        #: The position of the offending item in a list given at once (a ledger's events), when known.
        self.index = index
        self.detail = message
        prefix = f"{shown_name(where)}: " if where else ""
        shown = record if record is None or len(record) <= 60 else record[:60] + "…"
        # quoted as written: an id that is printable is shown as it is (repr doubled the backslash of an id its
        # reader had escaped already, problem 'a\\x00b': review22b R22b-9); one that is not, escaped
        quoted = f"'{shown}'" if shown and shown.isprintable() and "'" not in shown else repr(shown)
        rec = f"problem {quoted}, " if shown else ""
        fld = f"field {field!r}: " if field and not field.startswith("(") else ""
        super().__init__(f"{prefix}{rec}{fld}{message}")

    def located(self, where: str) -> ProblemError:
        """The same error, said to come from ``where`` (file:line:column)."""
        return ProblemError(self.field, self.detail, record=self.record, code=self.code, where=where, index=self.index)


class JurisdictionError(ResponsibilityError, ValueError):
    """A jurisdiction (division codes and names) is invalid."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = f"{shown_name(file)}:{line}: " if file and line else (f"{shown_name(file)}: " if file else "")
        super().__init__(where + message)


class EngineError(ResponsibilityError, RuntimeError):
    """A rule engine failed while deciding; the message names the problem."""


class EngineUnavailable(EngineError):
    """The requested engine cannot run on this interpreter (use ``engine="compiled"``)."""


class ChainError(ResponsibilityError, ValueError):
    """A query named a body, area or level that the chain does not have."""


class OutputError(ResponsibilityError):
    """An output cannot be written: its path is a directory or an input, the disk is full, or
    standard output is closed or broken. The previous content of a file target is unchanged."""


class ReaderGone(OutputError):
    """Standard output's reader went away (a broken pipe, as after ``| head -1``): the command
    line stops quietly with exit 141 (128 + SIGPIPE, as other tools in a pipeline do), since
    the reader asked for no more; a library caller sees an :class:`OutputError` like any other."""


class LedgerError(ResponsibilityError, ValueError):
    """A ledger database or an import file cannot be used as asked; the message says what to do."""


class ExtraUnavailable(ResponsibilityError, ImportError):
    """An optional extra is not installed; the message names the ``pip install`` that adds it."""


def import_extra(module: str, message: str) -> Any:
    """``module`` imported, or :class:`ExtraUnavailable` with ``message`` (which names the extra to
    install) when it is not installed: the one way an optional dependency is reached."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraUnavailable(message) from None


class PlotUnavailable(ExtraUnavailable):
    """Drawing pictures needs matplotlib, which is not installed (``pip install responsibility[plot]``)."""


class FontWarning(UserWarning):
    """No CJK font was found: Chinese labels in pictures will show as boxes."""


class ParameterWarning(UserWarning):
    """A parameter was set (``with_parameters``, ``--set``) to a value that the other parameters leave without
    effect: ``main_responsibility_from=serious`` while leaders answer only from ``leadership_liability_from=grave``
    (主体责任 is leaders' liability). The what-if is made as asked; the warning says which other parameter to set."""
