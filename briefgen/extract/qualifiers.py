"""Qualifiers a report states with a figure: a lower bound, a threshold, the 2010 price basis.

``briefgen extract`` records "hơn 24 nghìn ha" as 24 (the extraction contract); a figure that
enters a draft (``--data report``) keeps what the report said about it, so the draft prints
"hơn 24 nghìn ha" too (``domain.figure.QUALIFIERS``).
"""

from __future__ import annotations

from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND
from briefgen.extract.model import Figure
from briefgen.extract.patterns import AT_LEAST_AFTER_RE, AT_LEAST_BEFORE_RE, CLAUSE_END_RE, \
    CONSTANT_PRICES_2010_RE, LAST_NUMBER_RE, LOWER_BOUND_BEFORE_RE
from briefgen.extract.text import fold

_REACH = 80   # how far before and after its quote a figure's clause may name the price basis


def find_qualifiers(text: str, figure: Figure) -> tuple[str, ...]:
    """Return the qualifiers *text* states for *figure* (its quote starts at ``figure.start``)."""
    quote = fold(figure.quote)
    number = None if figure.high is not None else _last_number(quote)
    before, after = _clause_around(text, figure)
    found = []
    if number is not None and LOWER_BOUND_BEFORE_RE.search(quote, 0, number):
        found.append(LOWER_BOUND)
    if number is not None and AT_LEAST_BEFORE_RE.search(quote, 0, number) and AT_LEAST_AFTER_RE.match(after):
        found.append(AT_LEAST)
    if any(CONSTANT_PRICES_2010_RE.search(part) for part in (before, quote, after)):
        found.append(CONSTANT_PRICES_2010)
    return tuple(found)


def _clause_around(text: str, figure: Figure) -> tuple[str, str]:
    """Return the (folded) words of the figure's clause before its quote and after it."""
    start = max(0, figure.start)
    end = start + len(figure.quote)
    before = fold(text[max(0, start - _REACH):start])
    after = fold(text[end:end + _REACH])
    ends = list(CLAUSE_END_RE.finditer(before))
    before = before[ends[-1].end():] if ends else before
    after = after[:m.start()] if (m := CLAUSE_END_RE.search(after)) else after
    return before, after


def _last_number(quote: str) -> int | None:
    """Return where the figure's number starts in its (folded) *quote*, or None."""
    found = LAST_NUMBER_RE.search(quote)   # no digit after it: the last number
    return found.start() if found else None
