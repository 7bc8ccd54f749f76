"""Session 61's hostile inputs: `assess --report` stopped while its report is built, and rejects that lost their id.

hostile60 N2: the findings and rejects files were renamed into place before the report was built from them; a run
killed there (Ctrl-C, SIGKILL, a full disk) left the new findings and rejects beside the report of an earlier run.
hostile60 N5: a CSV row with a cell more than its header, and a JSON line nested too deeply, were rejected without
the problem's id the row or line plainly held.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records" / "problems.jsonl"
TIMEOUT = 300  # (a subprocess that hangs fails the test, not the run: an earlier SIGINT test once hung)

pytest.importorskip("pandas")


def _record(pid: str, **more: Any) -> dict[str, Any]:
    return {"id": pid, "area": "housing", "place": "330127100219", "severity": "minor",
            "discovered": {"level": "county", "channel": "audit", "on": "2021-04-01"}, "as_of": "2021-06-30", **more}


def _earlier_run(tmp_path: Path, run_cli: Any) -> tuple[list[str], dict[str, bytes]]:
    """The arguments of a run over a ledger of other records than the shipped example's, and the three outputs an
    earlier run over the example left (their bytes)."""
    outs = [tmp_path / "f.csv", tmp_path / "r.csv", tmp_path / "R.html"]
    code, _, err = run_cli("assess", str(RECORDS), "-o", str(outs[0]), "--rejects", str(outs[1]), "--report",
                           str(outs[2]), "--today", "2021-06-30")
    assert code in (0, 1) and all(p.is_file() for p in outs), err
    ledger = tmp_path / "new.jsonl"
    ledger.write_text("".join(json.dumps(_record(f"N{i}")) + "\n" for i in range(5)) + "not json\n",
                      encoding="utf-8")
    args = ["assess", str(ledger), "-o", str(outs[0]), "--rejects", str(outs[1]), "--report", str(outs[2]),
            "--today", "2021-06-30"]
    return args, {p.name: p.read_bytes() for p in outs}


def _as_before(tmp_path: Path, before: dict[str, bytes]) -> None:
    for name, data in before.items():
        assert (tmp_path / name).read_bytes() == data, f"{name} was replaced"


def _no_temporaries(tmp_path: Path) -> None:
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part"))
    assert left == [], left


# ---------------------------------------------------------------- N2: the outputs of one run land together


def test_a_report_that_fails_to_be_made_leaves_the_earlier_run_s_three_outputs(tmp_path: Path, run_cli: Any,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The findings and rejects files were in place before the report was made: a report that failed left the new
    findings beside the old report. Now nothing is replaced until the report is made too."""
    from responsibility.batch import _report

    args, before = _earlier_run(tmp_path, run_cli)

    def broken(*_a: Any, **_k: Any) -> str:
        raise RuntimeError("the report could not be made")

    monkeypatch.setattr(_report, "report_html", broken)
    code, _, err = run_cli(*args)
    assert code not in (0, 1, 2), err  # (a bug: its own exit code)
    _as_before(tmp_path, before)
    _no_temporaries(tmp_path)
    assert "wrote" not in err, err


