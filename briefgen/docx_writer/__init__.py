"""Stage 4: write a Briefing as DOCX. The only package that imports python-docx."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from briefgen.docx_writer.base import BLANK_STYLE_IDS, new_document
from briefgen.docx_writer.blocks import APPENDIX_TABLE_FONT, CHART_KINDS, BlockWriter
from briefgen.docx_writer.identity import add_identity
from briefgen.docx_writer.masthead import add_closing, add_masthead
from briefgen.docx_writer.oxml import add_page_field, last_paragraph, set_cant_split
from briefgen.docx_writer.package import save_docx
from briefgen.docx_writer.styles import set_properties
from briefgen.draft_identity import build_identity, dump_identity
from briefgen.model import Briefing, PageBreak, Placeholder



def _add_page_numbers(document) -> None:
    """Put the page number at the top centre of every page but the first."""
    for section in document.sections:
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        run = paragraph.add_run()
        run.font.size = Pt(13)
        add_page_field(run)


def _signer(writer: BlockWriter, name: Placeholder):
    def add(paragraph) -> None:
        run = paragraph.add_run(name.label)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.font.bold = True
        writer.comment(run, name.need)
    return add


def build_document(briefing: Briefing, charts: str = "native"):
    """Return a python-docx Document holding the whole draft (*charts*: "native" or "png")."""
    document = new_document()
    set_properties(document, briefing.title, briefing.masthead.summary, briefing.keywords,
                   briefing.document_date)
    stamp = (briefing.document_date.isoformat() if briefing.document_date else "2000-01-01") + "T08:00:00Z"
    writer = BlockWriter(document, stamp, charts, BLANK_STYLE_IDS)   # every draft has the blank's styles
    add_masthead(document, briefing.masthead)
    body, appendix = briefing.split_appendix()
    for block in body:
        writer.write(block)
    last = last_paragraph(document.element.body)
    if last is not None:        # the last lines of the text go with the signature: it never stands alone
        DocxParagraph(last, document._body).paragraph_format.keep_with_next = True
    add_closing(document, briefing.masthead, _signer(writer, briefing.masthead.signer_name))
    if appendix:
        writer.write(PageBreak())
        writer.table_font = APPENDIX_TABLE_FONT
    for block in appendix:
        writer.write(block)
    _add_page_numbers(document)
    for table in document.tables:          # masthead and signature too: no row splits across pages
        for row in table.rows:
            set_cant_split(row)
    if briefing.identity:
        identity = build_identity(briefing, writer.printed)
        add_identity(document, dump_identity(identity))
    return document


def render_docx(briefing: Briefing, charts: str = "native") -> bytes:
    """Return the DOCX bytes of *briefing*, its charts native Word charts or (*charts* "png") images."""
    if charts not in CHART_KINDS:
        raise ValueError(f"charts must be one of {CHART_KINDS}, not {charts!r}")
    return save_docx(build_document(briefing, charts))
