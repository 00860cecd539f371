"""Stage 2: decide what the draft says — slots, comparisons, task groups, chart specs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.analyze import charts as chart_specs
from briefgen.analyze.aggregate import FormData
from briefgen.analyze.consistency import Inconsistency, find_inconsistencies
from briefgen.analyze.history import (Comparison, HistoryRow, annual_series, build_history_rows,
                                      compare, span_series)
from briefgen.analyze.host import HostProfile, build_host_profile
from briefgen.analyze.integrity import check_sources, refusal_notice
from briefgen.analyze.limitations import Finding, find_limitations, noun_of
from briefgen.analyze.results import (IndustryStock, PeriodResults, ProductRow, find_industry_stock,
                                      find_period_results, find_products)
from briefgen.analyze.slots import SlotFinder
from briefgen.analyze.targets import TargetInForce, TargetStanding, find_target_standing, find_targets_in_force
from briefgen.dates import fmt_date_short
from briefgen.domain.catalog import AgendaItem, Target, TaskGroup
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.indicators import K
from briefgen.model import ChartSpec, Placeholder

if TYPE_CHECKING:
    from briefgen.analyze.provinces_table import ProvinceFindings


@dataclass(frozen=True)
class ResolutionRef:
    """Task group 1 cites the year's Government resolution; unknown ones become placeholders."""

    text: str | None
    placeholder: Placeholder | None


@dataclass(frozen=True)
class Facts:
    """Everything the narrative may say about one edition, decided and looked up."""

    edition: EditionContext
    results: tuple[PeriodResults, ...]
    products: tuple[ProductRow, ...]
    stock: IndustryStock
    host: HostProfile
    history: tuple[HistoryRow, ...]
    comparisons: tuple[Comparison, ...]
    task_groups: tuple[TaskGroup, ...]
    resolution: ResolutionRef
    targets: tuple[TargetInForce, ...]
    charts: tuple[ChartSpec, ...]
    placeholders: dict[str, Placeholder]
    date_placeholder: Placeholder | None
    months_placeholder: Placeholder | None
    notices: tuple[str, ...]
    inconsistencies: tuple[Inconsistency, ...] = ()
    provinces: ProvinceFindings | None = None     # from filled forms (``--data``), else None
    source_notes: dict[str, str] = field(default_factory=dict)  # comments from the source check, by figure id
    limitations: tuple[Finding, ...] = ()        # section III: what the period's data shows
    standing: tuple[TargetStanding, ...] = ()    # section V: the region against the year's targets
    agenda: tuple[AgendaItem, ...] = ()          # section V: the year's own tasks (data/agenda.csv)


def _resolution(dataset: Dataset, finder: SlotFinder, year: int) -> ResolutionRef:
    known = next((r for r in dataset.resolutions if r.year == year and r.kind == "annual"), None)
    if known:
        return ResolutionRef(f"Nghị quyết số {known.number} ngày {fmt_date_short(known.date)} của Chính phủ",
                             None)
    return ResolutionRef(None, finder.text_placeholder(
        f"resolution:{year}", f"[Nghị quyết số 01/NQ-CP ngày …/01/{year} của Chính phủ]",
        f"Cần bổ sung: số, ngày ban hành Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu "
        f"thực hiện Kế hoạch phát triển kinh tế - xã hội năm {year}."))


def _standing(finder: SlotFinder, edition: EditionContext,
              targets: tuple[TargetInForce, ...]) -> tuple[TargetStanding, ...]:
    """Return the region's growth of this year's months against the targets in force, where known."""
    current = edition.current_period
    if current is None or current.year != edition.year:
        return ()
    keys = {t.target.indicator for t in targets}
    actuals = {key: figure for key in keys if (figure := finder.find(key, current))}
    return find_target_standing(targets, actuals, {key: noun_of(key) for key in actuals})


def _agenda(dataset: Dataset, edition: EditionContext) -> tuple[AgendaItem, ...]:
    """Return the year's own tasks whose document was issued by the conference date (all when unknown)."""
    return tuple(item for item in dataset.agenda
                 if item.year == edition.year and (edition.date is None or item.issued <= edition.date))


def _comparisons(dataset: Dataset, edition: EditionContext, first: PeriodResults,
                 doubted: frozenset[str] = frozenset()) -> tuple[Comparison, ...]:
    """Return section IV's comparisons; none is made on a figure a check questions (current or previous).

    The nearest earlier year stays the one compared with: skipping a questioned year would make
    the sentence say that year has no data.
    """
    slots = {key: slot for line in first.lines.values() if line.indicator.headline
             for key, slot in ((line.indicator.growth, line.growth), (line.indicator.key, line.value))}
    found = (compare(h, first.period, slot, span_series(dataset.figures, edition.series, h, first.period,
                                                         edition.year + 1))
             for h, slot in slots.items())
    return tuple(c for c in found if not _questioned(c, doubted))


def _questioned(comparison: Comparison, doubted: frozenset[str]) -> bool:
    """Return whether either side of *comparison* is a figure a check or a data note questions."""
    current = comparison.current.figure if comparison.current.known else None
    previous = comparison.previous.figure if comparison.previous else None
    return any(f is not None and f.id in doubted for f in (current, previous))


