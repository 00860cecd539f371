"""Reporting periods: the codes used in data/ (``2022``, ``H1-2023``, ``9M-2025``) and their wording."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefgen.bounds import shown

_CODE = re.compile(r"^(?:(?P<year>\d{4})|H1-(?P<h1>\d{4})|(?P<n>\d{1,2})M-(?P<nm>\d{4})"
                   r"|Q(?P<q>[1-4])-(?P<qy>\d{4})|M(?P<m>\d{1,2})-(?P<my>\d{4}))$")
_ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
# Months covered by the current-year part of a briefing, by the month of the conference.
_MONTHS_BEFORE = ((10, 9), (7, 6), (5, 4), (4, 3))


@dataclass(frozen=True, order=True)
class Period:
    """A span of one year: the whole year, its first *months* months, a quarter or a month."""

    year: int
    months: int = 12          # first N months; 12 = whole year
    quarter: int | None = None
    month: int | None = None

    @property
    def code(self) -> str:
        """Return the data code of this period (``H1-2023``)."""
        if self.quarter:
            return f"Q{self.quarter}-{self.year}"
        if self.month:
            return f"M{self.month}-{self.year}"
        if self.months == 12:
            return str(self.year)
        if self.months == 6:
            return f"H1-{self.year}"
        return f"{self.months}M-{self.year}"

    @property
    def is_whole_year(self) -> bool:
        return self.months == 12 and not self.quarter and not self.month

    @property
    def label(self) -> str:
        """Return the wording in a briefing: ``năm 2024``, ``9 tháng đầu năm 2025``."""
        if self.quarter:
            return f"quý {_ROMAN_QUARTERS[self.quarter]} năm {self.year}"
        if self.month:
            return f"tháng {self.month} năm {self.year}"
        if self.is_whole_year:
            return f"năm {self.year}"
        return f"{self.months} tháng đầu năm {self.year}"

    @property
    def opening(self) -> str:
        """Return how a sentence about this period opens: ``Năm 2024``, ``Trong 9 tháng đầu năm 2025``."""
        return "Năm " + str(self.year) if self.is_whole_year else "Trong " + self.label

    @property
    def versus(self) -> str:
        """Return what growth compares with: ``so với năm 2023``, ``so với cùng kỳ năm 2024``."""
        return f"so với năm {self.year - 1}" if self.is_whole_year else f"so với cùng kỳ năm {self.year - 1}"

    @property
    def short_label(self) -> str:
        """Return a compact label for tables and charts: ``2024``, ``9T/2025``."""
        if self.is_whole_year:
            return str(self.year)
        if self.quarter:
            return f"Q{self.quarter}/{self.year}"
        if self.month:
            return f"T{self.month}/{self.year}"
        return f"{self.months}T/{self.year}"


def previous_period(period: Period) -> Period:
    """Return the same span one year earlier (``9M-2025`` → ``9M-2024``)."""
    return Period(period.year - 1, period.months, period.quarter, period.month)


def parse_period(code: str) -> Period:
    """Return the Period of a data code, or raise ValueError naming the accepted forms."""
    match = _CODE.match(code.strip())
    if not match:
        raise ValueError(f"kỳ '{shown(code)}' không hợp lệ; dùng 2022, H1-2023, 9M-2022, Q1-2022 hoặc M5-2023")
    groups = match.groupdict()
    if groups["year"]:
        return Period(int(groups["year"]))
    if groups["h1"]:
        return Period(int(groups["h1"]), 6)
    if groups["n"]:
        months = int(groups["n"])
        if not 1 <= months <= 11:
            raise ValueError(f"kỳ '{shown(code)}': số tháng phải từ 1 đến 11")
        return Period(int(groups["nm"]), months)
    if groups["q"]:
        return Period(int(groups["qy"]), quarter=int(groups["q"]))
    month = int(groups["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"kỳ '{shown(code)}': tháng phải từ 1 đến 12")
    return Period(int(groups["my"]), month=month)


def parse_periods(text: str) -> tuple[Period, ...]:
    """Return the periods of a ``;``-separated cell (``2022;H1-2023``)."""
    return tuple(parse_period(part) for part in text.split(";") if part.strip())


def months_reported_by(conference: date) -> int | None:
    """Return how many months of the conference year a briefing can report, or None in Q1.

    Briefings cover completed months, rounded down to the usual 3, 4, 6 or 9.
    """
    for month_from, months in _MONTHS_BEFORE:
        if conference.month >= month_from:
            return months
    return None


def reporting_period(conference: date) -> tuple[Period, ...]:
    """Return the default reporting period: the previous year plus the first months of this one."""
    previous = Period(conference.year - 1)
    months = months_reported_by(conference)
    return (previous,) if months is None else (previous, Period(conference.year, months))


def describe_periods(periods: tuple[Period, ...]) -> str:
    """Return ``năm 2024 và 9 tháng đầu năm 2025``."""
    return " và ".join(p.label for p in periods)
