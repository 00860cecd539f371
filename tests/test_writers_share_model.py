"""Writers are plug-ins over one built Briefing: the masthead, signer and numbering come from the model."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_text import text_of

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition
from briefgen.docx_writer import render_docx
from briefgen.markdown_writer import render_markdown
from briefgen.sources.tables import load_dataset
from briefgen.model import (APPENDIX, Briefing, ChartBlock, Heading, Paragraph, Placeholder, TableBlock,
                            Text, number_blocks)
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.compose import compose_briefing, render_charts

ROOT = Path(__file__).resolve().parent.parent
WRITER_FILES = sorted((ROOT / "briefgen" / "docx_writer").glob("*.py")) + [ROOT / "briefgen" / "markdown_writer.py"]
MODEL_WORDS = ("BỘ CÔNG THƯƠNG", "CỘNG HÒA", "Độc lập", "Nơi nhận", "BÁO CÁO", "Hà Nội", "Họ và tên",
               "Cần bổ sung", "PHỤ LỤC", "Ghi chú", "năm {")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    """Return the 2025 draft built once, its charts not drawn (native charts need only the spec)."""
    dataset = load_dataset(ROOT / "data")
    facts = build_facts(dataset, build_edition(dataset, 2025, "Tuyên Quang"))
    charts = render_charts(facts, png=False)
    return compose_briefing(facts, dataset, DEFAULT_WORKSPACE.templates, charts)


def _docx_lines(briefing: Briefing) -> list[str]:
    """Return every paragraph's text of the DOCX, table cells included, in document order."""
    document = docx.Document(io.BytesIO(render_docx(briefing)))
    return [text_of(DocxParagraph(p, document)) for p in document.element.body.iter(qn("w:p"))]


def _masthead_strings(briefing: Briefing) -> list[str]:
    m = briefing.masthead
    return [m.agency, m.number, m.nation, m.motto, m.place_text + m.date_text, m.title, m.summary,
            m.recipients_label, *m.recipients, m.signer_authority, m.signer_title, m.signer_name.label]


def test_both_writers_print_the_models_masthead_and_numbered_captions(briefing):
    lines, markdown = _docx_lines(briefing), render_markdown(briefing)
    plain = markdown.replace("\\", "")
    for text in _masthead_strings(briefing):
        assert text in lines, text
        assert text in plain, text
    captions = [b.title for b in briefing.blocks if isinstance(b, (TableBlock, ChartBlock))]
    assert "Bảng 1. " in captions[0] or "Hình 1. " in captions[0]
    for caption in captions:
        assert lines.count(caption) == 1, caption
        assert plain.count(caption) == 1, caption
    assert markdown.count(briefing.masthead.signer_name.need) == 1


def test_a_changed_masthead_reaches_both_writers(briefing):
    changed = replace(briefing, masthead=replace(
        briefing.masthead, nation="QUỐC HIỆU THỬ", motto="Tiêu ngữ thử", recipients_label="Gửi:",
        signer_name=Placeholder("signer-name", "[Người ký thử]", "Cần người ký thử.")))
    lines, markdown = _docx_lines(changed), render_markdown(changed)
    for text in ("QUỐC HIỆU THỬ", "Tiêu ngữ thử", "Gửi:", "[Người ký thử]"):
        assert text in lines and text in markdown.replace("\\", "")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines and "Nơi nhận" not in markdown


def test_blocks_are_numbered_when_the_briefing_is_built():
    table = TableBlock("t", "Kết quả", ("A",), ())
    chart = ChartBlock("c", "Bán lẻ", b"")
    built = Briefing(None, (Heading(1, "I. A"), table, chart, Paragraph((Text("x"),)), table, chart))
    numbered = [b for b in built.blocks if isinstance(b, (TableBlock, ChartBlock))]
    assert [b.title for b in numbered] == ["Bảng 1. Kết quả", "Hình 1. Bán lẻ", "Bảng 2. Kết quả",
                                           "Hình 2. Bán lẻ"]
    assert number_blocks(built.blocks) == built.blocks        # numbering twice changes nothing
    assert replace(built, blocks=built.blocks[:1] + built.blocks[3:]).blocks[2].title == "Bảng 1. Kết quả"


def test_the_model_decides_where_the_appendix_starts():
    blocks = (Heading(1, "I. A"), Paragraph((Text("x"),)), Heading(1, f"{APPENDIX} 1"), Heading(2, "1. B"))
    assert Briefing(None, blocks).split_appendix() == (blocks[:2], blocks[2:])
    assert Briefing(None, blocks[:2]).split_appendix() == (blocks[:2], ())


@pytest.mark.parametrize("path", WRITER_FILES, ids=lambda p: p.name)
def test_writers_hold_no_words_of_the_masthead_or_captions(path):
    source = path.read_text(encoding="utf-8")
    assert not [w for w in MODEL_WORDS if w in source]
    assert not re.search(r"""f["'](Bảng|Hình) \{""", source), "captions are numbered in the model"


def test_both_writers_sign_before_the_appendix(briefing):
    """The signature closes the body in both formats; the Phụ lục follows it."""
    lines, plain = _docx_lines(briefing), render_markdown(briefing).replace("\\", "")
    signer = briefing.masthead.signer_authority
    assert lines.index(signer) < lines.index(APPENDIX)
    assert plain.index(signer) < plain.index(f"## {APPENDIX}")
