"""``responsibility ledger …``: the problem ledger (台账) from the command line, and ``responsibility route``.

Exit codes: 0 fine; 1 findings (``alerts`` with anything overdue, ``verify`` with a broken
chain, ``import`` with rejected rows, ``duplicates`` with likely duplicates); 2 unusable input
(a bad event names its field and nothing is written; a missing extra names the one to install).
A ledger is a SQLite file path or a database URL (``postgresql://user@host/db``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from ._cli import (
    DayParam,
    LangChoice,
    WholeNumber,
    _read_records,
    cli,
    each_answered,
    end_for_bad,
    file_named,
    load_policy,
    located,
    named,
    table_row,
    text_encoding,
    what_if,
)

_DATE = DayParam()  # YYYY-MM-DD within 1900-2999, as records and `who --today` read days
MAX_DAYS = 3650  # ledger._ledger.MAX_DAYS (not imported: `--help` loads no ledger; a test compares them)


def _common(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
                     help="Policy directory (default: shipped).")(f)
    return click.option("--jurisdiction", type=click.Path(dir_okay=False),
                        help="CSV of places (default: shipped example).")(f)


def _filters(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--as-of", "as_of", type=_DATE, default=None, help="The day the lists show (default: today).")(f)
    f = click.option("--place", default=None, help="Only problems at or under this place (a jurisdiction code).")(f)
    f = click.option("--area", multiple=True, help="Only problems of this duty area (repeatable).")(f)
    return click.option("--status", multiple=True,
                        help="Only problems with this status (repeatable; 'open' = not yet rectified).")(f)


@contextlib.contextmanager
def _filter_options() -> Iterator[None]:
    """A filter the ledger refuses (an unknown ``--area``, ``--status`` or ``--place``) is a usage error
    naming the option, with the ledger's hint, exit 2 -- as ``graph --area`` says it."""
    from .._errors import ProblemError

    try:
        yield
    except ProblemError as exc:
        if exc.record is None and exc.field in ("area", "status", "place"):
            raise click.BadParameter(exc.detail, param_hint=f"--{exc.field}") from None
        raise


def _say_waiting() -> None:
    click.echo("正在等待台账的锁，另一进程正在写入…（waiting for the ledger's lock (another process is writing to "
               "it)…）", err=True)


def _open(target: str, rules_dir: str | None = None, jurisdiction: str | None = None, *,
          create: bool = False, shows: bool = False) -> Any:
    from ..ledger import Ledger, _store

    _store.wait_notice = lambda: _say_waiting()  # a writer that waits for another process says so

    policy = None
    if rules_dir:
        policy = load_policy(rules_dir)
    j = None
    if jurisdiction:
        from ..chain._jurisdiction import Jurisdiction

        j = Jurisdiction.from_csv(jurisdiction)
    if create:
        return Ledger.create(target, policy=policy, jurisdiction=j)
    ledger = Ledger.open(target, policy=policy, jurisdiction=j)
    for imp in ledger.interrupted():
        click.echo(f"警告：{imp['started_at']} 开始的 {imp['source']} 导入未完成，台账未存入其任何内容、仍是导入前的"
                   f"样子，请重新导入（warning: the import of {imp['source']} started at {imp['started_at']} did not "
                   "finish; nothing from it is in the ledger, which is as it was before it: run the import again）",
                   err=True)
    if shows:
        _say_if_altered(ledger, target)
    return ledger


def _say_if_altered(ledger: Any, target: str) -> None:
    """A warning on stderr when the ledger's hash chain is broken, before a command shows its data: `ledger list` of
    a ledger whose rows were edited outside the library listed the altered data without a word, and only `verify`
    told (ux46). The command still does its work: the office may need the lists to see what was changed."""
    from .._errors import shown_name

    broken = ledger.chain_break()
    if broken is None:
        return
    shown = shown_name(target)
    of = f"（问题 {broken.problem}）" if broken.problem is not None else ""
    at = f"第 {broken.seq} 条事件{of}处" if broken.seq is not None else ""
    where = f" at event {broken.seq}" if broken.seq is not None else ""
    if broken.problem is not None:
        where += f" (problem {broken.problem!r})"
    click.echo(f"警告：台账的哈希链{at}断开，其数据在本库之外被改动过，以下内容可能含被改动的数据；"
               f"`responsibility ledger verify {shown}` 说明详情，请从备份恢复台账"
               f"（warning: {shown}: the hash chain is broken{where}: "
               f"{broken.what}; what follows may show data altered outside the library — `responsibility ledger "
               f"verify {shown}` says where; restore the ledger from a backup）", err=True)


