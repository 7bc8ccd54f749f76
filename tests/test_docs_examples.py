"""The README's quick tour and the examples of docs/ run as written, and their tables name what exists.

A newcomer copies these lines; a doc that drifts from the code fails here. docs/records.md has its
own checks (test_records_doc.py), the README's ledger day test_ledger_cli.py, the tour notebook
test_notebook.py and the CI recipe test_ci_recipe.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def block(text: str, marker: str, lang: str) -> str:
    """The fenced block of ``lang`` that follows ``<!-- marker -->``."""
    m = re.search(rf"<!-- {re.escape(marker)} -->\s*```{lang}\n(.*?)```", text, re.S)
    assert m, f"no block <!-- {marker} --> in the doc"
    return m.group(1)


def section(text: str, heading: str) -> str:
    return text.split(heading + "\n", 1)[1].split("\n#", 1)[0]


def run_lines(run_cli: Any, text: str) -> list[tuple[str, str, str]]:
    """Run each `responsibility …` line of a shell block in-process; `# exit N` gives its status."""
    ran = []
    for line in text.strip().splitlines():
        command, _, comment = line.partition("  #")
        args = [a.replace("examples/", f"{ROOT}/examples/") for a in shlex.split(command)]
        assert args[0] == "responsibility", line
        code, out, err = run_cli(*args[1:])
        want = int(m.group(1)) if (m := re.search(r"exit (\d)", comment)) else 0
        assert code == want, (line, out, err)
        ran.append((line, out, err))
    return ran


# ------------------------------------------------------------------ the README's quick tour

def test_the_tour_commands_run(tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")  # the terminal the README's table was printed in
    ran = run_lines(run_cli, block(README, "tour-cli", "sh"))
    assert {"verdict.png", "findings.csv", "housing.svg"} <= {p.name for p in tmp_path.iterdir()}
    outputs = {line.split("  #")[0].strip(): out + err for line, out, err in ran}
    shown = block(README, "tour-who-output", "text")  # as the README shows it (line breaks aside)
    printed = outputs["responsibility who examples/problems/housing-not-discovered.yaml"]
    assert re.sub(r"\s", "", printed) == re.sub(r"\s", "", shown), \
        ("the README's <!-- tour-who-output --> is not what the command prints now; if the change is meant, paste "
         f"this into README.md's text block after that marker (line breaks and spaces do not count):\n{printed}")
    assert "Villagers' committee" in outputs[
        "responsibility who examples/problems/housing-not-discovered.yaml --lang en --explain"]
    assert "rejected: 1" in outputs["responsibility assess examples/records/ledger.csv -o findings.csv"]


def test_the_tour_python_runs_and_says_what_its_comments_say(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = block(README, "tour-python", "python")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, Any] = {}
    exec(compile(source, "README.md", "exec"), scope)
    verdict = scope["verdict"]
    assert repr(verdict).startswith("<Verdict 2021-0042: 14 finding(s) on 6 bodies")
    assert "<Verdict 2021-0042: 14 finding(s) on 6 bodies" in source
    first = verdict.findings[0]
    assert (first.level, first.body, first.basis, first.liability) == \
        ("village", "village_committee", "not_discovered", "staff")
    assert "Finding(level='village', body='village_committee'" in source and repr(first).startswith(
        "Finding(level='village', body='village_committee'")
    assert set(scope["strict"].who_answers(scope["problem"]).what_if) == {"handling_time_limit_days",
                                                                           "supervision_scope"}
    assert (tmp_path / "verdict.png").stat().st_size > 1000
    assert "records in: 2   assessed: 1   rejected: 1" in capsys.readouterr().out
    # examples/records/problem.json holds the same record (the README says so; curl sends it)
    shipped = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    assert shipped == scope["problem"]
    from responsibility import ProblemError

    with pytest.raises(ProblemError) as info:
        scope["policy"].who_answers({**scope["problem"], "area": "危房"})
    assert (info.value.field, info.value.code) == ("area", "unknown_area")  # as the README says


def test_the_readme_s_own_record_runs_and_its_mistakes_are_what_who_says(
        tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's "Your own problem": the record as written is answered as its comment says, the place
    lookup finds its code, and each mistake of the table, made in that record, gets the message the
    table shows (newcomer40: a newcomer writes a record of their own before anything else)."""
    import gzip

    monkeypatch.chdir(tmp_path)
    record = block(README, "own-record", "yaml")
    (tmp_path / "my-problem.yaml").write_text(record, encoding="utf-8")
    lookup, ask = block(README, "own-record-sh", "sh").strip().splitlines()
    pattern = re.search(r"grep '([^']+)'", lookup).group(1)  # type: ignore[union-attr]
    with gzip.open(ROOT / "examples" / "jurisdictions" / "zhejiang.csv.gz", "rt", encoding="utf-8") as f:
        found = [line.rstrip("\n") for line in f if re.search(pattern, line.rstrip("\n"))]
    assert found == [lookup.rsplit("# ", 1)[1].rsplit(": ", 1)[1]], found
    command, _, comment = ask.partition("  #")
    code, out, err = run_cli(*shlex.split(command)[1:])
    assert code == 0, err
    assert comment.strip().split(":")[0] in out, out  # 6 个主体 7 项认定
    data = yaml.safe_load(record.replace("on:", "'on':"))
    assert found[0].startswith(str(data["place"]))
    # each row of the mistakes table, made in the record above (an edit per row: what the row says was written)
    edits = {"place: 文屏村": ('place: "330127101207"', "place: 文屏村"),
             "on: 2021/4/2": ("on: 2021-04-02", "on: 2021/4/2"),
             "date: 2021-04-02": ("on: 2021-04-02", "date: 2021-04-02"),
             "discover:": ("discovered:", "discover:"),
             "area: 饮水": ("area: 饮水安全", "area: 饮水"),
             "level: 县里": ("{level: 县,", "{level: 县里,")}
    table = README.split("<!-- own-record-mistakes -->", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([^`]+)`[^|]*\| `([^`]+)`", table, re.M)
    assert {wrote for wrote, _ in rows} == set(edits), rows
    for wrote, says in rows:
        old, new = edits[wrote]
        assert record.count(old) == 1, old
        (tmp_path / "mistake.yaml").write_text(record.replace(old, new), encoding="utf-8")
        code, out, err = run_cli("who", "mistake.yaml")
        assert code == 2 and says in err, (wrote, err)
    # and without as_of it is judged as of today, as the paragraph under the table says
    (tmp_path / "no-as-of.yaml").write_text(re.sub(r"(?m)^as_of:.*$", "", record), encoding="utf-8")
    import datetime as dt

    code, out, err = run_cli("who", "no-as-of.yaml", "--explain")
    assert code == 0 and f"截至 {dt.date.today().isoformat()}" in out, out[:300]


def test_the_parameter_table_is_the_rules() -> None:
    table = README.split("| parameter | default |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \|", table, re.M)
    data = yaml.safe_load((ROOT / "rules" / "parameters.yaml").read_text(encoding="utf-8"))["parameters"]
    shown = {True: "true", False: "false"}
    assert {k: v.strip() for k, v in rows} == {p["id"]: shown.get(p["value"], str(p["value"])) for p in data}


def test_the_command_table_names_real_commands_and_options() -> None:
    import click

    from responsibility.cli._cli import cli

    table = README.split("| command | what it does |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `responsibility (\w+)[^|]*\|.*$", table, re.M)
    assert set(rows) == set(cli.commands), set(cli.commands) ^ set(rows)
    for line in table.splitlines()[2:]:
        name = re.match(r"\| `responsibility (\w+)", line)
        assert name, line
        command = cli.commands[name.group(1)]
        options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
        if isinstance(command, click.Group):
            assert {s for s in re.findall(r"`(\w+)`", line)} >= set(command.commands), line
            continue
        named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-o)\b", line))
        assert named <= options, (name.group(1), named - options)


