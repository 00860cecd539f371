"""Pages of the shipped drafts as LibreOffice lays them out (issue 12, class 8).

Every shipped draft (2018–2025) is converted to PDF in one LibreOffice run (``official_pdfs``)
and measured from the positions of its words (``pdftotext -bbox``): page count, how full each
page is, captions on the page of their table or chart, the signature with the last lines of the
text, no cell wrapped into a lone ")", no text drawn over other text. Thresholds, not page
numbers: content changes move the page breaks.
"""

from __future__ import annotations

import re

import pytest
from conftest import OFFICIAL_DRAFTS
from docx.oxml.ns import qn
from pdf_pages import annex_page, page_fill, page_lines, page_words

pytestmark = pytest.mark.libreoffice
YEARS = sorted(OFFICIAL_DRAFTS)
PAGES = range(8, 14)            # 9–11 pages today
LEAST_FILL = 1 / 3
# A cell too narrow for a word leaves its tail alone: ")", ")*", "14)" (of "(9T/2014)"), "c)" (of
# "(ước)"), "% (9T/2014" (of "8,92%"); a unit wrapped whole ("(tỷ" / "USD)") is fine.
TAIL_ALONE = re.compile(r"^[)%]|^\w{1,2}\)\*?$")
CAPTION_TO_HEADER_PT = 50


@pytest.fixture(scope="module")
def pages(official_pdfs) -> dict[int, list[list[tuple[float, str]]]]:
    return {year: page_lines(pdf) for year, pdf in official_pdfs.items()}


def _where(pages, pattern: str) -> list[tuple[int, float, str]]:
    """Return (page index, bottom, text) of every line matching *pattern* at its start."""
    return [(n, bottom, text) for n, lines in enumerate(pages) for bottom, text in lines if re.match(pattern, text)]


def _squeezed(text: str) -> str:
    return "".join(text.split())   # LibreOffice's PDF splits some Vietnamese words


@pytest.mark.parametrize("year", YEARS)
def test_page_count_is_within_bounds_and_no_page_is_blank(year, pages):
    assert len(pages[year]) in PAGES, len(pages[year])
    blank = [n for n, lines in enumerate(pages[year], start=1) if not lines]
    assert blank == [], f"{year}: blank pages {blank}"


@pytest.mark.parametrize("year", YEARS)
def test_every_page_is_a_third_full_except_before_the_annex_and_the_last(year, pages):
    document = pages[year]
    spared = {annex_page(document) - 1, len(document) - 1}
    thin = {n + 1: f"{page_fill(lines):.0%}" for n, lines in enumerate(document)
            if n not in spared and page_fill(lines) < LEAST_FILL}
    assert thin == {}, f"{year}: pages less than a third full {thin}"


def _text_before_the_signature(document) -> str:
    """Return the body's last paragraph: the one before the table holding "Nơi nhận"."""
    last = ""
    for child in document.element.body.iterchildren():
        text = "".join(t.text or "" for t in child.iter(qn("w:t")))
        if child.tag == qn("w:tbl") and "Nơi nhận" in text:
            return last
        last = text if child.tag == qn("w:p") and text.strip() else last
    raise AssertionError("no signature block")


@pytest.mark.parametrize("year", YEARS)
def test_the_signature_never_stands_alone_on_its_page(year, pages, official_drafts):
    last = _squeezed(_text_before_the_signature(official_drafts[year].document))
    (signature_page,) = {n for n, _, _ in _where(pages[year], r"Nơi nhận:")}
    assert last[-30:] in _squeezed(" ".join(t for _, t in pages[year][signature_page])), f"{year}: {last[-30:]}"


def _captioned_tables(document) -> list[str]:
    """Return the first header cell of each table that follows a "Bảng N." caption, in order."""
    found, caption = [], False
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            caption = bool(re.match(r"Bảng \d+\. ", "".join(t.text or "" for t in child.iter(qn("w:t")))))
        elif child.tag == qn("w:tbl") and caption:
            found.append("".join(t.text or "" for t in next(child.iter(qn("w:tc"))).iter(qn("w:t"))))
            caption = False
    return found


@pytest.mark.parametrize("year", YEARS)
def test_every_table_starts_on_the_page_of_its_caption(year, pages, official_drafts):
    headers = _captioned_tables(official_drafts[year].document)
    captions = _where(pages[year], r"Bảng \d+\.")
    assert len(captions) == len(headers) >= 2
    for (page, bottom, caption), header in zip(captions, headers):
        below = [text for b, text in pages[year][page] if bottom < b < bottom + CAPTION_TO_HEADER_PT]
        assert any(text.startswith(header.split()[0]) for text in below), f"{year}: {caption!r} p. {page + 1}"


def _chart_titles(document) -> list[str]:
    """Return the title of every native chart in document order."""
    titles = []
    for ref in document.element.body.iter(qn("c:chart")):
        chart = document.part.related_parts[ref.get(qn("r:id"))]
        xml = chart.blob.decode("utf-8")
        title = re.search(r"<c:title>.*?</c:title>", xml, re.S).group(0)
        titles.append("".join(re.findall(r"<a:t>([^<]*)</a:t>", title)))
    return titles


@pytest.mark.parametrize("year", YEARS)
def test_every_chart_caption_shares_the_page_of_its_chart(year, pages, official_drafts):
    titles = _chart_titles(official_drafts[year].document)
    captions = _where(pages[year], r"Hình \d+\.")
    assert len(captions) == len(titles) >= 3     # a chart of a single known bar is not drawn
    for (page, bottom, caption), title in zip(captions, titles):
        above = _squeezed(" ".join(text for b, text in pages[year][page] if b < bottom))
        assert _squeezed(title) in above, f"{year}: {caption!r} p. {page + 1} without its chart {title!r}"


@pytest.mark.parametrize("year", YEARS)
def test_no_cell_leaves_a_lone_tail_on_a_line(year, pages):
    tails = [(n + 1, text) for n, lines in enumerate(pages[year]) for _, text in lines
             if TAIL_ALONE.search(text) and text != "%"]          # "%" alone: a chart's axis unit
    assert tails == [], f"{year}: {tails}"


def _overlaps(words) -> list[tuple[str, str]]:
    """Return pairs of words whose boxes overlap by more than a fifth of the smaller one."""
    found = []
    words = sorted(words, key=lambda w: w[1])
    for i, (ax0, ay0, ax1, ay1, a) in enumerate(words):
        for bx0, by0, bx1, by1, b in words[i + 1:]:
            if by0 >= ay1:                     # sorted by top: no later word reaches up to this one
                break
            width, height = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
            smaller = min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))
            if width > 1 and height > 1 and width * height > smaller / 5:
                found.append((a, b))
    return found


@pytest.mark.parametrize("year", YEARS)
def test_no_text_is_drawn_over_other_text(year, official_pdfs):
    """Chart labels ("chưa có số liệu", values of two series at one year) never overlap."""
    found = {n + 1: pairs for n, words in enumerate(page_words(official_pdfs[year])) if (pairs := _overlaps(words))}
    assert found == {}, f"{year}: {found}"
