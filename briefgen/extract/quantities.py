"""Find the quantities of a report: a Vietnamese number with a unit, or a count of provinces.

A number without a unit (a year, a date, a decree number, an ordinal, "19 nhóm nhiệm vụ",
delegates) is not a figure and is never returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from briefgen.extract.patterns import BARE_NUMBER_RE, COUNT_LEAD_RE, HAVE_COUNT_RE, HEADER_UNIT_RE, \
    INDEX_NAME_RE, QUANTITY_RE, RANGE_LOW_RE, SIGNED_AFTER_COLON_RE, SLASH_COUNT_RE, UNIT_KINDS
from briefgen.extract.scopes import PROVINCE_RE
from briefgen.extract.text import Source
from briefgen.numbers import parse_number


_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_ROW_MAX = 300
_COUNT_LEAD_MAX = 50  # "giảm so với cùng kỳ năm trước ở cả " fits
_DASHES = frozenset("-–")  # how far a row's label unit reaches


@dataclass(frozen=True)
class Quantity:
    """A number and its unit at folded offsets [start, end)."""

    start: int
    end: int
    value: Decimal
    unit: str      # as written in the report
    kind: str      # percent, money, physical, count, multiple or provinces
    high: Decimal | None = None  # the upper bound of a range "8-9%"; value is the lower


def find_quantities(source: Source) -> list[Quantity]:
    """Return every quantity of *source*, in reading order."""
    found = _with_units(source) + _slash_counts(source) + _have_counts(source) + \
        _under_header_units(source)
    taken = {q.start for q in found}
    found += [q for q in _signed_index_changes(source) if q.start not in taken]
    return sorted(found, key=lambda q: q.start)


def _with_units(source: Source) -> list[Quantity]:
    quantities = []
    for match in QUANTITY_RE.finditer(source.folded):
        unit = source.quote(match.start("unit"), match.end("unit"))[0]
        value, kind = parse_number(match.group("num")), UNIT_KINDS[match.group("unit")]
        low = _range_low(source.folded, match.start())
        if low and parse_number(low.group("low")) < value:  # "50,5-51 tỷ USD", "8-9%"
            quantities.append(Quantity(low.start("low"), match.end(), parse_number(low.group("low")),
                                       unit, kind, high=value))
        else:
            quantities.append(Quantity(match.start(), match.end(), value, unit, kind))
    return quantities


def _range_low(text: str, start: int) -> re.Match | None:
    """Return the lower bound written before a number at *start* ("8-9%"), or None."""
    if not _DASHES.intersection(text[max(0, start - 3):start]):  # cheap test first
        return None
    return RANGE_LOW_RE.search(text, max(0, start - 24), start)


def _under_header_units(source: Source) -> list[Quantity]:
    """Return the bare numbers of a line whose label gives their unit, "(tỷ đồng): 215.460".

    Years ("năm 2022"), months, quarters and numbers followed by a word are not among them.
    """
    found = []
    for header in HEADER_UNIT_RE.finditer(source.folded):
        line_end = source.folded.find("\n", header.end(), header.end() + _ROW_MAX)
        line_end = min(len(source.folded), header.end() + _ROW_MAX) if line_end < 0 else line_end
        unit = source.quote(header.start("unit"), header.end("unit"))[0]
        for m in BARE_NUMBER_RE.finditer(source.folded, header.end(), line_end):
            if not _YEAR_RE.fullmatch(m.group("num")):
                found.append(Quantity(m.start(), m.end(), parse_number(m.group("num")), unit,
                                      UNIT_KINDS[header.group("unit")]))
    return found


def _signed_index_changes(source: Source) -> list[Quantity]:
    """Return signed bare numbers after a colon on a line that names an index, "chỉ số sản
    xuất công nghiệp 9T/2025: +6,7": the change of an index is a percentage."""
    text, found = source.folded, []
    for m in SIGNED_AFTER_COLON_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if INDEX_NAME_RE.search(text, max(line_start, m.start() - _ROW_MAX), m.start()):
            found.append(Quantity(m.start("num"), m.end("num"), parse_number(m.group("num")), "%",
                                  "percent"))
    return found


def _slash_counts(source: Source) -> list[Quantity]:
    """Return "23/28 tỉnh" counts; the unit is the denominator, "/28"."""
    return [Quantity(m.start(), m.end(), Decimal(m.group("num")), "/" + m.group("den"),
                     "provinces")
            for m in SLASH_COUNT_RE.finditer(source.folded)
            if int(m.group("num")) <= int(m.group("den"))]


def _have_counts(source: Source) -> list[Quantity]:
    """Return counts of provinces that have or do something ("có 21 tỉnh", "tăng ở 61 địa
    phương", "3 địa phương giảm"); out of all of them ("tất cả 63 tỉnh") the unit is /N.

    A bare "28 tỉnh" (a conference's name, "gồm 3 tỉnh Thanh Hóa, …") is not a count.
    """
    found = []
    text = source.folded
    for m in HAVE_COUNT_RE.finditer(text):
        lead = COUNT_LEAD_RE.search(text, max(0, m.start() - _COUNT_LEAD_MAX), m.start())
        if not (lead or m.group("verb")) or PROVINCE_RE.match(text, m.end("noun") + 1):
            continue
        out_of_all = lead and (lead.group("all") or lead.group("all2"))
        unit = "/" + m.group("num") if out_of_all else "tỉnh"
        found.append(Quantity(m.start("num"), m.end("noun"), Decimal(m.group("num")), unit,
                              "provinces"))
    return found
