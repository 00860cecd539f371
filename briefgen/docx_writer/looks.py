"""A paragraph's look set by python-docx's own setters once per process, then copied.

The masthead, the closing block and the captions give a dozen paragraphs the same few looks
(alignment, indent, spacing; size, bold, italic). Each python-docx setter searches the
paragraph for where its element goes; here the setters run once per distinct look on a
scratch paragraph, and every paragraph of that look gets a copy of the resulting ``w:pPr``
and ``w:rPr``: the same elements, without the searching.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from briefgen.docx_writer.oxml import append_text_run

Look = tuple[tuple[str, object], ...]   # (attribute, value) pairs, assigned in this order


@lru_cache(maxsize=64)
def _properties(paragraph_format: Look, font: Look):
    """Return the ``w:pPr`` and ``w:rPr`` (either may be None) the setters give an empty paragraph and run."""
    paragraph = DocxParagraph(OxmlElement("w:p"), None)
    for name, value in paragraph_format:
        setattr(paragraph.paragraph_format, name, value)
    run = paragraph.add_run()
    for name, value in font:
        setattr(run.font, name, value)
    return paragraph._p.pPr, run._r.rPr


def add_styled_text(paragraph, text: str, paragraph_format: Look = (), font: Look = ()) -> Run:
    """Return a new run of *text* in the empty *paragraph*, both given their look.

    What assigning *paragraph_format* to ``paragraph.paragraph_format``, then
    ``paragraph.add_run(text)`` and assigning *font* to its ``font`` write.
    """
    ppr, rpr = _properties(paragraph_format, font)
    if ppr is not None:
        paragraph._p.insert(0, deepcopy(ppr))
    r = append_text_run(paragraph, text)
    if rpr is not None:
        r.insert(0, deepcopy(rpr))
    return Run(r, paragraph)
