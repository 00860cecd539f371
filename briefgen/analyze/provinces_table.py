"""What the filled forms let the draft say about the provinces: side by side, the host, the merger.

Numbers are computed in ``briefgen.analyze.aggregate``; this module only picks and orders
them: the table rows of each period, the IIP summary (counts, median, highest, lowest),
the leading provinces by value, the host's own figures, and the earlier editions'
province figures mapped onto today's units.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analyze.across_merger import Mapped, earlier_province_figures, last_reporting_edition, old_units
from briefgen.analyze.aggregate import FormData
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import (IIP_MEDIAN, INDICATORS, PROVINCES_COUNT, RANK_IN_REGION, K,
                                       form_indicators)
from briefgen.domain.measures import Measure, measures
from briefgen.domain.period import Period

TABLE_MEASURES = tuple(i.key for i in form_indicators() if i.form.province_table)   # table columns
LEADERS = 3


@dataclass(frozen=True)
class ProvinceLine:
    """One province in one period: its figures and where it stands."""

    name: str
    formed_from: tuple[str, ...]          # old units merged into it (empty if unchanged)
    is_host: bool
    iip: Figure | None
    values: dict[str, Figure | None]      # indicator -> value, growth, share, rank (keys below)

    def get(self, indicator: str, what: str) -> Figure | None:
        """Return the ``value``, ``growth``, ``share`` or ``rank`` figure of *indicator*."""
        return self.values.get(f"{indicator}:{what}")


@dataclass(frozen=True)
class IndexSummary:
    """What can honestly be said of an index across provinces: counts, median, extremes."""

    reported: int
    median: Figure
    above_10: Figure | None
    positive: Figure | None
    above_national: Figure | None
    national: Figure | None
    highest: tuple[Figure, ...]
    lowest: tuple[Figure, ...]


@dataclass(frozen=True)
class ValueSummary:
    """A value indicator of the region: its total, its growth, and the provinces that lead it."""

    measure: Measure
    total: Figure | None                  # None when a record kept the regional figure
    growth: Figure | None
    positive: Figure | None
    leaders: tuple[ProvinceLine, ...]
    reported: int


@dataclass(frozen=True)
class PeriodProvinces:
    period: Period
    lines: tuple[ProvinceLine, ...]
    iip: IndexSummary | None
    values: tuple[ValueSummary, ...]

    @property
    def table_id(self) -> str:
        return f"provinces-{self.period.code}"


@dataclass(frozen=True)
class HostValue:
    measure: Measure
    value: Figure | None
    growth: Figure | None
    share: Figure | None
    rank: Figure | None
    region_growth: Figure | None


@dataclass(frozen=True)
class HostPeriod:
    period: Period
    iip: Figure | None
    iip_rank: Figure | None
    iip_median: Figure | None
    values: tuple[HostValue, ...]


@dataclass(frozen=True)
class MergerRow:
    """What an earlier edition reported for one of today's units, mapped onto it."""

    unit: str
    mapped: Mapped
    total: Figure | None                  # the old units added up, when they can be


@dataclass(frozen=True)
class ProvinceFindings:
    """Everything the draft says from the filled forms."""

    files: tuple[str, ...]
    example: bool
    expected: int
    reported: int
    missing: tuple[str, ...]
    periods: tuple[PeriodProvinces, ...]
    host_name: str
    host_periods: tuple[HostPeriod, ...]
    merged_units: tuple[tuple[str, tuple[str, ...]], ...]
    units_before_merger: int             # provinces the same territory counted before 01/7/2025
    earlier_edition: int | None
    earlier: tuple[MergerRow, ...]
    warnings: tuple[str, ...]
    notes: dict[str, str]                 # figure id -> caveat for a Word comment (partial total, example)

    def with_notes(self, notes: dict[str, str]) -> dict[str, str]:
        """Return *notes* (figure id -> comment) with the forms' caveats added."""
        merged = dict(notes)
        for figure_id, note in self.notes.items():
            merged[figure_id] = f"{note} {merged[figure_id]}" if figure_id in merged else note
        return merged

    @property
    def latest(self) -> PeriodProvinces | None:
        return self.periods[-1] if self.periods else None


def _line(data: FormData, dataset: Dataset, province, period: Period, host: str,
          iip: Figure | None) -> ProvinceLine:
    """Return *province*'s row of *period*; *iip* is its figure in the period's one set (``FormData.province_set``)."""
    name = province.name
    values: dict[str, Figure | None] = {}
    for measure in measures():
        if measure.is_index:
            continue
        values[f"{measure.indicator}:value"] = data.find(measure.indicator, period, name)
        values[f"{measure.indicator}:growth"] = data.find(measure.growth, period, name)
        values[f"{measure.indicator}:share"] = data.find(K.share_of_region, period, name, measure.indicator)
        values[f"{measure.indicator}:rank"] = data.find(RANK_IN_REGION, period, name, measure.indicator)
    values["iip_growth:rank"] = data.find(RANK_IN_REGION, period, name, K.iip_growth)
    merged = old_units(dataset, province)
    return ProvinceLine(name, merged if len(merged) > 1 else (), name == host, iip, values)


