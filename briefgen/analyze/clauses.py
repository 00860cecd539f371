"""What sections I, II and the annex say, decided here; templates only phrase it.

A sentence that can take several shapes is a ``Finding`` of one kind (``"region/post_merger"``)
and ``templates/findings/<kind>.j2`` phrases it. A clause the data may lack is an *optional*:
a tuple of none or one value, which the template loops over, so no template asks "if".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefgen.analyze.comparison_clauses import KINDS as COMPARISON_KINDS
from briefgen.analyze.comparison_clauses import aside_finding, comparison_finding
from briefgen.analyze.host_clauses import KINDS as HOST_KINDS
from briefgen.analyze.host_clauses import host_findings
from briefgen.analyze.limitations import PROVINCES_BELOW_NATIONAL
from briefgen.analyze.limitations import Finding as LimitationFinding
from briefgen.analyze.results import IndustryStock, PeriodResults
from briefgen.analyze.said import Finding, optional
from briefgen.domain.edition import EditionContext, Region
from briefgen.domain.indicators import COUNT_SUBJECTS, K
from briefgen.domain.period import describe_periods
from briefgen.model import Placeholder

if TYPE_CHECKING:
    from briefgen.analyze import Facts
    from briefgen.analyze.provinces_table import IndexSummary, PeriodProvinces, ProvinceFindings, ValueSummary

SUBREGIONS = ("Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ")
LETTERS = "abcdefgh"        # sub-headings a) b) … of the provinces' periods
# Every kind decided below; ``templates/findings/<kind>.j2`` phrases each (tests/test_clauses.py).
KINDS = ("edition/held_on", "edition/held_open",
         "region/post_merger", "region/one_subregion", "region/three_subregions",
         "results/output_value", "results/output_growth", "provinces/total", "provinces/reported_only",
         *HOST_KINDS, *COMPARISON_KINDS)
# How section II names what a count counts ("tỉnh, thành phố có …"), by the count's subject.
COUNT_PHRASES = {**{k: v.removeprefix("số ") for k, v in COUNT_SUBJECTS.items()},
                 "khuyen_cong_plan_approved": "tỉnh, thành phố đã phê duyệt kế hoạch kinh phí khuyến công"}

# What only the provinces' own reports can tell: always asked for, in sections III and VI.
LIMITATIONS_PLACEHOLDER = Placeholder(
    "limitations-local", "[tồn tại, hạn chế đặc thù]",
    "Cần bổ sung: tồn tại, hạn chế cụ thể theo báo cáo của Sở Công Thương các tỉnh, thành phố.")
RECOMMENDATIONS_PLACEHOLDER = Placeholder(
    "recommendations-local", "[kiến nghị của các địa phương]",
    "Cần bổ sung: kiến nghị, đề xuất của các địa phương gửi Chính phủ, Bộ Công Thương.")


# --- section I -------------------------------------------------------------------

def held_finding(edition: EditionContext, date_placeholder: Placeholder | None) -> Finding:
    """Return when the conference is held: its date, or a placeholder asking for it."""
    if edition.date:
        return Finding("edition/held_on", date=edition.date)
    return Finding("edition/held_open", placeholder=date_placeholder)


def region_finding(region: Region) -> Finding:
    """Return how section I.2 describes the region: after the 2025 merger, one sub-region, or three."""
    names = tuple(", ".join(region.names_in(s)) for s in SUBREGIONS)
    kind = ("region/post_merger" if region.post_merger
            else "region/one_subregion" if region.series == "tdmnbb" else "region/three_subregions")
    return Finding(kind, region=region, names=names)


# --- section II ------------------------------------------------------------------

def output_findings(results: PeriodResults) -> tuple[Finding, ...]:
    """Return the sentence on the region's industrial output value (older editions), or nothing."""
    if results.output_value:
        return (Finding("results/output_value", value=results.output_value, period=results.period,
                        growth=optional(results.output_growth), plan_share=optional(results.output_plan_share)),)
    if results.output_growth:
        return (Finding("results/output_growth", growth=results.output_growth, period=results.period),)
    return ()


@dataclass(frozen=True)
class PeriodSaid:
    """What section II.1–2 says of one reporting period beyond its fixed sentences."""

    results: PeriodResults
    output: tuple[Finding, ...]          # the output value sentence, when the data has one
    retail_national: tuple               # the country's retail growth, for the brackets
    export_national: tuple = ()          # the country's export growth, for the brackets


def period_findings(results: tuple[PeriodResults, ...]) -> tuple[PeriodSaid, ...]:
    """Return, per period, the optional sentences and clauses of the results paragraphs."""
    return tuple(PeriodSaid(r, output_findings(r), optional(r.lines[K.retail_sales].national_growth),
                            optional(r.lines[K.export_value].national_growth))
                 for r in results)


@dataclass(frozen=True)
class StockSaid:
    """The optional clauses of the industrial clusters paragraph."""

    established_area: tuple
    operating_area: tuple
    occupancy: tuple
    planned: tuple


