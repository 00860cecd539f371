"""Lay the narrative blocks out: headings, paragraphs with figures and placeholders, tables, charts."""

from __future__ import annotations

import io
from datetime import datetime

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from briefgen.docx_writer.looks import add_styled_text
from briefgen.docx_writer.oxml import (add_plain_comment, add_run_properties, append_plain_comment, append_text_run,
                                       append_xml, comment_anchor_xml, content_length, first_paragraph,
                                       new_grid_table, run_xml, set_comment_date, table_paragraphs,
                                       text_control_xml, wrap_in_text_control)
from briefgen.docx_writer.widths import CELL_MARGIN_PT, fit_widths, least_width_mm
from briefgen.draft_identity import name_control
from briefgen.model import (ChartBlock, FigureRun, Heading, Inline, PageBreak, Paragraph,
                            PlaceholderRun, TableBlock, Text)

AUTHOR, INITIALS = "briefgen", "BG"
TEXT_WIDTH_MM = 165  # A4 210 mm less margins 30 + 15
CHART_WIDTH = Mm(TEXT_WIDTH_MM * 2 // 3)                    # about two thirds of the text width
CHART_HEIGHT = Mm(round(TEXT_WIDTH_MM * 2 / 3 * 3.4 / 6.3))  # the PNG's 6.3 × 3.4 in proportions
CHART_KINDS = ("native", "png")
TABLE_FONT = Pt(11)
APPENDIX_TABLE_FONT = Pt(10)   # the annex's reference tables (sources, merger) are set smaller
SMALLEST_TABLE_FONT = Pt(10)   # a table whose words do not fit its columns at TABLE_FONT …
NARROW_CELL_MARGIN = Pt(3)     # … nor at this size: its cells get narrower margins too
CELL_SPACING = Pt(1)     # before and after a table cell's paragraph
HEADER_FILL = "D9E2F3"


def set_column_widths(table, widths) -> None:
    """Fix a table's column widths (LibreOffice reads the grid columns, Word the cell widths)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _centred(keep_with_next: bool, alignment=WD_ALIGN_PARAGRAPH.CENTER):
    """Return the look of a caption's or chart's paragraph (``looks``): *alignment*, no indent."""
    return (("alignment", alignment), ("first_line_indent", Mm(0)), ("keep_with_next", keep_with_next))


def _marking(inline: Inline):
    """Return the highlight of *inline* and the comment it gets ("" for none): yellow and what is
    needed for a placeholder, turquoise and the caveat for a figure printed with a note, no
    highlight and the doubt for a text with a note."""
    if isinstance(inline, PlaceholderRun):
        return WD_COLOR_INDEX.YELLOW, inline.need
    if isinstance(inline, FigureRun) and inline.note:   # printed, but needs a check
        return WD_COLOR_INDEX.TURQUOISE, inline.note
    return None, (inline.note or "") if isinstance(inline, Text) else ""


def _commented(highlight, note: str) -> bool:
    """Return whether a run marked (*highlight*, *note*) gets a comment: a placeholder or a noted
    figure always (even with no text), a text when it has a note."""
    return highlight is not None or bool(note)


def _plain(text: str) -> bool:
    """Return whether *text* is one non-empty line without tabs (written without python-docx's layout)."""
    return bool(text) and not any(c in text for c in "\t\r\n")


def _plain_inline(inline: Inline) -> bool:
    """Return whether *inline* and its comment, if any, are plain (see ``_plain``); empty text is too."""
    highlight, note = _marking(inline)
    return (not inline.text or _plain(inline.text)) and (not _commented(highlight, note) or _plain(note))


class BlockWriter:
    """Writes blocks into one document (numbered by the model), adding comments and content controls.

    *charts* is "native" (Word charts with their data embedded) or "png" (the matplotlib images).
    *style_ids* (name, is a table style) → style id, filled as styles are looked up, may be
    shared by writers whose documents have the same styles (copies of one blank).
    """

    def __init__(self, document, comment_date: str, charts: str = "native", style_ids: dict | None = None):
        self.document = document
        self.comment_date = comment_date
        self.native_charts = charts == "native"
        self.table_font = TABLE_FONT
        self.break_before = False      # the next block starts a new page
        self.controls: dict[str, list[dict]] = {}   # figure or placeholder id -> its controls
        self.printed: dict[str, list[str]] = {}     # figure id -> the texts it was printed as
        # python-docx searches the styles each time; documents with the same styles may share *style_ids*
        self._style_ids: dict[tuple[str, bool], str | None] = {} if style_ids is None else style_ids
        self._comments_seen, self._next_comment = -1, 0
        self._control_count = 0     # content controls so far: each one's id and bookmark id

    def style_id(self, name: str, table: bool = False) -> str | None:
        """Return the id of paragraph (or *table*) style *name*, None for the default paragraph style."""
        key = (name, table)
        if key not in self._style_ids:
            self._style_ids[key] = (self.document.styles[name].style_id if table
                                    else self.document.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH))
        return self._style_ids[key]

    @staticmethod
    def add_run(paragraph, text: str) -> Run:
        """Return a new run of *paragraph* holding *text* (``paragraph.add_run(text)``, faster)."""
        return Run(append_text_run(paragraph, text), paragraph)

    def comment(self, run, text: str) -> None:
        """Attach a Word comment to *run*."""
        if not _plain(text):    # python-docx lays out tabs and lines
            comment = self.document.add_comment(run, text=text, author=AUTHOR, initials=INITIALS)
            set_comment_date(comment, self.comment_date)
            return
        comments = self.document.part._comments_part.element
        add_plain_comment(comments, run._r, self._comment_id(comments), text, AUTHOR, INITIALS,
                          self.comment_date)
        self._comments_seen = len(comments)

    def _new_comment(self, text: str) -> int:
        """Return the id of a new comment holding *text* (plain, one line), not yet anchored."""
        comments = self.document.part._comments_part.element
        comment_id = self._comment_id(comments)
        append_plain_comment(comments, comment_id, text, AUTHOR, INITIALS, self.comment_date)
        self._comments_seen = len(comments)
        return comment_id

    def _comment_id(self, comments) -> int:
        """Return the id python-docx would give the next comment (it searches all comments each time)."""
        if len(comments) != self._comments_seen:   # none yet, or some added another way
            self._next_comment = comments._next_available_comment_id()
        self._next_comment += 1
        return self._next_comment - 1

    def add_inlines(self, paragraph, inlines: tuple[Inline, ...], size=None, bold: bool = False) -> None:
        """Add runs for plain text, figures (with caveats) and highlighted placeholders (all *bold* if asked).

        The runs of plain one-line texts are written as XML text and parsed once per paragraph;
        any tab or line break takes python-docx's way, which lays them out.
        """
        if all(map(_plain_inline, inlines)) and (not bold or all(isinstance(i, Text) for i in inlines)):
            append_xml(paragraph._p, "".join(self._inline_xml(inline, size, bold) for inline in inlines))
            return
        for inline in inlines:
            highlight, note = _marking(inline)
            run = self.add_run(paragraph, inline.text)
            add_run_properties(run._r, size or None, bold=isinstance(inline, PlaceholderRun), highlight=highlight)
            if _commented(highlight, note):
                self.comment(run, note)
            if isinstance(inline, (FigureRun, PlaceholderRun)):
                control = self._control(inline)
                wrap_in_text_control(run._r, control.alias, control.tag, self._control_count, control.bookmark,
                                     self._control_count)
        if bold:
            for run in paragraph.runs:
                run.font.bold = True

    def _inline_xml(self, inline: Inline, size, bold: bool) -> str:
        """Return the XML text of *inline*'s run, with its comment and content control."""
        highlight, note = _marking(inline)
        xml = run_xml(inline.text, size or None, isinstance(inline, PlaceholderRun) or bold, highlight)
        comment_id = self._new_comment(note) if _commented(highlight, note) else None
        if isinstance(inline, (FigureRun, PlaceholderRun)):
            control = self._control(inline)
            xml = text_control_xml(xml, control.alias, control.tag, self._control_count, control.bookmark,
                                   self._control_count)
        return xml if comment_id is None else comment_anchor_xml(xml, comment_id)

    def _control(self, inline: FigureRun | PlaceholderRun):
        """Return the content control naming *inline*'s figure or placeholder (see draft_identity), counted."""
        placeholder = isinstance(inline, PlaceholderRun)
        key = inline.placeholder_id if placeholder else inline.figure_id
        taken = self.controls.setdefault(key, [])
        control = name_control(key, inline.text, placeholder, len(taken) + 1)
        taken.append(control.as_dict())
        if not placeholder and inline.text not in self.printed.setdefault(key, []):
            self.printed[key].append(inline.text)
        self._control_count += 1
        return control

    def write(self, block) -> None:
        """Write one block at the end of the document. A page break starts the next block on a
        new page ("page break before" on its first paragraph): no empty paragraph is left to fall
        on a page of its own when the text before it fills its page."""
        if isinstance(block, PageBreak):
            self.break_before = True
            return
        start = content_length(self.document.element.body) if self.break_before else None
        if isinstance(block, Heading):
            paragraph = self.document.add_paragraph()
            if block.text:
                append_text_run(paragraph, block.text)
            paragraph._p.style = self.style_id(f"Heading {min(block.level, 3)}")
        elif isinstance(block, Paragraph):
            self.add_paragraph(block)
        elif isinstance(block, TableBlock):
            self.add_table(block)
        elif isinstance(block, ChartBlock):
            self.add_chart(block)
        if start is not None:
            first = first_paragraph(self.document.element.body, start)
            DocxParagraph(first, self.document._body).paragraph_format.page_break_before = True
            self.break_before = False

    def add_paragraph(self, block: Paragraph) -> None:
        paragraph = self.document.add_paragraph()
        if block.style == "note":
            paragraph.paragraph_format.first_line_indent = Mm(0)
            self.add_inlines(paragraph, block.inlines, Pt(12))
            for run in paragraph.runs:
                run.font.italic = True
        else:
            self.add_inlines(paragraph, block.inlines)

    def _caption(self, text: str, italic: bool, keep_with_next: bool = True):
        """Add a centred caption; return its run (a comment may be attached to it)."""
        return add_styled_text(self.document.add_paragraph(), text, _centred(keep_with_next),
                               (("size", Pt(13)), ("bold", not italic), ("italic", italic)))

    def add_table(self, block: TableBlock) -> None:
        """Add a captioned grid table; the header row repeats across pages."""
        self._caption(block.title, italic=False)
        columns = len(block.header)
        aligns = [["right" if i in block.numeric_columns else "left" for i in range(columns)]] * len(block.rows)
        widths, size, margin = self._widths(block)
        tbl = new_grid_table(self.style_id("Table Grid", table=True),
                             [width.twips for width in widths], [["center"] * columns] + aligns,
                             CELL_SPACING.twips, HEADER_FILL, margin)   # one pass: no table.cell(), no setters
        self.document.element.body._insert_tbl(tbl)
        body = self.document._body
        paragraphs = table_paragraphs(tbl)
        for p, text in zip(paragraphs[0], block.header):
            self._cell(DocxParagraph(p, body), (Text(text),), size, bold=True)
        for p_row, row in zip(paragraphs[1:], block.rows):
            for p, inlines in zip(p_row, row):
                self._cell(DocxParagraph(p, body), inlines, size)
        if block.note:
            note = self.document.add_paragraph()
            note.paragraph_format.first_line_indent = Mm(0)
            run = note.add_run(block.note_line)
            run.font.size, run.font.italic = Pt(11), True

    def _widths(self, block: TableBlock) -> tuple[list, Pt, int | None]:
        """Return the column widths, the font size and the cell margin (twips; None: the style's)
        of *block*: the widths asked for, widened where a column's longest word would not fit;
        at a smaller size, then with narrower margins, if it cannot fit otherwise."""
        weights = block.widths or (1.0,) * len(block.header)
        wanted = [TEXT_WIDTH_MM * w / sum(weights) for w in weights]
        texts = [[header] + ["".join(i.text for i in row[index]) for row in block.rows]
                 for index, header in enumerate(block.header)]
        small = min(self.table_font, SMALLEST_TABLE_FONT)
        for size, margin in ((self.table_font, None), (small, None), (small, NARROW_CELL_MARGIN)):
            margin_pt = CELL_MARGIN_PT if margin is None else margin.pt
            fitted = fit_widths(wanted, [least_width_mm(column, size.pt, margin_pt) for column in texts])
            if fitted:
                return [Mm(width) for width in fitted], size, margin and margin.twips
        return [Mm(width) for width in wanted], self.table_font, None   # some words must break anyway

    def _cell(self, paragraph, inlines, size, bold=False) -> None:
        """Fill a table cell's (already formatted) *paragraph* with *inlines* set at *size*."""
        self.add_inlines(paragraph, inlines, size, bold)

    def add_chart(self, block: ChartBlock) -> None:
        """Add a centred chart (native, or the PNG picture), its note and its caption below it."""
        paragraph = self.document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment, fmt.first_line_indent, fmt.keep_with_next = WD_ALIGN_PARAGRAPH.CENTER, Mm(0), True
        note = ""
        if self.native_charts and block.spec is not None:
            # python-pptx and XlsxWriter (~80 ms to import) load only when a native chart is drawn
            from briefgen.docx_writer.native_chart import add_native_chart

            created = datetime.fromisoformat(self.comment_date.removesuffix("Z"))
            note = add_native_chart(paragraph.add_run(), block.spec, (CHART_WIDTH, CHART_HEIGHT), created)
        else:
            paragraph.add_run().add_picture(io.BytesIO(block.png), width=CHART_WIDTH)
        if note:
            self._chart_note(note)
        caption = self._caption(block.title, italic=True, keep_with_next=False)
        if block.source_note:
            self.comment(caption, block.source_note)  # a caveat for the drafters, not for the reader

    def _chart_note(self, text: str) -> None:
        add_styled_text(self.document.add_paragraph(), text, _centred(True, WD_ALIGN_PARAGRAPH.LEFT),
                        (("size", Pt(10)), ("italic", True)))
