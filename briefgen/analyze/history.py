"""Section IV: earlier editions side by side, the trend of each headline, computed comparisons."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.domain.edition import Edition
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import INDICATORS, common_unit, headline_of, headlines, unit_factor
from briefgen.domain.period import Period
from briefgen.model import Slot

HEADLINES = headlines()


@dataclass(frozen=True)
class Elsewhere:
    """What an earlier edition reported for a pair of columns in another period than the row's pair.

    The row's cell pair holds value and growth of one period only (*shown*); when one of them
    is missing there and the edition gave it for another *period*, that period's figures are
    named in a sentence of their own instead of being paired with a figure of *shown*.
    """

    edition_year: int
    label: str                          # "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"
    shown: Period                       # the period of the row's cell pair
    lacks_value: bool                   # the row's pair lacks the value (else the growth)
    period: Period                      # the period of the figures below
    value: Figure | None
    growth: Figure | None


@dataclass(frozen=True)
class HistoryRow:
    """One earlier edition with the headline figures its briefing reported."""

    edition: Edition
    cells: dict[str, Figure | None]       # headline -> figure; a value and its growth share one period
    elsewhere: tuple[Elsewhere, ...] = ()


@dataclass(frozen=True)
class YearValue:
    year: int
    value: Decimal
    figure: Figure


@dataclass(frozen=True)
class Comparison:
    """How this draft's figure stands against the earlier ones of the same series."""

    headline: str
    label: str                          # how the sentence names it: "Kim ngạch xuất khẩu"
    is_growth: bool
    period: Period
    current: Slot
    previous: YearValue | None          # the nearest earlier year with data
    relation: str                       # "cao hơn" / "thấp hơn" / "bằng" / "" when unknown
    rank_note: str                      # "cao nhất" / "thấp nhất" / ""
    span: tuple[int, int] | None        # first and last year compared
    gap: tuple[int, int] | None = None  # first and last year between previous and current without data


def in_common_unit(figure: Figure) -> Decimal:
    """Return the figure's value in the common unit of its indicator."""
    target = common_unit(figure.indicator)
    if not target or figure.unit == target:
        return figure.value
    return figure.value * unit_factor(figure.unit, target)


def _region_figures(figures: tuple[Figure, ...], series: str, before_year: int) -> list[Figure]:
    return [f for f in figures if f.printable and f.scope == "region" and f.series == series
            and f.edition_year < before_year and not f.subject]


def _headline_of(figure: Figure) -> str | None:
    return headline_of(figure.indicator)


def headline_pairs() -> tuple[tuple[str, ...], ...]:
    """Return the history columns as cell pairs, in order: (value, its growth), or a growth alone."""
    growth_of = {h: headline_of(e.growth) for h in HEADLINES if (e := INDICATORS.get(h)) and e.growth}
    partners = set(growth_of.values())
    return tuple((h, growth_of[h]) if growth_of.get(h) else (h,) for h in HEADLINES if h not in partners)


PAIRS = headline_pairs()


def build_history_rows(editions: tuple[Edition, ...], figures: tuple[Figure, ...],
                       year: int) -> tuple[HistoryRow, ...]:
    """Return every edition before *year* with its headline figures, one period per cell pair."""
    rows = []
    for edition in (e for e in editions if e.year < year):
        reported = [f for f in figures if f.edition_year == edition.year and f.series == edition.series
                    and f.scope == "region" and f.printable and not f.subject]
        cells: dict[str, Figure | None] = {}
        elsewhere = []
        for pair in PAIRS:
            by_period = _by_period(reported, pair)
            period = _pair_period(by_period, Period(edition.year - 1))
            chosen = by_period.get(period, {}) if period else {}
            cells.update({h: chosen.get(h) for h in pair})
            if aside := _elsewhere(edition.year, pair, by_period, period):
                elsewhere.append(aside)
        rows.append(HistoryRow(edition, {h: cells[h] for h in HEADLINES}, tuple(elsewhere)))
    return tuple(rows)


def _by_period(reported: list[Figure], pair: tuple[str, ...]) -> dict[Period, dict[str, Figure]]:
    """Return the pair's figures by period: the first reported of each column."""
    found: dict[Period, dict[str, Figure]] = {}
    for figure in reported:
        if (headline := _headline_of(figure)) in pair:
            found.setdefault(figure.period, {}).setdefault(headline, figure)
    return found


