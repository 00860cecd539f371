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
from briefgen.extract.qualifier_words import ALLOWED, CHOICES, fmt_qualifier_words, parse_qualifier_words
from briefgen.extract.reported import USABLE, Reported
from briefgen.numbers import fmt_quantity
from briefgen.sources.forms.cells import RawCell
from briefgen.sources.forms.workbook import UnreadableForm, read_grid
from briefgen.sources.problems import ERROR, WARNING, Problem, place

REVIEW_SHEET = "Rà soát"
GUIDE_SHEET = "Hướng dẫn"
YES, NO = "Có", "Không"
QUALIFIERS_HEADER = "Ghi chú định lượng"
# (header, field of the row): the header row is also how the sheet is recognised.
COLUMNS = (("Mã chỉ tiêu", "indicator"), ("Chỉ tiêu", "label"), ("Kỳ", "period"), ("Phạm vi", "scope"),
           ("Giá trị", "value"), ("Đơn vị", "unit"), ("Ước tính", "estimate"), (QUALIFIERS_HEADER, "qualifiers"),
           ("Trích dẫn", "quote"), ("Vị trí", "location"), ("Tệp", "file"), ("Cơ quan báo cáo", "issuer"),
           ("Sử dụng (Có/Không)", "accept"))
HEADER = tuple(h for h, _ in COLUMNS)
# A sheet written before the qualifiers column still reads: as if that column were empty.
HEADERS = (HEADER, tuple(h for h in HEADER if h != QUALIFIERS_HEADER))
_LETTERS = "ABCDEFGHIJKLM"
# Why a row is written "Không": the extractor could not say which indicator the figure is.
UNCLASSIFIED = ("Chưa xác định được chỉ tiêu của số liệu này nên để 'Không'. Nếu cần dùng: ghi mã chỉ tiêu "
                "ở cột 'Mã chỉ tiêu' (xem trang Hướng dẫn) rồi chọn 'Có'.")
WIDTHS = (18, 34, 10, 14, 12, 12, 9, 24, 70, 22, 24, 30, 12)
GUIDE = (
    "Rà soát số liệu trích tự động từ báo cáo",
    "Mỗi dòng của trang 'Rà soát' là một số liệu briefgen đọc được, kèm trích dẫn nguyên văn và vị trí "
    "trong tệp gốc (trang, đoạn, bảng, dòng).",
    "Đối chiếu từng dòng với báo cáo gốc; ở cột 'Sử dụng (Có/Không)' giữ 'Có' nếu số liệu đúng, chọn "
    "'Không' nếu sai hoặc không dùng.",
    f"Cột '{QUALIFIERS_HEADER}': điều báo cáo nói kèm số liệu, dự thảo in cùng con số — {ALLOWED} "
    "('hơn' đứng sau 'tăng', 'giảm' được in là 'trên'); nhiều ghi chú cách nhau bằng '; '. Xóa ghi chú báo cáo "
    "không nói; số ước tính ghi ở cột 'Ước tính'.",
    "Có thể sửa Giá trị, Đơn vị, Kỳ (mã như 2024, 9M-2025) hoặc Phạm vi (tên tỉnh, region, national) "
    "nếu trích chưa đúng; không đổi tên trang tính và dòng tiêu đề.",
    "Dòng có mã chỉ tiêu 'other' hoặc 'provinces_count' là số liệu chưa xác định được chỉ tiêu: để sẵn "
    "'Không' và không được dùng kể cả khi ghi 'Có' (như khi đọc thẳng báo cáo); muốn dùng, sửa mã chỉ tiêu.",
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
            YES if figure.estimate else NO, fmt_qualifier_words(item.qualifiers), figure.quote, figure.location,
            figure.file, item.issuer or "", YES if figure.indicator in USABLE else NO]


def render_review(items: list[Reported]) -> bytes:
    """Return the review workbook of *items* as .xlsx bytes (every row accepted until a person says no)."""
    from openpyxl import Workbook

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
    for (_, field), width in zip(COLUMNS, WIDTHS):
        sheet.column_dimensions[_letter(field)].width = width
    _add_choices(sheet, max(sheet.max_row, 2))
    _explain_refused(sheet)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(GUIDE_SHEET)
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _explain_refused(sheet) -> None:
    """Give each row written "Không" (an unclassified figure) a comment on its Sử dụng cell saying why."""
    from openpyxl.comments import Comment

    column = _letter("accept")
    for line in range(2, sheet.max_row + 1):
        if sheet[f"{column}{line}"].value == NO:
            sheet[f"{column}{line}"].comment = Comment(UNCLASSIFIED, "briefgen")


