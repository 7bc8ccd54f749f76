"""Batch assessment over HTTP: JSON lines in, JSON lines out, never all in memory.

The request body is read as it arrives and assessed in chunks by the batch wing's assessor
(the same as ``responsibility assess``); the output lines go to a spool (memory up to a few
MiB, then a temporary file) and are streamed back once the input has ended. So neither side
holds the batch in memory, a client that sends its whole body before reading the answer (most
do) cannot deadlock the server, and a body or record count over its limit still gets a proper
413 before any output.

Output lines, in input order chunk by chunk::

    {"record": 0, "problem": "p1", "level": …, "reason": …}     one per finding (as `assess` writes)
    {"rejected": {"record": 1, "line": 2, "problem": …, "field": …, "code": …, "reason": …}}
    {"summary": {"records": …, "assessed": …, "rejected": …, "findings": …, "counts": {basis: {liability: n}}}}
"""

from __future__ import annotations

import asyncio
import codecs
import datetime as dt
import hashlib
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable
from typing import IO, Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import Message, Receive

from .._errors import ProblemError
from .._json import bad_line
from ..batch._io import LOOK, UNDECODABLE, first_record, list_rows, not_json_lines, row_keys
from ..engine._problem import scenario_shape
from ..policy._encoding import (
    HIGH,
    SNIFF,
    bom_encoding,
    detect_encoding,
    pasted_lines,
    utf8_line,
    wide_without_mark,
)
from . import _jsonio as jsonio
from . import _lib
from ._auth import Principal
from ._errors import ApiError, http_words, too_large, too_slow

#: The longest line read as one record (as ``responsibility assess`` reads JSON lines): a longer
#: one is a reject, read past without being held.
MAX_LINE = 64 * 2**20

#: Records per chunk handed to the assessor.
CHUNK = 4096
#: Output kept in memory before the spool moves to a temporary file.
SPOOL_MEMORY = 8 * 2**20


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n:,} bytes"


T = TypeVar("T")

#: The slowest a body sent in parts (a batch, an upload) may arrive on average, in bytes a second, past its
#: first ``idle_seconds``.
SLOWEST = 1024


class _Pace:
    """The server's pace for a body (408 past it): each part within ``idle`` seconds, and the parts on average at
    SLOWEST bytes a second after the first ``idle`` seconds (the wait for a part only: handling a part may take as
    long as it takes). One byte a second, never idle, held the connection as long as the client liked (hostile28,
    the batch; hostile29, ``POST /v1/ledger/import``)."""

    def __init__(self, idle: float, what: str) -> None:
        self.idle, self.what = idle, what
        self.clock = asyncio.get_running_loop().time
        self.first = self.clock()
        self.size = 0
        self.waited = 0.0  # seconds spent waiting for the body's parts

    async def wait(self, part: Awaitable[T]) -> T:
        budget = min(self.idle, self.idle + self.size / SLOWEST - self.waited)
        start = self.clock()
        try:
            async with asyncio.timeout(max(budget, 0.0)):
                return await part
        except TimeoutError:
            if budget < self.idle:
                raise too_slow(self.idle, self.what, rate=SLOWEST, took=self.clock() - self.first) from None
            raise too_slow(self.idle, self.what, idle=True) from None
        finally:
            self.waited += self.clock() - start


def paced(receive: Receive, idle_seconds: float | None, what: str) -> Receive:
    """``receive`` held to the server's pace for a body (:class:`_Pace`; ``None``: no limit): for a body read by
    another reader (a form)."""
    if idle_seconds is None:
        return receive
    pace = _Pace(idle_seconds, what)

    async def wait() -> Message:
        message = await pace.wait(receive())
        pace.size += len(message.get("body", b""))
        return message

    return wait


async def paced_parts(parts: AsyncIterator[bytes], idle_seconds: float | None, what: str) -> AsyncIterator[bytes]:
    """The parts of a body (``request.stream()``) held to the server's pace (:class:`_Pace`; ``None``: no limit)."""
    if idle_seconds is None:
        async for data in parts:
            yield data
        return
    pace = _Pace(idle_seconds, what)
    it = aiter(parts)
    while True:
        try:
            data = await pace.wait(anext(it))
        except StopAsyncIteration:
            return
        pace.size += len(data)
        yield data


