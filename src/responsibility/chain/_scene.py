"""Pictures as plain data, and the :class:`Picture` that draws one.

A :class:`Scene` is what a picture shows, with no drawing in it: ranks (the levels,
lowest first, each labelled with its level and place), boxes on them (a body's name,
its place, coloured marks), arrows between boxes (colour, line style, label) and a
legend. Chain pictures and verdict pictures are both scenes; the code that knows about
policies and verdicts makes the scene, the code here only draws it.

Two layouts draw a scene:

* ``"dot"``: Graphviz ``dot`` (layered, levels as ranks, edges routed around boxes),
  used when the ``dot`` program and the Python binding ``graphviz`` (extra
  ``responsibility[graphviz]``) are both present;
* ``"matplotlib"``: the fallback drawing (extra ``responsibility[plot]``), rows of boxes.

``layout="auto"`` picks ``dot`` when it can, else matplotlib. A :class:`Picture`
displays itself in Jupyter (``_repr_svg_``, ``_repr_png_``) and saves to ``.svg`` or
``.png``.

Not checked here: how a picture looks; the tests check sizes, that every label is in
the SVG text and that nothing lies outside the canvas, and a person looks at them.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .._errors import PlotUnavailable

Layout = Literal["auto", "dot", "matplotlib"]
LineStyle = Literal["solid", "dashed", "dotted"]


@dataclass(frozen=True)
class Mark:
    """A coloured mark on a box (a finding: its basis and liabilities)."""

    label: str
    color: str


@dataclass(frozen=True)
class Node:
    """A box on a rank: a title (a body's name), a subtitle (its place), marks.

    ``kind`` is ``"body"`` (a box), ``"event"`` (the problem itself, a rounded note) or
    ``"level"`` (a level as a whole, when a step names a level and no body).
    """

    id: str
    rank: str
    title: str
    subtitle: str = ""
    marks: tuple[Mark, ...] = ()
    kind: Literal["body", "event", "level"] = "body"
    tooltip: str = ""
    emphasis: bool = False


@dataclass(frozen=True)
class Edge:
    """An arrow from ``tail`` to ``head``."""

    tail: str
    head: str
    label: str = ""
    color: str = "#555555"
    style: LineStyle = "solid"
    width: float = 1.0
    tooltip: str = ""


@dataclass(frozen=True)
class Rank:
    """A level of the picture: its id and the label drawn beside it (level and place)."""

    id: str
    label: str


@dataclass(frozen=True)
class Key:
    """A legend entry: an arrow style (``kind="edge"``) or a mark colour (``kind="mark"``)."""

    label: str
    color: str
    kind: Literal["edge", "mark", "text"] = "edge"
    style: LineStyle = "solid"


@dataclass(frozen=True)
class Scene:
    """What a picture shows. ``ranks`` run from the lowest level up; every node's ``rank``
    is one of their ids."""

    title: str
    ranks: tuple[Rank, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...] = ()
    legend: tuple[Key, ...] = ()
    legend_title: str = ""
    notes: tuple[str, ...] = ()
    lang: str = "zh"

    def labels(self) -> list[str]:
        """Every text a reader must find in the picture: titles, subtitles, marks, rank labels."""
        out = [self.title, *self.notes]
        out += [r.label for r in self.ranks]
        for n in self.nodes:
            out += [n.title, n.subtitle, *(m.label for m in n.marks)]
        out += [e.label for e in self.edges]
        out += [k.label for k in self.legend]
        return [x for x in out if x]


def dot_available() -> bool:
    """Whether the ``dot`` layout can run: the ``dot`` program and the ``graphviz`` binding."""
    if shutil.which("dot") is None:
        return False
    try:
        import graphviz  # noqa: F401
    except ImportError:
        return False
    return True


def pick_layout(layout: Layout = "auto") -> Literal["dot", "matplotlib"]:
    """The layout that will draw: ``dot`` when asked for or available, else ``matplotlib``."""
    if layout == "auto":
        return "dot" if dot_available() else "matplotlib"
    if layout == "dot" and not dot_available():
        raise PlotUnavailable(
            "the dot layout needs Graphviz: the `dot` program (Debian: apt-get install graphviz) and "
            "the Python binding (pip install 'responsibility[graphviz]'); or use layout='matplotlib'"
        )
    if layout not in ("dot", "matplotlib"):
        raise PlotUnavailable(f"unknown layout {layout!r}: use 'auto', 'dot' or 'matplotlib'")
    return layout


@dataclass(eq=False)
class Picture:
    """A drawn :class:`Scene`: shows itself inline in Jupyter and saves as SVG or PNG.

    >>> import responsibility
    >>> pic = responsibility.load().draw(area="housing")
    >>> pic.svg.startswith("<?xml") or pic.svg.startswith("<svg")
    True
    """

    scene: Scene
    layout: Literal["dot", "matplotlib"]
    _svg: str | None = field(default=None, repr=False)
    _png: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, scene: Scene, layout: Layout = "auto") -> Picture:
        """Draw ``scene`` with ``layout`` (``"auto"``: dot where it runs, else matplotlib)."""
        return cls(scene, pick_layout(layout))

    @property
    def svg(self) -> str:
        """The picture as SVG text (labels kept as text, so they can be searched)."""
        if self._svg is None:
            self._svg = self._render("svg").decode("utf-8")
        return self._svg

    @property
    def png(self) -> bytes:
        """The picture as PNG bytes."""
        if self._png is None:
            self._png = self._render("png")
        return self._png

    def _render(self, fmt: Literal["svg", "png"]) -> bytes:
        if self.layout == "dot":
            from ._graphviz import render

            return render(self.scene, fmt)
        from ._picture import render_scene

        return render_scene(self.scene, fmt)

    def save(self, path: str | Path) -> Path:
        """Write the picture to ``path``: ``.svg`` or ``.png`` (by its suffix); returns the path."""
        import os

        from .._errors import ResponsibilityError

        if not isinstance(path, str | os.PathLike):  # (was os.fspath's "expected str, bytes or os.PathLike")
            raise TypeError(f"save() writes a file: give its path (chain.png or chain.svg), not {type(path).__name__}")
        out = Path(path)
        suffix = out.suffix.lower()
        if suffix not in (".svg", ".png"):
            raise ResponsibilityError(f"cannot save a picture as {out.name!r}: give a .png or .svg file name")
        data = self.svg.encode("utf-8") if suffix == ".svg" else self.png
        _write_atomic(out, data)
        return out

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        bodies = sum(1 for n in self.scene.nodes if n.kind == "body")
        return f"<Picture {self.scene.title!r}: {bodies} bodies, {len(self.scene.edges)} arrows, {self.layout}>"


def _write_atomic(path: Path, data: bytes, inputs: tuple[str | Path, ...] = (), *, what: str = "picture") -> None:
    """Write ``data`` to ``path`` atomically, never over one of ``inputs`` (see ``_files``)."""
    from .._files import atomic_binary

    with atomic_binary(path, inputs, what=what) as fh:
        fh.write(data)
