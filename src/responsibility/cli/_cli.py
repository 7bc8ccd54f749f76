"""The ``responsibility`` command.

Exit codes, for every command: 0 fine, 1 findings (validation issues, answers that
changed, records rejected), 2 unusable input (unreadable files, bad arguments, an
output that cannot be written), 3 an internal error — a bug, reported as one line
(``--debug`` anywhere on the command line, or ``RESPONSIBILITY_DEBUG=1``, shows the
traceback), 130 interrupted by Ctrl-C, 141 the reader of standard output stopped reading (``| head -1``:
quietly, no message), 143 ended by SIGTERM, 129 by SIGHUP (the terminal closed; not under ``nohup``) (either
way a file being written is left as it was and its temporary file removed). A user mistake never prints a
traceback: every :class:`ResponsibilityError` becomes one line on stderr.
"""

from __future__ import annotations

import atexit
import codecs
import contextlib
import dataclasses
import errno
import gc
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

import click

from .._errors import Issue, JurisdictionError, OutputError, ProblemError, ResponsibilityError, RulesError
from ..policy._view import PolicyView

if TYPE_CHECKING:  # (the verdict module is not imported on the assess path for a type: ~3.5 ms a run)
    from ..engine._verdict import Lang

_T = TypeVar("_T")

#: Issue codes that mean the input could not be read at all (exit 2, not 1).
UNREADABLE = frozenset({"yaml_syntax", "yaml_limit", "yaml_value", "encoding", "unreadable", "missing_dir",
                        "missing_file", "empty_file", "duplicate_key"})

#: The records in one input from which `who` says that `responsibility assess` is the fast path.
MANY_FOR_WHO = 1000
#: Where an internal error (exit 3) should be reported, when the installed package names no tracker.
BUG_REPORTS = "the issue tracker of the repository you installed responsibility from"


def _bug_reports() -> str:
    """The issue tracker the installed package's metadata names (Project-URL), else :data:`BUG_REPORTS`."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("responsibility").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - always installed, at least editable
        urls = []
    found = dict(u.split(", ", 1) for u in urls if ", " in u)
    for label in ("Issues", "Bug Tracker", "Tracker", "Repository", "Source", "Homepage"):
        if found.get(label):
            return str(found[label])
    return BUG_REPORTS


def _policy_root(exc: RulesError) -> Path | None:
    """The policy directory the first of ``exc``'s issues lies in, or ``None`` when it lies in none (a scenario
    file's: ``responsibility test`` was told to run `responsibility validate /tmp`, which is no policy; newcomer41)."""
    if not exc.issues:
        return None
    root = Path(exc.issues[0].file).parent
    if root.name in ("areas", "bodies", "sources", "amendments"):
        root = root.parent
    # an amendments/ that links back to the directory (ln -s .. rules/amendments) put its files at rules/amendments/
    # amendments/…, and the hint said `validate rules/amendments` (ux46): name the directory itself
    while root.parent != root and root.is_symlink() and _same(root, root.parent):
        root = root.parent
    return root if (root / "policy.yaml").is_file() else None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return False


