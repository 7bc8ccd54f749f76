"""Hostile input: each case is built on the fly and run through the API and the CLI.

The CLI cases run the real ``main()`` in one subprocess with a timeout and a memory
limit (one interpreter for all of them keeps the module fast); each must end with the
documented exit code, no traceback, and one error line naming the file and line (or
the field). The API cases run in a thread with a deadline.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Policy, ProblemError, RulesError
from tests.conftest import set_parameter

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
MEMORY = 2048 * 2**20  # bytes of address space the CLI runs may use
TIMEOUT = 120.0  # seconds for all CLI cases together

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)
MERGE_BOMB = "a: &a {x: 1, y: 2}\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} {{<<: [{', '.join(['*' + chr(97 + i)] * 9)}]}}\n" for i in range(9)
)

RECORD: dict[str, Any] = {
    "id": "h-1",
    "domain": "housing",
    "place": "330127100219",
    "severity": "serious",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05"}],
    "deadline": "2021-05-31",
    "as_of": "2021-06-30",
}


def record(**changes: Any) -> dict[str, Any]:
    """RECORD with dotted fields changed (``handled.0.on``)."""
    rec = json.loads(json.dumps(RECORD))
    for key, value in changes.items():
        node = rec
        *parents, last = key.split(".")
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        node[int(last) if last.isdigit() else last] = value
    return rec


def api(call: Callable[[], Any], *, seconds: float = 60.0) -> BaseException | None:
    """Run ``call`` in a thread with a deadline; return the exception it raised (if any)."""
    out: list[BaseException | None] = [None]

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            out[0] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "hung"
    return out[0]


@pytest.fixture(scope="module")
def shipped(policy: Policy) -> Policy:
    # (conftest's session policy: the same shipped rules, loaded and warmed once a process)
    return policy


# ---------------------------------------------------------------- the CLI cases


@dataclass
class Case:
    """A CLI run: how to build its input in a folder, and what it must end with."""

    setup: Callable[[Path], list[str]]
    code: int = 2
    needles: tuple[str, ...] = ()
    #: Where the located problem is printed: "stderr" (error: line) or "stdout" (validate's list).
    on: str = "stderr"


def _policy_file(content: bytes, name: str = "policy.yaml") -> Callable[[Path], list[str]]:
    def setup(d: Path) -> list[str]:
        (d / name).write_bytes(content)
        return ["validate", str(d)]
    return setup


def _record_file(content: bytes | str, suffix: str = "yaml", *extra: str) -> Callable[[Path], list[str]]:
    def setup(d: Path) -> list[str]:
        f = d / f"problem.{suffix}"
        if isinstance(content, str):
            f.write_text(content, encoding="utf-8")
        else:
            f.write_bytes(content)
        return ["who", str(f), "--engine", "compiled", *extra]
    return setup


def _dated(field: str, bad: str, form: str) -> Callable[[Path], list[str]]:
    text = json.dumps(record(**{field: bad}))
    if form == "yaml":  # unquoted, so that YAML would read it as a date
        text = text.replace(f'"{bad}"', bad)
    return _record_file(text, form)


POLICY_CASES: dict[str, tuple[bytes, str]] = {
    # name: (content of policy.yaml, text the located issue contains)
    "alias bomb": (ALIAS_BOMB.encode(), "alias"),
    # (a merge resolves once per mapping, YAML 1.1's way, so the bomb is nine small mappings; a key then given twice
    # is still found, at once)
    "merge bomb": (MERGE_BOMB.encode() + b"a: again\n", "duplicate"),
    "recursive alias": (b"a: &a [*a]\n", "nested"),
    "deep nesting": (b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "nest"),
    "deep block nesting": ("".join("  " * i + "a:\n" for i in range(2000)).encode() + b"  " * 2000 + b"b\n",
                           "nest"),
    "NUL byte": (b"id: x\nname: a\x00b\n", "U+0000"),
    "ESC byte": (b"id: x\nname: \x1b[31mred\n", "U+001B"),
    "impossible date": (b"id: x\neffective_from: 2021-02-29\n", "effective_from"),
    "year zero": (b"id: x\neffective_from: 0000-01-01\n", "effective_from"),
    "huge integer": (b"id: x\nversion: " + b"9" * 5000 + b"\n", "integer"),
    "python tag": (b"id: !!python/object/apply:os.system ['true']\n", "python"),
    # (`<<: *b` then `id: y` is legal YAML 1.1, the override wins; a key the mapping gives twice is refused)
    "duplicate key": (b"base: &b {id: x}\nother:\n  <<: *b\n  id: y\n  id: z\n", "duplicate"),
    "complex key": (b"? [a, b]\n: 1\n", "key"),
    "UTF-16": ("id: x\n".encode("utf-16"), "UTF-16"),
    "GBK": ("id: x\nname: 危房\n".encode("gbk"), "GB18030"),
}

RECORD_CASES: dict[str, tuple[bytes | str, str]] = {
    "alias bomb": (ALIAS_BOMB, "alias"),
    "deep YAML": ("[" * 10_000 + "]" * 10_000, "nest"),
    "deep JSON": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nest"),
    "NUL byte": (b"id: a\x00\n", "U+0000"),
    "not an object": ("42\n", "problem object"),
    "huge integer": ("id: " + "7" * 5000 + "\n", "integer"),
    "integer date": (json.dumps(record(**{"discovered.on": 1614556800})), "discovered.on"),
    "year 9999": (json.dumps(record(**{"discovered.on": "9999-12-31", "as_of": "9999-12-31"})), "discovered.on"),
    "lone surrogate": (json.dumps(record(id="a\ud800b")), "lone surrogate"),  # (was matched by "id" in "invalid")
    "long id": (json.dumps(record(id="x" * 100_000)), "id"),
    "domain and area": (json.dumps({**RECORD, "area": "housing"}), "domain"),
}


def _fifo(d: Path) -> list[str]:
    os.mkfifo(d / "fifo.yaml")
    return ["who", str(d / "fifo.yaml")]


def _rules_fifo(d: Path) -> list[str]:
    shutil.copytree(RULES, d / "rules")
    (d / "rules" / "parameters.yaml").unlink()
    os.mkfifo(d / "rules" / "parameters.yaml")
    return ["validate", str(d / "rules")]


def _huge_parameter(d: Path) -> list[str]:
    shutil.copytree(RULES, d / "rules")
    set_parameter(d / "rules", "handling_time_limit_days", 10**12)
    return ["validate", str(d / "rules")]


def _against(d: Path) -> list[str]:
    (d / "victim.txt").write_text("keep me", encoding="utf-8")
    return ["diff", str(RULES), "--against", f"--output={d / 'victim.txt'}"]


def _scenario(pattern: str) -> Callable[[Path], list[str]]:
    def setup(d: Path) -> list[str]:
        (d / "x.scenarios.yaml").write_text(
            "scenarios:\n  - name: a pattern that cannot match\n"
            f"    problem: {json.dumps(RECORD)}\n    expect:\n      forbidden:\n        - {pattern}\n",
            encoding="utf-8")
        return ["test", str(d)]
    return setup


def _scenario_bad_date(d: Path) -> list[str]:
    problem = json.dumps(record(deadline="2021-02-30")).replace('"2021-02-30"', "2021-02-30")
    (d / "x.scenarios.yaml").write_text(f"scenarios:\n  - name: bad date\n    problem: {problem}\n",
                                        encoding="utf-8")
    return ["test", str(d)]


def _graph_out(sub: str) -> Callable[[Path], list[str]]:
    return lambda d: ["graph", "--area", "housing", "-o", str(d / sub) if sub else str(d)]


def _who_with_jurisdiction(source: str | bytes | None) -> Callable[[Path], list[str]]:
    def setup(d: Path) -> list[str]:
        (d / "p.json").write_text(json.dumps(RECORD), encoding="utf-8")
        j = d / "j.csv"
        if source is None:
            os.mkfifo(j)
        elif isinstance(source, bytes):
            j.write_bytes(source)
        else:
            j.symlink_to(source)
        return ["who", str(d / "p.json"), "--jurisdiction", str(j)]
    return setup


def _who_rules_dir(d: Path) -> list[str]:
    (d / "p.json").write_text(json.dumps(RECORD), encoding="utf-8")
    return ["who", str(d / "p.json"), "--rules", str(d)]


CLI_CASES: dict[str, Case] = {
    **{f"policy {name}": Case(_policy_file(content), 2, (needle,), "stdout")
       for name, (content, needle) in POLICY_CASES.items()},
    "policy /dev/zero": Case(lambda d: (d / "policy.yaml").symlink_to("/dev/zero") or ["validate", str(d)], 2,
                             ("not a regular file",), "stdout"),
    "policy FIFO": Case(_rules_fifo, 2, ("parameters.yaml", "not a regular file"), "stdout"),
    "policy too large": Case(_policy_file(b"x: " + b"y" * (17 * 2**20)), 2, ("larger than",), "stdout"),
    "huge parameter": Case(_huge_parameter, 1, ("handling_time_limit_days",), "stdout"),
    **{f"record {name}": Case(_record_file(content), 2, (needle,)) for name, (content, needle) in RECORD_CASES.items()},
    **{f"record {form} {field} {bad}": Case(_dated(field, bad, form), 2, (field.replace(".0.", "[0]."),))
       for form in ("yaml", "json")
       for field, bad in (("discovered.on", "2021-02-30"), ("handled.0.on", "2021-13-01"),
                          ("deadline", "2021-02-30"), ("as_of", "2021-13-01"))},
    "record /dev/zero": Case(lambda d: ["who", "/dev/zero"], 2, ("not a regular file",)),
    "record FIFO": Case(_fifo, 2, ("not a regular file",)),
    "jurisdiction /dev/zero": Case(_who_with_jurisdiction("/dev/zero"), 2, ("not a regular file",)),
    "jurisdiction FIFO": Case(_who_with_jurisdiction(None), 2, ("not a regular file",)),
    "jurisdiction GBK": Case(_who_with_jurisdiction(b"code,name\n33," + "浙江".encode("gbk") + b"\n"), 2,
                             ("GB18030",)),
    "no such file": Case(lambda d: ["who", str(d / "nosuch.yaml")], 2, ("nosuch.yaml", "no such file")),
    "who --rules without rules": Case(_who_rules_dir, 2, ("not a policy directory",)),
    "validate a file": Case(lambda d: ["validate", str(ROOT / "README.md")], 2, ("README.md",)),
    "--today impossible": Case(lambda d: ["assess", str(d / "x.jsonl"), "--today", "2021-02-30"], 2,
                               ("--today", "2021-02-30")),
    "diff --as-of impossible": Case(lambda d: ["diff", str(RULES), str(RULES), "--as-of", "2021-02-30"], 2,
                                    ("2021-02-30",)),
    "diff --against an option": Case(_against, 2, ("--output",)),
    "diff --against nothing": Case(lambda d: ["diff", str(RULES), "--against", "no-such-branch"], 2,
                                   ("no-such-branch",)),
    "test without scenarios": Case(lambda d: ["test", str(d)], 2, ("*.scenarios.yaml",)),
    "scenario unknown body": Case(_scenario("{body: no_such_body}"), 2, ("no_such_body",)),
    "scenario unknown basis": Case(_scenario("{basis: not_discoverd}"), 2, ("not_discoverd", "not_discovered")),
    "scenario unknown level": Case(_scenario("{level: villag}"), 2, ("villag",)),
    "scenario bad date": Case(_scenario_bad_date, 2, ("scenario",)),
    "graph -o missing dir": Case(_graph_out("nope/g.mmd"), 2, ("does not exist",)),
    "graph -o a directory": Case(_graph_out(""), 2, ("directory",)),
}

_RUNNER = r"""
import contextlib, io, json, sys, traceback
from responsibility.cli._cli import main
out = {}
for name, argv in json.load(sys.stdin).items():
    err, std = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
        try:
            code = main(argv)
        except BaseException:
            traceback.print_exc(file=err)
            code = -1
    out[name] = [code, std.getvalue()[-4000:], err.getvalue()[-4000:]]
