"""Shared helpers of the form tests: the 2025 layout, writing a filled form, editing cells."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from briefgen.domain.period import Period
from briefgen.forms.write_form import write_form
from briefgen.sources.forms.layout import DATA_SHEET, FIRST_DATA_ROW, FormLayout, column_key

YEAR_PERIOD = Period(2024)
NINE_MONTHS = Period(2025, 9)


def key(indicator: str, period: Period, field: str) -> str:
    return column_key(indicator, period, field)


def cell_of(layout: FormLayout, province: str, indicator: str, period: Period, field: str) -> str:
    """Return the A1 reference of one province's cell in the data sheet."""
    row = FIRST_DATA_ROW + [p.name for p in layout.provinces].index(province)
    return f"{layout.column(indicator, period, field).letter}{row}"


def name_cell(layout: FormLayout, province: str) -> str:
    return f"B{FIRST_DATA_ROW + [p.name for p in layout.provinces].index(province)}"


def fill(layout: FormLayout, dataset, path: Path, values: dict[str, dict[str, object]]) -> Path:
    """Write the form of *layout* to *path* with *values* (province -> key -> value)."""
    return write_form(layout, dataset, path, values=values)


def edit(path: Path, cells: dict[str, object]) -> Path:
    """Overwrite cells of the data sheet, as a province would by hand."""
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path
