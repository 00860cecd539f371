"""Save a python-docx document as DOCX bytes with fixed timestamps: equal drafts are equal bytes."""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
import zlib
from collections import OrderedDict

from docx.opc.pkgwriter import PackageWriter

FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
REUSED_FROM = 64 * 1024   # parts this large have their deflated bytes kept (by content) …
REUSED_KEPT = 16          # … these many: the styles (≈ 0,8 MB, 4 ms to deflate) are the same in every draft


class _DeflatedParts:
    """Deflated bytes of large parts, by the SHA-256 of their content (never by name or time)."""

    def __init__(self) -> None:
        self._kept: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()    # the server saves drafts in several threads

    def deflated(self, blob: bytes) -> bytes:
        """Return *blob* deflated as ``zipfile`` deflates a member (kept when seen before)."""
        key = hashlib.sha256(blob).digest()
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # zipfile's own
        data = compressor.compress(blob) + compressor.flush()
        with self._lock:
            self._kept[key] = data
            while len(self._kept) > REUSED_KEPT:
                self._kept.popitem(last=False)
        return data


DEFLATED_PARTS = _DeflatedParts()


class _Replay:
    """Stands in for zipfile's compressor of one member: gives the bytes deflated already."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def compress(self, _blob: bytes) -> bytes:
        data, self._data = self._data, b""
        return data

    def flush(self) -> bytes:
        return b""


class _FixedTimeZipWriter:
    """python-docx's physical package writer, each member stamped FIXED_ZIP_TIME."""

    def __init__(self, stream) -> None:
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        if len(blob) < REUSED_FROM:
            self._zip.writestr(info, blob)
            return
        info.file_size = len(blob)    # what writestr does, with the deflated bytes known
        with self._zip.open(info, "w") as member:
            member._compressor = _Replay(DEFLATED_PARTS.deflated(blob))   # ignored if zipfile renames it
            member.write(blob)

    def close(self) -> None:
        self._zip.close()


def save_docx(document) -> bytes:
    """Return the package of *document* zipped as python-docx orders it, compressed once.

    The members, their order and contents are what ``document.save`` writes; only the
    timestamps are fixed (they were rewritten after the save, which compressed every part twice).
    """
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    stream = io.BytesIO()
    writer = _FixedTimeZipWriter(stream)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return stream.getvalue()
