"""The only place that knows WordprocessingML element names (as python-docx keeps to oxml/).

Children are inserted in schema order: Word refuses files that LibreOffice would accept.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


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


def mark_header_row(row) -> None:
    """Repeat a table's first row on every page it spans."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        insert_in_order(tr_pr, OxmlElement("w:tblHeader"), _AFTER_TBL_HEADER)


# CT_TrPr: … cantSplit, trHeight, tblHeader, tblCellSpacing, jc, hidden, ins, del, trPrChange.
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def set_cant_split(row) -> None:
    """Keep a table row on one page (Word and LibreOffice move it whole to the next page)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        insert_in_order(tr_pr, OxmlElement("w:cantSplit"), ("w:trHeight", "w:tblHeader") + _AFTER_TBL_HEADER)


def set_cell_shading(cell, fill: str) -> None:
    """Fill a table cell with a background colour (hex, no #)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    # shd follows tcW, gridSpan, vMerge/hMerge, tcBorders in CT_TcPr.
    insert_in_order(tc_pr, shading, ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                     "w:vAlign", "w:hideMark"))


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