def _day(value: dt.date | None) -> dt.date:
    return value if value is not None else dt.date.today()


@cli.group("ledger")
def ledger_group() -> None:
    """The problem ledger (台账, 一(三)): events, the three lists, alerts, Excel in and out."""


@ledger_group.command("init")
@click.argument("target", metavar="LEDGER")
def init_cmd(target: str) -> None:
    """Create an empty ledger (a SQLite file, or a PostgreSQL URL)."""
    from ._ledger_support import shown

    _open(target, create=True).close()
    click.echo(f"已创建台账 {shown(target)}（created ledger {shown(target)}）")


@ledger_group.command("upgrade")
@click.argument("target", metavar="LEDGER")
def upgrade_cmd(target: str) -> None:
    """Bring a ledger's schema up to this library's version."""
    from ..ledger._ledger import _check_file, _database_errors
    from ..ledger._store import engine_of, upgrade

    _check_file(target, creating=False)  # never an empty file made where none was, nor exit 3 on a corrupt one
    engine = engine_of(target)
    try:
        with _database_errors(target):
            before, after = upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"结构版本 {before} → {after}（schema version {before} → {after}）" if before != after else
               f"结构版本 {after}：已是最新（schema version {after}: up to date）")


@ledger_group.command("add")
@click.argument("target", metavar="LEDGER")
@click.argument("file", type=str)
@click.option("--by", "entered_by", required=True, help="Who enters the events (recorded with each).")
@_common
def add_cmd(target: str, file: str, entered_by: str, rules_dir: str | None, jurisdiction: str | None) -> None:
    """Append the events in FILE (YAML/JSON: one event or a list; - reads stdin): all or none."""
    from .._errors import ProblemError

    events, pos, many = _read_records(file, "an event object")
    from ..batch._columns import ledger_list
    from ..ledger._events import record_not_events

    first = events[0] if events else None
    if isinstance(first, dict) and (said := ledger_list([str(k) for k in first])):
        # a list the ledger wrote (`ledger list DB problems -o p.json`), given back as events: each of its rows was
        # refused "field 'problem': is required", with no word of what the file is (hostile53)
        said = said.replace("so it cannot be assessed", "not events, so it cannot be added")
        raise ProblemError("", f"{file}: its rows are no events{said}; an event is {{problem, type, on, …}} "
                           "(docs/ledger.md)", code="not_an_event")

    if (at := next((i for i, e in enumerate(events) if record_not_events(e)), None)) is not None:
        # located as any bad event is (file:line:column of the record), and naming the field an event lacks
        raise located(ProblemError("problem", record_not_events(events[at]) or "", code="not_an_event"),
                      pos, at, many)
    from ..engine._problem import typed_records

    with _open(target, rules_dir, jurisdiction) as ledger:
        try:
            with typed_records():  # (a YAML or JSON file's events: a refused day is told no Excel advice)
                stored = ledger.append(events, entered_by=entered_by)
        except ProblemError as exc:
            if exc.field == "entered_by":  # the option, not the file
                raise click.BadParameter(exc.detail, param_hint="--by") from None
            each = getattr(exc, "errors", None)
            if each and len(each) > 1:  # every event that cannot be read, each at its own file:line:column
                from ._cli import _error

                for one in each[:-1]:
                    _error(str(located(one, pos, one.index or 0, many)))
                raise located(each[-1], pos, each[-1].index or 0, many) from None
            raise located(exc, pos, exc.index or 0, many) from None
    first, last = (stored[0].seq, stored[-1].seq) if stored else (0, 0)
    seqs = f"{first}" if first == last else f"{first}–{last}"  # one event is "seq 4", not "seq 4–4"
    with _stored_all_the_same(f"the ledger stored the {len(stored)} event(s), seq {seqs}, all the same (do not add "
                              "them again)" if stored else ""):
        click.echo(f"已存入事件 {len(stored)} 条，序号 {seqs}（stored {len(stored)} event(s), seq {seqs}）"
                   if stored else "没有要存入的事件（nothing to store）")
        _note_kept_by_the_ledger(events, entered_by)
        with _open(target, rules_dir, jurisdiction) as ledger:
            for note in ledger.step_notes(stored).values():
                click.echo(f"注意（note）：{note}", err=True)


