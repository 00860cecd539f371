"""From filled form files to the figures a draft adds: read, check, stop on errors, add up.

Joins the form source (``briefgen.sources.forms``: cells → checked entries → Figures) with
analysis (the province lookup, the merger mapping, the region's totals), which the source
itself never imports: the edition and the lookups are handed down from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from decimal import Decimal
from pathlib import Path

from briefgen.analyze.across_merger import map_onto
from briefgen.analyze.aggregate import FormData, add_region
from briefgen.analyze.hosts import find_host
from briefgen.analyze.province_set import old_territory, province_figures, stated_units
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.figure_builder import FigureBuilder
from briefgen.domain.period import previous_period
from briefgen.errors import FormValidationError
from briefgen.numbers import fmt_number
from briefgen.sources.forms.layout import NATIONAL, FormLayout, layout_for_edition
from briefgen.sources.forms.read_forms import read_form
from briefgen.sources.forms.to_figures import form_figures
from briefgen.sources.forms.validate import ProvinceReport, check_forms
from briefgen.sources.merge import EXAMPLE, PARTIAL, merge
from briefgen.sources.problems import WARNING, Problem, errors_of, warnings_of

REPORTED_TOLERANCE = Decimal("0.01")     # 1 % between a form's last-year value and the one on record


def check_files(paths: Sequence[Path | str], layout: FormLayout,
                dataset: Dataset) -> tuple[tuple[ProvinceReport, ...], tuple[Problem, ...]]:
    """Return the province reports of *paths* and every problem, errors and warnings."""
    sheets = [read_form(p) for p in paths]
    reports, problems = check_forms(sheets, layout, dataset, partial(find_host, dataset))
    return reports, problems + tuple(_against_record(reports, layout, dataset))


def _against_record(reports: Sequence[ProvinceReport], layout: FormLayout,
                    dataset: Dataset) -> list[Problem]:
    """Warn where a form's "same period last year" differs from what an earlier edition reported."""
    by_name = {p.name: p for p in layout.provinces}
    problems = []
    for report in reports:
        province = by_name.get(report.name)
        if province is None or report.name == NATIONAL:
            continue
        for entry in report.entries:
            if entry.previous is None:
                continue
            before = previous_period(entry.period)
            mapped = map_onto(dataset, province, entry.measure.indicator, before, layout.year)
            if mapped.total is None or not mapped.total:
                continue
            if abs(entry.previous - mapped.total) > REPORTED_TOLERANCE * mapped.total:
                parts = " + ".join(f"{f.scope} {fmt_number(f.value)} {f.unit}" for f in mapped.found)
                problems.append(Problem(report.where(entry.refs["previous"]), (
                    f"cùng kỳ {before.label} ghi {fmt_number(entry.previous)} {entry.measure.province_unit}, "
                    f"khác số đã báo cáo tại kỳ hội nghị trước ({parts}); kiểm tra phạm vi địa giới"),
                    WARNING))
    return problems


def load_forms(paths: Sequence[Path | str], dataset: Dataset, edition: EditionContext) -> FormData:
    """Return the figures of the filled forms for *edition*; raise if any form has an error."""
    layout = layout_for_edition(edition)
    reports, problems = check_files(paths, layout, dataset)
    if errors_of(problems):
        raise FormValidationError(problems)
    national = tuple(f for f in dataset.figures if f.scope == "national" and f.printable
                     and f.edition_year <= edition.year)
    return aggregate(reports, layout, warnings_of(problems), national)


def aggregate(reports: Sequence[ProvinceReport], layout: FormLayout, warnings: Sequence[Problem],
              national: Sequence[Figure] = ()) -> FormData:
    """Return the figures of *reports* and of the region they add up to.

    *national* are national figures already known (e.g. IIP of the whole country), used
    when the forms' "Cả nước" row leaves them empty.
    """
    builder = form_figures(reports, layout)
    provinces = [r for r in reports if r.name != NATIONAL]
    expected = tuple(p.name for p in layout.provinces)
    stated = len(builder.figures)
    add_region(builder, layout.periods, expected, national)
    files = tuple(dict.fromkeys(r.sheet.path.name for r in reports))
    return FormData(files, tuple(builder.figures), builder.inputs, tuple(warnings), expected,
                    tuple(r.name for r in provinces), layout.periods, builder.example,
                    frozenset(builder.partial), layout.year, layout.series, layout.provinces,
                    frozenset(f.id for f in builder.figures[stated:]))


def merge_forms(dataset: Dataset, data: FormData,
                mark: Callable[[FormData], FormData] | None = None) -> tuple[Dataset, FormData]:
    """Return *dataset* with the forms' figures merged in, and *data* as the draft uses it.

    The one merge step decides (``briefgen.sources.merge``): a form's figure replaces the
    same figure on record, except any figure of an example form (invented numbers) and a
    regional figure that not every province reported, which are held back: the record stays.
    The provinces' figures are merged first; the region's totals, counts, median and ranks
    are then computed from the one figure per province and period that won (the form's, or
    the record kept against it, or a record the forms leave empty), so the table prints
    exactly what the text counts. *mark* (reports) marks the computed figures before they merge.
    """
    own = [f for f in data.figures if f.id not in data.computed]
    first = merge(dataset, own, held_back=_held(data, own))
    chosen = _chosen(first.dataset, data, [f.id for f in own])
    region = _region(first.dataset, data, chosen)
    region = mark(region) if mark else region
    second = merge(first.dataset, region.figures, held_back=_held(region, region.figures))
    figures = chosen + tuple(f for f in region.figures if f.id not in second.dropped)
    return second.dataset, replace(data, figures=figures, inputs=region.inputs, partial=region.partial,
                                   computed=region.computed,
                                   warnings=data.warnings + first.warnings + second.warnings)


def _held(data: FormData, figures: Sequence[Figure]) -> dict[str, str]:
    """Return id → why each of *figures* yields to the record (every figure of an example form, partial totals)."""
    return {f.id: EXAMPLE if data.example else PARTIAL for f in figures
            if data.example or f.id in data.partial}


def _chosen(merged: Dataset, data: FormData, own: Sequence[str]) -> tuple[Figure, ...]:
    """Return the forms' figures as the merge left them, and the record's for the units the forms leave empty.

    Per unit, period and stated indicator there is one figure (``province_figures``); a record
    figure joins only in the province unit the forms use (so the region's sums stay in one unit).
    """
    winners = {f.id: f for f in merged.figures}
    chosen = {i: winners[i] for i in own if i in winners}
    for period in data.periods:
        old = old_territory(data.units, period)
        for indicator, unit in stated_units().items():
            for figure in province_figures(merged.figures, data.expected, indicator, period, data.year,
                                           old_territory=old).values():
                if figure.unit == unit:
                    chosen.setdefault(figure.id, figure)
    return tuple(chosen.values())


def _region(merged: Dataset, data: FormData, chosen: tuple[Figure, ...]) -> FormData:
    """Return the region's figures computed from *chosen* alone (``figures``), with their inputs."""
    builder = FigureBuilder(data.year, data.series, data.example, figures=list(chosen),
                            inputs={f.id: data.inputs[f.id] for f in chosen if f.id in data.inputs})
    national = sorted((f for f in merged.figures if f.scope == "national" and f.printable and not f.subject
                       and f.edition_year <= data.year), key=lambda f: -f.edition_year)
    add_region(builder, data.periods, data.expected, national)
    computed = tuple(builder.figures[len(chosen):])
    return replace(data, figures=computed, inputs=builder.inputs, partial=frozenset(builder.partial),
                   computed=frozenset(f.id for f in computed))
