"""Load test of the API on loopback: owners, a node read and a neighbourhood beside hello-world.

Starts ``orgmodel serve`` (with ORGMODEL_BENCH_ENDPOINTS=1, no access log) unless --url is
given, then runs each endpoint for --duration seconds with --connections concurrent keep-alive
connections, one after the other on the same server, and prints requests/s, p50, p99, errors
and the ratio to /bench/hello as a Markdown table.

    python bench/api_bench.py                          # embedded store, wrk if installed
    python bench/api_bench.py --tool python            # asyncio + httpx load generator
    NEO4J_URI=… NEO4J_PASSWORD=… python bench/api_bench.py --neo4j   # Neo4j (loaded first)

wrk (``apt-get install wrk``) is the default: a C load generator takes far less CPU than a
Python one, which matters when client and server share two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ENDPOINTS = {
    "hello": "/bench/hello",
    "owners": "/api/v1/owners?q=l%C3%B8n",
    "node": "/api/v1/nodes/unit:organisation-og-politik",
    "neighbourhood": "/api/v1/neighbourhood/unit:organisation-og-politik",
}


@dataclass
class Result:
    endpoint: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Ask a server process to end; kill it if it has not within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def start_server(port: int, neo4j: bool, data_dir: Path | None = None,
                 timeout: float = 120) -> subprocess.Popen[bytes]:
    """``orgmodel serve`` in a process of its own (the bench endpoints on), once it is ready.

    Also used by ``views_bench.py``: a server in a thread of the benchmark's process would
    share the interpreter lock with the client that measures it.
    """
    env = {**os.environ, "ORGMODEL_BENCH_ENDPOINTS": "1"}
    if not neo4j:
        env.pop("NEO4J_URI", None)
    command = [sys.executable, "-m", "orgmodel.cli", "serve", "--port", str(port),
               "--no-access-log", "--log-level", "warning"]
    if neo4j:
        command.append("--neo4j")
    if data_dir is not None:
        command += ["--data", str(data_dir)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit("the server did not start")
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not become ready")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(text)
    return float(match[1]) * _UNITS[match[2]]


def run_wrk(name: str, url: str, connections: int, duration: float) -> Result:
    subprocess.run(["wrk", "-t1", f"-c{connections}", "-d2s", url], check=True,
                   capture_output=True)  # warm-up
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{duration:g}s", "--latency", url],
                         check=True, capture_output=True, text=True).stdout
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)[1])  # type: ignore[index]
    seconds = _ms("".join(re.search(r"requests in ([\d.]+)(\w+),", out).groups())) / 1000  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)\s*$", out, re.MULTILINE)[1])  # type: ignore[index]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)\s*$", out, re.MULTILINE)[1])  # type: ignore[index]
    errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|connect|read|write|"
                                            r"timeout) (\d+)", out))
    return Result(name, requests, seconds, p50, p99, errors)


async def _python_load(url: str, connections: int, duration: float) -> Result:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:

        async def worker(until: float, record: bool) -> None:
            nonlocal errors
            while time.perf_counter() < until:
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if record:
                    latencies.append((time.perf_counter() - started) * 1000)
                    errors += not ok

        warm = time.perf_counter() + 2
        await asyncio.gather(*(worker(warm, False) for _ in range(connections)))
        started = time.perf_counter()
        await asyncio.gather(*(worker(started + duration, True) for _ in range(connections)))
        seconds = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return Result("", len(latencies), seconds, cuts[49], cuts[98], errors)


def run_python(name: str, url: str, connections: int, duration: float) -> Result:
    result = asyncio.run(_python_load(url, connections, duration))
    result.endpoint = name
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def table(results: list[Result]) -> str:
    hello = next((r.rate for r in results if r.endpoint == "hello"), 0.0)
    rows = ["| endpoint | requests/s | p50 ms | p99 ms | errors | vs hello |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        ratio = f"{r.rate / hello:.0%}" if hello else "–"
        rows.append(f"| {r.endpoint} | {r.rate:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | "
                    f"{r.errors} | {ratio} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="benchmark a running server (with bench endpoints on)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--tool", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--neo4j", action="store_true", help="serve from Neo4j (NEO4J_URI)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    server = None
    base = args.url
    if base is None:
        port = free_port()
        server = start_server(port, args.neo4j)
        base = f"http://127.0.0.1:{port}"
    runner = run_wrk if args.tool == "wrk" else run_python
    try:
        results = [runner(name, base + path, args.connections, args.duration)
                   for name, path in ENDPOINTS.items()]
    finally:
        if server is not None:
            stop_process(server)
    store = "Neo4j" if args.neo4j else "embedded store"
    print(f"{machine()}; {store}; load: {args.tool}, {args.connections} connections, "
          f"{args.duration:g} s per endpoint\n")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([{**asdict(r), "rate": r.rate} for r in results],
                                        indent=2))
    return 0 if all(r.errors == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
