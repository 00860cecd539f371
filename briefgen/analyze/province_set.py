"""One figure per province and period: the set the draft prints, counts, ranks and lists.

After the one merge step (``briefgen.sources.merge``) every province-level statement of a
period — the provinces table, the counts above the country, above 10 % and above zero, the
median, the highest and the lowest, the host's rank, the charts and section III — reads
the figures chosen here, so the text never counts a figure the table does not print.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from briefgen.analyze.across_merger import period_end
from briefgen.domain.figure import Figure
from briefgen.domain.measures import measures
from briefgen.domain.period import Period
from briefgen.domain.province import Province


def stated_units() -> dict[str, str]:
    """Return each province-level indicator a source states (value or growth) → the unit it is kept in."""
    units = {}
    for measure in measures():
        units[measure.growth] = "%"
        if not measure.is_index:
            units[measure.indicator] = measure.province_unit
    return units


def province_figures(figures: Iterable[Figure], units: Sequence[str], indicator: str, period: Period,
                     year: int, subject: str | None = None,
                     old_territory: Collection[str] = ()) -> dict[str, Figure]:
    """Return unit → its one figure of *indicator* in *period* (the newest printable up to *year*), in *units*' order.

    A figure of data/ named after a unit of *old_territory* describes the old unit of that
    name (before the merger), not today's: it is left out.
    """
    wanted, best = set(units), {}
    for figure in figures:
        if (figure.scope in wanted and figure.indicator == indicator and figure.period == period
                and figure.subject == subject and figure.printable and figure.edition_year <= year
                and not (figure.source_kind == "csv" and figure.scope in old_territory)):
            current = best.get(figure.scope)
            if current is None or figure.edition_year > current.edition_year:
                best[figure.scope] = figure
    return {name: best[name] for name in units if name in best}


def old_territory(units: Iterable[Province], period: Period) -> frozenset[str]:
    """Return the names of *units* formed after *period* ended (their data/ figures are of the old unit)."""
    end = period_end(period)
    return frozenset(p.name for p in units if p.valid_from and end < p.valid_from)
