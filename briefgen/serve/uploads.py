"""Uploaded files: only the accepted kinds, checked by content, saved under the name the user gave.

A file's kind is its extension *and* what its bytes look like (an .xlsx is a whole zip
archive holding a workbook, a .docx one holding ``word/document.xml``, a .csv is UTF-8
text). Each upload goes into its own numbered folder inside a fresh folder the server
created, under the last part of the name the user gave (no folder, control characters
written out, at most 200 bytes), so the request never chooses a path, and every message,
the draft and its manifest name the file as the user knows it. Adding a kind is one line
in ``ACCEPTED``.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefgen.bounds import escaped, shown
from briefgen.serve.errors import ServeError

ZIP_MAGIC = b"PK\x03\x04"
MAX_UNZIPPED = 200 * 1024 * 1024   # a workbook that inflates beyond this is refused (zip bomb)
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
DOCX_PARTS = ("word/document.xml",)
MAX_NAME_BYTES = 200               # a saved name stays well under the file systems' 255 bytes


class UploadRejected(ServeError):
    """An upload of the wrong kind, too large or too many; ``status`` is its HTTP status."""


def _zip_with(parts: tuple[str, ...]) -> Callable[[bytes], bool]:
    """Return a check: is the data a whole zip archive holding *parts*, of sane unzipped size."""
    return lambda data: _is_zip_with(data, parts)


def _is_zip_with(data: bytes, parts: tuple[str, ...]) -> bool:
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False
    names = {entry.filename for entry in entries}
    return all(part in names for part in parts) and sum(e.file_size for e in entries) <= MAX_UNZIPPED


def _is_text(data: bytes) -> bool:
    try:
        return "\x00" not in data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False


@dataclass(frozen=True)
class Kind:
    label: str                          # what the user is told the file should be
    looks_right: Callable[[bytes], bool]


# extension -> what its content must look like; one line per accepted kind
ACCEPTED: dict[str, Kind] = {
    ".xlsx": Kind("biểu mẫu Excel (.xlsx)", _zip_with(XLSX_PARTS)),
    ".csv": Kind("biểu mẫu CSV (.csv, mã UTF-8)", _is_text),
    ".docx": Kind("dự thảo Word (.docx)", _zip_with(DOCX_PARTS)),
}
DRAFTS_ONLY = {".docx": ACCEPTED[".docx"]}     # what ``/api/review`` takes


@dataclass(frozen=True)
class Upload:
    """One file as received: the name the user gave it and its bytes."""

    filename: str
    data: bytes


def accepted_list(kinds: dict[str, Kind] = ACCEPTED) -> str:
    """Return the accepted extensions as the page and messages show them: ``.xlsx, .csv, .docx``."""
    return ", ".join(kinds)


def display_name(filename: str) -> str:
    """Return the user's file name as messages show it: no folders, no control characters, short."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()
    suffix = Path(name).suffix if len(Path(name).suffix) <= 10 else ""
    return (name[:120 - len(suffix)].rstrip() + suffix if len(name) > 120 else name) or "(không tên)"


def check_upload(upload: Upload, max_bytes: int, kinds: dict[str, Kind] = ACCEPTED) -> str:
    """Return the upload's extension, or raise ``UploadRejected`` naming the file."""
    name = display_name(upload.filename)
    suffix = Path(name).suffix.lower()
    if suffix not in kinds:
        raise UploadRejected(f"không nhận loại tệp '{shown(suffix) or name}'; chỉ nhận {accepted_list(kinds)}", where=name)
    if len(upload.data) > max_bytes:
        raise UploadRejected(f"tệp quá lớn ({len(upload.data) // 1024} KB); tối đa "
                             f"{max_bytes // (1024 * 1024)} MB mỗi tệp", status=413, where=name)
    if not kinds[suffix].looks_right(upload.data):
        raise UploadRejected(f"nội dung tệp không phải {kinds[suffix].label}", where=name)
    return suffix


def check_uploads(uploads: list[Upload], max_files: int, max_bytes: int,
                  kinds: dict[str, Kind] = ACCEPTED) -> list[str]:
    """Return each upload's extension after checking count, size, kind and content."""
    if len(uploads) > max_files:
        raise UploadRejected(f"quá nhiều tệp đính kèm ({len(uploads)}); tối đa {max_files} tệp", status=413)
    return [check_upload(upload, max_bytes, kinds) for upload in uploads]


def user_name(filename: str) -> str:
    """Return the name the user gave a file, fit to save and to quote: its last part (a browser
    may send ``C:\\…\\so liệu.xlsx``), control characters written out, at most 200 bytes."""
    name = escaped(re.split(r"[\\/]", filename or "")[-1].strip())
    if name in ("", ".", ".."):
        return "(không tên)"
    suffix = Path(name).suffix if len(Path(name).suffix) <= 10 else ""
    stem = name[:len(name) - len(suffix)]
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


@dataclass(frozen=True)
class Saved:
    """Uploads written to a server-made folder; ``names`` maps each saved path to the user's name."""

    folder: Path
    names: dict[Path, str]

    @property
    def paths(self) -> list[Path]:
        return sorted(self.names)


def save_uploads(uploads: list[Upload], max_files: int, max_bytes: int, parent: Path,
                 kinds: dict[str, Kind] = ACCEPTED) -> Saved:
    """Check *uploads* and write them into a new folder under *parent*; return where they went."""
    check_uploads(uploads, max_files, max_bytes, kinds)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=parent))
    names: dict[Path, str] = {}
    for number, upload in enumerate(uploads, 1):
        own = folder / f"{number:03d}"
        own.mkdir()
        path = own / user_name(upload.filename)
        path.write_bytes(upload.data)
        names[path] = display_name(upload.filename)
    return Saved(folder, names)
