"""An HTML report of an assessment: one self-contained file that opens without a network.

:func:`report_html` takes the findings and rejects tables of an assessment (as
:meth:`Policy.assess <responsibility.Policy.assess>` gives them, or as ``responsibility
assess`` writes them) and returns one HTML page: the balance (records in = assessed +
rejected), findings by area, level, basis and liability, the bodies and places with most
findings, rejects by reason, each as a chart and as a table. Charts are plotly figures; the
plotly.js library is embedded once in the page (no script or font is fetched when it is
viewed). Needs the extras ``frames`` and ``report`` (pandas, plotly).

Not checked here: how the page looks in every browser; the suite opens it in headless
Chromium and checks that every chart drew.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._errors import import_extra

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..policy._view import PolicyView

Lang = Literal["zh", "en"]

def _words() -> dict[str, dict[str, str]]:
    """``report.yaml``: the report's own words by language."""
    import yaml

    with open(Path(__file__).with_name("report.yaml"), encoding="utf-8") as f:
        data: dict[str, dict[str, str]] = yaml.safe_load(f)
    return {lang: {str(k): str(v) for k, v in words.items()} for lang, words in data.items()}


#: The page's own words, by language (``report.yaml`` beside this module: data, not code; names of levels,
#: bases and areas come from the policy data).
WORDS: dict[str, dict[str, str]] = _words()


#: How many bodies and places the top lists show.
TOP = 15


def _plotly() -> Any:
    return import_extra("plotly.graph_objects", "the HTML report needs plotly: pip install 'responsibility[report]'")


def reason_kind(reason: str) -> str:
    """A reject's reason without the record's own values: quoted text and numbers become ``…``."""
    text = re.sub(r"^problem '[^']*', (field '[^']*': )?", "", str(reason))
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    return re.sub(r"\d[\d-]*", "…", text)


