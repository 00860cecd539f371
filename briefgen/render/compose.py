"""Assemble a Briefing from the facts: charts, tables, narrative, masthead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.analyze import Facts
from briefgen.analyze.charts import chart_ids
from briefgen.analyze.clauses import narrative_findings
from briefgen.analyze.consistency import merge_notes, notes_by_figure
from briefgen.dates import fmt_date_short
from briefgen.domain.dataset import Dataset
from briefgen.domain.period import describe_periods
from briefgen.model import Briefing, ChartBlock, ChartSpec, Masthead
from briefgen.render import tables
from briefgen.render.chart_cache import has_data
from briefgen.render.citations import source_name, without_file_names
from briefgen.render.narrative import FigureLedger, Known, make_environment, parse_blocks
from briefgen.render.province_tables import province_tables
from briefgen.render.targets import fmt_bound, fmt_resolution, fmt_target
from briefgen.sources.tables.task_text import fill_task_text

RECIPIENTS = ("- Bộ trưởng (để b/c);", "- Các Thứ trưởng;",
              "- UBND các tỉnh, thành phố khu vực phía Bắc;", "- Sở Công Thương các tỉnh, thành phố;",
              "- Lưu: VT, CTĐP.")


def render_charts(facts: Facts, plot: Callable[[ChartSpec], bytes] | None = None,
                  png: bool = True) -> dict[str, ChartBlock]:
    """Return every chart of the draft that has at least one known value (spec, and PNG if *png*).

    *plot* draws one spec (e.g. a ``ChartCache``); by default the matplotlib renderer,
    imported only here so that a draft whose charts are cached never loads matplotlib.
    Without *png* nothing is drawn (native charts need only the spec) and ``png`` is None.
    """
    if plot is None and png:
        from briefgen.render.charts import plot_chart as plot
    return {spec.id: ChartBlock(spec.id, spec.caption, plot(spec) if png else None, spec.source_note, spec)
            for spec in facts.charts if has_data(spec)}


def _context(facts: Facts, ledger: FigureLedger) -> dict:
    edition, region = facts.edition, facts.edition.region
    resolution = facts.resolution.text or ledger.mark(facts.resolution.placeholder)
    task_texts = [{"order": g.order, "text": fill_task_text(
        g.text, region=region.name, year=edition.year, resolution=resolution)} for g in facts.task_groups]
    task_texts += agenda_texts(facts, max((g.order for g in facts.task_groups), default=0))
    return {
        **narrative_findings(facts),
        "edition": edition, "region": region, "host": facts.host, "results": facts.results,
        "stock": facts.stock, "provinces": facts.provinces, "task_texts": task_texts,
        "limitations": facts.limitations,
    }


def agenda_texts(facts: Facts, last_order: int) -> list[dict]:
    """Return the year's own tasks numbered after the standing groups, each citing its document."""
    edition = facts.edition
    return [{"order": last_order + number, "text": fill_task_text(
                item.text, region=edition.region.name, year=edition.year,
                source=f"{item.document} ngày {fmt_date_short(item.issued)}")}
            for number, item in enumerate(facts.agenda, start=1)]


def _masthead(facts: Facts) -> Masthead:
    edition = facts.edition
    current = describe_periods(edition.periods)
    summary = (f"Tình hình phát triển ngành Công Thương {edition.region.name} {current}; "
               f"nhiệm vụ, giải pháp thời gian tới")
    return Masthead(agency="BỘ CÔNG THƯƠNG", number="Số:       /BC-BCT", place="Hà Nội",
                    year=edition.year, title="BÁO CÁO", summary=summary, recipients=RECIPIENTS,
                    signer_authority="KT. BỘ TRƯỞNG", signer_title="THỨ TRƯỞNG")


def compose_briefing(facts: Facts, dataset: Dataset, templates_dir: Path,
                     charts: dict[str, ChartBlock] | None = None) -> Briefing:
    """Return the complete draft for *facts* (charts may be passed in when cached)."""
    notes = merge_notes(notes_by_figure(facts.inconsistencies), facts.source_notes)
    notes = facts.provinces.with_notes(notes) if facts.provinces else notes
    by_id = {source.id: source for source in dataset.sources}
    named = {ref: without_file_names(note, by_id) for ref, note in notes.items()}   # comments cite, not file names
    ledger = FigureLedger(placeholders={}, notes=named, cited={i: source_name(s) for i, s in by_id.items()})
    env = make_environment(templates_dir, ledger)
    env.filters.update(bound=fmt_bound, resolution=fmt_resolution, target=fmt_target)
    text = env.get_template("briefing.j2").render(**_context(facts, ledger))
    built = [tables.results_table(facts, ledger), tables.products_table(facts, ledger),
             tables.history_table(facts, ledger), tables.merger_table(dataset, ledger)]
    built += province_tables(facts.provinces, ledger)
    built.append(tables.sources_table(ledger, dataset.sources))  # last: it lists every figure marked so far
    blocks = parse_blocks(text, ledger, {t.id: t for t in built},
                          charts if charts is not None else render_charts(facts),
                          Known(chart_ids(), frozenset(tables.TABLE_IDS), ("provinces-",)))
    edition = facts.edition
    return Briefing(masthead=_masthead(facts), blocks=blocks, figures=dict(ledger.figures),
                    placeholders=dict(ledger.placeholders), document_date=edition.date,
                    title=f"Báo cáo {edition.conference_name}",
                    keywords=f"Công Thương; {edition.region.name}; {edition.host.name}; {edition.year}",
                    identity={"year": edition.year, "host": edition.host.name, "series": edition.series})
