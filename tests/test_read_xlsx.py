"""The small workbook reader of ``review`` reads what openpyxl reads (data only)."""

from __future__ import annotations

import io
import warnings
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.review.read_xlsx import load_workbook

CELL = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=10),
                 st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                 st.sampled_from(["=1+2", "#REF!", "1.954,5"]))


def _openpyxl_values(blob: bytes) -> dict[str, dict[str, object]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(blob), data_only=True)
    return {sheet.title: {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row
                          if cell.value is not None} for sheet in book.worksheets}


def _saved(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(CELL, max_size=8), max_size=6), st.sampled_from(["General", "0.0", "#,##0", '"năm" 0']))
def test_any_cells_read_as_openpyxl_reads_them(rows, number_format):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    for row in rows:
        book.active.append(row)
    for row in book.active.iter_rows():
        for cell in row:
            cell.number_format = number_format
    book.create_sheet("briefgen")["C2"] = "cell"
    blob = _saved(book)
    assert load_workbook(blob).sheets == _openpyxl_values(blob)


@pytest.mark.parametrize("number_format", ["dd/mm/yyyy", "yyyy-mm-dd hh:mm", "[$-42A]d/m/yyyy"])
def test_a_date_typed_into_a_value_cell_reads_as_text_as_with_openpyxl(number_format):
    book = openpyxl.Workbook()
    book.active["B2"] = datetime(2025, 5, 1)
    book.active["B2"].number_format = number_format
    book.active["B3"] = 1954.5
    read = load_workbook(_saved(book)).sheets["Sheet"]
    assert read == {"B2": "2025-05-01 00:00:00", "B3": 1954.5}
    assert str(_openpyxl_values(_saved(book))["Sheet"]["B2"]) == read["B2"]


def test_the_tag_rows_are_padded_to_the_width_asked():
    book = openpyxl.Workbook()
    book.active.append(["chart_id", "x"])
    book.active.append([])
    book.active.append(["cell", "Sheet1!B2", "s", "c", "f1", "1954", "1.954"])
    rows = load_workbook(_saved(book)).rows("Sheet", 10, 7)
    assert rows == [("chart_id", "x", None, None, None, None, None), (None,) * 7,
                    ("cell", "Sheet1!B2", "s", "c", "f1", "1954", "1.954")]
