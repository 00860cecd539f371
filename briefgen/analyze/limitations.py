"""Section III: the limitations the period's own data shows, each a finding of one kind.

Python decides which findings the data supports; ``templates/findings/limitations/<kind>.j2``
phrases each kind. A finding is made only when every figure it needs is in the data for
the same period; otherwise nothing is said (the standing text of the section remains).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from briefgen.analyze.aggregate import FormData
from briefgen.analyze.province_set import province_figures
from briefgen.analyze.said import optional
from briefgen.analyze.slots import SlotFinder
from briefgen.analyze.targets import TargetInForce, find_targets_in_force
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import INDICATORS, K
from briefgen.domain.period import Period

# Kinds of finding, in the order the section gives them within a period.
PROVINCES_BELOW_NATIONAL = "provinces_below_national"   # provinces' IIP below the country's
INDICATOR_FELL = "indicator_fell"                       # a regional total fell
BELOW_NATIONAL = "below_national"                       # grew, but less than the country
TARGET_MISSED = "target_missed"                         # grew, but less than the year's target
PRODUCTS_FELL = "products_fell"                         # main products whose output fell
KINDS = (PROVINCES_BELOW_NATIONAL, INDICATOR_FELL, BELOW_NATIONAL, TARGET_MISSED, PRODUCTS_FELL)
# Kinds whose sentence takes several shapes: ``<kind>/<shape>.j2`` phrases each (see ``Finding.shape``).
SHAPES = {PROVINCES_BELOW_NATIONAL: ("all_reported", "one_reported", "one_of_reported", "some_of_reported"),
          PRODUCTS_FELL: ("one", "several")}
# The region's growth rates a limitation may be about.
LINES = (K.iip_growth, K.industrial_output_growth, K.retail_growth, K.export_growth, K.trade_growth)


@dataclass(frozen=True)
class Finding:
    """One limitation: its kind, period and the figures that show it (phrased by ``<kind>.j2``)."""

    kind: str                          # one of KINDS
    period: Period
    figures: tuple[Figure, ...]        # provinces below, the region's line, or the products that fell
    national: Figure | None = None     # the country's growth of the same period, when compared
    target: TargetInForce | None = None   # the year's target the line fell short of
    reported: int = 0                  # provinces_below_national: provinces with a figure
    expected: int = 0                  # … and provinces of the region at the period
    scope: str = "region"              # products_fell: the region or a province
    noun: str = ""                     # what the line measures: "kim ngạch xuất khẩu"

    @property
    def shape(self) -> str:
        """Return the shape of the sentence among its kind's ``SHAPES`` ("" for a kind of one shape).

        Provinces below the country: all reported (listed with their count), the only one that
        reported, the one below among those that reported, or several of them. Products: one or several.
        """
        several = len(self.figures) > 1
        if self.kind == PRODUCTS_FELL:
            return "several" if several else "one"
        if self.kind != PROVINCES_BELOW_NATIONAL:
            return ""
        if self.reported == self.expected:
            return "all_reported"
        if self.reported == 1:
            return "one_reported"
        return "some_of_reported" if several else "one_of_reported"

    @property
    def compared(self) -> tuple:
        """Return the country's growth the line is set beside, if any."""
        return optional(self.national)

    @property
    def missed(self) -> tuple:
        """Return the year's target the line fell short of, if any."""
        return optional(self.target)

    @property
    def cited(self) -> tuple:
        """Return the resolution that set the target, when the data names it."""
        return optional(self.target and self.target.resolution)

    @property
    def whose(self) -> str:
        """Return whose products fell: ``của khu vực`` or ``của <province>``."""
        return "của khu vực" if self.scope == "region" else f"của {self.scope}"


def noun_of(growth: str) -> str:
    """Return what a growth indicator measures, as running text names it ("kim ngạch xuất khẩu")."""
    level = next((i for i in INDICATORS.values() if i.growth == growth), None)
    if level:
        return level.name
    entry = INDICATORS[growth]
    return entry.target_label or entry.name.removeprefix("tốc độ tăng ")


def _best(figures) -> Figure | None:
    """Return the figure of this edition's report if any, else the newest (as ``SlotFinder.find``)."""
    return max(figures, key=lambda f: f.edition_year, default=None)


def _period_end(period: Period) -> date:
    """Return the last day of *period* (``9M-2025`` → 30/9/2025)."""
    month = period.month or (period.quarter * 3 if period.quarter else period.months)
    first_of_next = date(period.year, month, 28) + timedelta(days=4)
    return first_of_next.replace(day=1) - timedelta(days=1)


def _units_at(dataset: Dataset, edition: EditionContext, period: Period) -> tuple[str, ...]:
    """Return the provincial units of the edition's region (its sub-regions) existing at *period*'s end."""
    subregions = {p.subregion for p in edition.region.members}
    end = _period_end(period)
    return tuple(p.name for p in dataset.provinces if p.subregion in subregions and p.exists_on(end))


