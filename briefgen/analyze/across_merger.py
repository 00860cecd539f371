"""Map figures of the provinces as they stood before 01/7/2025 onto the units that exist after.

A figure of a period that ended before a unit was formed belongs to the old units it was
formed from (Tuyên Quang 2024 = Hà Giang 2024 + Tuyên Quang 2024). Values add up across
the old units only when every one of them is known; an index (IIP) never adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from briefgen.domain.dataset import Dataset
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import compared_indicators
from briefgen.domain.measures import measure_of, tidy
from briefgen.domain.period import Period
from briefgen.domain.province import Province

# Indicators a province comparison looks at, value first and its growth after.
COMPARED = compared_indicators()


def period_end(period: Period) -> date:
    """Return the last day covered by *period* (``9M-2024`` → 30/9/2024)."""
    month = period.month or (period.quarter * 3 if period.quarter else period.months)
    if month == 12:
        return date(period.year, 12, 31)
    return date(period.year, month + 1, 1) - timedelta(days=1)


def old_units(dataset: Dataset, province: Province) -> tuple[str, ...]:
    """Return the old units *province* was formed from (itself when it was not merged)."""
    olds = sorted(m.old for m in dataset.mergers
                  if m.new == province.name and province.valid_from and m.effective == province.valid_from)
    return tuple(olds) or (province.name,)


def parts_for(dataset: Dataset, province: Province, period: Period) -> tuple[str, ...]:
    """Return the units whose figures make up *province*'s territory for *period*."""
    if province.valid_from and period_end(period) < province.valid_from:
        return old_units(dataset, province)
    return (province.name,)


@dataclass(frozen=True)
class Mapped:
    """One indicator of one period, for a unit as it stands now, built from the old units."""

    unit: str
    parts: tuple[str, ...]
    indicator: str
    period: Period
    found: tuple[Figure, ...]       # one figure per old unit that has one
    missing: tuple[str, ...]        # old units without a figure
    total: Decimal | None           # in the province unit; None for an index or if a part is missing
    unit_label: str = ""

    @property
    def merged(self) -> bool:
        return len(self.parts) > 1

    @property
    def is_index(self) -> bool:
        return (measure := measure_of(self.indicator)) is None or measure.is_index


def latest_figure(figures: tuple[Figure, ...], scope: str, indicator: str, period: Period,
                  before_edition: int) -> Figure | None:
    """Return the newest printable figure reported before *before_edition*."""
    matches = [f for f in figures if f.scope == scope and f.indicator == indicator and f.period == period
               and not f.subject and f.printable and f.edition_year < before_edition]
    return max(matches, key=lambda f: f.edition_year, default=None)


def map_onto(dataset: Dataset, province: Province, indicator: str, period: Period,
             before_edition: int) -> Mapped:
    """Return *indicator* in *period* for *province*'s present territory, from its old units."""
    parts = parts_for(dataset, province, period)
    found, missing = [], []
    for part in parts:
        figure = latest_figure(dataset.figures, part, indicator, period, before_edition)
        (found.append(figure) if figure else missing.append(part))
    measure = measure_of(indicator)
    total = None
    if measure and not measure.is_index and found and not missing:
        factors = [measure.factor(f.unit) for f in found]
        if all(factor is not None for factor in factors):
            total = tidy(sum((f.value * k for f, k in zip(found, factors)), Decimal(0)))
    return Mapped(province.name, parts, indicator, period, tuple(found), tuple(missing), total,
                  measure.province_unit if measure else "")


def last_reporting_edition(dataset: Dataset, year: int) -> int | None:
    """Return the latest edition before *year* that reported figures of single provinces."""
    years = [f.edition_year for f in dataset.figures if f.indicator in COMPARED and f.printable
             and f.scope not in ("region", "national") and not f.subject and f.edition_year < year]
    return max(years, default=None)


def earlier_province_figures(dataset: Dataset, province: Province, edition_year: int) -> tuple[Mapped, ...]:
    """Return what the edition of *edition_year* reported for *province*'s territory, mapped onto it."""
    names = set(old_units(dataset, province)) | {province.name}
    reported = [f for f in dataset.figures if f.scope in names and f.indicator in COMPARED
                and not f.subject and f.printable and f.edition_year == edition_year
                and period_end(f.period) < (province.valid_from or date.max)]
    keys = sorted({(f.period, f.indicator) for f in reported}, key=lambda k: (k[0], COMPARED.index(k[1])))
    return tuple(map_onto(dataset, province, indicator, period, edition_year + 1)
                 for period, indicator in keys)
