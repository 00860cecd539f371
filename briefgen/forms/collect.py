"""From filled form files to the figures a draft adds: read, check, stop on errors, add up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from briefgen.analyze.across_merger import map_onto
from briefgen.analyze.edition import EditionContext
from briefgen.errors import FormValidationError
from briefgen.forms.aggregate import FormData, aggregate
from briefgen.forms.layout import NATIONAL, FormLayout, layout_for_edition, previous_period
from briefgen.forms.problems import WARNING, Problem, errors_of, warnings_of
from briefgen.forms.read_forms import read_form
from briefgen.forms.validate import ProvinceReport, check_forms
from briefgen.load import Dataset
from briefgen.numbers import fmt_number

REPORTED_TOLERANCE = Decimal("0.01")     # 1 % between a form's last-year value and the one on record


def check_files(paths: Sequence[Path | str], layout: FormLayout,
                dataset: Dataset) -> tuple[tuple[ProvinceReport, ...], tuple[Problem, ...]]:
    """Return the province reports of *paths* and every problem, errors and warnings."""
    sheets = [read_form(p) for p in paths]
    reports, problems = check_forms(sheets, layout, dataset)
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


def merge_forms(dataset: Dataset, data: FormData) -> tuple[Dataset, tuple[Problem, ...]]:
    """Return *dataset* with the forms' figures added; a form figure replaces the same one on record."""
    ids = {f.id for f in data.figures}
    replaced = [f for f in dataset.figures if f.id in ids]
    notes = tuple(Problem(f"data/indicators.csv, dòng {f.line}",
                          f"số liệu {f.id} ({fmt_number(f.value)} {f.unit}) được thay bằng số liệu "
                          f"tổng hợp từ biểu mẫu", WARNING) for f in replaced)
    kept = tuple(f for f in dataset.figures if f.id not in ids)
    return replace(dataset, figures=kept + data.figures), notes
