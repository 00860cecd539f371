"""Who reserved a version of a draft, and taking back the versions of runs that died.

A run reserves version N by creating ``charts-vN/`` (see ``briefgen.output``) and at once
writes ``charts-vN/.owner.json``: the host name, process id and process start time of the
run. A run killed with ``kill -9`` (or a crashed computer) leaves that folder, maybe a
manifest and hidden temporary files, but never its DOCX; without this module every later
run would skip number N for ever.

``reclaim`` takes such a version back when it is certain the owner is gone: the owner ran on
*this* computer (a reservation made from another computer on a network drive is never
touched: its process cannot be seen from here), its process no longer exists (or the
process id now belongs to a process started later), and the version has no DOCX (a version
with a DOCX is a draft and is never touched). A reservation without an owner file is left
alone too. Of several runs that find the same dead reservation, one hard link decides who
reclaims it.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import socket
from contextlib import suppress
from pathlib import Path

OWNER_FILE = ".owner.json"
CLAIM_FILE = ".reclaiming"


def start_time(pid: int) -> str | None:
    """Return the start time of process *pid* as the system counts it (Linux), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None   # field 22 of stat: start time in clock ticks


def owner_record() -> dict:
    """Return who this run is: host name, process id and start time."""
    pid = os.getpid()
    return {"host": socket.gethostname(), "pid": pid, "started": start_time(pid)}


def write_owner(charts: Path) -> None:
    """Record this run as the owner of the version whose charts folder *charts* it just created."""
    with open(charts / OWNER_FILE, "x", encoding="utf-8") as handle:
        json.dump(owner_record(), handle)


def remove_owner(charts: Path) -> None:
    """Remove the owner record once the version is whole (or released)."""
    with suppress(OSError):
        (charts / OWNER_FILE).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as error:
        return error.errno == errno.EPERM   # exists, but belongs to someone else
    return True


def owner_is_gone(owner: object) -> bool:
    """Return whether *owner* (a parsed owner record) is a process of this computer that has ended."""
    if not isinstance(owner, dict) or owner.get("host") != socket.gethostname():
        return False
    pid = owner.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    if not _alive(pid):
        return True
    started = owner.get("started")
    now = start_time(pid)
    return started is not None and now is not None and started != now   # the pid was reused


def _read_owner(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _claim(charts: Path) -> bool:
    """Return whether this run won the right to reclaim *charts* (its owner checked gone again)."""
    claim = charts / CLAIM_FILE
    try:
        os.link(charts / OWNER_FILE, claim)      # fails if another run claimed it first
    except OSError:
        return False
    if owner_is_gone(_read_owner(claim)):        # the very owner file linked, not a newer one
        return True
    with suppress(OSError):
        claim.unlink()
    return False


def _leftovers(docx: Path, files: tuple[Path, ...]) -> list[Path]:
    """Return *files* (manifest, checklist) and the hidden temporary files a dead run left."""
    temps = [p for f in (docx, *files) for p in f.parent.glob(f".{f.name}.*.tmp")]
    return [*files, *temps]


def reclaim(docx: Path, charts: Path, files: tuple[Path, ...]) -> bool:
    """Remove the version of a dead run of this computer; return whether the version is free again.

    *files* are the version's other files (manifest, checklist): removed with its charts.
    """
    if os.path.lexists(docx) or charts.is_symlink() or not charts.is_dir():
        return False
    if not owner_is_gone(_read_owner(charts / OWNER_FILE)) or not _claim(charts):
        return False
    for path in _leftovers(docx, files):
        with suppress(OSError):
            path.unlink()
    trash = charts.with_name(f".{charts.name}.{secrets.token_hex(4)}.reclaimed")
    try:
        os.rename(charts, trash)                 # the number is free from here on
    except OSError:
        return False
    shutil.rmtree(trash, ignore_errors=True)
    return True
