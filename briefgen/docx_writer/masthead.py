"""The administrative header (quốc hiệu, tiêu ngữ, số, địa danh), title and closing block."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from briefgen.docx_writer.blocks import set_column_widths
from briefgen.docx_writer.looks import add_styled_text
from briefgen.docx_writer.oxml import remove_table_borders, set_bottom_border
from briefgen.model import Masthead

LEFT_WIDTH, RIGHT_WIDTH = Mm(65), Mm(100)


def _line(cell_or_doc, text: str, size: int, bold=False, italic=False, first=False,
          align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    add_styled_text(paragraph, text, (("alignment", align), ("first_line_indent", Mm(0)), ("space_before", Pt(0)),
                                      ("space_after", Pt(0)), ("line_spacing", 1.0)),
                    (("size", Pt(size)), ("bold", bold), ("italic", italic)))
    return paragraph


def _rule(cell_or_doc, indent_mm: float):
    """Return a new short horizontal rule: an empty, tiny paragraph whose bottom border spans its indents."""
    paragraph = _line(cell_or_doc, "", 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(indent_mm)
    set_bottom_border(paragraph._p)
    return paragraph




def add_masthead(document, masthead: Masthead) -> None:
    """Add the two-column borderless header table and the title with its trích yếu."""
    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    remove_table_borders(table._tbl)
    set_column_widths(table, (LEFT_WIDTH, RIGHT_WIDTH))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _line(left, masthead.agency, 12, bold=True, first=True)
    _rule(left, 20)
    _line(right, masthead.nation, 12, bold=True, first=True)
    _line(right, masthead.motto, 14, bold=True)
    _rule(right, 18)
    _line(table.cell(1, 0), masthead.number, 13, first=True)
    dateline = _line(table.cell(1, 1), masthead.place_text, 14, italic=True, first=True)
    date_run = dateline.add_run(masthead.date_text)
    date_run.font.size, date_run.font.italic = Pt(14), True
    title = _line(document, masthead.title, 14, bold=True)
    title.paragraph_format.space_before = Pt(18)
    _line(document, masthead.summary, 14, bold=True)
    _rule(document, 60).paragraph_format.space_after = Pt(12)


def add_closing(document, masthead: Masthead, signer_runs) -> None:
    """Add the recipients list and the signature block side by side."""
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    remove_table_borders(table._tbl)
    set_column_widths(table, (Mm(80), Mm(85)))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _line(left, masthead.recipients_label, 12, bold=True, italic=True, first=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for recipient in masthead.recipients:
        _line(left, recipient, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, masthead.signer_authority, 14, bold=True, first=True)
    _line(right, masthead.signer_title, 14, bold=True)
    for _ in range(3):
        _line(right, "", 14)
    signer_runs(_line(right, "", 14, bold=True))
