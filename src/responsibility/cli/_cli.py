"""The ``responsibility`` command.

Exit codes, for every command: 0 fine, 1 findings (validation issues, answers that
changed, records rejected), 2 unusable input (unreadable files, bad arguments).
A user mistake never prints a traceback: every :class:`ResponsibilityError` becomes
one line on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Literal

import click

from .._errors import Issue, ResponsibilityError, RulesError
from ..engine._verdict import Lang
from ..policy._view import PolicyView

#: Issue codes that mean the input could not be read at all (exit 2, not 1).
UNREADABLE = frozenset({"yaml_syntax", "encoding", "unreadable", "missing_dir", "missing_file", "empty_file",
                        "duplicate_key"})


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulesError as exc:
            for issue in exc.issues:
                click.echo(f"error: {issue}", err=True)
            ctx.exit(2)
        except ResponsibilityError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="responsibility")
def cli() -> None:
    """Who answers for a problem in poverty-alleviation work (浙扶贫〔2020〕1号)?"""


def _engine(name: str | None) -> Literal["durable", "compiled"] | None:
    """The engine name click has already restricted to the two choices."""
    return "durable" if name == "durable" else "compiled" if name == "compiled" else None


def load_policy(path: str | Path | None) -> PolicyView:
    """The validated policy at ``path`` (default: the shipped rules), as :func:`responsibility.load` reads it."""
    from ..chain._checks import load_checked

    return load_checked(path, cls=PolicyView)


def _rules_dir(path: str | None) -> Path:
    from ..policy._loader import default_rules_dir

    return Path(path) if path else default_rules_dir()


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(directory: str | None, fmt: str) -> None:
    """Check a policy directory (default: the shipped rules) and report every problem.

    Exit 0 when sound, 1 when there are findings, 2 when the input cannot be read.
    """
    from ..chain._checks import validate_dir as run

    root = _rules_dir(directory)
    issues: list[Issue] = run(root)
    if not issues:

        policy = load_policy(root)
        summary = (f"{root}: OK — {len(policy.bodies)} bodies, {len(policy.duties)} duties, "
                   f"{len(policy.kinds)} problem kinds, {len(policy.clauses)} clauses")
        if fmt == "json":
            click.echo(json.dumps({"ok": True, "issues": []}))
        else:
            click.echo(summary)
        return
    if fmt == "json":
        click.echo(json.dumps({"ok": False, "issues": [
            {"file": i.file, "line": i.line, "column": i.column, "code": i.code, "message": i.message,
             "hint": i.hint} for i in issues]}, ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            click.echo(f"{issue} [{issue.code}]")
        click.echo(f"{len(issues)} problem(s) in {root}", err=True)
    sys.exit(2 if any(i.code in UNREADABLE for i in issues) else 1)


@cli.command()
@click.option("--check", is_flag=True, help="Fail if the committed schemas differ from the models.")
@click.option("--out", type=click.Path(file_okay=False), default="schemas", show_default=True)
def schemas(check: bool, out: str) -> None:
    """Write the JSON Schemas of the policy files (and problem records) to OUT."""
    from ..checks._schemas import write_schemas

    changed = write_schemas(Path(out), check=check)
    if check and changed:
        click.echo("schemas out of date: " + ", ".join(changed) + " (run `responsibility schemas`)", err=True)
        sys.exit(1)
    click.echo(f"{'checked' if check else 'wrote'} schemas in {out}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising ``SystemExit``."""
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of raising it.
        code = cli.main(args=argv, prog_name="responsibility", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 2
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2


def _read_records(path: str) -> list[Any]:
    """Problem records from a YAML/JSON file or ``-`` (stdin): one object or a list of them."""
    import yaml

    from .._errors import ProblemError
    from ..policy._yaml import safe_load

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError("(file)", f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ProblemError("(file)", f"{path} is not UTF-8 text") from None
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise ProblemError("(file)", f"{where}: not valid YAML/JSON ({getattr(exc, 'problem', exc)})") from None
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise ProblemError("(file)", f"{path} must hold a problem object or a list of them")


@cli.command()
@click.argument("file", type=str)
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--jurisdiction", type=click.Path(dir_okay=False), help="CSV of places (default: shipped example).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--engine", type=click.Choice(["durable", "compiled"]), default=None,
              help="Rule engine (default: durable-rules where it runs, else compiled).")
@click.option("--explain", is_flag=True, help="Print the chain of reasoning after the answer.")
@click.option("--check", is_flag=True, help="Exit 1 when any problem has failure findings.")
def who(file: str, rules_dir: str | None, jurisdiction: str | None, fmt: str, lang: str, engine: str | None,
        explain: bool, check: bool) -> None:
    """Who answers for the problem(s) in FILE (YAML or JSON; - reads stdin)?"""
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._decide import who_answers

    records = _read_records(file)
    policy = load_policy(rules_dir)
    j = Jurisdiction.from_csv(jurisdiction) if jurisdiction else Jurisdiction.example()
    language: Lang = "en" if lang == "en" else "zh"
    verdicts = [who_answers(policy, r, jurisdiction=j, engine=_engine(engine)) for r in records]
    if fmt == "json":
        out = [v.to_dict(language) for v in verdicts]
        click.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
    else:
        from ._render_table import print_verdicts

        print_verdicts(verdicts, language)
    if explain:
        for v in verdicts:
            click.echo(v.explain(language))
    if check and any(v.failures for v in verdicts):
        sys.exit(1)


@cli.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--engine", type=click.Choice(["durable", "compiled"]), default=None)
@click.option("--coverage", "show_coverage", is_flag=True,
              help="Report the duties, problem kinds and accountability rules the scenarios exercise.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None,
              help="With --coverage: exit 1 when coverage is below this percentage.")
def test_cmd(paths: tuple[str, ...], rules_dir: str | None, engine: str | None, show_coverage: bool,
             threshold: float | None) -> None:
    """Run the scenario files (*.scenarios.yaml) under PATHS against the policy.

    Exit 0 when every scenario passes (and coverage reaches --threshold), 1 otherwise.
    """
    from ..checks._scenarios import coverage, run_paths

    policy = load_policy(rules_dir)
    outcomes = list(run_paths(paths or ["."], policy, engine=_engine(engine)))
    failed = [o for o in outcomes if not o.passed]
    for o in failed:
        click.echo(o.report())
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    below = False
    if show_coverage or threshold is not None:
        cov = coverage(outcomes, policy)
        click.echo(cov.report())
        if threshold is not None and cov.percent < threshold:
            click.echo(f"coverage {cov.percent:.1f}% is below the threshold {threshold:.1f}%", err=True)
            below = True
    if failed or below:
        sys.exit(1)
from . import _graph  # noqa: E402,F401


def _policy_at_revision(directory: Path, rev: str) -> Path:
    """Check out ``directory`` as it was at git revision ``rev`` into a temporary directory."""
    import subprocess
    import tarfile
    import tempfile

    from .._errors import RulesError

    directory = directory.resolve()
    try:
        top = subprocess.run(["git", "-C", str(directory), "rev-parse", "--show-toplevel"], check=True,
                             capture_output=True, text=True).stdout.strip()
        rel = directory.relative_to(Path(top).resolve())
        archive = subprocess.run(["git", "-C", top, "archive", "--format=tar", rev, "--", str(rel)], check=True,
                                 capture_output=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError, ValueError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        text = detail.decode(errors="replace").strip() if isinstance(detail, bytes) else str(detail)
        raise RulesError([Issue(str(directory), 0, 0, f"cannot read revision {rev!r}: {text or exc}",
                                "run inside a git checkout and name an existing revision", "unreadable")]) from None
    out = Path(tempfile.mkdtemp(prefix="responsibility-rev-"))
    import io

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(out, filter="data")
    return out / rel


@cli.command("diff")
@click.argument("old", type=click.Path(file_okay=False))
@click.argument("new", required=False, type=click.Path(file_okay=False))
@click.option("--against", "rev", help="Compare OLD with itself at this git revision (e.g. origin/main).")
@click.option("--scenarios", "scenario_paths", multiple=True, type=click.Path(),
              help="Scenario files or directories to compare too (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True)
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Compare the rules in force on this day (default: every period of either policy).")
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when any answer changed.")
def diff_cmd(old: str, new: str | None, rev: str | None, scenario_paths: tuple[str, ...], fmt: str,
             as_of: Any, fail_on_change: bool) -> None:
    """Compare two policy directories (or a directory with a git revision of itself).

    First the data changes (bodies, duties, parameters, clauses), then every problem shape
    whose answer changed, with an example problem and the findings that appeared or vanished.
    """
    from ..checks._diff import diff

    if (new is None) == (rev is None):
        raise click.UsageError("give NEW, or --against REV, but not both")
    if rev is not None:
        old_dir, new_dir = _policy_at_revision(Path(old), rev), Path(old)
    else:
        old_dir, new_dir = Path(old), Path(new or old)
    result = diff(load_policy(old_dir), load_policy(new_dir), scenarios=scenario_paths,
                  as_of=as_of.date() if as_of else None)
    if fmt == "json":
        click.echo(result.to_json())
    elif fmt == "markdown":
        click.echo(result.to_markdown())
    else:
        from ._render_table import print_diff

        print_diff(result)
    if fail_on_change and result.answers_changed:
        sys.exit(1)


from . import _assess, _serve  # noqa: E402,F401
