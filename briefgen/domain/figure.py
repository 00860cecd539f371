"""Figures (số liệu): every value a draft may print, with where it came from and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.domain.period import Period

FIGURE_STATUSES = ("confirmed", "unconfirmed", "english", "rejected")
# Kinds of source a figure can come from (``Provenance.kind``).
SOURCE_KINDS = ("csv", "form", "report", "draft")
# Qualifiers a source may attach to a value; printing them is the writers' job (a later issue).
LOWER_BOUND = "lower_bound"            # "hơn 5.000 tỷ đồng": the true value is above
AT_LEAST = "at_least"                  # "từ 10% trở lên"
CONSTANT_PRICES_2010 = "constant_prices_2010"   # "theo giá so sánh 2010"
SCOPE_CAVEAT = "scope_caveat"          # the source's scope differs from the region's (see note)
PROJECTED = "projected"                # "dự kiến": a forecast before the period closed, not an estimate of it
QUALIFIERS = (LOWER_BOUND, AT_LEAST, CONSTANT_PRICES_2010, SCOPE_CAVEAT, PROJECTED)


@dataclass(frozen=True)
class Provenance:
    """Where a figure was read: the kind of source, the document, the place in it, the exact words."""

    kind: str            # one of SOURCE_KINDS
    source: str          # the document: a seed, a report, "form.xlsx › Biểu mẫu!D7"
    location: str        # "dòng 12" of a CSV, a sheet cell, an offset in a report
    quote: str


@dataclass(frozen=True)
class Figure:
    """One reported value: what, when, where, how much, and who said it."""

    edition_year: int
    series: str
    period: Period
    scope: str               # "region", "national" or a province name as it stood then
    indicator: str
    subject: str | None
    value: Decimal
    unit: str
    estimate: bool
    status: str
    source: str
    quote: str
    note: str | None
    line: int = 0
    source_kind: str = "csv"                 # one of SOURCE_KINDS
    qualifiers: tuple[str, ...] = ()         # from QUALIFIERS
    coverage: tuple[int, int] | None = None  # a region's total of only some provinces: (given, expected)

    @property
    def id(self) -> str:
        """Return a stable identifier, e.g. ``retail_sales@region:2022#2023``."""
        what = self.indicator + (f"/{self.subject}" if self.subject else "")
        return f"{what}@{self.scope}:{self.period.code}#{self.edition_year}"

    @property
    def provenance(self) -> Provenance:
        """Return where this figure was read, in one record whatever the source."""
        location = f"dòng {self.line}" if self.source_kind == "csv" and self.line else ""
        return Provenance(self.source_kind, self.source, location, self.quote)

    @property
    def estimate_word(self) -> str | None:
        """Return the word the draft puts before an estimated value: "ước", "dự kiến" (projected), or None."""
        if PROJECTED in self.qualifiers:
            return "dự kiến"
        return "ước" if self.estimate else None

    @property
    def printable(self) -> bool:
        """Return whether the figure may appear in a draft at all."""
        return self.status != "rejected"

    @property
    def needs_note(self) -> bool:
        """Return whether the draft must say the figure is not certain."""
        return self.status in ("unconfirmed", "english")
