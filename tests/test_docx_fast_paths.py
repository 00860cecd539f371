"""The writer's shortcuts past python-docx write exactly what python-docx's own calls write."""

from __future__ import annotations

import docx
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.docx_writer.blocks import AUTHOR, INITIALS, BlockWriter
from briefgen.docx_writer.oxml import set_comment_date

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
