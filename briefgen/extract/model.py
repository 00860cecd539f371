"""The figure: one row of ``briefgen extract`` output, with its provenance."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# "qualifiers" came last, after the first release: readers by column name or position keep working.
COLUMNS = ("file", "indicator", "period", "scope", "value", "unit", "estimate", "quote", "start",
           "location", "qualifiers")


@dataclass(frozen=True)
class Figure:
    """A figure read from a report; *quote* is the exact text at offset *start*."""

    file: str
    indicator: str
    period: str        # "" when the report does not say which months
    scope: str
    value: Decimal
    unit: str
    estimate: bool
    quote: str
    start: int
    open_year: int | None = None  # not output: the year when the months are left open
    high: Decimal | None = None   # a range "8-9%": value is the lower bound, this the upper
    location: str = ""            # where in the original: "dòng 3", "trang 5", "bảng 2, dòng 4"
    qualifiers: tuple[str, ...] = ()   # what the report says about the value (domain.figure.QUALIFIERS)

    @property
    def value_text(self) -> str:
        """Return the value as written in the output: "8.4", or a range "50.5-51"."""
        if self.high is None:
            return fmt_plain(self.value)
        return f"{fmt_plain(self.value)}-{fmt_plain(self.high)}"

    def as_row(self) -> dict[str, str]:
        """Return the figure as CSV cells (plain dot-decimal value, true/false, qualifiers ";"-separated)."""
        return {"file": self.file, "indicator": self.indicator, "period": self.period,
                "scope": self.scope, "value": self.value_text, "unit": self.unit,
                "estimate": "true" if self.estimate else "false", "quote": self.quote,
                "start": str(self.start), "location": self.location, "qualifiers": ";".join(self.qualifiers)}

    def as_record(self) -> dict[str, object]:
        """Return the figure for JSON: value kept as text to keep the source's precision, qualifiers a list."""
        row: dict[str, object] = dict(self.as_row())
        row["estimate"] = self.estimate
        row["start"] = self.start
        row["qualifiers"] = list(self.qualifiers)
        return row


def fmt_plain(value: Decimal) -> str:
    """Return *value* as a plain number with a dot decimal, never in exponent form."""
    return format(value, "f")
