"""Which charts a draft carries and what they show (specs only; rendering is elsewhere)."""

from __future__ import annotations

from briefgen.analyze.history import YearValue, annual_series, in_common_unit, partial_series
from briefgen.analyze.provinces_table import TABLE_MEASURES
from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND, Figure
from briefgen.domain.indicators import INDUSTRY_GROWTH, K, results_rows
from briefgen.model import ChartSpec, Point, Series, Slot

MISSING = "chưa có số liệu"
# A chart prints the bare number; a qualified value says so in its point note.
QUALIFIER_NOTES = {LOWER_BOUND: "hơn", AT_LEAST: "trở lên", CONSTANT_PRICES_2010: "giá so sánh 2010"}
# Charts whose id does not come from the registry (see ``chart_ids``).
FIXED_CHARTS = ("growth_history", "partial_retail_growth", "clusters", "host_products", "products",
                "province_ranking", "host_vs_region")


def chart_ids() -> frozenset[str]:
    """Return the id of every chart the analysis can make; a template may refer to these only."""
    history = {i.history_chart for i in results_rows() if i.history_chart}
    shares = {f"province_share_{key}" for key in TABLE_MEASURES}
    return frozenset(FIXED_CHARTS) | history | shares


MIN_KNOWN_CATEGORIES = 2   # one known bar or none: the table and the text say it better


def worth_drawing(spec: ChartSpec) -> bool:
    """Return whether *spec* has a value in at least ``MIN_KNOWN_CATEGORIES`` of its categories.

    A chart of a single bar beside empty "chưa có số liệu" slots tells an official nothing
    the table does not; it is left out. Two known years and the slot staff fill in stay: the
    filled chart is read back by ``briefgen review``.
    """
    known = {point.label for series in spec.series for point in series.points if point.value is not None}
    return len(known) >= MIN_KNOWN_CATEGORIES


def _points(values: tuple[YearValue, ...], current: Slot | None, current_year: int | None) -> tuple[Point, ...]:
    points = [Point(str(v.year), v.value, _note(v.figure), v.figure.id) for v in values]
    if current is not None and current_year is not None and all(v.year != current_year for v in values):
        value = in_common_unit(current.figure) if current.known else None
        points.append(Point(str(current_year), value, _note(current.figure) if current.known else MISSING,
                            slot_id(current)))
    return tuple(points)


def slot_id(slot: Slot) -> str | None:
    """Return the id of the figure a slot holds, else of its placeholder (None if it has neither)."""
    if slot.known:
        return slot.figure.id
    return slot.placeholder.id if slot.placeholder is not None else None


def _note(figure: Figure | None) -> str | None:
    """Return the words a chart prints by a point: doubt or estimate, then the source's qualifiers."""
    if figure is None:
        return None
    first = "cần kiểm tra" if figure.needs_note else figure.estimate_word
    words = [first] + [QUALIFIER_NOTES.get(q) for q in figure.qualifiers]
    return ", ".join(w for w in words if w) or None


def _ids(*groups) -> tuple[str, ...]:
    return tuple(v.figure.id for group in groups for v in group)


