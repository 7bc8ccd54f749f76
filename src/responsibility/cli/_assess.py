"""``responsibility assess``: a whole ledger of problem records in, findings and rejects out.

Exit 0 when every record was assessed, 1 when some were rejected, 2 when the input (or the
output) cannot be used at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
import threading
from pathlib import Path
from typing import Any

import click

from .._errors import OutputError, ResponsibilityError
from ._cli import (
    DayParam,
    LangChoice,
    WholeNumber,
    _terminated,
    cli,
    ending_signals,
    file_named,
    may_end_at_once,
    restore_signals,
    say_note,
    text_encoding,
)


@click.command("assess")
@click.argument("input_path", metavar="INPUT", type=str)
@click.option("-o", "--output", type=str, default=None, callback=file_named,
              help="Findings file (.parquet, .csv, .jsonl or .json); default (or -): JSON lines on stdout.")
@click.option("--rejects", "rejects_path", type=str, default=None, callback=file_named,
              help="Rejects file (same formats; - for JSON lines on stdout when -o is a file); default: each "
                   "reject on stderr.")
@click.option("--from", "in_fmt", type=click.Choice(["jsonl", "json", "yaml", "csv", "parquet"]), default=None,
              help="Input format (default: from INPUT's extension; - is JSON lines on stdin). YAML is what "
                   "`responsibility who` reads: one record or a list.")
@click.option("--to", "out_fmt", type=click.Choice(["jsonl", "json", "csv", "parquet"]), default=None,
              help="Output format (default: from OUTPUT's extension, else JSON lines).")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--jurisdiction", type=click.Path(dir_okay=False), help="CSV of places (default: shipped example).")
@click.option("--lang", type=LangChoice(), default="zh", show_default=True, help="Language of reasons.")
@click.option("--today", type=DayParam(), default=None,
              help="Assessment date of records without as_of (default: today).")
@click.option("--workers", type=WholeNumber(0, 64), default=0,
              help="Processes assessing chunks in parallel, at most 64, as serve and --dask local:N take (default 0: "
                   "when INPUT is a Parquet file over 8 MiB, "
                   "one per CPU beyond the one that reads and writes, at most 4, and none (1) on two CPUs or "
                   "fewer, where workers cost more CPU and wall time than one process; else 1). CSV and JSON "
                   "lines use workers only when given.")
@click.option("--chunk-size", "chunk_size", type=WholeNumber(1_024, 1_048_576), default=None,
              help="Records assessed together (default 65536). A chunk's findings are held whole until written: "
                   "records of 14 findings each took 2.4 GB at the default; a smaller chunk holds less "
                   "(docs/scale.md).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None, callback=file_named,
              help="Also write an HTML report (charts, one self-contained file); needs -o FILE.")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: text_encoding(v),
              help="Text encoding of a CSV or JSON input (default: UTF-8; a file that is plainly GB18030, as "
                   "Excel saves CSV on Chinese Windows, or UTF-16 is read so, with a note).")
@click.option("--neutralise/--no-neutralise", default=True, show_default=True,
              help="In CSV outputs, prefix text that starts with = + - @ (a spreadsheet formula) with '; "
                   "--no-neutralise for programs that read the CSV.")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="What-if: set a parameter of rules/parameters.yaml for this run (repeatable), as `who` does; "
                   "the summary says which.")
@click.option("--dask", "scheduler", default=None, metavar="SCHEDULER", callback=lambda _c, _p, v: _scheduler(v),
              help="Assess on Dask: local[:N] (N worker processes here), threads, processes, synchronous, or a "
                   "running scheduler's address (tcp://host:8786). INPUT, -o and --rejects are then directories "
                   "of Parquet files (needs the dask extra).")
def assess(input_path: str, output: str | None, rejects_path: str | None, in_fmt: str | None, out_fmt: str | None,
           rules_dir: str | None, jurisdiction: str | None, lang: str, today: dt.date | None, workers: int,
           progress: bool | None, report_path: str | None, encoding: str | None, neutralise: bool,
           settings: tuple[str, ...], scheduler: str | None, chunk_size: int | None = None) -> None:
    """Assess every problem record in INPUT (JSON lines, JSON, YAML, CSV or Parquet).

    Writes one row per finding (record, problem, area, level, body, name, place, place_name,
    basis, liability, clauses, reason) and one row per rejected record (record, line, problem, field, code,
    reason), then a summary on stderr: records in = assessed + rejected, and findings by basis
    and liability. Exit 0 when nothing was rejected, 1 when some records were, 2 when INPUT
    cannot be used or an output cannot be written. The outputs (the report too) replace the
    previous ones together, once all are written: a run that fails or is stopped leaves them all
    unchanged.
    An input without any record is a warning, not an error (exit 0).
    """
    # SIGTERM ends the run as Ctrl-C does: temporary files removed, previous outputs intact, workers stopped
    main = threading.current_thread() is threading.main_thread()
    previous = ending_signals(_terminated) if main else {}  # as main() does (a caller of
    # the click command itself, not main(), gets it too)
    from ..batch._workers import allow_pandas, collect_rarely, one_blas_thread
    from ._cli import ending

    if ending():  # (the command's own process: numpy is not imported yet)
        one_blas_thread()
    collected = collect_rarely()
    try:
        if scheduler is not None:
            if report_path is not None:  # (it was left unmade, in silence: review18d P1)
                raise ResponsibilityError("--report is not made on Dask: assess the ledger (or a sample of it) on "
                                          "this machine with --report")
            _assess_dask(input_path, output, rejects_path, rules_dir, jurisdiction, lang, today, scheduler, settings)
        else:
            _assess(input_path, output, rejects_path, in_fmt, out_fmt, rules_dir, jurisdiction, lang, today,
                    workers, progress, encoding, neutralise, report_path, settings, chunk_size)
    except ResponsibilityError as exc:  # (batch._columns.ColumnError, whose import needs the frames extra)
        if not getattr(exc, "columns", ()):
            raise
        columns = exc.columns  # type: ignore[attr-defined]
        from ..batch._columns import ledger_list

        if ledger_list(columns):  # (said by the error itself, as Python's policy.assess says it)
            raise
        raise type(exc)(f"{exc}{_office_headers(columns)}") from None
    finally:
        collected(collector=not ending())  # (the command's own process ends now: its collector stays rare)
        allow_pandas()
        restore_signals(previous)


def _assess(input_path: str, output: str | None, rejects_path: str | None, in_fmt: str | None, out_fmt: str | None,
            rules_dir: str | None, jurisdiction: str | None, lang: str, today: dt.date | None, workers: int,
            progress: bool | None, encoding: str | None, neutralise: bool, report_path: str | None,
            settings: tuple[str, ...] = (), chunk_size: int | None = None) -> None:
    from ..batch._assessment import needs_frames

    needs_frames("responsibility assess", pandas=False)
    from .._files import is_devnull
    from ..batch._assessor import count_table, make_assessor
    from ..batch._io import EXTENSIONS, Landing, Sink, Source, format_of
    from ..batch._parallel import Overlap, prefetch
    from ..batch._repeats import Repeats, repeats_said
    from ..batch._workers import Pool, default_workers, merge_counts
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._problem import typed_records

    # "-" is standard output, as it is standard input for INPUT (it was a file named "-").
    if output == "-":
        output = None
    if rejects_path == "-":
        if output is None:
            raise OutputError("the findings and the rejects would both go to standard output; give -o FILE "
                              "or --rejects FILE")
        rejects_path = None
        rejects_to_stdout = True
    else:
        rejects_to_stdout = False
    if input_path == "-" and (in_fmt or "jsonl") == "parquet":
        raise ResponsibilityError("Parquet cannot be read from standard input (its index is at the end of the "
                                  "file); give the Parquet file, or send JSON lines or CSV on standard input")
    if report_path is not None and (output is None or input_path == "-"):
        raise ResponsibilityError("--report reads the findings back from their file: give -o FILE and a file INPUT")
    if report_path is not None:
        from .._files import check_target

        for other, what in ((output, "findings"), (rejects_path, "rejects")):
            if other is not None and _same_file(report_path, other):  # an output, not an input
                raise OutputError(f"the {what} and the report would both go to {report_path}; give two files")
        # every input too: the report over the --jurisdiction file or a YAML of --rules replaced it with HTML and broke
        # every later command (review23b R23b-1; -o and --rejects were refused so)
        check_target(report_path, [input_path, output, rejects_path, rules_dir, jurisdiction], what="report")
        # (a new file may go anywhere: without the suffix `--report myrules/areas/new.yaml` wrote HTML into the rules
        # directory, which every later load read as a rules file, review24b R24b-8)
        if Path(report_path).suffix.lower() not in (".html", ".htm"):
            raise ResponsibilityError(f"--report {report_path}: the report is one HTML file; give a .html file name")
    from ..batch._workers import arrow_without_pandas, keep_freed_memory

    keep_freed_memory()
    if report_path is None:  # nothing here meets a data frame (allowed again when the command ends)
        arrow_without_pandas()
    if input_path != "-" and not os.path.exists(input_path):  # (a link to nothing too)
        # (said before its name is read for a format: `assess report.xlsx`, mistyped, was told to save the workbook's
        # sheet as CSV, a workbook that was not there; hostile60)
        raise ResponsibilityError(f"{input_path}: no such file (check the path)")
    fmt_in = format_of(input_path, in_fmt, "input")
    fmt_out = out_fmt or (format_of(output, None, "output") if output else "jsonl")
    named = EXTENSIONS.get(os.path.splitext(output)[1].lower()) if output else None
    if out_fmt and output and named and named != out_fmt:  # Parquet in out.csv, without a word (review21b B21-7)
        from .._files import check_target

        check_target(output, [input_path, rules_dir, jurisdiction], what="findings")  # (the graver refusal first)
        raise ResponsibilityError(f"-o {output} names a {named.upper()} file but --to {out_fmt} writes "
                                  f"{out_fmt.upper()}; name it .{out_fmt}, or leave --to out")
    fmt_rejects = format_of(rejects_path, None, "rejects file") if rejects_path else \
        ("jsonl" if rejects_to_stdout else None)

    policy = _policy(rules_dir, settings)
    j = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
    assessor = make_assessor(policy, j, today=today, lang=lang)
    # Workers (for Parquet input of more than a few chunks) are forked now, sharing the assessor,
    # before any reading or writing thread starts. CSV and JSON lines use workers only when asked:
    # parsed in the parent and shipped to the workers, they cost about a fifth more CPU seconds,
    # and the runs were no shorter on a busy machine (docs/scale.md).
    big = fmt_in == "parquet" and input_path != "-" and os.path.isfile(input_path) \
        and os.path.getsize(input_path) > 8 * 2**20
    n = (workers or (default_workers() if big else 1)) if fmt_in in ("parquet", "csv", "jsonl") else 1
    # a typed file's records (JSON, JSON lines, YAML: no spreadsheet saves them) are told what to write for a
    # 2021/4/2, not how to format an Excel column (ux47 left), as `who` tells the same record; the workers are forked
    # inside, and read the same.
    # The outputs (findings, rejects, report) are each written to a temporary file beside its target, and all
    # replace theirs together once the last is made (the landing): a run stopped while the report was built left the
    # new findings and rejects beside an earlier run's report (hostile60 N2).
    with typed_records(fmt_in in ("json", "jsonl", "yaml")), Landing() as landing:
        pool = Pool(lambda: assessor, n) if n > 1 else None
        try:
            if input_path == "-" and sys.stdin is None:  # started with standard input closed (`<&-`): it was exit 3
                raise ResponsibilityError("standard input is closed; give a file, or pipe the records in")
            source = Source(input_path, fmt_in, assessor.t, encoding=encoding or "utf-8", detect=encoding is None,
                            chunk=chunk_size)
            if source.note:  # (the reader's note is English: under --lang zh marked as the ledger's notes are)
                say_note(source.note, lang)
            dicts = assessor.dictionaries  # (made once: an amended policy's assessor made them with its periods')
            inputs = [input_path, rules_dir, jurisdiction]
            if output is not None and rejects_path is not None and _same_file(output, rejects_path) \
                    and not is_devnull(output):
                raise OutputError(f"the findings and the rejects would both go to {output}; give two files")
            findings = Sink(output, fmt_out, "findings", dicts, inputs=inputs, neutralise=neutralise, landing=landing)
            rejects = Sink(rejects_path, fmt_rejects, "rejects", inputs=[*inputs, output], neutralise=neutralise,
                           landing=landing) if fmt_rejects else None
            show = sys.stderr.isatty() if progress is None else progress
            records = assessed = rejected = 0
            counts: Any = None
            repeats = Repeats()  # records that share an id: assessed each, and said (review26 H3)
            ok = False
            try:
                with _Progress(show, source.total) as bar:
                    if pool is not None:
                        chunks = map(repeats.batch, source.batches()) if fmt_in == "parquet" else \
                            prefetch(map(repeats.part, source.parts()))
                        for table, w, slot, meta in pool.run(chunks):
                            findings.write_findings(table, done=functools.partial(pool.release, w, slot))
                            if meta is None:
                                continue
                            chunk = (meta.records, meta.assessed, meta.rejects, meta.counts)
                            records, assessed, rejected, counts = _tally(records, assessed, rejected, counts, chunk,
                                                                         rejects, merge_counts, bar, lang == "zh")
                            bar.advance(meta.records)
                    else:
                        overlap = Overlap()  # (written behind while that overlaps the assessing, else at once)
                        for part in map(repeats.part, source.parts()):
                            result = assessor.run(part)
                            findings.write_findings(result.columns, inline=overlap.inline())
                            chunk = (result.records, result.assessed, result.rejects, result.counts)
                            records, assessed, rejected, counts = _tally(records, assessed, rejected, counts, chunk,
                                                                         rejects, merge_counts, bar, lang == "zh")
                            bar.advance(result.records)
                ok = True
            finally:
                try:
                    findings.close(ok)
                except BaseException:
                    ok = False  # (the rejects are not kept without their findings)
                    raise
                finally:
                    # (closed even when the findings' close failed: a full disk left the rejects' temporary .part file
                    # beside them; hostile41)
                    if rejects is not None and ok:
                        rejects.close(True)
                    elif rejects is not None:
                        with contextlib.suppress(Exception):  # (what went wrong first is what is said)
                            rejects.close(False)
                if ok:
                    assessor.save()
        finally:
            if pool is not None:
                pool.close()
        table = count_table(assessor.t, counts) if counts is not None else {}
        if fmt_in == "parquet" and source.total is not None:  # (read in workers too: told by what came back)
            source.blank_rows = source.total - records
        if source.blank_rows:  # said, as no record is lost in silence (review20b B20-5)
            n = source.blank_rows
            said = f"{n:,} row{'s' if n > 1 else ''} of empty cells skipped: a blank row is no record"
            # (the pair of the repeated ids' note, which is Chinese under --lang zh: check52b's mixed languages)
            click.echo(f"注意：已跳过 {n:,} 个全空的行，空行不是记录（{said}）" if lang == "zh" else f"note: {said}",
                       err=True)
        if records == 0:
            said = f"{'standard input' if input_path == '-' else input_path} holds no records"
            click.echo(f"警告：{'标准输入' if input_path == '-' else input_path} 中没有记录（{said}）" if lang == "zh"
                       else f"warning: {said}", err=True)
        found = repeats.found()
        for line in repeats_said(found, lang == "zh"):
            click.echo(line, err=True)
        if report_path is not None:
            from ..batch._report import report_from_files

            assert findings.written is not None
            # (read from the temporaries the outputs are in until they land; the report is one of them)
            text = report_from_files(policy, j, input_path=input_path, in_fmt=fmt_in, output=findings.written,
                                     out_fmt=fmt_out, rejects_path=rejects.written if rejects is not None else None,
                                     rejects_fmt=fmt_rejects, counts=(records, assessed, rejected),
                                     lang="en" if lang == "en" else "zh", blank_rows=source.blank_rows,
                                     repeats=found)
            landing.put(report_path, text.encode("utf-8"), [*inputs, output, rejects_path], what="report")
        landing.land()
    # (before the summary, which stays the last line a script reads)
    _say_written(output, rejects_path, report_path)
    click.echo(_summary(lang, policy, records, assessed, rejected, table, assessor.t.liabilities), err=True)
    may_end_at_once()  # every file written is closed (renamed into place), the workers stopped
    if rejected:
        sys.exit(1)


def _say_written(*paths: str | None) -> None:
    """``wrote FILE`` on stderr for each file an assessment wrote, as `--report`, `who --picture`, `graph -o` and the
    ledger's lists say theirs (ux48 left: `assess -o findings.csv` said nothing of it); not for standard output or
    the null device, where nothing is kept."""
    from .._files import is_devnull

    for path in paths:
        if path is not None and path != "-" and not is_devnull(path):
            click.echo(f"wrote {path}", err=True)


def _tally(records: int, assessed: int, rejected: int, counts: Any, chunk: tuple[int, int, list[Any], Any],
           sink: Any, merge: Any, bar: _Progress, zh: bool = False) -> tuple[int, int, int, Any]:
    """Add a chunk's numbers; write its rejects (or print them when there is no rejects file)."""
    n, ok, rejects, more = chunk
    if sink is not None:
        sink.write_rejects(rejects)
    else:
        for r in rejects:
            # the file's line first, counted from 1 as an editor counts it; the record's position (``record`` of
            # the rejects, a data frame's row) counts from 0, and says so (review26: 记录 0（第 2 行）read as a slip)
            if zh:
                said = f"拒收：第 {r[1]} 行（记录序号 {r[0]}，自 0 起）" if r[1] else \
                    f"拒收：记录序号 {r[0]}（自 0 起）"
                bar.echo(f"{said}：{r[5]}")
            else:
                bar.echo((f"rejected: line {r[1]} (record {r[0]}, counted from 0)" if r[1] else
                          f"rejected: record {r[0]} (counted from 0)") + f": {r[5]}")
    return records + n, assessed + ok, rejected + len(rejects), merge(counts, more)


