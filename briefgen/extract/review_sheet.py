"""The review sheet: extracted figures in a workbook a person accepts or refuses, row by row.

``briefgen extract … --format xlsx -o review.xlsx`` writes it; ``briefgen --data review.xlsx``
reads it back and keeps only the rows marked "Có". It is told apart from a province form by
its content (the sheet "Rà soát" with this header), never by its name. Problems name
``file › Rà soát!cell`` like a form's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from briefgen.domain.indicators import label_of
from briefgen.domain.period import parse_period
from briefgen.errors import BriefgenError, FormValidationError
from briefgen.extract.model import Figure
from briefgen.extract.reported import Reported
from briefgen.sources.forms.cells import RawCell
from briefgen.sources.forms.workbook import UnreadableForm, read_grid
from briefgen.sources.problems import ERROR, Problem, place

REVIEW_SHEET = "Rà soát"
GUIDE_SHEET = "Hướng dẫn"
YES, NO = "Có", "Không"
# (header, field of the row): the header row is also how the sheet is recognised.
COLUMNS = (("Mã chỉ tiêu", "indicator"), ("Chỉ tiêu", "label"), ("Kỳ", "period"), ("Phạm vi", "scope"),
           ("Giá trị", "value"), ("Đơn vị", "unit"), ("Ước tính", "estimate"), ("Trích dẫn", "quote"),
           ("Vị trí", "location"), ("Tệp", "file"), ("Cơ quan báo cáo", "issuer"),
           ("Sử dụng (Có/Không)", "accept"))
HEADER = tuple(h for h, _ in COLUMNS)
WIDTHS = (18, 34, 10, 14, 12, 12, 9, 70, 22, 24, 30, 12)
GUIDE = (
    "Rà soát số liệu trích tự động từ báo cáo",
    "Mỗi dòng của trang 'Rà soát' là một số liệu briefgen đọc được, kèm trích dẫn nguyên văn và vị trí "
    "trong tệp gốc (trang, đoạn, bảng, dòng).",
    "Đối chiếu từng dòng với báo cáo gốc; ở cột 'Sử dụng (Có/Không)' giữ 'Có' nếu số liệu đúng, chọn "
    "'Không' nếu sai hoặc không dùng.",
    "Có thể sửa Giá trị, Đơn vị, Kỳ (mã như 2024, 9M-2025) hoặc Phạm vi (tên tỉnh, region, national) "
    "nếu trích chưa đúng; không đổi tên trang tính và dòng tiêu đề.",
    "Sau đó chạy: briefgen --year <năm> --host <tỉnh> --data review.xlsx — chỉ các dòng 'Có' được dùng, "
    "và vẫn được đánh dấu trong dự thảo là 'trích từ báo cáo, cần kiểm tra'.",
)


class ReviewSheetError(FormValidationError):
    """A review sheet has cells in error; ``errors`` names each (file › Rà soát!cell)."""

    def __init__(self, problems):
        super().__init__(problems)
        BriefgenError.__init__(self, f"bảng rà soát có {len(self.errors)} lỗi; chưa soạn dự thảo, không ghi "
                                     f"tệp nào", hint=f"sửa các ô nêu trên (cột Sử dụng: {YES} hoặc {NO}; "
                                                      f"Giá trị: một số; Kỳ: mã như 9M-2025) rồi chạy lại")


def _text(value: str) -> str:
    """Return *value* safe for a cell: no control characters openpyxl refuses."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub(" ", value)


def _row(item: Reported) -> list[object]:
    figure = item.figure
    value: object = figure.value if figure.high is None else figure.value_text
    return [figure.indicator, label_of(figure.indicator), figure.period, figure.scope, value, figure.unit,
            YES if figure.estimate else NO, figure.quote, figure.location, figure.file, item.issuer or "",
            YES]