class Batch:
    """One batch request: reads, assesses and spools; ``totals`` and hashes when done."""

    def __init__(self, assessor: Any, lock: threading.Lock, who: Principal, *, max_bytes: int,
                 max_records: int, charset: str | None = None, idle_seconds: float | None = None) -> None:
        self.assessor, self.lock, self.who = assessor, lock, who
        #: The longest the body may pause between its parts (408 past it); ``None``: no limit.
        self.idle_seconds = idle_seconds
        #: The body's encoding as its Content-Type declares it (``None``: told from the body).
        self.charset = charset
        self.dicts = _lib.batch_dictionaries(assessor)
        self.max_bytes, self.max_records = max_bytes, max_records
        self.records = self.assessed = self.rejected = self.findings = self.forbidden = 0
        self.counts: Any = None
        self.input_hash = hashlib.sha256()
        self.output_hash = hashlib.sha256()
        self.spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)  # noqa: SIM115

    async def run(self, request: Request) -> None:
        """Read the whole body, assessing each chunk as soon as it is complete."""
        rows: list[Any] = []
        numbers: list[int] = []
        lines: list[int] = []
        rejects: list[tuple[int, int | None, str | None, str, str, str]] = []
        line_no = 0
        size = 0
        # The unfinished last line, in the pieces it came in (joined once, when its end arrives: adding
        # each piece to the ones before copied a long line over and over, minutes of the event loop).
        pieces: list[bytes] = []
        held = 0
        skipping = False  # the rest of a line already rejected as too long: read past, never held
        longest = min(MAX_LINE, self.max_bytes)

        async def flush() -> None:
            nonlocal rows, numbers, lines, rejects
            if rows or rejects:
                part = _lib.batch_part(self.assessor, rows, numbers, lines, rejects)
                result = await run_in_threadpool(self._run, part)
                self._write(result)
                rows, numbers, lines, rejects = [], [], [], []

        def count() -> int:
            number = self.records
            if number >= self.max_records:
                raise too_large(self.max_records, "the batch", "records",
                                f"send at most {self.max_records:,} records per request")
            self.records += 1
            return number

        def too_long() -> None:
            nonlocal line_no
            line_no += 1
            why = f"line {line_no}: longer than {_size(longest)} (a record is a few KiB)"
            rejects.append((count(), line_no, None, "(record)", "bad_row", str(ProblemError("(record)", why))))

        def take(raw: bytes) -> None:
            nonlocal line_no
            line_no += 1
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark
                raw = raw[3:]
            if len(raw) > longest:  # as long as one that arrived in pieces: the same reject
                line_no -= 1
                too_long()
                return
            if not raw.strip():
                return
            number = count()
            if decoder is not None and not raw.isascii() and (gb := type(decoder).__module__.rsplit(".", 1)[-1]) in \
                    ("gb18030", "gbk", "gb2312") and utf8_line(_typed(raw, gb)):
                # a line of UTF-8 text in a GB18030 body, read as other Chinese, silently (hostile43)
                why = f"line {line_no}: UTF-8 text in a body read as {gb.upper()}, where it reads as other Chinese; " \
                    "send every line in one encoding (UTF-8)"
                rejects.append((number, line_no, None, "(record)", "bad_encoding", str(ProblemError("(record)", why))))
                return
            try:
                record = jsonio.loads(raw)
            except UnicodeDecodeError as exc:  # as `responsibility assess` says it of a JSON line
                byte = f" (byte 0x{exc.object[exc.start]:02x})" if exc.start < len(exc.object) else ""
                if self.charset not in (None, "utf-8"):  # (its bytes were decoded, the broken ones kept)
                    why = f"line {line_no}: bytes that are not {self.charset} text, as Content-Type declares"
                elif decoder is not None:
                    why = f"line {line_no}: bytes that are not text in the body's encoding; send JSON lines in UTF-8"
                elif mixed:
                    why = f"line {line_no}: bytes that are not UTF-8 text{byte}; the body's other text is UTF-8, so " \
                          "this line was likely pasted from a file saved in GB18030 (GBK): send it in UTF-8 " \
                          "(charset=gb18030 would spoil the UTF-8 lines)"
                else:
                    why = f"line {line_no}: bytes that are not UTF-8 text{byte}; send JSON lines in UTF-8, or " \
                          "declare their encoding in Content-Type (application/x-ndjson; charset=gb18030)"
                rejects.append((number, line_no, None, "(record)", "bad_encoding",
                                str(ProblemError("(record)", why))))
                return
            except (ValueError, RecursionError) as exc:  # JSONDecodeError
                why = f"line {line_no}: {exc}" if isinstance(exc, jsonio.KeyTwice) else bad_line(line_no, exc)
                rejects.append((number, line_no, None, "(record)", "bad_json", str(ProblemError("(record)", why))))
                return
            record = row_keys(record)  # a table row's dotted discovered.* keys, read as assess FILE reads them
            if isinstance(record, dict):
                code = _lib.record_place(record.get("place"))
                if code is not None and not self.who.reads(code):
                    rid = str(record["id"]) if record.get("id") is not None else None
                    self.forbidden += 1
                    rejects.append((number, line_no, rid, "place", "forbidden_place", str(ProblemError(
                        "place", f"place {record['place']} is outside your jurisdiction ({self.who.scope}); "
                        "ask with a token for that place", record=rid))))
                    return
            rows.append(record)
            numbers.append(number)
            lines.append(line_no)

        decoder: Any = None  # of a body that is not UTF-8 (UTF-16/32, GB18030): read as UTF-8

        # The body's first LOOK bytes (as UTF-8) are held until it can be told whether it is JSON lines at all:
        # a CSV file or a JSON list is one 415, not each of its lines a rejected record (review20b B20-4).
        head: bytearray | None = bytearray()

        async def process(data: bytes, *, decoded: bool = False) -> None:
            nonlocal head
            if decoder is not None and not decoded:
                data = decoder.decode(data).encode("utf-8", "surrogateescape")
            if head is not None:
                head += data
                if len(head) < LOOK:
                    return
                data, head = bytes(head), None
                check_json_lines(data[:LOOK], whole=False, charset=self.charset)
            await split(data)

        async def settle() -> None:  # the end of a body shorter than LOOK bytes
            nonlocal head
            if isinstance(decoder, WideDeclared) and decoder.inner is None:  # (its start, held to tell its order)
                await process(decoder.decide().encode("utf-8", "surrogateescape"), decoded=True)
            if head is not None:
                data, head = bytes(head), None
                check_json_lines(data, whole=True, charset=self.charset)
                await split(data)

        async def split(data: bytes) -> None:
            nonlocal pieces, held, skipping
            if b"\n" in data:
                head, *complete, tail = data.split(b"\n")
                if skipping:  # head ends the line already rejected
                    skipping = False
                else:
                    take(b"".join((*pieces, head)) if pieces else head)
                for raw in complete:
                    take(raw)
                    if len(rows) + len(rejects) >= CHUNK:
                        await flush()
                pieces, held = [], 0
                data = tail
            if data and not skipping:
                pieces.append(data)
                held += len(data)
                if held > longest:
                    too_long()
                    pieces, held, skipping = [], 0, True
            if len(rows) + len(rejects) >= CHUNK:
                await flush()

        # The body's encoding is told as `assess` tells a file's (batch._io.detect_encoding): from its start
        # (a byte order mark, UTF-16's NULs), else from SNIFF bytes from its first byte that is not ASCII. ASCII
        # reads alike in UTF-8 and GB18030: a body's ASCII start is read as it comes, the rest held until told.
        lead: bytes | None = b""  # bytes not yet read, until the encoding is told (then None)
        # whether the body, read as UTF-8, says it is (a line beyond ASCII that decodes so): a line that is not was
        # pasted from another file, and charset=gb18030 would spoil the others (hostile43: each such line was told
        # to declare it)
        mixed = False
        if self.charset is not None:  # declared: nothing to tell
            lead = None
            if self.charset != "utf-8":
                decoder = _declared_decoder(self.charset)
        began = False  # whether a byte of the body has been read (past the start: no mark, no NULs)

        async def tell(data: bytes, end: bool) -> None:
            nonlocal lead, decoder, began, mixed
            assert lead is not None
            lead += data
            if not began:
                if len(lead) < 1024 and not end:
                    return
                if bom_encoding(lead) is not None or b"\x00" in lead[:1024]:
                    decoder = _decoder(lead[:SNIFF])
                    data, lead = lead, None
                    await process(data)
                    return
            found = None if lead.isascii() else HIGH.search(lead)
            high = found.start() if found is not None else -1
            if high < 0:  # ASCII so far: read it as it is
                began = began or bool(lead)
                data, lead = lead, b""
                await process(data)
                return
            if len(lead) - high < SNIFF and not end:
                return
            began = True
            await process(lead[:high])
            decoder = _decoder(lead[high:high + SNIFF], midstream=True)  # (past an ASCII start: no mark, R24b-0)
            mixed = decoder is None and pasted_lines(lead[high:high + SNIFF])[1]
            data, lead = lead[high:], None
            await process(data)

        async for data in paced_parts(request.stream(), self.idle_seconds, "the batch"):
            size += len(data)
            if size > self.max_bytes:
                raise too_large(self.max_bytes)
            self.input_hash.update(data)
            if lead is not None:
                await tell(data, False)
            else:
                await process(data)
        if lead is not None:
            await tell(b"", True)
        await settle()
        if decoder is not None and not skipping:  # half a character at the end: not text, its line rejected
            pieces.append(decoder.decode(b"", final=True).encode("utf-8", "surrogateescape"))
        if any(pieces):
            take(b"".join(pieces))
        await flush()
        self._emit({"summary": self.summary()})
        self.spool.seek(0)

    def _run(self, part: Any) -> Any:
        with self.lock:
            return _lib.typed(self.assessor.run, part)  # (a request's JSON lines: typed, no Excel advice)

    def _write(self, result: Any) -> None:
        columns, values = _lib.batch_rows(self.dicts, result.columns)
        n = len(values[columns[0]])
        if n:
            out = b"".join(jsonio.dumps({c: values[c][i] for c in columns}) + b"\n" for i in range(n))
            self.output_hash.update(out)
            self.spool.write(out)
        for r in result.rejects:
            row = dict(zip(_lib.REJECT_COLUMNS, r, strict=True))
            if isinstance(row.get("reason"), str):
                row["reason"] = http_words(row["reason"])
            self._emit({"rejected": row})
        self.assessed += result.assessed
        self.rejected += len(result.rejects)
        self.findings += n
        self.counts = result.counts if self.counts is None else self.counts + result.counts

    def _emit(self, obj: dict[str, Any]) -> None:
        self.spool.write(jsonio.dumps(obj) + b"\n")

    def summary(self) -> dict[str, Any]:
        """Records in = assessed + rejected, findings, and findings by basis and liability."""
        table: dict[str, dict[str, int]] = {}
        if self.counts is not None:
            for (basis, liability), v in _lib.batch_counts(self.assessor, self.counts).items():
                table.setdefault(basis, {})[liability] = v
        return {"records": self.records, "assessed": self.assessed, "rejected": self.rejected,
                "findings": self.findings, "counts": table}

    async def output(self) -> AsyncIterator[bytes]:
        """The spooled lines, in pieces; the spool is closed at the end."""
        try:
            while piece := self.spool.read(256 * 1024):
                yield piece
        finally:
            self.spool.close()


