"""Issue 8: hostile cells in a filled form never crash briefgen, pass as figures or escape --out.

Hypothesis writes hostile values (text, huge numbers, NaN, formulas, control characters,
empty) into cells of a filled form (xlsx or CSV) and runs the CLI in-process. Always:
exit 0 or 1 and no traceback; exit 1 whenever an impossible number sits in a province's
value, last-year or growth cell; on exit 0 the draft reopens with python-docx; nothing is
written outside --out.
"""

from __future__ import annotations

import csv
import io
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell

from briefgen.cli import main
from briefgen.sources.forms.layout import DATA_SHEET, FIRST_DATA_ROW
from forms_helpers import NINE_MONTHS, fill, key

N = NINE_MONTHS
GOOD = {"Tuyên Quang": {key("retail_sales", N, "value"): 45000, key("retail_sales", N, "previous"): 40000,
                        key("retail_sales", N, "growth"): 12.5, key("iip_growth", N, "growth"): 11},
        "Hà Nội": {key("export_value", N, "value"): 20000, key("export_value", N, "growth"): 10}}
IMPOSSIBLE = ["NaN", "nan", "inf", "-inf", "Infinity", "1e309", "1e-400", "9" * 5000, "0,0000000001",
              "1234567890123456789", "-45000", "-1e309"]
HOSTILE_TEXT = ["", "  ", "0", "-0", "0,0", "x", "tăng 12,5%", "45.000 tỷ đồng", "12,5%", "1,2,3", "Hà Giang", "Cả nước",
                "=A1+B1", "=SUM(A1:A3)", "=1/0", "=V17", "=(((", "=B17*2", "#DIV/0!", "TRUE", "\x01",
                "ab\x1bc", "\u202e12", "１２", "12\u00a0345"]
hostile = (st.none() | st.just(0) | st.sampled_from(IMPOSSIBLE + HOSTILE_TEXT) | st.integers(-10**20, 10**20)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12))
rows = st.integers(1, FIRST_DATA_ROW + 20)
columns = st.integers(1, 40)


@pytest.fixture(scope="module")
def forms(tmp_path_factory, dataset, layout) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("fuzz-forms")
    return {suffix: fill(layout, dataset, folder / f"bieu-mau{suffix}", GOOD) for suffix in (".xlsx", ".csv")}


@pytest.fixture(scope="module")
def numeric_cells(layout):
    """Return a test of (row, column): is it a province's value, last-year or growth cell?"""
    cells = {(FIRST_DATA_ROW + i, c.index) for i in range(len(layout.provinces)) for c in layout.columns
             if c.field in ("value", "previous", "growth")}
    return cells.__contains__


def _impossible(value: object) -> bool:
    """Return whether *value* typed in a number cell can never be a figure."""
    if isinstance(value, str) and value in IMPOSSIBLE:
        return True
    return isinstance(value, int) and not isinstance(value, bool) and (value < -500 or value >= 10**15)


def _mutate_xlsx(path: Path, cells: dict[tuple[int, int], object]) -> None:
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    for (row, column), value in cells.items():
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)     # openpyxl cannot store them at all
        if not isinstance(sheet.cell(row=row, column=column), MergedCell):   # header cells span columns
            sheet.cell(row=row, column=column, value=value)
    book.save(path)


def _mutate_csv(path: Path, cells: dict[tuple[int, int], object]) -> None:
    grid = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for (row, column), value in cells.items():
        while len(grid) < row:
            grid.append([])
        line = grid[row - 1]
        line.extend([""] * (column - len(line)))
        line[column - 1] = "" if value is None else str(value)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(grid)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _stored(value: object, suffix: str) -> object:
    """Return what the mutated file really holds for *value* (openpyxl drops NaN, inf, control chars)."""
    if suffix == ".xlsx" and isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
mutations = st.dictionaries(st.tuples(rows, columns), hostile, min_size=1, max_size=4)
formats = st.sampled_from([".xlsx", ".csv"])


def _run(forms, numeric_cells, capsys, root: Path, suffix: str, cells: dict, command: list[str]) -> int:
    """Mutate a copy of the form in *root*, run *command* + the form; return the exit code, checked."""
    form = root / f"bieu-mau{suffix}"
    form.write_bytes(forms[suffix].read_bytes())
    (_mutate_xlsx if suffix == ".xlsx" else _mutate_csv)(form, cells)
    code = main([*command, str(form)])
    captured = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in captured.err
    impossible = [ref for ref, value in cells.items() if numeric_cells(ref) and _impossible(_stored(value, suffix))]
    assert not (impossible and code == 0), f"impossible values at {impossible} passed"
    assert code == 0 or "Lỗi: " in captured.err
    return code


@settings(max_examples=40, **FUZZ)
@given(suffix=formats, cells=mutations)
def test_hostile_cells_in_a_checked_form(forms, numeric_cells, capsys, suffix, cells):
    with tempfile.TemporaryDirectory() as folder:
        _run(forms, numeric_cells, capsys, Path(folder), suffix, cells, ["form", "--year", "2025", "--check"])


@settings(max_examples=8, **FUZZ)
@given(suffix=formats, cells=mutations)
def test_hostile_cells_in_a_built_draft(forms, numeric_cells, capsys, suffix, cells):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        out = root / "out"
        code = _run(forms, numeric_cells, capsys, root, suffix, cells,
                    ["--year", "2025", "--host", "Tuyên Quang", "--out", str(out), "--data"])
        assert {p.name for p in root.iterdir()} <= {f"bieu-mau{suffix}", "out"}
        if code == 0:
            [draft] = out.rglob("*.docx")
            text = "\n".join(p.text for p in docx.Document(str(draft)).paragraphs)
            assert "NaN" not in text and "Infinity" not in text
        else:
            assert not out.exists()


def test_the_oracle_knows_what_is_impossible():
    for text in IMPOSSIBLE:
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            continue
        assert (not number.is_finite() or number < 0 or abs(number) >= 10**15
                or (number != 0 and abs(number) < Decimal("1e-6")) or len(text) > 15)