def _table(head: list[str], rows: list[list[Any]]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def report_html(findings: Any, rejects: Any, *, records: int, assessed: int, rejected: int, policy: PolicyView,
                areas: Mapping[int, str] | None = None, jurisdiction: Jurisdiction | None = None,
                lang: Lang = "zh", title: str | None = None, blank_rows: int = 0,
                repeats: Mapping[str, list[tuple[int, int | None]]] | None = None) -> str:
    """The report page (see the module docstring) as HTML text.

    ``findings`` and ``rejects`` are pandas DataFrames with the columns of an
    :class:`~responsibility.Assessment`; ``areas`` maps a record's position to its duty area
    (without it the page has no chart by area); ``jurisdiction`` names the places (default:
    the shipped example). A what-if policy (:meth:`~responsibility.Policy.with_parameters`)
    is marked at the top. ``blank_rows``: rows of the input whose cells were all empty, skipped
    (no records), said under the balance, as are ``repeats``, the ids on more than one record
    (:attr:`Assessment.repeats <responsibility.Assessment.repeats>`), in the words ``responsibility assess`` says
    them in.
    """
    go = _plotly()
    import pandas as pd
    import plotly.offline

    w = WORDS[lang]
    en = lang == "en"

    def name(term: Any) -> str:
        return str(term.en if en and term.en else term.name)

    level_name = {lv: name(x) for lv, x in policy.levels.items()}
    basis_name = {b: (x.short_en if en else x.short) or name(x) for b, x in policy.failures.items()}
    liability_name = {x: (t.short_en if en else t.short) or name(t) for x, t in policy.liabilities.items()}
    area_name = {a: name(x) for a, x in policy.areas.items()}
    font = dict(family="WenQuanYi Micro Hei, Noto Sans CJK SC, Noto Sans SC, sans-serif", size=13)

    charts: list[tuple[str, str, str]] = []  # (heading, chart html, table html)

    def figure(fig: Any, height: int) -> str:
        fig.update_layout(height=height, margin=dict(l=10, r=10, t=30, b=10), font=font, template="plotly_white",
                          legend=dict(orientation="h", y=-0.15))
        div: str = fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False,
                                                                                "responsive": True})
        return f'<div class="chart">{div}</div>'

    f = findings
    n_findings = len(f)
    # By basis and liability (stacked).
    if n_findings:
        counts = f.groupby(["basis", "liability"], sort=False).size()
        bases = [b for b in policy.failures if b in set(f["basis"])]
        fig = go.Figure()
        for x in policy.liabilities:
            fig.add_bar(name=liability_name[x], x=[basis_name[b] for b in bases],
                        y=[int(counts.get((b, x), 0)) for b in bases])
        fig.update_layout(barmode="stack")
        rows = [[basis_name[b], liability_name[x], int(counts.get((b, x), 0))] for b in bases
                for x in policy.liabilities if counts.get((b, x), 0)]
        charts.append((w["by_basis"], figure(fig, 380), _table([w["basis"], w["liability"], w["count"]], rows)))
        # By level (lowest first).
        by_level = f.groupby("level").size()
        lv = [x for x in policy.levels if x in by_level.index]
        fig = go.Figure(go.Bar(x=[level_name[x] for x in lv], y=[int(by_level[x]) for x in lv],
                               marker_color="#1F618D"))
        charts.append((w["by_level"], figure(fig, 340),
                       _table([w["level"], w["count"]], [[level_name[x], int(by_level[x])] for x in lv])))
        # By area (the findings' own column; else through the records' areas).
        if "area" in f.columns or areas:
            per = f["area"].astype(str).value_counts() if "area" in f.columns else \
                f["record"].map(pd.Series(areas)).fillna("?").value_counts()
            order = [a for a in policy.areas if a in per.index] + [a for a in per.index if a not in policy.areas]
            fig = go.Figure(go.Bar(x=[area_name.get(a, a) for a in order], y=[int(per[a]) for a in order],
                                   marker_color="#117A65"))
            rows = [[area_name.get(a, a), int(per[a])] for a in order]
            charts.append((w["by_area"], figure(fig, 360), _table([w["area"], w["count"]], rows)))
        # Top bodies (by name and level) and places (by code, named).
        bodies = f.groupby(["body", "level"], observed=True).size().sort_values(ascending=False).head(TOP)
        names = {b: name(policy.bodies[b]) if b in policy.bodies else b for b, _ in bodies.index}
        twice = {n for n in names.values() if list(names.values()).count(n) > 1}
        labels = [names[b] + (f" ({level_name.get(lv_, lv_)})" if names[b] in twice else "")
                  for b, lv_ in bodies.index]
        fig = go.Figure(go.Bar(x=[int(v) for v in bodies.values][::-1], y=labels[::-1], orientation="h",
                               marker_color="#D35400"))
        charts.append((w["top_bodies"], figure(fig, 120 + 26 * len(labels)),
                       _table([w["body"], w["count"]], [[lb, int(v)] for lb, v in zip(labels, bodies.values,
                                                                                       strict=True)])))
        places = f.groupby("place", observed=True).size().sort_values(ascending=False).head(TOP)
        place_names = _place_names(jurisdiction, places.index)
        labels = [f"{place_names.get(str(p), '')} {_short_code(str(p))}".strip() for p in places.index]
        fig = go.Figure(go.Bar(x=[int(v) for v in places.values][::-1], y=labels[::-1], orientation="h",
                               marker_color="#8E44AD"))
        charts.append((w["top_places"], figure(fig, 120 + 26 * len(labels)),
                       _table([w["place"], w["count"]], [[lb, int(v)] for lb, v in zip(labels, places.values,
                                                                                       strict=True)])))
    # Rejects by reason.
    if rejects is not None and len(rejects):
        kinds = rejects.assign(kind=rejects["reason"].map(reason_kind)).groupby(["field", "kind"]).size()
        kinds = kinds.sort_values(ascending=False).head(TOP)
        labels = [f"{fld}: {k}" for fld, k in kinds.index]
        # Wrapped, not cut: two reasons cut alike would be drawn as one bar.
        fig = go.Figure(go.Bar(x=[int(v) for v in kinds.values][::-1], y=[_wrap(x) for x in labels][::-1],
                               orientation="h", marker_color="#7F1D1D"))
        charts.append((w["rejects"], figure(fig, 120 + 44 * len(labels)),
                       _table([w["reason"], w["count"]], [[lb, int(v)] for lb, v in zip(labels, kinds.values,
                                                                                       strict=True)])))

    balanced = records == assessed + rejected
    changed = dict(getattr(policy, "what_if", {}) or {})
    heading = title or w["title"]
    stats = "".join(f'<div class="stat"><div class="n">{v:,}</div><div>{html.escape(k)}</div></div>'
                    for k, v in ((w["records"], records), (w["assessed"], assessed), (w["rejected"], rejected),
                                 (w["findings"], n_findings)))
    if en:
        said = ", ".join(f"{k} = {new!r} ({w['default']}: {old!r})" for k, (old, new) in changed.items())
    else:  # a choice by its Chinese name and the id --set takes (review26 #8)
        shown = _shown(policy)
        said = "；".join(f"{k} = {shown(k, new)}（{w['default']}：{shown(k, old)}）"
                        for k, (old, new) in changed.items())
    note = (f'<p class="whatif">{html.escape(w["what_if"])}{": " if en else "："}{html.escape(said)}</p>'
            if changed else "")
    sections = "".join(f"<section><h2>{html.escape(h)}</h2>{c}<details><summary>{html.escape(w['count'])}"
                       f"</summary>{t}</details></section>" for h, c, t in charts)
    if not charts:
        sections = f"<p>{html.escape(w['none'])}</p>"
    sections += _parameters(policy, w, en, changed)
    blank = f'<p class="meta">{html.escape(w["blank_rows"].format(n=f"{blank_rows:,}"))}</p>\n' if blank_rows else ""
    from ._repeats import repeats_said

    blank += "".join(f'<p class="repeats">{html.escape(line)}</p>\n' for line in repeats_said(repeats or {}, not en))
    script = plotly.offline.get_plotlyjs()
    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="{'en' if en else 'zh-CN'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>
