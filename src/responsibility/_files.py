"""Writing outputs safely: atomically, never over an input, every write checked.

Every file the library writes (findings, rejects, graphs, diffs, schemas) goes
through this module:

- :func:`atomic_path` / :func:`atomic_text` / :func:`atomic_binary` write to a
  temporary file *beside* the target (same directory, so the final rename is
  atomic), flush and ``fsync`` it, then ``os.replace`` it over the target. On any
  failure (disk full, an exception in the caller, Ctrl-C) the temporary file is
  removed and the previous output is left as it was.
- :func:`check_target` refuses a target that is a directory, whose directory does
  not exist, or that is one of the inputs (the same file by ``os.path.samefile``
  or by real path): one line, :class:`~responsibility.OutputError`.
- :func:`write_stdout` and :class:`CheckedStream` write to standard output and
  check every write: a closed stdout, a broken pipe (EPIPE), a full disk or a short
  write raise :class:`~responsibility.OutputError` (exit 2 on the command line)
  instead of losing output silently; a non-blocking stdout is waited on, not
  truncated.
- :func:`neutralise` applies the OWASP rule against CSV/formula injection: a text
  cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or
  their full-width forms) gets a leading apostrophe, so Excel and LibreOffice show
  it as text instead of running it. Machine consumers turn it off
  (``neutralise(value, enabled=False)``; ``--no-neutralise`` on the command line).

>>> neutralise('=HYPERLINK("http://x", "click")')
'\\'=HYPERLINK("http://x", "click")'
>>> neutralise("-5"), neutralise("housing"), neutralise("=1", enabled=False)
("'-5", 'housing', '=1')
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import select
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from ._errors import OutputError, ReaderGone

PathLike = str | os.PathLike[str]

#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: = + - @, tab and carriage return, and the full-width = + - @ that CJK input methods type.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def is_text_encoding(name: str) -> bool:
    """Whether ``name`` is a text encoding: known, and not a codec such as rot13, base64 or hex."""
    import codecs

    if "\x00" in name:  # (codecs.lookup raised ValueError "embedded null character": a 500 for the form's
        return False  # encoding of POST /v1/ledger/import; hostile41)
    try:
        codecs.lookup(name)
        "x".encode(name)  # LookupError for a codec that is no text encoding (not "": CPython skips empty text)
    except LookupError:
        return False
    except UnicodeError:  # a text encoding that cannot write "x" is a text encoding all the same
        pass
    return True


def gb18030_misread(text: str) -> tuple[str, str] | None:
    """``(a run of text, what its bytes say in GB18030)`` when ``text``, read as UTF-8, looks like
    GB18030 text whose bytes happen to be UTF-8 too (review20b B20-12): each of its characters
    that are not ASCII is one of UTF-8's two-byte ones (Latin, IPA, Greek, Cyrillic … mixed),
    there is no character UTF-8 writes in three bytes (Chinese, in a file that really is UTF-8),
    and the same bytes read as GB18030 are Chinese: ``水`` saved in GB18030 is ``ˮ`` in UTF-8.
    ``None`` otherwise, and for text whose only such characters are accented Latin letters (é, ü),
    which a UTF-8 file may well hold."""
    import re

    found = list(re.finditer(r"[^\x00-\x7f]+", text))
    runs = [m.group() for m in found]
    if not runs or any(c >= "\u0800" for run in runs for c in run):
        return None
    # text of one alphabet (accented Latin letters, Greek, Cyrillic, Hebrew, Arabic …) is a language's, not GB18030
    # read as UTF-8, whose characters fall across the blocks, or among IPA, modifiers and combining marks; but an
    # accented letter that stands alone, no ASCII letter beside it (a cell "ĳ"), is no word of a language
    scripts = {next(i for i, top in enumerate(_SCRIPT_TOPS) if c <= top) for run in runs for c in run}
    if len(scripts) == 1 and _SCRIPT_TOPS[min(scripts)] != "\u036f":
        alone = scripts <= {0, 1} and all(c >= "\u00c0" for run in runs for c in run) and not any(
            text[m.start() - 1:m.start()].isalpha() or text[m.end():m.end() + 1].isalpha() for m in found)
        if not alone:
            return None
    try:
        read = [run.encode("utf-8").decode("gb18030") for run in runs]
    except UnicodeDecodeError:
        return None
    chinese = all("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
                  for run in read for c in run)
    return (runs[0], read[0]) if chinese else None


#: The last character of the blocks UTF-8 writes in two bytes, as :func:`gb18030_misread` tells alphabets apart:
#: signs and Latin-1 letters, Latin Extended-A and -B, IPA / modifiers / combining marks, Greek, Cyrillic, Armenian,
#: Hebrew, Arabic, and Syriac to N'Ko.
_SCRIPT_TOPS = ("\u00bf", "\u024f", "\u036f", "\u03ff", "\u052f", "\u058f", "\u05ff", "\u06ff", "\u07ff")


def misread_note(name: str, head: bytes, *, option: str = "--encoding gb18030") -> str | None:
    """The note for an input that starts with ``head`` (UTF-8, perhaps cut in a character at its end)
    when :func:`gb18030_misread` finds it."""
    import codecs

    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:  # not UTF-8 (its lines are rejected, with a hint)
        return None
    found = gb18030_misread(text)
    if found is None:
        return None
    return (f"{name} reads as UTF-8, but its text that is not ASCII ({found[0][:12]!r}) reads as Chinese in GB18030 "
            f"({found[1][:6]!r}): the file is likely GB18030 (Excel on Chinese Windows saves so); save it as UTF-8, "
            f"or give {option}")


def neutralise(value: str, *, enabled: bool = True) -> str:
    """``value`` made safe to open in a spreadsheet (a leading ``'`` before a formula start).

    Only text is neutralised; pass numbers through as numbers. ``enabled=False`` returns
    ``value`` unchanged, for outputs read by programs rather than people.
    """
    if enabled and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(row: Iterable[Any], *, enabled: bool = True) -> list[Any]:
    """Each ``str`` cell of ``row`` neutralised (see :func:`neutralise`); other cells unchanged."""
    if not enabled:
        return list(row)
    return [neutralise(v) if isinstance(v, str) else v for v in row]


def _describe(exc: OSError) -> str:
    if exc.errno in _FULL:
        return _FULL[exc.errno]
    if exc.errno == errno.EPIPE:
        return "the reader closed the pipe (broken pipe)"
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)


#: What a full disk is called on every path that writes (:func:`no_space`).
_FULL = {errno.ENOSPC: "no space left on its disk", errno.EDQUOT: "its disk quota is used up"}


def no_space(target: str, *, left: str = "", quota: bool = False,
             do: str = "free space there (or write to another disk) and run again") -> str:
    """The one message for a write that found its disk full, on every path that writes (a file, standard output,
    the ledger's database, the service's decision log): ``cannot write TARGET: no space left on its disk; LEFT;
    DO`` — what could not be written, what was left as it was, and what to do. ``quota``: the user's disk quota
    is used up (EDQUOT), not the disk. (input38 item 4: 'no space left on the device', 'no space left on device',
    '(database or disk is full)' and 'No space left on device' were four wordings, some with no remedy.)"""
    why = _FULL[errno.EDQUOT if quota else errno.ENOSPC]
    return f"cannot write {target}: {why}{f'; {left}' if left else ''}; {do}"


def write_error(target: str, exc: OSError, *, left: str = "") -> str:
    """``cannot write TARGET: why; LEFT`` for a write that failed with ``exc``; a full disk said by
    :func:`no_space`."""
    if exc.errno in _FULL:
        return no_space(target, left=left, quota=exc.errno == errno.EDQUOT)
    return f"cannot write {target}: {_describe(exc)}{f'; {left}' if left else ''}"


def output_error(message: str, exc: BaseException) -> OutputError:
    """The :class:`OutputError` for a failed write: a :class:`ReaderGone` when the reader of a pipe went
    away (EPIPE), which the command line ends quietly (``| head -1``)."""
    gone = isinstance(exc, OSError) and exc.errno == errno.EPIPE
    return (ReaderGone if gone else OutputError)(message)


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


#: The kinds of file an input directory is read for (a policy's YAML, a dataset's Parquet, …);
#: a picture or a diagram written there before may be written again.
_DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".jsonl", ".ndjson", ".csv", ".parquet", ".pq", ".gz"})


def _reads(path: Path, directory: Path) -> bool:
    """Whether ``path`` (a link followed too) is a kind of file ``directory`` is read for: a policy
    directory (it has policy.yaml) only for its YAML, any other input directory for data files."""
    kinds = {".yaml", ".yml"} if (directory / "policy.yaml").is_file() else _DATA_SUFFIXES
    return any(p.suffix.lower() in kinds for p in (Path(os.path.realpath(path)), path))


def _inside(path: Path, directory: Path) -> bool:
    """Whether ``path`` (really: links followed) lies under ``directory``."""
    real, top = os.path.realpath(path), os.path.realpath(directory)
    return os.path.commonpath([real, top]) == top


def _shipped_dirs() -> list[Path]:
    """The data the library reads when not given its own: the installed package's ``_data`` (rules, example
    jurisdictions), else a checkout's ``rules/`` and ``examples/jurisdictions/``."""
    here = Path(__file__).resolve().parent
    root = here.parents[1]
    return [d for d in (here / "_data", root / "rules", root / "examples" / "jurisdictions")
            if d.is_dir() and (d.name != "rules" or (d / "policy.yaml").is_file())]


