"""Every draft starts from its own copy of the blank styled document (docx_writer.base)."""

from __future__ import annotations

from lxml import etree

from briefgen.api import prepare_draft
from briefgen.docx_writer import render_docx
from briefgen.docx_writer.base import BLANK_STYLE_IDS, build_blank, new_document
from briefgen.docx_writer.blocks import BlockWriter

STYLES = [("Heading 1", False), ("Heading 2", False), ("Heading 3", False), ("Table Grid", True)]


def _parts(document) -> dict[str, bytes]:
    return {str(part.partname): etree.tostring(part.element) for part in document.part.package.parts
            if hasattr(part, "element")}


def test_a_copy_is_the_blank_and_changing_it_leaves_the_next_copy_alone():
    first = new_document()
    assert _parts(first) == _parts(build_blank())
    first.add_paragraph("Báo cáo")
    first.styles["Normal"].font.bold = True
    assert _parts(new_document()) == _parts(build_blank())


def test_the_same_draft_twice_is_the_same_bytes():
    briefing = prepare_draft(2025, "Tuyên Quang").briefing
    assert render_docx(briefing) == render_docx(briefing)


def test_shared_style_ids_are_what_a_fresh_writer_finds_in_the_blank():
    shared = BlockWriter(new_document(), "x", style_ids=BLANK_STYLE_IDS)
    fresh = BlockWriter(build_blank(), "x")
    assert [shared.style_id(n, t) for n, t in STYLES] == [fresh.style_id(n, t) for n, t in STYLES]