class Assessors:
    """An assessor per (day, language), built once (it holds the policy's lookup tables); one
    batch at a time runs each (its caches are not shared between threads)."""

    def __init__(self, policy: Any, jurisdiction: Any) -> None:
        self.policy, self.jurisdiction = policy, jurisdiction
        self._made: dict[tuple[dt.date, str], tuple[Any, threading.Lock]] = {}
        self._lock = threading.Lock()

    def get(self, today: dt.date | None, lang: str) -> tuple[Any, threading.Lock]:
        key = (today or dt.date.today(), lang)
        with self._lock:
            got = self._made.get(key)
            if got is None:
                if len(self._made) >= 16:
                    self._made.clear()
                assessor = _lib.batch_assessor(self.policy, self.jurisdiction, today=key[0], lang=lang)
                got = self._made[key] = (assessor, threading.Lock())
            return got


def scenario_body(record: Any, endpoint: str) -> ApiError | None:
    """The 422 for a body (or the first line of a batch) that is a scenario (``{"name": …, "problem": {…}, "expect":
    …}``) or a scenario file (``{"scenarios": […]}``) rather than a problem record, else ``None``: each was refused
    as a record with "field 'name': unknown field" (ux45; ``assess`` and ``who`` say what a scenario file is, ux44)."""
    shape = scenario_shape(record)
    if shape is None:
        return None
    what = "a scenario file's content ({\"scenarios\": […]}, the record of each with the findings expected of it)" \
        if shape == "file" else "a scenario (a problem record under 'problem', with the findings expected of it)"
    many = endpoint == "/v1/assess"
    part = "each scenario's 'problem', one to a line" if many else "a scenario's 'problem' object alone"
    where = "the request body's first line" if many else "the request body"
    return ApiError(422, f"{where} is {what}, not a problem record: send {part}",
                    type="ProblemError", field="(record)", code="not_an_object",
                    suggestion=f"send {part}; `responsibility test FILE` runs a scenario file and checks its "
                    "expected findings")


