"""Helpers of the CLI error tests: run the CLI in-process, the command line of a draft."""

from __future__ import annotations

from pathlib import Path

from briefgen.cli import main


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """Return the exit code, stdout and stderr of the CLI (usage errors raise SystemExit)."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def draft(out: Path, *extra: str) -> list[str]:
    return ["--year", "2025", "--host", "Tuyên Quang", "--out", str(out), *extra]
