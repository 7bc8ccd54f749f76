"""Output helpers of ``responsibility ledger``: frames to CSV/XLSX/JSON, alerts and routes as text."""

from __future__ import annotations

import io
from typing import Any

import click


def shown(target: str) -> str:
    """A ledger target as it may be shown (a URL without its password)."""
    from ..ledger._store import shown_target

    return shown_target(target)


def _csv_text(frame: Any) -> str:
    from .._files import neutralise

    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype).startswith(("string", "str", "category")):
            out[c] = out[c].astype(object)
            out[c] = out[c].map(lambda v: neutralise(v) if isinstance(v, str) else v)
        elif str(out[c].dtype).startswith("datetime"):
            out[c] = out[c].dt.strftime("%Y-%m-%d")
    buf = io.StringIO()
    out.to_csv(buf, index=False)
    return buf.getvalue()


def write_frame(frame: Any, output: str | None, which: str, *, encoding: str = "utf-8-sig",
                inputs: list[str | None] | None = None, fmt: str | None = None) -> None:
    """Write ``frame`` to ``output`` (.csv/.xlsx/.json, atomically) or to stdout (CSV, or ``fmt``)."""
    from .._files import atomic_text, write_stdout

    kind = fmt or (output.rsplit(".", 1)[-1].lower() if output and "." in output else "csv")
    if kind == "json":
        text = frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1)
    elif kind == "csv":
        text = _csv_text(frame)
    elif kind == "xlsx" and output:
        from ..ledger._lists import names
        from ..ledger._xlsx import write_workbook

        title = names()["lists"].get(which, {"name": which})["name"]
        marks = {i for i, v in enumerate(frame["overdue"].tolist()) if v} if "overdue" in frame else set()
        write_workbook(output, [(title, frame, marks)], inputs=inputs or [])
        click.echo(f"wrote {output}", err=True)
        return
    else:
        raise click.UsageError(f"unknown output format {kind!r}: use .csv, .xlsx or .json")
    if output:
        if kind == "csv":
            _encodable(text, encoding)
        with atomic_text(output, inputs or [], encoding=encoding if kind == "csv" else "utf-8", newline="") as f:
            f.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        write_stdout(text)


def _encodable(text: str, encoding: str) -> None:
    """Refuse, before anything is written, a list that ``encoding`` cannot hold (ASCII and Chinese)."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        from .._errors import OutputError

        raise OutputError(f"--encoding {encoding} cannot write {exc.object[exc.start:exc.end]!r} (a character of "
                          "the list); use utf-8-sig (the default) or gb18030") from None


def print_alerts(frame: Any) -> None:
    """Alerts as text, one block per body that must act."""
    if frame.empty:
        click.echo("no deadlines passed or near")
        return
    for (body, place), rows in frame.groupby(["body", "body_place"], sort=False):
        name = rows.iloc[0]["name"] or body or "?"
        click.echo(f"{name} [{body or '-'}] @ {place or '-'}: {len(rows)} problem(s)")
        for r in rows.itertuples():
            state = f"OVERDUE by {-r.days_left} day(s)" if r.overdue else f"{r.days_left} day(s) left"
            click.echo(f"  {r.problem}  {r.stage:<13} due {r.due.date()}  {state}")
    overdue = int(frame["overdue"].sum())
    click.echo(f"{overdue} overdue, {len(frame) - overdue} due soon")


def print_route(r: Any, policy: Any) -> None:
    """A route as text."""
    d = r.to_dict()

    def bodies(xs: list[dict[str, str]]) -> str:
        return ", ".join(f"{b['name']} [{b['body']}]" for b in xs) or "-"

    level_names = {lv.id: lv.name for lv in policy.data.vocabulary.levels}
    click.echo(f"problem {d['problem']} ({d['area']}{'/' + d['kind'] if d['kind'] else ''}) at {d['place']}")
    click.echo(f"  authority: {level_names.get(d['authority'], d['authority'])} "
               f"[{d['authority']}] at {d['authority_place']}")
    if d["escalate"]:
        click.echo(f"  REPORT UPWARD AT ONCE: beyond the {d['registering_level']}'s authority; "
                   f"report to {bodies(d['report_to'])}")
    click.echo(f"  assign or report by {d['act_by']} (handling_time_limit_days)")
    click.echo(f"  handled by: {bodies(d['handlers'])}")
    click.echo(f"  assign for rectification to: {bodies(d['assignees'])}")
    click.echo(f"  rectify within {d['rectification_days']} days of assignment (by {d['rectify_by']} at the latest)")
    click.echo(f"  clauses: {', '.join(d['clauses'])}")
    if d["rests_on"]:
        click.echo(f"  rests on the parameters: {', '.join(d['rests_on'])}")
