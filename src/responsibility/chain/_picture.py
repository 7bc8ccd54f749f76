"""A PNG picture of the role graph (or part of it) that a person can read.

Levels are rows, the province at the top and the village at the bottom; each body is a
box with its Chinese name; arrows are coloured and styled by relation type (as in the
text exports) and a legend names each type in Chinese and English. Within a row the
boxes are ordered to keep arrows short (a few sweeps of the barycentre heuristic).

Chinese labels need a CJK font: :func:`find_cjk_font` looks for one that matplotlib
knows (``scripts/setup.sh`` installs Debian's ``fonts-wqy-microhei`` when none is
present). Without one the picture is still drawn, and a :class:`FontWarning` says that
its labels will show as boxes and what to install.

matplotlib is imported only when a picture is drawn; without it
:class:`PlotUnavailable` asks for ``responsibility[plot]``.

Not checked here: how the picture looks; the tests check that a PNG is written and a
person checks the picture.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import FontWarning, PlotUnavailable
from ._export import rows, type_styles

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


def _matplotlib() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotUnavailable(
            "drawing a PNG needs matplotlib, which is not installed: "
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


def _order_rows(g: Graph) -> list[tuple[str, list[str]]]:
    """Rows with nodes ordered to keep arrows short: sweeps of the barycentre heuristic.

    Each sweep orders a row by the mean position of its neighbours in the row just
    before it (upwards, then downwards), so a department lines up with its counterpart.
    """
    layout = [(lv, list(ns)) for lv, ns in rows(g)]
    neighbours = {n: set(g.predecessors(n)) | set(g.successors(n)) for n in g}

    def positions(ns: list[str]) -> dict[str, float]:
        return {n: i - (len(ns) - 1) / 2 for i, n in enumerate(ns)}

    def reorder(ns: list[str], ref: list[str]) -> None:
        pos, own = positions(ref), positions(ns)

        def key(n: str) -> tuple[float, float]:
            near = [pos[m] for m in neighbours[n] if m in pos]
            return (sum(near) / len(near) if near else own[n], own[n])

        ns.sort(key=key)

    for _ in range(4):
        for i in range(1, len(layout)):
            reorder(layout[i][1], layout[i - 1][1])
        for i in range(len(layout) - 2, -1, -1):
            reorder(layout[i][1], layout[i + 1][1])
    return layout


def _wrap(label: str, width: int = 8) -> str:
    """Break a long name in two, after a closing bracket when there is one (县（市、区）/民政局)."""
    if "\n" in label or len(label) <= width:
        return label
    cut = label.find("）") + 1
    if not 2 <= cut <= len(label) - 2:
        cut = (len(label) + 1) // 2
    return label[:cut] + "\n" + label[cut:]


def draw_png(g: Graph, path: str | Path, *, title: str | None = None, dpi: int = 150) -> Path:
    """Draw ``g`` to a PNG file at ``path`` and return the path.

    ``title`` defaults to the area's Chinese name when ``g`` was selected by area.
    """
    plt = _matplotlib()
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    family = find_cjk_font()
    if family is None:
        warnings.warn(
            "no CJK font found (looked for " + ", ".join(CJK_FAMILIES[:4]) + " …): the Chinese "
            "labels will show as boxes; install fonts-wqy-microhei (Debian) or a Noto Sans CJK font",
            FontWarning,
            stacklevel=2,
        )
    font = {"family": family} if family else {}
    layout = _order_rows(g)
    widest = max((len(ns) for _, ns in layout), default=1)
    box_w, box_h, gap_x, gap_y = 1.7, 0.62, 0.35, 1.55
    width = widest * (box_w + gap_x) + 2.6
    height = len(layout) * gap_y + 1.6
    fig, ax = plt.subplots(figsize=(max(9.0, width * 0.95), max(4.5, height * 0.95)))
    ax.set_xlim(-1.6 - widest * (box_w + gap_x) / 2, widest * (box_w + gap_x) / 2 + 1.0)
    ax.set_ylim(-gap_y / 2 - 0.1, (len(layout) - 0.5) * gap_y + 0.1)
    ax.axis("off")
    level_names = g.graph.get("level_names", {})
    centres: dict[str, tuple[float, float]] = {}
    left = -widest * (box_w + gap_x) / 2
    for row, (lv, ns) in enumerate(layout):
        y = row * gap_y
        ax.axhspan(
            y - gap_y / 2 + 0.08, y + gap_y / 2 - 0.08, color="#F3F3F3" if row % 2 else "#FAFAFA", zorder=0
        )
        ax.text(
            left - 0.25,
            y,
            level_names.get(lv, lv),
            ha="right",
            va="center",
            fontsize=12,
            color="#333333",
            **font,
        )
        for i, n in enumerate(ns):
            x = (i - (len(ns) - 1) / 2) * (box_w + gap_x)
            centres[n] = (x, y)
            d = g.nodes[n]
            label = d["name"] if "place" not in d else f"{d['place']}\n{d['name']}"
            wrapped = _wrap(label)
            ax.add_patch(
                FancyBboxPatch(
                    (x - box_w / 2, y - box_h / 2),
                    box_w,
                    box_h,
                    boxstyle="round,pad=0.02,rounding_size=0.08",
                    facecolor="white",
                    edgecolor="#555555",
                    linewidth=1.0,
                    zorder=3,
                )
            )
            ax.text(
                x,
                y,
                wrapped,
                ha="center",
                va="center",
                fontsize=8.5 if len(label) > 8 else 9.5,
                zorder=4,
                **font,
            )
    styles = type_styles(g)
    seen: dict[tuple[str, str], int] = {}
    drawn: set[tuple[str, str, str]] = set()
    for u, v, d in g.edges(data=True):
        if u not in centres or v not in centres or (u, v, d["type"]) in drawn:
            continue  # one arrow per type between two bodies, whatever the areas
        drawn.add((u, v, d["type"]))
        pair = (min(u, v), max(u, v))
        nth = seen.get(pair, 0)
        seen[pair] = nth + 1
        (x0, y0), (x1, y1) = centres[u], centres[v]
        st = styles.get(d["type"], {"color": "#000000", "style": "solid"})
        if y0 == y1:  # within a row: from the bottom of one box to the bottom of the other, bowing down
            y0 = y1 = y0 - box_h / 2
            rad = (0.22 + 0.1 * nth) * (1 if x1 > x0 else -1)
            shrink = 2.0
        else:
            rad = 0.06 + 0.1 * nth
            shrink = 14.0
        arrow = FancyArrowPatch(
            (x0, y0),
            (x1, y1),
            connectionstyle=f"arc3,rad={rad}",
            arrowstyle="-|>",
            mutation_scale=11,
            color=st["color"],
            linewidth=1.1,
            linestyle={"solid": "-", "dashed": "--", "dotted": ":"}[st["style"]],
            shrinkA=shrink,
            shrinkB=shrink,
            alpha=0.85,
            zorder=2,
        )
        ax.add_patch(arrow)
    present = []
    for tid, st in styles.items():
        if any(d["type"] == tid for _, _, d in g.edges(data=True)):
            ls: Any = {"solid": "-", "dashed": "--", "dotted": ":"}[st["style"]]
            present.append(
                Line2D(
                    [0],
                    [0],
                    color=st["color"],
                    linestyle=ls,
                    linewidth=1.6,
                    label=f"{st['name']}  {st['en']}",
                )
            )
    if present:
        legend = ax.legend(
            handles=present,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=9,
            prop=dict(font, size=9),
        )
        legend.set_title("relation types", prop=dict(font, size=10))
    heading = title if title is not None else _heading(g)
    if heading:
        ax.set_title(heading, fontsize=14, **font)
    out = Path(path)
    from .._files import atomic_path

    try:
        with warnings.catch_warnings(), atomic_path(out) as tmp:
            # Without a CJK font matplotlib warns once per missing glyph; FontWarning said it once.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
            fig.savefig(tmp, dpi=dpi, bbox_inches="tight", format="png")
    finally:
        plt.close(fig)
    return out


def _heading(g: Graph) -> str:
    area = g.graph.get("area")
    if area is None:
        return ""
    return str(g.graph.get("area_names", {}).get(area, area))
