"""The only place that knows WordprocessingML element names (as python-docx keeps to oxml/).

Children are inserted in schema order: Word refuses files that LibreOffice would accept.
"""

from __future__ import annotations

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.simpletypes import ST_HpsMeasure
from docx.oxml.text.run import _RunContentAppender

# XML escapes, here rather than from xml.sax.saxutils, which imports urllib.request and http.client
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def escape(text: str) -> str:
    """Return *text* with ``&``, ``<`` and ``>`` escaped for XML character data."""
    return text.translate(_TEXT_ESCAPES)


def quoteattr(text: str) -> str:
    """Return *text* as a double-quoted XML attribute value."""
    return f'"{text.translate(_ATTRIBUTE_ESCAPES)}"'


def insert_in_order(parent, element, successors: tuple[str, ...]) -> None:
    """Insert *element* before the first existing child named in *successors* (schema order)."""
    for tag in successors:
        anchor = parent.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(element)
            return
    parent.append(element)


def set_all_fonts(rpr, font: str) -> None:
    """Set *font* in every font slot of a run-properties element and drop theme fonts."""
    rfonts = rpr.get_or_add_rFonts()
    for slot in _THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(slot), font)


def set_language(rpr, language: str) -> None:
    """Mark text as *language* (vi-VN) for spelling and hyphenation in Word."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def set_bottom_border(paragraph_element, size_eighths: int = 6) -> None:
    """Draw a rule under a paragraph; its indents decide how long the rule is."""
    ppr = paragraph_element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1"),
                       ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # pBdr follows pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl, numPr,
    # suppressLineNumbers in CT_PPr; inserting before spacing/ind/jc keeps schema order.
    insert_in_order(ppr, borders, (
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
        "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"))


def remove_table_borders(table_element) -> None:
    """Make a table borderless (the masthead and signature tables)."""
    tbl_pr = table_element.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    # tblBorders comes after tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
    # tblStyleColBandSize, tblW, jc, tblCellSpacing, tblInd.
    insert_in_order(tbl_pr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"))


def add_page_field(run) -> None:
    """Append a PAGE field to *run* (the page number in the header)."""
    begin, instruction, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, end):
        run._r.append(element)


# CT_TrPr: … cantSplit, trHeight, tblHeader, tblCellSpacing, jc, hidden, ins, del, trPrChange.
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def set_cant_split(row) -> None:
    """Keep a table row on one page (Word and LibreOffice move it whole to the next page)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        insert_in_order(tr_pr, OxmlElement("w:cantSplit"), ("w:trHeight", "w:tblHeader") + _AFTER_TBL_HEADER)


def set_comment_date(comment, iso_stamp: str) -> None:
    """Pin a comment's date (python-docx stamps the clock; drafts must be reproducible)."""
    comment._comment_elm.set(qn("w:date"), iso_stamp)