def check_target(target: PathLike, inputs: Iterable[PathLike | None] = (), *, what: str = "output") -> Path:
    """Refuse to write ``target`` when it cannot or must not be written; return it as a path.

    Raises :class:`OutputError` (one line) when ``target`` is a directory, its directory
    does not exist, or it is the same file as one of ``inputs`` or an existing file that one
    which is a directory is read for (a policy directory's YAML: ``-o rules/parameters.yaml``;
    another directory's data files: YAML, JSON, CSV, Parquet); ``None`` and
    ``"-"`` are ignored, so optional inputs can be passed as they are.
    """
    path = Path(target)
    if is_devnull(path):  # output thrown away (a timing run, a check of the exit code): nothing to keep or replace
        return path
    if path.is_dir():
        raise OutputError(f"{what} {path} is a directory; give a file name")
    if str(target).endswith(("/", os.sep)):
        # a directory's name: Path() drops the slash, and `-o results/ --to csv` wrote a file named results (hostile40)
        raise OutputError(f"{what} {target} names a directory (it ends with /) that does not exist; give a file "
                          "name: drop the /, or create the directory and name a file in it")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {what} {path}: directory {parent} does not exist; create it first, or "
                          "name a file in a directory that exists")
    if not os.access(parent, os.W_OK | os.X_OK):
        # found before any output is written, not after the others were replaced (review19b M7)
        # (what to do said too: ux48 left; the words fit a command's -o and a Python call's path alike)
        raise OutputError(f"cannot write {what} {path}: directory {parent} is not writable; write it into a "
                          f"directory you can write to, or get write permission on {parent}")
    for other in inputs:
        if other is None or str(other) == "-":
            continue
        if _same(path, Path(other)):
            raise OutputError(f"{what} {path} is also an input ({other}); write it somewhere else")
        if os.path.isdir(other) and os.path.lexists(path) and _reads(path, Path(other)) and _inside(path, Path(other)):
            raise OutputError(f"{what} {path} would replace a file of the input directory {other}; "
                              "write it somewhere else")
    for shipped in _shipped_dirs():
        # the shipped rules and example jurisdictions are an input of every command that is not given others (review19b
        # O1: `graph -o rules/areas/housing.yaml`, run from a checkout, broke every later command)
        if _inside(path, shipped):
            raise OutputError(f"{what} {path} would write into the shipped data {shipped} that the library reads; "
                              "write it somewhere else")
    if _open_descriptor(path):
        # /dev/stdout redirected to a file was replaced: the link in /dev itself became a regular file (as root), or
        # `>> log` lost the log; a terminal or pipe was refused as "not a regular file" without saying what to give
        raise OutputError(f"{what} {path} is an open descriptor of this process (standard output, /dev/fd/N), not a "
                          "file to replace; for standard output give - where the command takes it, else a file name")
    if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
        # A FIFO or a device: replacing it would remove it, writing in place is not atomic.
        raise OutputError(f"{what} {path} is not a regular file; give a file name")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        # a rename needs only the directory's permission: a file its owner made read-only (chmod a-w) was replaced
        # all the same (root may write any file, and is not asked)
        raise OutputError(f"cannot write {what} {path}: the file is read-only; make it writable (chmod u+w) or give "
                          "another name")
    return path


