"""SIGTERM (``kill``, a shutdown, a service stop) takes Ctrl-C's path: the version being written is
removed, the run says so in one line and exits 143 (README's exit codes, ``EXIT_CODES``)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen import files
from briefgen.cli import EXIT_CODES, main
from slow_child import start_slow_run

PROJECT = Path(__file__).resolve().parent.parent
DRAFT = ["--year", "2025", "--host", "Tuyên Quang"]
STOPPED = "Đã dừng (tín hiệu SIGTERM).\n"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGTERM and FIFOs are POSIX")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT)}


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def test_sigterm_while_writing_removes_the_version_and_exits_143(tmp_path):
    out = tmp_path / "out"
    (out / "2025-tuyen-quang").mkdir(parents=True)
    (out / "2025-tuyen-quang" / "notes.txt").write_text("mine", encoding="utf-8")
    process = start_slow_run([*DRAFT, "--out", str(out)], tmp_path)
    assert "2025-tuyen-quang/charts" in _tree(out)          # the version is reserved, charts written
    code, err = _stop(process)
    assert (code, err) == (143, STOPPED)
    assert _tree(out) == ["2025-tuyen-quang", "2025-tuyen-quang/notes.txt"]


def _wait_for_reader(fifo: Path, process: subprocess.Popen) -> int:
    """Return a write end of *fifo* once the child has opened it for reading (it then blocks)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            time.sleep(0.05)
    raise AssertionError(f"the child never read {fifo}: {process.communicate()}")


def test_sigterm_while_blocked_reading_a_data_table_exits_143_writing_nothing(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(PROJECT / "data", data)
    (data / "targets.csv").unlink()
    os.mkfifo(data / "targets.csv")
    process = subprocess.Popen([sys.executable, "-m", "briefgen", *DRAFT, "--data-dir", str(data),
                                "--out", str(out)], env=_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    writer = _wait_for_reader(data / "targets.csv", process)
    try:
        code, err = _stop(process)
    finally:
        os.close(writer)
    assert (code, err) == (143, STOPPED)
    assert not out.exists()


def test_sigterm_in_process_cleans_up_like_ctrl_c(tmp_path, monkeypatch, capsys):
    real = files.write_temp

    def terminated(path, data):
        if path.name.startswith(("manifest", "bao-cao")):
            os.kill(os.getpid(), signal.SIGTERM)
        return real(path, data)
    monkeypatch.setattr(files, "write_temp", terminated)
    before = signal.getsignal(signal.SIGTERM)
    assert main([*DRAFT, "--out", str(tmp_path / "out")]) == 143
    assert capsys.readouterr().err == STOPPED
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is before      # the handler is the CLI's only while it runs


def test_exit_143_is_documented():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "| `143` |" in readme and "143 bị dừng bằng tín hiệu SIGTERM" in EXIT_CODES
