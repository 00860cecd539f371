"""The form's view of the indicators it asks for (from the registry): columns, units, factors."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from decimal import Decimal

from briefgen.domain.indicators import UNIT_FAMILIES, Indicator, form_indicators
from briefgen.domain.province import fold

# Fields of a value indicator, in column order; an index (IIP) has only growth and estimate.
VALUE_FIELDS = ("value", "unit", "previous", "growth", "estimate")
INDEX_FIELDS = ("growth", "estimate")


@dataclass(frozen=True)
class Measure:
    """An indicator the form asks for, with its units and how the region adds it up."""

    indicator: str               # retail_sales
    growth: str                  # retail_growth
    label: str                   # Vietnamese header
    short: str                   # for chart and table headers
    province_unit: str = "%"     # unit province figures are kept in
    region_unit: str = "%"       # unit of the regional total
    units: dict[str, Decimal] = field(default_factory=dict)   # folded unit -> factor to province_unit
    strict_growth: bool = True   # value/previous/growth must agree (False: growth at constant prices)

    @property
    def noun(self) -> str:
        """Return the label for running text: ``tổng mức bán lẻ …``, ``chỉ số … (IIP)``."""
        return self.label[:1].lower() + self.label[1:]

    @property
    def is_index(self) -> bool:
        """Return whether the measure is an index (IIP): growth only, never summed."""
        return not self.units

    @property
    def fields(self) -> tuple[str, ...]:
        return INDEX_FIELDS if self.is_index else VALUE_FIELDS

    def factor(self, unit_text: str) -> Decimal | None:
        """Return the factor turning a value in *unit_text* into the province unit, or None."""
        folded = fold(unit_text).replace("vnd", "dong").replace("ngan ", "nghin ")
        return self.units.get(folded)

    @property
    def unit_choices(self) -> tuple[str, ...]:
        """Return the units offered in the form's drop-down list."""
        return tuple(UNIT_SPELLING[u] for u in self.units)


UNIT_SPELLING = {fold(u): u for factors in UNIT_FAMILIES.values() for u in factors}


def _measure(entry: Indicator) -> Measure:
    """Return the form's view of a registry entry: its columns, units and factors."""
    question = entry.form
    factors = UNIT_FAMILIES.get(entry.family, {})
    units = {fold(u): factors[u] / factors[question.province_unit] for u in factors}
    return Measure(entry.key, entry.growth or entry.key, question.label, question.short,
                   question.province_unit, question.region_unit, units, question.strict_growth)


@cache
def _measures_of(entries: tuple[Indicator, ...]) -> tuple[Measure, ...]:
    return tuple(_measure(entry) for entry in entries)


def measures() -> tuple[Measure, ...]:
    """Return the measures of the form, in column order (the same objects while the registry is)."""
    return _measures_of(form_indicators())


def measure_of(indicator: str) -> Measure | None:
    """Return the form's measure of *indicator*, or None when the form does not ask for it."""
    return next((m for m in measures() if m.indicator == indicator), None)


def national_measures() -> tuple[str, ...]:
    """Return the indicators the ministry may give for the whole country (the "Cả nước" row)."""
    return tuple(entry.key for entry in form_indicators() if entry.form.national)


def tidy(number: Decimal) -> Decimal:
    """Return *number* without trailing zeros left by unit conversion, never in E notation."""
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal
