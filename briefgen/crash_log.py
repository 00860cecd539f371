"""Where an internal error's traceback goes: a log file, so the user sees one line, not a trace.

Logs live in ``$BRIEFGEN_CACHE_DIR/logs``, else ``$XDG_CACHE_HOME/briefgen/logs`` (by
default ``~/.cache/briefgen/logs``), one file per crash named ``<UTC time>-<pid>.log``; when
that folder cannot be written, in ``briefgen-logs`` under the system's temporary folder.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import briefgen


def log_folders() -> tuple[Path, ...]:
    """Return the folders to try for a crash log, preferred first."""
    if os.environ.get("BRIEFGEN_CACHE_DIR"):
        base = Path(os.environ["BRIEFGEN_CACHE_DIR"])
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"
    return base / "logs", Path(tempfile.gettempdir()) / "briefgen-logs"


def crash_report(trace: str, argv: list[str]) -> str:
    """Return the text of a crash log: what ran, with which versions, and the traceback."""
    return (f"briefgen {briefgen.__version__}, Python {platform.python_version()} ({sys.platform})\n"
            f"lệnh: briefgen {' '.join(argv)}\n\n{trace}")


def write_crash_log(trace: str, argv: list[str]) -> Path | None:
    """Write *trace* to a new log file and return its path (None when no folder takes it)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    text = crash_report(trace, argv)
    for folder in log_folders():
        path = folder / f"{stamp}-{os.getpid()}.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return None
