"""What section I.3 says of the host's own figures: one sentence per period, one clause per indicator.

A clause names what it measures, the value (``đạt …``), its change (``tăng …``) and the
host's share of the region's total (``chiếm …% <of what> của toàn khu vực``). Only figures
whose scope is the host come here (``analyze.host``); the template phrases the clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analyze.said import optional
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import K, growth_of, indicator, is_growth, label_of
from briefgen.domain.period import Period

# The host's size: said once, before the results.
SIZE = (K.area, K.population)
# Macro-economic context: does not stand for the industry-and-trade results the section needs.
CONTEXT = (K.grdp, K.grdp_growth)
# Clauses in this order; any other indicator follows, in the data's order.
_ORDER = (K.grdp, K.iip_growth, K.industrial_output_value, K.retail_sales, K.export_value, K.product_output)
_CHANGE_OF = {**growth_of(), K.grdp: K.grdp_growth, K.product_output: K.product_growth}
_RATIO_OF = {K.product_output: K.product_ratio}
# A change (growth, ratio) → the value it is the change of.
_LEVEL_OF = {change: level for table in (_CHANGE_OF, _RATIO_OF) for level, change in table.items()}


@dataclass(frozen=True)
class HostClause:
    """One measure of one period: what it is, its value, change and share of the region (any may be None)."""

    indicator: str
    noun: str                      # "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
    value: Figure | None
    change: Figure | None
    share: Figure | None
    share_of: str                  # what the share is a part of: "tổng mức bán lẻ … của toàn khu vực"

    @property
    def valued(self) -> tuple:
        """Return the value, said first (``đạt …``), if any."""
        return optional(self.value)

    @property
    def change_after_value(self) -> tuple:
        """Return the change said after the value (``đạt …, tăng …``)."""
        return optional(self.value and self.change)

    @property
    def change_alone(self) -> tuple:
        """Return the change said without a value (``tăng …``)."""
        return () if self.value else optional(self.change)

    @property
    def share_after(self) -> tuple:
        """Return the share said after a value or change (``…, chiếm …``)."""
        return optional((self.value or self.change) and self.share)

    @property
    def share_alone(self) -> tuple:
        """Return the share said on its own (``chiếm …``), which then carries the estimate word."""
        return () if self.value or self.change else optional(self.share)


@dataclass(frozen=True)
class HostPeriodFindings:
    """The clauses of one period, in the order the sentence gives them."""

    period: Period
    clauses: tuple[HostClause, ...]


def noun_of(figure: Figure) -> str:
    """Return what a host figure measures, without "tốc độ tăng": ``chỉ số sản xuất công nghiệp (IIP)``."""
    label = label_of(figure.indicator, figure.subject)
    return label.removeprefix("tốc độ tăng ").replace(" so với cùng kỳ", "")


def _share_of(share: Figure) -> str:
    whole = indicator(share.subject or "")
    return f"{whole.name} của toàn khu vực" if whole else "của toàn khu vực"


def _change_of(figure: Figure, changes: dict[tuple[str, str | None], Figure]) -> Figure | None:
    """Return the growth (or ratio to last year) of a value among one period's *changes*, if any."""
    keys = ((table.get(figure.indicator), figure.subject) for table in (_CHANGE_OF, _RATIO_OF))
    return next((changes[k] for k in keys if k in changes), None)


def _clauses(figures: list[Figure]) -> tuple[HostClause, ...]:
    """Return the clauses of one period's figures, each figure used once."""
    shares = {f.subject: f for f in figures if f.indicator == K.share_of_region}
    changes = {(f.indicator, f.subject): f for f in figures if f.indicator in _LEVEL_OF}
    used = {f.id for f in shares.values()}
    clauses = []
    for figure in sorted(figures, key=_rank):
        if figure.id in used:
            continue
        is_change = figure.indicator in _LEVEL_OF or is_growth(figure.indicator)
        value, change = (None, figure) if is_change else (figure, _change_of(figure, changes))
        share = shares.get(_LEVEL_OF.get(figure.indicator, figure.indicator))
        used.update(f.id for f in (figure, change, share) if f)
        clauses.append(HostClause(figure.indicator, noun_of(figure), value, change, share,
                                  _share_of(share) if share else ""))
    clauses += [HostClause(s.indicator, label_of(s.subject or ""), None, None, s, _share_of(s))
                for s in shares.values() if not any(c.share is s for c in clauses)]
    return tuple(clauses)


def _rank(figure: Figure) -> tuple[int, int, str]:
    """Return the sort key of a figure: its measure's place in _ORDER, a change after its value."""
    key = _LEVEL_OF.get(figure.indicator, figure.indicator)
    order = _ORDER.index(key) if key in _ORDER else len(_ORDER)
    return order, int(figure.indicator in _LEVEL_OF), figure.subject or ""


def _last_month(period: Period) -> int:
    return period.quarter * 3 if period.quarter else period.month or period.months


def within(period: Period, periods: tuple[Period, ...]) -> bool:
    """Return whether *period* is a reporting period, or lies inside the current one (H1 inside 9M)."""
    current = periods[-1]
    return period in periods or (len(periods) > 1 and period.year == current.year
                                 and _last_month(period) <= _last_month(current))


def find_host_periods(figures: tuple[Figure, ...]) -> tuple[HostPeriodFindings, ...]:
    """Return the host's results period by period (oldest first), size figures left out."""
    results = [f for f in figures if f.indicator not in SIZE]
    periods = sorted({f.period for f in results}, key=lambda p: (p.year, _last_month(p), p.months))
    return tuple(HostPeriodFindings(p, _clauses([f for f in results if f.period == p])) for p in periods)


def size_figure(figures: tuple[Figure, ...], key: str) -> Figure | None:
    """Return the host's latest figure of *key* (area, population), or None."""
    found = sorted((f for f in figures if f.indicator == key), key=lambda f: (f.period.year, _last_month(f.period)))
    return found[-1] if found else None


def has_sector_results(periods: tuple[HostPeriodFindings, ...]) -> bool:
    """Return whether any clause speaks of industry or trade (not only GRDP)."""
    return any(c.indicator not in CONTEXT for p in periods for c in p.clauses)