sys.__stdout__.write(json.dumps(out))
"""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    """Every CLI case, run by ``main()`` in one subprocess with a timeout and a memory limit."""
    argvs = {}
    for i, (name, case) in enumerate(CLI_CASES.items()):
        folder = tmp_path_factory.mktemp(f"case{i}")
        argvs[name] = case.setup(folder)
    proc = subprocess.run([sys.executable, "-c", _RUNNER], input=json.dumps(argvs), capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=_limits, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    runs: dict[str, tuple[int, str, str]] = {k: tuple(v) for k, v in json.loads(proc.stdout).items()}  # type: ignore[misc]
    return runs


@pytest.mark.parametrize("name", list(CLI_CASES))
def test_cli(name: str, cli_runs: dict[str, tuple[int, str, str]]) -> None:
    case = CLI_CASES[name]
    code, out, err = cli_runs[name]
    assert "Traceback" not in err, err
    assert code == case.code, (code, out[-2000:], err[-2000:])
    if case.on == "stderr":
        lines = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(lines) == 1, err
        assert len(lines[0]) < 500, lines[0]
    else:  # validate: one line per problem, each with file:line
        lines = [line for line in out.splitlines() if all(n in line for n in case.needles)]
        assert len(lines) == 1, out
        assert re.search(r":\d+(:\d+)?: ", lines[0]) or "not a regular file" in lines[0] or "larger" in lines[0], \
            lines[0]
    for needle in case.needles:
        assert needle in lines[0], (needle, lines[0])


def test_against_left_the_file_alone(cli_runs: dict[str, tuple[int, str, str]],
                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    victim = tmp_path_factory.getbasetemp()
    found = list(victim.glob("case*/victim.txt"))
    assert found and all(f.read_text(encoding="utf-8") == "keep me" for f in found)


def test_record_errors_are_located_in_the_file(cli_runs: dict[str, tuple[int, str, str]]) -> None:
    _, _, err = cli_runs["record yaml deadline 2021-02-30"]
    assert re.search(r"problem\.yaml:1:\d+: problem 'h-1', field 'deadline': 2021-02-30 is not a valid date", err), err


def test_internal_error_is_exit_3_and_one_line(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from responsibility.cli import _cli

    def boom(*args: Any, **kwargs: Any) -> None:
        raise KeyError("unexpected")

    monkeypatch.setattr(_cli, "_rules_dir", boom)
    assert _cli.main(["validate"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bug" in err and "Traceback" not in err
    assert _cli.main(["validate", "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err



# A truncated .pyc or cache file raises EOFError; it once said "interrupted" and exited 130.
@pytest.mark.parametrize(("raised", "code", "words"), [
    (EOFError("marshal data too short"), 3, "internal error"),
    (KeyboardInterrupt(), 130, "interrupted"),
])
def test_an_eof_error_is_a_fault_and_ctrl_c_an_interruption(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str],
                                                             raised: BaseException, code: int, words: str) -> None:
    """click turns both an EOFError and Ctrl-C into its Abort; only Ctrl-C is the user stopping the command."""
    from responsibility.cli import _cli

    def boom(*args: Any, **kwargs: Any) -> None:
        raise raised

    monkeypatch.setattr(_cli, "_rules_dir", boom)
    assert _cli.main(["validate"]) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err, err
    assert ("EOFError" in err) == (code == 3), err

# ---------------------------------------------------------------- the same through the API


@pytest.mark.parametrize("name", list(POLICY_CASES))
def test_api_policy_file(name: str, tmp_path: Path) -> None:
    content, needle = POLICY_CASES[name]
    (tmp_path / "policy.yaml").write_bytes(content)
    exc = api(lambda: responsibility.validate(tmp_path))
    assert exc is None, repr(exc)
    mine = [i for i in responsibility.validate(tmp_path) if i.file.endswith("policy.yaml")]
    assert len(mine) == 1 and mine[0].line >= 1, mine
    assert needle.lower() in str(mine[0]).lower(), str(mine[0])
    with pytest.raises(RulesError):
        responsibility.load(tmp_path)


def test_amendment_dated_year_one_is_refused_by_validate(tmp_path: Path) -> None:
    d = tmp_path / "p"
    shutil.copytree(RULES, d)
    shutil.copytree(ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments",
                    d / "amendments")
    am = next((d / "amendments").glob("*.yaml"))
    text = am.read_text(encoding="utf-8")
    am.write_text(re.sub(r"effective_from: \S+", "effective_from: 0001-01-01", text, count=1), encoding="utf-8")
    found = responsibility.validate(d)
    assert any("0001-01-01" in str(i) and "1900" in str(i) for i in found), found


DATE_FIELDS = ["discovered.on", "handled.0.on", "deadline", "rectified_on", "as_of"]


@pytest.mark.parametrize("field", DATE_FIELDS)
@pytest.mark.parametrize("bad", ["2021-02-30", "2021-13-01", 1614556800, 20210301.0, True, "9999-12-31",
                                 "0001-01-01", "yesterday", "2021-03-01T10:00:00", ["2021-03-01"]])
def test_bad_date_in_every_field(field: str, bad: Any, shipped: Policy) -> None:
    rec = record(**{field: bad})
    exc = api(lambda: shipped.who_answers(rec, engine="compiled"))
    assert isinstance(exc, ProblemError), repr(exc)
    assert exc.field == field.replace(".0.", "[0]."), (exc.field, str(exc))
    assert exc.code in ("bad_date", "wrong_type"), exc.code
    assert "datetime.date(" not in str(exc) and "\n" not in str(exc)


@pytest.mark.parametrize("field", DATE_FIELDS)
def test_an_empty_date_is_an_absent_one(field: str, shipped: Policy) -> None:
    """An empty text is an absent field on every path, as an empty CSV cell is (hostile29): a required day is then
    missing ("is empty"), an optional one not given (it was "field 'deadline':  is not a date")."""
    exc = api(lambda: shipped.who_answers(record(**{field: ""}), engine="compiled"))
    if field in ("discovered.on", "handled.0.on"):
        assert isinstance(exc, ProblemError) and exc.code == "missing_field", repr(exc)
        assert exc.field == field.replace(".0.", "[0].") and "is empty; give the day" in str(exc), str(exc)
    else:
        assert exc is None, repr(exc)


def test_year_9999_does_not_overflow(shipped: Policy) -> None:
    for fields in ({"discovered.on": "9999-12-31", "as_of": "9999-12-31"}, {"as_of": "9999-12-31"}):
        exc = api(lambda fields=fields: shipped.who_answers(record(**fields), engine="compiled"))  # type: ignore[misc]
        assert isinstance(exc, ProblemError) and exc.code == "bad_date", repr(exc)
    today = api(lambda: shipped.who_answers({k: v for k, v in RECORD.items() if k != "as_of"},
                                            engine="compiled", today=__import__("datetime").date(9999, 12, 31)))
    assert today is None or isinstance(today, ProblemError), repr(today)


@pytest.mark.parametrize("value", [10**30, 10**5000 if sys.get_int_max_str_digits() == 0 else 10**400, -1,
                                   "x" * 100_000, [RECORD] * 3, None, True, 1.5, {"a": {"b": {}}}, "a\ud800",
                                   "\x1b[31m", "", float("nan")])
def test_wrong_types_in_every_field(value: Any, shipped: Policy) -> None:
    for field in ("id", "domain", "place", "severity", "kind", "discovered", "discovered.level",
                  "discovered.channel", "discovered.body", "handled", "handled.0", "handled.0.action",
                  "handled.0.to_body", "concealed_by", "deadline"):
        rec = record(**{field: value})
        exc = api(lambda rec=rec: shipped.who_answers(rec, engine="compiled"))  # type: ignore[misc]
        assert exc is None or isinstance(exc, ProblemError), (field, repr(exc))
        if exc is not None:
            text = str(exc)
            assert "\n" not in text and len(text) < 400 and exc.code != "invalid", (field, text, exc.code)


def test_deep_and_cyclic_records(shipped: Policy) -> None:
    deep: dict[str, Any] = {}
    node = deep
    for _ in range(100_000):
        node["a"] = {}
        node = node["a"]
    cyclic: dict[str, Any] = dict(RECORD)
    cyclic["discovered"] = cyclic
    listy: dict[str, Any] = dict(RECORD)
    listy["handled"] = [RECORD["handled"][0]] * 100_000
    for rec in (record(discovered=deep), cyclic, listy, record(concealed_by=["county"] * 100_000),
                record(**{"discovered.on": deep}), record(as_of=deep), record(id=deep)):
        exc = api(lambda rec=rec: shipped.who_answers(rec, engine="compiled"))  # type: ignore[misc]
        assert isinstance(exc, ProblemError), repr(exc)[:500]
        assert "\n" not in str(exc) and len(str(exc)) < 400


def test_integer_date_is_not_unix_time(shipped: Policy) -> None:
    exc = api(lambda: shipped.who_answers(record(**{"discovered.on": 1614556800}), engine="compiled"))
    assert isinstance(exc, ProblemError) and exc.field == "discovered.on" and exc.code == "bad_date"
    assert "YYYY-MM-DD" in str(exc)


def test_reason_codes(shipped: Policy) -> None:
    cases = {
        "unknown_place": record(place="990000"),
        "bad_place": record(place="12ab"),
        "unknown_area": record(domain="hosing"),
        "order_violation": record(deadline="2021-01-01"),
        "wrong_direction": record(**{"handled.0.action": "reported"}),
        "unknown_field": {**RECORD, "domian": "housing"},
        "missing_field": {k: v for k, v in RECORD.items() if k != "place"},
        "not_an_object": ["x"],
    }
    for code, rec in cases.items():
        with pytest.raises(ProblemError) as info:
            shipped.who_answers(rec, engine="compiled")  # type: ignore[arg-type]
        assert info.value.code == code, (code, str(info.value))


# ---------------------------------------------------------------- processes

_FORKS = r"""
import os, sys, threading, time
import responsibility
policy = responsibility.load()
rec = {"id": "h-1", "domain": "housing", "place": "330127100219", "severity": "serious",
       "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}
policy.who_answers(rec, engine="durable")
stop = False
def hammer():
    while not stop:
        policy.who_answers(rec, engine="durable")
ts = [threading.Thread(target=hammer, daemon=True) for _ in range(2)]
for t in ts: t.start()
for i in range(int(sys.argv[1])):
    time.sleep(0.01)
    pid = os.fork()
    if pid == 0:
        try:
            v = policy.who_answers(rec, engine="durable")
            os._exit(0 if v.findings else 4)
        except BaseException:
            os._exit(5)
    deadline = time.time() + 15
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.time() > deadline:
            os.kill(pid, 9); os.waitpid(pid, 0)
            print(f"child {i} hung"); sys.exit(1)
        time.sleep(0.01)
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"child {i} exit {os.waitstatus_to_exitcode(status)}"); sys.exit(1)
stop = True
# Join before exit: a daemon thread still inside the C engine when the interpreter finalises is killed by
# forced unwinding, which glibc reports as "FATAL: exception not rethrown" (not what this test is about).
for t in ts: t.join(timeout=30)
print("ok")
"""


@pytest.mark.durable
def test_fork_while_threads_decide_with_durable_rules() -> None:
    """A child forked while other threads hold the durable engine's lock can still decide."""
    pytest.importorskip("durable")
    proc = subprocess.run([sys.executable, "-W", "ignore", "-c", _FORKS, "6"], capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stdout + proc.stderr[-2000:]


def test_who_output_closed_full_or_broken(tmp_path: Path) -> None:
    """A closed stdout, a full disk: exit 2 and one line, never exit 0 or 1; a reader that goes away
    (`| head -1`): exit 141 (128 + SIGPIPE) and nothing on stderr, since it asked for no more."""
    f = tmp_path / "p.json"
    # (each its own id: 200 records of one id are noted on stderr, which a broken pipe's run must leave empty)
    f.write_text(json.dumps([{**RECORD, "id": f"h-{i}"} for i in range(200)]), encoding="utf-8")
    argv = [sys.executable, "-m", "responsibility", "who", str(f), "--engine", "compiled"]
    closed = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT,
                            preexec_fn=lambda: os.close(1), check=False)
    with open("/dev/full", "wb") as full:
        disk_full = subprocess.run([*argv, "--format", "json"], stdout=full, stderr=subprocess.PIPE, text=True,
                                   timeout=TIMEOUT, check=False)
    pipe = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert pipe.stdout is not None
    pipe.stdout.readline()
    pipe.stdout.close()
    _, broken_err = pipe.communicate(timeout=TIMEOUT)
    for code, err in ((closed.returncode, closed.stderr), (disk_full.returncode, disk_full.stderr)):
        assert code == 2 and "Traceback" not in err, err
        assert len([x for x in err.splitlines() if x.startswith("error:")]) == 1, err
    assert (pipe.returncode, broken_err) == (141, "")