def _add_choices(sheet, last: int) -> None:
    """Give the columns Sử dụng, Ước tính and Ghi chú định lượng their drop-down lists, rows 2 to *last*."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = (("accept", DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False,
                                       showErrorMessage=True, errorTitle="Sử dụng", error=f"Chọn {YES} hoặc {NO}.")),
             ("estimate", DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False)),
             ("qualifiers", DataValidation(type="list", formula1=f'"{",".join(CHOICES)}"', allow_blank=True,
                                           showErrorMessage=True, errorTitle=QUALIFIERS_HEADER,
                                           error=f"Chọn trong danh sách ({ALLOWED}) hoặc để trống.")))
    for field, validation in lists:
        column = _letter(field)
        validation.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(validation)


def _letter(field: str) -> str:
    """Return the column letter of *field* in a sheet written now."""
    return _LETTERS[[f for _, f in COLUMNS].index(field)]


def _fields(grid) -> list[str] | None:
    """Return the fields of the columns of *grid*, by its header (this one or an older one), or None."""
    if grid.sheet != REVIEW_SHEET or not grid.rows:
        return None
    for header in HEADERS:
        if tuple(c.value for c in grid.rows[0][:len(header)]) == header:
            return [dict(COLUMNS)[h] for h in header]
    return None


def is_review(path: Path | str) -> bool:
    """Return whether *path* is a review sheet (its first sheet "Rà soát" starts with a review header)."""
    try:
        grid = read_grid(Path(path))
    except UnreadableForm:
        return False
    return _fields(grid) is not None


@dataclass
class _Row:
    """One data row of the sheet, its cells by field, and the problems found in it."""

    path: Path
    cells: dict[str, RawCell]
    problems: list[Problem]

    def text(self, field: str) -> str:
        """Return the cell of *field* as stripped text ("" when empty or the sheet has no such column)."""
        value = self.cells[field].value if field in self.cells else None
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


def _qualifiers(row: _Row) -> tuple[str, ...]:
    """Return the qualifiers of *row*'s Ghi chú định lượng cell (none after noting an unknown word)."""
    try:
        return parse_qualifier_words(row.text("qualifiers"))
    except ValueError as error:
        row.error("qualifiers", str(error))
        return ()


def _reported(row: _Row) -> Reported | None:
    """Return the accepted figure of *row*, or None (refused, or an error noted)."""
    accept, estimate, number = row.choice("accept"), row.choice("estimate"), _number(row)
    qualifiers = _qualifiers(row)
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
    return Reported(figure, row.text("issuer") or None, qualifiers)


@dataclass(frozen=True)
class ReviewRows:
    """The rows of a review sheet a draft can use, and warnings for accepted rows left out."""

    items: tuple[Reported, ...]
    warnings: tuple[Problem, ...]


def read_review(path: Path | str) -> list[Reported]:
    """Return the accepted figures of the review sheet at *path* the draft can use (see read_review_rows)."""
    return list(read_review_rows(path).items)


def read_review_rows(path: Path | str) -> ReviewRows:
    """Return the accepted, usable figures of the review sheet at *path*, with warnings for those left out.

    An accepted row of an unclassified indicator is left out, as reading the report itself
    leaves it out (one warning for them all); of rows stating the same figure the first is used
    (a warning names both cells). Raise FormValidationError listing every cell in error.
    """
    path = Path(path)
    try:
        grid = read_grid(path)
    except UnreadableForm as error:
        raise ReviewSheetError([Problem(place(path, error.sheet, error.ref), str(error), ERROR)]) from None
    fields = _fields(grid) or [f for _, f in COLUMNS]
    accepted, problems = [], []
    for cells in grid.rows[1:]:
        if all(c.empty for c in cells):
            continue
        padded = list(cells) + [RawCell(f"{_LETTERS[i]}{_line(cells)}", None)
                                for i in range(len(cells), len(fields))]
        row = _Row(path, dict(zip(fields, padded)), [])
        item = _reported(row)
        problems += row.problems
        if item is not None:
            accepted.append((row.cells["indicator"].ref, item))
    if problems:
        raise ReviewSheetError(problems)
    return _usable(path, accepted)


def _usable(path: Path, accepted: list[tuple[str, Reported]]) -> ReviewRows:
    """Return the usable items of *accepted* (cell, item) pairs, warning about the rest."""
    unclassified = [ref for ref, item in accepted if item.figure.indicator not in USABLE]
    warnings = [] if not unclassified else [Problem(place(path, REVIEW_SHEET, unclassified[0]), (
        f"{len(unclassified)} dòng ghi '{YES}' có chỉ tiêu chưa xác định ({', '.join(unclassified[:5])}"
        f"{', …' if len(unclassified) > 5 else ''}): không dùng, như khi đọc thẳng báo cáo; muốn dùng, "
        f"ghi mã chỉ tiêu ở cột 'Mã chỉ tiêu'"), WARNING)]
    firsts: dict[tuple[str, str, str], tuple[str, Reported]] = {}
    for ref, item in accepted:
        figure = item.figure
        if figure.indicator not in USABLE:
            continue
        first = firsts.setdefault((figure.indicator, figure.scope, figure.period), (ref, item))
        if first[1] is not item:
            warnings.append(_repeated(path, first, (ref, item)))
    return ReviewRows(tuple(item for _, item in firsts.values()), tuple(warnings))


def _repeated(path: Path, first: tuple[str, Reported], other: tuple[str, Reported]) -> Problem:
    """Return the warning for a row stating the same figure as an earlier one (the earlier one is used)."""
    (kept, one), (dropped, two) = first, other
    figure = two.figure
    where = {"region": "khu vực", "national": "cả nước"}.get(figure.scope, figure.scope)
    return Problem(place(path, REVIEW_SHEET, dropped), (
        f"dòng {_digits(dropped)} và dòng {_digits(kept)} cùng ghi {label_of(figure.indicator)} của {where}, "
        f"{parse_period(figure.period).label}: dùng {_amount(one)} ({REVIEW_SHEET}!{kept}), bỏ {_amount(two)} "
        f"({REVIEW_SHEET}!{dropped}); cần kiểm tra"), WARNING)


def _amount(item: Reported) -> str:
    return fmt_quantity(item.figure.value, item.figure.unit)


def _digits(ref: str) -> str:
    return "".join(ch for ch in ref if ch.isdigit())


def _line(cells: list[RawCell]) -> str:
    return _digits(cells[0].ref)