#: A process's descriptor under /proc (/proc/self/fd/1, /proc/4242/task/4242/fd/1); not any path under /proc
#: (`-o /proc/out.csv` was told it is "an open descriptor of this process").
_PROC_FD = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd/")


def _open_descriptor(path: Path) -> bool:
    """Whether ``path``, or a link on the way to its file, names a descriptor of the process (``/dev/stdout``,
    ``/dev/fd/1``, ``/proc/self/fd/1``): its file is whatever the shell made of it, never an output to replace."""
    p = os.path.abspath(path)
    for _ in range(40):  # (a loop of links ends here)
        if p in ("/dev/stdout", "/dev/stderr", "/dev/stdin") or p.startswith("/dev/fd/") or _PROC_FD.match(p):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.abspath(os.path.join(os.path.dirname(p), os.readlink(p)))
    return False


def names_no_file(path: PathLike) -> bool:
    """Whether ``path`` names something other than a file an output may be written as: a device (``/dev/null``,
    ``/dev/full``), a FIFO, a socket, or a descriptor of this process (``/dev/stdout``). A command that adds a
    format's extension to a name without one (``graph -o chain`` writes ``chain.svg``) does not add it to such a
    name: ``-o /dev/full`` wrote a stray ``/dev/full.svg`` (hostile32, left), where :func:`check_target` refuses
    the device and lets the null device be written in place."""
    p = Path(path)
    if _open_descriptor(p):
        return True
    try:
        mode = os.stat(p).st_mode
    except OSError:  # nothing there (or nothing reachable): a new file's name
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def is_devnull(path: PathLike) -> bool:
    """Whether ``path`` is the null device (``/dev/null``, or a link to it): an output written there is thrown away,
    in place (review21b: ``-o /dev/null`` was refused as "not a regular file")."""
    try:
        return os.path.samefile(path, os.devnull)
    except OSError:
        return False


