"""The matplotlib layout of a picture (the fallback where Graphviz ``dot`` is absent), and
:func:`draw_png`, a picture of the role graph written to a file.

Levels are bands, the lowest at the bottom, each labelled at its left with its level (and
place); a band with many boxes folds them into several rows. Each box carries a body's
name and its coloured marks; within a row boxes are ordered to keep arrows short (sweeps
of the barycentre heuristic). Arrows leave a box at its top or bottom edge and bow a
little, never beyond the canvas; their heads are solid whatever the line style. The
title, notes and legend stand above the bands.

Chinese labels need a CJK font: :func:`find_cjk_font` looks for one that matplotlib
knows (``scripts/setup.sh`` installs Debian's ``fonts-wqy-microhei`` when none is
present). Without one the picture is still drawn, and a :class:`FontWarning` says that
its labels will show as boxes and what to install. SVG keeps its labels as text.

matplotlib is imported only when a picture is drawn; without it
:class:`PlotUnavailable` asks for ``responsibility[plot]``.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._errors import FontWarning, PlotUnavailable
from ._graphviz import ROW_MAX, wrap
from ._scene import Layout, Node, Scene

if TYPE_CHECKING:
    from ._graph import Graph

#: CJK font families tried in order (Debian, Noto, Adobe, Windows and macOS names).
CJK_FAMILIES: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
)

_LINESTYLES = {"solid": "-", "dashed": (0, (5, 3)), "dotted": (0, (1.2, 2))}


def _matplotlib() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotUnavailable(
            "drawing a picture without Graphviz needs matplotlib, which is not installed: "
            "install responsibility[plot] (pip install 'responsibility[plot]')"
        ) from None
    return plt


def find_cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use, or ``None`` if there is none."""
    _matplotlib()
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    return None


def _text_width(text: str, size: float) -> float:
    """Width in inches of one line at ``size`` points (CJK full width, others about half)."""
    return sum(1.0 if ord(c) > 0x2E7F else 0.58 for c in text) * size / 72


# ------------------------------------------------------------------------------------- layout


class _Box:
    def __init__(self, node: Node) -> None:
        self.node = node
        self.lines = wrap(node.title)
        self.sub = wrap(node.subtitle, 16) if node.subtitle else []
        widths = [_text_width(x, 10.5) for x in self.lines] + [_text_width(x, 8.5) for x in self.sub]
        widths += [_text_width(m.label, 8.5) + 0.12 for m in node.marks]
        self.w = max([0.9, *widths]) + 0.22
        self.h = 0.2 + 0.2 * len(self.lines) + 0.16 * len(self.sub) + 0.2 * len(node.marks)
        self.x = 0.0
        self.y = 0.0


def _order(scene: Scene, rows: list[list[_Box]]) -> None:
    """Order each row by the mean position of its neighbours in the row before (up, then down)."""
    near: dict[str, set[str]] = {}
    for e in scene.edges:
        near.setdefault(e.tail, set()).add(e.head)
        near.setdefault(e.head, set()).add(e.tail)

    def reorder(row: list[_Box], ref: list[_Box]) -> None:
        pos = {b.node.id: i - (len(ref) - 1) / 2 for i, b in enumerate(ref)}
        own = {b.node.id: i - (len(row) - 1) / 2 for i, b in enumerate(row)}

        def key(b: _Box) -> tuple[float, float]:
            ps = [pos[m] for m in near.get(b.node.id, ()) if m in pos]
            return (sum(ps) / len(ps) if ps else own[b.node.id], own[b.node.id])

        row.sort(key=key)

    for _ in range(4):
        for i in range(1, len(rows)):
            reorder(rows[i], rows[i - 1])
        for i in range(len(rows) - 2, -1, -1):
            reorder(rows[i], rows[i + 1])


