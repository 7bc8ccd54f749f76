"""The ``dot`` layout: a :class:`~responsibility.chain._scene.Scene` as Graphviz DOT, drawn by ``dot``.

Levels are ranks (the village at the bottom), each a shaded band labelled with its level
and place; a rank with many boxes is folded into several rows of the same band, so a
picture of a whole place stays readable instead of growing thousands of pixels wide.
Boxes are HTML-like labels (name, place, one coloured row per mark); arrows keep their
colour and line style, and their heads are drawn solid so that dashed and dotted arrows
still show where they point. The title, notes and legend form the graph's label above.

Needs the ``dot`` program (Debian package ``graphviz``) and the Python binding
``graphviz`` (extra ``responsibility[graphviz]``).
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Literal

from ._scene import Edge, Node, Scene

#: Fonts tried by fontconfig for the Chinese labels, in order.
FONT = "WenQuanYi Micro Hei,Noto Sans CJK SC,Noto Sans SC,Source Han Sans SC,sans-serif"
#: The most boxes drawn side by side in one row of a rank; more fold into further rows.
ROW_MAX = 8
#: Band colours of the ranks, alternating.
BANDS = ("#F4F6F8", "#FBFBFB")


def wrap(text: str, width: int = 9) -> list[str]:
    """Break a label into lines: Chinese names every ``width`` characters, after a closing
    bracket or a separator when there is one in the right place (县（市、区）/民政局); text
    in Latin letters at spaces, about twice as many characters a line."""
    import textwrap

    lines: list[str] = []
    for part in text.split("\n"):
        if sum(ord(c) < 0x2E80 for c in part) > len(part) * 0.6:
            lines += textwrap.wrap(part, width * 2, break_long_words=False, break_on_hyphens=False) or [""]
            continue
        while len(part) > width:
            cut = max((m.end() for m in re.finditer(r"[）)、·，,/ ]", part[: width + 1])), default=0)
            if cut < 3:
                cut = width if len(part) > width + 2 else (len(part) + 1) // 2
            lines.append(part[:cut].strip())
            part = part[cut:].strip()
        if part:
            lines.append(part)
    return lines


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _node_label(n: Node) -> str:
    title = "<BR/>".join(_esc(x) for x in wrap(n.title))
    size = 13 if n.kind != "level" else 12
    rows = [f'<TR><TD CELLPADDING="3"><FONT POINT-SIZE="{size}">{"<B>" + title + "</B>" if n.emphasis else title}'
            f"</FONT></TD></TR>"]
    if n.subtitle:
        sub = "<BR/>".join(_esc(x) for x in wrap(n.subtitle, 16))
        rows.append(f'<TR><TD CELLPADDING="1"><FONT POINT-SIZE="10" COLOR="#555555">{sub}</FONT></TD></TR>')
    for m in n.marks:
        rows.append(f'<TR><TD BGCOLOR="{m.color}" CELLPADDING="3"><FONT POINT-SIZE="10" COLOR="white">'
                    f"{_esc(m.label)}</FONT></TD></TR>")
    if n.kind == "event":
        border, fill, style = "#333333", "#FFF7E0", ' STYLE="ROUNDED"'
    elif n.kind == "level":
        border, fill, style = "#888888", "#EEEEEE", ' STYLE="ROUNDED"'
    else:
        border, fill, style = ("#222222" if n.emphasis else "#666666"), "white", ""
    width = 2 if n.emphasis or n.kind == "event" else 1
    return (f'<<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" COLOR="{border}" '
            f'BGCOLOR="{fill}"{style}>{"".join(rows)}</TABLE>>')


def _edge_attrs(e: Edge) -> str:
    attrs = [f"color={_q(e.color)}", f"style={e.style}", f"penwidth={e.width:g}",
             # Heads solid, whatever the line: a dashed or dotted head is hard to see.
             'arrowhead=normal', f"arrowsize={0.7 + 0.15 * e.width:g}"]
    if e.label:
        attrs += [f"label=<{_esc(e.label).replace(chr(10), '<BR/>')}>", f"fontcolor={_q(e.color)}"]
    if e.tooltip:
        attrs.append(f"tooltip={_q(e.tooltip)}")
    return ", ".join(attrs)


def _legend(scene: Scene) -> str:
    rows = [f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="18"><B>{_esc(scene.title)}</B></FONT></TD></TR>']
    for note in scene.notes:
        rows.append(f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="12" COLOR="#B00020">{_esc(note)}</FONT></TD></TR>')
    if scene.legend:
        cells = []
        for k in scene.legend:
            if k.kind == "mark":
                swatch = f'<TD BGCOLOR="{k.color}" WIDTH="22">  </TD>'
            elif k.kind == "text":
                swatch = "<TD></TD>"
            else:
                line = {"solid": "━━━▶", "dashed": "╍╍╍▶", "dotted": "┈┈┈▶"}[k.style]
                swatch = f'<TD><FONT COLOR="{k.color}">{line}</FONT></TD>'
            cells.append(f'{swatch}<TD ALIGN="LEFT"><FONT POINT-SIZE="10">{_esc(k.label)}</FONT></TD>')
        per_row = 2 if len(cells) > 4 else 1
        body = []
        for i in range(0, len(cells), per_row):
            body.append("<TR>" + "".join(cells[i:i + per_row]) + "</TR>")
        head = (f'<TR><TD COLSPAN="{2 * per_row}" ALIGN="LEFT"><FONT POINT-SIZE="11"><B>{_esc(scene.legend_title)}'
                f"</B></FONT></TD></TR>" if scene.legend_title else "")
        legend = (f'<TABLE BORDER="1" COLOR="#CCCCCC" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">{head}'
                  f'{"".join(body)}</TABLE>')
        rows.append(f'<TR><TD COLSPAN="2">{legend}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="4">{"".join(rows)}</TABLE>>'


def to_dot(scene: Scene) -> str:
    """The DOT text of ``scene``.

    >>> from responsibility.chain._scene import Scene, Rank, Node, Edge
    >>> text = to_dot(Scene("t", (Rank("county", "县"), Rank("city", "市")),
    ...     (Node("a", "county", "县政府"), Node("b", "city", "市政府")), (Edge("a", "b"),)))
    >>> '"a" -> "b"' in text
    True
    """
    lines = [
        "digraph picture {",
        f'  graph [rankdir=BT, newrank=true, compound=true, nodesep=0.25, ranksep="0.55", pad="0.3", '
        f'fontname={_q(FONT)}, labelloc=t, label={_legend(scene)}, splines=true, outputorder=edgesfirst];',
        f"  node [shape=plain, fontname={_q(FONT)}];",
        f"  edge [fontname={_q(FONT)}, fontsize=9];",
    ]
    by_rank: dict[str, list[Node]] = {r.id: [] for r in scene.ranks}
    for n in scene.nodes:
        by_rank.setdefault(n.rank, []).append(n)
    anchors: list[str] = []
    for i, r in enumerate(scene.ranks):
        nodes = by_rank.get(r.id, [])
        rows = [nodes[j:j + ROW_MAX] for j in range(0, len(nodes), ROW_MAX)] or [[]]
        lines.append(f"  subgraph {_q('cluster_' + r.id)} {{")
        lines.append(f'    label=<<FONT POINT-SIZE="13"><B>{_esc(r.label)}</B></FONT>>; labeljust=l; labelloc=b; '
                     f'style=filled; fillcolor="{BANDS[i % 2]}"; color="#D0D4D8"; margin=12;')
        for j, row in enumerate(rows):
            anchor = f"__rank_{i}_{j}"
            anchors.append(anchor)
            names = [anchor] + [n.id for n in row]
            lines.append(f"    {_q(anchor)} [shape=point, width=0, height=0, style=invis, label=\"\"];")
            for n in row:
                tip = f", tooltip={_q(n.tooltip)}" if n.tooltip else ""
                lines.append(f"    {_q(n.id)} [label={_node_label(n)}{tip}];")
            lines.append("    { rank=same; " + " ".join(_q(x) for x in names) + " }")
        lines.append("  }")
    for a, b in itertools.pairwise(anchors):
        lines.append(f"  {_q(a)} -> {_q(b)} [style=invis, weight=20];")
    rank_of = {n.id: n.rank for n in scene.nodes}
    for e in scene.edges:
        # Within a level folded into rows, an arrow neither orders the rows nor pulls the boxes
        # sideways (else the rows drift into a staircase).
        inner = rank_of.get(e.tail) == rank_of.get(e.head) and len(by_rank.get(rank_of.get(e.tail, ""), [])) > ROW_MAX
        extra = ", constraint=false, weight=0" if inner else ""
        lines.append(f"  {_q(e.tail)} -> {_q(e.head)} [{_edge_attrs(e)}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(scene: Scene, fmt: Literal["svg", "png"]) -> bytes:
    """Lay ``scene`` out with ``dot`` and return the SVG or PNG bytes."""
    import graphviz

    from .._errors import PlotUnavailable

    source = graphviz.Source(to_dot(scene), engine="dot")
    try:
        out: bytes = source.pipe(format="png" if fmt == "png" else "svg")
    except graphviz.ExecutableNotFound:
        raise PlotUnavailable("the Graphviz program `dot` is not installed (Debian: apt-get install graphviz); "
                              "or draw with layout='matplotlib'") from None
    except graphviz.CalledProcessError as exc:  # a bug in the DOT text, not a user mistake
        raise RuntimeError(f"dot failed: {exc.stderr!r}") from exc
    return out