def render_review(items: list[Reported]) -> bytes:
    """Return the review workbook of *items* as .xlsx bytes (every row accepted until a person says no)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = REVIEW_SHEET
    sheet.append(HEADER)
    for item in items:
        sheet.append([_text(v) if isinstance(v, str) else v for v in _row(item)])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"          # a quote starting with "=" stays text, never a formula
    last = max(sheet.max_row, 2)
    for column, width in zip("ABCDEFGHIJKL", WIDTHS):
        sheet.column_dimensions[column].width = width
    choice = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False, showErrorMessage=True,
                            errorTitle="Sử dụng", error=f"Chọn {YES} hoặc {NO}.")
    choice.add(f"L2:L{last}")
    estimate = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False)
    estimate.add(f"G2:G{last}")
    sheet.add_data_validation(choice)
    sheet.add_data_validation(estimate)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(GUIDE_SHEET)
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def is_review(path: Path | str) -> bool:
    """Return whether *path* is a review sheet (its first sheet "Rà soát" starts with HEADER)."""
    try:
        grid = read_grid(Path(path))
    except UnreadableForm:
        return False
    first = tuple(c.value for c in grid.rows[0][:len(HEADER)]) if grid.rows else ()
    return grid.sheet == REVIEW_SHEET and first == HEADER


@dataclass
class _Row:
    """One data row of the sheet, its cells by field, and the problems found in it."""

    path: Path
    cells: dict[str, RawCell]
    problems: list[Problem]

    def text(self, field: str) -> str:
        value = self.cells[field].value
        return "" if value is None else str(value).strip()

    def error(self, field: str, message: str) -> None:
        self.problems.append(Problem(place(self.path, REVIEW_SHEET, self.cells[field].ref), message, ERROR))

    def choice(self, field: str) -> bool | None:
        answer = self.text(field)
        if answer.lower() in (YES.lower(), NO.lower()):
            return answer.lower() == YES.lower()
        shown = f"'{answer[:40]}'" if answer else "ô trống"
        self.error(field, f"cần ghi {YES} hoặc {NO} (đang là {shown})")
        return None


def _number(row: _Row) -> tuple[Decimal, Decimal | None] | None:
    """Return the value (and upper bound of a range "8-9"), or None after noting the error."""
    value = row.cells["value"].value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value)), None
    low, _, high = row.text("value").replace(",", ".").partition("-")
    try:
        numbers = Decimal(low), Decimal(high) if high else None
        if numbers[0].is_finite() and (numbers[1] is None or numbers[1].is_finite()):
            return numbers
    except InvalidOperation:
        pass
    row.error("value", f"giá trị '{row.text('value')[:40]}' không phải là số")
    return None


def _reported(row: _Row) -> Reported | None:
    """Return the accepted figure of *row*, or None (refused, or an error noted)."""
    accept, estimate, number = row.choice("accept"), row.choice("estimate"), _number(row)
    try:
        parse_period(row.text("period"))
    except ValueError as error:
        row.error("period", str(error))
        return None
    if not row.text("scope"):
        row.error("scope", "thiếu phạm vi (tên tỉnh, region hoặc national)")
    if not accept or estimate is None or number is None or row.problems:
        return None
    figure = Figure(row.text("file"), row.text("indicator"), row.text("period"), row.text("scope"),
                    number[0], row.text("unit"), estimate, row.text("quote"), 0, high=number[1],
                    location=row.text("location"))
    return Reported(figure, row.text("issuer") or None)


def read_review(path: Path | str) -> list[Reported]:
    """Return the accepted figures of the review sheet at *path*.

    Raise FormValidationError listing every cell in error (file › Rà soát!cell).
    """
    path = Path(path)
    try:
        grid = read_grid(path)
    except UnreadableForm as error:
        raise ReviewSheetError([Problem(place(path, error.sheet, error.ref), str(error), ERROR)]) from None
    fields = [f for _, f in COLUMNS]
    accepted, problems = [], []
    for cells in grid.rows[1:]:
        if all(c.empty for c in cells):
            continue
        padded = list(cells) + [RawCell(f"{'ABCDEFGHIJKL'[i]}{_line(cells)}", None)
                                for i in range(len(cells), len(fields))]
        row = _Row(path, dict(zip(fields, padded)), [])
        item = _reported(row)
        problems += row.problems
        if item is not None:
            accepted.append(item)
    if problems:
        raise ReviewSheetError(problems)
    return accepted


def _line(cells: list[RawCell]) -> str:
    return "".join(ch for ch in cells[0].ref if ch.isdigit())
