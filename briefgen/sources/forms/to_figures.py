"""Turn checked province reports into Figures, one per filled cell, each naming its cell.

The region's totals, growth, counts, median and ranks are analysis: ``briefgen.analyze.aggregate``
computes them from these figures, as for figures from any other source.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from briefgen.domain.figure_builder import FigureBuilder, round_half_up
from briefgen.domain.measures import tidy
from briefgen.domain.period import previous_period
from briefgen.sources.forms.layout import NATIONAL, FormLayout
from briefgen.sources.forms.validate import Entry, ProvinceReport


def form_figures(reports: Sequence[ProvinceReport], layout: FormLayout) -> FigureBuilder:
    """Return the figures of *reports*, one per filled cell (and growth computed from a row's own cells).

    Each names its ``file › sheet!cell``; an example form's figures carry the example note.
    """
    builder = FigureBuilder(layout.year, layout.series, any(r.sheet.example for r in reports))
    for report in reports:
        for entry in report.entries:
            _province_figures(builder, report, entry)
    return builder


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