@contextlib.contextmanager
def _stored_all_the_same(stored: str) -> Iterator[None]:
    """Around what a command that wrote to the ledger says once it is stored: an output that cannot be written
    then (a closed or full standard output or error) ended with exit 2 "standard output is closed" or "the output may
    be incomplete", and a user who ran the command again had every event refused as already there (hostile41). The
    error says that the ledger holds what was stored. A reader that stopped reading (``| head``) stays quiet."""
    import errno

    from .._errors import OutputError, ReaderGone

    try:
        yield
    except ReaderGone:
        raise
    except (OutputError, OSError) as exc:
        if not stored or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
            raise
        if isinstance(exc, OutputError):
            why = str(exc)
        else:
            from .._files import _describe

            why = f"its report could not be written ({_describe(exc)})"
        raise OutputError(f"{stored}: {why}") from None


#: Fields an event file may carry (``Event.to_dict`` writes them, so an exported event reads back) that the ledger
#: sets itself on append: who entered it is ``--by``; the sequence number, entry time and hash chain are the store's.
_SET_ON_APPEND = ("entered_by", "seq", "entered_at", "hash")


def _note_kept_by_the_ledger(events: list[Any], entered_by: str) -> None:
    """Tell the user (stderr) which fields of the file the append did not keep, rather than drop them in silence."""
    counts = {f: sum(1 for e in events if isinstance(e, dict) and f in e
                     and not (f == "entered_by" and str(e[f]).strip() == entered_by.strip()))
              for f in _SET_ON_APPEND}
    if said := [f"{f} ×{n}" for f, n in counts.items() if n]:
        click.echo(f"注意：文件中的 {'、'.join(said)} 未采用：录入人取 --by（{entered_by}），"
                   "序号、录入时间和哈希由台账生成"
                   f"（note: the file's {', '.join(said)} were not kept: who entered the events is --by, and the "
                   "sequence number, entry time and hash are the ledger's own）", err=True)


@ledger_group.command("import")
@click.argument("target", metavar="LEDGER")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--by", "entered_by", required=True, help="Who imports (recorded with each event).")
@click.option("--mapping", type=click.Path(dir_okay=False), default=None,
              help="YAML column mapping (default: the shipped one for the usual Chinese headers).")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: text_encoding(v),
              help="CSV encoding: utf-8, gbk or gb18030 (default: UTF-8, else GB18030).")
@click.option("--sheet", default=None, help="Sheet of an .xlsx file (default: the first visible one).")
@click.option("--rejects", "rejects_path", type=str, default=None, callback=file_named,
              help="Write rejected rows with the reason (.csv or .xlsx); default: on stderr.")
