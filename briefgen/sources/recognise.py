"""What a ``--data`` file is, by its content: a report, a review sheet, an edited draft, or a form.

Names can mislead (a briefgen draft is a .docx like a province's report), so each test
opens the file; none raises, whatever the bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

REPORT_SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt")
DRAFT_MARK = b'name="briefgen_'          # a custom property every briefgen draft carries
MAX_PROPERTIES = 4 * 2 ** 20


def is_draft(path: Path | str) -> bool:
    """Return whether *path* holds a Word document (a zip with word/document.xml), by content."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def is_briefgen_draft(path: Path | str) -> bool:
    """Return whether *path* is a Word document briefgen made (it carries briefgen's properties)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                return False
            with archive.open("docProps/custom.xml") as part:
                return DRAFT_MARK in part.read(MAX_PROPERTIES)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile):
        return False


def split_reports(files: Sequence[Path | str]) -> tuple[list[Path], list[Path], list[Path | str]]:
    """Return (reports, review sheets, the rest) among *files*, by content where names can mislead."""
    from briefgen.extract.review_sheet import is_review   # the review sheet's own reader knows its header

    reports, reviews, rest = [], [], []
    for item in files:
        path = Path(item)
        suffix = path.suffix.lower()
        if suffix in REPORT_SUFFIXES and not (suffix == ".docx" and is_briefgen_draft(path)):
            reports.append(path)
        elif suffix in (".xlsx", ".xlsm") and is_review(path):
            reviews.append(path)
        else:
            rest.append(item)
    return reports, reviews, rest
