"""Save a python-docx document as DOCX bytes with fixed timestamps: equal drafts are equal bytes."""

from __future__ import annotations

import io
import zipfile

from docx.opc.pkgwriter import PackageWriter

FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


class _FixedTimeZipWriter:
    """python-docx's physical package writer, each member stamped FIXED_ZIP_TIME."""

    def __init__(self, stream) -> None:
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        self._zip.writestr(info, blob)

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
