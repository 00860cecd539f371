"""Add the provinces' figures up to the region's, whichever source they came from.

Totals add up values (retail sales, exports, output value); regional growth comes from
the summed values and the summed values of the same period a year earlier — never from
averaging percentages. An index (IIP) is not added up: the region gets counts, ranks and
the median. Every computed Figure lists the figures (cells) it came from in ``inputs``.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from briefgen.analyze.province_set import province_figures
from briefgen.domain.figure import AT_LEAST, LOWER_BOUND, Figure
from briefgen.domain.figure_builder import FigureBuilder, round_half_up
from briefgen.domain.indicators import IIP_MEDIAN, PROVINCES_COUNT, RANK_IN_REGION, K, form_indicators
from briefgen.domain.measures import Measure, measures, tidy
from briefgen.domain.period import Period, previous_period
from briefgen.domain.province import Province

SHARE_STEP = Decimal("0.01")            # shares keep two decimals, as the briefings print them
IIP_THRESHOLD = Decimal(10)
GROWTH_COUNTS = {i.key: i.form.positive_count for i in form_indicators() if i.form.positive_count}


@dataclass(frozen=True)
class FormData:
    """What the provinces' figures add to a draft: figures, where each came from, and the warnings."""

    files: tuple[str, ...]
    figures: tuple[Figure, ...]
    inputs: dict[str, tuple[str, ...]]      # computed figure id -> cells it was computed from
    warnings: tuple                          # problems (where, message) the draft reports
    expected: tuple[str, ...]               # province names the region counts
    reported: tuple[str, ...]               # provinces that sent at least one figure
    periods: tuple[Period, ...]
    example: bool = False
    partial: frozenset[str] = frozenset()   # ids of regional figures not all provinces reported
    year: int = 0                           # the edition the forms were filled for
    series: str = ""
    units: tuple[Province, ...] = ()        # the provincial units of the form, in its order
    computed: frozenset[str] = frozenset()  # ids of the figures ``add_region`` computed (totals, counts, ranks)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(n for n in self.expected if n not in self.reported)

    def find(self, indicator: str, period: Period, scope: str,
             subject: str | None = None) -> Figure | None:
        """Return the provinces' figure for *indicator* in *period* and *scope*, if any."""
        return next((f for f in self.figures if f.indicator == indicator and f.period == period
                     and f.scope == scope and f.subject == subject), None)

    def province_set(self, indicator: str, period: Period, subject: str | None = None) -> dict[str, Figure]:
        """Return province → its one figure of *indicator* in *period*: what the table prints and the text counts."""
        return province_figures(self.figures, self.expected, indicator, period, self.year, subject)


def cell_of(figure: Figure) -> str:
    """Return where *figure* was read, as a computed figure's inputs list it (a form's cell, a data/ line)."""
    if figure.source_kind == "csv" and figure.line:
        return f"indicators.csv, dòng {figure.line}"
    return figure.source


def region_total(total: Decimal) -> Decimal:
    """Return a total of the provinces in the region's unit (×1000): exact when whole, else to 0,1.

    A sum of whole numbers stays whole (2.584, not 2.584,0): the sources' precision is kept.
    """
    value = total / 1000
    return value if value == value.to_integral_value() else round_half_up(value)


@dataclass(frozen=True)
class _Reported:
    """What one province gave for one measure and period: value, same period last year, growth."""

    name: str
    value: Figure | None
    previous: Figure | None
    growth: Figure | None           # as the source stated it (never one computed from the others)


def add_region(builder: FigureBuilder, periods: Sequence[Period], expected: tuple[str, ...],
               national: Sequence[Figure] = ()) -> None:
    """Add the region's figures computed from the provinces' figures already in *builder*.

    *national* are national figures already known (e.g. IIP of the whole country), used
    when the sources leave them empty.
    """
    own = [f for f in builder.figures if f.scope not in ("national", "region") and not f.subject]
    for period in periods:
        for measure in measures():
            rows = _reported(own, builder.inputs, measure, period)
            if measure.is_index:
                _index_figures(builder, rows, measure, period, expected, national)
            else:
                _value_figures(builder, rows, measure, period, expected)


