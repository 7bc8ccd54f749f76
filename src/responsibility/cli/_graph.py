"""The ``responsibility graph`` command: the role graph as DOT, Mermaid, GraphML or PNG.

Registered on the main command group when ``_cli`` is imported. A user mistake (an
unknown area, level or place, a PNG without ``--out``) is one line on stderr and exit 2.
"""

from __future__ import annotations

import click

from .._errors import ResponsibilityError
from ._cli import cli


@click.command("graph")
@click.option(
    "--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped)."
)
@click.option("--area", default=None, help="Keep one duty area's holders and relations (e.g. housing).")
@click.option("--level", "levels", multiple=True, help="Keep bodies of this level (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "graphml", "png"]),
    default="mermaid",
    show_default=True,
)
@click.option("--place", default=None, help="Draw the concrete chain above this place code instead.")
@click.option(
    "--jurisdiction",
    type=click.Path(dir_okay=False),
    help="CSV of places for --place (default: the example jurisdiction).",
)
@click.option("-o", "--out", type=str, help="Write to this file (required for png).")
def graph(
    rules_dir: str | None,
    area: str | None,
    levels: tuple[str, ...],
    fmt: str,
    place: str | None,
    jurisdiction: str | None,
    out: str | None,
) -> None:
    """Write the chain of bodies and relations (the role graph) as a diagram.

    Levels are rows, the village at the bottom. Text formats go to stdout unless --out
    is given; a PNG needs --out and matplotlib (responsibility[plot]).
    """
    from ..chain._export import FORMATS
    from ..chain._graph import chain_of, subchain
    from ._cli import load_policy

    if fmt == "png" and out is None:
        raise ResponsibilityError("a PNG needs a file: give --out FILE.png")
    if out is not None:
        from .._files import check_target

        check_target(out, [jurisdiction])  # before any work: a directory, a missing folder, an input
    policy = load_policy(rules_dir)
    if place is not None:
        from ..chain._jurisdiction import Jurisdiction
        from ..chain._placement import PlacedChain

        where = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
        chosen = PlacedChain(policy, where).subgraph(place, area)
        if levels:
            keep = set(levels)
            unknown = keep - set(chosen.graph["levels"])
            if unknown:
                subchain(chain_of(policy), levels=sorted(unknown))  # raises, naming the valid levels
            chosen = chosen.subgraph([n for n, d in chosen.nodes(data=True) if d["level"] in keep]).copy()
    else:
        chosen = subchain(chain_of(policy), area=area, levels=levels or None)
    if fmt == "png":
        from ..chain._picture import draw_png

        assert out is not None
        draw_png(chosen, out)  # written atomically
        click.echo(f"wrote {out}", err=True)
        return
    text = FORMATS[fmt](chosen)
    if out is None:
        from .._files import write_stdout

        write_stdout(text)
    else:
        from .._files import write_text

        write_text(out, text, [jurisdiction])
        click.echo(f"wrote {out}", err=True)


cli.add_command(graph)
