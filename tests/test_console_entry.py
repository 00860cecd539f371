"""The console entry ends the process with os._exit once main() returned: codes and files intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefgen import cli

PROJECT = Path(__file__).resolve().parent.parent
DRAFT = ["--year", "2025", "--host", "Tuyên Quang"]


class Exited(Exception):
    pass


@pytest.fixture
def exits(monkeypatch):
    codes = []

    def fake_exit(code):
        codes.append(code)
        raise Exited
    monkeypatch.setattr(os, "_exit", fake_exit)
    return codes


@pytest.mark.parametrize("code", [0, 1, 3, 130, 143])
def test_console_entry_exits_with_mains_code_after_flushing(monkeypatch, exits, capsys, code):
    monkeypatch.setattr(cli, "main", lambda: print("kết quả") or code)
    with pytest.raises(Exited):
        cli.console_entry()
    assert exits == [code] and capsys.readouterr().out == "kết quả\n"


def test_an_unflushable_stdout_turns_success_into_120(monkeypatch, exits):
    class Broken:
        def flush(self):
            raise BrokenPipeError
    monkeypatch.setattr(cli, "main", lambda: 0)
    monkeypatch.setattr(sys, "stdout", Broken())
    with pytest.raises(Exited):
        cli.console_entry()
    assert exits == [120]


def _run(args: list[str], cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "BRIEFGEN_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def test_python_m_briefgen_writes_whole_files_and_prints_everything(tmp_path):
    done = _run(["-m", "briefgen", *DRAFT, "--out", str(tmp_path / "out"), "--json"], tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    with zipfile.ZipFile(summary["docx"]) as package:
        assert package.testzip() is None
    assert json.loads(Path(summary["manifest"]).read_text(encoding="utf-8"))["charts"]


def test_python_m_briefgen_still_logs_a_bug_and_exits_3(tmp_path):
    code = ("import sys, briefgen.api as api; from briefgen.cli import console_entry\n"
            "def bug(*a, **k): raise ZeroDivisionError('lỗi giả')\n"
            f"api.build_briefing = bug; sys.argv = ['briefgen', *{DRAFT!r}, '--out', {str(tmp_path)!r}]\n"
            "console_entry()")
    done = _run(["-c", code], tmp_path / "cache")
    assert done.returncode == 3 and "Lỗi nội bộ của briefgen (ZeroDivisionError: lỗi giả)" in done.stderr
    logs = list((tmp_path / "cache" / "logs").glob("*.log"))
    assert len(logs) == 1 and "ZeroDivisionError: lỗi giả" in logs[0].read_text(encoding="utf-8")