def check_json_lines(head: bytes, *, whole: bool, charset: str | None = None) -> None:
    """415 for a body that is plainly not JSON lines (:func:`~responsibility.batch._io.not_json_lines`;
    ``head``: its start as UTF-8, read in the ``charset`` Content-Type declares)."""
    found = not_json_lines(head, whole=whole, encoding=charset, declared_by="Content-Type")
    if found is None:
        # the rows of a ledger's list (GET /v1/ledger/lists/problems, sent back one to a line): each was rejected,
        # "field 'problem': unknown field", where `assess` and Policy.assess refuse the input once (hostile43)
        if list_rows(record := first_record(head)) is not None:
            from ..batch._columns import LEDGER_LISTS

            have = {str(k) for k in record}
            name, zh = next((n, z) for n, z, marks in LEDGER_LISTS if any(m <= have for m in marks))
            verdicts = "it holds the ledger's verdicts already" if name == "responsibilities" else \
                "the ledger's verdicts are its 责任清单, GET /v1/ledger/lists/responsibilities"
            raise ApiError(422, f"the request body holds the rows of a ledger's {zh} ({name}), as GET "
                           f"/v1/ledger/lists/{name} gives them, not problem records (its first line has no 'id'; "
                           "no row holds a problem's steps of handling), so it cannot be assessed",
                           type="RequestError", field="(body)",
                           suggestion=f"send problem records, one per line (docs/records.md); {verdicts}")
        if (err := scenario_body(record, "/v1/assess")) is not None:
            raise err
        return
    what, fmt = found
    if fmt == "json":
        hint = "send each record on a line of its own (jq -c '.[]' writes a list so), or one record to /v1/verdict"
    elif fmt == "gzip":
        hint = "send the JSON lines unpacked (this server does not read a compressed body)"
    elif fmt is not None:
        hint = f"convert the {fmt.upper()} to JSON lines, or assess the file with `responsibility assess`, which " \
            f"reads {fmt.upper()}"
    else:
        hint = "send one problem record (a JSON object) per line"
    raise ApiError(415, f"the request body is not JSON lines (one problem record, a JSON object, per line): {what}",
                   type="RequestError", field="(body)", suggestion=hint)


