"""Pictures of chains and verdicts: both layouts, inline display, files, mechanical checks.

What a test can check of a picture: its size, that every label a reader needs is in the
SVG text, and that nothing lies outside the canvas (the PNG's border is blank, and for the
dot layout every coordinate of the SVG lies inside its view box). A person looks at the rest.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from responsibility import PlotUnavailable, Policy, ResponsibilityError, Verdict
from responsibility.chain import _scene
from responsibility.chain._graphviz import wrap
from responsibility.chain._scene import Picture, Scene, dot_available, pick_layout
from responsibility.policy._yaml import safe_load

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
PLACE = "330127100219"

LAYOUTS = [
    pytest.param("dot", marks=pytest.mark.skipif(not dot_available(), reason="Graphviz dot is not installed")),
    "matplotlib",
]

RECORD: dict[str, Any] = {
    "id": "2021-0042", "domain": "housing", "place": PLACE, "severity": "grave",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-25"}],
    "deadline": "2021-05-31", "as_of": "2021-06-30",
}


@pytest.fixture(scope="module")
def verdict(policy: Policy) -> Verdict:
    return policy.who_answers(RECORD, engine="compiled")


# ------------------------------------------------------------------------------- checks


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def png_border_is_blank(data: bytes, border: int = 2) -> bool:
    """Whether the outer ``border`` pixels of a PNG are all one colour (the background)."""
    import io

    from PIL import Image  # pillow comes with matplotlib

    img = Image.open(io.BytesIO(data)).convert("RGB")
    w, h = img.size
    strips = [(0, 0, w, border), (0, h - border, w, h), (0, 0, border, h), (w - border, 0, w, h)]
    colours: set[tuple[int, int, int]] = set()
    for box in strips:
        colours.update(c for _, c in img.crop(box).getcolors(maxcolors=w * h) or [])
    return len(colours) == 1


def svg_texts(svg: str) -> str:
    """All text of an SVG, one string per <text> element, joined by newlines."""
    root = ET.fromstring(svg.encode("utf-8"))
    return "\n".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("}text") or el.tag == "text")


def dot_svg_inside(svg: str) -> list[str]:
    """Coordinates of a dot SVG that fall outside its view box (with the graph's translation)."""
    root = ET.fromstring(svg.encode("utf-8"))
    x0, y0, w, h = (float(v) for v in root.attrib["viewBox"].split())
    g = next(el for el in root.iter() if el.attrib.get("id") == "graph0")
    tx, ty = (float(v) for v in re.search(r"translate\(([-\d.]+)[ ,]([-\d.]+)\)", g.attrib["transform"]).groups())
    bad = []
    for el in g.iter():
        pairs: list[tuple[float, float]] = []
        if "points" in el.attrib:
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.attrib["points"])]
            pairs += list(zip(nums[::2], nums[1::2], strict=False))
        if "d" in el.attrib:
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.attrib["d"])]
            pairs += list(zip(nums[::2], nums[1::2], strict=False))
        if el.tag.endswith("text"):
            pairs.append((float(el.attrib["x"]), float(el.attrib["y"])))
        for x, y in pairs:
            if not (x0 - 0.5 <= x + tx <= x0 + w + 0.5 and y0 - 0.5 <= y + ty <= y0 + h + 0.5):
                bad.append(f"{el.tag} at ({x + tx:.1f}, {y + ty:.1f}) outside {w:.0f}×{h:.0f}")
    return bad


def check_picture(pic: Picture, *, max_px: int = 6000) -> None:
    """Sizes, every label in the SVG text, nothing outside the canvas."""
    svg, png = pic.svg, pic.png
    width, height = png_size(png)
    assert 300 <= width <= max_px and 200 <= height <= max_px, (width, height)
    text = " ".join(svg_texts(svg).replace("\xa0", " ").split())
    for label in pic.scene.labels():
        for line in wrap(label, 16 if label in {n.subtitle for n in pic.scene.nodes} else 9):
            assert " ".join(line.split()) in text, f"{line!r} is not in the SVG text"
    assert png_border_is_blank(png), "something touches or crosses the edge of the PNG"
    if pic.layout == "dot":
        assert dot_svg_inside(svg) == []


# ------------------------------------------------------------------------------- chains


@pytest.mark.parametrize("layout", LAYOUTS)
def test_chain_picture_of_an_area_at_a_place(policy: Policy, layout: str) -> None:
    pic = policy.draw(area="housing", place=PLACE, layout=layout)  # type: ignore[arg-type]
    assert pic.layout == layout
    assert pic.scene.title == "富城村 330127100219 · 危房改造"
    assert {n.title for n in pic.scene.nodes} >= {"村委会", "乡镇（街道）", "县（市、区）建设部门"}
    assert any("淳安县" in r.label for r in pic.scene.ranks)
    check_picture(pic)


@pytest.mark.parametrize("layout", [LAYOUTS[0], pytest.param("matplotlib", marks=pytest.mark.slow)])
def test_chain_picture_of_a_whole_place_folds_wide_levels(policy: Policy, layout: str) -> None:
    pic = policy.draw(place=PLACE, layout=layout, lang="en")  # type: ignore[arg-type]
    assert "all areas" in pic.scene.title
    # Only the relations of no area: the picture stays readable, and at most a few thousand px wide.
    assert {e.tooltip.split()[0] for e in pic.scene.edges} <= {"领导", "上报"}
    check_picture(pic, max_px=5000)


