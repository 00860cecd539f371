"""The Markdown writer: the same blocks as the DOCX, readable in a diff, convertible by pandoc."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition
from briefgen.markdown_writer import escape, escape_start, render_markdown
from briefgen.sources.tables import load_dataset
from briefgen.model import (Briefing, ChartBlock, FigureRun, Heading, Masthead, PageBreak, Paragraph,
                            PlaceholderRun, TableBlock, Text)
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.compose import compose_briefing, render_charts

DATA = Path(__file__).resolve().parent.parent / "data"
MASTHEAD = Masthead("BỘ CÔNG THƯƠNG", "Số:       /BC-BCT", "Hà Nội", 2025, "BÁO CÁO", "Tình hình",
                    ("- Như trên;", "- Lưu: VT."), "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG")


def _markdown(*blocks, charts=None) -> str:
    return render_markdown(Briefing(MASTHEAD, tuple(blocks)), charts)


@pytest.mark.parametrize("text, expected", [
    ("tăng 5,2%", "tăng 5,2%"),
    ("[… tỷ USD]", "\\[… tỷ USD\\]"),
    ("a*b_c`d<e", "a\\*b\\_c\\`d\\<e"),
    ("C:\\dữ liệu", "C:\\\\dữ liệu"),
])
def test_escape_keeps_text_literal(text, expected):
    assert escape(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("- Sản lượng điện", "\\- Sản lượng điện"), ("1. Đề nghị", "\\1. Đề nghị"),
    ("# một", "\\# một"), ("Năm 2025.", "Năm 2025."), ("tăng - giảm", "tăng - giảm"),
])
def test_paragraph_starts_never_make_lists(line, expected):
    assert escape_start(line) == expected


def test_headings_paragraphs_and_footnotes():
    text = _markdown(
        Heading(1, "I. KHÁI QUÁT"), Heading(2, "1. Mục đích"), Heading(3, "a) Công nghiệp"),
        Paragraph((Text("Kim ngạch đạt "), FigureRun("f1", "45,2 tỷ USD", "ước tính"), Text(", bán lẻ "),
                   PlaceholderRun("p1", "[… nghìn tỷ đồng]", "Cần bổ sung: tổng mức bán lẻ."), Text("."))),
        Paragraph((Text("Số liệu theo địa giới cũ."),), style="note"), PageBreak())
    assert "## I. KHÁI QUÁT\n\n### 1. Mục đích\n\n#### a) Công nghiệp" in text
    assert ("Kim ngạch đạt 45,2 tỷ USD[^1], bán lẻ **\\[… nghìn tỷ đồng\\]**[^2]." in text)
    assert "*Số liệu theo địa giới cũ.*" in text and "<!-- ngắt trang -->" in text
    assert text.endswith("[^1]: ước tính\n[^2]: Cần bổ sung: tổng mức bán lẻ.\n"
                         "[^3]: Cần bổ sung: họ tên, chức vụ người ký ban hành báo cáo.\n")


def test_tables_are_numbered_pipe_tables_with_numbers_right_aligned():
    table = TableBlock("t", "Kết quả", ("Chỉ tiêu", "2024"),
                       (((Text("Xuất khẩu | nhập khẩu"),), (FigureRun("f", "45,2"),)),), note="ước tính",
                       numeric_columns=(1,))
    text = _markdown(table, table)
    assert ("**Bảng 1. Kết quả**\n\n| Chỉ tiêu | 2024 |\n| :--- | ---: |\n"
            "| Xuất khẩu \\| nhập khẩu | 45,2 |\n\n*Ghi chú: ước tính*") in text
    assert "**Bảng 2. Kết quả**" in text


def test_charts_are_numbered_pictures_linking_their_files():
    text = _markdown(ChartBlock("retail_history", "Bán lẻ qua các năm", b"png"),
                     ChartBlock("clusters", "Cụm công nghiệp", b"png"), charts={"clusters": "img/c.png"})
    assert "![Hình 1. Bán lẻ qua các năm](charts/01-retail-history.png)" in text
    assert "![Hình 2. Cụm công nghiệp](img/c.png)" in text


@pytest.fixture(scope="module")
def real_briefing():
    dataset = load_dataset(DATA)
    facts = build_facts(dataset, build_edition(dataset, 2025, "Tuyên Quang"))
    charts = render_charts(facts, lambda _spec: b"not drawn")
    return compose_briefing(facts, dataset, DEFAULT_WORKSPACE.templates, charts)


def test_real_draft_keeps_every_block(real_briefing):
    text = render_markdown(real_briefing)
    headings = [b for b in real_briefing.blocks if isinstance(b, Heading)]
    assert all(f" {escape(h.text)}\n" in text for h in headings)
    assert text.count("![Hình ") == sum(isinstance(b, ChartBlock) for b in real_briefing.blocks)
    assert text.count("**Bảng ") == sum(isinstance(b, TableBlock) for b in real_briefing.blocks)
    notes = sum(isinstance(i, PlaceholderRun) or (isinstance(i, FigureRun) and i.note is not None)
                for b in real_briefing.blocks if isinstance(b, Paragraph) for i in b.inlines)
    assert f"[^{notes}]: " in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed (apt-get install pandoc)")
def test_pandoc_turns_the_markdown_into_a_docx_with_the_same_headings(real_briefing, tmp_path):
    source = tmp_path / "draft.md"
    source.write_text(render_markdown(real_briefing, {b.id: "missing.png" for b in real_briefing.blocks
                                                      if isinstance(b, ChartBlock)}), encoding="utf-8")
    subprocess.run(["pandoc", str(source), "-o", str(tmp_path / "draft.docx")], check=True,
                   capture_output=True)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "draft.docx")).paragraphs]
    for heading in (b.text for b in real_briefing.blocks if isinstance(b, Heading)):
        assert heading in paragraphs
