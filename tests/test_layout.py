"""Pagination of the shipped drafts (issue 12, class 8).

Read back from the DOCX: rows kept whole, headers repeated, captions kept with their table or
chart, charts at two thirds of the text width. The pages as LibreOffice lays them out are measured
in test_official_draft_layout.py.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from docx.oxml.ns import qn
from docx_text import cell_text

TEXT_WIDTH_EMU = 165 * 36000
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


# ---------------------------------------------------------------- column widths and chart labels

@pytest.mark.parametrize(("text", "words"), [
    ("tăng 8,92%\u00a0(9T/2014)*", ["tăng", "8,92%\u00a0(9T/2014)*"]),     # the mark stays with its figure
    ("https://nhandan.vn/ocop/hoi-nghi", ["https:/", "/", "nhandan.vn/", "ocop/", "hoi-", "nghi"]),
    ("", [""]),
])
def test_a_cell_breaks_at_spaces_and_addresses_after_slashes(text, words):
    from briefgen.docx_writer.widths import words_of
    assert words_of(text) == words


def test_a_column_too_narrow_for_its_longest_word_is_widened_from_the_others():
    from briefgen.docx_writer.widths import fit_widths, least_width_mm, text_width_pt
    assert text_width_pt("ư", 10) > text_width_pt("u", 10) == 5.0      # Vietnamese letters: the wider font
    least = [least_width_mm(["Năm", "2013 (vùng TDMNBB)"], 11), 10.0, 10.0]
    assert 21 < least[0] < 24
    assert fit_widths([20.0, 40.0, 20.0], least) == pytest.approx([least[0], 40.0 - (least[0] - 20) * 30 / 40,
                                                                   20.0 - (least[0] - 20) * 10 / 40])
    assert fit_widths([20.0, 20.0], [25.0, 16.0]) is None


@pytest.mark.parametrize("name", DRAFTS)
def test_every_column_holds_its_longest_word_at_the_size_and_margins_set(name, request):
    from briefgen.docx_writer.widths import CELL_MARGIN_PT, least_width_mm
    tables = [t for t in request.getfixturevalue(name).document.tables
              if t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    sizes = set()
    for table in tables:
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        margin = CELL_MARGIN_PT if margins is None else int(margins.find(qn("w:left")).get(qn("w:w"))) / 20
        size = table.rows[-1].cells[0].paragraphs[0].runs[0].font.size.pt
        sizes.add((size, margin))
        grid = [int(col.get(qn("w:w"))) / 56.7 for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
        for index, width in enumerate(grid):
            texts = [cell_text(row.cells[index]) for row in table.rows]
            assert width >= least_width_mm(texts, size, margin) - 0.1, (texts[0], width)
    assert (11.0, CELL_MARGIN_PT) in sizes


@pytest.mark.parametrize(("word", "size", "margin"), [      # 8 columns of 20,6 mm, the same word in each
    ("1.404", 11.0, None),                                   # fits as asked
    ("1.404\u00a0(ước 6T/2024)", 10.0, None),                # fits at 10 pt only
    ("11.404\u00a0(ước 6T/2024)", 10.0, 60),                 # … and with 3 pt cell margins
    ("1.404\u00a0(9T/2014)*", 11.0, None),                   # cannot fit: as asked, the word breaks
])
def test_a_table_shrinks_its_font_then_its_margins_only_when_its_words_need_it(word, size, margin):
    import docx as python_docx

    from briefgen.docx_writer.blocks import BlockWriter
    from briefgen.model import TableBlock, Text
    columns = 8
    block = TableBlock("t", "c", ("Năm",) * columns, (((Text(word),),) * columns,))
    widths, chosen, cell_margin = BlockWriter(python_docx.Document(), "2025-01-01T00:00:00Z")._widths(block)
    assert (chosen.pt, cell_margin) == (size, margin)
    assert sum(w.mm for w in widths) == pytest.approx(165)


def test_line_chart_labels_of_one_year_do_not_overlap():
    from briefgen.docx_writer.chart_table import ChartColumn, ChartTable
    from briefgen.docx_writer.chart_xml import ABOVE, BELOW, LABEL_POSITIONS, label_positions

    def table(*series):
        return ChartTable(("2016", "2017", "2023"), tuple(ChartColumn(str(i), s, "0", (None,) * 3)
                                                          for i, s in enumerate(series)), "")
    three = table((11.6, 13.2, 16.7), (16.7, 23.6, 1.7), (18.5, 20.3, None))
    assert [label_positions(three, i, "line") for i in range(3)] == [
        (BELOW, BELOW, ABOVE), (BELOW, ABOVE, ABOVE), (ABOVE, BELOW, ABOVE)]
    assert label_positions(table((1.0, None, 3.0)), 0, "line") == (ABOVE,) * 3
    assert label_positions(three, 0, "bar") == (LABEL_POSITIONS["bar"],) * 3


@pytest.mark.parametrize("name", DRAFTS)
def test_the_annex_starts_a_page_without_an_empty_paragraph_before_it(name, request):
    """An empty paragraph holding the break fell on a page of its own after a full signature page."""
    document = request.getfixturevalue(name).document
    annex = next(p for p in document.paragraphs if p.text == "PHỤ LỤC")
    assert annex.paragraph_format.page_break_before
    assert document.element.body.find(".//" + qn("w:br") + f"[@{qn('w:type')}='page']") is None