def _pair_period(by_period: dict[Period, dict[str, Figure]], whole: Period) -> Period | None:
    """Return the period of a row's cell pair: the whole previous year when the edition gave any of
    the pair for it, else the period with most of the pair (the earliest of equals)."""
    if whole in by_period:
        return whole
    return min(by_period, key=lambda p: (-len(by_period[p]), p), default=None)


def _elsewhere(edition_year: int, pair: tuple[str, ...], by_period: dict[Period, dict[str, Figure]],
               shown: Period | None) -> Elsewhere | None:
    """Return the figures of another period that would complete the row's pair, or None."""
    if len(pair) < 2 or shown is None or len(by_period[shown]) == len(pair):
        return None
    missing = next(h for h in pair if h not in by_period[shown])
    others = [p for p in by_period if p != shown and missing in by_period[p]]
    if not others:
        return None
    period = min(others, key=lambda p: (-len(by_period[p]), p))
    value, growth = (by_period[period].get(h) for h in pair)
    return Elsewhere(edition_year, INDICATORS[pair[0]].short, shown, missing == pair[0], period, value, growth)


def same_span(a: Period, b: Period) -> bool:
    """Return whether *a* and *b* cover the same part of their years (whole years, first 9 months …)."""
    return (a.months, a.quarter, a.month) == (b.months, b.quarter, b.month)


def span_series(figures: tuple[Figure, ...], series: str, headline: str, span: Period,
                before_year: int, indicator: str | None = None) -> tuple[YearValue, ...]:
    """Return one value per year for the same span as *span*, the most recent report of each year."""
    best: dict[int, Figure] = {}
    for figure in _region_figures(figures, series, before_year):
        if not same_span(figure.period, span) or _headline_of(figure) != headline:
            continue
        if indicator and figure.indicator != indicator:
            continue
        year = figure.period.year
        if year not in best or figure.edition_year > best[year].edition_year:
            best[year] = figure
    return tuple(YearValue(y, in_common_unit(f), f) for y, f in sorted(best.items()))


def annual_series(figures: tuple[Figure, ...], series: str, headline: str,
                  before_year: int, indicator: str | None = None) -> tuple[YearValue, ...]:
    """Return one value per whole year for a headline, the most recent report of each year."""
    return span_series(figures, series, headline, Period(0), before_year, indicator)   # Period(0): any whole year


def partial_series(figures: tuple[Figure, ...], series: str, headline: str,
                   before_year: int) -> tuple[tuple[Period, Figure], ...]:
    """Return the first-months figures of a headline, one per period, oldest first."""
    best: dict[Period, Figure] = {}
    for figure in _region_figures(figures, series, before_year):
        if not figure.period.is_whole_year and _headline_of(figure) == headline:
            best.setdefault(figure.period, figure)
    return tuple(sorted(best.items(), key=lambda item: item[0]))


def compare(headline: str, period: Period, current: Slot, earlier: tuple[YearValue, ...]) -> Comparison:
    """Return the comparison of *current* with the earlier years of the same series and span.

    Only figures covering the same part of their year as *period* are compared; the years
    between the nearest earlier one and *period* that have no figure make the ``gap``.
    """
    earlier = tuple(v for v in earlier if v.year < period.year and same_span(v.figure.period, period))
    previous = earlier[-1] if earlier else None
    entry = INDICATORS[headline]
    gap = (previous.year + 1, period.year - 1) if previous and previous.year < period.year - 1 else None
    if not current.known or previous is None:
        return Comparison(headline, entry.short, entry.is_growth, period, current, previous, "", "", None, gap)
    value = in_common_unit(current.figure)
    relation = "cao hơn" if value > previous.value else "thấp hơn" if value < previous.value else "bằng"
    values = [v.value for v in earlier]
    rank = "cao nhất" if value > max(values) else "thấp nhất" if value < min(values) else ""
    return Comparison(headline, entry.short, entry.is_growth, period, current, previous, relation, rank,
                      (earlier[0].year, period.year), gap)
