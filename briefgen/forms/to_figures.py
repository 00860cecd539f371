"""Turn checked province reports into Figures (one per filled cell), then let analysis add them up.

The region's totals, growth, counts, median and ranks are computed by
``briefgen.analyze.aggregate`` from these figures, as for figures from any other source.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from briefgen.analyze.aggregate import FigureBuilder, FormData, add_region, round_half_up
from briefgen.domain.figure import Figure
from briefgen.domain.measures import tidy
from briefgen.domain.period import previous_period
from briefgen.forms.layout import NATIONAL, FormLayout
from briefgen.forms.problems import Problem
from briefgen.forms.validate import Entry, ProvinceReport


def aggregate(reports: Sequence[ProvinceReport], layout: FormLayout, warnings: Sequence[Problem],
              national: Sequence[Figure] = ()) -> FormData:
    """Return the figures of *reports* and of the region they add up to.

    *national* are national figures already known (e.g. IIP of the whole country), used
    when the forms' "Cả nước" row leaves them empty.
    """
    example = any(r.sheet.example for r in reports)
    builder = FigureBuilder(layout.year, layout.series, example)
    for report in reports:
        for entry in report.entries:
            _province_figures(builder, report, entry)
    provinces = [r for r in reports if r.name != NATIONAL]
    expected = tuple(p.name for p in layout.provinces)
    add_region(builder, layout.periods, expected, national)
    files = tuple(dict.fromkeys(r.sheet.path.name for r in reports))
    return FormData(files, tuple(builder.figures), builder.inputs, tuple(warnings), expected,
                    tuple(r.name for r in provinces), layout.periods, example, frozenset(builder.partial))


def _scope(report: ProvinceReport) -> str:
    return "national" if report.name == NATIONAL else report.name


def _of(report: ProvinceReport) -> str:
    return "cả nước" if report.name == NATIONAL else report.name


def _province_figures(builder: FigureBuilder, report: ProvinceReport, entry: Entry) -> None:
    measure, period = entry.measure, entry.period
    scope, where = _scope(report), report.where
    unit = measure.region_unit if report.name == NATIONAL else measure.province_unit
    scale = Decimal("0.001") if report.name == NATIONAL else Decimal(1)
    converted = f" (ghi theo {entry.typed_unit}, đổi sang {unit})" if entry.typed_unit else ""
    if entry.value is not None:
        ref = entry.refs["value"]
        builder.add(period, scope, measure.indicator, tidy(entry.value * scale), unit,
                    source=where(ref), estimate=entry.estimate,
                    quote=f"Ô {ref}: {measure.label} {period.label} của {_of(report)}{converted}")
    if entry.previous is not None:
        ref = entry.refs["previous"]
        before = previous_period(period)
        builder.add(before, scope, measure.indicator, tidy(entry.previous * scale), unit,
                    source=where(ref),
                    quote=f"Ô {ref}: {measure.label} {before.label} (cùng kỳ) của {_of(report)}{converted}")
    if entry.growth is not None:
        ref = entry.refs["growth"]
        builder.add(period, scope, measure.growth, entry.growth, "%", source=where(ref),
                    estimate=entry.estimate,
                    quote=f"Ô {ref}: tốc độ tăng {measure.noun} {period.label} của {_of(report)}")
    elif entry.value is not None and entry.previous:
        refs = (entry.refs["value"], entry.refs["previous"])
        growth = round_half_up((entry.value / entry.previous - 1) * 100)
        builder.add(period, scope, measure.growth, growth, "%", estimate=entry.estimate,
                    source=f"tính từ {where(refs[0])} và ô {refs[1]}",
                    quote=f"Tốc độ tăng tính từ thực hiện (ô {refs[0]}) và cùng kỳ (ô {refs[1]})",
                    inputs=[where(r) for r in refs])
