"""Turn checked province reports into Figures: each province's cells, and the region's totals.

Totals add up values (retail sales, exports, output value); regional growth comes from
the summed values and the summed values of the same period a year earlier — never from
averaging percentages. An index (IIP) is not added up: the region gets counts, ranks and
the median. Every computed Figure lists the cells it came from in ``FormData.inputs``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from briefgen.forms.layout import NATIONAL, FormLayout, previous_period
from briefgen.forms.measures import MEASURES, Measure, tidy
from briefgen.forms.problems import Problem
from briefgen.forms.validate import Entry, ProvinceReport
from briefgen.load import Figure
from briefgen.periods import Period

ONE_DECIMAL = Decimal("0.1")
SHARE_STEP = Decimal("0.01")            # shares keep two decimals, as the briefings print them
IIP_THRESHOLD = Decimal(10)
EXAMPLE_NOTE = "VÍ DỤ: số liệu giả định của biểu mẫu ví dụ, không phải số liệu thật"
GROWTH_COUNTS = {"retail_sales": "retail_growth_positive", "export_value": "export_growth_positive"}


@dataclass(frozen=True)
class FormData:
    """What the filled forms add to a draft: figures, where each came from, and the warnings."""

    files: tuple[str, ...]
    figures: tuple[Figure, ...]
    inputs: dict[str, tuple[str, ...]]      # computed figure id -> cells it was computed from
    warnings: tuple[Problem, ...]
    expected: tuple[str, ...]               # province names the region counts
    reported: tuple[str, ...]               # provinces that sent at least one figure
    periods: tuple[Period, ...]
    example: bool = False
    partial: frozenset[str] = frozenset()   # ids of regional figures not all provinces reported

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(n for n in self.expected if n not in self.reported)

    def find(self, indicator: str, period: Period, scope: str,
             subject: str | None = None) -> Figure | None:
        """Return the form figure for *indicator* in *period* and *scope*, if any."""
        return next((f for f in self.figures if f.indicator == indicator and f.period == period
                     and f.scope == scope and f.subject == subject), None)


def round_half_up(value: Decimal, step: Decimal = ONE_DECIMAL) -> Decimal:
    """Return *value* rounded half-up to *step* (``Decimal("0.1")``)."""
    return value.quantize(step, rounding=ROUND_HALF_UP)


def region_total(total: Decimal) -> Decimal:
    """Return a total of the provinces in the region's unit (×1000): exact when whole, else to 0,1.

    A sum of whole numbers stays whole (2.584, not 2.584,0): the sources' precision is kept.
    """
    value = total / 1000
    return value if value == value.to_integral_value() else round_half_up(value)


@dataclass
class _Builder:
    """Collects figures with the cells behind each computed one."""

    layout: FormLayout
    example: bool
    figures: list[Figure] = field(default_factory=list)
    inputs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    partial: set[str] = field(default_factory=set)

    def add(self, period: Period, scope: str, indicator: str, value: Decimal, unit: str, *,
            source: str, quote: str, estimate: bool = False, subject: str | None = None,
            note: str | None = None, inputs: Sequence[str] = ()) -> Figure:
        notes = [n for n in (EXAMPLE_NOTE if self.example else None, note) if n]
        caveat = "; ".join(notes)
        figure = Figure(self.layout.year, self.layout.series, period, scope, indicator, subject,
                        value, unit, estimate, "confirmed", source, quote,
                        caveat[:1].upper() + caveat[1:] + "." if caveat else None)
        self.figures.append(figure)
        if note:
            self.partial.add(figure.id)
        if inputs:
            self.inputs[figure.id] = tuple(dict.fromkeys(inputs))
        return figure


def aggregate(reports: Sequence[ProvinceReport], layout: FormLayout, warnings: Sequence[Problem],
              national: Sequence[Figure] = ()) -> FormData:
    """Return the figures of *reports* and of the region they add up to.

    *national* are national figures already known (e.g. IIP of the whole country), used
    when the forms' "Cả nước" row leaves them empty.
    """
    example = any(r.sheet.example for r in reports)
    builder = _Builder(layout, example)
    for report in reports:
        for entry in report.entries:
            _province_figures(builder, report, entry)
    provinces = [r for r in reports if r.name != NATIONAL]
    expected = tuple(p.name for p in layout.provinces)
    for period in layout.periods:
        for measure in MEASURES:
            rows = [(r, e) for r in provinces for e in r.entries
                    if e.measure is measure and e.period == period]
            if measure.is_index:
                _index_figures(builder, rows, measure, period, expected, national)
            else:
                _value_figures(builder, rows, measure, period, expected)
    files = tuple(dict.fromkeys(r.sheet.path.name for r in reports))
    return FormData(files, tuple(builder.figures), builder.inputs, tuple(warnings), expected,
                    tuple(r.name for r in provinces), layout.periods, example, frozenset(builder.partial))


def _scope(report: ProvinceReport) -> str:
    return "national" if report.name == NATIONAL else report.name


def _of(report: ProvinceReport) -> str:
    return "cả nước" if report.name == NATIONAL else report.name


def _province_figures(builder: _Builder, report: ProvinceReport, entry: Entry) -> None:
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


def _coverage_note(count: int, expected: tuple[str, ...], names: Sequence[str]) -> str | None:
    if count >= len(expected):
        return None
    missing = [n for n in expected if n not in names]
    return (f"chỉ tổng hợp từ {count}/{len(expected)} tỉnh, thành phố đã gửi số liệu "
            f"(chưa có: {', '.join(missing)})")


def _source(count: int) -> str:
    return f"tính từ {count} biểu mẫu"


def _value_figures(builder: _Builder, rows, measure: Measure, period: Period,
                   expected: tuple[str, ...]) -> None:
    valued = [(r, e) for r, e in rows if e.value is not None]
    if not valued:
        return
    names = [r.name for r, _ in valued]
    note = _coverage_note(len(valued), expected, names)
    estimate = any(e.estimate for _, e in valued)
    cells = [r.where(e.refs["value"]) for r, e in valued]
    total = sum((e.value for _, e in valued), Decimal(0))
    label = measure.label
    builder.add(
        period, "region", measure.indicator, region_total(total), measure.region_unit,
        source=_source(len(valued)), estimate=estimate, note=note, inputs=cells,
        quote=f"{label} {period.label} của khu vực: tổng của {len(valued)} tỉnh, thành phố")
    _region_growth(builder, valued, measure, period, expected, estimate)
    for report, entry in valued if note is None and total else ():   # a share of a partial total is not one
        share = round_half_up(entry.value / total * 100, SHARE_STEP)
        builder.add(period, report.name, "share_of_region", share, "%", subject=measure.indicator,
                    source=_source(len(valued)), note=note, inputs=cells,
                    quote=f"Tỷ trọng của {report.name} trong {measure.noun} "
                          f"{period.label} của khu vực")
    _ranks(builder, [(r, e.value, r.where(e.refs["value"])) for r, e in valued], measure.indicator,
           period, f"{measure.noun} {period.label}")


def _region_growth(builder: _Builder, valued, measure: Measure, period: Period,
                   expected: tuple[str, ...], estimate: bool) -> None:
    pairs, cells, growths = [], [], {}
    for report, entry in valued:
        if entry.previous:
            before, basis = entry.previous, entry.refs["previous"]
        elif entry.growth is not None and entry.growth > -100:
            before, basis = entry.value / (1 + entry.growth / 100), entry.refs["growth"]
        else:
            continue
        pairs.append((entry.value, before))
        cells += [report.where(entry.refs["value"]), report.where(basis)]
        growths[report.name] = entry.growth if entry.growth is not None else (entry.value / before - 1) * 100
    now, then = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    if not pairs or then <= 0:
        return                       # nothing to grow from (every value reported is zero)
    note = _coverage_note(len(pairs), expected, list(growths))
    builder.add(period, "region", measure.growth, round_half_up((now / then - 1) * 100), "%",
                source=_source(len(pairs)), estimate=estimate, note=note, inputs=cells,
                quote=f"Tốc độ tăng {measure.noun} {period.label} của khu vực: tổng thực "
                      f"hiện so với tổng cùng kỳ năm trước của {len(pairs)} tỉnh, thành phố "
                      f"(không lấy bình quân tốc độ tăng)")
    if measure.indicator in GROWTH_COUNTS:
        positive = sum(1 for g in growths.values() if g > 0)
        builder.add(period, "region", "provinces_count", Decimal(positive), f"/{len(expected)}",
                    subject=GROWTH_COUNTS[measure.indicator], source=_source(len(pairs)),
                    note=note, inputs=cells,
                    quote=f"Số tỉnh, thành phố có {measure.noun} {period.label} tăng "
                          f"so với cùng kỳ")


def _index_figures(builder: _Builder, rows, measure: Measure, period: Period,
                   expected: tuple[str, ...], national: Sequence[Figure]) -> None:
    stated = [(r, e) for r, e in rows if e.growth is not None]
    if not stated:
        return
    names = [r.name for r, _ in stated]
    note = _coverage_note(len(stated), expected, names)
    cells = [r.where(e.refs["growth"]) for r, e in stated]
    growths = [e.growth for _, e in stated]
    count_unit = f"/{len(expected)}"

    def count(subject: str, bound: Decimal, phrase: str, extra_inputs: Sequence[str] = ()) -> None:
        builder.add(period, "region", "provinces_count", Decimal(sum(1 for g in growths if g > bound)),
                    count_unit, subject=subject, source=_source(len(stated)), note=note,
                    inputs=list(cells) + list(extra_inputs),
                    quote=f"Số tỉnh, thành phố có IIP {period.label} {phrase}")

    count("iip_above_10", IIP_THRESHOLD, "tăng trên 10%")
    count("iip_positive", Decimal(0), "tăng so với cùng kỳ")
    country = _national_iip(builder, national, period)
    if country is not None:
        count("iip_above_national", country.value, "tăng cao hơn mức tăng của cả nước",
              [country.source])
    builder.add(period, "region", "iip_growth_median", tidy(Decimal(statistics.median(growths))), "%",
                source=_source(len(stated)), note=note, inputs=cells,
                quote=f"Trung vị tốc độ tăng IIP {period.label} của {len(stated)} tỉnh, thành phố "
                      f"(IIP là chỉ số, không cộng và không lấy bình quân giữa các địa phương)")
    _ranks(builder, [(r, e.growth, r.where(e.refs["growth"])) for r, e in stated], measure.indicator,
           period, f"tốc độ tăng IIP {period.label}")


def _national_iip(builder: _Builder, national: Sequence[Figure], period: Period) -> Figure | None:
    stated = next((f for f in builder.figures if f.scope == "national" and f.indicator == "iip_growth"
                   and f.period == period), None)
    return stated or next((f for f in national if f.indicator == "iip_growth" and f.period == period), None)


def _ranks(builder: _Builder, items, indicator: str, period: Period, what: str) -> None:
    """Add each province's rank (1 = highest; ties share the better rank) among *items*."""
    values = sorted((v for _, v, _ in items), reverse=True)
    cells = [c for _, _, c in items]
    for report, value, _ in items:
        rank = values.index(value) + 1
        builder.add(period, report.name, "rank_in_region", Decimal(rank), f"/{len(items)}",
                    subject=indicator, source=_source(len(items)), inputs=cells,
                    quote=f"Thứ hạng của {report.name} về {what} trong {len(items)} tỉnh, thành phố")