def _reported(own: Sequence[Figure], inputs: dict, measure: Measure, period: Period) -> list[_Reported]:
    before = previous_period(period)
    names = dict.fromkeys(f.scope for f in own if f.period in (period, before)
                          and f.indicator in (measure.indicator, measure.growth))

    def pick(indicator: str, when: Period, name: str) -> Figure | None:
        return next((f for f in own if f.scope == name and f.indicator == indicator and f.period == when
                     and f.id not in inputs), None)

    rows = [_Reported(n, pick(measure.indicator, period, n), pick(measure.indicator, before, n),
                      pick(measure.growth, period, n)) for n in names]
    return [r for r in rows if (r.growth if measure.is_index else r.value) is not None]


def _bound_of_sum(figures) -> tuple[str, ...]:
    """Return (LOWER_BOUND,) when any summand is only a lower bound ("hơn", "từ … trở lên"): so is the sum."""
    bounded = any(q in (LOWER_BOUND, AT_LEAST) for f in figures for q in f.qualifiers)
    return (LOWER_BOUND,) if bounded else ()


def _coverage_note(count: int, expected: tuple[str, ...], names: Sequence[str]) -> str | None:
    if count >= len(expected):
        return None
    missing = [n for n in expected if n not in names]
    return (f"chỉ tổng hợp từ {count}/{len(expected)} tỉnh, thành phố đã gửi số liệu "
            f"(chưa có: {', '.join(missing)})")


def _source(figures: Sequence[Figure]) -> str:
    """Return a computed figure's source: the forms it was computed from, and the data/ figures if any."""
    forms = sum(1 for f in figures if f.source_kind == "form")
    if forms == len(figures):
        return f"tính từ {forms} biểu mẫu"
    return (f"tính từ số liệu của {len(figures)} tỉnh, thành phố ({forms} theo biểu mẫu, "
            f"{len(figures) - forms} theo dữ liệu có sẵn)")


def _value_figures(builder: FigureBuilder, valued: list[_Reported], measure: Measure, period: Period,
                   expected: tuple[str, ...]) -> None:
    if not valued:
        return
    note = _coverage_note(len(valued), expected, [r.name for r in valued])
    estimate = any(r.value.estimate for r in valued)
    cells = [cell_of(r.value) for r in valued]
    total = sum((r.value.value for r in valued), Decimal(0))
    builder.add(
        period, "region", measure.indicator, region_total(total), measure.region_unit,
        source=_source([r.value for r in valued]), estimate=estimate, note=note, inputs=cells,
        qualifiers=_bound_of_sum(r.value for r in valued),
        coverage=(len(valued), len(expected)) if note else None,
        quote=f"{measure.label} {period.label} của khu vực: tổng của {len(valued)} tỉnh, thành phố")
    _region_growth(builder, valued, measure, period, expected, estimate)
    for row in valued if note is None and total else ():   # a share of a partial total is not one
        share = round_half_up(row.value.value / total * 100, SHARE_STEP)
        builder.add(period, row.name, K.share_of_region, share, "%", subject=measure.indicator,
                    source=_source([r.value for r in valued]), note=note, inputs=cells,
                    quote=f"Tỷ trọng của {row.name} trong {measure.noun} "
                          f"{period.label} của khu vực")
    _ranks(builder, [(r.name, r.value) for r in valued], measure.indicator,
           period, f"{measure.noun} {period.label}")