def _summary(lang: str, policy: Any, records: int, assessed: int, rejected: int,
             counts: dict[tuple[str, str], int], liabilities: list[str]) -> str:
    """The run's summary on standard error. In Chinese (N10-4: it was English under the default ``--lang zh``)
    the balance and the findings by 追责情形 and 责任类别 in the policy's words, then the English counts line
    in parentheses, which scripts that read the log find unchanged."""
    from ..batch._assessment import summary_text
    from ..engine._verdict_view import labels, value_zh

    english = summary_text(records, assessed, rejected, counts, liabilities)
    changed = dict(getattr(policy, "what_if", {}) or {})
    if changed:  # every answer of the run rests on the values --set gave
        english += "\nwhat-if parameters (not the rules' defaults): " + ", ".join(
            f"{k} = {new!r} (rules: {old!r})" for k, (old, new) in changed.items())
    if lang != "zh":
        return english
    basis_of, liability_of = labels(policy, "zh", ids=False)
    balance = "核对一致" if records == assessed + rejected else "核对不一致"
    found = sum(counts.values())
    lines = [f"记录 {records:,} 条 = 已评估 {assessed:,} + 拒收 {rejected:,}（{balance}）；认定 {found:,} 项"]
    bases = list(dict.fromkeys(b for b, _ in counts))
    if bases:
        from rich.cells import cell_len

        def pad(text: str, width: int, right: bool = False) -> str:
            gap = " " * max(width - cell_len(text), 0)
            return gap + text if right else text + gap

        names = {b: basis_of(b) for b in bases}
        first = max(cell_len(x) for x in [*names.values(), "追责情形", "合计"])
        heads = [*(liability_of(x) for x in liabilities), "合计"]
        width = max(10, *(cell_len(h) + 2 for h in heads))
        lines.append("  " + pad("追责情形", first) + "".join(pad(h, width, True) for h in heads))
        for b in bases:
            row = [counts.get((b, x), 0) for x in liabilities]
            lines.append("  " + pad(names[b], first) + "".join(pad(f"{v:,}", width, True) for v in [*row, sum(row)]))
        totals = [sum(counts.get((b, x), 0) for b in bases) for x in liabilities]
        lines.append("  " + pad("合计", first) + "".join(pad(f"{v:,}", width, True) for v in [*totals, sum(totals)]))
    if changed:  # a parameter by its Chinese name, as `who` and `route` name it (newcomer42: it was its id here); a
        # choice by its Chinese name and the id --set takes (review26 #8)
        parameters = getattr(policy, "parameters", {})
        lines.append("假设参数（不是规则的默认值）：" + "；".join(
            f"{getattr(parameters.get(k), 'name', None) or k}={value_zh(policy, k, new)}"
            f"（规则：{value_zh(policy, k, old)}）"
            for k, (old, new) in changed.items()))
    return "\n".join(lines) + "\n（" + "; ".join(english.splitlines()[:2]) + "）"


