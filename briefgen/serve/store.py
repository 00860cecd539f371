"""The drafts the server knows: opaque ids mapped to files, found only through this index.

A draft id (``2025-tuyen-quang-v2``) is made here from what the output layer wrote
(``<out>/2025-tuyen-quang/bao-cao-2025-tuyen-quang-v2.docx``). A request's id or file name
is only ever a key into this index: it is checked against a strict pattern and looked up,
never joined to a path. Earlier versions stay listed; nothing here writes a draft.
"""

from __future__ import annotations

import re
import threading
import json
from dataclasses import dataclass
from pathlib import Path

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
DRAFT_ID = re.compile(rf"^(?P<year>\d{{4}})-(?P<host>{SLUG})-v(?P<version>[1-9]\d{{0,2}})$")
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9]+)?$")
FOLDER = re.compile(rf"^(?P<year>\d{{4}})-(?P<host>{SLUG})$")
DOCX = re.compile(r"^bao-cao-(?P<folder>.+?)(?:-v(?P<version>[1-9]\d{0,2}))?\.docx$")


def is_draft_id(text: str) -> bool:
    """Return whether *text* has the shape of a draft id (it may still be unknown)."""
    return bool(DRAFT_ID.fullmatch(text))


def is_file_name(text: str) -> bool:
    """Return whether *text* has the shape of a served file name (no folders, no dots first)."""
    return bool(FILE_NAME.fullmatch(text))


@dataclass(frozen=True)
class DraftRecord:
    """One version of one draft, with the files the output layer wrote for it."""

    id: str
    year: int
    host_slug: str
    version: int
    folder: Path
    docx: Path

    @property
    def suffix(self) -> str:
        return "" if self.version == 1 else f"-v{self.version}"

    @property
    def manifest(self) -> Path:
        return self.folder / f"manifest{self.suffix}.json"

    @property
    def charts(self) -> Path:
        return self.folder / f"charts{self.suffix}"

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")

    def chart_files(self) -> list[Path]:
        """Return the chart PNGs of this version, in their order in the draft."""
        if not self.charts.is_dir() or self.charts.is_symlink():
            return []
        return sorted(p for p in self.charts.glob("*.png")
                      if is_file_name(p.name) and p.is_file() and not p.is_symlink())

    def files(self, with_pdf: bool) -> dict[str, Path]:
        """Return served name → path: the .docx, the manifest, the charts, and the PDF if any."""
        files = {self.docx.name: self.docx, self.manifest.name: self.manifest}
        files.update((p.name, p) for p in self.chart_files())
        if with_pdf or self.pdf.is_file():
            files[self.pdf.name] = self.pdf
        return files


def read_manifest(path: Path) -> dict:
    """Return the manifest at *path*, or an empty one when it is missing or unreadable."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def draft_id(year: int, host_slug: str, version: int) -> str:
    """Return the id of a draft version: ``2025-tuyen-quang-v2``."""
    return f"{year}-{host_slug}-v{version}"


def _records_in(folder: Path) -> list[DraftRecord]:
    """Return the draft versions written in one ``<year>-<host>`` folder."""
    match = FOLDER.fullmatch(folder.name)
    if not match or folder.is_symlink() or not folder.is_dir():
        return []
    records = []
    for docx in folder.glob("bao-cao-*.docx"):
        found = DOCX.fullmatch(docx.name)
        if not found or found["folder"] != folder.name or docx.is_symlink():
            continue
        version = int(found["version"] or 1)
        year, host = int(match["year"]), match["host"]
        records.append(DraftRecord(draft_id(year, host, version), year, host, version, folder, docx))
    return records


class DraftStore:
    """The index of drafts under one output folder; safe to use from several threads."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self._records: dict[str, DraftRecord] = {}
        self._hosts: dict[str, str] = {}
        self._lock = threading.Lock()
        self.rescan()

    def rescan(self) -> None:
        """Index every draft under the output folder (drafts of earlier runs included)."""
        found = {}
        if self.out_dir.is_dir():
            for folder in self.out_dir.iterdir():
                found.update((r.id, r) for r in _records_in(folder))
        with self._lock:
            self._records = found

    def add_folder(self, folder: Path) -> list[DraftRecord]:
        """Index the versions in *folder* (after a build wrote one); return them."""
        records = _records_in(folder)
        with self._lock:
            self._records.update((r.id, r) for r in records)
        return records

    def get(self, draft_id: str) -> DraftRecord | None:
        """Return the record of *draft_id*, or None when the id is malformed or unknown."""
        if not is_draft_id(draft_id):
            return None
        with self._lock:
            return self._records.get(draft_id)

    def all(self) -> list[DraftRecord]:
        """Return every draft: by year (latest first), host, then version (latest first)."""
        with self._lock:
            records = list(self._records.values())
        return sorted(records, key=lambda r: (-r.year, r.host_slug, -r.version))

    def host_name(self, record: DraftRecord) -> str:
        """Return the host as the draft's manifest names it ("Tuyên Quang"), read once per draft."""
        with self._lock:
            if record.id in self._hosts:
                return self._hosts[record.id]
        name = str((read_manifest(record.manifest).get("request") or {}).get("host") or record.host_slug)
        with self._lock:
            self._hosts[record.id] = name
        return name

    def versions_of(self, record: DraftRecord) -> list[DraftRecord]:
        """Return every version of the same year and host, latest first."""
        return [r for r in self.all() if (r.year, r.host_slug) == (record.year, record.host_slug)]