def _name_too_long(name: str) -> str:
    """What to do about a file name the system refuses as too long: which part, how long, the most it may be."""
    parts = [p for p in name.split(os.sep) if p]
    longest = max(parts, key=lambda p: len(os.fsencode(p)), default=name)
    try:
        most = os.pathconf(os.path.dirname(os.path.abspath(name)) or ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        most = 255
    size = len(os.fsencode(longest))
    if size > most:
        return (f"{name}: file name too long ({size:,} bytes in one part of it, where at most {most} are allowed; "
                "a Chinese character takes 3); give a shorter name")
    return f"{name}: file name too long (the whole path, {len(os.fsencode(name)):,} bytes); give a shorter path"


def _one_line(exc: RulesError) -> str:
    """A policy that cannot be used, in one line: its first problem and how many more."""
    first = str(exc.issues[0]) if exc.issues else "invalid policy data"
    more = len(exc.issues) - 1
    if more:
        root = _policy_root(exc)
        first += f" (and {more} more; `responsibility validate {root}` lists them)" if root else f" (and {more} more)"
    return first


#: The longest run of characters without a space (an option's value, a file name) an error repeats whole; a longer
#: one is shown by its first :data:`SHOWN` and last :data:`TAIL` characters and its length (hostile41: a
#: 5,000-character --lang, --area or file name came back whole, a 5 KB or 10 KB message; the service cuts at 120).
ECHO, SHOWN, TAIL = 200, 60, 20
_RUN = re.compile(r"\S{" + str(ECHO + 1) + ",}")
_PARTS = re.compile(r"""([(\['"]*)(.*?)(['")\]]*)([.,:;]*)""", re.S)  # (quotes, brackets, punctuation: kept)


def capped(text: str) -> str:
    """``text`` with each run of characters without a space longer than :data:`ECHO` cut to its start and end and
    its length: ``'xxxx…xxxx' (5,000 characters)``, still telling which value it was."""
    if len(text) <= ECHO:
        return text

    def cut(m: re.Match[str]) -> str:
        if "，" in m[0] or "。" in m[0]:  # Chinese prose (a clause's text quoted), which has no spaces: kept whole
            return m[0]
        head, body, close, stop = _PARTS.fullmatch(m[0]).groups()  # type: ignore[union-attr]
        return f"{head}{body[:SHOWN]}…{body[-TAIL:]}{close} ({len(body):,} characters){stop}" if len(body) > ECHO \
            else m[0]

    return _RUN.sub(cut, text)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulesError as exc:
            if ctx.invoked_subcommand == "validate" or (ctx.invoked_subcommand == "test" and _policy_root(exc) is None):
                # (a scenario file's problems: no other command lists them, so `test` does, one a line)
                for issue in exc.issues:
                    click.echo(f"error: {capped(str(issue))}", err=True)
            else:
                click.echo(f"error: {capped(_one_line(exc))}", err=True)
            ctx.exit(2)
        except ResponsibilityError as exc:
            from .._errors import ReaderGone

            if isinstance(exc, ReaderGone):  # not a mistake to report: _main ends quietly
                raise
            if isinstance(exc, JurisdictionError) and "problem(s)" in str(exc).split("\n", 1)[0]:
                # a list of a file's problems (at most 20 and a count): one a line, as validate lists issues
                first, *rest = str(exc).split("\n")
                click.echo("\n".join([f"error: {capped(first)}", *(f"  {capped(x)}" for x in rest)]), err=True)
                ctx.exit(2)
            text = " ".join(str(exc).split("\n"))
            click.echo(f"error: {capped(text)}", err=True)
            ctx.exit(2)


#: What people type for a language instead of its code (``--lang cn``), and the code they mean.
_LANG_WORDS = {"cn": "zh", "zh-cn": "zh", "zh_cn": "zh", "zh-hans": "zh", "chs": "zh", "chinese": "zh",
               "中文": "zh", "汉语": "zh", "简体中文": "zh", "english": "en", "eng": "en", "en-us": "en", "en_us": "en",
               "en-gb": "en", "英文": "en", "英语": "en"}


class LangChoice(click.Choice):  # type: ignore[type-arg,unused-ignore]
    """``--lang zh|en``: a value people type for one of them (``cn``, ``chinese``, ``中文``) is told which it means
    (it was told only "'cn' is not one of 'zh', 'en'": ux46 left), never taken for it."""

    def __init__(self) -> None:
        super().__init__(["zh", "en"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            meant = _LANG_WORDS.get(" ".join(str(value).split()).lower())
            if meant is None:
                raise
            self.fail(f"{str(value)!r} is not one of 'zh', 'en'; did you mean {meant!r}?", param, ctx)


class DayParam(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A ``YYYY-MM-DD`` option value, read as problem records read dates."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import datetime as dt

        if isinstance(value, dt.date):
            return value
        from ..engine._problem import parse_day

        try:
            return parse_day(value, cell=False)  # (typed, not a spreadsheet's cell: no Excel hint)
        except ValueError as exc:  # (pydantic_core's error of a bad day: imported only when there is one)
            from pydantic_core import PydanticCustomError

            if not isinstance(exc, PydanticCustomError):
                raise
            self.fail(exc.message(), param, ctx)


def named(policy: PolicyView, kind: Literal["area", "level"], value: str, option: str) -> str:
    """The id of the area or level an option names by its id, Chinese name or gloss (危房改造, 村,
    乡镇), as a problem record names it; an unknown one is a usage error with the nearest."""
    from ..engine._problem import named_term

    found, hint = named_term(policy, kind, value)
    if found is not None:
        return found
    raise click.BadParameter(f"unknown {kind} {value!r}; {hint}", param_hint=option)


class WholeNumber(click.IntRange):
    """click's ``IntRange``, whose refusal of a value that is no whole number says so and what to give: click's own
    words, "'1.5' is not a valid integer range", read as asking for a range (``--within 0-7``?) — newcomer37."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, int):
            try:
                int(value)
            except (TypeError, ValueError):
                self.fail(f"{value!r} is not a whole number; give one {self._span()}", param, ctx)
        return super().convert(value, param, ctx)

    def _span(self) -> str:
        if self.min is not None and self.max is not None:
            return f"from {self.min} to {self.max}"
        return f"of at least {self.min}" if self.min is not None else f"of at most {self.max}"


def _number(value: float | None) -> float | None:
    """A float option that is a number (click's ranges let ``nan`` through: it compares false)."""
    import math

    if value is not None and math.isnan(value):
        raise click.BadParameter("nan is not a number; give one, e.g. 80")
    return value


def file_named(_ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An output option's file name, refused when empty: ``-o "$OUT"`` with the variable unset wrote the list to
    standard output (``ledger list``), dropped the rejects file (``--rejects``), took the default decision log, or
    said "findings file . is a directory" (hostile41)."""
    if isinstance(value, str) and not value.strip():
        name = next((o for o in param.opts if o.startswith("--")), param.opts[0] if param.opts else "the option")
        raise click.BadParameter(f"the file name is empty ({value!r}: an unset variable?); give a file name, or leave "
                                 f"{name} out", param=param)
    return value


def text_encoding(name: str | None) -> str | None:
    """``--encoding``: the name of a text encoding (rot13, base64 and hex are codecs, not encodings)."""
    from .._files import is_text_encoding

    if name is not None and not is_text_encoding(name):
        raise click.BadParameter(f"{name!r} is not a text encoding; try utf-8 or gb18030")
    return name


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="responsibility")
def cli() -> None:
    """Who answers for a problem in poverty-alleviation work (浙扶贫〔2020〕1号)?

    Exit codes: 0 fine, 1 findings (issues, rejected records, changed answers), 2 unusable input
    or output, 3 an internal error (a bug: add --debug to any command for its traceback),
    130 interrupted (Ctrl-C), 141 the reader of the output stopped reading (| head: quietly),
    143 terminated (SIGTERM; `serve` stops cleanly, exit 0), 129 hung up (SIGHUP).
    """


def _engine(name: str | None) -> Literal["durable", "compiled"] | None:
    """The engine name click has already restricted to the two choices."""
    return "durable" if name == "durable" else "compiled" if name == "compiled" else None


def load_policy(path: str | Path | None, *, plain: bool = False) -> PolicyView:
    """The validated policy at ``path`` (default: the shipped rules), as :func:`responsibility.load` reads it;
    ``plain``: from the cache as plain objects, without pydantic (policy/_cache.read), for a command that hands
    no policy item to pydantic."""
    from ..chain._checks import load_checked

    return load_checked(path, cls=PolicyView, plain=plain)


def _rules_dir(path: str | None) -> Path:
    from ..policy._loader import default_rules_dir

    return Path(path) if path else default_rules_dir()


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(directory: str | None, fmt: str) -> None:
    """Check a policy directory (default: the shipped rules) and report every problem.

    Exit 0 when sound, 1 when there are findings, 2 when the input cannot be read.
    """
    from ..chain._checks import validate_dir as run

    root = _rules_dir(directory)
    issues: list[Issue] = run(root)
    if not issues:

        policy = load_policy(root)
        summary = (f"{root}: OK — {len(policy.bodies)} bodies, {len(policy.duties)} duties, "
                   f"{len(policy.kinds)} problem kinds, {len(policy.clauses)} clauses")
        if fmt == "json":
            click.echo(json.dumps({"ok": True, "issues": []}))
        else:
            click.echo(summary)
        return
    if fmt == "json":
        click.echo(json.dumps({"ok": False, "issues": [
            {"file": i.file, "line": i.line, "column": i.column, "code": i.code, "message": i.message,
             "hint": i.hint} for i in issues]}, ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            click.echo(f"{issue} [{issue.code}]")
        click.echo(f"{len(issues)} problem(s) in {root}", err=True)
    sys.exit(2 if any(i.code in UNREADABLE for i in issues) else 1)


@cli.command()
@click.option("--check", is_flag=True, help="Fail if the committed schemas differ from the models.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Schema directory (default: ./schemas; with --check, else the project's or the package's).")
def schemas(check: bool, out: str | None) -> None:
    """Write the JSON Schemas of the policy files (and problem records) to OUT."""
    from ..checks._schemas import schema_dirs, write_schemas

    if out is not None:
        target = Path(out)
        if check and not target.is_dir():  # nothing to compare with: unusable input, not "out of date"
            what = "is not a directory" if target.exists() else "does not exist"
            raise ResponsibilityError(f"--out {target} {what}: there are no schemas to check there; "
                                      f"give the directory that holds them, or write them with "
                                      f"`responsibility schemas --out {target}`")
        if not check and target.exists() and not target.is_dir():
            # (a file or a device: "cannot complete: file exists (/dev/null); the output may be incomplete")
            raise ResponsibilityError(f"--out {target} is not a directory: the schemas are several files; give a "
                                      "directory (made when missing), e.g. --out schemas")
    elif not check:
        target = Path("schemas")
    else:
        found = [d for d in schema_dirs() if d.is_dir()]
        if not found:
            looked = ", ".join(str(d) for d in schema_dirs())
            raise ResponsibilityError(f"no schemas to check (looked in {looked}); give --out DIR")
        target = found[0]
    if not check and not target.exists():
        # made here, where its failure can be told: in write_schemas it was "cannot complete: operation not permitted
        # (imm/sub); the output may be incomplete", saying neither which directory nor what to do (hostile58)
        try:
            target.mkdir(parents=True)
        except OSError as exc:
            from .._files import _describe

            raise OutputError(f"cannot create the schema directory {target}: {_describe(exc)}; give --out a "
                              "directory you can write to (it is made when missing)") from None
    changed = write_schemas(target, check=check)
    if check and changed:
        click.echo(f"schemas out of date in {target}: " + ", ".join(changed)
                   + f" (run `responsibility schemas --out {target}`)", err=True)
        sys.exit(1)
    click.echo(f"{'checked' if check else 'wrote'} schemas in {target}")


class Terminated(SystemExit):
    """SIGTERM (or SIGHUP: the terminal closed, an ssh session dropped), raised where the command is (as Ctrl-C
    raises ``KeyboardInterrupt``), so that the files being written are abandoned as on any error: temporary files
    removed, targets unchanged. The exit code is 128 + the signal's number (143, 129)."""

    def __init__(self, signum: int = 15) -> None:
        import signal

        super().__init__(128 + signum)
        self.signal_name = signal.Signals(signum).name


def _terminated(signum: int, frame: Any) -> None:
    import signal

    signal.signal(signum, signal.SIG_DFL)  # a second such signal ends the process at once
    raise Terminated(signum)


def ending_signals(handler: Any) -> dict[int, Any]:
    """Set ``handler`` for SIGTERM, and for SIGHUP unless it is ignored (``nohup``: the run must outlive its
    terminal); returns the handlers before, for :func:`restore_signals`. (Before, a hangup left the hidden
    temporary files of the outputs behind, exit -1.)"""
    import signal

    before: dict[int, Any] = {signal.SIGTERM: signal.signal(signal.SIGTERM, handler)}
    hup = getattr(signal, "SIGHUP", None)
    if hup is not None and signal.getsignal(hup) is signal.SIG_DFL:
        before[hup] = signal.signal(hup, handler)
    return before


def restore_signals(before: dict[int, Any]) -> None:
    import signal

    for signum, handler in before.items():
        signal.signal(signum, handler)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising ``SystemExit``."""
    import threading

    _at_once.clear()  # (said again by the command that runs now, if it may)
    if argv is None and not _exit_freeze:
        _exit_freeze.append(True)
        atexit.register(gc.freeze)
    here = threading.current_thread() is threading.main_thread()
    previous = ending_signals(_terminated) if here else {}
    try:
        code = _main(argv)
    finally:
        restore_signals(previous)
    if argv is None and code in (129, 130, 143) and any(t.daemon and t.is_alive() for t in threading.enumerate()):
        # Interrupted while a reader thread waits on input that stays open (standard input): the files are
        # already abandoned and the workers stopped; the interpreter's shutdown would abort on the lock that
        # thread holds ("could not acquire lock for <stdin>", SIGABRT), so end here with the exit code.
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        os._exit(code)
    return code


#: Whether :func:`main` has had the process's end skip the cycle collector's last passes. The command's process
#: (``argv`` None: the ``responsibility`` script, ``python -m responsibility``) ends when it returns, and the
#: interpreter's shutdown then runs the cycle collector over everything still alive — the policy, the places, the
#: assessor's tables: ~0.08 CPU s of a ten-record ``assess`` (a tenth of it), collecting memory the process gives
#: back anyway. ``gc.freeze`` at exit (after the threads and the other exit handlers: atexit runs last registered
#: first, and ours is registered before the command runs) leaves those objects to the operating system; what
#: reference counting frees and every exit handler still run. A caller that runs :func:`main` with its arguments
#: (tests, a program) keeps its collector as it was.
_exit_freeze: list[bool] = []


def ending() -> bool:
    """Whether this process is the command's own, which ends when the command returns (:func:`main` was
    called without arguments): what a command would set back for its caller may be left."""
    return bool(_exit_freeze)


def run() -> NoReturn:
    """The command's own process (the ``responsibility`` script, ``python -m responsibility``): :func:`main`,
    then the end. After a command that closed every file it wrote and said so (:func:`may_end_at_once`;
    ``assess``), with exit 0 or 1, standard output and error flushed, no thread but this one left to wait for:
    the exit handlers run (``atexit``, as at any exit), and the process ends there (``os._exit``). The
    interpreter's own shutdown would then tear down every module and free every object still alive — the
    policy, the places, the assessor's tables and templates, Arrow's and numpy's state: ~0.08 CPU s of every
    run, ten records or a million (a sixth of a ten-record ``assess``), for memory the process gives back
    anyway. Anything else (another command, another exit code, a flush that fails, a thread still running, a
    profiler or a tracer watching) ends as Python ends a process (``SystemExit``). :func:`main` itself never
    ends the process: a caller that runs it (tests, a program) goes on."""
    code = main()
    # (not under a profiler or a tracer, as ``python -m cProfile -m responsibility``, which writes its figures
    # after the module returned)
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if code in (0, 1) and _at_once and not watched and _quiet_threads():
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
            atexit._run_exitfuncs()  # (what they print is flushed again below)
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except Exception:  # (a closed or broken stream: Python's own exit reports it, as without this)
            raise SystemExit(code) from None
        os._exit(code)
    raise SystemExit(code)


#: Whether the command that ran has closed every file it wrote (:func:`may_end_at_once`).
_at_once: list[bool] = []


def may_end_at_once() -> None:
    """Say that the command that runs has closed every file it wrote, so that its own process may end without
    the interpreter's shutdown (:func:`run`)."""
    _at_once.append(True)


def _quiet_threads() -> bool:
    """Whether no thread but this one would keep the process alive (Python waits for those at its exit)."""
    import threading

    me = threading.current_thread()
    return all(t is me or t.daemon or not t.is_alive() for t in threading.enumerate())


def _name_bytes(exc: UnicodeError) -> tuple[str, int]:
    """The encoding error handler of the messages on stderr: a byte of a file name that is not UTF-8, which Python
    holds as a lone surrogate (U+DC80–U+DCFF), is shown as the byte it is (``\\xff``), as a name typed with it
    reads; any other character the stream cannot encode, as Python's own ``backslashreplace`` shows it. A name
    with such a byte was shown ``p\\udcff.csv``, which names no character the user ever wrote (ux46)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    part = exc.object[exc.start:exc.end]
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF
                   else c.encode("ascii", "backslashreplace").decode("ascii") for c in part), exc.end


codecs.register_error("responsibility.name_bytes", _name_bytes)


@contextlib.contextmanager
def _messages_name_bytes() -> Iterator[None]:
    """stderr with :func:`_name_bytes` as its error handler while a command runs, as it was afterwards."""
    stream = sys.stderr
    before = getattr(stream, "errors", None)
    if not isinstance(stream, io.TextIOWrapper) or before not in ("strict", "backslashreplace", "surrogateescape"):
        yield
        return
    try:
        stream.reconfigure(errors="responsibility.name_bytes")
    except (ValueError, OSError):  # (a closed or detached stream: nothing to say on it anyway)
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors=before)


def _main(argv: list[str] | None) -> int:
    with _messages_name_bytes():
        return _run_main(argv)


def _run_main(argv: list[str] | None) -> int:
    from .._errors import ReaderGone

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("RESPONSIBILITY_DEBUG", "") not in ("", "0")
    args = [a for a in args if a != "--debug"]
    if sys.stdout is None:  # started with stdout closed: writing to it is an error, not a silent loss
        sys.stdout = _ClosedStdout()
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of raising it.
        code = cli.main(args=args, prog_name="responsibility", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:  # click >= 8.2: a bare group
            click.echo(exc.ctx.get_help())  # the help a newcomer asked for by typing the name alone, not an error
            return 0
        where = f"responsibility {exc.ctx.command_path.partition(' ')[2]}".strip() if exc.ctx else "responsibility"
        said = no_set_hint(where) if isinstance(exc, click.NoSuchOption) and exc.option_name == "--set" else None
        _error(f"{said or exc.format_message()} (see `{where} --help`)")
        return 2
    except click.ClickException as exc:
        _error(exc.format_message())
        return 2
    except click.exceptions.Abort as exc:
        # click turns Ctrl-C into Abort, and also any EOFError that reaches it; this CLI prompts for nothing, so
        # an EOFError is a fault (a truncated .pyc or cache file), not the user stopping it.
        if isinstance(exc.__cause__, EOFError):
            return _internal_error(exc.__cause__, debug)
        _error("interrupted; files being written were left as they were (any output on the terminal is incomplete)")
        return 130
    except Terminated as exc:
        _error(f"terminated ({exc.signal_name}); files being written were left as they were (any output on the "
               "terminal is incomplete)")
        return int(exc.code)  # type: ignore[arg-type]
    except SystemExit as exc:
        if _reader_gone_in_click():  # (click's own exit 1 for a broken pipe: README says 141)
            from .._files import quiet_broken_stdout

            quiet_broken_stdout()
            return 141
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except (ReaderGone, BrokenPipeError):
        # The reader of standard output stopped reading (`| head -1`): it asked for no more, so no
        # message; 141 (128 + SIGPIPE) as other tools in a pipeline, so `set -o pipefail` still sees it.
        from .._files import quiet_broken_stdout

        quiet_broken_stdout()
        return 141
    except OutputError as exc:
        from .._files import quiet_broken_stdout

        quiet_broken_stdout()
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        _error("interrupted; files being written were left as they were (any output on the terminal is incomplete)")
        return 130
    except MemoryError:  # the environment too: an input larger than this machine's memory
        _error("out of memory: the input is too large to hold (a JSON document or a line without end?); give a "
               "long ledger as JSON lines, CSV or Parquet, which are read in blocks, or use a larger machine")
        return 2
    except OSError as exc:  # the environment (a full disk, a closed pipe, a vanished file), not a bug
        from .._files import quiet_broken_stdout

        quiet_broken_stdout()
        where = f" ({exc.filename})" if exc.filename else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # said as every write path says it (_files.no_space)
            from .._files import no_space

            _error(no_space(str(exc.filename or "the output"), left="the output may be incomplete",
                            quota=exc.errno == errno.EDQUOT))
            return 2
        if exc.errno == errno.ENAMETOOLONG and exc.filename:
            # nothing was opened, so nothing is incomplete (ux46: "-o" with a 300-character name was "cannot complete:
            # file name too long (…); the output may be incomplete")
            _error(_name_too_long(str(exc.filename)))
            return 2
        _error(f"cannot complete: {(exc.strerror or str(exc)).lower()}{where}; the output may be incomplete")
        return 2
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        return _internal_error(exc, debug)


def _reader_gone_in_click() -> bool:
    """Whether click met a broken pipe on standard output (its ``echo`` to a reader that stopped reading: ``validate |
    true``, ``ledger verify DB | head -c1``, ``--help | true``) and turned it into ``sys.exit(1)``, wrapping the
    standard streams: exit 1 said "findings" (a broken chain, a failed test) of a command that found none (hostile40).
    The streams are unwrapped again (a caller in the same process writes on)."""
    try:
        from click.utils import _PacifyFlushWrapper
    except ImportError:  # pragma: no cover - a click without it exits as it does
        return False
    gone = isinstance(sys.stdout, _PacifyFlushWrapper)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, _PacifyFlushWrapper):
            setattr(sys, name, stream.wrapped)
    return gone


def _internal_error(exc: BaseException, debug: bool) -> int:
    """Report a bug in one line (the traceback only with --debug) and give its exit code, 3."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("responsibility")
    except PackageNotFoundError:  # pragma: no cover - always installed, at least editable
        ours = "?"
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    how = "with the traceback above" if debug else \
        "with the traceback that the same command with --debug (or RESPONSIBILITY_DEBUG=1) prints"
    _error(f"internal error in responsibility {ours} ({detail}); this is a bug, not a fault in your input: "
           f"please report it to {_bug_reports()}, with the command, its input and {how}")
    return 3


def _console() -> Any:
    """A rich console on standard output whose every write is checked (exit 2 on a broken pipe)."""
    from rich.console import Console

    from .._files import CheckedStream

    return Console(file=CheckedStream())  # type: ignore[arg-type]


class _ClosedStdout(io.TextIOBase):
    """Stands for a standard output that was closed when the command started."""

    def write(self, text: str) -> int:
        raise OutputError("standard output is closed; redirect it to a file "
                          "(or give -o FILE where the command takes one)")


def _error(message: str) -> None:
    import contextlib

    with contextlib.suppress(OSError, ValueError):  # stderr itself may be gone
        click.echo(f"error: {capped(message)}", err=True)


def no_set_hint(where: str) -> str | None:
    """What a command that takes no ``--set`` says to one given it: ``ledger list … --set`` was told "Did you mean
    '--status'?", and docs/ledger.md spoke of other parameter values as if the ledger's commands took them
    (newcomer41). ``None`` for a command whose own words do (a mistyped command of its own)."""
    if where.startswith("responsibility ledger"):
        what = ("the ledger's commands take no --set: their lists are judged under the rules' parameters. For a "
                "what-if, give --rules DIR, a copy of rules/ whose parameters.yaml gives the other value, or in "
                "Python Ledger.open(LEDGER, policy=responsibility.load().with_parameters(NAME=VALUE))")
    elif where == "responsibility serve":
        what = ("serve takes no --set: it answers under the rules' parameters (GET /v1/policy/parameters lists them). "
                "To serve other values, give --rules DIR, a copy of rules/ whose parameters.yaml gives them")
    else:
        return None
    return f"{what}; `who`, `route`, `assess` and `diff` take --set NAME=VALUE"


#: Files of many records in a table, which ``who``/``route``/``explain`` do not read (``assess`` does).
_LEDGER_SUFFIXES = {".csv": "a CSV table", ".tsv": "a TSV table", ".parquet": "a Parquet table",
                    ".xlsx": "an Excel workbook", ".xls": "an Excel workbook"}


#: What to do with each file that is no text (policy/_yaml.BINARY_KINDS, by its first bytes whatever its name), by the
#: kind's id, given the path (empty for standard input) and what the command reads.
_BINARY_HINTS: dict[str, Callable[[str, str], str]] = {
    "sqlite":
        lambda p, what: "a ledger's problem, its record and its route are shown by `responsibility ledger show "
                        f"{p or 'LEDGER'} PROBLEM`" if "problem" in what else "give the file of events to add",
    "gzip": lambda p, _w: f"unpack it first (gunzip -k {p or 'FILE'})",
    "zip": lambda _p, _w: "import a workbook into a ledger with `responsibility ledger import`",
    "parquet": lambda p, _w: f"assess a table with `responsibility assess {p or 'FILE.parquet'}`",
}


def _binary_kind(raw: bytes) -> tuple[str, Callable[[str, str], str]] | None:
    from ..policy._yaml import binary_kind

    kind = binary_kind(raw)
    return None if kind is None else (kind.what, _BINARY_HINTS.get(kind.id, lambda _p, _w: "give a YAML or JSON file"))


def say_note(text: str, lang: str = "en") -> None:
    """A note on stderr, marked ``注意（note）：`` under ``--lang zh`` (as ``assess`` and ``ledger add`` mark theirs: a
    Chinese reader sees it is a note though its words are English), ``note: `` otherwise."""
    click.echo(f"{'注意（note）：' if lang == 'zh' else 'note: '}{text}", err=True)


def _read_records(path: str, what: str = "a problem object", encoding: str | None = None, lang: str = "en"
                  ) -> tuple[list[Any], Any, bool]:
    """Problem records (or ``what`` else) from a YAML/JSON file or ``-`` (stdin): one object or a list of them;
    ``encoding``: the file's (``--encoding``; else UTF-8, or what its bytes plainly are, with a note, marked as
    ``lang`` says: :func:`say_note`).

    Returns the records, their positions in the file and whether the file held a list.
    """
    from ..policy._yaml import MAX_RECORD_FILE, parse_records, read_bytes

    name = "<stdin>" if path == "-" else path
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in _LEDGER_SUFFIXES and Path(path).exists():
        # a table of records, not one record: read as YAML it gave a syntax error (a table that is not there is told
        # so by the reader, as any file: "nofile.csv is a CSV table" sent the user to assess it)
        hint = f"assess a table with `responsibility assess {path}`" if "problem" in what and suffix != ".xlsx" \
            else "import a table or workbook into a ledger with `responsibility ledger import`"
        raise ProblemError("", f"{name} is {_LEDGER_SUFFIXES[suffix]}: this command reads {what} (or a list of "
                           f"them) as YAML or JSON; {hint}", code="unreadable")
    garbled = ""  # the note that a file read in the encoding given is UTF-8 too
    try:
        if path == "-":
            if sys.stdin is None:  # started with standard input closed (`<&-`): it was an internal error
                raise ProblemError("", "standard input is closed; give a file, or pipe the records in",
                                   code="unreadable")
            raw = sys.stdin.buffer.read(MAX_RECORD_FILE + 1)
            if len(raw) > MAX_RECORD_FILE:
                raise RulesError([Issue(name, 0, 0, f"larger than {MAX_RECORD_FILE // 2**20} MiB",
                                        "use `responsibility assess` for a ledger", "yaml_limit")])
        else:
            raw = read_bytes(Path(path), name, max_bytes=MAX_RECORD_FILE)
        if (kind := _binary_kind(raw)) is not None:  # by its bytes, whatever its name ends with
            raise ProblemError("", f"{name} is {kind[0]}: this command reads {what} (or a list of them) as YAML or "
                               f"JSON; {kind[1]('' if path == '-' else path, what)}", code="unreadable")
        notes: list[str] = []
        if encoding is not None:  # read as given, then as the UTF-8 it is
            import codecs

            utf8 = codecs.lookup(encoding).name == "utf-8"
            try:
                as_utf8 = None if utf8 or raw.isascii() else raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                as_utf8 = None
            try:
                raw = raw.decode("utf-8-sig" if utf8 else encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                # where, as a text editor counts (a line of the file, a character of it), and, for a file that is
                # UTF-8 (the usual mistake: --encoding gbk copied onto a file saved as UTF-8), what to do
                line = raw.count(b"\n", 0, exc.start) + 1
                begins = raw.rfind(b"\n", 0, exc.start) + 1
                column = len(raw[begins:exc.start].decode("utf-8", "ignore")) + 1 if as_utf8 is not None \
                    else exc.start - begins + 1  # (the UTF-8 character the byte is in: its bytes before it ignored)
                hint = "it is UTF-8 text: leave out --encoding" if as_utf8 is not None else \
                    "give the file's encoding (utf-8, gb18030, utf-16)"
                raise ProblemError("", f"{name}:{line}:{column}: byte 0x{raw[exc.start]:02x} is not {encoding} "
                                   f"text; {hint}", code="unreadable") from None
            if as_utf8 is not None:  # read as told, though it reads as UTF-8: its text may be garbled (mojibake)
                garbled = f"{name} is UTF-8 text too; read as {encoding}, as --encoding says (leave it out to read " \
                    "it as UTF-8)"
                notes.append(garbled)
        data, pos = parse_records(raw, name, notes)
        if encoding is None and not notes:  # UTF-8 that reads as GB18030's Chinese (review20b B20-12)
            from .._files import misread_note
            from ..policy._encoding import sample

            notes.append(misread_note(name, sample(raw)) or "")
        for note in filter(None, notes):  # read as ``assess`` reads the same file, with the same note
            say_note(note, lang)
    except RulesError as exc:
        issue = exc.issues[0]
        if garbled:  # (what the error quotes is the garbled text: the note says why)
            say_note(garbled, lang)
        if "problem" not in what and "`responsibility assess`" in issue.hint:
            # events one per line (JSON lines) were told "a file of JSON lines is for `responsibility assess`",
            # which reads problem records, never events (hostile40)
            noun = what.removeprefix("an ").removeprefix("a ").removesuffix(" object")
            issue = dataclasses.replace(issue, hint=f"give one {noun}, or a [list] of them: JSON lines are read as "
                                                    "one list once put in [ ] with a comma after each line "
                                                    "(jq -s . FILE does it)")
        raise ProblemError("", str(issue), code="unreadable") from None
    first = data[0] if isinstance(data, list) and data else data
    if "problem" in what and isinstance(first, dict) and ("scenarios" in first or "problem" in first):
        # a scenario file (`who my.scenarios.yaml`), refused as a record with "field 'scenarios': unknown field"
        from ..checks._scenarios import scenario_file_note

        if (held := scenario_file_note(name, data)) is not None:
            raise ProblemError("", held, code="not_an_object")
    if isinstance(data, dict):
        return [data], pos, False
    if isinstance(data, list):
        return data, pos, True
    # what it holds instead, and what to write, as assess says it (hostile27)
    from .._json import not_records

    raise ProblemError("", not_records(name, data, what), code="not_an_object")


def each_located(records: list[Any], pos: Any, many: bool, answer: Callable[[Any], _T]) -> Iterator[_T]:
    """``answer(record)`` for each record in turn; a :class:`ProblemError` is located in the file
    (``file:line:column`` of the field it names). The records are a typed file's (YAML or JSON): a refused day is
    told what to write, not how to format an Excel column (:func:`~responsibility.engine._problem.typed_records`)."""
    from ..engine._problem import typed_records

    for i, r in enumerate(records):
        try:
            with typed_records():
                got = answer(r)
        except ProblemError as exc:
            raise located(exc, pos, i, many) from None
        yield got


def each_answered(records: list[Any], pos: Any, many: bool, answer: Callable[[Any], _T]
                  ) -> tuple[list[_T], list[ProblemError]]:
    """``answer(record)`` for each record that can be answered, and the located error of each that cannot.

    One bad record does not sink a list (as ``assess`` answers the rest and rejects it): the good ones are
    answered, each bad one is told where and what (:func:`end_for_bad`). A file of one record raises its error."""
    if not many:
        return list(each_located(records, pos, many, answer)), []
    from ..engine._problem import typed_records

    out: list[_T] = []
    bad: list[ProblemError] = []
    for i, r in enumerate(records):
        try:
            with typed_records():  # (a typed file's records, as each_located's)
                out.append(answer(r))
        except ProblemError as exc:
            bad.append(located(exc, pos, i, many))
    return out, bad


def each_streamed(records: list[Any], pos: Any, many: bool, bad: list[ProblemError], answer: Callable[[Any], _T]
                  ) -> Iterator[_T]:
    """:func:`each_answered` one answer at a time: each record that can be answered is answered and let go
    (``records[i]`` becomes ``None``), each that cannot is added to ``bad``, located; a file of one record raises
    its error."""
    from ..engine._problem import typed_records

    for i in range(len(records)):
        r, records[i] = records[i], None
        try:
            with typed_records():  # (a typed file's records, as each_located's; never around the yield)
                got = answer(r)
        except ProblemError as exc:
            if not many:
                raise located(exc, pos, i, many) from None
            bad.append(located(exc, pos, i, many))
            continue
        yield got


class _VerdictsOut:
    """``who``'s answers on standard output as they come, exactly as the whole list was written: one verdict's
    JSON object for a file of one record, else a JSON list ``json.dumps(list, indent=2)`` writes, element by
    element; or the tables. Nothing is written before the first answer (a list of bad records writes nothing)."""

    def __init__(self, fmt: str, language: Lang, *, single: bool) -> None:
        self.fmt, self.language, self.single = fmt, language, single
        self.count = 0
        self._parts: list[str] = []
        self._size = 0
        self._console: Any = None

    def add(self, v: Any) -> None:
        """Write verdict ``v`` (buffered up to about 1 MB of JSON)."""
        self.count += 1
        if self.fmt != "json":
            from ._render_table import print_verdicts

            if self._console is None:
                self._console = _console()
            print_verdicts([v], self.language, self._console)
            return
        text = json.dumps(v.to_dict(self.language), ensure_ascii=False, indent=2)
        if not self.single:  # an element of the list: as json.dumps indents it one level in (no string holds "\n")
            text = ("[\n  " if self.count == 1 else ",\n  ") + text.replace("\n", "\n  ")
        self._parts.append(text)
        self._size += len(text)
        if self._size > 1 << 20:
            self._flush()

    def _flush(self) -> None:
        from .._files import write_stdout

        if self._parts:
            write_stdout("".join(self._parts))
        self._parts, self._size = [], 0

    def close(self) -> None:
        """The end of the list (``[]`` for a file holding an empty list)."""
        if self.fmt == "json":
            self._parts.append("\n" if self.single else "[]\n" if not self.count else "\n]\n")
            self._flush()


def _no_as_of(record: Any) -> bool:
    """Whether ``record`` (a mapping, or a table's row) gives no ``as_of``: it is then judged as of today."""
    if not isinstance(record, Mapping):
        return getattr(record, "as_of", None) is None
    value = record.get("as_of")
    return value is None or (isinstance(value, str) and not value.strip()) or \
        (isinstance(value, float) and value != value)


def table_row(record: Any) -> Any:
    """A record written as a table's row (dotted ``discovered.*`` keys) read as ``Policy.who_answers`` and ``assess``
    read it (review22b R22b-2); any other record as it is."""
    if isinstance(record, dict) and any(isinstance(k, str) and k.startswith("discovered.") for k in record):
        from ..batch._columns import row_record

        return row_record(record)
    return record


def end_for_bad(bad: list[ProblemError], total: int) -> None:
    """Tell each record that could not be answered (one line each, ``file:line:column``) and exit 2 (unusable
    input), after the answers to the others were written; nothing when every record was answered."""
    if not bad:
        return
    for exc in bad:
        click.echo(f"error: {capped(' '.join(str(exc).split()))}", err=True)
    answered = total - len(bad)
    others = ("the other record is answered above" if answered == 1 else
              f"the other {answered:,} are answered above" if answered else "none was answered")
    click.echo(f"error: {len(bad):,} of {total:,} records could not be answered (each said above, where and what); "
               f"{others}; correct {'it' if len(bad) == 1 else 'them'} and run again", err=True)
    sys.exit(2)


def located(exc: ProblemError, pos: Any, i: int, many: bool) -> ProblemError:
    """``exc`` located in the file: ``file:line:column`` of the field it names in record ``i``
    (of a list when ``many``)."""
    located_error: ProblemError = pos.locate(exc, (i,) if many else ())
    return located_error


def parse_settings(settings: tuple[str, ...]) -> dict[str, Any]:
    """``("NAME=VALUE", …)`` to ``{name: value}``: a whole number in decimal (``010`` is ten, not
    YAML's octal eight; ``1:30`` is text, not YAML's ninety), ``true``/``false``, else the text."""
    import re

    out: dict[str, Any] = {}
    for item in settings:
        # the first '=', or a full-width '＝' as a Chinese input method types it (no parameter's name holds either)
        cut = min((i for i in (item.find("="), item.find("\uff1d")) if i >= 0), default=-1)
        name, eq, text = (item[:cut], item[cut], item[cut + 1:]) if cut >= 0 else (item, "", "")
        if not eq or not name.strip():
            said = "the parameter's name is missing" if eq else \
                f"{item[m.start()]!r} is no '='" if (m := re.search(r"[:\uff1a]", item)) else "no '=' in it"
            raise ResponsibilityError(f"--set {item!r}: {said}; write NAME=VALUE, e.g. --set "
                                      "handling_time_limit_days=15 or --set 及时交办和上报时限（天）=15 (every "
                                      "parameter, with its Chinese name, is in rules/parameters.yaml)")
        value: Any = text.strip()
        if re.fullmatch(r"[+-]?[0-9]{1,18}", value):
            value = int(value, 10)
        elif value.lower() in ("true", "false"):
            value = value.lower() == "true"
        if name.strip() in out:  # as a record's reader refuses a key given twice: which one was meant?
            raise ResponsibilityError(f"--set {name.strip()} is given twice ({out[name.strip()]!r} and {value!r}); "
                                      "keep one")
        out[name.strip()] = value
    return out


def what_if(policy: PolicyView, settings: tuple[str, ...], lang: str = "en") -> PolicyView:
    """``policy`` with the ``--set`` values; a value that does not fit is blamed on ``--set``, not
    on rules/parameters.yaml (which is fine)."""
    import warnings

    from .._errors import ParameterWarning

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ParameterWarning)
            out = policy.with_parameters(**parse_settings(settings))
    except RulesError as exc:
        issue = exc.issues[0]
        raise ResponsibilityError(f"--set: {issue.message}" + (f" ({issue.hint})" if issue.hint else "")) from None
    for w in caught:
        if issubclass(w.category, ParameterWarning):
            say_note(f"--set: {w.message}", lang)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return out


def picture_paths(path: Path, problems: list[str]) -> list[Path]:
    """``path`` for one problem; ``stem-<problem id>.suffix`` beside it for several (the id reduced
    to letters, digits and ``_.-``, at most 100 of them; ``-2``, ``-3`` … where two ids reduce alike,
    as 淳安-001 and 建德-001 do, so that no picture overwrites another)."""
    if len(problems) == 1:
        return [path]
    import re

    out: list[Path] = []
    taken: set[str] = set()
    for p in problems:
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", p)[:100]
        name, n = f"{path.stem}-{safe}{path.suffix}", 1
        while name.lower() in taken:  # case too: some file systems fold it
            n += 1
            name = f"{path.stem}-{safe}-{n}{path.suffix}"
        taken.add(name.lower())
        out.append(path.with_name(name))
    return out


@cli.command()
@click.argument("file", type=str)
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--jurisdiction", type=click.Path(dir_okay=False), help="CSV of places (default: shipped example).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table with the reasons below it, or the verdict as JSON (as the HTTP service returns it).")
@click.option("--lang", type=LangChoice(), default="zh", show_default=True,
              help="The words of the table, the reasons and --explain, in Chinese or English (a mistake in FILE is "
                   "said in English either way).")
@click.option("--engine", type=click.Choice(["durable", "compiled"]), default=None,
              help="Rule engine (default: durable-rules where it runs, else compiled).")
@click.option("--explain", is_flag=True, help="Print the chain of reasoning after the answer.")
@click.option("--check", is_flag=True, help="Exit 1 when any problem has failure findings.")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="What-if: set a parameter of rules/parameters.yaml for this run (repeatable).")
@click.option("--picture", type=click.Path(dir_okay=False),
              help="Also draw the verdict to this .png or .svg file (one file per problem when there are several).")
@click.option("--today", type=DayParam(), default=None,
              help="Assessment date of problems without as_of (default: today).")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: text_encoding(v),
              help="Text encoding of FILE (default: UTF-8; a file that is plainly GB18030 or UTF-16 is read so, with "
                   "a note).")
def who(file: str, rules_dir: str | None, jurisdiction: str | None, fmt: str, lang: str, engine: str | None,
        explain: bool, check: bool, settings: tuple[str, ...], picture: str | None, today: Any,
        encoding: str | None) -> None:
    """Who answers for the problem(s) in FILE (YAML or JSON; - reads stdin)?"""
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._decide import who_answers

    if picture is not None:
        from .._files import check_target

        if Path(picture).suffix.lower() not in (".png", ".svg"):
            raise ResponsibilityError(f"--picture {picture}: give a .png or .svg file name")
        check_target(picture, [file if file != "-" else None, rules_dir, jurisdiction], what="picture")
    records, pos, many = _read_records(file, encoding=encoding, lang=lang)
    # (plain: no item of the policy goes to pydantic here; building the policy's models was a fifth of a cold start)
    policy = load_policy(rules_dir, plain=True)
    if settings:
        policy = what_if(policy, settings, lang)
    j = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
    language: Lang = "en" if lang == "en" else "zh"
    total = len(records)
    if not records:
        click.echo(f"warning: {'standard input' if file == '-' else file} holds no problems", err=True)
    if total >= MANY_FOR_WHO:
        # (check52b #16: 100,000 records on standard input ran over two minutes without a word, one verdict at a
        # time on the durable engine; assess reads the same file and answers it in seconds)
        shown = "FILE" if file == "-" else file
        say_note(f"{total:,} records: `responsibility assess {shown} -o findings.csv` is the fast path for many (the "
                 "same findings, one row each); who answers them one at a time", lang)
    if many:
        _say_repeated_ids(records, pos, lang)
    # Each answer is written as it is made and let go (input38 item 5: a list of 10,000 problems held every verdict
    # and its dict, then the whole JSON text, at once: 856 MB); only what is said after them all is kept — the
    # explanations' text, and the verdicts themselves only for --picture.
    bad: list[ProblemError] = []
    out = _VerdictsOut(fmt, language, single=total == 1)
    explained: list[str] = []
    kept: list[Any] = []
    failed = False
    undated: list[str] = []  # (the first record answered as of today, for want of an as_of)

    def answer(r: Any) -> Any:
        got = who_answers(policy, table_row(r), jurisdiction=j, engine=_engine(engine), today=today)
        if today is None and not undated and _no_as_of(r):
            # a problem of 2021 never rectified has every deadline behind it as of today: say which day judged it,
            # once, before its answer (newcomer40: only --explain's 截至 showed it; JSON's shape stays as it is)
            undated.append(got.problem)
            say_note(f"a problem without as_of is judged as of today, {got.as_of.isoformat()} "
                     f"({'first: ' if total > 1 else ''}{got.problem}); give the record's as_of, or --today "
                     "YYYY-MM-DD", lang)
        return got

    for v in each_streamed(records, pos, many, bad, answer):
        out.add(v)
        failed = failed or bool(v.failures)
        if explain:
            explained.append(v.explain(language))
        if picture is not None:
            kept.append(v)
    if bad and not out.count:
        end_for_bad(bad, total)
    out.close()
    for text in explained:
        click.echo(text)
    if picture is not None:
        from .._files import check_target

        verdicts = kept
        paths = picture_paths(Path(picture), [v.problem for v in verdicts])
        for path in paths:  # every one before any is drawn: never over an input
            check_target(path, [file if file != "-" else None, rules_dir, jurisdiction], what="picture")
        for path, v in zip(paths, verdicts, strict=True):
            v.draw(language).save(path)
            click.echo(f"wrote {path}", err=True)
    end_for_bad(bad, total)  # (after the answers: exit 2 outranks --check's 1)
    if check and failed:
        sys.exit(1)


def _say_repeated_ids(records: list[Any], pos: Any, lang: str) -> None:
    """A note on stderr for each id a list gives more than one record (at most five, the rest counted): each is
    answered as a record of its own, as `assess` answers them and says so (ux47 left: `who` said nothing, and
    a reader summing the answers by id counted one problem twice)."""
    from ..batch._repeats import repeated_ids

    repeated = list(repeated_ids(records).items())
    for rid, ix in repeated[:5]:
        lines = [pos.at((i,))[0] for i in ix[:5]]
        # (a list on one line has every record on line 1: its items are told by their place in the list)
        said = [f"line {n}" for n in lines] if len(set(lines)) == len(lines) else [f"item {i + 1}" for i in ix[:5]]
        lines_said = ", ".join(said) + (", …" if len(ix) > 5 else "")
        say_note(f"id {rid!r} is on {len(ix)} records ({lines_said}): each is answered as a problem of its own; give "
                 "each problem its own id, or remove the repeated records", lang)
    if len(repeated) > 5:
        say_note(f"{len(repeated) - 5:,} more ids are on more than one record", lang)


def _scenario_paths(paths: tuple[str, ...]) -> None:
    """Refuse a scenario path that is a FIFO or a device: the scenario finder said "no such file or directory" of
    one that is there (hostile40)."""
    import os
    import stat

    for raw in paths:
        try:
            mode = os.stat(raw).st_mode
        except OSError:
            continue  # (the finder says what is missing)
        if not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
            raise ResponsibilityError(f"{raw}: not a regular file (a pipe or a device); give a scenario file "
                                      "(*.scenarios.yaml) or a directory of them")
        table = _LEDGER_SUFFIXES.get(Path(raw).suffix.lower()) if stat.S_ISREG(mode) else None
        if table is not None:  # (read as YAML it was "YAML syntax error: mapping values are not allowed": check52b)
            todo = ("import a workbook into a ledger with `responsibility ledger import`" if "workbook" in table
                    else f"assess a table with `responsibility assess {raw}`")
            raise ResponsibilityError(f"{raw} is {table}, not a scenario file (*.scenarios.yaml); {todo}")


@cli.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--engine", type=click.Choice(["durable", "compiled"]), default=None,
              help="Rule engine (default: durable-rules where it runs, else compiled; the answers are the same).")
@click.option("--coverage", "show_coverage", is_flag=True,
              help="Report the duties, problem kinds and accountability rules the scenarios exercise.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None, callback=lambda _c, _p, v: _number(v),
              help="With --coverage: exit 1 when coverage is below this percentage.")
def test_cmd(paths: tuple[str, ...], rules_dir: str | None, engine: str | None, show_coverage: bool,
             threshold: float | None) -> None:
    """Run the scenario files (*.scenarios.yaml) under PATHS against the policy.

    A PATH is a scenario file, or a directory searched for *.scenarios.yaml at every depth; with no PATHS, the
    current directory (in a checkout: examples/problems and your own). Exit 0 when every scenario passes (and
    coverage reaches --threshold), 1 otherwise.
    """
    from ..checks._scenarios import coverage, run_paths
    from ..engine._problem import typed_records

    _scenario_paths(paths)
    policy = load_policy(rules_dir)
    with typed_records():  # (a scenario file is YAML: its record's 2021/4/2 is told no Excel advice, as who's is)
        outcomes = list(run_paths(paths or ["."], policy, engine=_engine(engine)))
    if not outcomes:
        raise ResponsibilityError(f"no scenarios found in {', '.join(paths or ['.'])} (looked for files named "
                                  "*.scenarios.yaml with at least one scenario); nothing was tested")
    failed = [o for o in outcomes if not o.passed]
    for o in failed:
        click.echo(o.report())
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    unusable = [o for o in outcomes if o.unusable]
    if unusable:
        click.echo(f"error: {len(unusable)} scenario(s) hold a problem record or name a jurisdiction file that "
                   f"cannot be used (first: {unusable[0].scenario.label})", err=True)
        sys.exit(2)
    below = False
    if show_coverage or threshold is not None:
        cov = coverage(outcomes, policy)
        click.echo(cov.report())
        if threshold is not None and cov.percent < threshold:
            click.echo(f"coverage {cov.percent:.1f}% is below the threshold {threshold:.1f}%", err=True)
            below = True
    if failed or below:
        sys.exit(1)
from . import _graph  # noqa: E402,F401


def _policy_at_revision(directory: Path, rev: str) -> Path:
    """Check out ``directory`` as it was at git revision ``rev`` into a temporary directory."""
    import subprocess
    import tarfile
    import tempfile

    from .._errors import RulesError

    directory = directory.resolve()
    if rev.startswith("-") or not rev.strip():
        raise RulesError([Issue(str(directory), 0, 0, f"--against {rev!r} is not a revision",
                                "name a branch, tag or commit such as origin/main", "unreadable")])
    try:
        top = subprocess.run(["git", "-C", str(directory), "rev-parse", "--show-toplevel"], check=True,
                             capture_output=True, text=True).stdout.strip()
        rel = directory.relative_to(Path(top).resolve())
        # The revision is verified and resolved first, so that no value is ever read as an option.
        found = subprocess.run(["git", "-C", top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                                f"{rev}^{{commit}}"], capture_output=True, text=True)
        if found.returncode != 0:
            raise RulesError([Issue(str(directory), 0, 0, f"no revision {rev!r} in {top}",
                                    "name an existing branch, tag or commit", "unreadable")])
        commit = found.stdout.strip()
        archive = subprocess.run(["git", "-C", top, "archive", "--format=tar", commit, "--", str(rel)], check=True,
                                 capture_output=True).stdout
    except RulesError:
        raise
    except (subprocess.CalledProcessError, FileNotFoundError, ValueError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        text = " ".join((detail.decode(errors="replace") if isinstance(detail, bytes) else str(detail)).split())
        raise RulesError([Issue(str(directory), 0, 0, f"cannot read revision {rev!r}: {text or exc}",
                                "run inside a git checkout and name an existing revision", "unreadable")]) from None
    out = Path(tempfile.mkdtemp(prefix="responsibility-rev-"))
    import atexit
    import io
    import shutil

    atexit.register(shutil.rmtree, out, ignore_errors=True)  # the checkout lives as long as the command
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(out, filter="data")
    return out / rel


@cli.command("diff")
@click.argument("old", type=click.Path(file_okay=False))
@click.argument("new", required=False, type=click.Path(file_okay=False))
@click.option("--against", "rev", help="Compare OLD with itself at this git revision (e.g. origin/main).")
@click.option("--scenarios", "scenario_paths", multiple=True, type=click.Path(),
              help="Scenario files or directories to compare too (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "summary", "json"]), default="table",
              show_default=True, help="summary: counts and the largest groups, under 64 KiB (for a CI step summary).")
@click.option("--as-of", "as_of", type=DayParam(), default=None,
              help="Compare only the rules in force on this day (default: every period of either policy).")
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when any answer changed.")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="What-if: set a parameter on the NEW side (alone: compare OLD with OLD so changed).")
def diff_cmd(old: str, new: str | None, rev: str | None, scenario_paths: tuple[str, ...], fmt: str,
             as_of: Any, fail_on_change: bool, settings: tuple[str, ...]) -> None:
    """Compare two policy directories (or a directory with a git revision of itself, or with
    a parameter changed by --set).

    First the data changes (bodies, duties, parameters, clauses), then every problem shape
    whose answer changed, with an example problem and the findings that appeared or vanished.
    """
    from ..checks._diff import diff

    if settings and new is None and rev is None:
        new = old
    if new is None and rev is None:  # ("but not both" was said to a user who gave neither)
        raise click.UsageError(f"give what to compare {old} with: NEW (another policy directory), --against REV (a git "
                               "revision of it, e.g. HEAD) or --set NAME=VALUE (a parameter changed)")
    if new is not None and rev is not None:
        raise click.UsageError("give NEW, or --against REV, but not both")
    _scenario_paths(scenario_paths)
    if rev is not None:
        old_dir, new_dir = _policy_at_revision(Path(old), rev), Path(old)
    else:
        old_dir, new_dir = Path(old), Path(new or old)
    new_policy = load_policy(new_dir)
    if settings:
        new_policy = what_if(new_policy, settings)
    from ._assess import _Progress

    try:
        old_policy = load_policy(old_dir)
    except RulesError as exc:
        if rev is None:
            raise
        # the revision's rules live in a temporary checkout, gone when the command ends: its path was named, and
        # `responsibility validate /tmp/responsibility-rev-…/rules` offered, a directory that no longer exists
        root = str(old_dir.resolve())
        first = str(exc.issues[0]).replace(root, f"{rev}:{Path(old).as_posix().rstrip('/')}")
        more = len(exc.issues) - 1
        raise ResponsibilityError(
            f"the rules at revision {rev!r} do not load: {first}" + (f" (and {more} more)" if more else "")
            + f"; compare with a revision whose rules load, or check that one out (git worktree add /tmp/old {rev}) "
            "and `responsibility validate` its rules") from None
    # a bar on a terminal: an amendment's whole fact space takes seconds (review21b B21-9: 12 CPU s, nothing shown)
    with _Progress(sys.stderr.isatty(), None, "comparing answers") as bar:
        result = diff(old_policy, new_policy, scenarios=scenario_paths, as_of=as_of, progress=bar.update)
    if fmt == "json":
        from .._files import write_stdout

        write_stdout(result.to_json() + "\n")
    elif fmt == "markdown":
        from .._files import write_stdout

        write_stdout(result.to_markdown() + "\n")
    elif fmt == "summary":
        from .._files import write_stdout

        write_stdout(result.to_summary())
    else:
        from ._render_table import print_diff

        print_diff(result, _console())
    if fail_on_change and result.answers_changed:
        sys.exit(1)


from . import _assess, _ledger, _serve  # noqa: E402,F401
