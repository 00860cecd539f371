"""``briefgen extract``: read figures out of Vietnamese industry-and-trade reports.

Layers, each in its module: ``sources`` and ``readers`` (.txt, .docx, .html, .pdf into text
with locations), ``text`` (folding, paragraphs, sentences), ``quantities`` (numbers with
units), ``subject`` (what the report is about), ``periods``, ``scopes`` and ``classify``
(what each quantity is), ``extractor`` (puts them together), ``output``, ``score`` (against
a hand-labelled key) and ``verify`` (data/ against the seeds).
"""

from briefgen.extract.extractor import extract_text
from briefgen.extract.model import COLUMNS, Figure

__all__ = ["COLUMNS", "Figure", "extract_text"]
