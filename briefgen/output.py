"""Write a draft's files without ever overwriting a draft someone may have edited.

A new draft goes to the first free version (``…docx``, ``…-v2.docx``, …). Every file is
written to a temporary name and moved into place; the DOCX is linked last and with
no-clobber semantics, so a crash leaves either no draft or a complete one.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefgen.load.provinces import fold

MAX_VERSIONS = 999


@dataclass(frozen=True)
class DraftPaths:
    folder: Path
    version: int
    docx: Path
    manifest: Path
    charts: Path


def slug(text: str) -> str:
    """Return a file-name-safe ASCII slug: ``Tuyên Quang`` → ``tuyen-quang``."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def draft_paths(folder: Path, stem: str, version: int) -> DraftPaths:
    """Return the paths of one version of a draft (version 1 has no suffix)."""
    suffix = "" if version == 1 else f"-v{version}"
    return DraftPaths(folder, version, folder / f"{stem}{suffix}.docx",
                      folder / f"manifest{suffix}.json", folder / f"charts{suffix}")


def next_free(folder: Path, stem: str) -> DraftPaths:
    """Return the first version whose DOCX does not exist yet."""
    for version in range(1, MAX_VERSIONS + 1):
        paths = draft_paths(folder, stem, version)
        if not paths.docx.exists():
            return paths
    raise RuntimeError(f"more than {MAX_VERSIONS} drafts in {folder}")


def _write_temp(path: Path, data: bytes) -> Path:
    """Return a fully written, synced temporary file beside *path*."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def link_no_clobber(path: Path, data: bytes) -> bool:
    """Write *data* to *path* only if *path* does not exist; return False if it appeared meanwhile."""
    temp = _write_temp(path, data)
    try:
        os.link(temp, path)  # fails if path exists: no race can overwrite a draft
        return True
    except FileExistsError:
        return False
    finally:
        temp.unlink(missing_ok=True)


def write_draft(folder: Path, stem: str, docx: bytes, charts: dict[str, bytes],
                manifest_for) -> DraftPaths:
    """Write charts, manifest and DOCX as the next free version; return the paths used."""
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        paths = next_free(folder, stem)
        for name, png in charts.items():
            write_atomic(paths.charts / name, png)
        manifest = manifest_for(paths)
        write_atomic(paths.manifest, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
        if link_no_clobber(paths.docx, docx):
            return paths
