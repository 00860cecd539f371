"""Read filled forms (xlsx workbooks or CSV in the same layout) into raw rows of cells.

Nothing is interpreted here beyond finding the key row: each cell keeps its raw value
and its A1 reference, so validation can name ``file › sheet!cell`` for every problem.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from briefgen.bounds import first_control, shown
from briefgen.sources.forms.cells import RawCell
from briefgen.sources.forms.layout import ORDER_KEY, PROVINCE_KEY
from briefgen.sources.forms.workbook import EXAMPLE_MARK, MAX_COLUMNS, MAX_ROWS, UnreadableForm, read_grid
from briefgen.sources.problems import Problem, place

KEY_SEARCH_ROWS = 20
MAX_CSV_BYTES = 5 * 2 ** 20        # a CSV form is a few kilobytes
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"     # Excel 97-2003 (.xls)


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

    @property
    def has_any_value(self) -> bool:
        """Return whether any figure cell is filled, last year's included (units do not count)."""
        return any(not c.empty for k, c in self.cells.items() if "@" in k and not k.endswith(":unit"))


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
    """Return the data sheet of a filled form (.xlsx/.xlsm or .csv); problems name the file."""
    path = Path(path)
    try:
        return _read_checked(path)
    except UnreadableForm as exc:
        return _broken(path, exc.sheet, str(exc), exc.ref)


def _read_checked(path: Path) -> FormSheet:
    """Return the form at *path*, or raise UnreadableForm saying what the file really is."""
    if first_control(path.name):
        raise UnreadableForm("tên tệp chứa ký tự điều khiển; đổi tên tệp rồi chạy lại")
    if path.is_dir():
        raise UnreadableForm("là thư mục, không phải tệp biểu mẫu; ghi tên từng tệp (ví dụ thu-muc/*.xlsx)")
    if path.exists() and not path.is_file():
        raise UnreadableForm("không phải tệp thông thường (thiết bị, ống dẫn…); ghi tên tệp biểu mẫu")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise UnreadableForm("chỉ đọc được tệp .xlsx hoặc .csv theo biểu mẫu của briefgen")
    head = _head(path)
    if not head:
        raise UnreadableForm("tệp rỗng (0 byte)")
    if head.startswith(OLE_MAGIC):
        raise UnreadableForm("tệp Excel 97-2003 (.xls) không đọc được; mở bằng Excel và lưu lại dạng .xlsx")
    if suffix == ".csv":
        if head.startswith(ZIP_MAGIC):
            raise UnreadableForm("tệp có đuôi .csv nhưng là tệp Excel (.xlsx); đổi đuôi tệp thành .xlsx")
        return _read_csv(path)
    if not head.startswith(ZIP_MAGIC):
        kind = "là tệp văn bản (CSV?); nếu là biểu mẫu CSV, đổi đuôi tệp thành .csv" if _looks_like_text(head) \
            else "không phải tệp Excel .xlsx (tệp hỏng?); mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại"
        raise UnreadableForm(f"tệp có đuôi {suffix} nhưng {kind}")
    return _read_workbook(path)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(512)
    except FileNotFoundError:
        raise UnreadableForm("không tìm thấy tệp") from None
    except OSError as exc:
        raise UnreadableForm(f"không đọc được tệp ({exc.strerror or exc.__class__.__name__})") from None


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4      # a character cut at the end of the sample
    return True


def _broken(path: Path, sheet: str | None, message: str, ref: str | None = None) -> FormSheet:
    return FormSheet(path, sheet, {}, 0, (), False, (Problem(place(path, sheet, ref), message),))


def _rows_from(path: Path, sheet: str | None, grid: list[list[RawCell]], example: bool) -> FormSheet:
    control = _control_problem(path, sheet, grid)
    if control:
        return FormSheet(path, sheet, {}, 0, (), example, (control,))
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
    problems = tuple(Problem(place(path, sheet, c.ref), c.problem)
                     for row in rows for c in (row.province, *row.cells.values()) if c.problem)
    return FormSheet(path, sheet, keys, key_index + 1, tuple(rows), example, problems)


def _control_problem(path: Path, sheet: str | None, grid: list[list[RawCell]]) -> Problem | None:
    """Return the first cell holding a control character (never typed, breaks the draft), if any."""
    found = [(c, first_control(c.value)) for row in grid for c in row
             if isinstance(c.value, str) and first_control(c.value)]
    if not found:
        return None
    cell, code = found[0]
    more = f" (và {len(found) - 1} ô khác)" if len(found) > 1 else ""
    return Problem(place(path, sheet, cell.ref), f"ô chứa ký tự điều khiển {code}{more}, không in được; "
                                                 f"xóa ký tự này rồi lưu lại")


def _keys_in_order(key_row: list[RawCell]) -> list[str | None]:
    return [c.value.strip() if isinstance(c.value, str) and c.value.strip() else None for c in key_row]


def _read_workbook(path: Path) -> FormSheet:
    grid = read_grid(path)
    if first_control(grid.sheet):
        raise UnreadableForm("tên trang tính chứa ký tự điều khiển; đổi tên trang tính rồi lưu lại", grid.sheet)
    return _rows_from(path, grid.sheet, grid.rows, grid.example)


def decode_csv(data: bytes) -> str:
    """Return the text of a CSV form: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258.

    Excel on a Vietnamese Windows saves "CSV" in Windows-1258, whose tone marks combine;
    the text comes back composed (NFC) so names match. UnreadableForm if none fits.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1258")
    for encoding in encodings:
        try:
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise UnreadableForm("không đọc được bảng mã ký tự của tệp (không phải UTF-8); trong Excel chọn "
                         "Lưu dạng \"CSV UTF-8\" rồi gửi lại")


def _read_csv(path: Path) -> FormSheet:
    with path.open("rb") as stream:
        data = stream.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise UnreadableForm(f"tệp quá lớn để là biểu mẫu CSV (tối đa {MAX_CSV_BYTES // 2 ** 20} MB)")
    text = decode_csv(data)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    grid, example = [], False
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            line = reader.line_num
            if record and record[0].startswith("#"):
                example = example or EXAMPLE_MARK in ",".join(record)
                grid.append([])
                continue
            if len(grid) >= MAX_ROWS and any(field.strip() for field in record):
                raise UnreadableForm(f"có dữ liệu ở dòng {line}, ngoài vùng của biểu mẫu ({MAX_ROWS} dòng "
                                     f"đầu); xóa các dòng thừa rồi lưu lại")
            grid.append([_csv_cell(f"{get_column_letter(i + 1)}{line}", value)
                         for i, value in enumerate(record[:MAX_COLUMNS])])
    except csv.Error as exc:
        raise UnreadableForm(f"sai cấu trúc CSV ở dòng {reader.line_num}: {shown(exc)}") from None
    return _rows_from(path, None, grid, example)


def _csv_cell(ref: str, value: str) -> RawCell:
    """Return a CSV field as a cell; a formula (``=…``) has no value in a CSV file and is refused."""
    if value.strip().startswith("=") and len(value.strip()) > 1:
        return RawCell(ref, None, problem=f"ô chứa công thức '{shown(value.strip())}'; tệp CSV không lưu "
                                          f"kết quả tính, ghi số thay cho công thức")
    return RawCell(ref, value)
