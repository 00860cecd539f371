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
class HistoryRow:
    """One earlier edition with the headline figures its briefing reported."""

    edition: Edition
    cells: dict[str, Figure | None]       # headline -> figure (whole previous year, else partial)


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


def build_history_rows(editions: tuple[Edition, ...], figures: tuple[Figure, ...],
                       year: int) -> tuple[HistoryRow, ...]:
    """Return every edition before *year* with its headline figures."""
    rows = []
    for edition in (e for e in editions if e.year < year):
        reported = [f for f in figures if f.edition_year == edition.year and f.series == edition.series
                    and f.scope == "region" and f.printable and not f.subject]
        cells = {h: _pick_for_row(reported, h, edition) for h in HEADLINES}
        rows.append(HistoryRow(edition, cells))
    return tuple(rows)


def _pick_for_row(reported: list[Figure], headline: str, edition: Edition) -> Figure | None:
    candidates = [f for f in reported if _headline_of(f) == headline]
    whole = [f for f in candidates if f.period == Period(edition.year - 1)]
    return (whole or sorted(candidates, key=lambda f: f.period))[0] if (whole or candidates) else None


def annual_series(figures: tuple[Figure, ...], series: str, headline: str,
                  before_year: int, indicator: str | None = None) -> tuple[YearValue, ...]:
    """Return one value per whole year for a headline, the most recent report of each year."""
    best: dict[int, Figure] = {}
    for figure in _region_figures(figures, series, before_year):
        if not figure.period.is_whole_year or _headline_of(figure) != headline:
            continue
        if indicator and figure.indicator != indicator:
            continue
        year = figure.period.year
        if year not in best or figure.edition_year > best[year].edition_year:
            best[year] = figure
    return tuple(YearValue(y, in_common_unit(f), f) for y, f in sorted(best.items()))


def partial_series(figures: tuple[Figure, ...], series: str, headline: str,
                   before_year: int) -> tuple[tuple[Period, Figure], ...]:
    """Return the first-months figures of a headline, one per period, oldest first."""
    best: dict[Period, Figure] = {}
    for figure in _region_figures(figures, series, before_year):
        if not figure.period.is_whole_year and _headline_of(figure) == headline:
            best.setdefault(figure.period, figure)
    return tuple(sorted(best.items(), key=lambda item: item[0]))


def compare(headline: str, period: Period, current: Slot, earlier: tuple[YearValue, ...]) -> Comparison:
    """Return the comparison of *current* with the earlier years of the same series."""
    earlier = tuple(v for v in earlier if v.year < period.year)
    previous = earlier[-1] if earlier else None
    entry = INDICATORS[headline]
    if not current.known or previous is None:
        return Comparison(headline, entry.short, entry.is_growth, period, current, previous, "", "", None)
    value = in_common_unit(current.figure)
    relation = "cao hơn" if value > previous.value else "thấp hơn" if value < previous.value else "bằng"
    values = [v.value for v in earlier]
    rank = "cao nhất" if value > max(values) else "thấp nhất" if value < min(values) else ""
    return Comparison(headline, entry.short, entry.is_growth, period, current, previous, relation, rank,
                      (earlier[0].year, period.year))