@_common
def import_cmd(target: str, file: str, entered_by: str, mapping: str | None, encoding: str | None,
               sheet: str | None, rejects_path: str | None, rules_dir: str | None, jurisdiction: str | None) -> None:
    """Import an existing ledger from Excel or CSV (one transaction). Exit 1 when rows were rejected."""
    from .._files import check_target
    from ..ledger._ledger import database_files
    from ._ledger_support import write_frame

    if file == "-":  # (was "-: no such file", as if a file of that name were missing)
        raise click.BadParameter("ledger import reads a file, not standard input: an Excel workbook is told from a "
                                 "CSV by its name (.xlsx, .csv); save the input to such a file and name it",
                                 param_hint="FILE")
    if rejects_path:  # refused before the import, not after it is stored
        check_target(rejects_path, [file, rules_dir, jurisdiction, mapping, *database_files(target)],
                     what="rejects")
    from .._errors import ProblemError

    with _open(target, rules_dir, jurisdiction) as ledger:
        try:
            result = ledger.import_file(file, entered_by=entered_by, mapping=mapping, encoding=encoding, sheet=sheet)
        except ProblemError as exc:
            if exc.field == "entered_by":  # the option, not the file
                raise click.BadParameter(exc.detail, param_hint="--by") from None
            raise
    stored = f"the ledger stored the import ({result.summary(source=False)}) all the same (do not import the file " \
        "again)" if result.events else ""
    with _stored_all_the_same(stored):
        for note in result.notes:
            click.echo(f"note: {note}", err=True)
        if rejects_path:
            import pandas as pd

            # written with no reject too (its headers alone), as `assess --rejects` writes it: an earlier import's
            # rejects file was left in place, its rows read as this import's (hostile60)
            frame = pd.DataFrame(result.rejects, columns=["row", "problem", "field", "reason", "code"])
            write_frame(frame, rejects_path, "rejects",
                        inputs=[file, rules_dir, jurisdiction, mapping, *database_files(target)])
        elif result.rejects:
            from ..engine._problem import _show

            # (the id as typed can hold a bidi override, a line break, a NUL: R24b-2); at most SHOWN_REJECTS of
            # them: a sheet of a million bad rows printed a million lines (newcomer37 H)
            for r in result.rejects[:SHOWN_REJECTS]:
                shown = _show(r["problem"]) if r["problem"] else "?"
                click.echo(f"拒收：第 {r['row']} 行（{shown}），{r['field']}：{r['reason']} "
                           f"[{r['code']}]", err=True)
            if len(result.rejects) > SHOWN_REJECTS:
                more = len(result.rejects) - SHOWN_REJECTS
                click.echo(f"拒收：另有 {more:,} 行未列出（… and {more:,} more rejected rows not shown）；"
                           "give --rejects FILE to have every one", err=True)
        click.echo(f"{result.summary_zh()}（{result.summary(source=False)}）")
        # (a row repeating an earlier row of the same file is no problem the ledger had: it was told it was)
        known = sum(1 for r in result.rejects if r["code"] == "duplicate_problem"
                    and str(r["reason"]).endswith("is already in the ledger"))
        if known:  # the office's weekly workbook imported again: its rows' later cells are not read (newcomer41)
            click.echo(_ALREADY_THERE.format(n=known, target=target), err=True)
    if result.rejected:
        sys.exit(1)


#: What ``ledger import`` says when rows name problems the ledger already holds: an office that keeps its Excel
#: ledger and imports it again each week saw only "already in the ledger", and the rectification day it had
#: filled in since was lost without a word.
_ALREADY_THERE = (
    "注意：{n:,} 行的问题已在台账中，未再导入；这些行此后填写或改动的内容（如整改完成时间、核验时间）不会读取，"
    "请以事件录入（note: {n:,} row(s) hold problems the ledger already has, and were not imported again: an import "
    "only adds new problems, so what such a row says since (a rectification, verification or closing day filled "
    "in, a new assignment) is not read — enter it as an event: responsibility ledger add {target} EVENTS.yaml "
    "--by WHO, e.g. {{problem: …, type: 整改情况报告, on: YYYY-MM-DD}}; docs/ledger.md, \"Importing again\")")


#: How many rejected rows ``ledger import`` prints without ``--rejects`` (the rest are counted).
SHOWN_REJECTS = 200

_LISTS = {"problems": "problems", "responsibilities": "responsibilities", "rectifications": "rectifications",
          "indices": "indices", "recognition": "recognition"}


