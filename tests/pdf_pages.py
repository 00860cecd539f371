"""Convert drafts to PDF with LibreOffice and read their pages back (``pdftotext -bbox``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MARGIN_PT = 20 / 25.4 * 72            # top and bottom margins, 20 mm
HEADER_LIMIT_PT = 70                  # the page number in the header sits above this
A4_HEIGHT_PT = 841.89
WORD_RE = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def convert_to_pdf(docx_paths: list[Path], workdir: Path) -> list[Path]:
    """Convert every draft in one LibreOffice run; return the PDFs in the same order."""
    profile = workdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(workdir), *map(str, docx_paths)],
                   check=True, capture_output=True, timeout=300)
    return [workdir / (path.stem + ".pdf") for path in docx_paths]


def _bbox(pdf: Path, option: str) -> list[str]:
    html = subprocess.run(["pdftotext", option, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return re.findall(r"<page [^>]*>(.*?)</page>", html, re.S)


def page_lines(pdf: Path) -> list[list[tuple[float, str]]]:
    """Return, per page, its text lines below the header as (bottom in pt, text), top to bottom."""
    pages = []
    for body in _bbox(pdf, "-bbox-layout"):
        lines = []
        for attrs, inner in re.findall(r"<line ([^>]*)>(.*?)</line>", body, re.S):
            bottom = float(re.search(r'yMax="([\d.]+)"', attrs).group(1))
            text = _join_words([(x0, x1, w) for x0, _, x1, _, w in WORD_RE.findall(inner)])
            if bottom > HEADER_LIMIT_PT:
                lines.append((bottom, text))
        pages.append(sorted(lines))
    return pages


def page_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Return, per page, its words as (x0, y0, x1, y1, text)."""
    return [[(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD_RE.findall(body)]
            for body in _bbox(pdf, "-bbox")]


def _join_words(words: list[tuple[str, str, str]]) -> str:
    """Return a line's text: poppler splits words at some diacritics ("PH", "Ụ"), without a gap."""
    text, right = "", None
    for x_min, x_max, word in words:
        text += ("" if right is not None and float(x_min) - right < 1.0 else " ") + word
        right = float(x_max)
    return text.strip()


def page_fill(lines: list[tuple[float, str]], height: float = A4_HEIGHT_PT) -> float:
    """Return how much of the text area is used: from the top margin down to the lowest text."""
    lowest = max((bottom for bottom, _ in lines), default=MARGIN_PT)
    return (lowest - MARGIN_PT) / (height - 2 * MARGIN_PT)


def annex_page(pages) -> int:
    """Return the 0-based index of the page where the annex ("PHỤ LỤC") begins."""
    return next(i for i, lines in enumerate(pages) if any(t.startswith("PHỤ LỤC") for _, t in lines))
