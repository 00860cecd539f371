"""Report files made in the tests: hostile ones the readers must refuse by name."""

from __future__ import annotations

from pathlib import Path


def encrypted_pdf(path: Path) -> Path:
    """Write a one-page PDF locked with a password to *path* and return it."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("mat-khau", algorithm="RC4-128")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path
