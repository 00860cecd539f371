"""Page setup and styles per Nghị định 30/2020/NĐ-CP (house values of DOMAIN.md §5)."""

from __future__ import annotations

from datetime import datetime, time

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt, RGBColor

from briefgen.docx_writer.oxml import set_all_fonts, set_language

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
BODY_SIZE = Pt(14)
FIRST_LINE_INDENT = Cm(1.27)
# level -> (bold, italic)
HEADING_LOOK = {1: (True, False), 2: (True, False), 3: (True, True)}


def set_page(document) -> None:
    """Make every section A4 portrait with the decree's margins; page 1 gets no number."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True


def _font(style, size, bold=None, italic=None) -> None:
    style.font.name = FONT
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.font.bold = bold
    style.font.italic = italic
    rpr = style.element.get_or_add_rPr()
    set_all_fonts(rpr, FONT)
    set_language(rpr, LANGUAGE)


def set_styles(document) -> None:
    """Set Normal (body) and the three heading levels."""
    normal = document.styles["Normal"]
    _font(normal, BODY_SIZE)
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = FIRST_LINE_INDENT
    body.space_before, body.space_after = Pt(0), Pt(6)
    body.line_spacing = 1.15
    body.widow_control = True
    for level, (bold, italic) in HEADING_LOOK.items():
        style = document.styles[f"Heading {level}"]
        _font(style, BODY_SIZE, bold, italic)
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = FIRST_LINE_INDENT
        fmt.space_before, fmt.space_after = Pt(6), Pt(6)
        fmt.keep_with_next = True
    present = {s.name for s in document.styles}
    for name in ("Table Grid", "Caption", "Header"):
        if name in present:
            _font(document.styles[name], Pt(12))


def set_properties(document, title: str, subject: str, keywords: str, when) -> None:
    """Fill the file's metadata (title, author, language) with dates from the inputs, not the clock."""
    props = document.core_properties
    props.title, props.subject, props.keywords = title, subject, keywords
    props.author = props.last_modified_by = "briefgen"
    props.language = LANGUAGE
    props.category = "Báo cáo"
    props.comments = "Dự thảo do briefgen soạn tự động; cần rà soát trước khi ban hành."
    stamp = datetime.combine(when, time(8, 0)) if when else datetime(2000, 1, 1)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
