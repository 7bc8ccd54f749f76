"""What a newcomer met following README.md and docs/ (session 43): a scenario pattern written with the table's column
names (``{主体: 村委会, 依据: 应发现未发现}``) was told only that '主体' is no key; a scenario file given to ``who``,
``route`` or ``policy.who_answers`` was refused as a record ("field 'scenarios': unknown field; allowed: id, area …"),
and a record file given to ``test`` was "scenarios: is required"; and what the README says of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

_RECORD = """id: WC-2021-001
area: 饮水安全
place: "330127101207"
severity: 较重
discovered: {level: 县, channel: 热线, on: 2021-04-02}
handled: [{action: 交办, by_level: 县, to_level: 乡镇, on: 2021-04-06}]
deadline: 2021-05-06
as_of: 2021-06-30
"""

_SCENARIO = "- name: 文屏村饮水\n  problem:\n" + "".join(f"    {line}\n" for line in _RECORD.splitlines()) + \
    "  expect:\n    findings:\n    - {body: 村委会, basis: 应发现未发现, liability: 单位}\n"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_pattern_with_the_table_s_column_names_is_told_the_keys(tmp_path: Path, run_cli: Any) -> None:
    # the README says the findings are "written as the table prints them": its columns are 主体, 层级, 依据, 责任, 条款
    text = "scenarios:\n" + _SCENARIO.replace("{body: 村委会, basis: 应发现未发现, liability: 单位}",
                                              "{主体: 村委会, 依据: 应发现未发现, 责任: 单位}")
    code, out, err = run_cli("test", _write(tmp_path, "mine.scenarios.yaml", text))
    assert code == 2, out + err
    assert "unknown key '主体': it is the table's column, written body:" in err, err
    for zh, key in (("层级", "level"), ("依据", "basis"), ("责任", "liability"), ("条款", "clauses")):
        assert f"{zh} → {key}" in err, err
    # a 责任清单 column alike; and a key that is no column keeps the plain message with its "did you mean"
    code, out, err = run_cli("test", _write(tmp_path, "b.scenarios.yaml", text.replace("主体", "责任单位")))
    assert code == 2 and "'责任单位': it is the table's column, written body:" in err, err
    code, out, err = run_cli("test", _write(tmp_path, "c.scenarios.yaml", text.replace("主体", "bodyy")))
    assert code == 2 and "unknown key 'bodyy'; a finding pattern takes level, body" in err, err


def test_a_scenario_file_given_to_who_or_route_says_test_runs_it(tmp_path: Path, run_cli: Any) -> None:
    for name, text in (("my.scenarios.yaml", "scenarios:\n" + _SCENARIO),  # the file as the README writes it
                       ("list.yaml", _SCENARIO),  # its list without `scenarios:`
                       ("one.yaml", re.sub(r"(?m)^  ", "", _SCENARIO[2:]))):  # one scenario, as a mapping
        path = _write(tmp_path, name, text)
        for command in ("who", "route"):
            code, out, err = run_cli(command, path)
            assert code == 2, (name, command, out + err)
            assert f"{path} holds scenarios (a problem and the findings expected of it), not a problem record: " \
                   f"`responsibility test {path}` runs them" in err, (name, command, err)
            assert "unknown field" not in err, err


def test_a_scenario_file_given_to_who_answers_says_test_runs_it(tmp_path: Path) -> None:
    import responsibility

    path = _write(tmp_path, "my.scenarios.yaml", "scenarios:\n" + _SCENARIO)
    with pytest.raises(responsibility.ProblemError, match=r"holds scenarios .* `responsibility test .*` runs them"):
        responsibility.load().who_answers(path)
    # a record file is answered as before
    record = _write(tmp_path, "my-problem.yaml", _RECORD)
    assert responsibility.load().who_answers(record).findings


def test_a_record_file_given_to_test_says_who_answers_it(tmp_path: Path, run_cli: Any) -> None:
    record = _write(tmp_path, "my-problem.yaml", _RECORD)
    code, out, err = run_cli("test", record)
    assert code == 2, out + err
    assert f"holds a problem record, not scenarios: `responsibility who {record}` answers it" in err, err
    assert "scenarios: is required" not in err, err
    records = _write(tmp_path, "two.json", '[{"id": "a", "area": "water", "place": "33"}, '
                                            '{"id": "b", "area": "water", "place": "33"}]')
    code, out, err = run_cli("test", records)
    assert code == 2 and "holds problem records, not scenarios" in err, err
    # scenarios written without the key above them
    code, out, err = run_cli("test", _write(tmp_path, "list.yaml", _SCENARIO))
    assert code == 2 and "holds a list of scenarios without `scenarios:` above" in err, err
    code, out, err = run_cli("test", _write(tmp_path, "one.yaml", re.sub(r"(?m)^  ", "", _SCENARIO[2:])))
    assert code == 2 and "holds one scenario without `scenarios:` above" in err, err
    # and the file written right runs
    code, out, err = run_cli("test", _write(tmp_path, "my.scenarios.yaml", "scenarios:\n" + _SCENARIO))
    assert code == 0 and "1 passed, 0 failed" in out, out + err


def test_the_readme_s_scenario_mistakes_are_what_the_commands_say(tmp_path: Path, run_cli: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "my.scenarios.yaml", "scenarios:\n" + _SCENARIO)
    _write(tmp_path, "my-problem.yaml", _RECORD)
    _write(tmp_path, "one.yaml", re.sub(r"(?m)^  ", "", _SCENARIO[2:]))
    table = README.split("<!-- own-scenario-mistakes -->", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `responsibility (\w+) ([\w.-]+)`[^|]*\| `` (.+?) `` …", table, re.M)
    assert len(rows) == 3, table
    for command, file, says in rows:
        code, out, err = run_cli(command, file)
        assert code == 2 and says in " ".join(err.split()), (command, file, err)
    # the words table says what `who`'s count is, against Python's
    code, out, err = run_cli("who", str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml"))
    head = out.splitlines()[0]
    assert "3 个主体 3 项认定（按责任计 6 项）" in head and "`3 个主体 3 项认定（按责任计 6 项）`" in README, head
    import responsibility

    shown = repr(responsibility.load().who_answers(str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml")))
    assert ": 6 finding(s) on 3 bodies" in shown and "`<Verdict …: 6 finding(s) on 3 bodies …>`" in README, shown


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_service_doc_s_python_client_prints_what_its_comments_say(tmp_path: Path, run_cli: Any) -> None:
    # a developer of another system calling the service from Python: the doc had curl only
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    doc = (ROOT / "docs" / "service.md").read_text(encoding="utf-8")
    code = doc.split("<!-- service-python -->", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    assert 'URL, TOKEN = "http://127.0.0.1:8000", "tp_…"' in code
    assert "is read when `serve` starts" in doc  # (a caller added while it runs is 401 until it starts again)
    made = subprocess.run([sys.executable, "-m", "responsibility", "token", "--name", "dev", "--role", "county",
                           "--jurisdiction", "330127"], cwd=tmp_path, capture_output=True, text=True, check=True)
    (tmp_path / "tokens.yaml").write_text(made.stdout, encoding="utf-8")
    token = made.stderr.strip().rsplit(": ", 1)[1]
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "responsibility", "serve", "--tokens", "tokens.yaml",
                               "--port", str(port), "--log-level", "warning"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health"):
                    break
            except OSError:
                assert server.poll() is None, "the server stopped"
                time.sleep(0.5)
        script = code.replace('"http://127.0.0.1:8000", "tp_…"', f'"http://127.0.0.1:{port}", "{token}"')
        ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert ran.returncode == 0, ran.stderr
    # each print's comment is what it prints (the first's up to its colon: the rest explains it)
    said = [line.split("# ", 1)[1] for line in code.splitlines() if line.lstrip().startswith("print(")]
    said[0] = said[0].split(":", 1)[0]
    assert ran.stdout.splitlines() == said, (ran.stdout, said)


def test_records_md_s_pandas_recipe_keeps_an_office_s_ids_and_reads_excel_s_gbk(tmp_path: Path) -> None:
    # a notebook user reading an Excel CSV: pandas raised UnicodeDecodeError, and read the id 0042 as the number 42,
    # so the findings' problem ids did not join back to the office's
    pd = pytest.importorskip("pandas")
    import responsibility

    doc = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    assert '`pd.read_csv(path, dtype=str, encoding="gb18030")`' in doc and "an id `0042` becomes the record" in doc
    path = tmp_path / "office.csv"
    path.write_bytes("id,area,place,discovered.level,discovered.channel,discovered.on,as_of\n"
                     "0042,饮水安全,330127101207,县,热线,2021-04-02,2021-06-30\n".encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        pd.read_csv(path)
    policy = responsibility.load()
    assert set(policy.assess(pd.read_csv(path, encoding="gb18030")).findings["problem"]) == {"42"}
    assert set(policy.assess(pd.read_csv(path, dtype=str, encoding="gb18030")).findings["problem"]) == {"0042"}


def test_a_full_width_comma_typed_in_a_record_is_named(tmp_path: Path, run_cli: Any) -> None:
    # (patch newcomer43-fullwidth-comma.patch) a Chinese input method types '，' between a flow mapping's items: PyYAML
    # said "did not find expected ',' or '}'"; in a flow list, [村，乡镇] was one item '村,乡镇', "neither a level nor a
    # body; did you mean 'township_government'"
    record = _RECORD.replace("{level: 县, channel: 热线, on: 2021-04-02}", "{level: 县，channel: 热线，on: 2021-04-02}")
    code, _out, err = run_cli("who", _write(tmp_path, "comma.yaml", record))
    assert code == 2 and "comma.yaml:5:" in err and "the comma is the full-width '，' (U+FF0C)" in err, err
    record = _RECORD + "concealed_by: [村，乡镇]\n"
    code, _out, err = run_cli("who", _write(tmp_path, "list.yaml", record))
    assert code == 2 and "'村,乡镇' is 2 names in one item: write each as an item of its own, [村, 乡镇]" in err, err
    # a Chinese comma inside a value that parses stays a value's character
    code, _out, err = run_cli("who", _write(tmp_path, "fine.yaml", "# 文屏村，文昌镇\n" + _RECORD))
    assert code == 0, err
