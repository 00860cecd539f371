"""Write a draft's files without ever overwriting a draft someone may have edited.

A run first reserves a version: the first one whose DOCX, manifest and charts folder are
all absent (a dangling symbolic link counts as present), by creating that charts folder, an
atomic step only one run can win, and recording itself as its owner in it. Then it writes
the version's charts, its manifest and, last, its DOCX, each whole and without overwriting; a
draft without PNGs (native charts) then removes the empty charts folder.
Any failure, Ctrl-C and SIGTERM included, removes what the run wrote, its reservation and the
folders it created: a draft on disk always has its own manifest and charts, and a failed run
leaves nothing. A version left by a run killed outright (``kill -9``) is taken back by a
later run of the same computer (``briefgen.reservations``).
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from briefgen.domain.province import fold
from briefgen.errors import OutputError
from briefgen.files import blocking_file, explain, remove_quietly, write_all_new, write_atomic
from briefgen.reservations import reclaim, remove_owner, write_owner

__all__ = ["DraftPaths", "check_folder", "draft_paths", "next_free", "reserve", "slug",
           "write_atomic", "write_draft"]  # write_atomic: for the caches

MAX_VERSIONS = 999
# Every document a writer may put into a version (``briefgen.writers``): any of them takes the version.
DOCUMENT_SUFFIXES = (".docx", ".md")
CHECKLIST_PREFIX = "danh-muc-bo-sung-"


@dataclass(frozen=True)
class DraftPaths:
    folder: Path
    version: int
    docx: Path
    manifest: Path
    charts: Path
    checklist: Path     # the drafters' checklist (danh mục số liệu cần bổ sung)

    def document(self, suffix: str) -> Path:
        """Return the path of this version's document in the format of *suffix* (``.md``)."""
        return self.docx.with_suffix(suffix)


class _Taken(Exception):
    """Someone outside briefgen put a file into the version this run reserved."""


def slug(text: str) -> str:
    """Return a file-name-safe ASCII slug: ``Tuyên Quang`` → ``tuyen-quang``."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def draft_paths(folder: Path, stem: str, version: int) -> DraftPaths:
    """Return the paths of one version of a draft (version 1 has no suffix)."""
    suffix = "" if version == 1 else f"-v{version}"
    return DraftPaths(folder, version, folder / f"{stem}{suffix}.docx",
                      folder / f"manifest{suffix}.json", folder / f"charts{suffix}",
                      folder / f"{CHECKLIST_PREFIX}{stem.removeprefix('bao-cao-')}{suffix}.md")


def _taken(paths: DraftPaths) -> bool:
    documents = (paths.document(suffix) for suffix in DOCUMENT_SUFFIXES)
    return any(os.path.lexists(p) for p in (*documents, paths.manifest, paths.charts, paths.checklist))


def next_free(folder: Path, stem: str) -> DraftPaths:
    """Return the first version of which nothing exists yet, or that a dead run of this computer
    left unfinished and was taken back (not reserved: see ``reserve``)."""
    for version in range(1, MAX_VERSIONS + 1):
        paths = draft_paths(folder, stem, version)
        others = (paths.manifest, paths.checklist, paths.document(".md"))
        if not _taken(paths) or reclaim(paths.docx, paths.charts, others):
            return paths
    raise OutputError(folder, f"thư mục {folder} đã có {MAX_VERSIONS} phiên bản dự thảo",
                      hint="chuyển bớt các bản cũ sang nơi khác hoặc chọn thư mục khác bằng --out")


def reserve(folder: Path, stem: str) -> DraftPaths:
    """Return the first free version, reserved for this run by creating its charts folder."""
    while True:
        paths = next_free(folder, stem)
        try:
            paths.charts.mkdir(parents=True)   # parents: a failed run may have removed the folder
        except FileExistsError:
            continue                           # another run won this version
        try:
            write_owner(paths.charts)
        except BaseException:
            with suppress(OSError):
                paths.charts.rmdir()
            raise
        return paths


def _write_version(paths: DraftPaths, documents_for, charts: dict[str, bytes], manifest_for,
                   written: list[Path], checklist: bytes | None = None) -> None:
    """Write charts, checklist, manifest and documents into the reserved version, noting each in *written*."""
    manifest = manifest_for(paths)
    files = [(paths.charts / name, png) for name, png in charts.items()]
    if checklist is not None:
        files.append((paths.checklist, checklist))
    files.append((paths.manifest, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")))
    # Last, the main document last of all: a document on disk has its manifest and charts.
    files += reversed(documents_for(paths).items())
    if not write_all_new(files, written):    # all synced together, then linked in this order
        raise _Taken(paths.folder)
    remove_owner(paths.charts)                 # the version is whole: a draft, never reclaimed
    if not charts:                             # no PNGs: the reservation folder goes (the DOCX holds the version)
        with suppress(OSError):
            paths.charts.rmdir()


def _undo(paths: DraftPaths, written: list[Path]) -> None:
    """Remove the files this run wrote into *paths* and release the version."""
    for path in reversed(written):
        remove_quietly(path)
    remove_owner(paths.charts)
    with suppress(OSError):
        paths.charts.rmdir()


def _write_first_free(folder: Path, stem: str, documents_for, charts: dict[str, bytes],
                      manifest_for, checklist: bytes | None = None) -> DraftPaths:
    """Return the paths of the version written, trying the next one if an outsider took it."""
    while True:
        paths = reserve(folder, stem)
        written: list[Path] = []
        try:
            _write_version(paths, documents_for, charts, manifest_for, written, checklist)
            return paths
        except BaseException as error:   # Ctrl-C too: leave nothing of this version
            _undo(paths, written)
            if not isinstance(error, _Taken):
                raise


def _missing_folders(folder: Path) -> list[Path]:
    """Return *folder* and those of its parents that do not exist yet, deepest first."""
    return [p for p in (folder, *folder.parents) if not os.path.lexists(p)]


def _blocked(folder: Path) -> OutputError | None:
    blocker = blocking_file(folder)
    if blocker is None:
        return None
    what = "là một tệp, không phải thư mục" if blocker.is_file() else "không phải là thư mục"
    return OutputError(folder, f"không tạo được thư mục {folder}: {blocker} {what}",
                       hint="chọn thư mục khác bằng --out")


def check_folder(folder: Path) -> None:
    """Raise ``OutputError`` if a file stands where *folder* or one of its parents should be."""
    error = _blocked(folder)
    if error is not None:
        raise error


def output_error(folder: Path, error: OSError) -> OutputError:
    """Return the user's error for *error* raised while writing the draft into *folder*."""
    blocked = _blocked(folder)
    if blocked is not None:
        return blocked
    reason, hint = explain(error)
    return OutputError(folder, f"không ghi được vào thư mục {folder}: {reason}", hint)


def write_draft(folder: Path, stem: str, documents_for, charts: dict[str, bytes],
                manifest_for, checklist: bytes | None = None) -> DraftPaths:
    """Write charts, the checklist, manifest and documents as the next free version; return its paths.

    *documents_for(paths)* and *manifest_for(paths)* return the documents (path → bytes,
    main document first) and the manifest of the reserved version. Raises ``OutputError``
    (nothing left behind) when the folder cannot be written.
    """
    created = _missing_folders(folder)   # removed again if the run fails
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write_first_free(folder, stem, documents_for, charts, manifest_for, checklist)
    except BaseException as error:
        for path in created:
            with suppress(OSError):
                path.rmdir()
        if isinstance(error, OSError):
            raise output_error(folder, error) from error
        raise