def _element(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def wrap_in_text_control(r, alias: str, tag: str, sdt_id: int, bookmark: str, bookmark_id: int) -> None:
    """Put the run element *r* inside a rich-text content control holding a bookmark.

    The control keeps *r*'s place, so a comment range around *r* now spans the control.
    Rich text, not plain text (``w:text``): LibreOffice 7.4 paints neither the yellow nor
    the turquoise highlight of a run inside a plain-text control, and a placeholder must
    show; the identity does not depend on the kind (bookmark, alias, document properties).
    """
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    # CT_SdtPr order: rPr, alias, tag, id, lock, placeholder, temporary, showingPlcHdr, …
    for element in (_element("w:alias", val=alias), _element("w:tag", val=tag),
                    _element("w:id", val=str(sdt_id))):
        properties.append(element)
    content = OxmlElement("w:sdtContent")
    r.addprevious(sdt)
    sdt.append(properties)
    sdt.append(content)
    content.append(_element("w:bookmarkStart", id=str(bookmark_id), name=bookmark))
    content.append(r)
    content.append(_element("w:bookmarkEnd", id=str(bookmark_id)))


_TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
               'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


def _cell_xml(width: int, align: str, spacing: int, fill: str | None) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:before="{spacing}" w:after="{spacing}" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr></w:p></w:tc>')


def new_grid_table(style_id: str, widths: list[int], aligns: list[list[str]], spacing: int,
                   header_fill: str, cell_margin: int | None = None):
    """Return a fixed-layout ``w:tbl`` built in one pass: one row per list of cell alignments.

    *widths* are the columns in twips; the first row is the header (shaded *header_fill*,
    repeated on every page; no row splits across pages). Each cell holds one empty paragraph, single-spaced with
    *spacing* twips before and after, no first-line indent, aligned as told ("left",
    "center", "right"); fill them with ``table_paragraphs``. *cell_margin* (twips) replaces the
    style's left and right cell margins.
    """
    rows = []
    for index, row in enumerate(aligns):
        header = index == 0
        cells = "".join(_cell_xml(w, a, spacing, header_fill if header else None) for w, a in zip(widths, row))
        # a row moves whole to the next page, never split; the header repeats on every page
        properties = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
        rows.append(f"<w:tr><w:trPr>{properties}</w:trPr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    margins = "" if cell_margin is None else (f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
                                              f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>')
    return parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/>'
                     f'<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>{margins}{_TABLE_LOOK}</w:tblPr>'
                     f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def table_paragraphs(tbl) -> list[list]:
    """Return the paragraph element of every cell of *tbl*, row by row."""
    return [[tc.find(qn("w:p")) for tc in tr.iterchildren(qn("w:tc"))] for tr in tbl.iterchildren(qn("w:tr"))]


def content_length(body) -> int:
    """Return how many children *body* has before its closing ``w:sectPr`` (all of them without one)."""
    count = len(body)
    return count - 1 if count and body[-1].tag == qn("w:sectPr") else count


def first_paragraph(body, start: int):
    """Return the first ``w:p`` among the children of *body* from index *start* on (None if none).

    What ``document.paragraphs[n]`` finds for the paragraph added first after *start*
    children, without listing every paragraph of the document.
    """
    return next((child for child in body[start:] if child.tag == qn("w:p")), None)


def last_paragraph(body):
    """Return the last ``w:p`` child of *body* (``document.paragraphs[-1]``), or None."""
    return next(body.iterchildren(qn("w:p"), reversed=True), None)


def append_text_run(paragraph, text: str):
    """Append a run holding *text* to python-docx *paragraph*; return the ``w:r``.

    What ``paragraph.add_run(text)`` writes (tabs and line breaks included), without its
    search for content to clear in the run it has just made nor, for plain text, its loop
    over every character.
    """
    r = paragraph._p.add_r()
    if any(c in text for c in "\t\r\n"):   # tabs and line breaks: python-docx's character loop
        _RunContentAppender.append_to_run_from_text(r, text)
    elif text:
        r.add_t(text)                      # the one w:t that loop would write
    return r


def add_run_properties(r, size=None, bold: bool = False, highlight=None) -> None:
    """Give the new run *r* its ``w:rPr``: bold, *size* (a Length), *highlight* (WD_COLOR_INDEX).

    The elements python-docx's font setters write, appended in schema order (b, sz,
    highlight) instead of each setter searching for its place.
    """
    children = []
    if bold:
        children.append(OxmlElement("w:b"))
    if size is not None:
        children.append(OxmlElement("w:sz"))
        children[-1].val = size
    if highlight is not None:
        children.append(OxmlElement("w:highlight"))
        children[-1].val = highlight
    if children:
        rpr = OxmlElement("w:rPr")
        rpr.extend(children)
        r.insert(0, rpr)


def append_plain_comment(comments, comment_id: int, text: str, author: str, initials: str, stamp: str) -> None:
    """Append comment *comment_id* holding one line of *text* (no tab or line break) to *comments*."""
    comment = parse_xml(
        f'<w:comment {nsdecls("w")} w:id="{comment_id}" w:author={quoteattr(author)} '
        f'w:initials={quoteattr(initials)} w:date={quoteattr(stamp)}><w:p><w:pPr><w:pStyle w:val="CommentText"/>'
        f'</w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
        f'</w:comment>')
    comments.append(comment)
    comment[0].add_r().add_t(text)


def add_plain_comment(comments, r, comment_id: int, text: str, author: str, initials: str, stamp: str) -> None:
    """Append comment *comment_id* holding one line of *text* to *comments* and anchor it on run *r*.

    What python-docx's ``Document.add_comment(run, text)`` writes (with the date pinned), the
    id given instead of searched for among all comments. *text* holds no tab or line break.
    """
    append_plain_comment(comments, comment_id, text, author, initials, stamp)
    r.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)}))
    reference = OxmlElement("w:r")
    reference.get_or_add_rPr().style = "CommentReference"
    reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    r.addnext(reference)
    r.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))


# --- runs written as text and parsed once per paragraph: the same elements as the functions above ---

def run_xml(text: str, size=None, bold: bool = False, highlight=None) -> str:
    """Return the ``w:r`` that ``append_text_run`` and ``add_run_properties`` make for *text*
    (plain text: no tab or line break), as XML text."""
    properties = "<w:b/>" if bold else ""
    if size is not None:
        properties += f'<w:sz w:val="{ST_HpsMeasure.convert_to_xml(size)}"/>'
    if highlight is not None:
        properties += f'<w:highlight w:val="{WD_COLOR_INDEX.to_xml(highlight)}"/>'
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:r>{properties}<w:t{space}>{escape(text)}</w:t></w:r>" if text else f"<w:r>{properties}</w:r>"


def text_control_xml(run: str, alias: str, tag: str, sdt_id: int, bookmark: str, bookmark_id: int) -> str:
    """Return *run* (XML text) inside the content control ``wrap_in_text_control`` makes."""
    return (f"<w:sdt><w:sdtPr><w:alias w:val={quoteattr(alias)}/><w:tag w:val={quoteattr(tag)}/>"
            f'<w:id w:val="{sdt_id}"/></w:sdtPr><w:sdtContent>'
            f'<w:bookmarkStart w:id="{bookmark_id}" w:name={quoteattr(bookmark)}/>{run}'
            f'<w:bookmarkEnd w:id="{bookmark_id}"/></w:sdtContent></w:sdt>')


def comment_anchor_xml(content: str, comment_id: int) -> str:
    """Return *content* (XML text) within the range of comment *comment_id*, its reference after it,
    as ``add_plain_comment`` anchors a comment on a run."""
    return (f'<w:commentRangeStart w:id="{comment_id}"/>{content}<w:commentRangeEnd w:id="{comment_id}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{comment_id}"/></w:r>')


def append_xml(parent, content: str) -> None:
    """Append the elements of *content* (XML text in the ``w`` namespace) to *parent*, parsed in one go."""
    if content:
        parent.extend(list(parse_xml(f"<w:r {nsdecls('w')}>{content}</w:r>")))