def _answer(policy: Policy, rec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = policy.who_answers(rec).to_dict()
    return result


def test_policy_pickles_after_first_use_for_spawn_pools(shipped: Policy) -> None:
    import concurrent.futures
    import multiprocessing
    import pickle

    expected = _answer(shipped, RECORD)  # first use: engines, locks and caches now live in the policy
    _ = shipped.chain
    again = pickle.loads(pickle.dumps(shipped))
    assert type(again) is type(shipped) and _answer(again, RECORD) == expected
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(_answer, shipped, RECORD).result(timeout=TIMEOUT) == expected


def test_numbers_from_spreadsheets_are_codes(shipped: Policy) -> None:
    """A place code read as an integer or (in a column with gaps) a float is still the code."""
    expected = shipped.who_answers(RECORD, engine="compiled").to_dict()
    for place in (330127100219, 330127100219.0):
        assert shipped.who_answers(record(place=place), engine="compiled").to_dict() == expected
    exc = api(lambda: shipped.who_answers(record(place=3301.5), engine="compiled"))
    assert isinstance(exc, ProblemError) and exc.field == "place"


def test_odd_and_huge_keys(shipped: Policy) -> None:
    nested = {"x" * 50_000: 1, "level": "county", "channel": "hotline", "on": "2021-03-01"}
    for extra in ({"x" * 100_000: 1}, {1: 2}, {(1, 2): 3}, {None: 1}, {"discovered": nested}):
        exc = api(lambda extra=extra: shipped.who_answers({**RECORD, **extra}, engine="compiled"))  # type: ignore[misc]
        assert isinstance(exc, ProblemError), repr(exc)[:300]
        assert len(str(exc)) < 400 and exc.code in ("unknown_field", "wrong_type"), str(exc)[:500]


def test_mapping_and_token_files_are_bounded(tmp_path: Path) -> None:
    """The ledger's column mapping and the service's token file are read like policy files."""
    from responsibility import ResponsibilityError
    from responsibility.ledger._import import load_mapping
    from responsibility.service._auth import TokenStore

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 10_000 + "]" * 10_000, encoding="utf-8")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for path in (bomb, deep, fifo, Path("/dev/zero")):
        for read in (load_mapping, TokenStore.from_file):
            exc = api(lambda read=read, path=path: read(path), seconds=30)  # type: ignore[misc]
            assert isinstance(exc, ResponsibilityError), (read, path, repr(exc)[:300])
            assert "\n" not in str(exc), str(exc)
