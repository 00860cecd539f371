"""Sealed cache entries: bytes that are used only if they are exactly what was stored.

An entry is its payload (PNG bytes, or JSON of plain values — never anything that runs
code when read) followed by one trailer line::

    \\nbriefgen-cache-v1 <key> <sha256 of key and payload>\\n

``read_entry`` returns the payload only if the trailer names the key asked for and the
hash matches, so a torn, bit-flipped or swapped (another key's) entry reads as absent and
the caller rebuilds it; ``write_entry`` then replaces it atomically. A PNG entry keeps its
``.png`` name and still opens in an image viewer (the trailer follows the IEND chunk).
Cache errors never fail a run: a cache that cannot be read or written is only a lost
speed-up.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

MAGIC = b"\nbriefgen-cache-v1 "
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def _digest(key: str, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii") + b"\0" + payload).hexdigest().encode("ascii")


def seal(key: str, payload: bytes) -> bytes:
    """Return *payload* with the trailer that names *key* and hashes both."""
    return payload + MAGIC + key.encode("ascii") + b" " + _digest(key, payload) + b"\n"


def unseal(key: str, data: bytes) -> bytes | None:
    """Return the payload of entry *data* if it is sealed for *key* and intact, else None."""
    cut = data.rfind(MAGIC)
    if cut < 0 or not data.endswith(b"\n"):
        return None
    payload, trailer = data[:cut], data[cut + len(MAGIC):-1]
    if trailer != key.encode("ascii") + b" " + _digest(key, payload):
        return None
    return payload


def _read_regular_file(path: Path) -> bytes | None:
    """Return the bytes of *path* if it is a regular file of sane size (never blocks on a FIFO)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        data = stream.read(MAX_ENTRY_BYTES + 1)
    return data if len(data) <= MAX_ENTRY_BYTES else None


def read_entry(path: Path, key: str) -> bytes | None:
    """Return the verified payload stored at *path* for *key*, or None (absent, damaged, foreign)."""
    try:
        data = _read_regular_file(path)
    except OSError:
        return None
    return unseal(key, data) if data is not None else None


def write_entry(path: Path, key: str, payload: bytes) -> bool:
    """Store *payload* sealed for *key* at *path* atomically; return False if the disk refused."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(seal(key, payload))
        os.replace(temp, path)  # readers see the old entry, no entry or the whole new one
    except BaseException as exc:  # no temporary file is left behind, whatever stopped us
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            return False
        raise
    return True
