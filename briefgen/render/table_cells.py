"""How a table cell marks an estimated figure: "1.300 (ước)", as the text says "ước đạt".

A table has no verb to carry "ước", so the mark follows the value in the cell, outside
the figure's content control (the review reads the value alone); with the period a
history cell already names, the two share one parenthesis: "1.404 (ước 6T/2024)".
"""

from __future__ import annotations

from briefgen.domain.figure import Figure
from briefgen.model import Slot

ESTIMATE = "ước"
NBSP = "\u00a0"   # the mark never starts a line of its own


def is_estimate(item: Slot | Figure | None) -> bool:
    """Return whether *item* is a figure (or a slot holding one) the source gives as an estimate."""
    figure = item.figure if isinstance(item, Slot) else item
    return isinstance(figure, Figure) and figure.estimate


def estimate_word(item) -> str | None:
    """Return "ước", "dự kiến" or None for a figure, a slot, or a result line (its value)."""
    item = getattr(item, "value", item) if not isinstance(item, (Figure, Slot)) else item
    figure = item.figure if isinstance(item, Slot) else item
    if isinstance(figure, Figure):
        return figure.estimate_word
    return ESTIMATE if getattr(figure, "estimate", False) else None


def estimate_prefix(item) -> str:
    """Return "ước " / "dự kiến " before a value in a sentence, or "" (the ``est`` filter)."""
    word = estimate_word(item)
    return f"{word} " if word else ""


def cell_mark(item: Slot | Figure | None, period: str = "") -> str:
    """Return what follows a figure's value in a table cell: " (ước)", " (6T/2024)", " (ước 6T/2024)" or ""."""
    words = " ".join(w for w in (estimate_word(item) or "" if is_estimate(item) else "", period) if w)
    return f"{NBSP}({words})" if words else ""
