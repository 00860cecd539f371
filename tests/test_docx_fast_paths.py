"""The writer's shortcuts past python-docx write exactly what python-docx's own calls write."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.docx_writer import blocks
from briefgen.docx_writer.blocks import AUTHOR, INITIALS, BlockWriter
from briefgen.docx_writer.looks import add_styled_text
from briefgen.docx_writer.oxml import set_comment_date
from briefgen.model import FigureRun, PlaceholderRun, Text

STAMP = "2025-10-17T08:00:00Z"
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from(" \t\n&<>\""), max_size=15)


def _xml(document) -> tuple[bytes, bytes]:
    return etree.tostring(document.element.body), etree.tostring(document.part._comments_part.element)


def _with_python_docx(texts: list[tuple[str, str]]):
    document = docx.Document()
    paragraph = document.add_paragraph()
    for run_text, note in texts:
        run = paragraph.add_run(run_text)
        if note:
            set_comment_date(document.add_comment(run, text=note, author=AUTHOR, initials=INITIALS), STAMP)
    return _xml(document)


def _with_the_writer(texts: list[tuple[str, str]]):
    document = docx.Document()
    writer = BlockWriter(document, STAMP)
    paragraph = document.add_paragraph()
    for run_text, note in texts:
        run = writer.add_run(paragraph, run_text)
        if note:
            writer.comment(run, note)
    return _xml(document)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=6))
def test_runs_and_comments_equal_python_docx(texts):
    assert _with_the_writer(texts) == _with_python_docx(texts)


# --- runs written as XML text (one parse per paragraph) against the element-by-element way ---

ID = st.sampled_from(["iip_growth@region:9M-2025", "retail_sales@tuyen_quang:2024", "export_value@region:H1-2023"])
INLINE = st.one_of(st.builds(Text, TEXT), st.builds(FigureRun, ID, TEXT, st.none() | TEXT),
                   st.builds(PlaceholderRun, ID, TEXT, TEXT))


def _inlines_xml(groups, size, bold, element_by_element: bool, monkeypatch) -> tuple[bytes, bytes, dict]:
    if element_by_element:
        monkeypatch.setattr(blocks, "_plain_inline", lambda inline: False)
    document = docx.Document()
    writer = BlockWriter(document, STAMP)
    for inlines in groups:
        writer.add_inlines(document.add_paragraph(), tuple(inlines), size, bold)
    monkeypatch.undo()
    return (*_xml(document), writer.printed)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(INLINE, max_size=5), min_size=1, max_size=3), st.sampled_from([None, Pt(11), Pt(10)]),
       st.booleans())
def test_inlines_as_xml_text_equal_the_element_by_element_way(groups, size, bold):
    """Text, figures (with or without a note) and placeholders, plain or with tabs, line breaks,
    XML specials or nothing: both ways give the same body, comments and printed figures."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = _inlines_xml(groups, size, bold, False, monkeypatch)
        slow = _inlines_xml(groups, size, bold, True, monkeypatch)
    assert fast == slow


def test_plain_inlines_take_the_xml_text_way(monkeypatch):
    """The fast way is really taken for one-line texts (else the test above compares a way with itself)."""
    calls = []
    monkeypatch.setattr(blocks, "append_xml", lambda parent, content: calls.append(content))
    writer = BlockWriter(docx.Document(), STAMP)
    writer.add_inlines(writer.document.add_paragraph(), (Text("a"), PlaceholderRun("p1", "[…]", "cần số")))
    writer.add_inlines(writer.document.add_paragraph(), (Text("a\tb"),))
    assert len(calls) == 1 and "w:sdt" in calls[0] and "w:commentRangeStart" in calls[0]


# --- looks set once by python-docx's setters and copied (docx_writer.looks) ---

OPTIONAL_BOOL = st.sampled_from([None, True, False])
PARAGRAPH_LOOK = st.lists(st.one_of(
    st.tuples(st.just("alignment"), st.sampled_from(list(WD_ALIGN_PARAGRAPH)[:4])),
    st.tuples(st.just("first_line_indent"), st.sampled_from([Mm(0), Mm(5)])),
    st.tuples(st.sampled_from(["space_before", "space_after"]), st.sampled_from([Pt(0), Pt(6), Pt(18)])),
    st.tuples(st.just("line_spacing"), st.sampled_from([1.0, 1.15])),
    st.tuples(st.just("keep_with_next"), OPTIONAL_BOOL)), max_size=5, unique_by=lambda pair: pair[0])
FONT_LOOK = st.lists(st.one_of(st.tuples(st.just("size"), st.sampled_from([Pt(10), Pt(13), Pt(14)])),
                               st.tuples(st.sampled_from(["bold", "italic"]), OPTIONAL_BOOL)),
                     max_size=3, unique_by=lambda pair: pair[0])


def _setters(paragraph, text, paragraph_format, font) -> None:
    for name, value in paragraph_format:
        setattr(paragraph.paragraph_format, name, value)
    run = paragraph.add_run(text)
    for name, value in font:
        setattr(run.font, name, value)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(TEXT, PARAGRAPH_LOOK, FONT_LOOK), min_size=1, max_size=3))
def test_copied_looks_equal_python_docx_setters(lines):
    """Each paragraph gets what the setters write, also when a look repeats or an earlier copy was changed."""
    by_setters, by_looks = docx.Document(), docx.Document()
    for text, paragraph_format, font in lines * 2:
        _setters(by_setters.add_paragraph(), text, paragraph_format, font)
        by_setters.paragraphs[-1].paragraph_format.space_before = Pt(3)   # change a copy: the next is untouched
        add_styled_text(by_looks.add_paragraph(), text, tuple(paragraph_format), tuple(font))
        by_looks.paragraphs[-1].paragraph_format.space_before = Pt(3)
    assert _xml(by_looks) == _xml(by_setters)