def stock_findings(stock: IndustryStock) -> StockSaid:
    """Return which of the clusters' areas, occupancy and planned count the paragraph mentions."""
    return StockSaid(optional(stock.ccn_established_area), optional(stock.ccn_operating_area),
                     optional(stock.ccn_occupancy), optional(stock.ccn_planned))


# --- section II.3 and IV: provinces from the filled forms ----------------------------

@dataclass(frozen=True)
class IipSaid:
    """The IIP paragraph of one period: the counts it gives, the median, the extremes."""

    summary: IndexSummary
    above_national: tuple
    national: tuple
    above_10: tuple
    positive: tuple
    lowest: tuple


@dataclass(frozen=True)
class Leader:
    """A province leading a value indicator: its line, its value and (optional) share of the region."""

    name: str
    value: Any
    share: tuple


@dataclass(frozen=True)
class ProvincePeriodSaid:
    """What section II.3 says of one period: its letter, the IIP paragraph and the value paragraphs."""

    period: PeriodProvinces
    letter: str
    iip: tuple[IipSaid, ...]
    values: tuple[Finding, ...]


@dataclass(frozen=True)
class ProvincesSaid:
    """What section II.3 (and the merger paragraph of IV) say about the provinces' forms."""

    example: tuple
    missing: tuple
    periods: tuple[ProvincePeriodSaid, ...]
    charts: tuple                        # the province charts, after the last period (if any)
    earlier: tuple                       # the earlier edition's provinces, mapped to today's units


def _iip_said(iip: IndexSummary) -> IipSaid:
    return IipSaid(iip, optional(iip.above_national), optional(iip.national), optional(iip.above_10),
                   optional(iip.positive), optional(iip.lowest))


def _value_finding(value: ValueSummary) -> Finding:
    """Return a value indicator's paragraph: the regional total and its leaders, or only who reported."""
    indicator = value.measure.indicator
    leaders = tuple(Leader(line.name, line.get(indicator, "value"), optional(line.get(indicator, "share")))
                    for line in value.leaders)
    if value.total:
        return Finding("provinces/total", summary=value, leaders=leaders,
                       growth=optional(value.growth), positive=optional(value.positive))
    return Finding("provinces/reported_only", summary=value, leaders=leaders)


def province_findings(found: ProvinceFindings | None) -> tuple[ProvincesSaid, ...]:
    """Return what the draft says of the provinces' forms: nothing without ``--data``."""
    if found is None:
        return ()
    periods = tuple(ProvincePeriodSaid(p, LETTERS[i], tuple(_iip_said(s) for s in optional(p.iip)),
                                       tuple(_value_finding(v) for v in p.values))
                    for i, p in enumerate(found.periods))
    return (ProvincesSaid(optional(found.example), optional(found.missing), periods,
                          optional(bool(periods)), optional(found.earlier)),)


# --- sections III–V and the reporting periods -----------------------------------------

@dataclass(frozen=True)
class ReportingSaid:
    """How the draft names its reporting periods: ``năm 2024 và 9 tháng đầu năm 2025``, and the
    placeholder asking for the current months when the conference date does not tell them."""

    words: str
    months_open: tuple


def uneven_growth_said(limitations: tuple[LimitationFinding, ...]) -> tuple:
    """Return the standing sentence on uneven growth unless a finding already names the provinces below."""
    return () if any(f.kind == PROVINCES_BELOW_NATIONAL for f in limitations) else (True,)


def later_findings(facts: Facts) -> dict[str, Any]:
    """Return the template context of sections IV and V: comparisons, the merger note, the targets."""
    post_merger = facts.edition.region.post_merger
    return {"history_elsewhere": tuple(aside_finding(a) for row in facts.history for a in row.elsewhere),
            "comparisons_said": tuple(f for c in facts.comparisons for f in comparison_finding(c)),
            "merger_annex": optional(post_merger),
            "merger_provinces": optional(post_merger and facts.provinces),
            "uneven_growth_said": uneven_growth_said(facts.limitations),
            "targets_said": optional(facts.targets), "standing_said": optional(facts.standing)}


# --- for compose -------------------------------------------------------------------

def narrative_findings(facts: Facts) -> dict[str, Any]:
    """Return the template context of the findings above, for ``compose``."""
    edition = facts.edition
    return {"held": held_finding(edition, facts.date_placeholder), "chair": optional(edition.chair),
            "region_said": region_finding(edition.region),
            "reporting": ReportingSaid(describe_periods(edition.periods), optional(facts.months_placeholder)),
            "host_said": host_findings(facts.host, edition, facts.provinces),
            "periods_said": period_findings(facts.results), "stock_said": stock_findings(facts.stock),
            "provinces_said": province_findings(facts.provinces), "count_phrases": COUNT_PHRASES,
            **later_findings(facts),
            "limitations_placeholder": LIMITATIONS_PLACEHOLDER,
            "recommendations_placeholder": RECOMMENDATIONS_PLACEHOLDER}
