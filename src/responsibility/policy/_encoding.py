"""The encoding of a text input that is not UTF-8, told from its bytes: one detector for every reader.

``responsibility assess`` (:mod:`responsibility.batch._io`), ``ledger import``, the service's ``POST /v1/assess``
and the readers of a record file (``who``, ``route``: :func:`responsibility.policy._yaml.decode_text`) all ask
:func:`detect_encoding`, so that one file is read alike by each of them. It sits in ``policy/`` (the lowest
wing that reads text) so that every wing above may use it.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["HIGH", "SNIFF", "bom_encoding", "detect_encoding", "pasted_lines", "sample", "utf8_line",
           "wide_without_mark"]


#: Byte order marks other than UTF-8's, and the encodings they name (UTF-32's first: it starts as UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


#: Bytes at the start of a text input in which its encoding is looked for (see :func:`_sniff`).
SNIFF = 1 << 16


HIGH = re.compile(rb"[\x80-\xff]")


def sample(data: bytes) -> bytes:
    """What :func:`detect_encoding` reads of a text held whole: its first :data:`SNIFF` bytes, or,
    when they are ASCII, the :data:`SNIFF` bytes from its first byte that is not (as ``assess``
    reads a file)."""
    head = data[:SNIFF]
    if not head.isascii() or b"\x00" in head or len(data) <= SNIFF:
        return head
    m = HIGH.search(data, SNIFF)
    return head if m is None else data[m.start():m.start() + SNIFF]


def detect_encoding(head: bytes, *, gb18030: bool = True, midstream: bool = False) -> tuple[str, str] | None:
    """The encoding of a text input that is not UTF-8, and why, from the bytes it starts with (or
    :func:`sample`'s): a UTF-16/32 byte order mark; UTF-16/32 without one, told by its NULs;
    GB18030 where it is plainly that (``gb18030``: a table's or JSON lines', as Excel saves them on
    Chinese Windows). ``None``: read it as UTF-8. The one detector of ``assess``, ``ledger import``
    and the service's ``POST /v1/assess``.

    ``midstream``: ``head`` is taken from past the input's start, which was ASCII with no NUL
    (:func:`sample`'s later bytes; :func:`past_start` tells). UTF-16 and UTF-32 text starts with a
    byte order mark or a NUL, so such an input is not one of them: bytes FF FE in its middle are a
    broken line, not a byte order mark, and ``head`` only tells GB18030 from UTF-8 (review24b R24b-0:
    a line of FF FE past the first 64 KiB turned the rest of a file into UTF-16)."""
    if not midstream and (marked := bom_encoding(head)) is not None:
        return marked, "its byte order mark says so"
    return _sniff(head, gb18030, wide=not midstream)


def past_start(data: bytes, head: bytes) -> bool:
    """Whether ``head`` (:func:`sample` of ``data``) was taken from past ``data``'s start: then
    :func:`detect_encoding` reads it with ``midstream``."""
    return not data.startswith(head)


def _sniff(head: bytes, gb18030: bool = True, *, wide: bool = True) -> tuple[str, str] | None:
    """The encoding of text that starts with ``head`` when it is not UTF-8 but plainly another
    (UTF-16 or UTF-32 without a byte order mark, told by its NULs, unless not ``wide``; else text
    that is GB18030, as Excel saves a CSV on Chinese Windows: ``ledger import`` reads such files so
    too), and why; ``None`` for UTF-8 (or an encoding not found here: its lines are then rejected,
    with a hint)."""
    if head.startswith(codecs.BOM_UTF8):  # a UTF-8 byte order mark says UTF-8: a line that is not is rejected alone
        return None
    if wide and (found := wide_without_mark(head)) is not None:
        return found.lower(), "a NUL in every other byte, no byte order mark" if "16" in found else \
            "three NULs in every four bytes, no byte order mark"

    def decoded(encoding: str) -> str | None:  # (the last character may be cut by the end of ``head``)
        try:
            return codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            return None

    if not gb18030 or decoded("utf-8") is not None or (text := decoded("gb18030")) is None or _utf8_lines(head):
        return None
    # Chinese, not a stray byte or two (which is a broken line of a UTF-8 file, rejected with its line)
    letters: list[str] = _NOT_ASCII.findall(text)
    if len(letters) < 4 or sum(1 for c in letters if _chinese(c) or _gbk(c)) < 0.9 * len(letters):
        return None
    return "gb18030", "its Chinese is GB18030/GBK, as Excel saves it on Chinese Windows"


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _utf8_lines(head: bytes) -> bool:
    """Whether the text of ``head`` that is not ASCII reads as UTF-8, enough of it to be sure, though some of its
    lines do not: the input is then UTF-8, each line that is not rejected on its own, named with its line. Read as
    GB18030, every UTF-8 line would turn silently into other Chinese ("甲一" into "鐢蹭竴": hostile42), while a GBK
    line read as UTF-8 is rejected, with a hint.

    Sure: one line that decodes as UTF-8 holding 3 characters written in three bytes (as UTF-8 writes Chinese), or
    lines holding 2 of them, at least as many as the lines that do not decode. GBK text decodes as UTF-8 rarely, and
    into such characters more rarely still: of a million lines of 3 to 6 random GB2312 characters none gave 3 of
    them and at most 0.017 % gave 2; of 200,000 runs of the policy text's Chinese, none gave 2."""
    lines = head.split(b"\n")
    sure = foreign = 0
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:  # (the last line may be cut in a character by the end of ``head``)
            text = line.decode("utf-8") if i + 1 < len(lines) else \
                codecs.getincrementaldecoder("utf-8")().decode(line, final=False)
        except UnicodeDecodeError:
            foreign += 1
            continue
        three = sum(1 for c in _NOT_ASCII.findall(text) if "\u0800" <= c <= "\uffff")
        if three >= 3:
            return True
        sure += three == 2
    return 0 < sure >= foreign


def pasted_lines(head: bytes) -> tuple[int, bool]:
    """How many lines of ``head``, an input read as UTF-8 (:func:`detect_encoding` found nothing else), are not UTF-8
    but read as Chinese in GB18030: lines pasted from a file saved so (Excel on Chinese Windows); and whether the
    text says it is UTF-8 — its byte order mark, or a line beyond ASCII that decodes so. Each pasted line is rejected
    alone; the caller says why once, with what to do (``--encoding gb18030`` would spoil the UTF-8 lines). Only a
    text that says it is UTF-8 has lines pasted into it: a short file all in GB18030 mixes nothing (0), and keeps its
    one refusal. A line past ``head`` that is not UTF-8 is pasted too when the text says it is UTF-8: its reject must
    not send the user to ``--encoding gb18030`` either (hostile43)."""
    if head.isascii():
        return 0, False
    lines = head.split(b"\n")
    found, utf8 = 0, head.startswith(codecs.BOM_UTF8)
    for line in lines[:-1] if len(lines) > 1 else lines:  # (the last may be cut in a character by head's end)
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = True
            continue
        except UnicodeDecodeError:
            pass
        try:
            text = line.decode("gb18030")
        except UnicodeDecodeError:
            continue
        found += sum(1 for c in _NOT_ASCII.findall(text) if _chinese(c) or _gbk(c)) >= 2
    return (found if utf8 else 0), utf8


def utf8_line(line: bytes) -> bool:
    """Whether ``line``, of an input read as GB18030, is UTF-8 text pasted into it: it decodes as UTF-8 and holds at
    least 2 characters written in three bytes. Read as GB18030, it would turn silently into other Chinese ("甲一"
    into "鐢蹭竴": hostile43, for a line past the detector's first 64 KiB, or among many GBK lines). Of 200,000 runs
    of the policy text's Chinese in GBK, none decoded so (hostile42b's figures, :func:`_utf8_lines`)."""
    if line.isascii():
        return False
    try:  # (a GBK line fails at its first Chinese character or so: ~0.6 µs, where a regular expression took 7)
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return sum(1 for c in _NOT_ASCII.findall(text) if "\u0800" <= c <= "\uffff") >= 2


def _chinese(c: str) -> bool:
    """Whether the character ``c`` is CJK punctuation, a CJK ideograph or a full-width form (compared, not
    matched by a character class: compiling that class cost every start ~4 ms)."""
    return ("\u3000" <= c <= "\u303f" or "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"
            or "\uff00" <= c <= "\uffef")


def _gbk(c: str) -> bool:
    """Whether GBK writes ``c`` in two bytes: Chinese, and the marks a Chinese text uses with it (“ ” — √ × ℃ ①
    ○ ㎡ …), which an office ledger in GB18030 holds (review10b R10B-05)."""
    return len(c.encode("gbk", "ignore")) == 2


def bom_encoding(head: bytes) -> str | None:
    """The encoding a UTF-16 or UTF-32 byte order mark at the start of ``head`` names, if any."""
    return next((name for mark, name in _BOMS if head.startswith(mark)), None)


def wide_without_mark(data: bytes) -> str | None:
    """The encoding of UTF-16 or UTF-32 text without a byte order mark, told by where its NULs
    fall (ASCII text in UTF-16LE has a NUL in every odd byte; in UTF-32BE in the first three of
    four; Chinese text has fewer), or ``None``. Only the first KiB is looked at; UTF-8 text has
    no NUL at all."""
    head = data[:1024]
    if len(head) < 2 or b"\x00" not in head or _narrow_first_line(head):
        return None
    for size, names in ((4, ("UTF-32LE", "UTF-32BE")), (2, ("UTF-16LE", "UTF-16BE"))):
        units = len(head) // size
        if units < 8:  # too short to tell from a stray NUL
            continue
        nul = [head[k:units * size:size].count(0) for k in range(size)]
        for name, text_at in ((names[0], 0), (names[1], size - 1)):  # where an ASCII character's byte is
            if nul[text_at] * 8 < units and all(nul[k] * 3 >= units for k in range(size) if k != text_at):
                return name
    return None


def _narrow_first_line(head: bytes) -> bool:
    """Whether ``head`` starts with a whole line of UTF-8 text: at least 8 bytes with no NUL that decode, ended by a
    line feed. UTF-16 and UTF-32 text has its NULs from its first line on (ASCII is written with them; Chinese in
    them does not decode as UTF-8), so such an input is UTF-8 with a broken line further on, whose line is rejected
    alone: a JSON lines file whose first line was UTF-8 and a later one UTF-16 was read whole as UTF-16 and refused
    (hostile41)."""
    end = head.find(b"\n")
    # (at least 8 bytes: the one byte before a UTF-16BE 上 (4E 0A) decodes as UTF-8 too; eight in a row would need
    # four CJK characters each written in two ASCII bytes)
    if end < 8 or b"\x00" in head[:end]:
        return False
    try:
        head[:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
