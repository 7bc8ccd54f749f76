"""Output safety (_files): atomic writes, no write over an input, checked stdout, formula cells."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from responsibility import OutputError
from responsibility._files import (
    FORMULA_PREFIXES,
    CheckedStream,
    atomic_binary,
    atomic_path,
    atomic_text,
    check_target,
    neutralise,
    neutralise_row,
    write_text,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_atomic_text_replaces_the_target(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    with atomic_text(out) as f:
        f.write("new")
        assert out.read_text(encoding="utf-8") == "old"  # not visible before the block ends
    assert out.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


def test_failure_keeps_the_previous_output_and_removes_the_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_binary(out) as f:
        f.write(b"half")
        raise RuntimeError("boom")
    assert out.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


def test_os_error_becomes_output_error(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(OutputError, match="no space left") as info, atomic_path(out):
        raise OSError(28, "No space left on device")
    assert "\n" not in str(info.value)
    assert out.read_text(encoding="utf-8") == "previous"
    assert _leftovers(tmp_path) == []


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("x", encoding="utf-8")
    out.chmod(0o640)
    write_text(out, "y")
    assert out.stat().st_mode & 0o777 == 0o640


def test_refuses_an_input(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("id\n1\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(ledger)
    for target in (ledger, link, tmp_path / "." / "ledger.csv"):
        with pytest.raises(OutputError, match="also an input"):
            write_text(target, "x", inputs=[None, "-", ledger])
    assert ledger.read_text(encoding="utf-8") == "id\n1\n"


def test_refuses_a_directory_and_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        check_target(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        check_target(tmp_path / "nope" / "out.csv")


def test_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        check_target(fifo)


@given(st.text(max_size=20))
def test_neutralise(value: str) -> None:
    safe = neutralise(value)
    assert not safe.startswith(FORMULA_PREFIXES)
    assert safe == value or safe == "'" + value
    assert neutralise(value, enabled=False) == value


def test_neutralise_row_leaves_numbers() -> None:
    assert neutralise_row(["=1+1", -5, "@x", None, "ok"]) == ["'=1+1", -5, "'@x", None, "ok"]
    assert neutralise_row(["=1"], enabled=False) == ["=1"]


_WRITER = textwrap.dedent("""
    import sys
    from responsibility._files import CheckedStream
    from responsibility._errors import OutputError
    out = CheckedStream()
    try:
        for _ in range(int(sys.argv[1])):
            out.write("x" * 99 + "\\n")
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
""")


def _writer(n: int, **kw: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(n)], stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload,no-any-return]


def test_broken_pipe_is_one_line_and_exit_2() -> None:
    proc = _writer(200_000, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(1000)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.decode().count("\n") == 1 and "broken pipe" in err.decode()


def test_full_device_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "wb") as full:
        proc = _writer(10, stdout=full)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "no space left" in err.decode()


def test_non_blocking_stdout_delivers_everything() -> None:
    r, w = os.pipe()
    os.set_blocking(w, False)
    proc = _writer(20_000, stdout=w)
    os.close(w)
    got = 0
    with os.fdopen(r, "rb") as reader:
        while chunk := reader.read(4096):
            got += len(chunk)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert got == 20_000 * 100


def test_closed_stdout_is_an_error() -> None:
    code = "from responsibility._files import CheckedStream\nCheckedStream()"
    proc = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=60, check=False)
    assert proc.returncode == 0
    with pytest.raises(OutputError, match="closed"):
        saved, sys.stdout = sys.stdout, None  # type: ignore[assignment]
        try:
            CheckedStream()
        finally:
            sys.stdout = saved


def test_file_size_limit_keeps_previous_output(tmp_path: Path) -> None:
    """A write that fails half-way (here: the file-size limit, like a full disk) leaves nothing behind."""
    out = tmp_path / "out.txt"
    out.write_text("previous", encoding="utf-8")
    code = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 16, 1 << 16))
        from responsibility._files import write_text
        from responsibility._errors import OutputError
        try:
            write_text({str(out)!r}, "x" * (1 << 20))
        except OutputError as exc:
            print(exc, file=sys.stderr)
            sys.exit(2)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "previous file is unchanged" in proc.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    assert _leftovers(tmp_path) == []


def test_a_policy_directory_protects_its_yaml_not_an_output_written_there(tmp_path: Path) -> None:
    from responsibility._errors import OutputError
    from responsibility._files import check_target

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "policy.yaml").write_text("id: x\n", encoding="utf-8")
    (rules / "problems.csv").write_text("old\n", encoding="utf-8")  # written by an earlier run
    assert check_target(rules / "problems.csv", [rules]) == rules / "problems.csv"
    with pytest.raises(OutputError):
        check_target(rules / "policy.yaml", [rules])
    data = tmp_path / "ledger"
    data.mkdir()
    (data / "part-0.csv").write_text("id\n", encoding="utf-8")
    with pytest.raises(OutputError):  # a dataset directory: its data files are inputs
        check_target(data / "part-0.csv", [data])


@pytest.mark.parametrize("args", [
    ["graph", "--area", "housing", "--format", "mermaid", "-o", "{rules}/areas/housing.yaml"],
    ["assess", "examples/records/problems.jsonl", "-o", "{tmp}/f.csv", "--report", "{rules}/areas/water.yaml"],
    ["assess", "examples/records/problems.jsonl", "-o", "{rules}/areas/water.yaml", "--to", "jsonl"],
    ["assess", "examples/records/problems.jsonl", "-o", "{rules}/findings.csv"],
])
def test_no_output_is_written_into_the_shipped_rules(run_cli: Any, tmp_path: Path, args: list[str]) -> None:
    """review19b O1: run from a checkout without --rules, these overwrote a file of rules/ and every later command
    failed until `git checkout rules`."""
    from responsibility.policy._loader import default_rules_dir

    rules = default_rules_dir()
    before = {p: p.read_bytes() for p in rules.rglob("*") if p.is_file()}
    root = Path(__file__).resolve().parents[1]
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code, _, err = run_cli(*[a.format(rules=rules, tmp=tmp_path) for a in args])
    finally:
        os.chdir(cwd)
    assert code == 2 and "shipped data" in err, err
    assert {p: p.read_bytes() for p in rules.rglob("*") if p.is_file()} == before


def test_an_unwritable_directory_is_refused_before_anything_is_written(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """review19b M7: `assess --report ro/x.html` replaced the findings file, then failed on the report. The check runs
    before any output (os.access stands in for a directory without write permission: root may write anywhere)."""
    ro = tmp_path / "ro"
    ro.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == ro else real(p, mode, **kw))
    with pytest.raises(OutputError, match="is not writable"):
        check_target(ro / "x.html")
    assert check_target(tmp_path / "y.html") == tmp_path / "y.html"


def test_a_write_removes_what_a_killed_writer_of_the_same_file_left(tmp_path: Path) -> None:
    """review20b B20-10: kill -9 of assess left a hidden .OUT.*.part (142 MB) that no later run removed."""
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    stale = tmp_path / f".out.csv.{gone}.abc123.part"
    alive = tmp_path / ".out.csv.1.def456.part"  # (pid 1 runs: its writer may still be writing)
    other = tmp_path / f".other.csv.{gone}.xyz.part"  # another output's: not this write's to remove
    for p in (stale, alive, other):
        p.write_text("partial", encoding="utf-8")
    with atomic_text(tmp_path / "out.csv") as f:
        f.write("a,b\n")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "a,b\n"
    assert not stale.exists() and alive.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".other.csv." + gone + ".xyz.part", alive.name,
                                                                  "out.csv"])


def test_a_running_writer_of_a_longer_name_keeps_its_temporary_file(tmp_path: Path) -> None:
    """review20c C20-2: writing 'report' took '.report.2021.csv.<pid>.<rand>.part' for its own, 2021 for a pid that
    had gone, and removed a running writer's file."""
    with atomic_path(tmp_path / "report.2021.csv") as a:
        a.write_text("y", encoding="utf-8")
        with atomic_path(tmp_path / "report") as b:
            b.write_text("x", encoding="utf-8")
        assert a.exists()
    assert (tmp_path / "report.2021.csv").read_text(encoding="utf-8") == "y"