def every_year(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """Return *points* (one per year, labelled by it) with an empty point for every year between
    the first and the last that has none: the category axis then spaces the years as they are."""
    by_year = {int(p.label): p for p in points}
    if not by_year:
        return points
    return tuple(by_year.get(year, Point(str(year), None)) for year in range(min(by_year), max(by_year) + 1))


def value_history_chart(chart_id: str, title: str, unit: str, values: tuple[YearValue, ...],
                        current: Slot, year: int, caption: str) -> ChartSpec:
    """Return a bar chart of a headline value by year, every year from the first to the draft's own."""
    return ChartSpec(chart_id, "bar", title, unit, (Series(title, every_year(_points(values, current, year))),),
                     caption, figure_ids=_ids(values))


def growth_history_chart(figures: tuple[Figure, ...], series: str, before: int,
                         caption: str) -> ChartSpec:
    """Return a line chart of the growth headlines by year."""
    named = ((K.retail_growth, "Tổng mức bán lẻ"), (K.export_growth, "Kim ngạch xuất khẩu"),
             (INDUSTRY_GROWTH, "Giá trị sản xuất công nghiệp"))
    groups = []
    for headline, name in named:
        indicator = K.industrial_output_growth if headline == INDUSTRY_GROWTH else None
        values = annual_series(figures, series, headline, before, indicator)
        if values:
            groups.append((name, values))
    return ChartSpec("growth_history", "line", "Tốc độ tăng so với năm trước", "%",
                     tuple(Series(n, _points(v, None, None)) for n, v in groups), caption,
                     figure_ids=_ids(*(v for _, v in groups)))


def partial_growth_chart(figures: tuple[Figure, ...], series: str, before: int,
                         current: Slot | None, current_label: str | None, caption: str) -> ChartSpec:
    """Return a bar chart of retail growth in the first months of each earlier year."""
    items = partial_series(figures, series, K.retail_growth, before)
    points = [Point(p.short_label, f.value, _note(f), f.id) for p, f in items]
    if current is not None and current_label:
        points.append(Point(current_label, current.figure.value if current.known else None,
                            None if current.known else MISSING, slot_id(current)))
    return ChartSpec("partial_retail_growth", "bar", "Tăng trưởng bán lẻ các tháng đầu năm", "%",
                     (Series("Tổng mức bán lẻ", tuple(points)),), caption,
                     figure_ids=tuple(f.id for _, f in items))


def cluster_chart(figures: tuple[Figure, ...], series: str, before: int, caption: str) -> ChartSpec:
    """Return a grouped bar chart of clusters established and operating, by edition."""
    by_indicator: dict[str, dict[int, Figure]] = {K.ccn_established: {}, K.ccn_operating: {}}
    for f in figures:
        if (f.indicator in by_indicator and f.scope == "region" and f.printable
                and f.series == series and f.edition_year <= before):
            by_indicator[f.indicator].setdefault(f.edition_year, f)
    years = sorted(set(by_indicator[K.ccn_established]) | set(by_indicator[K.ccn_operating]))
    names = {K.ccn_established: "Đã thành lập", K.ccn_operating: "Đang hoạt động"}
    series_list = tuple(Series(names[k], tuple(
        Point(str(y), v[y].value if y in v else None, None if y in v else MISSING, v[y].id if y in v else None)
        for y in years))
        for k, v in by_indicator.items())
    ids = tuple(f.id for v in by_indicator.values() for f in v.values())
    return ChartSpec("clusters", "bar", "Cụm công nghiệp qua các kỳ hội nghị", "cụm",
                     series_list, caption, figure_ids=ids)


def host_chart(host: str, figures: tuple[Figure, ...], caption: str) -> ChartSpec | None:
    """Return a horizontal bar chart of the host's product growth rates, if the data has any."""
    growth = [f for f in figures if f.indicator == K.product_growth]
    if not growth:
        return None
    points = tuple(Point(f.subject or "", f.value, None, f.id) for f in growth)
    uncertain = [f.subject or "" for f in growth if f.needs_note]
    caveat = (f"Cần kiểm tra: phạm vi số liệu ({', '.join(uncertain)}) chưa được nguồn xác định rõ là của "
              f"{host} hay của toàn khu vực." if uncertain else "")
    return ChartSpec("host_products", "barh", f"Tăng trưởng một số sản phẩm chủ yếu: {host}", "%",
                     (Series(host, points),), caption, caveat, figure_ids=tuple(f.id for f in growth))


def product_chart(rows, period_index: int, period_label: str, caption: str) -> ChartSpec | None:
    """Return a horizontal bar chart of product growth in one period, if any is known."""
    points = tuple(Point(r.name, r.changes[period_index].figure.value, None, r.changes[period_index].figure.id)
                   for r in rows
                   if r.changes[period_index].known and r.changes[period_index].figure.unit == "%")
    if not points:
        return None
    ids = tuple(r.changes[period_index].figure.id for r in rows if r.changes[period_index].known)
    return ChartSpec("products", "barh", f"Tăng trưởng sản phẩm chủ yếu, {period_label}", "%",
                     (Series(period_label, points),), caption, figure_ids=ids)