cli.add_command(assess)

#: The ledger import's fields that are a problem record's columns, by the record's name.
_RECORD_COLUMNS = {"problem": "id", "domain": "area", "kind": "kind", "sector": "sector", "place": "place",
                   "severity": "severity",
                   "discovered_on": "discovered.on", "discovered_level": "discovered.level",
                   "channel": "discovered.channel", "discovered_by": "discovered.body", "deadline": "deadline",
                   "rectified_on": "rectified_on"}


def _office_headers(columns: tuple[str, ...]) -> str:
    """For a table headed as an office ledger (领域, 问题编号 …, the headers ``ledger import``'s
    default mapping knows): which field each is, and the command that reads such a table."""
    from ..ledger._import import load_mapping

    known = {h: f for f, headers in load_mapping().columns.items() for h in headers}
    office = [c for c in columns if c in known]
    if not office:
        return ""
    said = ", ".join(f"{c} is {_RECORD_COLUMNS[known[c]]}" if known[c] in _RECORD_COLUMNS else
                     f"{c} ({known[c]}) has no column in a problem record" for c in office[:6])
    return (f". These are an office ledger's headers ({said}{', …' if len(office) > 6 else ''}): rename them to "
            "the record's fields (docs/records.md, \"The flat form\"), or import the table into a ledger with "
            "`responsibility ledger import`, which reads them")


