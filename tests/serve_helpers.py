"""Helpers of the serve tests: a test client over a fresh output folder, a server process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "bieu-mau-2025-vi-du.xlsx"


def client(out: Path, **settings):
    """Return a started TestClient over an app writing to *out* (close it when done)."""
    from fastapi.testclient import TestClient

    from briefgen.serve.app import create_app
    from briefgen.serve.settings import ServeSettings

    return TestClient(create_app(ServeSettings(out_dir=out, **settings)), raise_server_exceptions=False)


def example_upload(name: str = "bieu-mau-2025-vi-du.xlsx") -> tuple:
    return ("files", (name, EXAMPLE.read_bytes()))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(out: Path, port: int, *extra: str) -> subprocess.Popen:
    """Start ``python -m briefgen serve`` on loopback; return once /api/health answers."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "serve", "--port", str(port),
                                "--out", str(out), *extra], cwd=PROJECT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stdout.read())
        try:
            if get_json(f"http://127.0.0.1:{port}/api/health")["ok"]:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


def get_json(url: str, data: bytes | None = None) -> dict:
    with urllib.request.urlopen(url, data=data, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


def stop(process: subprocess.Popen) -> int:
    """Stop the server as Ctrl-C would; return its exit code."""
    import signal

    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return -1
    finally:
        process.stdout.close()
