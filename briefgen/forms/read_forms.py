"""Read filled forms (xlsx workbooks or CSV in the same layout) into raw rows of cells.

Nothing is interpreted here beyond finding the key row: each cell keeps its raw value
and its A1 reference, so validation can name ``file › sheet!cell`` for every problem.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from briefgen.forms.layout import DATA_SHEET, ORDER_KEY, PROVINCE_KEY
from briefgen.forms.problems import Problem, place

EXAMPLE_MARK = "VÍ DỤ"
KEY_SEARCH_ROWS = 20


@dataclass(frozen=True)
class RawCell:
    """One cell as typed: its reference and raw value (str, number, bool, date or None)."""

    ref: str
    value: object
    percent: bool = False      # the cell is formatted as a percentage (0.123 shown as 12,3%)

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass(frozen=True)
class RawRow:
    """One data row: the province cell and the data cells by column key."""

    line: int
    province: RawCell
    cells: dict[str, RawCell]

    @property
    def has_data(self) -> bool:
        return any(not c.empty for k, c in self.cells.items()
                   if "@" in k and not k.endswith((":unit", ":previous")))


@dataclass(frozen=True)
class FormSheet:
    """The data sheet of one file: its column keys, rows and whether it is an example."""

    path: Path
    sheet: str | None             # None for CSV
    keys: dict[str, str]          # key -> column letter
    key_line: int
    rows: tuple[RawRow, ...]
    example: bool
    problems: tuple[Problem, ...] = ()

    def where(self, ref: str | None = None) -> str:
        """Return ``file › sheet!ref`` for a cell of this sheet."""
        return place(self.path, self.sheet, ref)


def read_form(path: Path | str) -> FormSheet:
    """Return the data sheet of a filled form (.xlsx/.xlsm or .csv)."""
    path = Path(path)
    if not path.exists():
        return _broken(path, None, "không tìm thấy tệp")
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_workbook(path)
    return _broken(path, None, "chỉ đọc được tệp .xlsx hoặc .csv theo biểu mẫu của briefgen")


def _broken(path: Path, sheet: str | None, message: str) -> FormSheet:
    return FormSheet(path, sheet, {}, 0, (), False, (Problem(place(path, sheet), message),))


def _rows_from(path: Path, sheet: str | None, grid: list[list[RawCell]], example: bool) -> FormSheet:
    key_index = next((i for i, row in enumerate(grid[:KEY_SEARCH_ROWS])
                      if any(c.value == PROVINCE_KEY for c in row)), None)
    if key_index is None:
        return _broken(path, sheet, "không tìm thấy dòng mã cột (dòng có ô 'province'); tệp không "
                                    "theo biểu mẫu của briefgen — tạo biểu mẫu bằng: briefgen form --year …")
    keys: dict[str, str] = {}
    for cell in grid[key_index]:
        if isinstance(cell.value, str) and cell.value.strip():
            keys[cell.value.strip()] = cell.ref.rstrip("0123456789")
    rows = []
    for row in grid[key_index + 1:]:
        by_key = {key: cell for key, cell in zip(_keys_in_order(grid[key_index]), row) if key}
        province = by_key.get(PROVINCE_KEY)
        if province is None:
            continue
        line = int("".join(ch for ch in province.ref if ch.isdigit()))
        data = {k: c for k, c in by_key.items() if k not in (PROVINCE_KEY, ORDER_KEY)}
        rows.append(RawRow(line, province, data))
    return FormSheet(path, sheet, keys, key_index + 1, tuple(rows), example)


def _keys_in_order(key_row: list[RawCell]) -> list[str | None]:
    return [c.value.strip() if isinstance(c.value, str) and c.value.strip() else None for c in key_row]


def _read_workbook(path: Path) -> FormSheet:
    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        return _broken(path, None, f"không mở được tệp Excel ({exc.__class__.__name__})")
    sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
    grid = [[RawCell(cell.coordinate, cell.value, "%" in (cell.number_format or ""))
             for cell in row] for row in sheet.iter_rows()]
    title = " ".join(str(c.value) for row in grid[:2] for c in row if c.value)
    example = EXAMPLE_MARK in title or (book.properties.category or "") == EXAMPLE_MARK
    return _rows_from(path, sheet.title, grid, example)


def _read_csv(path: Path) -> FormSheet:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return _broken(path, None, f"không phải UTF-8 (byte {exc.start}); lưu lại tệp với mã hóa UTF-8")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    grid, example = [], False
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for record in reader:
        line = reader.line_num
        if record and record[0].startswith("#"):
            example = example or EXAMPLE_MARK in ",".join(record)
            grid.append([])
            continue
        grid.append([RawCell(f"{get_column_letter(i + 1)}{line}", value) for i, value in enumerate(record)])
    return _rows_from(path, None, grid, example)
