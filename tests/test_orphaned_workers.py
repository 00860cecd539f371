"""Class 7: the workers of an `--all-hosts` batch killed with kill -9 exit by themselves."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen import orphans

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")


def _children(pid: int) -> set[int]:
    """Return the live processes whose parent is *pid* (zombies are dead)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _drafts_written(out: Path) -> bool:
    return any(out.glob("*/*.docx"))


def test_workers_exit_when_the_batch_is_killed_while_writing_drafts(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(PROJECT))   # the test run's private cache
    batch = subprocess.Popen([sys.executable, "-m", "briefgen", "--year", "2025", "--all-hosts",
                              "--jobs", "2", "--out", str(tmp_path / "out")],
                             cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait(lambda: len(_children(batch.pid)) >= 2, 30), "the batch started no workers"
        workers = _children(batch.pid)
        assert _wait(lambda: _drafts_written(tmp_path / "out"), 60), "no draft written"
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait()
        assert _wait(lambda: not any(map(_alive, workers)), orphans.POLL_SECONDS + 20), \
            f"workers still alive after their batch was killed: {sorted(filter(_alive, workers))}"
    finally:
        for pid in _children(batch.pid) | {batch.pid}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        batch.wait(timeout=30)             # reaped even when an assertion failed above
    out = tmp_path / "out"
    for charts in out.glob("*/charts*"):   # what a killed worker was writing was cleaned up
        suffix = charts.name.removeprefix("charts")
        assert (charts.parent / f"bao-cao-{charts.parent.name}{suffix}.docx").exists(), charts
    assert not list(out.rglob(".*.tmp"))


ORPHAN = """
import os, sys, time
from pathlib import Path
from briefgen import files, orphans
from briefgen.output import write_draft

slow = files.write_temp
files.write_temp = lambda path, data: (time.sleep(0.2), slow(path, data))[1]
if os.fork():
    time.sleep(60)                     # the batch: killed by the test
else:
    orphans.watch_parent()
    print(os.getpid(), flush=True)
    with orphans.busy():
        write_draft(Path(sys.argv[1]), "x", lambda p: {p.docx: b"docx"}, {f"{i}.png": b"png" for i in range(50)},
                    lambda paths: {})
"""


def test_a_busy_orphan_cleans_up_the_draft_it_was_writing(tmp_path):
    out = tmp_path / "out" / "2025-x"
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN, str(out)], cwd=PROJECT, stdout=subprocess.PIPE,
                              env=dict(os.environ, PYTHONPATH=str(PROJECT)), text=True)
    worker = int(parent.stdout.readline())
    try:
        # the PNGs are being written (to their temporary names: they appear together once all are synced)
        assert _wait(lambda: len(list(out.glob("charts/.*.png.*.tmp"))) >= 2, 10)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _wait(lambda: not _alive(worker), orphans.POLL_SECONDS + 20), "the orphan kept running"
    finally:
        parent.stdout.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)
    assert list(tmp_path.iterdir()) == []   # charts, temp files, reservation and folders removed