def test_links_and_paths_in_the_docs_exist() -> None:
    docs = {ROOT / "README.md": README, **{p: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}}
    for path, text in docs.items():
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (path.parent / target).exists(), (path.name, target)
        for target in re.findall(r"`((?:examples|docs|scripts|tools|benchmarks|rules|schemas)/[\w./-]+)`", text):
            assert (ROOT / target.rstrip("/")).exists() or "<" in target, (path.name, target)
        # an anchor names a heading of its page, as GitHub makes one (review24b: a count in a heading moved its anchor)
        for target, anchor in re.findall(r"\]\(([^)#:]*)#([^)]+)\)", text):
            page = path.parent / target if target else path
            text_of = docs.get(page) or page.read_text(encoding="utf-8")
            assert anchor in _anchors(text_of), (path.name, f"{target}#{anchor}")


def _anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, a repeated
    one numbered; and any explicit ``id``/``name`` of an HTML anchor."""
    seen: dict[str, int] = {}
    out = set(re.findall(r"<a (?:id|name)=\"([^\"]+)\"", markdown))
    for heading in re.findall(r"^#{1,6} (.+?)\s*$", re.sub(r"```.*?```", "", markdown, flags=re.S), flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


# ------------------------------------------------------------------ docs/ledger.md

LEDGER_DOC = (DOCS / "ledger.md").read_text(encoding="utf-8")


def test_the_ledger_events_example_runs(tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ran = run_lines(run_cli, block(LEDGER_DOC, "ledger-events-example", "sh"))
    shown = json.loads(ran[2][1])
    assert shown["status"] == "assigned" and len(shown["events"]) == 5
    assert "not_rectified" in ran[3][1] and "township_government" in ran[4][1]


def test_the_event_table_is_the_ledger_s() -> None:
    from responsibility.ledger._events import FIELDS

    table = LEDGER_DOC.split("| type | fields (required in bold) |", 1)[1].split("\n\n", 1)[0]
    documented = {}
    for line in table.strip().splitlines()[1:]:
        kind, fields = re.match(r"\| `(\w+)`[^|]*\| (.*) \|$", line).groups()  # type: ignore[union-attr]
        documented[kind] = {f: f"**`{f}`**" in fields for f in re.findall(r"`(\w+)`", fields)}
    # a registered event's area is stored under the ledger's older name, domain, which the table gives too
    assert documented["registered"].pop("area") and not documented["registered"]["domain"]
    documented["registered"]["domain"] = True
    assert documented == FIELDS


# ------------------------------------------------------------------ docs/service.md and the README's session

SERVICE_DOC = (DOCS / "service.md").read_text(encoding="utf-8")


def test_the_endpoint_table_is_the_server_s() -> None:
    pytest.importorskip("fastapi")
    from responsibility.service import create_app

    spec = create_app(auth=False, decision_log=None).openapi()
    served = {(method.upper(), path): {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
              for path, ops in spec["paths"].items() for method, op in ops.items()}
    table = SERVICE_DOC.split("<!-- endpoints -->", 1)[1].split("\n\n", 1)[0]
    documented: dict[tuple[str, str], set[str]] = {}
    for method, path, query in re.findall(r"`(GET|POST) (/[^`?\s]*)(\?[^`]*)?`", table):
        path = re.sub(r"\{problems,responsibilities,rectifications\}", "{name}", path)
        documented[(method, path)] = set(re.findall(r"[?&](\w+)=", query))
    assert set(documented) == set(served), set(documented) ^ set(served)
    for key, query in documented.items():
        assert query == served[key], (key, query, served[key])


def _free_port() -> int:
    """A port free now, drawn at random below the kernel's ephemeral range (32768 up): the other tests' servers
    and clients take theirs from that range (bind to port 0), so between this check and the server's own bind
    another process rarely takes it; _run_session tries again when it did."""
    import random

    for port in random.sample(range(20000, 32000), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_session(text: str, tmp_path: Path) -> str:
    """A shell session as written, in a scratch directory, with the server on a free port; again on another
    port when the server found its port taken (its until-curl line then found the other server: a test that
    failed for another test's server, not for the session)."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed (scripts/setup.sh installs it as root)")
    before = tmp_path.parent / f"{tmp_path.name}-before-session"
    shutil.rmtree(before, ignore_errors=True)
    shutil.copytree(tmp_path, before)
    for _ in range(4):
        out, err, code = _session_once(text, tmp_path, _free_port())
        if "cannot listen on" not in err:
            break
        shutil.rmtree(tmp_path)  # the next try starts from what this one found (a tokens.yaml …)
        shutil.copytree(before, tmp_path)
    assert code == 0, err
    return out


def _session_once(text: str, tmp_path: Path, port: int) -> tuple[str, str, int]:
    script = text.replace("examples/", f"{ROOT}/examples/").replace("127.0.0.1:8000", f"127.0.0.1:{port}")
    script = script.replace("responsibility serve ", f"responsibility serve --port {port} ")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.Popen(["bash", "-c", "trap 'kill $(jobs -p) 2>/dev/null' EXIT\n" + script], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return out, err, proc.returncode


def test_the_readme_http_session_then_the_service_doc_s_run(tmp_path: Path) -> None:
    """In one directory, as a newcomer reads them: the README's session, then docs/service.md's (both
    make a token named chunan: the second must not find the first in tokens.yaml)."""
    session = section(README, "### Over HTTP").split("```sh\n", 1)[1].split("```", 1)[0]
    out = _run_session(session, tmp_path)
    verdict = json.loads(out)
    assert verdict["problem"] == "2021-0042" and len(verdict["findings"]) == 14
    assert "sha256" in (tmp_path / "tokens.yaml").read_text(encoding="utf-8")

    out = _run_session(block(SERVICE_DOC, "service-example", "sh"), tmp_path)
    # verdict, verdict in English, route, assess (JSON lines), parameters, chain, clause, version
    assert out.count('"findings"') >= 2 and '"authority"' in out and '"summary"' in out
    assert "flowchart" in out and "乡镇(街道)" in out and '"library"' in out
    assert "Villagers' committee" in out
    # then the ledger: the import (6 + 1 rejected), the event stored, 整改清单 in Chinese, the alerts
    text, values = out[out.index('{"library"'):], []
    while text.strip():  # curl's answers one after another, without line ends between them
        value, end = json.JSONDecoder().raw_decode(text.strip())
        values.append(value)
        text = text.strip()[end:]
    _version, imported, event, rectifications, alerts = values
    assert (imported["imported"], imported["rejected"]) == (6, 1) and event[0]["entered_by"] == "chunan"
    assert {r["状态"] for r in rectifications if r["问题编号"] == "CA-2021-003"} == {"已整改待核验"}
    assert alerts and all(a["是否逾期"] == "是" for a in alerts)


# ------------------------------------------------------------------ docs/data-guide.md

# each row of the guide's table of mistakes: (file, text to replace, what replaces it), one row at a time
_LEADS = ('  - {from: county_party_committee, to: county_government, type: leads, knows_together: true, '
          'clauses: ["二(一)", "二(一)1(1)", "二(二)4"]}\n')
_MISTAKES = [
    ("areas/housing.yaml", "quote: 负责农村困难家庭危房鉴定、改造补助资金审核工作", "quote: 负责危房鉴定和补助审核"),
    ("areas/housing.yaml", "holders: [county_construction]\n    kinds: [review_approval]",
     "holders: [county_constructon]\n    kinds: [review_approval]"),
    ("areas/housing.yaml", "holders: [county_construction]\n    kinds: [review_approval]",
     "holders: [县（市、区）建设部门]\n    kinds: [review_approval]"),
    ("vocabulary.yaml", "aliases: [媒体, 舆论监督, 舆论媒体]", "aliases: [媒体, 舆论监督, 舆论媒体, 县长热线]"),
    ("relations.yaml", _LEADS, _LEADS + _LEADS),
    ("areas/housing.yaml", "clause: 二(六)4(3)\n", "clause: 二(六)4(9)\n"),
    ("areas/water.yaml", "    holders: [village_party_branch, village_committee]\n",
     "    holders: [village_party_branch, village_committee]\n   en: x\n"),
    ("bodies/city.yaml", "  name: 市政府\n", "  name: 市政府\n  name: 市政府\n"),
    ("areas/housing.yaml", "    kinds: [review_approval]\n", "    kinds: [monitoring]\n"),  # newcomer41
    ("policy.yaml", 'version: "2020.1"\n', "version: 2020.10\n"),  # hostile60 F1
    ("areas/water.yaml", "    quote: 负责及时上报当地饮水安全情况\n",
     "    quote: 负责及时上报当地饮水安全情况: 及时\n"),
]


def test_the_data_guide_s_check_and_its_mistakes_are_what_validate_says(tmp_path: Path, run_cli: Any) -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    commands = [shlex.split(line.partition("  #")[0]) for line in block(guide, "check-a-change", "sh").splitlines()]
    assert [c[:2] for c in commands] == [["responsibility", "validate"], ["responsibility", "test"],
                                         ["responsibility", "diff"]]
    assert run_cli(*commands[0][1:])[0] == 0  # the shipped rules are sound (test and diff run elsewhere)
    table = guide.split("| you wrote | it says |", 1)[1].split("\n\n", 1)[0].strip().splitlines()[1:]
    says = [re.findall(r"`([^`]*)`", row.rsplit("|", 2)[1])[0].split("…")[0] for row in table]
    assert len(says) == len(_MISTAKES)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for (name, old, new), said in zip(_MISTAKES, says, strict=True):
        path = rules / name
        original = path.read_text(encoding="utf-8")
        assert old in original, (name, old)
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        code, out, err = run_cli("validate", str(rules))
        path.write_text(original, encoding="utf-8")
        assert code in (1, 2) and said in out + err, (said, out + err)  # 2: a file that is not YAML


def test_the_data_guide_s_duty_is_the_shipped_one() -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    (duty,) = yaml.safe_load(guide.split("## Duties", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0])
    area = yaml.safe_load((ROOT / "rules" / "areas" / f"{duty['id'].split('_')[0]}.yaml").read_text(encoding="utf-8"))
    (shipped,) = [d for d in area["duties"] if d["id"] == duty["id"]]
    assert {k: v for k, v in duty.items() if k != "basis"} == shipped
    assert duty["basis"] == shipped.get("basis", "text")


def test_the_data_guide_s_scenario_file_passes_as_it_says(tmp_path: Path, run_cli: Any) -> None:
    guide = (DOCS / "data-guide.md").read_text(encoding="utf-8")
    text = block(guide, "scenario-example", "yaml")
    path = tmp_path / "first.scenarios.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("test", str(path))
    assert code == 0 and "1 passed, 0 failed" in out and "`1 passed, 0 failed`" in guide, out + err
    path.write_text(text.replace("- {basis: not_rectified}", "- {basis: not_discovered}"), encoding="utf-8")
    assert run_cli("test", str(path))[0] == 1  # a forbidden finding that is there fails the file


def test_the_exit_codes_are_the_cli_s(run_cli: Any) -> None:
    code, out, _ = run_cli("--help")
    helped = set(re.findall(r"\b(\d{1,3}) (?=[a-z])", out.split("Exit codes:", 1)[1].split("Options", 1)[0]))
    paragraph = README.split("Exit codes everywhere:", 1)[1].split("\n\n", 1)[0]
    assert code == 0 and helped == set(re.findall(r"\*\*(\d+)\*\*", paragraph)), helped


def test_the_amendment_example_s_steps_run(tmp_path: Path, run_cli: Any) -> None:
    """examples/policy-changes/…/README.md: copy, validate; its diff line names a real format (the
    diff itself runs in test_ci_recipe.py, on the same amendment)."""
    readme = (ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "README.md").read_text(
        encoding="utf-8")
    lines = [line.strip() for line in readme.splitlines() if line.startswith("    ")]
    copy, validate, diff = lines
    script = copy.replace("/tmp/amended", str(tmp_path / "amended"))
    subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, check=True)
    code, out, err = run_cli(*shlex.split(validate.replace("/tmp/amended", str(tmp_path / "amended")))[1:])
    assert code == 0 and "OK" in out, err
    assert (tmp_path / "amended" / "amendments" / "rural-revitalisation-2021.yaml").is_file()
    assert shlex.split(diff)[:4] == ["responsibility", "diff", "rules", "/tmp/amended"] and "--format markdown" in diff


def _command_lines() -> list[tuple[str, str]]:
    """Every `responsibility …` command line written in the docs (code blocks, indented or inline)."""
    docs = [ROOT / "README.md", *DOCS.glob("*.md"), *(ROOT / "examples").rglob("README.md")]
    found = []
    for path in docs:
        for text in path.read_text(encoding="utf-8").splitlines():
            for m in re.finditer(r"(?:^\s*|`|\$\(|&& )(responsibility [^`#|&)\n]*)", text):
                found.append((path.name, m.group(1).strip()))
    return found


def test_every_command_in_the_docs_names_real_options() -> None:
    import click

    from responsibility.cli._cli import cli

    lines = _command_lines()
    assert len(lines) > 40
    for where, line in lines:
        try:
            words = [w.strip("[]") for w in shlex.split(line)]
        except ValueError:
            continue
        command: click.Command = cli
        for word in words[1:]:
            if isinstance(command, click.Group) and word in command.commands:
                command = command.commands[word]
                continue
            if word.startswith("--"):
                options = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"--help"}
                assert word.split("=", 1)[0] in options, (where, line, word)
        if len(words) > 1 and not words[1].startswith("-") and words[1].isidentifier():
            assert words[1] in cli.commands, (where, line)  # type: ignore[attr-defined]