def _region_growth(builder: FigureBuilder, valued: list[_Reported], measure: Measure, period: Period,
                   expected: tuple[str, ...], estimate: bool) -> None:
    pairs, cells, growths, used = [], [], {}, []
    for row in valued:
        value, stated = row.value.value, row.growth.value if row.growth else None
        if row.previous and row.previous.value:
            before, basis = row.previous.value, row.previous
        elif stated is not None and stated > -100:
            before, basis = value / (1 + stated / 100), row.growth
        else:
            continue
        pairs.append((value, before))
        used.append(row.value)
        cells += [cell_of(row.value), cell_of(basis)]
        growths[row.name] = stated if stated is not None else (value / before - 1) * 100
    now, then = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    if not pairs or then <= 0:
        return                       # nothing to grow from (every value reported is zero)
    note = _coverage_note(len(pairs), expected, list(growths))
    builder.add(period, "region", measure.growth, round_half_up((now / then - 1) * 100), "%",
                source=_source(used), estimate=estimate, note=note, inputs=cells,
                quote=f"Tốc độ tăng {measure.noun} {period.label} của khu vực: tổng thực "
                      f"hiện so với tổng cùng kỳ năm trước của {len(pairs)} tỉnh, thành phố "
                      f"(không lấy bình quân tốc độ tăng)")
    if measure.indicator in GROWTH_COUNTS:
        positive = sum(1 for g in growths.values() if g > 0)
        builder.add(period, "region", PROVINCES_COUNT, Decimal(positive), f"/{len(expected)}",
                    subject=GROWTH_COUNTS[measure.indicator], source=_source(used),
                    note=note, inputs=cells,
                    quote=f"Số tỉnh, thành phố có {measure.noun} {period.label} tăng "
                          f"so với cùng kỳ")


def _index_figures(builder: FigureBuilder, stated: list[_Reported], measure: Measure, period: Period,
                   expected: tuple[str, ...], national: Sequence[Figure]) -> None:
    if not stated:
        return
    note = _coverage_note(len(stated), expected, [r.name for r in stated])
    cells = [cell_of(r.growth) for r in stated]
    growths = [r.growth.value for r in stated]
    count_unit = f"/{len(expected)}"

    def count(subject: str, bound: Decimal, phrase: str, extra_inputs: Sequence[str] = ()) -> None:
        builder.add(period, "region", PROVINCES_COUNT, Decimal(sum(1 for g in growths if g > bound)),
                    count_unit, subject=subject, source=_source([r.growth for r in stated]), note=note,
                    inputs=list(cells) + list(extra_inputs),
                    quote=f"Số tỉnh, thành phố có IIP {period.label} {phrase}")

    count("iip_above_10", IIP_THRESHOLD, "tăng trên 10%")
    count("iip_positive", Decimal(0), "tăng so với cùng kỳ")
    country = _national_iip(builder, national, period)
    if country is not None:
        count("iip_above_national", country.value, "tăng cao hơn mức tăng của cả nước",
              [cell_of(country)])
    builder.add(period, "region", IIP_MEDIAN, tidy(Decimal(statistics.median(growths))), "%",
                source=_source([r.growth for r in stated]), note=note, inputs=cells,
                quote=f"Trung vị tốc độ tăng IIP {period.label} của {len(stated)} tỉnh, thành phố "
                      f"(IIP là chỉ số, không cộng và không lấy bình quân giữa các địa phương)")
    _ranks(builder, [(r.name, r.growth) for r in stated], measure.indicator,
           period, f"tốc độ tăng IIP {period.label}")


def _national_iip(builder: FigureBuilder, national: Sequence[Figure], period: Period) -> Figure | None:
    stated = next((f for f in builder.figures if f.scope == "national" and f.indicator == K.iip_growth
                   and f.period == period), None)
    return stated or next((f for f in national if f.indicator == K.iip_growth and f.period == period), None)


def _ranks(builder: FigureBuilder, items: Sequence[tuple[str, Figure]], indicator: str, period: Period,
           what: str) -> None:
    """Add each province's rank (1 = highest; ties share the better rank) among *items* (name, figure)."""
    values = sorted((f.value for _, f in items), reverse=True)
    cells = [cell_of(f) for _, f in items]
    source = _source([f for _, f in items])
    for name, figure in items:
        rank = values.index(figure.value) + 1
        builder.add(period, name, RANK_IN_REGION, Decimal(rank), f"/{len(items)}",
                    subject=indicator, source=source, inputs=cells,
                    quote=f"Thứ hạng của {name} về {what} trong {len(items)} tỉnh, thành phố")
