"""Class 6: concurrent and interrupted writes pair each draft with its own manifest and charts,
never hang, never overwrite, and leave nothing behind."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefgen import files
from briefgen.cli import main
from briefgen.errors import OutputError
from briefgen.output import write_draft

CHARTS = ("01-a.png", "02-b.png")


def _write(folder: Path, run: str):
    """Write one draft whose every file says which run wrote it; return its version."""
    def manifest_for(paths):
        return {"docx": paths.docx.name, "charts": paths.charts.name, "run": run}
    return write_draft(folder, "x", lambda p: {p.docx: f"docx {run}".encode()}, {n: f"{n} {run}".encode() for n in CHARTS},
                       manifest_for).version


def _slow_write_temp(monkeypatch):
    real = files.write_temp

    def slow(path, data):
        time.sleep(random.uniform(0, 0.01))
        return real(path, data)
    monkeypatch.setattr(files, "write_temp", slow)


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Return every entry under *folder* (hidden ones too) with its bytes (None: a folder or link)."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


def _assert_pairs(folder: Path, runs: set[str]) -> None:
    """Every DOCX has its own manifest and charts; nothing else is there."""
    found = set()
    for manifest_path in folder.glob("manifest*.json"):
        manifest = json.loads(manifest_path.read_text())
        run = manifest["run"]
        assert (folder / manifest["docx"]).read_bytes() == f"docx {run}".encode()
        assert manifest["docx"].removeprefix("x").removesuffix(".docx") == \
            manifest_path.stem.removeprefix("manifest") == manifest["charts"].removeprefix("charts")
        for name in CHARTS:
            assert (folder / manifest["charts"] / name).read_bytes() == f"{name} {run}".encode()
        found.add(run)
    assert found == runs
    assert len(list(folder.iterdir())) == 3 * len(runs)   # no temp file, no stray folder


def _process_run(folder: str, worker: int, start) -> None:
    start.wait()
    for round_ in range(2):
        _write(Path(folder), f"p{worker}-{round_}")


@pytest.mark.parametrize("kind", ["processes", "threads"])
def test_concurrent_runs_pair_each_draft_with_its_own_manifest_and_charts(tmp_path, monkeypatch, kind):
    _slow_write_temp(monkeypatch)
    folder = tmp_path / "d"
    if kind == "processes":
        context = multiprocessing.get_context("fork")
        start = context.Barrier(6)
        runners = [context.Process(target=_process_run, args=(str(folder), i, start)) for i in range(6)]
    else:
        start = threading.Barrier(6)
        runners = [threading.Thread(target=_process_run, args=(str(folder), i, start)) for i in range(6)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(30)
    if kind == "processes":
        assert [r.exitcode for r in runners] == [0] * 6
    _assert_pairs(folder, {f"p{i}-{r}" for i in range(6) for r in range(2)})
    assert sorted(p.name for p in folder.glob("*.docx")) == sorted(
        ["x.docx"] + [f"x-v{n}.docx" for n in range(2, 13)])


@contextmanager
def _deadline(seconds: float):
    """Fail instead of hanging."""
    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", ["x.docx", "manifest.json", "charts"])
def test_a_dangling_link_takes_its_version_and_nothing_hangs(tmp_path, name):
    (tmp_path / name).symlink_to(tmp_path / "nowhere")
    with _deadline(5):
        assert _write(tmp_path, "r") == 2
    assert (tmp_path / name).is_symlink() and not (tmp_path / "nowhere").exists()
    assert (tmp_path / "x-v2.docx").read_bytes() == b"docx r"


def _fail_at(monkeypatch, call: int, error: BaseException, step: str = "fsync"):
    """Make the *call*-th fsync (or hard link) raise *error*: 1, 2 charts, 3 manifest, 4 DOCX."""
    real = getattr(os, step)
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == call:
            raise error
        return real(*args, **kwargs)
    monkeypatch.setattr(os, step, failing)


FAILURES = [("fsync", 2, "after a chart"), ("fsync", 3, "at the manifest"), ("fsync", 4, "at the DOCX"),
            ("link", 3, "linking the manifest"), ("link", 4, "linking the DOCX")]
ERRORS = [RuntimeError("bug"), KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")]


@pytest.mark.parametrize("step, call, _moment", FAILURES)
@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_a_failure_mid_write_leaves_nothing_and_keeps_earlier_versions(tmp_path, monkeypatch,
                                                                       step, call, _moment, error):
    assert _write(tmp_path, "earlier") == 1
    before = _tree(tmp_path)
    _fail_at(monkeypatch, call, error, step)
    expected = OutputError if isinstance(error, OSError) else type(error)
    with pytest.raises(expected):
        _write(tmp_path, "failing")
    assert _tree(tmp_path) == before
    monkeypatch.undo()
    assert _write(tmp_path, "next") == 2


def test_a_failing_manifest_leaves_nothing_and_no_folder_created(tmp_path):
    def broken(_paths):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        write_draft(tmp_path / "new" / "d", "x", lambda p: {p.docx: b"docx"}, {"a.png": b"png"}, broken)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_a_real_draft_exits_130_and_leaves_nothing(tmp_path, monkeypatch, capsys):
    _fail_at(monkeypatch, 2, KeyboardInterrupt())   # native charts: 1 manifest, 2 DOCX
    assert main(["--year", "2025", "--host", "Tuyên Quang", "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err == "Đã dừng.\n"
    assert list(tmp_path.iterdir()) == []