def test_write_texts_writes_all_or_none_when_the_disk_fills(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """hostile58: ``schemas --out`` on a disk that filled part-way left some schemas new and some old."""
    import errno

    from responsibility import _files

    targets = {tmp_path / f"s{i}.json": f"new {i}" for i in range(5)}
    for path in targets:
        path.write_text("old", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # the third file's text does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(_files.os, "fsync", fsync)
    with pytest.raises(OutputError, match=r"s2\.json.*every file is unchanged"):
        _files.write_texts(targets.items(), what="schema")
    assert [p.read_text(encoding="utf-8") for p in targets] == ["old"] * 5
    assert _leftovers(tmp_path) == []
    monkeypatch.setattr(_files.os, "fsync", real_fsync)
    _files.write_texts(targets.items(), what="schema")
    assert [p.read_text(encoding="utf-8") for p in targets] == [f"new {i}" for i in range(5)]
    assert _leftovers(tmp_path) == []


def test_schemas_out_is_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility import _files
    from responsibility.checks._schemas import write_schemas

    first = write_schemas(tmp_path)
    assert len(first) >= 3
    for name in first:
        (tmp_path / name).write_text("stale", encoding="utf-8")
    real_replace, done = os.replace, []

    def replace(a: Any, b: Any) -> None:
        done.append(b)
        real_replace(a, b)

    def fsync(fd: int) -> None:
        if len(_leftovers(tmp_path)) >= 2:  # the second schema does not fit
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(_files.os, "replace", replace)
    monkeypatch.setattr(_files.os, "fsync", fsync)
    with pytest.raises(OutputError, match="every file is unchanged"):
        write_schemas(tmp_path)
    assert done == []
    assert {(tmp_path / n).read_text(encoding="utf-8") for n in first} == {"stale"}
    assert _leftovers(tmp_path) == []
