"""Start-up stays lean: help and argument errors answer without loading the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "matplotlib", "docx", "jinja2", "openpyxl")

# Runs the CLI in a fresh interpreter, then names the heavy modules it loaded.
PROBE = """
import sys
from briefgen.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print("loaded:" + ",".join(m for m in {heavy!r} if m in sys.modules))
"""


def _loaded(argv: list[str]) -> tuple[str, subprocess.CompletedProcess]:
    probe = PROBE.format(argv=argv, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[-1].removeprefix("loaded:"), done


@pytest.mark.parametrize("argv", [
    ["--help"],
    ["--year", "abc", "--host", "x"],
    ["--year", "2025"],
    ["--year", "2025", "--host", "x", "--all-hosts"],
    ["--year", "2025", "--all-hosts", "--jobs", "0"],
], ids=["help", "bad-year", "no-host", "host-and-all-hosts", "bad-jobs"])
def test_no_heavy_library_before_the_job_runs(argv):
    loaded, done = _loaded(argv)
    assert loaded == "", f"{argv} imported {loaded}"
    assert "cách dùng: briefgen" in done.stdout + done.stderr


def test_help_lists_the_batch_options():
    _, done = _loaded(["--help"])
    for option in ("--all-hosts", "--jobs", "--year"):
        assert option in done.stdout