def _list_name(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """A list by id or by the Chinese name offices call it (问题清单 …, from the ledger's columns.yaml)."""
    if value in _LISTS:
        return value
    from ..ledger._lists import names

    chinese = {v["name"]: k for k, v in names()["lists"].items() if k in _LISTS}
    if value.strip() in chinese:
        return str(chinese[value.strip()])
    known = ", ".join(f"{k} ({v})" for v, k in chinese.items())
    # (problem, 问题, 责任: a list named as the lists' own words name it, singular or short; ux46 left)
    from difflib import get_close_matches

    said = " ".join(value.split()).lower()
    meant = (next((k for k in _LISTS if said and (k.startswith(said) or said.rstrip("s") == k.rstrip("s"))), None)
             or next((k for v, k in chinese.items() if said and v.startswith(said)), None)
             or next(iter(get_close_matches(said, list(_LISTS), n=1)), None))
    if meant is not None:
        raise click.BadParameter(f"{value!r} is no list; did you mean {meant!r} "
                                 f"({next(v for v, k in chinese.items() if k == meant)})? (the lists: {known})")
    raise click.BadParameter(f"{value!r} is no list; use one of {known}")


@ledger_group.command("list")
@click.argument("target", metavar="LEDGER")
@click.argument("which", metavar="LIST", callback=_list_name)
@_filters
@click.option("-o", "--output", default=None, callback=file_named,
              help="Write to .csv, .xlsx or .json (default, or -: CSV on stdout).")
@click.option("--lang", type=LangChoice(), default="zh", show_default=True,
              help="Chinese headers and values (层级, 应发现未发现 …), or English headers and ids; a body's name and a "
                   "finding's reason are Chinese either way.")
@click.option("--encoding", default="utf-8-sig", show_default=True, callback=lambda _c, _p, v: text_encoding(v),
              help="Encoding of the CSV file -o writes (gb18030 for old Excel); standard output is UTF-8.")
@_common
def list_cmd(target: str, which: str, as_of: Any, place: str | None, area: tuple[str, ...], status: tuple[str, ...],
             output: str | None, lang: str, encoding: str, rules_dir: str | None, jurisdiction: str | None) -> None:
    """Print or write one list on a day: LIST is problems (问题清单), responsibilities (责任清单),
    rectifications (整改清单), indices (评价指数) or recognition (激励提示), by either name."""
    from ..ledger._ledger import database_files
    from ._ledger_support import write_frame

    if which in ("indices", "recognition") and (area or status):  # they would be ignored, not applied
        raise click.UsageError(f"the {which} list takes --place and --as-of, not --area or --status")
    suffix = os.path.splitext(output or "")[1].lower()
    if suffix in (".xlsx", ".json") and click.get_current_context().get_parameter_source("encoding") \
            == click.core.ParameterSource.COMMANDLINE:
        # (it was dropped without a word: the file came out in UTF-8 whatever was asked; hostile40)
        raise click.BadParameter(f"{encoding!r} is the encoding of a CSV file; a {suffix} file holds its text in "
                                 f"Unicode whatever is asked: leave --encoding out, or write a .csv file",
                                 param_hint="--encoding")
    with _open(target, rules_dir, jurisdiction, shows=True) as ledger, _filter_options():
        imported = ledger.imported_files()
        day = _day(as_of)
        if which in ("indices", "recognition"):
            frame = getattr(ledger, which)(day, place=place, lang=lang)
        else:
            frame = getattr(ledger, which)(day, place=place, area=list(area) or None, status=list(status) or None,
                                           lang=lang)
    write_frame(frame, output, which, encoding=encoding,
                inputs=[rules_dir, jurisdiction, *database_files(target), *imported])


@ledger_group.command("export")
@click.argument("target", metavar="LEDGER")
@click.argument("output", type=str)
@_filters
@click.option("--within", type=WholeNumber(0, MAX_DAYS), default=7, show_default=True,
              help=f"Alerts sheet: deadlines within this many days (0 to {MAX_DAYS}).")
@_common
def export_cmd(target: str, output: str, as_of: Any, place: str | None, area: tuple[str, ...], status: tuple[str, ...],
               within: int, rules_dir: str | None, jurisdiction: str | None) -> None:
    """Write the office workbook (.xlsx): the three lists, indices, recognition prompts, alerts."""
    if not output.lower().endswith(".xlsx"):
        # ("use … for CSV" was said of l.db and /dev/full too: hostile29)
        raise click.UsageError("the workbook is an .xlsx file; use `ledger list … -o FILE.csv` for CSV"
                               if output.lower().endswith(".csv") else
                               f"the workbook is an .xlsx file: name OUTPUT so ({output!r} is not)")
    from .._files import check_target

    check_target(output, [rules_dir, jurisdiction], what="workbook")  # the ledger's own files: export_xlsx
    with _open(target, rules_dir, jurisdiction, shows=True) as ledger, _filter_options():
        # (the workbook the ledger was imported from was replaced without a word: check52b #3)
        check_target(output, ledger.imported_files(), what="workbook")
        ledger.export_xlsx(output, _day(as_of), place=place, area=list(area) or None, status=list(status) or None,
                           within=within)
    # (on stderr, as every other command that writes a file says it: stdout is the command's output, none here)
    click.echo(f"已写入 {output}（wrote {output}）", err=True)


@ledger_group.command("alerts")
@click.argument("target", metavar="LEDGER")
@click.option("--within", type=WholeNumber(0, MAX_DAYS), default=7, show_default=True,
              help=f"Deadlines that pass within this many days (and those passed; 0 to {MAX_DAYS}).")
@click.option("--as-of", "as_of", type=_DATE, default=None, help="The day (default: today).")
@click.option("--place", default=None, help="Only problems at or under this place.")
@click.option("--area", multiple=True, help="Only problems of this duty area (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("--lang", type=LangChoice(), default="zh", show_default=True,
              help="Chinese or English: the words of the text format; the headers and names of csv and json, as "
                   "`ledger list` writes them (zh: 是/否; en: ids, true/false).")
@_common
def alerts_cmd(target: str, within: int, as_of: Any, place: str | None, area: tuple[str, ...], fmt: str,
               lang: str, rules_dir: str | None, jurisdiction: str | None) -> None:
    """Deadlines passed or near, grouped by the body that must act. Exit 1 when anything is overdue."""
    from ._ledger_support import print_alerts, write_frame

    with _open(target, rules_dir, jurisdiction, shows=True) as ledger, _filter_options():
        frame = ledger.alerts(within, _day(as_of), place=place, area=list(area) or None)
        places = ledger.jurisdiction
        overdue = bool(frame["overdue"].any())
        if fmt != "text" and lang == "zh":  # headers and names as the lists have them (was English, True/False)
            from ..ledger._lists import to_zh

            frame = to_zh(frame, ledger.policy)
    if fmt == "text":
        print_alerts(frame, lang, places)
    else:
        write_frame(frame, None, "alerts", fmt=fmt)
    if overdue:
        sys.exit(1)


@ledger_group.command("verify")
@click.argument("target", metavar="LEDGER")
def verify_cmd(target: str) -> None:
    """Check the hash chain; name the first event altered, removed or reordered (exit 1)."""
    with _open(target) as ledger:
        result = ledger.verify()
    click.echo(f"{result.zh()}（{result}）")
    if not result.ok:
        sys.exit(1)


@ledger_group.command("duplicates")
@click.argument("target", metavar="LEDGER")
@click.option("--window", type=WholeNumber(0, MAX_DAYS), default=30, show_default=True,
              help=f"Days between discoveries that still look like one problem (0 to {MAX_DAYS}).")
@click.option("--as-of", "as_of", type=_DATE, default=None, help="The day (default: today).")
@click.option("--place", default=None, help="Only problems at or under this place (a jurisdiction code).")
@click.option("-o", "--output", default=None, callback=file_named,
              help="Write to .csv, .xlsx or .json (default, or -: CSV on stdout).")
@_common
def duplicates_cmd(target: str, window: int, as_of: Any, place: str | None, output: str | None,
                   rules_dir: str | None, jurisdiction: str | None) -> None:
    """Likely duplicates (same place, area and kind within the window), for 集成整改. Exit 1 when any."""
    from ..ledger._ledger import database_files
    from ._ledger_support import write_frame

    with _open(target, rules_dir, jurisdiction, shows=True) as ledger, _filter_options():
        frame = ledger.duplicates(window, _day(as_of), place=place, lang="zh")
    write_frame(frame, output, "duplicates", inputs=[rules_dir, jurisdiction, *database_files(target)])
    if len(frame):
        sys.exit(1)


class _IdArguments(click.Command):
    """A command whose arguments are problem ids: an id that begins with ``-`` (``-3+4``, as spreadsheets and
    other systems make them) was refused as "No such option '-3'"; it is said how to give it (after ``--``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given_args = list(args)  # (click takes them off the list as it parses)
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            given = next((a for a in given_args if a.startswith(exc.option_name)), exc.option_name)
            if given[1:2].isalpha() or given[1:2] == "-":  # a mistyped option (--as-off): click's own words
                raise
            raise click.UsageError(f"{_shown(given)} begins with '-' and was read as an option; to give it as a "
                                   f"problem id, put -- before the ids: responsibility ledger {self.name} "
                                   f"{self.after.format(id=_shown(given))}", ctx) from None

    #: How the command is written with its ids after ``--`` (the options before it: after ``--`` none is read).
    after = "LEDGER -- {id}"


class _MergeArguments(_IdArguments):
    """``ledger merge``'s SOURCE and INTO may begin with ``-`` too (it said click's "No such option '-3'")."""

    after = "LEDGER --on DAY --by WHO -- SOURCE INTO (the options before --: none is read after it)"


@ledger_group.command("merge", cls=_MergeArguments)
@click.argument("target", metavar="LEDGER")
@click.argument("source")
@click.argument("into")
@click.option("--on", "on", type=_DATE, required=True, help="The day of the merge.")
@click.option("--by", "entered_by", required=True, help="Who merges.")
@_common
def merge_cmd(target: str, source: str, into: str, on: Any, entered_by: str, rules_dir: str | None,
              jurisdiction: str | None) -> None:
    """Merge problem SOURCE into INTO: INTO keeps every channel, the earliest discovery, and SOURCE's
    assignments, reports and concealments.

    A merge joins reports of one problem (三(三) 集成整改): two problems that differ in area, kind, sector (when
    both give one) or county are refused (bad_merge) — correct a wrong area, kind, sector or place first. So is a
    merge whose joined record would not hold, and one of a rectified or verified SOURCE into an INTO that is not
    (merge INTO into SOURCE instead)."""
    with _open(target, rules_dir, jurisdiction) as ledger:
        e = ledger.merge(source, into, on=on, entered_by=entered_by)
    with _stored_all_the_same(f"the ledger stored the merge of {source} into {into}, event {e.seq}, all the same"):
        click.echo(f"已将问题 {source} 并入 {into}，事件 {e.seq}（merged {source} into {into} (event {e.seq})）")


#: The states in which a problem still waits for its assignment (a route says who must act).
_UNASSIGNED = ("registered", "discovered", "reported")


def _shown(problem: str) -> str:
    """A problem id as a message shows it: escaped where it holds what a terminal would act on, cut short."""
    from ..engine._problem import _show

    return repr(_show(problem, 60))


@ledger_group.command("show", cls=_IdArguments)
@click.argument("target", metavar="LEDGER")
@click.argument("problem")
@click.option("--as-of", "as_of", type=_DATE, default=None, help="The day of its state (default: today).")
@_common
def show_cmd(target: str, problem: str, as_of: Any, rules_dir: str | None, jurisdiction: str | None) -> None:
    """One problem: its events (with who entered them), its state on the day and, until it is
    assigned, its route (who must assign or report it, by when: as `responsibility route`).
    A PROBLEM that begins with '-' is given after --: `ledger show LEDGER -- -3+4`."""
    from .._errors import ProblemError

    with _open(target, rules_dir, jurisdiction, shows=True) as ledger, _filter_options():
        day = _day(as_of)
        if problem[:1] == "'" and len(problem) > 1 and not ledger.events(problem) and ledger.events(problem[1:]):
            # the ' a CSV export puts before text a spreadsheet would read as a formula (=, +, -, @), copied
            raise ProblemError("problem", f"unknown problem {_shown(problem)}; the ledger has {_shown(problem[1:])}: "
                               "the leading ' is what a CSV export puts before an id a spreadsheet would read as a "
                               "formula, not part of the id", code="unknown_problem")
        state = ledger.state(problem, day)
        # a registered event's duty area under a record's name for it (stored as ``domain``, its older name)
        events = [{("area" if k == "domain" else k): v for k, v in e.to_dict().items()} for e in ledger.events(problem)]
        out: dict[str, Any] = {"problem": problem, "status": state.status, "record": state.record(day),
                               "events": events}
        if notes := state.receipt_notes():  # (the record's steps that no event made, said as what they stand for)
            out["record_notes"] = notes
        if state.merged_into is not None:
            # its record is judged in the problem it was merged into, with that one's reports (review33b F11: the
            # record shown, given to `who`, answered findings the lists rightly did not show)
            del out["record"]
            out["merged_into"] = state.merged_into
            out["note"] = (f"merged into {state.merged_into} on {state.merged_on}; judged there, with its reports: "
                           f"responsibility ledger show LEDGER {state.merged_into}")
        if state.status in _UNASSIGNED:
            out["route"] = ledger.route(problem, as_of=day).to_dict()
    click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))


@cli.command("route")
@click.argument("file", type=str)
@click.option("--level", default=None, help="The level that registers the problem (default: the finder's).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--today", type=_DATE, default=None, help="The day for records without as_of (default: today).")
@click.option("--lang", type=LangChoice(), default="zh", show_default=True,
              help="The words of the text format, in Chinese or English.")
@click.option("--encoding", default=None, callback=lambda _c, _p, v: text_encoding(v),
              help="Text encoding of FILE (default: UTF-8; a file that is plainly GB18030 or UTF-16 is read so, with "
                   "a note).")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="What-if: set a parameter of rules/parameters.yaml for this run (repeatable), as `who` takes it "
                   "(handling_time_limit_days=15: the deadlines by it).")
@_common
def route_cmd(file: str, level: str | None, fmt: str, today: Any, lang: str, rules_dir: str | None,
              jurisdiction: str | None, encoding: str | None, settings: tuple[str, ...] = ()) -> None:
    """Who must act now on the problem(s) in FILE (YAML/JSON; - reads stdin): the level with
    authority (办理权限), the bodies to assign to, the deadlines, and whether to report upward at once."""
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._route import route
    from ._ledger_support import print_route

    records, pos, many = _read_records(file, encoding=encoding)
    policy = load_policy(rules_dir)
    if settings:  # (who, assess and diff took --set; route, whose deadlines rest on two parameters, did not)
        policy = what_if(policy, settings)
    j = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
    day = today
    if level is not None:  # the option, not the file: checked (and read as records read levels) first
        level = named(policy, "level", level, "--level")
    routed: set[int] = set()  # (the records answered: a refused one is told its error, not also a note on it)

    def answer(r: Any) -> Any:
        got = route(policy, table_row(r), j, level=level, today=day)
        routed.add(id(r))
        return got

    routes, bad = each_answered(records, pos, many, answer)
    if bad and not routes:
        end_for_bad(bad, len(records))
    if not records:
        click.echo(f"warning: {'standard input' if file == '-' else file} holds no problems", err=True)
    for r in records:  # (N10-9: a record's deadline was ignored without a word)
        if isinstance(r, dict) and r.get("deadline") not in (None, "") and id(r) in routed:
            click.echo(f"注意：问题 {r.get('id')} 的记录给出整改时限 {r['deadline']}；route 回答新问题此刻由谁办理，"
                       "整改时限按规则计算，未采用记录中的时限" if lang == "zh" else
                       f"note: problem {r.get('id')} gives the deadline {r['deadline']}; route answers who must act "
                       "on a new problem now, with the rules' time limits: the record's deadline is not used",
                       err=True)
    if fmt == "json":
        out = [r.to_dict() for r in routes]  # (a list for a list, whatever was left out of it)
        click.echo(json.dumps(out[0] if len(records) == 1 else out, ensure_ascii=False, indent=2))
    else:
        for r in routes:
            print_route(r, policy, lang)
    end_for_bad(bad, len(records))
