"""From filled form files to the figures a draft adds: read, check, stop on errors, add up.

Joins the form source (``briefgen.sources.forms``: cells → checked entries → Figures) with
analysis (the province lookup, the merger mapping, the region's totals), which the source
itself never imports: the edition and the lookups are handed down from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from decimal import Decimal
from pathlib import Path

from briefgen.analyze.across_merger import map_onto
from briefgen.analyze.aggregate import FormData, add_region
from briefgen.analyze.hosts import find_host
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import label_of
from briefgen.domain.period import previous_period
from briefgen.errors import FormValidationError
from briefgen.sources.forms.layout import NATIONAL, FormLayout, layout_for_edition
from briefgen.sources.problems import WARNING, Problem, errors_of, warnings_of
from briefgen.sources.forms.read_forms import read_form
from briefgen.sources.forms.to_figures import form_figures
from briefgen.sources.forms.validate import ProvinceReport, check_forms
from briefgen.numbers import fmt_number, fmt_quantity

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
    add_region(builder, layout.periods, expected, national)
    files = tuple(dict.fromkeys(r.sheet.path.name for r in reports))
    return FormData(files, tuple(builder.figures), builder.inputs, tuple(warnings), expected,
                    tuple(r.name for r in provinces), layout.periods, builder.example,
                    frozenset(builder.partial))


def _what(figure: Figure) -> str:
    where = {"region": "khu vực", "national": "cả nước"}.get(figure.scope, figure.scope)
    return f"{label_of(figure.indicator, figure.subject)} của {where}, {figure.period.label}"


def _replaced(old: Figure, new: Figure) -> str:
    return (f"{_what(old)}: {fmt_quantity(old.value, old.unit)} (dữ liệu có sẵn) được thay bằng "
            f"{fmt_quantity(new.value, new.unit)} từ biểu mẫu ({new.source})")


def _kept_example(old: Figure, new: Figure) -> str:
    return (f"{_what(old)}: giữ {fmt_quantity(old.value, old.unit)} (dữ liệu có sẵn); số "
            f"{fmt_quantity(new.value, new.unit)} của biểu mẫu ví dụ ({new.source}) là số giả định")


def _kept(old: Figure, new: Figure) -> str:
    return (f"{_what(old)}: giữ {fmt_quantity(old.value, old.unit)} (dữ liệu có sẵn); số tổng hợp từ "
            f"biểu mẫu ({fmt_quantity(new.value, new.unit)}, {new.source}) chưa đủ các tỉnh, thành phố")


def merge_forms(dataset: Dataset, data: FormData) -> tuple[Dataset, FormData]:
    """Return *dataset* with the forms' figures added, and *data* with the merge's warnings.

    A form figure replaces the same figure on record, except a regional figure that not
    every province reported and any figure of an example form (invented numbers): the
    record stays and the form's figure is dropped.
    """
    by_id = {f.id: f for f in data.figures}
    table = f"{dataset.data_dir.name}/indicators.csv"
    notes, dropped = [], set()
    for old in (f for f in dataset.figures if f.id in by_id):
        new = by_id[old.id]
        if old.id in data.partial or data.example:
            dropped.add(old.id)
            reason = _kept_example(old, new) if data.example else _kept(old, new)
            notes.append(Problem(f"{table}, dòng {old.line}", reason, WARNING))
        else:
            notes.append(Problem(f"{table}, dòng {old.line}", _replaced(old, new), WARNING))
    figures = tuple(f for f in data.figures if f.id not in dropped)
    kept = tuple(f for f in dataset.figures if f.id not in by_id or f.id in dropped)
    forms = replace(data, figures=figures, warnings=data.warnings + tuple(notes))
    return replace(dataset, figures=kept + figures), forms