body {{ font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 24px auto;
       max-width: 1100px; color: #222; padding: 0 16px; }}
h1 {{ font-size: 26px; margin-bottom: 4px; }} h2 {{ font-size: 19px; margin: 28px 0 6px; }}
.meta {{ color: #666; font-size: 13px; }} .whatif {{ color: #B00020; }} .repeats {{ color: #8A4B00; }}
.stats {{ display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }}
.stat {{ background: #F4F6F8; border-radius: 8px; padding: 12px 18px; min-width: 140px; }}
.stat .n {{ font-size: 26px; font-weight: bold; }}
.balance {{ font-weight: bold; color: {'#117A65' if balanced else '#B00020'}; }}
.chart {{ min-height: 200px; }}
table {{ border-collapse: collapse; font-size: 13px; margin: 8px 0; }}
td, th {{ border: 1px solid #DDD; padding: 3px 8px; text-align: left; }}
</style>
<script type="text/javascript">{script}</script>
</head><body>
<h1>{html.escape(heading)}</h1>
<p class="meta">{html.escape(w['policy'])}: {html.escape(f"{policy.data.meta.id}@{policy.data.meta.version}")}
 · {html.escape(w['made'])} {made}</p>
{note}
<div class="stats">{stats}</div>
<p class="balance">{w['balanced'] if balanced else w['unbalanced']}: {records:,} = {assessed:,} + {rejected:,}</p>
{blank}{sections}
</body></html>
"""


def _parameters(policy: PolicyView, w: Mapping[str, str], en: bool, changed: Mapping[str, tuple[Any, Any]]) -> str:
    """The local choices the assessment was made under, each with its value and why.

    A bulk assessment's rows do not say which of them each finding rests on (``who --explain``
    does, per problem), so the page says what every answer in it was decided under.
    """
    rows = []
    shown = (lambda pid, value: str(value)) if en else _shown(policy)
    for pid, p in policy.parameters.items():
        value = policy.parameter(pid)
        if pid not in changed:
            text = shown(pid, value)
        else:
            text = (f"{value} ({w['default']}: {changed[pid][0]})" if en
                    else f"{shown(pid, value)}（{w['default']}：{shown(pid, changed[pid][0])}）")
        why = p.why if en or not p.why_zh else p.why_zh
        rows.append([p.en if en and p.en else p.name, pid, text, why])
    if not rows:
        return ""
    return (f"<section><h2>{html.escape(w['parameters'])}</h2><p>{html.escape(w['parameters_note'])}</p>"
            f"<details><summary>{html.escape(w['count'])}: {len(rows)}</summary>"
            + _table([w["parameter"], "id", w["value"], w["why"]], rows) + "</details></section>")


def _shown(policy: PolicyView) -> Callable[[str, Any], str]:
    """How the Chinese page writes a parameter's value: as a Chinese reader is told it, a choice by its Chinese
    name and the id ``--set`` takes (engine/_verdict_view.value_zh; review26 #8)."""
    from ..engine._verdict_view import value_zh

    return lambda pid, value: value_zh(policy, pid, value, True)


def _place_names(jurisdiction: Jurisdiction | None, codes: Any) -> dict[str, str]:
    """Place names by code, from the jurisdiction (default: the shipped example)."""
    from ..chain._jurisdiction import Jurisdiction

    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    out = {}
    for code in codes:
        place = j.get(str(code))
        if place is not None:
            out[str(code)] = place.name
    return out


def areas_of(records: Any) -> dict[int, str]:
    """``{record position: duty area}`` of records given as dicts or a pandas/polars DataFrame."""
    if hasattr(records, "to_pandas") and not hasattr(records, "iloc"):
        records = records.to_pandas()
    if hasattr(records, "iloc"):
        column = next((c for c in ("domain", "area") if c in records.columns), None)
        if column is None:
            return {}
        return {i: str(d) for i, d in enumerate(records[column].tolist()) if isinstance(d, str)}
    out = {}
    for i, r in enumerate(records):
        if isinstance(r, Mapping):
            d = r.get("domain", r.get("area"))
            if isinstance(d, str):
                out[i] = d
    return out


def _wrap(text: str, width: int = 60) -> str:
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def _short_code(code: str) -> str:
    """A division code at its level's length (330127, not 330127000000)."""
    from ..chain._jurisdiction import LEVEL_DIGITS, level_of

    try:
        return code[: dict(LEVEL_DIGITS)[level_of(code)]]
    except (KeyError, IndexError, ValueError):
        return code


def _read_table(path: str, fmt: str, columns: list[str] | None = None) -> Any:
    import pandas as pd

    if fmt == "parquet":
        return pd.read_parquet(path, columns=columns)
    if fmt == "csv":
        return pd.read_csv(path, usecols=columns, dtype=str, keep_default_na=False)
    frame = pd.read_json(path, lines=True, dtype=False) if fmt == "jsonl" else pd.read_json(path, dtype=False)
    return frame[columns] if columns is not None and len(frame) else frame


def report_from_files(policy: PolicyView, jurisdiction: Jurisdiction, *, input_path: str, in_fmt: str, output: str,
                      out_fmt: str, rejects_path: str | None, rejects_fmt: str | None, counts: tuple[int, int, int],
                      lang: Lang, blank_rows: int = 0,
                      repeats: Mapping[str, list[tuple[int, int | None]]] | None = None) -> str:
    """``responsibility assess --report``: the report of a run (HTML), from the files it wrote (``output`` and
    ``rejects_path``, read as ``out_fmt`` and ``rejects_fmt`` whatever their names: the temporary files that replace
    the outputs once the report is made too) and its input's areas."""
    import pandas as pd

    findings = _read_table(output, out_fmt)
    if "record" in findings.columns:
        findings["record"] = pd.to_numeric(findings["record"], errors="coerce")
    rejects = _read_table(rejects_path, rejects_fmt) if rejects_path and rejects_fmt else None
    try:
        domains = _read_table(input_path, in_fmt, ["domain"])["domain"].tolist()
        areas = {i: str(d) for i, d in enumerate(domains) if isinstance(d, str) and d}
    except (KeyError, ValueError):  # no domain column: no chart by area
        areas = {}
    records, assessed, rejected = counts
    return report_html(findings, rejects, records=records, assessed=assessed, rejected=rejected, policy=policy,
                       areas=areas, jurisdiction=jurisdiction, lang=lang, blank_rows=blank_rows, repeats=repeats)
