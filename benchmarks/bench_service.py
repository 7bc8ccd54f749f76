"""The HTTP service under load on loopback: single verdicts and a streamed batch.

Usage: python benchmarks/bench_service.py [--requests N] [--concurrency C] [--seconds S]
                                          [--batch B] [--runs R] [--workers W] [--engine E]
                                          [--province full|small] [--breakdown]
(defaults: N = 20,000 verdicts by C = 32 concurrent clients, at most S = 30 s; a batch of
B = 10,000 problems; R = 3 runs of each, medians printed; W = 1 server process)

It starts ``responsibility serve`` on a free 127.0.0.1 port (with a token, a decision log and
the synthetic province of ``bench_assess``), waits for /health, and prints:

- verdicts: C clients, each on its own keep-alive connection (a minimal HTTP/1.1 client on
  asyncio, so that the client spends little of the two cores), post the problems of a
  generated ledger one at a time until N answers or S seconds; throughput, p50 and p99
  latency, and the server's CPU seconds (user+sys, from /proc) and the client's, per verdict;
  how evenly the connections were served, the load average, and (from the decision log) the
  time a verdict spends inside the server, so that the rest of the latency is waiting;
- with --breakdown, first the CPU of each stage of a verdict in this process (JSON, hashes,
  validation, decision, verdict building, log line, the whole ASGI application); the server's
  CPU per verdict less the whole application is the HTTP layer (uvicorn, sockets);
- batch: the same B problems as JSON lines posted to /v1/assess and read back, against
  ``responsibility assess`` on the same JSON-lines file as a fresh process (start-up included),
  both wall and CPU seconds, and their ratio.

The server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_assess import TODAY, ledger

import responsibility
import responsibility.service
from responsibility import Jurisdiction

TOKEN = "bench-service-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cpu_of(pid: int) -> float:
    """User + system CPU seconds of a process and its children that have been waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def tree_preemptions(pid: int) -> int:
    """Involuntary context switches of a process's threads and its live children: how often the
    kernel took the CPU from the server while it had work (other processes wanted it)."""
    pids = [str(pid)]
    with contextlib.suppress(OSError):
        pids += Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0
    for p in pids:
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{p}/task").iterdir():
                for line in (task / "status").read_text().splitlines():
                    if line.startswith("nonvoluntary_ctxt_switches:"):
                        total += int(line.split()[1])
    return total


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its live children (uvicorn workers)."""
    total = cpu_of(pid)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for child in children:
        with contextlib.suppress(OSError):  # a worker that has just exited
            total += cpu_of(int(child))
    return total


def start_server(tmp: Path, jcsv: Path, workers: int, engine: str) -> tuple[subprocess.Popen[bytes], int]:
    from responsibility.service import token_hash

    tokens = tmp / "tokens.yaml"
    tokens.write_text(f"tokens:\n  - {{name: bench, role: province, jurisdiction: '33', "
                      f"sha256: {token_hash(TOKEN)}}}\n", encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "responsibility", "serve", "--port", str(port), "--tokens", str(tokens),
         "--jurisdiction", str(jcsv), "--decision-log", str(tmp / "decisions.jsonl"), "--workers", str(workers),
         "--engine", engine, "--log-level", "warning", "--max-batch-records", "10000000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200") and listening(port) >= workers:
                    return proc, port
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("the server did not start within 180 s")


def listening(port: int) -> int:
    """How many sockets listen on ``port`` (one per ready worker: each opens its own when ready)."""
    n = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    n += 1
    return n


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr:
        proc.stderr.close()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
        elif name.lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    body = bytearray()
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        body += await reader.readexactly(size + 2)
        if size == 0:
            return status, bytes(body)


async def _verdicts(port: int, bodies: list[bytes], n: int, clients: int, seconds: float
                    ) -> tuple[list[float], int, list[int]]:
    latencies: list[float] = []
    errors = 0
    next_i = 0
    deadline = time.perf_counter() + seconds
    per_client: list[int] = []

    async def client() -> None:
        nonlocal next_i, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        done = 0
        try:
            while next_i < n and time.perf_counter() < deadline:
                done += 1
                body = bodies[next_i % len(bodies)]
                next_i += 1
                request = (b"POST /v1/verdict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: "
                           + str(len(body)).encode() + b"\r\n\r\n" + body)
                t0 = time.perf_counter()
                writer.write(request)
                status, _ = await _read_response(reader)
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors += 1
        finally:
            writer.close()
            per_client.append(done)

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors, per_client


def verdict_run(port: int, server: int, bodies: list[bytes], n: int, clients: int, seconds: float) -> dict[str, Any]:
    cpu0, me0, pre0, t0 = tree_cpu(server), _self_cpu(), tree_preemptions(server), time.perf_counter()
    latencies, errors, per_client = asyncio.run(_verdicts(port, bodies, n, clients, seconds))
    wall = time.perf_counter() - t0
    preempted = tree_preemptions(server) - pre0
    latencies.sort()
    return {"n": len(latencies), "wall": wall, "rate": len(latencies) / wall, "errors": errors,
            "p50": latencies[len(latencies) // 2] * 1000, "p99": latencies[int(len(latencies) * 0.99)] * 1000,
            "server_cpu": tree_cpu(server) - cpu0, "client_cpu": _self_cpu() - me0,
            "spread": (min(per_client), max(per_client)), "load": os.getloadavg()[0], "preempted": preempted}


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def batch_run(port: int, server: int, src: Path) -> tuple[float, float, int]:
    """Wall and server CPU seconds to post the JSON-lines file and read every output line; lines."""
    cpu0, t0 = tree_cpu(server), time.perf_counter()
    data = src.read_bytes()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST /v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                  b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: " + str(len(data)).encode()
                  + b"\r\nConnection: close\r\n\r\n")
        s.sendall(data)
        chunks = []
        while piece := s.recv(1 << 20):
            chunks.append(piece)
    wall = time.perf_counter() - t0
    body = b"".join(chunks)
    if not body.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"the batch failed: {body[:300]!r}")
    return wall, tree_cpu(server) - cpu0, body.count(b"\n")


def assess_run(src: Path, out: Path, jcsv: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``responsibility assess`` on the same file (a fresh process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "responsibility", "assess", str(src), "-o", str(out),
                           "--jurisdiction", str(jcsv), "--today", TODAY, "--no-progress"], capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"responsibility assess failed: {proc.stderr.decode()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _asgi_call(app: Any, body: bytes) -> Any:
    """One POST /v1/verdict through the ASGI application, in this process (no sockets)."""
    scope = {"type": "http", "method": "POST", "path": "/v1/verdict", "root_path": "", "query_string": b"",
             "headers": [(b"authorization", b"Bearer " + TOKEN.encode()), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())], "http_version": "1.1", "scheme": "http",
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1)}
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start" and message["status"] != 200:
            raise SystemExit(f"in-process verdict failed: {message}")

    return app(scope, receive, send)


def breakdown(bodies: list[bytes], jcsv: Path, tmp: Path) -> None:
    """CPU per verdict of each stage of POST /v1/verdict, in this process (medians of 3)."""
    from responsibility.engine._decide import decider_of
    from responsibility.engine._problem import parse_problem
    from responsibility.service import DecisionLog, TokenStore, create_app, digest, findings_hash, token_hash
    from responsibility.service import _jsonio as jsonio

    tokens = TokenStore.from_data({"tokens": [{"name": "bench", "role": "province", "jurisdiction": "33",
                                               "sha256": token_hash(TOKEN)}]})
    app = create_app(tokens=tokens, jurisdiction=jcsv, decision_log=tmp / "breakdown.jsonl")
    svc = app.state.service
    svc.warm()
    policy, j = svc.policy, svc.jurisdiction
    decider = decider_of(policy)
    raws = [jsonio.loads(b) for b in bodies]
    # Fresh objects for every repetition: a verdict or a parsed problem keeps what it worked out.
    fresh = [[decider.decide(r, j, engine="compiled") for r in raws] for _ in range(3)]
    verdicts = [decider.decide(r, j, engine="compiled") for r in raws]
    dicts = [v.to_dict("zh") for v in verdicts]
    log = DecisionLog(tmp / "breakdown-log.jsonl")

    async def through_app() -> None:
        for b in bodies:
            await _asgi_call(app, b)

    def to_dicts() -> None:
        for v in fresh.pop():
            v.to_dict("zh")

    stages: list[tuple[str, Any]] = [
        ("JSON parse of the body", lambda: [jsonio.loads(b) for b in bodies]),
        ("input hash (canonical JSON, SHA-256)", lambda: [digest(r) for r in raws]),
        ("record validation (parse_problem)", lambda: [parse_problem(r, policy, j, None) for r in raws]),
        ("validation + decision + verdict (who_answers)",
         lambda: [decider.decide(r, j, engine="compiled") for r in raws]),
        ("verdict as JSON-ready dict (to_dict)", to_dicts),
        ("findings hash", lambda: [findings_hash(v, d) for v, d in zip(verdicts, dicts, strict=True)]),
        ("response JSON", lambda: [jsonio.dumps(d) for d in dicts]),
        ("decision log line (write + background append)",
         lambda: ([log.write(caller="bench", endpoint="POST /v1/verdict", status=200, input="0" * 64,
                             findings="0" * 64, problem=d["problem"], latency_ms=0.5) for d in dicts], log.flush())),
        ("the whole ASGI application (no sockets)", lambda: asyncio.run(through_app())),
    ]
    print(f"breakdown: CPU per verdict in-process over {len(bodies):,} problems (median of 3)")
    for name, run in stages:
        times = []
        for _ in range(3):
            c0 = time.process_time()
            run()
            times.append(time.process_time() - c0)
        print(f"  {name:<48} {statistics.median(times) / len(bodies) * 1e6:7.1f} µs")
    log.close()
    svc.log.close()


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--requests", type=int, default=20_000)
    args.add_argument("--concurrency", type=int, default=32)
    args.add_argument("--seconds", type=float, default=30.0, help="at most this long per verdict run")
    args.add_argument("--batch", type=int, default=10_000)
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--workers", type=int, default=1)
    args.add_argument("--engine", choices=["compiled", "durable"], default="compiled")
    args.add_argument("--province", choices=["full", "small"], default="full",
                      help="the synthetic province of bench_assess, or a small one (for the test suite)")
    args.add_argument("--breakdown", action="store_true", help="also time each stage of a verdict in-process")
    opts = args.parse_args(argv)
    policy = responsibility.load()
    j = Jurisdiction.synthetic() if opts.province == "full" else \
        Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)
    records = ledger(policy, j, max(opts.batch, min(opts.requests, 2000)))
    for r in records:
        r.setdefault("as_of", TODAY)
    bodies = [json.dumps(r, ensure_ascii=False).encode() for r in records[:2000]]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        jcsv, src, out = tmp / "province.csv", tmp / "ledger.jsonl", tmp / "findings.jsonl"
        jcsv.write_text(j.to_csv(), encoding="utf-8")
        src.write_bytes(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records[:opts.batch]))
        if opts.breakdown:
            breakdown(bodies, jcsv, tmp)
        proc, port = start_server(tmp, jcsv, opts.workers, opts.engine)
        try:
            print(f"server: {opts.workers} process(es), engine {opts.engine}, pid {proc.pid}, port {port}")
            verdict_run(port, proc.pid, bodies, min(500, opts.requests), opts.concurrency, opts.seconds)  # warm-up
            runs = [verdict_run(port, proc.pid, bodies, opts.requests, opts.concurrency, opts.seconds)
                    for _ in range(opts.runs)]
            mid = sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]
            rates = ", ".join(f"{r['rate']:,.0f}" for r in runs)
            print(f"verdicts: {mid['rate']:,.0f}/s, p50 {mid['p50']:.1f} ms, p99 {mid['p99']:.1f} ms "
                  f"({mid['n']:,} requests by {opts.concurrency} clients in {mid['wall']:.2f} s wall; server CPU "
                  f"{mid['server_cpu']:.2f} s, client CPU {mid['client_cpu']:.2f} s; {mid['errors']} errors; "
                  f"median of {opts.runs} by throughput: {rates}/s)")
            p99s = ", ".join(f"{r['p99']:.1f}" for r in runs)
            print(f"  server CPU {mid['server_cpu'] / mid['n'] * 1000:.3f} ms/verdict, client "
                  f"{mid['client_cpu'] / mid['n'] * 1000:.3f} ms/verdict; requests per connection "
                  f"{mid['spread'][0]}–{mid['spread'][1]}; p99 of each run: "
                  f"{p99s} ms; "
                  f"1-min load average {mid['load']:.1f} on {os.cpu_count()} CPUs; the server was preempted "
                  f"{mid['preempted'] / mid['wall']:,.0f} times/s")
            print("  targets on 2 cores: ≥ 1,000/s, p99 ≤ 50 ms")
            batches = [batch_run(port, proc.pid, src) for _ in range(opts.runs)]
        finally:
            stop_server(proc)
        # The server's own time per verdict (from reading the request to the answer, as the decision
        # log records it): what is left of the client's latency is waiting (queue, CPU taken by others).
        logged = [x["latency_ms"] for x in responsibility.service.read_log(tmp / "decisions.jsonl")
                  if x["endpoint"] == "POST /v1/verdict"]
        inside = sorted(logged[min(500, opts.requests):])  # not the warm-up
        if inside:
            print(f"  inside the server (decision log latency, all runs): p50 {inside[len(inside) // 2]:.2f} ms, "
                  f"p99 {inside[int(len(inside) * 0.99)]:.2f} ms")
        assesses = [assess_run(src, out, jcsv) for _ in range(opts.runs)]
    b_wall = statistics.median(b[0] for b in batches)
    b_cpu = statistics.median(b[1] for b in batches)
    a_wall = statistics.median(a[0] for a in assesses)
    a_cpu = statistics.median(a[1] for a in assesses)
    print(f"batch of {opts.batch:,} streamed: {b_wall:.2f} s wall, server CPU {b_cpu:.2f} s, {batches[0][2]:,} lines "
          f"(median of {opts.runs}: {', '.join(f'{b[0]:.2f}' for b in batches)} s)")
    print(f"`responsibility assess` on the same records: {a_wall:.2f} s wall, {a_cpu:.2f} s CPU, start-up included "
          f"(median of {opts.runs}: {', '.join(f'{a[0]:.2f}' for a in assesses)} s)")
    print(f"ratio batch / assess: {b_wall / a_wall:.2f}x wall (target ≤ 2x), {b_cpu / a_cpu:.2f}x CPU")


if __name__ == "__main__":
    main()