def test_one_arrow_per_type_between_two_bodies(policy: Policy) -> None:
    scene = policy.draw().scene
    keys = [(e.tail, e.head, e.tooltip) for e in scene.edges]
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not dot_available(), reason="Graphviz dot is not installed")
def test_dot_arrowheads_are_solid_on_every_style(policy: Policy) -> None:
    from responsibility.chain._graphviz import to_dot

    scene = policy.draw(area="housing").scene
    assert {e.style for e in scene.edges} >= {"solid", "dashed", "dotted"}
    lines = [x for x in to_dot(scene).splitlines() if "->" in x and "invis" not in x]
    assert lines and all("arrowhead=normal" in x for x in lines)


def test_auto_falls_back_to_matplotlib_without_dot(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_scene.shutil, "which", lambda name: None)
    assert pick_layout("auto") == "matplotlib"
    pic = policy.draw(area="water")
    assert pic.layout == "matplotlib" and pic.png[:4] == b"\x89PNG"
    with pytest.raises(PlotUnavailable, match="graphviz"):
        policy.draw(area="water", layout="dot")


def test_unknown_layout_and_unknown_area_are_user_errors(policy: Policy) -> None:
    with pytest.raises(PlotUnavailable, match="unknown layout"):
        pick_layout("neato")  # type: ignore[arg-type]
    with pytest.raises(ResponsibilityError, match="did you mean 'housing'"):
        policy.draw(area="housng")


# ------------------------------------------------------------------------------- one verdict


@pytest.mark.parametrize("layout", LAYOUTS)
def test_verdict_picture_marks_every_finding(verdict: Verdict, layout: str) -> None:
    pic = verdict.draw(layout=layout)  # type: ignore[arg-type]
    check_picture(pic)
    text = svg_texts(pic.svg)
    # Every body concerned is there, once, at its level; each (body, basis) has its mark.
    bodies = {n.id: n for n in pic.scene.nodes if n.kind == "body"}
    assert {f.body for f in verdict.findings} <= set(bodies)
    for f in verdict.findings:
        node = bodies[f.body]
        assert node.rank == f.level
        assert any(m.label.startswith(("应发现未发现", "未及时交办上报", "整改不到位", "瞒报漏报", "指导督促不到位",
                                       "主体责任")) for m in node.marks)
    # The path: found through the hotline at the county, assigned to the township with its deadline.
    labels = [e.label for e in pic.scene.edges]
    assert any(lb.startswith("发现 2021-03-01") and "县（市、区）长热线" in lb for lb in labels)
    assert any(lb.startswith("交办 2021-03-25") and "2021-05-31" in lb for lb in labels)
    # The ranks name the real places; the legend is in Chinese.
    assert [r.label.split(" · ")[1] for r in pic.scene.ranks] == ["富城村 330127100219",
                                                                 "千岛湖镇 330127100", "淳安县 330127"]
    assert "应发现未发现 — 应由本级发现问题没有发现" in text.replace("\n", "")


def test_verdict_picture_in_english(verdict: Verdict) -> None:
    scene = verdict.draw("en").scene
    assert scene.title.startswith("Problem 2021-0042 · ")
    assert any(k.label.startswith("not discovered — ") for k in scene.legend)
    assert any(e.label.startswith("found 2021-03-01") for e in scene.edges)
    assert not any("发现" in k.label or "责任" in k.label for k in scene.legend)


def test_verdict_picture_displays_inline_and_saves(verdict: Verdict, tmp_path: Path) -> None:
    pic = verdict.draw()
    assert pic._repr_svg_().lstrip().startswith(("<?xml", "<svg"))
    assert pic._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pic.save(tmp_path / "v.png").read_bytes() == pic.png
    assert pic.save(tmp_path / "v.svg").read_text(encoding="utf-8") == pic.svg
    with pytest.raises(ResponsibilityError, match=r"\.png or \.svg"):
        pic.save(tmp_path / "v.jpg")
    assert not (tmp_path / "v.jpg").exists()
    assert "2021-0042" in repr(pic)


def test_a_verdict_with_no_findings_still_draws(policy: Policy) -> None:
    v = policy.who_answers({**RECORD, "handled": [], "deadline": None, "discovered": {
        "level": "village", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-03-02"}, engine="compiled")
    assert v.findings == ()
    pic = v.draw()
    assert pic.scene.notes[0] == "无责任认定" and pic.png[:4] == b"\x89PNG"


def test_who_picture_on_the_command_line(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "who.png"
    code, _, err = run_cli("who", str(EXAMPLE), "--picture", str(out), "--engine", "compiled")
    assert code == 0 and "wrote" in err
    assert png_size(out.read_bytes())[0] > 300
    code, _, err = run_cli("who", str(EXAMPLE), "--picture", str(tmp_path / "who.gif"))
    assert code == 2 and ".png or .svg" in err and "Traceback" not in err


def test_graph_command_writes_svg(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "water.svg"
    code, _, _ = run_cli("graph", "--area", "water", "--place", PLACE, "--format", "svg", "-o", str(out))
    assert code == 0 and "淳安县" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["svg", "dot"])
def test_graph_out_a_directory_is_refused_not_written_beside_it(run_cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 fmt: str) -> None:
    """review23b R23b-7: `graph -o rules --format svg` (a folder) wrote rules.svg beside it without a word."""
    folder = tmp_path / "rules"
    folder.mkdir()
    code, _, err = run_cli("graph", "--area", "water", "--format", fmt, "-o", str(folder))
    assert code == 2 and "is a directory" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules"] and not any(folder.iterdir())


def test_scene_labels_skip_empty_text() -> None:
    scene = Scene("t", (), ())
    assert scene.labels() == ["t"]


def test_example_record_reads(policy: Policy) -> None:
    record = safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert policy.who_answers(record, engine="compiled").draw().scene.nodes