def test_a_full_disk_while_the_report_is_written_leaves_every_output_as_it_was(tmp_path: Path, run_cli: Any,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that filled while the report was written: exit 2, the full-disk words, and every output as it was (the
    findings and rejects files had already been replaced, and the message said only of the report that it was
    unchanged)."""
    from responsibility.batch import _io

    args, before = _earlier_run(tmp_path, run_cli)

    class Full:
        def __init__(self, *_a: Any) -> None:
            pass

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_a: object) -> None:
            pass

        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    real = open

    def opening(file: Any, mode: str = "r", *a: Any, **k: Any) -> Any:
        return Full() if ".R.html." in str(file) and "w" in mode else real(file, mode, *a, **k)

    monkeypatch.setattr(_io, "open", opening, raising=False)
    code, _, err = run_cli(*args)
    assert code == 2, err
    assert "cannot write report" in err and "R.html: no space left on its disk" in err, err
    assert "the previous ones are all unchanged" in err and "free space there" in err, err
    assert "Traceback" not in err
    _as_before(tmp_path, before)
    _no_temporaries(tmp_path)


def test_a_full_disk_found_when_the_outputs_are_synced_replaces_none(tmp_path: Path) -> None:
    """A full disk that shows only when a file is synced (NFS, a delayed allocation) is found before any output is
    replaced."""
    from responsibility import OutputError
    from responsibility.batch._io import Landing

    targets = [tmp_path / n for n in ("a.csv", "b.csv", "c.html")]
    for t in targets:
        t.write_text("old", encoding="utf-8")
    landing = Landing()
    for t in targets:
        landing.put(str(t), b"new", what="output")
    real = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(os, "fsync", fsync)
        with pytest.raises(OutputError, match=r"cannot write output .*c\.html: no space left on its disk; no output "
                                              r"was replaced: the previous ones are all unchanged; free space"):
            landing.land()
    assert [t.read_text(encoding="utf-8") for t in targets] == ["old"] * 3
    _no_temporaries(tmp_path)


def test_a_rename_refused_after_another_removes_the_earlier_run_s_outputs_and_says_so(tmp_path: Path) -> None:
    """Where the outputs cannot land together (a rename refused after one was done, a file system's error), those of
    the earlier run that would sit beside this run's are removed, and the error says which."""
    from responsibility import OutputError
    from responsibility.batch._io import Landing

    targets = [tmp_path / n for n in ("f.csv", "r.csv", "R.html")]
    for t in targets:
        t.write_text("old", encoding="utf-8")
    landing = Landing()
    for t, what in zip(targets, ("findings file", "rejects file", "report"), strict=True):
        landing.put(str(t), b"new", what=what)
    real = os.replace
    calls = []

    def replace(a: Any, b: Any) -> None:
        calls.append(b)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real(a, b)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(os, "replace", replace)
        with pytest.raises(OutputError) as got:
            landing.land()
    said = str(got.value)
    assert said.startswith(f"cannot write rejects file {targets[1]}: "), said
    assert f"findings file {targets[0]} was replaced" in said, said
    assert f"the earlier run's rejects file {targets[1]} and report {targets[2]} were removed" in said, said
    assert targets[0].read_text(encoding="utf-8") == "new"
    assert not targets[1].exists() and not targets[2].exists()
    _no_temporaries(tmp_path)


def test_a_ctrl_c_while_the_outputs_are_renamed_is_acted_on_once_all_are_in_place(tmp_path: Path) -> None:
    """The renames are not parted by Ctrl-C: it is held until the last output is in place, then raised."""
    from responsibility.batch._io import Landing

    targets = [tmp_path / n for n in ("f.csv", "r.csv", "R.html")]
    landing = Landing()
    for t in targets:
        landing.put(str(t), b"new")
    real = os.replace
    # (Ctrl-C acted on, as in a terminal: a suite run in the background, as CI is, has SIGINT ignored, and a signal
    # ignored is rightly not held — then nothing is raised and the test tested nothing)
    outer = signal.signal(signal.SIGINT, signal.default_int_handler)
    before = signal.getsignal(signal.SIGINT)

    def replace(a: Any, b: Any) -> None:
        real(a, b)
        if Path(b).name == "f.csv":
            signal.raise_signal(signal.SIGINT)

    try:
        with pytest.MonkeyPatch.context() as m:
            m.setattr(os, "replace", replace)
            with pytest.raises(KeyboardInterrupt):
                landing.land()
        assert [t.read_bytes() for t in targets] == [b"new"] * 3
        _no_temporaries(tmp_path)
        assert signal.getsignal(signal.SIGINT) is before
    finally:
        signal.signal(signal.SIGINT, outer)


def test_the_outputs_are_said_written_once_all_are_and_the_summary_stays_last(tmp_path: Path, run_cli: Any) -> None:
    args, before = _earlier_run(tmp_path, run_cli)
    code, _, err = run_cli(*args)
    assert code == 1, err
    lines = err.splitlines()
    wrote = [i for i, line in enumerate(lines) if line.startswith("wrote ")]
    assert [lines[i].split("/")[-1] for i in wrote] == ["f.csv", "r.csv", "R.html"], err
    assert "records in: 6" in err and wrote[-1] < next(i for i, x in enumerate(lines) if "records in" in x)
    for name, data in before.items():
        assert (tmp_path / name).read_bytes() != data, f"{name} was not replaced"
    assert "N3" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
    _no_temporaries(tmp_path)


_STOPPED = textwrap.dedent("""
    import os, signal, sys, time
    from responsibility.batch import _report
    from responsibility.cli import main

    def stop(*_a, **_k):
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        time.sleep(60)  # (the signal ends the wait)
        raise SystemExit("the signal did not stop the run")

    _report.report_html = stop
    sys.exit(main(sys.argv[2:]))
""")


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_run_stopped_while_its_report_is_built_leaves_the_earlier_run_s_outputs(tmp_path: Path, run_cli: Any,
                                                                                  sig: str) -> None:
    """Ctrl-C, SIGTERM or SIGKILL while the report is built: the earlier run's findings, rejects and report all as
    they were (Ctrl-C and SIGTERM remove the temporary files too; after SIGKILL the next run removes them)."""
    args, before = _earlier_run(tmp_path, run_cli)
    # (Ctrl-C as a terminal's foreground job gets it: a suite run in the background, as `nohup … &` runs CI, hands its
    # children SIGINT ignored, which Python keeps — test_hostile_entry's _as_a_terminal_job)
    proc = subprocess.run([sys.executable, "-c", _STOPPED, sig, *args], capture_output=True, text=True,
                          timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    if sig == "SIGKILL":
        assert proc.returncode == -signal.SIGKILL, proc.stderr
    else:
        assert proc.returncode in (130, 143), proc.stderr
        assert "Traceback" not in proc.stderr, proc.stderr
        _no_temporaries(tmp_path)
    _as_before(tmp_path, before)
    code, _, err = run_cli(*args)  # the next run: all three of its own, nothing left behind
    assert code == 1, err
    _no_temporaries(tmp_path)
    assert all((tmp_path / name).read_bytes() != data for name, data in before.items())


# ---------------------------------------------------------------- N5: rejects that keep the problem's id


_HEADER = "id,area,place,severity,discovered.level,discovered.channel,discovered.on,as_of"
_ROW = "housing,330127100219,minor,county,audit,2021-04-01,2021-06-30"


def _rejects(tmp_path: Path, run_cli: Any, name: str, text: str) -> list[dict[str, str]]:
    import csv

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    code, _, err = run_cli("assess", str(source), "-o", os.devnull, "--rejects", str(tmp_path / "r.csv"),
                           "--lang", "en")
    assert code == 1, err
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_csv_row_with_a_cell_more_than_its_header_is_rejected_with_its_id(tmp_path: Path, run_cli: Any) -> None:
    """A row cut short was rejected with its id, a row with a cell too many without it (problem empty)."""
    text = f"{_HEADER}\nP1,{_ROW}\nP2,{_ROW},extra\nP3,{_ROW},,,oops\nP4,{_ROW.rsplit(',', 1)[0]}\n,{_ROW},x\n"
    got = _rejects(tmp_path, run_cli, "x.csv", text)
    assert [(r["line"], r["problem"], r["code"]) for r in got] == [
        ("3", "P2", "bad_row"), ("4", "P3", "bad_row"), ("5", "P4", "bad_row"), ("6", "", "bad_row")], got
    assert got[0]["reason"] == "problem 'P2', line 3: 9 cells, but the header has 8", got
    assert got[1]["reason"].startswith("problem 'P3', line 4: 11 cells"), got


def test_a_csv_row_with_a_value_under_no_header_is_rejected_with_its_id(tmp_path: Path, run_cli: Any) -> None:
    """A header that ends in empty columns (as a spreadsheet saves one): a value under one of them."""
    got = _rejects(tmp_path, run_cli, "x.csv", f"{_HEADER},,\nP1,{_ROW},,\nP2,{_ROW},,stray\n")
    assert [(r["line"], r["problem"]) for r in got] == [("3", "P2")], got
    assert got[0]["reason"].startswith("problem 'P2', line 3: column 10 has a value ('stray') but no header"), got


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def test_a_json_line_nested_too_deeply_is_rejected_with_its_id_where_it_has_one(tmp_path: Path,
                                                                               run_cli: Any) -> None:
    """Deeper than a record is (64) but read by Python's parser, and deeper than that parser reads (its recursion
    limit): the id at the top level, before or after the deep part, is the reject's problem; where there is none,
    the reason says the id cannot be told."""
    lines = [json.dumps(_record("OK")),
             '{"id": "D1", "area": "housing", "x": ' + _deep(70) + "}",
             '{"area": "housing", "x": ' + _deep(70) + ', "id": "D2"}',
             '{"id": "D3", "x": ' + _deep(5000) + "}",
             '{"x": ' + _deep(5000) + ', "area": "housing", "id": 4}',
             '{"x": {"id": "inner", "y": ' + _deep(5000) + "}}",
             _deep(100_000)]
    got = _rejects(tmp_path, run_cli, "x.jsonl", "\n".join(lines) + "\n")
    assert [(r["line"], r["problem"], r["code"]) for r in got] == [
        ("2", "D1", "bad_json"), ("3", "D2", "bad_json"), ("4", "D3", "bad_json"), ("5", "4", "bad_json"),
        ("6", "", "bad_json"), ("7", "", "bad_json")], got
    assert got[0]["reason"].startswith("problem 'D1', field 'x[0]"), got
    assert got[2]["reason"].startswith("problem 'D3', line 4: JSON nested too deeply"), got
    for r in got[4:]:
        assert "its problem's id cannot be told" in r["reason"], r


def test_top_level_id_reads_only_the_record_s_own_key() -> None:
    from responsibility.batch._io import top_level_id

    assert top_level_id('{"id": "a\\"b", "x": ' + _deep(3000) + "}") == 'a"b'
    assert top_level_id('{"x": "\\"id\\": \\"no\\"", "id" : 12}') == "12"
    assert top_level_id('{"x": ' + _deep(10) + ', "id": true}') is None
    assert top_level_id('{"id": ["P1"]}') is None
    assert top_level_id('[{"id": "P1"}]') is None
    assert top_level_id('{"x": [{"id": "P1"}]}') is None


def test_a_record_given_in_python_nested_too_deeply_is_rejected_with_its_id() -> None:
    """Policy.assess of records as dicts: the same reject, with the id."""
    import responsibility

    deep: Any = 1
    for _ in range(70):
        deep = [deep]
    got = responsibility.load().assess([_record("OK"), {**_record("DP"), "x": deep}], today="2021-06-30")
    rejects = got.rejects
    assert list(rejects["problem"]) == ["DP"] and list(rejects["code"]) == ["bad_json"], rejects