#: Media types that name a format ``POST /v1/assess`` does not read (it reads JSON lines; a client that sends a
#: JSON lines body labels it x-ndjson, jsonl, json, text/plain, octet-stream or, as curl --data-binary does,
#: x-www-form-urlencoded: those are read, and the body itself tells).
_NOT_JSON_LINES = {
    "text/csv": "CSV", "application/csv": "CSV", "text/tab-separated-values": "tab-separated text",
    "application/vnd.ms-excel": "an Excel workbook",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
    "application/vnd.apache.parquet": "Parquet", "application/x-parquet": "Parquet", "application/parquet": "Parquet",
    "application/yaml": "YAML", "application/x-yaml": "YAML", "text/yaml": "YAML", "text/x-yaml": "YAML",
    "application/zip": "a zip archive", "application/gzip": "gzip", "application/x-gzip": "gzip",
    "application/pdf": "PDF", "application/xml": "XML", "text/xml": "XML", "text/html": "HTML",
}


def named_format(request: Request) -> str | None:
    """What the request's ``Content-Type`` says the body is when it names a format that is not JSON (YAML, CSV, a
    workbook, a form upload, …: :data:`_NOT_JSON_LINES`), else ``None``."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return _NOT_JSON_LINES.get(media) or \
        ("a form upload" if media.startswith("multipart/") else "not text" if media.startswith(
            ("image/", "audio/", "video/")) else None)


def check_media_type(request: Request) -> None:
    """415 for a ``Content-Type`` naming a format ``POST /v1/assess`` does not read (:data:`_NOT_JSON_LINES`)."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    what = named_format(request)
    if what is not None:
        raise ApiError(415, f"/v1/assess reads JSON lines (one problem record, a JSON object, per line), not "
                       f"{media[:60]} ({what})", type="RequestError", field="(headers)",
                       suggestion="send JSON lines with Content-Type: application/x-ndjson; a CSV, Excel or Parquet "
                       "ledger is assessed by `responsibility assess FILE`")


