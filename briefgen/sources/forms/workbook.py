"""Stream the data sheet of a filled workbook into rows of cells, within fixed bounds.

openpyxl's read-only mode parses the sheet row by row, so memory stays small whatever
the file claims: only the first ``MAX_ROWS`` rows and ``MAX_COLUMNS`` columns are kept.
A value further down is refused with its cell (a styled empty cell is only formatting).
Formulas without a cached value (workbooks written by a program) are computed when they
are simple arithmetic (``briefgen.sources.forms.formulas``), otherwise the cell carries a problem.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from xml.etree.ElementTree import iterparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from briefgen.bounds import shown
from briefgen.sources.forms.cells import RawCell
from briefgen.sources.forms.formulas import FormulaError, evaluate
from briefgen.sources.forms.layout import DATA_SHEET

MAX_ROWS = 1000                 # a form has one row per province (28 at most) and a few headers
MAX_COLUMNS = 256               # a form has under 40 columns
BEYOND_ROWS = 5000              # rows present in the file past MAX_ROWS that are looked through
MAX_UNPACKED = 50 * 2 ** 20     # bytes of a workbook once unzipped (a form: well under 1 MB)
EXAMPLE_MARK = "VÍ DỤ"
RECALCULATE = "mở tệp trong Excel, lưu lại rồi gửi lại"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# What openpyxl raises on a damaged or foreign file; the file is at fault, not briefgen.
UNREADABLE = (zipfile.BadZipFile, zlib.error, InvalidFileException, OSError, EOFError, KeyError,
              ValueError, TypeError, IndexError, AttributeError, SyntaxError)


class UnreadableForm(Exception):
    """The file cannot be read as a form; the message (Vietnamese) says why, *sheet*/*ref* where."""

    def __init__(self, message: str, sheet: str | None = None, ref: str | None = None):
        super().__init__(message)
        self.sheet, self.ref = sheet, ref


@dataclass(frozen=True)
class Grid:
    """The data sheet as read: its title, rows of cells (positional) and the example mark."""

    sheet: str
    rows: list[list[RawCell]]
    example: bool


def read_grid(path: Path) -> Grid:
    """Return the data sheet of the workbook at *path*; UnreadableForm if it cannot be a form."""
    _check_unpacked_size(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")         # openpyxl warns about extensions it drops
        try:
            sheet, rows, pending, example = _read_values(path)
            formulas = _read_formulas(path, sheet, pending) if pending else {}
        except UNREADABLE as exc:
            raise UnreadableForm(f"không mở được tệp Excel ({exc.__class__.__name__}); tệp hỏng hoặc "
                                 f"không phải .xlsx — {RECALCULATE}") from None
    return Grid(sheet, _with_formulas(rows, formulas), example)


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableForm(f"không mở được tệp Excel: tệp hỏng hoặc không phải .xlsx — {RECALCULATE}") from None
    if unpacked > MAX_UNPACKED:
        raise UnreadableForm(f"tệp quá lớn để là biểu mẫu ({unpacked // 2 ** 20} MB khi giải nén, tối đa "
                             f"{MAX_UNPACKED // 2 ** 20} MB); chỉ gửi biểu mẫu số liệu")


def _data_sheet(book):
    return book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]


def _read_values(path: Path) -> tuple[str, list[list[RawCell]], set[str], bool]:
    """Return the sheet title, the rows, the cells present without a value, and the example mark."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = _data_sheet(book)
        rows, pending = [], set()
        try:
            for line, row in _bounded_rows(sheet):
                rows.append(_cells(line, row, pending))
        except ValueError:
            _raise_bad_number(path, sheet)
            raise
        title = " ".join(str(c.value) for row in rows[:2] for c in row if c.value is not None)
        example = EXAMPLE_MARK in title or (book.properties.category or "") == EXAMPLE_MARK
        return sheet.title, rows, pending, example
    finally:
        book.close()


def _bounded_rows(sheet) -> Iterator[tuple[int, tuple]]:
    """Yield the first MAX_ROWS rows; UnreadableForm if a value lies further down."""
    sheet.reset_dimensions()                    # the file's own <dimension> may lie
    blank = None                                # openpyxl yields one shared tuple for missing rows
    looked = 0
    for line, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if row is blank:
            continue
        if line <= MAX_ROWS:
            yield line, row
        else:
            looked += 1
            filled = next((c for c in row if c.value is not None), None)
            if filled is not None:
                raise UnreadableForm(f"ô có dữ liệu ngoài vùng của biểu mẫu ({MAX_ROWS} dòng đầu); xóa "
                                     f"các dòng thừa rồi lưu lại", sheet.title, filled.coordinate)
            if looked > BEYOND_ROWS:
                raise UnreadableForm(f"trang tính có quá nhiều dòng (quá {MAX_ROWS + BEYOND_ROWS}); "
                                     f"chỉ giữ các dòng của biểu mẫu rồi lưu lại", sheet.title)
        if blank is None and row and all(c is EMPTY_CELL for c in row):
            blank = row


def _not_a_number(text: str) -> bool:
    """Return whether openpyxl fails on *text* stored as a number (``NaN``, ``abc``, ``1,5``)."""
    try:
        float(text) if any(mark in text for mark in ".Ee") else int(text)
    except ValueError:
        return True
    return False


def _raise_bad_number(path: Path, sheet) -> None:
    """Raise UnreadableForm naming the first cell stored as a number that holds no number, if any.

    openpyxl stops at such a cell without saying which; the sheet's XML is streamed again to
    find it (only number and boolean cells, the kinds openpyxl turns into numbers).
    """
    with zipfile.ZipFile(path) as archive, archive.open(sheet._worksheet_path) as part:
        for _, element in iterparse(part):
            if element.tag != f"{SHEET_NS}c":
                continue
            value = element.find(f"{SHEET_NS}v")
            text = value.text if value is not None else None
            if element.get("t", "n") in ("n", "b") and text and _not_a_number(text.strip()):
                raise UnreadableForm(f"ô được lưu là ô số nhưng chứa '{shown(text)}', không phải số; "
                                     f"{RECALCULATE}", sheet.title, element.get("r"))
            element.clear()


def _cells(line: int, row: tuple, pending: set[str]) -> list[RawCell]:
    """Return the cells of one row up to its last present cell; note present cells without value."""
    last = max((i for i, c in enumerate(row) if c is not EMPTY_CELL), default=-1)
    cells = []
    for index, cell in enumerate(row[:last + 1]):
        ref = f"{get_column_letter(index + 1)}{line}"
        if cell is EMPTY_CELL:
            cells.append(RawCell(ref, None))
            continue
        if cell.value is None:
            pending.add(ref)
        cells.append(RawCell(ref, cell.value, "%" in (cell.number_format or "")))
    return cells


def _read_formulas(path: Path, title: str, pending: set[str]) -> dict[str, str]:
    """Return the formulas of the *pending* cells (present, no cached value), by reference."""
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = book[title]
        sheet.reset_dimensions()
        found = {}
        for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS):
            for cell in row:
                if cell is EMPTY_CELL or cell.coordinate not in pending or cell.value is None:
                    continue
                text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", None)
                found[cell.coordinate] = text if isinstance(text, str) else "=?"
        return found
    finally:
        book.close()


def _with_formulas(rows: list[list[RawCell]], formulas: dict[str, str]) -> list[list[RawCell]]:
    """Return *rows* with each formula cell computed, or marked with why it cannot be."""
    if not formulas:
        return rows
    values: dict[str, object] = {c.ref: c.value for row in rows for c in row if c.value is not None}

    def lookup(ref: str, depth: int) -> object:
        if ref not in values and ref in formulas:     # each formula computed once (no 2^n chains)
            values[ref] = evaluate(formulas[ref], lookup, depth)
        return values.get(ref)

    def computed(cell: RawCell) -> RawCell:
        if cell.ref not in formulas:
            return cell
        try:
            return RawCell(cell.ref, lookup(cell.ref, 0), cell.percent)
        except FormulaError as exc:
            return RawCell(cell.ref, None, cell.percent,
                           problem=f"ô chứa công thức '{shown(formulas[cell.ref])}' chưa có giá trị tính "
                                   f"sẵn: {exc}; {RECALCULATE}")

    return [[computed(c) for c in row] for row in rows]
