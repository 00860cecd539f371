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
