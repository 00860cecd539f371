"""Read drafts back including what sits in content controls (python-docx's .text skips w:sdt)."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.run import Run


def text_of(paragraph) -> str:
    """Return a paragraph's whole text, content controls included."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def runs_of(paragraph) -> list[Run]:
    """Return every run of a paragraph, those inside content controls too."""
    return [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]


def cell_text(cell) -> str:
    """Return a table cell's text, content controls included."""
    return "\n".join(text_of(p) for p in cell.paragraphs)