def made_durable(tmp: Path, target: Path) -> None:
    """Sync the finished temporary ``tmp`` to its disk and give it ``target``'s mode, before it replaces ``target``
    (where a full disk that shows only when synced is found, before anything is replaced)."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, _mode_for(target))


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: PathLike, inputs: Iterable[PathLike | None] = (), *, what: str = "output") -> Iterator[Path]:
    """A temporary path beside ``target``; on success it replaces ``target`` atomically.

    Use it for writers that want a file name (Parquet, PNG)::

        with atomic_path("out.parquet", inputs=[ledger]) as tmp:
            pyarrow.parquet.write_table(table, tmp)

    On any exception the temporary file is removed, ``target`` keeps its previous
    content, and an ``OSError`` becomes :class:`OutputError`.
    """
    path = check_target(target, inputs, what=what)
    if is_devnull(path):  # written in place: a temporary file renamed over it would replace the device
        yield path
        return
    if path.is_symlink():
        # written through the link: the file it names is replaced and the link kept (os.replace over the link's
        # own path replaced the link with a regular file, and the file it named kept its old content)
        path = check_target(os.path.realpath(path), inputs, what=what)
    parent = path.parent if str(path.parent) else Path(".")
    _remove_stale_parts(parent, path.name)
    try:
        # (the writer's pid in the name: a later write removes what a killed writer left; review20b B20-10)
        fd, name = tempfile.mkstemp(prefix=f".{_part_stem(path.name)}.{os.getpid()}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise OutputError(write_error(f"{what} {path}", exc)) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        made_durable(tmp, path)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(write_error(f"{what} {path}", exc, left="the previous file is unchanged")) from None
    except BaseException:
        _remove(tmp)
        raise
    _sync_dir(parent)


def _part_stem(name: str) -> str:
    """How a temporary part's name begins: the target's name, or a digest of it where the part's name would be too
    long for the file system, which allows 255 bytes (ux46: an output named with 244 bytes, which the file system takes,
    was refused "file name too long": the part adds ~25)."""
    raw = os.fsencode(name)
    if len(raw) <= 200:
        return name
    import hashlib

    return f"long-{hashlib.sha256(raw).hexdigest()[:16]}"


def _remove_stale_parts(parent: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of ``name`` in ``parent`` whose writer is gone (killed before it
    could remove them: kill -9, a power cut); a part whose writer still runs, or is another user's, is left alone."""
    import re

    # (mkstemp's random part has no dot: ``.report.2021.csv.<pid>.<rand>.part`` is report.2021.csv's, not report's;
    # review20c C20-2)
    pattern = re.compile(re.escape(f".{_part_stem(name)}.") + r"([0-9]+)\.[A-Za-z0-9_]+\.part")
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            m = pattern.fullmatch(entry.name)
            pid = int(m.group(1)) if m is not None else os.getpid()
            if pid == os.getpid() or not entry.is_file(follow_symlinks=False):
                continue
            try:
                os.kill(pid, 0)
            except ProcessLookupError:  # (PermissionError: alive, another user's)
                _remove(Path(entry.path))
            except (OSError, OverflowError):
                continue


