"""Judge a draft's native charts: values staff changed or filled, and charts that disagree with the text.

Pure logic over the ``ChartCell`` rows ``read_charts`` returns and the text findings of
``review``; the messages are the report's Vietnamese lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.bounds import shown as shown_text
from briefgen.numbers import fmt_number
from briefgen.review.read_charts import ChartCell, Value


@dataclass(frozen=True)
class ChartFinding:
    """One chart cell worth a line in the report: which figure, which chart and what happened."""

    id: str | None              # figure or placeholder id; None for a gap of no one's
    chart: str                  # "Hình 5 (Tăng trưởng bán lẻ các tháng đầu năm)"
    cell: str                   # "Sheet1!B8"
    series: str
    category: str
    before: Decimal | None      # as briefgen wrote it
    now: Value                  # what the chart shows now
    message: str


def fmt_value(value: Value) -> str:
    """Return a chart value as the report prints it: "2.100", "–" when empty, quoted text."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return f"'{shown_text(value)}'"
    try:
        return fmt_number(value)
    except ValueError:   # too many digits to print as a figure
        return shown_text(str(value))


def _subject(cell: ChartCell) -> str:
    return f"{cell.chart}: số liệu {cell.category} của '{cell.series}'"


def _finding(cell: ChartCell, message: str) -> ChartFinding:
    return ChartFinding(cell.figure_id, cell.chart, cell.ref, cell.series, cell.category, cell.original,
                        cell.shown, message)


def _edit(cell: ChartCell) -> ChartFinding:
    """Return the finding of a cell staff edited; it names the workbook's value when the cache differs."""
    message = f"{_subject(cell)} đã sửa từ {fmt_value(cell.original)} thành {fmt_value(cell.shown)}"
    if cell.workbook != cell.cached:
        message += f" (bảng dữ liệu ghi {fmt_value(cell.workbook)}, biểu đồ hiển thị {fmt_value(cell.cached)})"
    return _finding(cell, message)


def edited_cells(cells: tuple[ChartCell, ...]) -> tuple[list[ChartFinding], list[ChartFinding]]:
    """Return the cells whose value staff changed, and those filled where the chart had no data."""
    changed, filled = [], []
    for cell in cells:
        if cell.shown == cell.original and cell.workbook == cell.cached:
            continue
        (filled if cell.original is None and cell.shown is not None else changed).append(_edit(cell))
    return changed, filled


def mismatches(cells: tuple[ChartCell, ...], typed: dict[str, tuple[str, set[Decimal]]],
               printed: dict[str, tuple[str, Decimal]]) -> list[ChartFinding]:
    """Return the chart cells that disagree with the text.

    *typed*: figure id -> (unit, values staff typed in the text); *printed*: figure id ->
    (unit, value) of figures the text still prints as briefgen wrote them.
    """
    found = []
    for cell in cells:
        if cell.figure_id in typed:
            unit, values = typed[cell.figure_id]
            if unit == cell.unit and cell.shown not in values:
                text = "; ".join(fmt_number(v) for v in sorted(values))
                found.append(_finding(cell, f"{_subject(cell)}: số liệu trong đoạn đã sửa thành {text} "
                                            f"nhưng biểu đồ vẫn là {fmt_value(cell.shown)}"))
        elif cell.figure_id in printed and cell.shown != cell.original:
            unit, value = printed[cell.figure_id]
            if unit == cell.unit and cell.shown != value:
                found.append(_finding(cell, f"{_subject(cell)}: biểu đồ đã sửa thành {fmt_value(cell.shown)} "
                                            f"nhưng số liệu trong đoạn vẫn là {fmt_number(value)}"))
    return found