def _charts(dataset: Dataset, edition: EditionContext, results: tuple[PeriodResults, ...],
            facts_host: HostProfile, products: tuple[ProductRow, ...]) -> tuple[ChartSpec, ...]:
    first = results[0]
    current = results[1] if len(results) > 1 else None
    series, year, before = edition.series, first.period.year, edition.year
    specs = [
        chart_specs.value_history_chart(
            i.history_chart, i.short, i.unit, annual_series(dataset.figures, series, i.key, before),
            line.value, year, f"{i.short} của khu vực qua các năm")
        for line in first.lines.values() if (i := line.indicator).history_chart
    ] + [
        chart_specs.growth_history_chart(dataset.figures, series, before,
                                         "Tốc độ tăng các chỉ tiêu chủ yếu qua các năm"),
        chart_specs.partial_growth_chart(
            dataset.figures, series, before,
            current.lines[K.retail_sales].growth if current else None,
            current.period.short_label if current else None,
            "Tốc độ tăng tổng mức bán lẻ trong các tháng đầu năm, theo các kỳ hội nghị"),
        chart_specs.cluster_chart(dataset.figures, series, before,
                                  "Số cụm công nghiệp đã thành lập và đang hoạt động theo các kỳ hội nghị"),
    ]
    optional = [chart_specs.product_chart(products, 0, first.period.label,
                                          f"Tốc độ tăng sản lượng một số sản phẩm chủ yếu {first.period.label}"),
                chart_specs.host_chart(facts_host.name, facts_host.figures,
                                       f"Một số sản phẩm công nghiệp chủ yếu của {facts_host.title}")]
    return tuple(s for s in specs + optional if s and chart_specs.worth_drawing(s))


def build_facts(dataset: Dataset, edition: EditionContext, forms: FormData | None = None,
                seeds_dir: Path | None = None) -> Facts:
    """Return the facts of a draft for the built *edition* (see ``analyze.edition.build_edition``).

    *forms* are the provinces' filled forms, already merged into *dataset*; they add the
    province section, the host's paragraph and the merger comparison. Figures whose
    source does not back them (seeds read from *seeds_dir*) are left out; their slots
    say why.
    """
    year = edition.year
    checked = check_sources(dataset, seeds_dir or dataset.data_dir.parent / "seeds")
    dataset = checked.dataset
    finder = SlotFinder(dataset.figures, edition.series, year, edition.region.name, edition.region.count,
                        post_merger=edition.region.post_merger, refused=checked.refused)
    results = tuple(find_period_results(finder, p) for p in edition.periods)
    products = find_products(finder, edition.periods)
    stock = find_industry_stock(finder, edition.current_period or edition.previous_year)
    host_profile = build_host_profile(dataset, edition)
    resolution = _resolution(dataset, finder, year)
    date_ph = None if edition.date else finder.text_placeholder(
        "conference-date", "[ngày … tháng … năm]", f"Cần bổ sung: ngày tổ chức hội nghị năm {year}.")
    months_ph = None if edition.current_months_known else finder.text_placeholder(
        "current-months", f"[… tháng đầu năm {year}]",
        f"Cần bổ sung: số tháng đầu năm {year} mà báo cáo tổng hợp (theo ngày tổ chức hội nghị).")
    targets = find_targets_in_force(dataset.targets, dataset.resolutions, year, edition.date)
    inconsistencies = find_inconsistencies(dataset.figures)
    doubted = frozenset(i for c in inconsistencies for i in c.figure_ids) | frozenset(checked.notes)
    facts = Facts(
        edition=edition, results=results, products=products, stock=stock, host=host_profile,
        history=build_history_rows(dataset.editions, dataset.figures, year),
        comparisons=_comparisons(dataset, edition, results[0], doubted),
        task_groups=dataset.task_groups, resolution=resolution,
        targets=targets,
        charts=_charts(dataset, edition, results, host_profile, products),
        placeholders=dict(finder.placeholders), date_placeholder=date_ph,
        months_placeholder=months_ph,
        notices=_notices(edition) + refusal_notice(checked.refused, year, dataset.data_dir / "indicators.csv"),
        inconsistencies=inconsistencies, source_notes=checked.notes,
        limitations=find_limitations(dataset, finder, edition, doubted, forms),
        standing=_standing(finder, edition, targets),
        agenda=_agenda(dataset, edition))
    return _with_forms(facts, dataset, forms) if forms is not None else facts


def _with_forms(facts: Facts, dataset: Dataset, forms: FormData) -> Facts:
    """Return *facts* with the province findings; the host's form figures leave the generic list."""
    from briefgen.analyze.province_charts import province_charts
    from briefgen.analyze.provinces_table import build_province_findings

    findings = build_province_findings(forms, facts.edition, dataset)
    own = {f.id for f in forms.figures}
    host = replace(facts.host, figures=tuple(f for f in facts.host.figures if f.id not in own))
    return replace(facts, provinces=findings, host=host, charts=facts.charts + province_charts(findings))


def _notices(edition: EditionContext) -> tuple[str, ...]:
    recorded = edition.recorded_host
    if recorded and recorded != edition.host.name:
        return (f"Lưu ý: theo dữ liệu, hội nghị năm {edition.year} do {recorded} đăng cai; "
                f"dự thảo này soạn cho {edition.host.name}.",)
    return ()
