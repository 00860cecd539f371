"""How fast ``briefgen serve`` answers once warm, against a cold CLI run.

Run from the project folder: ``python benchmarks/bench_serve.py [--runs 5]``.
Starts ``python -m briefgen serve`` on a free loopback port (nothing leaves the machine),
with temporary output and cache folders, builds one draft to warm it, then measures:
a warm build through the API vs a cold CLI run (same draft, chart cache warm for both),
and the latency of 10 concurrent build requests, with /api/health during that load.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
YEAR, HOST = "2025", "Tuyên Quang"
CONCURRENT = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post_draft(base: str) -> float:
    """Return the seconds one ``POST /api/drafts`` took (it must answer 201)."""
    body = urllib.parse.urlencode({"year": YEAR, "host": HOST}).encode()
    start = time.perf_counter()
    with urllib.request.urlopen(f"{base}/api/drafts", data=body, timeout=300) as response:
        assert response.status == 201, response.status
        response.read()
    return time.perf_counter() - start


def get_health(base: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(f"{base}/api/health", timeout=60) as response:
        response.read()
    return time.perf_counter() - start


def cold_cli(env: dict, out: Path) -> float:
    """Return the wall seconds of ``python -m briefgen --year 2025 --host …`` in a fresh interpreter."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefgen", "--year", YEAR, "--host", HOST, "--out", str(out)],
                   cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def start(env: dict, out: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "serve", "--port", str(port),
                                "--out", str(out)], cwd=PROJECT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            get_health(f"http://127.0.0.1:{port}")
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def concurrent_latency(base: str) -> tuple[list[float], float, list[float]]:
    """Return each of 10 concurrent builds' latency, the wall time, and health latencies meanwhile."""
    health: list[float] = []
    start_at = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENT) as pool:
        futures = [pool.submit(post_draft, base) for _ in range(CONCURRENT)]
        while not all(f.done() for f in futures):
            health.append(get_health(base))
            time.sleep(0.1)
        latencies = [f.result() for f in futures]
    return latencies, time.perf_counter() - start_at, health


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as work:
        env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(Path(work) / "cache"), "PYTHONPATH": str(PROJECT)}
        cold_cli(env, Path(work) / "cli")  # fills the chart and dataset caches: a fair cold run
        cold = statistics.median(cold_cli(env, Path(work) / "cli") for _ in range(runs))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        process = start(env, Path(work) / "serve", port)
        try:
            post_draft(base)  # warm: dataset loaded, charts in memory
            warm = statistics.median(post_draft(base) for _ in range(runs))
            latencies, wall, health = concurrent_latency(base)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"briefgen serve benchmark — {os.cpu_count()} cores, medians of {runs} runs, loopback only")
    print(f"cold CLI run (chart cache warm)      {cold * 1000:8.0f} ms")
    print(f"warm build through the API           {warm * 1000:8.0f} ms   ratio warm/cold {warm / cold:.2f}")
    print(f"{CONCURRENT} concurrent API builds: median {statistics.median(latencies) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms, all done in {wall * 1000:.0f} ms")
    print(f"/api/health during that load: median {statistics.median(health) * 1000:.0f} ms, "
          f"max {max(health) * 1000:.0f} ms ({len(health)} requests)")


if __name__ == "__main__":
    main()