def test_the_environment_variables_are_the_server_s() -> None:
    import inspect

    from responsibility.service import _app, _auth

    read = {f"RESPONSIBILITY_{n}" for n in re.findall(r'get\("(\w+)"\)|number\("(\w+)"', inspect.getsource(
        _app.Settings.from_env)) for n in n if n}
    read |= set(re.findall(r'"(RESPONSIBILITY_TOKENS\w*)"', inspect.getsource(_auth.TokenStore.from_env)))
    documented = set(re.findall(r"`(RESPONSIBILITY_[A-Z_]+)", section(SERVICE_DOC, "## Under another ASGI server")))
    assert documented == read, documented ^ read


def test_the_service_doc_s_create_app_keywords_are_its_settings() -> None:
    """newcomer40: `create_app(no_auth=True)`, read off `--no-auth`, was a TypeError; the page names the keywords."""
    import inspect

    from responsibility.service import _app

    said = section(SERVICE_DOC, "## Under another ASGI server").split("From Python,", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([a-z][a-z_]*)(?:=[^`]*)?`", said))
    assert {"auth", "tokens", "decision_log"} <= named, named
    assert named <= set(inspect.signature(_app.Settings).parameters), named - set(
        inspect.signature(_app.Settings).parameters)


def test_every_python_block_of_the_docs_compiles_and_imports_what_exists() -> None:
    """Blocks that need a cluster (docs/scale.md: Dask, Spark) are not run here; they must still be
    Python, and every name they import from the package must exist."""
    import ast
    import importlib

    docs = [ROOT / "README.md", *DOCS.glob("*.md")]
    blocks = [(p.name, b) for p in docs
              for b in re.findall(r"```python\n(.*?)```", p.read_text(encoding="utf-8"), re.S)]
    assert len(blocks) >= 4
    for where, source in blocks:
        tree = ast.parse(source, where)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("responsibility"):
                module = importlib.import_module(node.module or "")
                for alias in node.names:
                    assert hasattr(module, alias.name), (where, node.module, alias.name)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id == "responsibility":
                assert hasattr(importlib.import_module("responsibility"), node.attr), (where, node.attr)


def test_the_architecture_page_names_every_module_of_every_wing() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| \d \| `(\w+)/` \|.*$", text, re.M)}
    package = ROOT / "src" / "responsibility"
    wings = [wing for wing in sorted(package.iterdir()) if (wing / "__init__.py").is_file()]
    assert {wing.name for wing in wings} == set(rows)
    missing = [f"{wing.name}/{module.name}" for wing in wings for module in sorted(wing.glob("_*.py"))
               if module.name != "__init__.py" and f"`{module.stem}`" not in rows[wing.name]]
    assert not missing, f"docs/architecture.md does not say what these hold: {missing}"


def test_the_readme_s_place_lookup_says_what_it_prints() -> None:
    source = block(README, "place-lookup", "python")
    code, shown = source.rsplit("\n", 2)[0], source.rstrip().rsplit("# ", 1)[1]
    scope: dict[str, Any] = {}
    exec(compile(code.rsplit("\n", 1)[0], "README.md", "exec"), scope)
    assert repr(eval(code.rsplit("\n", 1)[1], scope)) == shown
    import gzip

    with gzip.open(ROOT / "examples" / "jurisdictions" / "zhejiang.csv.gz", "rt", encoding="utf-8") as f:
        assert sum(line.rstrip().endswith(",新建村") for line in f) == 16  # as the README says


def test_the_ledger_doc_s_own_headers_recipe(tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook whose channel column is headed 来源: its rows are rejected as the page says, and a
    copy of the mapping with 来源 added imports them."""
    monkeypatch.chdir(tmp_path)
    recipe = LEDGER_DOC.split("## Your own workbook's headers", 1)[1].split("## ", 1)[0]
    said = re.search(r"\(`(channel：[^`]*)`\)", recipe).group(1)  # type: ignore[union-attr]
    Path("my-ledger.csv").write_text("问题编号,领域,所在地代码,发现时间,发现层级,来源\n"
                                     "X-1,危房改造,330127100219,2021-03-01,县,县长热线\n", encoding="utf-8")
    assert run_cli("ledger", "init", "county.db")[0] == 0
    code, out, err = run_cli("ledger", "import", "county.db", "my-ledger.csv", "--by", "县扶贫办")
    assert code == 1 and said in err, err
    copy, _, comment = next(line.strip() for line in recipe.splitlines() if line.startswith("    cp ")).partition("#")
    shutil.copy(ROOT / shlex.split(copy)[1], shlex.split(copy)[2])
    header = comment.split("e.g.", 1)[1].strip()  # channel: [发现渠道, 问题来源, 来源]
    mapping = Path("my-mapping.yaml").read_text(encoding="utf-8")
    assert header.replace(", 来源", "") in mapping
    Path("my-mapping.yaml").write_text(mapping.replace(header.replace(", 来源", ""), header), encoding="utf-8")
    code, out, err = run_cli("ledger", "import", "county.db", "my-ledger.csv", "--mapping", "my-mapping.yaml",
                             "--by", "县扶贫办")
    assert code == 0 and "imported 1 + rejected 0" in out + err, out + err
