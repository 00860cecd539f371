"""Lay a ChartSpec out as the table a native chart holds: categories, series, notes.

Pure values, no XML: the same table fills the chart's cached values and its embedded
workbook, so what Word shows before any recalculation is what "Edit Data" opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.model import ChartSpec, Point

MISSING = "chưa có số liệu"
STAR = "*"
STAR_NOTE = "* Số liệu ước tính hoặc từ nguồn cần kiểm tra."
# Vietnamese locale id: LibreOffice then prints 1.954,5 whatever the machine's locale; Word
# prints the separators of the reader's system locale (vi-VN: the same).
VI_LOCALE = "[$-42A]"


@dataclass(frozen=True)
class ChartColumn:
    """One series: its name, one value per category (None = no point) and format codes.

    *number_format* fits the series (the most decimals of any point); *point_formats* keeps
    each value's own precision, as the PNG labels do (1.954 beside 1.436,6).
    """

    name: str
    values: tuple[float | None, ...]
    number_format: str
    point_formats: tuple[str | None, ...]


@dataclass(frozen=True)
class TaggedCell:
    """One data cell of the chart's workbook: where it sits, what it shows and whose figure it is."""

    ref: str                    # "Sheet1!B3": series in columns from B, categories in rows from 2
    series: str
    category: str               # the point's label, without the notes folded into the category
    figure_id: str | None       # figure or placeholder id; None for a gap of no one's
    value: Decimal | None


@dataclass(frozen=True)
class ChartTable:
    """What a native chart shows: category labels (notes folded in), series, a note line, tagged cells."""

    categories: tuple[str, ...]
    columns: tuple[ChartColumn, ...]
    note: str
    cells: tuple[TaggedCell, ...] = ()


def _places(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def number_format(places: int) -> str:
    """Return the format code with *places* decimals: ``[$-42A]#,##0.0``.

    The code uses the file format's invariant separators; the locale id makes the reader
    print them the Vietnamese way (1.954,5).
    """
    return VI_LOCALE + "#,##0" + ("." + "0" * places if places else "")


def _grid(spec: ChartSpec) -> tuple[list[str], list[dict[str, Point]]]:
    """Return the category labels and, per series, its points by label.

    A line over years gets every year from the first to the last, so a line never bridges
    a missing year.
    """
    labels = list(dict.fromkeys(p.label for s in spec.series for p in s.points))
    if spec.kind == "line" and labels and all(label.isdigit() for label in labels):
        years = sorted(int(label) for label in labels)
        labels = [str(year) for year in range(years[0], years[-1] + 1)]
    return labels, [{p.label: p for p in s.points} for s in spec.series]


def _missing(point: Point | None) -> bool:
    """Return whether *point* is there but has no value (a year with no point, or an empty point of
    a year no one reported, is no gap to note)."""
    return point is not None and point.value is None and not point.is_gap


def _known_note(point: Point | None) -> str | None:
    if point is None or point.value is None or point.note == MISSING:
        return None
    return point.note


def _category(spec: ChartSpec, label: str, points: list[Point | None]) -> str:
    """Return *label* with its notes: "*" (or the note itself on a barh); a category with no value
    at all stays plain (the note line under the chart says so: a long label would wrap under the axis)."""
    notes = [n for n in (_known_note(p) for p in points) if n]
    if all(_missing(p) for p in points):
        return label
    if notes and spec.kind == "barh":
        return f"{label} ({', '.join(dict.fromkeys(notes))})"
    return label + STAR if notes else label


def _note(spec: ChartSpec, labels: list[str], by_label: list[dict[str, Point]]) -> str:
    """Return the line printed under the chart: the star's meaning, points missing in one series."""
    parts = []
    if spec.kind != "barh" and any(_known_note(p) for points in by_label for p in points.values()):
        parts.append(STAR_NOTE)
    wholly_missing = [label for label in labels if all(_missing(p.get(label)) for p in by_label)]
    if wholly_missing:
        parts.append(f"Chưa có số liệu: {', '.join(wholly_missing)}.")
    partly_missing = [label for label in labels if label not in wholly_missing]
    gaps = [f"{series.name} ({label})" for label in partly_missing
            for series, points in zip(spec.series, by_label) if _missing(points.get(label))]
    if gaps:
        parts.append(f"Chưa có số liệu: {', '.join(gaps)}.")
    return " ".join(parts)


def cell_ref(series_index: int, point_index: int) -> str:
    """Return the workbook cell of a series' point, as python-pptx lays the data out: "Sheet1!B2"."""
    column, letters = series_index + 1, ""
    while column >= 0:
        column, rest = divmod(column, 26)
        letters, column = chr(ord("A") + rest) + letters, column - 1
    return f"Sheet1!{letters}{point_index + 2}"


def _cells(spec: ChartSpec, labels: list[str], by_label: list[dict[str, Point]]) -> tuple[TaggedCell, ...]:
    """Return every data cell of the grid with the figure id and value of the point it shows."""
    return tuple(TaggedCell(cell_ref(i, j), series.name, label,
                            points[label].figure_id if label in points else None,
                            points[label].value if label in points else None)
                 for i, (series, points) in enumerate(zip(spec.series, by_label))
                 for j, label in enumerate(labels))


def build_table(spec: ChartSpec) -> ChartTable:
    """Return the categories, series values and note line of *spec*."""
    labels, by_label = _grid(spec)
    categories = tuple(_category(spec, label, [points.get(label) for points in by_label]) for label in labels)
    columns = []
    for series, points in zip(spec.series, by_label):
        values = [points[label].value if label in points else None for label in labels]
        places = [None if v is None else _places(Decimal(v)) for v in values]
        columns.append(ChartColumn(
            series.name, tuple(None if v is None else float(v) for v in values),
            number_format(max((p for p in places if p is not None), default=0)),
            tuple(None if p is None else number_format(p) for p in places)))
    return ChartTable(categories, tuple(columns), _note(spec, labels, by_label), _cells(spec, labels, by_label))
