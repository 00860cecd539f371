"""Pagination of the shipped drafts (issue 12, class 8).

The XML half reads the DOCX back (rows kept whole, headers repeated, captions kept with their
table or chart, charts at two thirds of the text width); the PDF half converts the drafts with
LibreOffice and measures every page from the positions of its words (``pdftotext -bbox``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TEXT_WIDTH_EMU = 165 * 36000
MARGIN_PT = 20 / 25.4 * 72            # top and bottom margins, 20 mm
HEADER_LIMIT_PT = 70                  # the page number in the header sits above this
DRAFTS = ["draft_2025", "draft_2023"]


def _captions(document, prefix: str):
    return [p for p in document.paragraphs if re.match(prefix + r" \d+\. ", p.text)]


@pytest.mark.parametrize("name", DRAFTS)
def test_rows_never_split_and_headers_repeat(name, request):
    document = request.getfixturevalue(name).document
    for number, table in enumerate(document.tables):
        for row in table.rows:
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None, f"table {number}"
    body_tables = [t for t in document.tables if len(t.rows) > 1 and t.rows[0].cells[0].text in
                   ("Chỉ tiêu", "Sản phẩm", "Năm", "STT", "Đơn vị mới")]
    assert len(body_tables) == len(_captions(document, "Bảng"))
    for table in body_tables:
        children = [child.tag for child in table.rows[0]._tr.trPr]
        assert children == [qn("w:cantSplit"), qn("w:tblHeader")]   # schema order: Word refuses others


@pytest.mark.parametrize("name", DRAFTS)
def test_captions_stay_with_their_table_or_chart(name, request):
    document = request.getfixturevalue(name).document
    for caption in _captions(document, "Bảng"):          # above its table: keep with the first row
        assert caption.paragraph_format.keep_with_next, caption.text
    charts = [p for p in document.paragraphs if p._p.findall(".//" + qn("wp:inline"))]
    assert len(charts) == len(_captions(document, "Hình")) >= 5
    for chart in charts:                                  # above its caption (and note line)
        assert chart.paragraph_format.keep_with_next


@pytest.mark.parametrize("name", DRAFTS)
def test_charts_take_two_thirds_of_the_text_width(name, request):
    with zipfile.ZipFile(request.getfixturevalue(name).result.docx_path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    widths = [int(cx) for cx in re.findall(r'<wp:extent cx="(\d+)"', xml)]
    assert len(widths) >= 5
    for width in widths:
        assert 0.6 <= width / TEXT_WIDTH_EMU <= 0.72, width / TEXT_WIDTH_EMU


# ---------------------------------------------------------------- through LibreOffice

def _to_pdf(docx_path: Path, workdir: Path) -> Path:
    profile = workdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(workdir), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    return workdir / (docx_path.stem + ".pdf")


def page_lines(pdf: Path) -> list[list[tuple[float, str]]]:
    """Return, per page, its text lines below the header as (bottom in pt, text), top to bottom."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = []
    for body in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        lines = []
        for attrs, inner in re.findall(r"<line ([^>]*)>(.*?)</line>", body, re.S):
            bottom = float(re.search(r'yMax="([\d.]+)"', attrs).group(1))
            text = _join_words(re.findall(r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', inner))
            if bottom > HEADER_LIMIT_PT:
                lines.append((bottom, text))
        pages.append(sorted(lines))
    return pages


def _join_words(words: list[tuple[str, str, str]]) -> str:
    """Return a line's text: poppler splits words at some diacritics ("PH", "Ụ"), without a gap."""
    text, right = "", None
    for x_min, x_max, word in words:
        text += ("" if right is not None and float(x_min) - right < 1.0 else " ") + word
        right = float(x_max)
    return text.strip()


def page_fill(lines: list[tuple[float, str]], height: float = 841.89) -> float:
    """Return how much of the text area is used: from the top margin down to the lowest text."""
    lowest = max((bottom for bottom, _ in lines), default=MARGIN_PT)
    return (lowest - MARGIN_PT) / (height - 2 * MARGIN_PT)


@pytest.fixture(scope="module")
def pdf_pages(request, tmp_path_factory):
    pages = {}
    for name in DRAFTS:
        draft = request.getfixturevalue(name)
        pages[name] = page_lines(_to_pdf(draft.result.docx_path, tmp_path_factory.mktemp(name)))
    return pages


def _annex_page(pages) -> int:
    return next(i for i, lines in enumerate(pages) if any(t.startswith("PHỤ LỤC") for _, t in lines))


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
@pytest.mark.parametrize("name", DRAFTS)
def test_every_page_is_at_least_a_third_full_except_before_the_annex(name, pdf_pages):
    pages = pdf_pages[name]
    annex = _annex_page(pages)
    assert 8 <= len(pages) <= 14
    for number, lines in enumerate(pages, start=1):
        assert lines, f"{name}: page {number} is blank"
        if number not in (annex, len(pages)):   # *annex* (0-based index of the annex) = the page before it;
            # the last page ends the annex wherever its tables end
            assert page_fill(lines) >= 1 / 3, f"{name}: page {number} is {page_fill(lines):.0%} full"


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
@pytest.mark.parametrize("name", DRAFTS)
def test_no_caption_is_cut_off_from_its_table_or_chart(name, pdf_pages):
    for number, lines in enumerate(pdf_pages[name], start=1):
        texts = [t for _, t in lines]
        assert not re.match(r"Bảng \d+\.", texts[-1]), f"{name}: table caption at the foot of page {number}"
        assert not re.match(r"Hình \d+\.", texts[0]), f"{name}: chart caption at the top of page {number}"