def _remove(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def _sync_dir(parent: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_text(target: PathLike, inputs: Iterable[PathLike | None] = (), *, what: str = "output",
                encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """A text file object whose content replaces ``target`` atomically when the block ends.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.mmd"
    >>> with atomic_text(out) as f:
    ...     _ = f.write("graph TD\\n")
    >>> out.read_text()
    'graph TD\\n'
    """
    with atomic_path(target, inputs, what=what) as tmp, open(tmp, "w", encoding=encoding, newline=newline) as f:
        yield f


@contextlib.contextmanager
def atomic_binary(target: PathLike, inputs: Iterable[PathLike | None] = (), *,
                  what: str = "output") -> Iterator[BinaryIO]:
    """A binary file object whose content replaces ``target`` atomically when the block ends."""
    with atomic_path(target, inputs, what=what) as tmp, open(tmp, "wb") as f:
        yield f


def write_text(target: PathLike, text: str, inputs: Iterable[PathLike | None] = (), *, what: str = "output",
               encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` atomically (see :func:`atomic_path`)."""
    with atomic_text(target, inputs, what=what, encoding=encoding) as f:
        f.write(text)


def write_texts(texts: Iterable[tuple[PathLike, str]], inputs: Iterable[PathLike | None] = (), *, what: str = "output",
                encoding: str = "utf-8") -> None:
    """Write each (target, text) pair, all or none: every text is written to its temporary file before any target is
    replaced, so a failure (a full disk) leaves every target as it was (hostile58: ``schemas --out`` on a disk that
    filled after the second of five files left two new schemas beside three old).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_texts([(d / "a.json", "{}"), (d / "b.json", "[]")])
    >>> sorted(p.name for p in d.iterdir())
    ['a.json', 'b.json']
    """
    inputs = list(inputs)
    with contextlib.ExitStack() as stack:
        # (each context replaces its target as the stack unwinds, once every text is written: so each part is
        # written, closed and synced here, where a full disk shows, not in the unwinding after a target is replaced)
        for target, text in texts:
            tmp = stack.enter_context(atomic_path(target, inputs, what=what))
            try:
                with open(tmp, "w", encoding=encoding) as f:
                    f.write(text)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                raise OutputError(write_error(f"{what} {target}", exc, left="every file is unchanged")) from None


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``, waiting while a non-blocking fd is full."""
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        except InterruptedError:  # pragma: no cover - retried by Python itself since PEP 475
            continue
        if n <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[n:]


class CheckedStream:
    """Standard output (or any stream with a file descriptor) where every write is checked.

    ``write`` delivers all of its text or raises :class:`OutputError`: a closed stream,
    a broken pipe, a full disk. A stream without a file descriptor (a notebook, a test
    runner's capture) is written through its own ``write`` and ``flush``.
    """

    def __init__(self, stream: IO[str] | None = None, *, what: str = "standard output",
                 encoding: str = "utf-8") -> None:
        self.what = what
        self.encoding = encoding
        self._stream = stream
        self._fd: int | None = None
        target = stream if stream is not None else sys.stdout
        if target is None:
            raise OutputError(f"{what} is closed; redirect it to a file or give -o FILE")
        self._target: IO[str] = target
        with contextlib.suppress(AttributeError, OSError, ValueError):
            self._fd = target.fileno()
            target.flush()

    def write(self, text: str) -> int:
        """Write all of ``text``; raise :class:`OutputError` when it cannot be delivered."""
        try:
            if self._fd is not None:
                _write_all(self._fd, text.encode(self.encoding, "backslashreplace"))
            else:
                self._target.write(text)
                self._target.flush()
        except OSError as exc:
            raise output_error(write_error(f"to {self.what}", exc, left="the output is incomplete"), exc) from None
        except ValueError as exc:  # a closed file object
            raise OutputError(f"cannot write to {self.what}: {exc}; the output is incomplete") from None
        return len(text)

    def isatty(self) -> bool:
        """Whether the stream is a terminal (for colour and progress decisions)."""
        try:
            return bool(self._target.isatty())
        except (AttributeError, OSError, ValueError):
            return False

    def fileno(self) -> int:
        """The file descriptor written to (``OSError`` when there is none)."""
        if self._fd is None:
            raise OSError(errno.EBADF, "no file descriptor")
        return self._fd

    def flush(self) -> None:
        """Nothing is buffered here; flushes the wrapped stream when it has no descriptor."""
        if self._fd is None:
            try:
                self._target.flush()
            except (OSError, ValueError) as exc:
                raise OutputError(f"cannot write to {self.what}: {exc}") from None


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output, all of it, or raise :class:`OutputError`."""
    CheckedStream().write(text)


def quiet_broken_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that exit does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