def national_figure(dataset: Dataset, indicator: str, period: Period, year: int) -> Figure | None:
    """Return the country's figure for *period*, the newest report up to *year*."""
    matches = [f for f in dataset.figures if f.scope == "national" and f.indicator == indicator
               and f.period == period and f.printable and not f.subject and f.edition_year <= year]
    return max(matches, key=lambda f: f.edition_year, default=None)


def _index_summary(data: FormData, period: Period, lines: tuple[ProvinceLine, ...],
                   national: Figure | None) -> IndexSummary | None:
    median = data.find(IIP_MEDIAN, period, "region")
    stated = [line.iip for line in lines if line.iip is not None]
    if median is None or not stated:
        return None
    top, bottom = max(f.value for f in stated), min(f.value for f in stated)
    count = lambda subject: data.find(PROVINCES_COUNT, period, "region", subject)  # noqa: E731
    return IndexSummary(len(stated), median, count("iip_above_10"), count("iip_positive"),
                        count("iip_above_national"), national,
                        tuple(f for f in stated if f.value == top),
                        tuple(f for f in stated if f.value == bottom) if len(stated) > 1 else ())


def _value_summary(data: FormData, measure: Measure, period: Period,
                   lines: tuple[ProvinceLine, ...]) -> ValueSummary | None:
    total = data.find(measure.indicator, period, "region")
    valued = [line for line in lines if line.get(measure.indicator, "value")]
    if not valued:
        return None
    ranked = sorted(valued, key=lambda line: -line.get(measure.indicator, "value").value)
    return ValueSummary(measure, total, data.find(measure.growth, period, "region"),
                        data.find(PROVINCES_COUNT, period, "region", INDICATORS[measure.indicator].form.positive_count),
                        tuple(ranked[:LEADERS]), len(valued))


def _host_period(data: FormData, period: Period, host: str) -> HostPeriod | None:
    values = tuple(HostValue(m, data.find(m.indicator, period, host), data.find(m.growth, period, host),
                             data.find(K.share_of_region, period, host, m.indicator),
                             data.find(RANK_IN_REGION, period, host, m.indicator),
                             data.find(m.growth, period, "region"))
                   for m in measures() if not m.is_index)
    values = tuple(v for v in values if v.value or v.growth)
    iip = data.province_set(K.iip_growth, period).get(host)
    if not values and iip is None:
        return None
    return HostPeriod(period, iip, data.find(RANK_IN_REGION, period, host, K.iip_growth),
                      data.find(IIP_MEDIAN, period, "region"), values)


def _mapped_total(row: Mapped, edition: EditionContext) -> Figure | None:
    if row.total is None or not row.merged:
        return None
    parts = " + ".join(f.scope for f in row.found)
    uncertain = [f for f in row.found if f.status != "confirmed"]
    return Figure(row.found[0].edition_year, edition.series, row.period, row.unit, row.indicator,
                  "địa giới mới", row.total, row.unit_label, any(f.estimate for f in row.found),
                  "unconfirmed" if uncertain else "confirmed", f"tính từ {len(row.found)} số liệu kỳ trước",
                  f"{parts} (theo đơn vị hành chính từ 01/7/2025)",
                  "; ".join(f.note or f.source for f in uncertain) or None)


def _earlier(dataset: Dataset, edition: EditionContext) -> tuple[int | None, tuple[MergerRow, ...]]:
    year = last_reporting_edition(dataset, edition.year)
    if year is None:
        return None, ()
    rows = [MergerRow(p.name, m, _mapped_total(m, edition)) for p in edition.region.members
            for m in earlier_province_figures(dataset, p, year)]
    return year, tuple(rows)


def build_province_findings(data: FormData, edition: EditionContext, dataset: Dataset) -> ProvinceFindings:
    """Return what the draft says from the forms of *data* for *edition*."""
    host = edition.host.name
    periods = []
    for period in data.periods:
        if period not in edition.periods:
            continue
        iip_set = data.province_set(K.iip_growth, period)
        lines = tuple(_line(data, dataset, p, period, host, iip_set.get(p.name)) for p in edition.region.members)
        values = tuple(v for m in measures() if not m.is_index
                       if (v := _value_summary(data, m, period, lines)))
        iip = _index_summary(data, period, lines,
                             national_figure(dataset, K.iip_growth, period, edition.year))
        if iip or values:
            periods.append(PeriodProvinces(period, lines, iip, values))
    host_periods = tuple(h for p in periods if (h := _host_period(data, p.period, host)))
    merged = tuple((p.name, olds) for p in edition.region.members
                   if len(olds := old_units(dataset, p)) > 1)
    earlier_year, earlier = _earlier(dataset, edition)
    before = len({old for p in edition.region.members for old in old_units(dataset, p)})
    return ProvinceFindings(data.files, data.example, len(data.expected), len(data.reported),
                            data.missing, tuple(periods), host, host_periods, merged, before,
                            earlier_year, earlier,
                            tuple(str(w) for w in data.warnings if w.kind != "missing"),
                            {f.id: f.note for f in data.figures if f.note and f.source_kind == "form"})

