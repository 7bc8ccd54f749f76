"""The HTTP service as a real server: `responsibility serve` on a free loopback port, talked to
with httpx, stopped at the end."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from responsibility import Jurisdiction, Policy  # noqa: E402
from responsibility.service import read_log, token_hash  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "real-server-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    """A server process and its address."""

    def __init__(self, proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.proc, self.url, self.log = proc, url, log


def start(tmp: Path, *args: str, env: dict[str, str] | None = None, file_size: int | None = None) -> Server:
    """`responsibility serve` on a free loopback port; waits until /health answers. ``file_size``: the most bytes
    the server may write to a file (RLIMIT_FSIZE; Python ignores SIGXFSZ, so a write past it fails as on a full
    disk)."""
    port = free_port()
    log = tmp / "decisions.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "responsibility", "serve", "--port", str(port), "--decision-log", str(log),
         "--log-level", "warning", *args],
        cwd=tmp, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=None if file_size is None else lambda: _limit_files(file_size))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _, err = proc.communicate()
            raise AssertionError(f"the server stopped (exit {proc.returncode}): {err.decode()}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200 and ours(port, proc.pid):
                return Server(proc, url, log)
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    stop(proc)
    raise AssertionError("the server did not answer /health within 120 s")


def _limit_files(size: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def ours(port: int, pid: int) -> bool:
    """Whether the socket listening on ``port`` is held by ``pid`` or a process it started. The port was free when
    :func:`free_port` let it go, but another server (a test in another process, another suite on the machine) may
    have taken it before ours bound it: its /health answers too, and the tests would talk to the wrong server."""
    if not Path("/proc/net/tcp").exists():
        return True  # no /proc (not Linux): the free port is taken on trust
    inodes = set(listening_inodes(port))
    pids, held = [pid], set()
    while pids:
        p = pids.pop()
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{p}/fd").iterdir():
                with contextlib.suppress(OSError):
                    held.add(os.readlink(fd))
            for task in Path(f"/proc/{p}/task").iterdir():
                with contextlib.suppress(OSError):
                    pids += [int(c) for c in (task / "children").read_text().split()]
    return any(f"socket:[{i}]" in held for i in inodes)


def stop(proc: subprocess.Popen[bytes]) -> int:
    """Stop the server (SIGINT, as Ctrl-C; SIGKILL if it hangs); its exit code."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout:
        proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()
    return proc.returncode


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("server")
    tokens = tmp / "tokens.yaml"
    tokens.write_text(f"tokens:\n  - {{name: chunan, role: county, jurisdiction: '330127', "
                      f"sha256: {token_hash(TOKEN)}}}\n", encoding="utf-8")
    from responsibility.ledger import Ledger

    ledger = tmp / "county.db"
    with Ledger.create(str(ledger)) as led:
        led.append([{"problem": "L1", "type": "registered", "on": "2021-03-01", "domain": "housing",
                     "place": "330127100219"}], entered_by="seed")
    s = start(tmp, "--tokens", str(tokens), "--ledger", str(ledger))
    try:
        yield s
    finally:
        stop(s.proc)
    assert s.proc.returncode is not None


def test_a_real_server_answers_as_the_library(server: Server, policy: Policy, example: Jurisdiction) -> None:
    record = {"id": "real-1", "domain": "housing", "place": "330127100219", "severity": "grave",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=server.url, headers=auth, timeout=30) as client:
        r = client.post("/v1/verdict", json=record)
        assert r.status_code == 200, r.text
        assert r.json() == policy.who_answers(record, jurisdiction=example, engine="compiled").to_dict()
        assert client.post("/v1/verdict", json={**record, "place": "331127"}).status_code == 403
        assert httpx.post(f"{server.url}/v1/verdict", json=record).status_code == 401
        # a batch streamed in (a generator: chunked transfer) and out
        lines = (json.dumps({**record, "id": f"real-{i}"}).encode() + b"\n" for i in range(300))
        rows: list[Any] = []
        with client.stream("POST", "/v1/assess", content=lines) as response:
            assert response.status_code == 200
            rows = [json.loads(x) for x in response.iter_lines() if x]
        assert rows[-1]["summary"]["records"] == 300 == rows[-1]["summary"]["assessed"]
        per = len(policy.who_answers(record, jurisdiction=example).findings)
        assert rows[-1]["summary"]["findings"] == 300 * per == len(rows) - 1
        assert "Problem" in client.get("/openapi.json").json()["components"]["schemas"]
        listed = client.get("/v1/ledger/lists/problems?as_of=2021-06-30")
        assert listed.status_code == 200 and [row["problem"] for row in listed.json()] == ["L1"]
    lines_logged = read_log(server.log)
    assert [x["status"] for x in lines_logged] == [200, 403, 200]
    assert lines_logged[1]["caller"] == "chunan" and lines_logged[2]["records"] == 300