def _typed(line: bytes, encoding: str) -> bytes:
    """A line as the body sent it, from its UTF-8 reading through ``encoding`` (GB18030 reads one way back); ``b""``
    when it holds bytes the encoding did not read (rejected as such)."""
    try:
        return line.decode("utf-8").encode(encoding)
    except UnicodeError:
        return b""


class WideDeclared:
    """The incremental decoder of a body Content-Type declares UTF-16 or UTF-32: by its byte order mark, else by where
    its NULs fall, as `responsibility assess --encoding utf-16` tells a file's; a body whose order cannot be told so
    (UTF-8 declared UTF-16) is refused as the command refuses it. Python's own decoder raised ``UnicodeError`` ("does
    not start with BOM") on a body without the mark: that was an internal error (500; hostile65)."""

    def __init__(self, charset: str) -> None:
        self.charset, self.held = charset, b""
        self.inner: Any = None

    def decode(self, data: bytes, final: bool = False) -> str:
        if self.inner is None:
            self.held += data
            if len(self.held) < 1024 and not final:
                return ""
            return self.decide(final)
        text: str = self.inner.decode(data, final)
        return text

    def decide(self, final: bool = False) -> str:
        """The text of the bytes held so far, the byte order told from them (``ApiError`` where it cannot be)."""
        self.inner = codecs.getincrementaldecoder(wide_order(self.held, self.charset))(errors=UNDECODABLE)
        data, self.held = self.held, b""
        text: str = self.inner.decode(data, final)
        return text


def wide_order(head: bytes, charset: str) -> str:
    """The codec of a body Content-Type declares ``charset`` (UTF-16 or UTF-32) that starts with ``head``: the charset
    where a byte order mark says the order, else the order its NULs tell; 400 where they tell none."""
    marks = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if charset == "utf-16" else \
        (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    if head.startswith(marks):
        return charset
    wide = wide_without_mark(head)
    if wide is None or not wide.lower().startswith(charset):
        named = charset.upper()
        raise ApiError(400, f"the request body is {named}, as Content-Type declares, without a byte order mark, and "
                       "its byte order cannot be told from its text", type="RequestError", field="(body)",
                       suggestion=f"declare charset={charset}le or {charset}be, or send the body as UTF-8 with "
                       "charset=utf-8 (is it UTF-8?)")
    return wide.lower()


def _declared_decoder(charset: str) -> Any:
    """The incremental decoder of the ``charset`` Content-Type declares."""
    if charset in ("utf-16", "utf-32"):
        return WideDeclared(charset)
    return codecs.getincrementaldecoder(charset)(errors=UNDECODABLE)


def _decoder(head: bytes, *, midstream: bool = False) -> Any:
    """The incremental decoder of a body that starts with ``head`` (or, ``midstream``, whose ASCII
    start ``head`` follows) when it is not UTF-8 (its line breaks are then read as UTF-8's), or ``None``."""
    found = detect_encoding(head, midstream=midstream)
    return None if found is None else codecs.getincrementaldecoder(found[0])(errors=UNDECODABLE)