def _scheduler(spec: str | None) -> str | None:
    """``--dask``'s value checked before any work: ``local:N`` needs 1 to 64 workers (0 would
    wait for ever), an address needs a host and a port."""
    if spec is None or spec in ("threads", "processes", "synchronous", "local"):
        return spec
    if spec.startswith("local:"):
        n = spec.partition(":")[2]
        if not (n.isascii() and n.isdigit() and 1 <= int(n) <= 64):
            raise click.BadParameter(f"{spec!r}: local:N takes 1 to 64 worker processes, e.g. local:4")
        return spec
    host, _, port = spec.rpartition("://")[2].rpartition(":")
    if not host or not (port.isascii() and port.isdigit()):
        raise click.BadParameter(f"{spec!r}: use local[:N], threads, processes, synchronous, or a scheduler's "
                                 "address with its port (tcp://host:8786)")
    return spec


def _refused(spec: str) -> None:
    """Raise ``ConnectionRefusedError`` at once where a TCP scheduler address has nothing listening: distributed's
    client retries a refused connection until its 30-second connect timeout (hostile58: ``--dask tcp://127.0.0.1:1``
    waited 30 s to say what the first attempt knew). A scheduler that is slow to answer is left to the client."""
    import socket

    scheme, sep, rest = spec.partition("://")
    if spec in ("threads", "processes", "synchronous", "local") or spec.startswith("local:") or (
            sep and scheme != "tcp"):
        return
    host, _, port = (rest if sep else spec).rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except (ConnectionRefusedError, socket.gaierror):
        raise
    except OSError:  # (a timeout, an unreachable network: the client says it, after its own tries)
        return