def listening_inodes(port: int) -> list[str]:
    """The inodes of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    return [line.split()[9] for table in ("/proc/net/tcp", "/proc/net/tcp6") if Path(table).exists()
            for line in Path(table).read_text().splitlines()[1:]
            if line.split()[3] == "0A" and int(line.split()[1].rsplit(":", 1)[1], 16) == port]


def listening(port: int) -> int:
    """Sockets listening on ``port`` (the workers each open one when ready)."""
    return len(listening_inodes(port))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT workers are Linux's")
def test_workers_each_listen_and_log_every_verdict_by_shutdown(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.yaml"
    tokens.write_text(f"tokens:\n  - {{name: chunan, role: county, jurisdiction: '330127', "
                      f"sha256: {token_hash(TOKEN)}}}\n", encoding="utf-8")
    s = start(tmp_path, "--tokens", str(tokens), "--workers", "2")
    port = int(s.url.rsplit(":", 1)[1])
    try:
        deadline = time.monotonic() + 120
        while listening(port) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert listening(port) == 2
        record = {"id": "w", "domain": "housing", "place": "330127100219", "as_of": "2021-06-30",
                  "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
        for i in range(40):  # a new connection each: the kernel spreads them over the listening workers
            r = httpx.post(f"{s.url}/v1/verdict", json={**record, "id": f"w{i}"},
                           headers={"Authorization": f"Bearer {TOKEN}", "Connection": "close"})
            assert r.status_code == 200, r.text
        children = Path(f"/proc/{s.proc.pid}/task/{s.proc.pid}/children").read_text().split()
        pids = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        assert len(pids) == 2  # the workers (beside them, multiprocessing's resource tracker)
    finally:
        code = stop(s.proc)
    assert code == 0
    lines = read_log(s.log)
    assert sorted(x["problem"] for x in lines) == sorted(f"w{i}" for i in range(40))
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()]  # no worker outlives the server


@pytest.mark.slow
def test_serve_refuses_unusable_settings(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "responsibility", "serve", "--port", str(free_port()), "--decision-log",
           str(tmp_path / "d.jsonl")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESPONSIBILITY_")}
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    taken = ["--no-auth", "--port", str(busy.getsockname()[1])]
    with busy:
        for extra, message in [([], "no tokens configured"),
                               (["--no-auth", "--host", "0.0.0.0"], "--no-auth admits anyone"),
                               (taken, "cannot listen on 127.0.0.1"), ([*taken, "--workers", "2"], "cannot listen")]:
            proc = subprocess.run([*run, *extra], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
            assert proc.returncode == 2, proc.stderr
            assert message in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_the_benchmark_runs_and_prints_its_figures() -> None:
    # A tiny size, so the script cannot rot; the full-size figures go in the closing note.
    args = ["--requests", "60", "--concurrency", "4", "--batch", "300", "--runs", "1", "--province", "small"]
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_service.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "verdicts:" in proc.stdout and "0 errors" in proc.stdout
    assert "ratio batch / assess" in proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE and SO_REUSEPORT workers")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_exits_2_when_decision_log_lines_were_lost_with_any_number_of_workers(tmp_path: Path,
                                                                                     workers: str) -> None:
    """review22b R22b-7 left `serve --workers N` exiting 0 when its workers lost decision-log lines (only the
    single-process server exited 2). Every worker now says what it lost as it stops, and serve exits 2."""
    tokens = tmp_path / "tokens.yaml"
    tokens.write_text(f"tokens:\n  - {{name: chunan, role: county, jurisdiction: '330127', "
                      f"sha256: {token_hash(TOKEN)}}}\n", encoding="utf-8")
    s = start(tmp_path, "--tokens", str(tokens), "--workers", workers, file_size=16)  # no line fits: all lost
    record = {"id": "w", "domain": "housing", "place": "330127100219", "as_of": "2021-06-30",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
    try:
        port = int(s.url.rsplit(":", 1)[1])
        deadline = time.monotonic() + 120
        while listening(port) < int(workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        for i in range(6):
            r = httpx.post(f"{s.url}/v1/verdict", json={**record, "id": f"w{i}"},
                           headers={"Authorization": f"Bearer {TOKEN}", "Connection": "close"})
            assert r.status_code == 200, r.text  # answered: a full disk does not stop the service (documented)
        time.sleep(0.5)  # (the log's writer tries every few milliseconds)
    finally:
        s.proc.send_signal(signal.SIGINT)
        _, err = s.proc.communicate(timeout=60)
    text = err.decode()
    assert s.proc.returncode == 2, text
    assert "line(s) lost" in text and "free space" in text, text
    assert "Traceback" not in text, text