def _iip_set(dataset: Dataset, finder: SlotFinder, edition: EditionContext, period: Period,
             forms: FormData | None) -> tuple[int, dict[str, Figure]]:
    """Return how many units the region counts in *period* and their IIP figures, one per unit.

    When forms give the period, the set is the provinces table's (``FormData.province_set``, on
    the forms' map of units); otherwise the units existing at the period's end and the data's figures.
    """
    if forms is not None and period in forms.periods:
        return len(forms.expected), forms.province_set(K.iip_growth, period)
    units = _units_at(dataset, edition, period)
    return len(units), province_figures(finder.figures, units, K.iip_growth, period, finder.edition_year)


def provinces_below_national(dataset: Dataset, finder: SlotFinder, edition: EditionContext,
                             period: Period, forms: FormData | None = None) -> Finding | None:
    """Return the provinces whose IIP grew less than the country's in *period*, if the data has both."""
    national = finder.find(K.iip_growth, period, "national")
    expected, provinces = _iip_set(dataset, finder, edition, period, forms)
    below = tuple(sorted((f for f in provinces.values() if national and f.value < national.value),
                         key=lambda f: f.value))
    if not below:
        return None
    return Finding(PROVINCES_BELOW_NATIONAL, period, below, national, reported=len(provinces),
                   expected=expected)


def _target_missed(targets: dict[str, TargetInForce], line: Figure) -> TargetInForce | None:
    """Return the year's target *line* fell short of (whole years only: the target's own period)."""
    item = targets.get(line.indicator)
    if item is None or not line.period.is_whole_year or item.target.low is None:
        return None
    return item if line.value < item.target.low else None


def line_findings(dataset: Dataset, finder: SlotFinder, period: Period) -> list[Finding]:
    """Return the region's growth rates of *period* that fell, trailed the country or missed a target."""
    targets = {t.target.indicator: t
               for t in find_targets_in_force(dataset.targets, dataset.resolutions, period.year, None)}
    found = []
    for key in LINES:
        line = finder.find(key, period)
        if line is None:
            continue
        national = finder.find(key, period, "national")
        missed = _target_missed(targets, line)
        if line.value < 0:
            kind = INDICATOR_FELL
        elif national and line.value < national.value:
            kind = BELOW_NATIONAL
        elif missed and national is None:   # beside the country's own result, the country's target says nothing
            kind = TARGET_MISSED
        else:
            continue
        found.append(Finding(kind, period, (line,), national, missed, noun=noun_of(key)))
    return found


def products_fell(finder: SlotFinder, period: Period, scopes: tuple[str, ...]) -> list[Finding]:
    """Return, per scope (the region, then provinces), the main products whose output fell in *period*."""
    by_scope: dict[str, list[Figure]] = {}     # one pass over the data, not one per scope
    indicator = K.product_growth
    for figure in finder.figures:
        if (figure.indicator == indicator and figure.period == period and figure.printable
                and figure.edition_year <= finder.edition_year):
            by_scope.setdefault(figure.scope, []).append(figure)
    found = []
    for scope in scopes:
        best = {}
        for figure in by_scope.get(scope, ()):
            if scope != "region" or figure.series == finder.series:
                current = best.get(figure.subject)
                best[figure.subject] = _best((current, figure)) if current else figure
        fell = {subject: figure for subject, figure in best.items() if figure.value < 0}
        if fell:
            found.append(Finding(PRODUCTS_FELL, period, tuple(fell.values()), scope=scope))
    return found


def find_limitations(dataset: Dataset, finder: SlotFinder, edition: EditionContext,
                     doubted: frozenset[str] = frozenset(), forms: FormData | None = None) -> tuple[Finding, ...]:
    """Return the findings of section III, period by period, in the order of ``KINDS``.

    A figure in *doubted* (ids a check or a data note questions) makes no finding: a shortcoming
    an official signs must not rest on a number the draft itself asks to verify. With *forms*,
    the provinces of a period they give are those of the provinces table.
    """
    findings: list[Finding] = []
    for period in edition.periods:
        units = _units_at(dataset, edition, period)
        below = provinces_below_national(dataset, finder, edition, period, forms)
        findings += [below] if below else []
        findings += line_findings(dataset, finder, period)
        findings += products_fell(finder, period, ("region", *units))
    products = {(f.subject, f.edition_year) for f in dataset.figures
                if f.id in doubted and f.indicator in (K.product_output, K.product_growth)}
    return tuple(kept for f in findings if (kept := _without_doubt(f, doubted, products)))


def _without_doubt(finding: Finding, doubted: frozenset[str], products: set) -> Finding | None:
    """Return *finding* without its doubted figures, None if nothing is left.

    A product whose output a check questions in one period is in doubt in every period of that
    report: the periods' outputs and rates disagree with each other, and which is wrong is open.
    """
    def in_doubt(figure: Figure) -> bool:
        return figure.id in doubted or (figure.subject, figure.edition_year) in products
    if finding.kind != PRODUCTS_FELL:
        return None if any(in_doubt(f) for f in finding.figures) else finding
    kept = tuple(f for f in finding.figures if not in_doubt(f))
    return replace(finding, figures=kept) if kept else None
