"""Section II: what the region achieved in each part of the reporting period."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analyze.slots import SlotFinder
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import (COUNT_SUBJECTS, IIP_ABOVE_NATIONAL, INDICATORS, MAIN_PRODUCTS,
                                       PROVINCES_COUNT, Indicator, K, results_rows)
from briefgen.domain.period import Period
from briefgen.model import Slot

EXTRA_COUNTS = tuple(s for s in COUNT_SUBJECTS if s != IIP_ABOVE_NATIONAL)


@dataclass(frozen=True)
class ProductRow:
    """One main product: output and change in each period of the briefing."""

    name: str
    unit: str
    outputs: tuple[Slot, ...]       # one per period
    changes: tuple[Slot, ...]       # growth (%) or ratio (lần), one per period


@dataclass(frozen=True)
class ResultLine:
    """One value indicator of the results table (registry ``results_row``): value and growth."""

    indicator: Indicator
    value: Slot
    growth: Slot
    national_growth: Figure | None      # the country's growth, for reference

    @property
    def estimate(self) -> bool:
        """Return whether the value is an estimate ("ước đạt")."""
        return self.value.known and self.value.figure.estimate


@dataclass(frozen=True)
class PeriodResults:
    """Headline results of one period; slots become placeholders where data is missing."""

    period: Period
    iip_above_national: Slot
    iip_national: Slot
    counts: tuple[Figure, ...]              # other "N/28 tỉnh ..." figures that are known
    output_value: Figure | None             # giá trị sản xuất công nghiệp (older editions)
    output_growth: Figure | None
    output_plan_share: Figure | None
    lines: dict[str, ResultLine]            # indicator key -> its line, in registry order

    def counts_about(self, topic: str) -> tuple[Figure, ...]:
        """Return the known counts whose subject is about *topic* (``retail``, ``iip``)."""
        return tuple(c for c in self.counts if c.subject.startswith(topic))


@dataclass(frozen=True)
class IndustryStock:
    """Industrial clusters and khuyến công at the time of the conference."""

    ccn_established: Slot
    ccn_established_area: Figure | None
    ccn_operating: Slot
    ccn_operating_area: Figure | None
    ccn_planned: Figure | None
    ccn_occupancy: Figure | None
    khuyen_cong: Slot


def find_period_results(finder: SlotFinder, period: Period) -> PeriodResults:
    """Return the headline slots of *period* for the region."""
    optional = lambda indicator, scope="region": finder.find(indicator, period, scope)  # noqa: E731
    counts = tuple(f for s in EXTRA_COUNTS if (f := finder.find(PROVINCES_COUNT, period, subject=s)))
    output = INDICATORS[K.industrial_output_value]
    return PeriodResults(
        period=period,
        iip_above_national=finder.slot(PROVINCES_COUNT, period, subject=IIP_ABOVE_NATIONAL),
        iip_national=finder.slot(K.iip_growth, period, scope="national"),
        counts=counts,
        output_value=optional(output.key),
        output_growth=optional(output.growth),
        output_plan_share=optional(K.industrial_output_plan_share),
        lines={i.key: _result_line(finder, i, period) for i in results_rows()},
    )


def _result_line(finder: SlotFinder, entry: Indicator, period: Period) -> ResultLine:
    value = finder.slot(entry.key, period)
    return ResultLine(entry, value, finder.slot(entry.growth, period),
                      finder.find(entry.growth, period, "national"))


def find_products(finder: SlotFinder, periods: tuple[Period, ...]) -> tuple[ProductRow, ...]:
    """Return the main-product rows: products the data names, else the standard list."""
    named = _named_products(finder, periods)
    products = named or MAIN_PRODUCTS
    return tuple(ProductRow(name, unit,
                            tuple(finder.slot(K.product_output, p, subject=name, unit=unit) for p in periods),
                            tuple(_change_slot(finder, name, p) for p in periods))
                 for name, unit in products)


def _named_products(finder: SlotFinder, periods: tuple[Period, ...]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for figure in finder.figures:
        if (figure.indicator == K.product_output and figure.scope == "region" and figure.printable
                and figure.period in periods and figure.series == finder.series):
            seen.setdefault(figure.subject or "", figure.unit)
    return tuple(seen.items())


def _change_slot(finder: SlotFinder, product: str, period: Period) -> Slot:
    ratio = finder.find(K.product_ratio, period, subject=product)
    if ratio:
        return Slot(f"{K.product_ratio}/{product}@region:{period.code}", figure=ratio)
    return finder.slot(K.product_growth, period, subject=product)


def find_industry_stock(finder: SlotFinder, period: Period) -> IndustryStock:
    """Return cluster and khuyến công figures as of the conference (its current period)."""
    return IndustryStock(
        ccn_established=finder.slot(K.ccn_established, period, unit=""),
        ccn_established_area=finder.find(K.ccn_established_area, period),
        ccn_operating=finder.slot(K.ccn_operating, period, unit=""),
        ccn_operating_area=finder.find(K.ccn_operating_area, period),
        ccn_planned=finder.find(K.ccn_planned, period),
        ccn_occupancy=finder.find(K.ccn_occupancy, period),
        khuyen_cong=finder.slot(K.khuyen_cong_budget, Period(period.year), subject=None, unit="tỷ đồng"),
    )
