"""The ``responsibility graph`` command: the role graph as DOT, Mermaid, GraphML, PNG or SVG.

Registered on the main command group when ``_cli`` is imported. A user mistake (an
unknown area, level or place, a picture without ``--out``) is one line on stderr and exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import click

from .._errors import ResponsibilityError
from ._cli import LangChoice, cli, file_named

#: The file names a text diagram may be written to (a Mermaid diagram may sit in Markdown; DOT and GraphML not).
_TEXT_SUFFIXES = {"dot": (".dot", ".gv", ".txt"), "mermaid": (".mmd", ".mermaid", ".md", ".txt"),
                  "graphml": (".graphml", ".xml")}


def _a_diagram(path: Path) -> bool:
    """Whether ``path`` holds a Mermaid diagram as this command writes it (its front matter or a flowchart first)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            head = f.read(200).lstrip()
    except OSError:
        return False
    return head.startswith(("---\ntitle:", "flowchart", "graph "))


@click.command("graph")
@click.option(
    "--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped)."
)
@click.option("--area", default=None, help="Keep one duty area's holders and relations (e.g. housing).")
@click.option("--level", "levels", multiple=True, help="Keep bodies of this level (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "graphml", "png", "svg"]),
    default="mermaid",
    show_default=True,
)
@click.option("--place", default=None, help="Draw the concrete chain above this place code instead.")
@click.option(
    "--jurisdiction",
    type=click.Path(dir_okay=False),
    help="CSV of places for --place (default: the example jurisdiction).",
)
@click.option("-o", "--out", type=str, callback=file_named, help="Write to this file (required for png and svg).")
@click.option("--lang", type=LangChoice(), default="zh", show_default=True,
              help="Language of a picture's labels.")
def graph(
    rules_dir: str | None,
    area: str | None,
    levels: tuple[str, ...],
    fmt: str,
    place: str | None,
    jurisdiction: str | None,
    out: str | None,
    lang: str,
) -> None:
    """Write the chain of bodies and relations (the role graph) as a diagram.

    Levels are rows, the village at the bottom. Text formats go to stdout unless --out
    is given; a picture (png, svg) needs --out and is laid out by Graphviz dot where it is
    installed, else drawn by matplotlib (responsibility[plot]). A picture without --area
    shows only the relations that belong to no area (who leads whom, reporting lines).
    """
    from ..chain._draw import structural
    from ..chain._export import FORMATS, mermaid_over_limits
    from ..chain._graph import chain_of, subchain
    from ._cli import load_policy, named

    picture = fmt in ("png", "svg")
    if picture and out is None:
        raise ResponsibilityError(f"a picture needs a file: give --out FILE.{fmt}")
    target: Path | None = None
    if out is not None:
        from .._files import check_target, names_no_file

        target = Path(out)
        if out.endswith(("/", os.sep)) and not target.is_dir():
            check_target(out)  # (a directory's name, which Path() drops the / of: says so)
        if target.is_dir():  # (not `rules.svg` beside a folder `rules`, written without a word: review23b R23b-7)
            raise ResponsibilityError(f"--out {out} is a directory; give a file name, e.g. --out "
                                      f"{target / ('chain.' + fmt)}")
        if names_no_file(target):
            # a device, a FIFO, /dev/stdout: checked as named (refused; /dev/null written in place), never given the
            # extension — `-o /dev/full` wrote a stray /dev/full.svg and exit 0
            check_target(target, [jurisdiction, rules_dir])
        elif picture and not target.suffix:
            target = target.with_suffix(f".{fmt}")
        elif picture and target.suffix.lower() != f".{fmt}":  # never a file the user did not name
            raise ResponsibilityError(f"--out {out}: a {fmt} picture goes to a .{fmt} file; give --out "
                                      f"{target.with_suffix('.' + fmt)} (or --format {target.suffix[1:].lower()})"
                                      if target.suffix.lower() in (".png", ".svg") else
                                      f"--out {out}: a {fmt} picture goes to a .{fmt} file; give --out "
                                      f"{target.with_suffix('.' + fmt)}")
        check_target(target, [jurisdiction, rules_dir])  # before any work: a directory, a missing folder, an input
        kept = _TEXT_SUFFIXES.get(fmt)
        if kept and target.suffix and target.suffix.lower() not in kept:  # -o README.md for DOT: surely a slip
            raise ResponsibilityError(f"--out {out}: a {fmt} diagram goes to a {', '.join(kept)} file, not "
                                      f"{target.suffix}; give --out {target.with_suffix(kept[0])}")
        if target.suffix.lower() == ".md" and target.is_file() and not _a_diagram(target):
            # Markdown may hold a Mermaid diagram, but one written over notes loses them (review20c C20-6)
            raise ResponsibilityError(f"--out {out}: {target.name} holds text that is not a diagram this command "
                                      f"wrote; give a new file, e.g. --out {target.with_suffix('.mmd')}")
    policy = load_policy(rules_dir)
    area = named(policy, "area", area, "--area") if area is not None else None
    levels = tuple(named(policy, "level", lv, "--level") for lv in levels)
    where = None
    if place is not None:
        import unicodedata

        from ..chain._jurisdiction import Jurisdiction

        place = unicodedata.normalize("NFKC", place).strip()  # full-width digits, as a record's place is read
        from ..chain._placement import PlacedChain

        where = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
        from ..engine._problem import place_name_hint

        if (hint := place_name_hint(where, place)) is not None and not place.strip().isdigit():
            raise click.BadParameter(hint, param_hint="--place")
        from .._errors import JurisdictionError

        placed = PlacedChain(policy, where)
        try:
            chosen = placed.subgraph(place, area)
        except JurisdictionError as exc:  # the option's value: said as the option's, as --area's and --level's are
            # ("error: division code '999' has 3 digits" named no option, and "load the jurisdiction" no way to)
            said = str(exc).replace("load the jurisdiction that contains it",
                                    "give the jurisdiction that contains it with --jurisdiction FILE")
            raise click.BadParameter(said, param_hint="--place") from None
        if placed.community(place):  # no 村委会 nor 村党支部 there: say why the chain starts at the 街道
            here = where.place(place)
            street = where.place(here.code[:9] + "000")
            click.echo(f"note: {here.name} ({here.code}) is an urban community (社区): it has no village body, and its "
                       f"problems are answered at its 乡镇（街道） {street.name} ({street.code}), by "
                       "residents_committee_place=township (rules/parameters.yaml; docs/records.md)", err=True)
        if levels:
            keep = set(levels)
            unknown = keep - set(chosen.graph["levels"])
            if unknown:
                subchain(chain_of(policy), levels=sorted(unknown))  # raises, naming the valid levels
            chosen = chosen.subgraph([n for n, d in chosen.nodes(data=True) if d["level"] in keep]).copy()
    else:
        chosen = subchain(chain_of(policy), area=area, levels=levels or None)
    if picture:
        from ..chain._draw import draw_chain, policy_picture

        assert target is not None
        language: Literal["zh", "en"] = "en" if lang == "en" else "zh"
        if levels:
            pic = draw_chain(chosen if area is not None else structural(chosen), lang=language)
        else:
            pic = policy_picture(policy, area=area, place=place, jurisdiction=where, lang=language)
        from .._files import is_devnull

        if is_devnull(target):  # drawn and thrown away (a timing run), not refused for a name without .svg
            _ = pic.svg if fmt == "svg" else pic.png
        else:
            pic.save(target)  # written atomically
        click.echo(f"wrote {target}", err=True)
        return
    text = FORMATS[fmt](chosen)
    if fmt == "mermaid" and (over := mermaid_over_limits(text)):
        advice = ("draw one duty area with --area AREA (" + ", ".join(sorted(policy.areas)) + ")" if area is None
                  else "keep fewer levels with --level, or draw the chain above one place with --place")
        click.echo(f"warning: this diagram has {' and '.join(over)}, over Mermaid's default limits, so most "
                   f"viewers will not render it; {advice}", err=True)
    if target is None:
        from .._files import write_stdout

        write_stdout(text)
    else:
        from .._files import write_text

        write_text(target, text, [jurisdiction, rules_dir])
        click.echo(f"wrote {target}", err=True)


cli.add_command(graph)
