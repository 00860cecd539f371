"""``briefgen extract``: read figures out of Vietnamese industry-and-trade reports.

Layers, each in its module: ``text`` (folding, paragraphs, sentences), ``quantities``
(numbers with units), ``periods``, ``scopes`` and ``classify`` (what each quantity is),
``extractor`` (puts them together), ``sources`` (reading files), ``output``, ``score``
(against a hand-labelled key) and ``verify`` (data/ against the seeds).
"""

from briefgen.extract.extractor import extract_text
from briefgen.extract.model import COLUMNS, Figure

__all__ = ["COLUMNS", "Figure", "extract_text"]