def render_scene(scene: Scene, fmt: Literal["svg", "png"], *, dpi: int = 130) -> bytes:
    """Draw ``scene`` with matplotlib and return the SVG or PNG bytes."""
    plt = _matplotlib()
    import matplotlib
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

    family = find_cjk_font()
    if family is None:
        warnings.warn(
            "no CJK font found (looked for " + ", ".join(CJK_FAMILIES[:4]) + " …): the Chinese "
            "labels will show as boxes; install fonts-wqy-microhei (Debian) or a Noto Sans CJK font",
            FontWarning,
            stacklevel=3,
        )
    font = {"family": family} if family else {}

    # Bands (lowest first), each with rows of boxes; a band's rows stack upwards.
    by_rank: dict[str, list[_Box]] = {r.id: [] for r in scene.ranks}
    for n in scene.nodes:
        by_rank.setdefault(n.rank, []).append(_Box(n))
    band_rows: list[list[list[_Box]]] = []
    for r in scene.ranks:
        boxes = by_rank.get(r.id, [])
        band_rows.append([boxes[i:i + ROW_MAX] for i in range(0, len(boxes), ROW_MAX)] or [[]])
    flat = [row for rows in band_rows for row in rows]
    _order(scene, flat)
    gap_x, gap_row, pad_band, label_w = 0.35, 0.75, 0.32, 0.3
    label_h = 0.3
    row_width = [sum(b.w for b in row) + gap_x * max(len(row) - 1, 0) for row in flat]
    inner = max([3.0, *row_width])
    y = 0.2
    bands: list[tuple[float, float]] = []
    for rows in band_rows:
        bottom = y
        y += pad_band
        for row in rows:
            height = max([0.4, *(b.h for b in row)])
            width = sum(b.w for b in row) + gap_x * max(len(row) - 1, 0)
            x = label_w + (inner - width) / 2
            for b in row:
                b.x, b.y = x + b.w / 2, y + height / 2
                x += b.w + gap_x
            y += height + gap_row * 0.6
        y += label_h
        bands.append((bottom, y))
        y += gap_row
    top_of_bands = y - gap_row
    width_in = label_w + inner + 0.3

    # Title, notes and legend above the bands.
    head: list[tuple[str, float, str]] = [(scene.title, 15.0, "#000000")]
    head += [(n, 10.5, "#B00020") for n in scene.notes]
    legend_rows = (len(scene.legend) + 1) // 2 if len(scene.legend) > 4 else len(scene.legend)
    head_h = 0.35 * len(head) + (0.3 + 0.24 * legend_rows if scene.legend else 0) + 0.3
    legend_w = max([0.0, *(_text_width(k.label, 9) + 0.7 for k in scene.legend)])
    columns = 2 if len(scene.legend) > 4 else 1
    width_in = max(width_in, columns * legend_w + 0.6, _text_width(scene.title, 15) + 0.6)
    height_in = top_of_bands + head_h + 0.2

    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig = plt.figure(figsize=(width_in, height_in))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width_in)
        ax.set_ylim(0, height_in)
        ax.axis("off")
        placed = {b.node.id: b for rows in band_rows for row in rows for b in row}
        for i, ((lo, hi), r) in enumerate(zip(bands, scene.ranks, strict=True)):
            ax.add_patch(Rectangle((0.1, lo), width_in - 0.2, hi - lo, facecolor=("#F4F6F8", "#FBFBFB")[i % 2],
                                   edgecolor="#D0D4D8", linewidth=0.8, zorder=0))
            ax.text(0.22, hi - 0.08, r.label, ha="left", va="top", fontsize=11,
                    color="#333333", zorder=1, **font)
        for b in placed.values():
            n = b.node
            face = {"event": "#FFF7E0", "level": "#EEEEEE"}.get(n.kind, "white")
            edge = "#222222" if n.emphasis or n.kind == "event" else "#777777"
            rounded = "round,pad=0,rounding_size=0.08" if n.kind != "body" else "square,pad=0"
            ax.add_patch(FancyBboxPatch((b.x - b.w / 2, b.y - b.h / 2), b.w, b.h, boxstyle=rounded,
                                        facecolor=face, edgecolor=edge, linewidth=1.6 if n.emphasis else 0.9,
                                        zorder=3))
            ty = b.y + b.h / 2 - 0.12
            for line in b.lines:
                ax.text(b.x, ty, line, ha="center", va="top", fontsize=10.5, zorder=4, **font)
                ty -= 0.2
            for line in b.sub:
                ax.text(b.x, ty, line, ha="center", va="top", fontsize=8.5, color="#555555", zorder=4, **font)
                ty -= 0.16
            for m in n.marks:
                ax.add_patch(Rectangle((b.x - b.w / 2 + 0.06, ty - 0.19), b.w - 0.12, 0.18, facecolor=m.color,
                                       edgecolor="none", zorder=4))
                ax.text(b.x, ty - 0.1, m.label, ha="center", va="center", fontsize=8.5, color="white", zorder=5,
                        **font)
                ty -= 0.2
        seen: dict[tuple[str, str], int] = {}
        for e in scene.edges:
            if e.tail not in placed or e.head not in placed:
                continue
            a, c = placed[e.tail], placed[e.head]
            pair = (min(e.tail, e.head), max(e.tail, e.head))
            nth = seen.get(pair, 0)
            seen[pair] = nth + 1
            # arc3 bows by rad × the chord: keep the bow under a few tenths of an inch, inside the band.
            if abs(a.y - c.y) < 1e-6:  # same row: from the bottom of one to the bottom of the other
                p0, p1 = (a.x, a.y - a.h / 2), (c.x, c.y - c.h / 2)
                chord = max(abs(c.x - a.x), 0.1)
                rad = min(0.25 * chord, 0.22 + 0.05 * nth) / chord * (1 if c.x > a.x else -1)
            else:
                up = c.y > a.y
                p0 = (a.x, a.y + (a.h / 2 if up else -a.h / 2))
                p1 = (c.x, c.y - (c.h / 2 if up else -c.h / 2))
                chord = max(((p1[0] - p0[0]) ** 2 + (p1[1] - p0[1]) ** 2) ** 0.5, 0.1)
                rad = min(0.08 * chord, 0.3 + 0.1 * nth) / chord
            arrow = FancyArrowPatch(p0, p1, connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>",
                                    mutation_scale=10 + 2 * e.width, color=e.color, linewidth=e.width,
                                    linestyle=_LINESTYLES[e.style], shrinkA=1, shrinkB=1, alpha=0.9, zorder=2,
                                    clip_on=False)
            ax.add_patch(arrow)
            if e.label:
                mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
                ax.text(mx, my, e.label, ha="center", va="center", fontsize=8, color=e.color, zorder=6,
                        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.0}, **font)
        # Title, notes, legend.
        ty = height_in - 0.2
        for text, size, colour in head:
            ax.text(width_in / 2, ty, text, ha="center", va="top", fontsize=size, color=colour, **font)
            ty -= 0.35
        if scene.legend:
            if scene.legend_title:
                ax.text(width_in / 2 - columns * legend_w / 2, ty - 0.05, scene.legend_title, ha="left", va="top",
                        fontsize=10, **font)
            ty -= 0.3
            for i, k in enumerate(scene.legend):
                col, line_no = (i % columns, i // columns)
                x0 = width_in / 2 - columns * legend_w / 2 + col * legend_w
                yy = ty - line_no * 0.24 - 0.08
                if k.kind == "mark":
                    ax.add_patch(Rectangle((x0, yy - 0.07), 0.45, 0.14, facecolor=k.color, edgecolor="none"))
                elif k.kind == "edge":
                    ax.add_patch(FancyArrowPatch((x0, yy), (x0 + 0.5, yy), arrowstyle="-|>", mutation_scale=10,
                                                 color=k.color, linewidth=1.4, linestyle=_LINESTYLES[k.style],
                                                 clip_on=False))
                ax.text(x0 + 0.6, yy, k.label, ha="left", va="center", fontsize=9, **font)
        buf = io.BytesIO()
        with warnings.catch_warnings():
            # Without a CJK font matplotlib warns once per missing glyph; FontWarning said it once.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
            fig.savefig(buf, format=fmt, dpi=dpi, facecolor="white")
        plt.close(fig)
    return buf.getvalue()


def draw_png(g: Graph, path: str | Path, *, title: str | None = None, dpi: int = 130,
             layout: Layout = "auto") -> Path:
    """Draw the role graph (or part of it) ``g`` to a PNG file at ``path`` and return the path.

    ``title`` defaults to the area's Chinese name when ``g`` was selected by area; ``layout``
    is ``"dot"`` (Graphviz), ``"matplotlib"`` or ``"auto"`` (dot where installed).
    """
    from ._draw import chain_scene
    from ._graph import the_chain
    from ._scene import Picture, _write_atomic, pick_layout

    the_chain(g, "draw_png")
    scene = chain_scene(g, title=title)
    chosen = pick_layout(layout)
    out = Path(path)
    if chosen == "matplotlib":
        _write_atomic(out, render_scene(scene, "png", dpi=dpi))
        return out
    return Picture(scene, chosen).save(out)
