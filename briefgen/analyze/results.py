"""Section II: what the region achieved in each part of the reporting period."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analyze.indicators import COUNT_SUBJECTS, MAIN_PRODUCTS
from briefgen.analyze.slots import SlotFinder
from briefgen.load import Figure
from briefgen.model import Slot
from briefgen.periods import Period

EXTRA_COUNTS = tuple(s for s in COUNT_SUBJECTS if s != "iip_above_national")


@dataclass(frozen=True)
class ProductRow:
    """One main product: output and change in each period of the briefing."""

    name: str
    unit: str
    outputs: tuple[Slot, ...]       # one per period
    changes: tuple[Slot, ...]       # growth (%) or ratio (lần), one per period


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
    retail_sales: Slot
    retail_growth: Slot
    retail_national_growth: Figure | None
    export_value: Slot
    export_growth: Slot


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
    counts = tuple(f for s in EXTRA_COUNTS if (f := finder.find("provinces_count", period, subject=s)))
    return PeriodResults(
        period=period,
        iip_above_national=finder.slot("provinces_count", period, subject="iip_above_national"),
        iip_national=finder.slot("iip_growth", period, scope="national"),
        counts=counts,
        output_value=optional("industrial_output_value"),
        output_growth=optional("industrial_output_growth"),
        output_plan_share=optional("industrial_output_plan_share"),
        retail_sales=finder.slot("retail_sales", period),
        retail_growth=finder.slot("retail_growth", period),
        retail_national_growth=optional("retail_growth", "national"),
        export_value=finder.slot("export_value", period),
        export_growth=finder.slot("export_growth", period),
    )


def find_products(finder: SlotFinder, periods: tuple[Period, ...]) -> tuple[ProductRow, ...]:
    """Return the main-product rows: products the data names, else the standard list."""
    named = _named_products(finder, periods)
    products = named or MAIN_PRODUCTS
    return tuple(ProductRow(name, unit,
                            tuple(finder.slot("product_output", p, subject=name, unit=unit) for p in periods),
                            tuple(_change_slot(finder, name, p) for p in periods))
                 for name, unit in products)


def _named_products(finder: SlotFinder, periods: tuple[Period, ...]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for figure in finder.figures:
        if (figure.indicator == "product_output" and figure.scope == "region" and figure.printable
                and figure.period in periods and figure.series == finder.series):
            seen.setdefault(figure.subject or "", figure.unit)
    return tuple(seen.items())


def _change_slot(finder: SlotFinder, product: str, period: Period) -> Slot:
    ratio = finder.find("product_ratio", period, subject=product)
    if ratio:
        return Slot(f"product_ratio/{product}@region:{period.code}", figure=ratio)
    return finder.slot("product_growth", period, subject=product)


def find_industry_stock(finder: SlotFinder, period: Period) -> IndustryStock:
    """Return cluster and khuyến công figures as of the conference (its current period)."""
    return IndustryStock(
        ccn_established=finder.slot("ccn_established", period, unit=""),
        ccn_established_area=finder.find("ccn_established_area", period),
        ccn_operating=finder.slot("ccn_operating", period, unit=""),
        ccn_operating_area=finder.find("ccn_operating_area", period),
        ccn_planned=finder.find("ccn_planned", period),
        ccn_occupancy=finder.find("ccn_occupancy", period),
        khuyen_cong=finder.slot("khuyen_cong_budget", Period(period.year), subject=None, unit="tỷ đồng"),
    )