def _policy(rules_dir: str | None, settings: tuple[str, ...], *, plain: bool = True) -> Any:
    """The policy to assess with: the rules at ``rules_dir``, with the ``--set`` values (a what-if, said by the
    summary). Without settings it is read from the cache without pydantic (~0.15 CPU s of a ten-record run); a
    what-if checks its values with the rules' models, so it is read with them."""
    from ._cli import load_policy, what_if

    if not settings:
        return load_policy(rules_dir, plain=plain)
    return what_if(load_policy(rules_dir), settings)


def _assess_dask(input_path: str, output: str | None, rejects_path: str | None, rules_dir: str | None,
                 jurisdiction: str | None, lang: str, today: dt.date | None, scheduler: str,
                 settings: tuple[str, ...] = ()) -> None:
    """``assess --dask``: Parquet directories in and out, computed on a Dask scheduler."""
    import shutil

    from ..batch._assessment import needs_frames
    from ..batch._dask import Scheduler, _needs_dask, file_graph
    from ..chain._jurisdiction import Jurisdiction

    needs_frames("responsibility assess")
    _needs_dask()
    if output is None:
        raise OutputError("--dask writes a directory of Parquet files: give -o DIRECTORY")
    for target in (output, rejects_path):
        if target is not None and (_same_file(target, input_path) or (os.path.exists(target)
                                                                      and not os.path.isdir(target))):
            raise OutputError(f"{target} is the input or a file; give a directory for the output of --dask")
    if rejects_path is not None and _same_file(output, rejects_path):
        raise OutputError(f"the findings and the rejects would both go to {output}; give two directories")
    for target in (output, rejects_path):
        if target is not None:
            _replaceable(target, input_path)
    if not os.path.exists(input_path):
        raise ResponsibilityError(f"no such file or directory: {input_path}")
    text_kinds = {".jsonl": "JSON lines", ".ndjson": "JSON lines", ".json": "JSON", ".csv": "CSV", ".yaml": "YAML",
                  ".yml": "YAML", ".xlsx": "an Excel workbook"}
    if os.path.isfile(input_path) and (kind := text_kinds.get(os.path.splitext(input_path)[1].lower())):
        # said before the rules are built, and without pyarrow's 'Parquet magic bytes not found'
        raise ResponsibilityError(
            f"{input_path} is {kind}, and --dask reads Parquet only (a .parquet file, or a directory of them, with "
            "-o and --rejects directories); assess it without --dask (`responsibility assess "
            f"{input_path} -o findings.parquet --workers 4` reads it in blocks on this machine's cores), or write it "
            "as Parquet first (pandas: read_json(…, lines=True) or read_csv(…), then .to_parquet(…))")
    policy = _policy(rules_dir, settings, plain=False)
    j = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
    finals = [d.rstrip("/") for d in (output, rejects_path) if d is not None]
    tmp = [f"{d}.part-{os.getpid()}" for d in finals]
    import pyarrow as pa

    try:
        tasks, n = file_graph(policy, input_path, tmp[0], tmp[1] if rejects_path is not None else None,
                              jurisdiction=j, today=today, lang=lang)
    except pa.ArrowInvalid as exc:  # a JSON or CSV file, or a directory of something other than Parquet
        reason = " ".join(str(exc).split())[:200]
        raise ResponsibilityError(f"{input_path}: --dask reads Parquet (a file or a directory of .parquet files) "
                                  f"and this is not ({reason}); convert it, or assess it without --dask") from None
    try:
        _refused(scheduler)
        run = Scheduler(scheduler)
    except (OSError, ValueError) as exc:  # no scheduler there (distributed's TimeoutError is an OSError)
        reason = " ".join(str(exc).split())[:200]
        raise ResponsibilityError(f"--dask {scheduler}: cannot reach the scheduler ({reason}); check its address, "
                                  "or use --dask local:N") from None
    try:
        for path in tmp:
            os.makedirs(path)
        refused = [x for x in run.compute(*tasks) if x is not None]
        for path, final in zip(tmp, finals, strict=True):
            old = f"{final}.old-{os.getpid()}"
            if os.path.exists(final):
                os.replace(final, old)
            os.replace(path, final)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        run.close()
        for path in tmp:
            shutil.rmtree(path, ignore_errors=True)
    import pyarrow.dataset as ds

    table = ds.dataset(output, format="parquet").to_table(columns=["basis", "liability"])
    counts = table.group_by(["basis", "liability"]).aggregate([([], "count_all")]).to_pylist()
    order = list(policy.failures)
    by = {(c["basis"], c["liability"]): c["count_all"] for c in counts}
    table_counts = {k: by[k] for k in sorted(by, key=lambda k: (order.index(k[0]) if k[0] in order else 99,
                                                                list(policy.liabilities).index(k[1])))}
    if rejects_path is None:
        rejected = 0
        for table in refused:
            for r in table.to_pylist():
                click.echo(f"拒收：记录序号 {r['record']}（自 0 起）：{r['reason']}" if lang == "zh" else
                           f"rejected: record {r['record']} (counted from 0): {r['reason']}", err=True)
            rejected += table.num_rows
    else:
        rejected = ds.dataset(rejects_path, format="parquet").count_rows()
    from ..batch._repeats import Repeats, repeats_said

    repeats = Repeats()  # records that share an id, said as a run on this machine says them (hostile27)
    start = 0
    for fragment in ds.dataset(input_path, format="parquet").get_fragments():  # (file_graph's order and numbers)
        if "id" in fragment.physical_schema.names:
            for batch in fragment.to_batches(columns=["id"]):
                repeats.table(batch, start)
                start += batch.num_rows
        else:
            start += fragment.count_rows()
    for line in repeats_said(repeats.found(), lang == "zh"):
        click.echo(line, err=True)
    _say_written(output, rejects_path)
    click.echo(_summary(lang, policy, int(n), int(n) - rejected, rejected, table_counts, list(policy.liabilities)),
               err=True)
    if rejected:
        sys.exit(1)


def _replaceable(target: str, input_path: str) -> None:
    """Refuse an output directory of ``--dask`` that holds the input, lies inside it, or holds anything but a
    previous output's Parquet files. The output replaces the directory whole (its old content is removed once the
    new is in place): `assess data/in --dask … -o data` removed the input and every other file under data/, and
    `-o data/in/out` put the findings where the next run read them as records (hostile41)."""
    if "://" in target or "://" in input_path:  # (a store's URL, s3://…: not a directory of this machine)
        return
    real, source = os.path.realpath(target), os.path.realpath(input_path)
    if os.path.commonpath([real, source]) == real:
        raise OutputError(f"{target} holds the input {input_path}: --dask replaces its output directory whole, "
                          "which would remove the input; give a directory of its own for the output")
    if os.path.isdir(source) and os.path.commonpath([real, source]) == source:
        raise OutputError(f"{target} lies inside the input directory {input_path}: the next run would read the "
                          "findings as records; give a directory outside it")
    if os.path.isdir(target):
        others = sorted(e.name for e in os.scandir(target)
                        if not (e.is_file(follow_symlinks=False) and e.name.endswith(".parquet")))
        if others:
            shown = ", ".join(repr(x) for x in others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3
                                                               else "")
            raise OutputError(f"{target} holds {shown}, which are not a previous output's Parquet files: --dask "
                              "replaces its output directory whole, and would remove them; give a new directory (or "
                              "an earlier output's)")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class _Progress:
    """A progress bar on stderr, or nothing."""

    def __init__(self, show: bool, total: int | None, label: str = "assessing") -> None:
        self.show, self.total, self.label = show, total, label
        self._bar: Any = None

    def __enter__(self) -> _Progress:
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("records", total=self.total)
        return self

    def echo(self, line: str) -> None:
        """A line on stderr (above the bar, when there is one)."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def update(self, done: int, total: int) -> None:
        """``done`` of ``total`` (a total learnt on the way)."""
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
