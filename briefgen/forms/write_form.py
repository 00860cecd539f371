"""Write the form sent to the provinces: an Excel workbook (or CSV) in the layout of one year.

Sheets: "Hướng dẫn" (how to fill it), "Số liệu" (one row per province, Vietnamese headers,
units, drop-down lists and number validation, last year's known values filled in) and
"Tham khảo" (what earlier editions reported for each province, mapped onto today's units).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from briefgen.analyze.across_merger import COMPARED, map_onto, old_units, parts_for
from briefgen.dates import fmt_date_short
from briefgen.domain.dataset import Dataset
from briefgen.domain.indicators import label_of
from briefgen.domain.measures import measures, national_measures
from briefgen.domain.period import previous_period
from briefgen.domain.province import Province
from briefgen.numbers import fmt_number
from briefgen.output import write_atomic
from briefgen.sources.forms.layout import (DATA_SHEET, FIELD_HEADERS, FIRST_DATA_ROW, GUIDE_SHEET, KEY_ROW,
                                           MEASURE_ROW, NATIONAL, PERIOD_ROW, REFERENCE_SHEET, TITLE_ROW,
                                           INFO_ROW, FIELD_ROW, FormLayout)
from briefgen.sources.forms.read_forms import EXAMPLE_MARK

AUTHOR = "briefgen"
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
KNOWN_FILL = PatternFill("solid", fgColor="EDEDED")
EXAMPLE_FILL = PatternFill("solid", fgColor="FFC7CE")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
NUMBER_FORMAT = "#,##0.0##"
EXAMPLE_BANNER = f"{EXAMPLE_MARK} – SỐ LIỆU GIẢ ĐỊNH, KHÔNG CÓ THẬT, CHỈ ĐỂ MINH HỌA CÁCH ĐIỀN BIỂU MẪU"


@dataclass(frozen=True)
class KnownValue:
    """Last year's value of a cell, mapped onto today's unit, with where it came from."""

    value: Decimal
    note: str


def known_previous(dataset: Dataset, layout: FormLayout, province: Province) -> dict[str, KnownValue]:
    """Return the "same period last year" cells briefgen can fill in from earlier editions."""
    known: dict[str, KnownValue] = {}
    for period in layout.periods:
        before = previous_period(period)
        for measure in measures():
            if measure.is_index:
                continue
            mapped = map_onto(dataset, province, measure.indicator, before, layout.year)
            if mapped.total is None:
                continue
            parts = "; ".join(f"{f.scope} {fmt_number(f.value)} {f.unit} (nguồn: {f.source})"
                              for f in mapped.found)
            how = " – cộng theo địa giới mới" if mapped.merged else ""
            key = layout.column(measure.indicator, period, "previous").key
            known[key] = KnownValue(mapped.total, f"Đã điền sẵn từ số liệu các kỳ trước{how}: {parts}. "
                                                  f"Sửa nếu số liệu của địa phương khác.")
    return known


def write_form(layout: FormLayout, dataset: Dataset, path: Path | str,
               provinces: Sequence[Province] | None = None, example: bool = False,
               values: dict[str, dict[str, object]] | None = None) -> Path:
    """Write the form of *layout* to *path* (.xlsx or .csv) and return the path.

    *provinces* limits the rows (one province per file); *values* fills cells by
    province name and column key (used for examples and tests).
    """
    path = Path(path)
    rows = tuple(provinces) if provinces is not None else layout.provinces
    with_national = provinces is None
    if path.suffix.lower() == ".csv":
        data = render_csv(layout, dataset, rows, example, values, with_national).encode("utf-8")
    else:
        buffer = io.BytesIO()
        build_workbook(layout, dataset, rows, example, values, with_national).save(buffer)
        data = buffer.getvalue()
    write_atomic(path, data)      # creates the folder; never leaves half a file
    return path


def build_workbook(layout: FormLayout, dataset: Dataset, provinces: Sequence[Province],
                   example: bool = False, values: dict[str, dict[str, object]] | None = None,
                   with_national: bool = True) -> Workbook:
    """Return the workbook: instructions, the data sheet and the reference sheet."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    _write_guide(guide, layout, example)
    data = book.create_sheet(DATA_SHEET)
    _write_data(data, layout, dataset, provinces, example, values or {}, with_national)
    _write_reference(book.create_sheet(REFERENCE_SHEET), layout, dataset, provinces)
    book.active = 1
    props = book.properties
    props.title = f"Biểu mẫu số liệu Hội nghị ngành Công Thương khu vực phía Bắc năm {layout.year}"
    props.subject = f"Kỳ báo cáo: {layout.describe()}"
    props.keywords = f"briefgen; biểu mẫu; {layout.year}"
    props.creator = AUTHOR
    props.category = EXAMPLE_MARK if example else None
    return book


def _title(layout: FormLayout, example: bool) -> str:
    title = (f"BIỂU MẪU SỐ LIỆU NGÀNH CÔNG THƯƠNG – HỘI NGHỊ NGÀNH CÔNG THƯƠNG CÁC TỈNH, "
             f"THÀNH PHỐ KHU VỰC PHÍA BẮC NĂM {layout.year}")
    return f"{EXAMPLE_BANNER} – {title}" if example else title


def _guide_lines(layout: FormLayout) -> list[str]:
    units = "; ".join(f"{m.label}: {', '.join(m.unit_choices)}" for m in measures() if not m.is_index)
    return [
        f"Kỳ báo cáo: {layout.describe()}.",
        f"Mỗi tỉnh, thành phố điền một dòng ở trang \"{DATA_SHEET}\", theo đơn vị hành chính tại ngày "
        f"{fmt_date_short(layout.day)} ({len(layout.provinces)} tỉnh, thành phố). Có thể gửi cả tệp "
        f"hoặc tệp riêng của từng tỉnh; không thêm, bớt, đổi thứ tự cột.",
        "Ghi số, không ghi chữ: dấu phẩy thập phân theo kiểu Việt Nam (1.234,5) hoặc ô số của Excel. "
        "Đơn vị tính chọn trong danh sách của ô; không ghi đơn vị vào ô số liệu.",
        f"Đơn vị được dùng: {units}.",
        "Tốc độ tăng ghi bằng số phần trăm so với cùng kỳ năm trước (12,3 = tăng 12,3%; -4,5 = "
        "giảm 4,5%); với chỉ số sản xuất công nghiệp (IIP) ghi tốc độ tăng, không ghi chỉ số (112,3).",
        "Cột \"Cùng kỳ năm trước\": số liệu cùng kỳ năm trước theo địa giới hiện nay (đơn vị mới "
        "gồm cả các tỉnh cũ hợp nhất vào). Ô nền xám đã được điền sẵn từ số liệu các kỳ trước, "
        "có ghi chú nguồn; sửa nếu số liệu của địa phương khác.",
        "Cột \"Ước tính\": ghi x nếu số liệu là số ước tính.",
        f"Dòng \"{NATIONAL}\" (cuối bảng) do Bộ Công Thương điền nếu có số liệu cả nước, để so sánh.",
        "Trước khi tổng hợp, briefgen kiểm tra: tên tỉnh (kể cả tỉnh đã hợp nhất từ 01/7/2025), ô "
        "không phải số, đơn vị sai hoặc lẫn lộn, số âm, tốc độ tăng vượt ±500%, tốc độ tăng mâu thuẫn "
        "với thực hiện và cùng kỳ (lệch quá 1 điểm phần trăm), dòng trùng, tỉnh chưa gửi số liệu. "
        "Mỗi lỗi ghi rõ tệp, trang và ô.",
        f"Trang \"{REFERENCE_SHEET}\": số liệu theo địa phương đã báo cáo tại các kỳ hội nghị trước, "
        "quy về đơn vị hành chính hiện nay, để đối chiếu.",
    ]


def _write_guide(sheet, layout: FormLayout, example: bool) -> None:
    sheet.column_dimensions["A"].width = 120
    sheet["A1"] = _title(layout, example)
    sheet["A1"].font = Font(bold=True, size=13, color="C00000" if example else "000000")
    sheet["A1"].alignment = Alignment(wrap_text=True)
    row = 3
    if example:
        sheet.cell(row, 1, EXAMPLE_BANNER).font = Font(bold=True, color="C00000")
        sheet.cell(row, 1).fill = EXAMPLE_FILL
        row += 2
    sheet.cell(row, 1, "HƯỚNG DẪN ĐIỀN BIỂU MẪU").font = Font(bold=True)
    for number, line in enumerate(_guide_lines(layout), start=1):
        cell = sheet.cell(row + number, 1, f"{number}. {line}")
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _merge(sheet, row: int, first: int, last: int, text: str) -> None:
    cell = sheet.cell(row, first, text)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, WRAP, BOX


def _write_headers(sheet, layout: FormLayout, example: bool) -> None:
    last = layout.note_index
    sheet.cell(TITLE_ROW, 1, _title(layout, example)).font = Font(
        bold=True, size=12, color="C00000" if example else "000000")
    sheet.cell(INFO_ROW, 1, f"Kỳ báo cáo: {layout.describe()}. Đơn vị hành chính tại ngày "
                            f"{fmt_date_short(layout.day)}. Xem trang \"{GUIDE_SHEET}\".").font = Font(italic=True)
    for column, text in ((1, "STT"), (2, "Tỉnh, thành phố"), (last, "Ghi chú")):
        sheet.merge_cells(start_row=PERIOD_ROW, start_column=column, end_row=FIELD_ROW, end_column=column)
        cell = sheet.cell(PERIOD_ROW, column, text)
        cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, WRAP, BOX
    for period in layout.periods:
        in_period = [c for c in layout.columns if c.period == period]
        _merge(sheet, PERIOD_ROW, in_period[0].index, in_period[-1].index, period.label.capitalize())
        for measure in measures():
            own = [c for c in in_period if c.measure is measure]
            _merge(sheet, MEASURE_ROW, own[0].index, own[-1].index, measure.label)
            for column in own:
                header = FIELD_HEADERS[column.field]
                if column.field == "previous":
                    header = f"{header} ({previous_period(period).short_label})"
                _merge(sheet, FIELD_ROW, column.index, column.index, header)
    for index, key in enumerate(layout.keys, start=1):
        sheet.cell(KEY_ROW, index, key).font = Font(size=8, color="808080")
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.row_dimensions[FIELD_ROW].height = 45
    sheet.row_dimensions[MEASURE_ROW].height = 45


def _validations(sheet, layout: FormLayout, last_row: int) -> None:
    def add(validation: DataValidation, columns) -> None:
        for column in columns:
            validation.add(f"{column.letter}{FIRST_DATA_ROW}:{column.letter}{last_row}")
        sheet.add_data_validation(validation)

    by_field = {name: [c for c in layout.columns if c.field == name] for name in FIELD_HEADERS}
    for measure in measures():
        if measure.is_index:
            continue
        units = DataValidation(type="list", formula1='"' + ",".join(measure.unit_choices) + '"',
                               allow_blank=True, showErrorMessage=True, errorTitle="Đơn vị tính",
                               error="Chọn đơn vị trong danh sách.")
        add(units, [c for c in by_field["unit"] if c.measure is measure])
    amounts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                             showErrorMessage=True, errorTitle="Số liệu",
                             error="Ghi một số không âm, không kèm đơn vị.")
    add(amounts, by_field["value"] + by_field["previous"])
    growth = DataValidation(type="decimal", operator="between", formula1="-100", formula2="500",
                            allow_blank=True, showErrorMessage=True, errorTitle="Tốc độ tăng",
                            error="Ghi số phần trăm so với cùng kỳ, từ -100 đến 500 (12,3 = tăng 12,3%).")
    add(growth, by_field["growth"])
    estimate = DataValidation(type="list", formula1='"x"', allow_blank=True, showErrorMessage=True,
                              errorTitle="Ước tính", error="Ghi x nếu là số ước tính, hoặc để trống.")
    add(estimate, by_field["estimate"])


def _write_data(sheet, layout: FormLayout, dataset: Dataset, provinces: Sequence[Province],
                example: bool, values: dict[str, dict[str, object]], with_national: bool) -> None:
    _write_headers(sheet, layout, example)
    rows = [(p.name, known_previous(dataset, layout, p)) for p in provinces]
    if with_national:
        rows.append((NATIONAL, {}))
    for offset, (name, known) in enumerate(rows):
        row = FIRST_DATA_ROW + offset
        sheet.cell(row, 1, offset + 1 if name != NATIONAL else None).border = BOX
        sheet.cell(row, 2, name).border = BOX
        sheet.cell(row, 2).font = Font(bold=name == NATIONAL)
        for column in layout.columns:
            cell = sheet.cell(row, column.index)
            cell.border = BOX
            national_only = name == NATIONAL and column.measure.indicator not in national_measures()
            if national_only:
                cell.fill = KNOWN_FILL
                continue
            if column.field == "unit":
                unit = column.measure.region_unit if name == NATIONAL else column.measure.province_unit
                cell.value = unit
            elif column.field in ("value", "previous", "growth"):
                cell.number_format = NUMBER_FORMAT
            if column.key in known:
                cell.value = float(known[column.key].value)
                cell.fill = KNOWN_FILL
                cell.comment = Comment(known[column.key].note, AUTHOR, width=320, height=120)
            if column.key in values.get(name, {}):
                cell.value = values[name][column.key]
        sheet.cell(row, layout.note_index).border = BOX
        if "note" in values.get(name, {}):
            sheet.cell(row, layout.note_index, values[name]["note"])
    _validations(sheet, layout, FIRST_DATA_ROW + len(rows) - 1)
    sheet.column_dimensions["A"].width = 5
    sheet.column_dimensions["B"].width = 16
    for column in layout.columns:
        sheet.column_dimensions[column.letter].width = 9 if column.field == "estimate" else 12
    sheet.column_dimensions[get_column_letter(layout.note_index)].width = 30
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 3)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3


def reference_rows(layout: FormLayout, dataset: Dataset,
                   provinces: Sequence[Province]) -> list[tuple[str, ...]]:
    """Return, per province, the figures earlier editions reported for its territory."""
    rows = []
    for province in provinces:
        names = set(old_units(dataset, province)) | {province.name}
        figures = sorted((f for f in dataset.figures if f.scope in names and f.indicator in COMPARED
                          and not f.subject and f.printable and layout.year - 3 <= f.edition_year < layout.year),
                         key=lambda f: (f.edition_year, f.period, f.scope, COMPARED.index(f.indicator)))
        for figure in figures:
            merged = len(parts_for(dataset, province, figure.period)) > 1
            of = f"{figure.scope} (cũ)" if merged or figure.scope != province.name else figure.scope
            rows.append((province.name, of, label_of(figure.indicator).capitalize(),
                         figure.period.label, fmt_number(figure.value), figure.unit,
                         str(figure.edition_year), figure.source))
    return rows


def _write_reference(sheet, layout: FormLayout, dataset: Dataset, provinces: Sequence[Province]) -> None:
    header = ("Đơn vị hiện nay", "Số liệu của", "Chỉ tiêu", "Kỳ", "Giá trị", "Đơn vị",
              "Kỳ hội nghị", "Nguồn")
    sheet["A1"] = ("Số liệu theo địa phương đã báo cáo tại các kỳ hội nghị trước (theo địa giới khi đó), "
                   "xếp theo đơn vị hành chính hiện nay – để tham khảo, không cần sửa")
    sheet["A1"].font = Font(bold=True)
    for index, text in enumerate(header, start=1):
        cell = sheet.cell(3, index, text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, BOX
    rows = reference_rows(layout, dataset, provinces)
    if not rows:
        sheet.cell(4, 1, "Chưa có số liệu theo địa phương của các kỳ trước trong dữ liệu của briefgen.")
    for offset, values in enumerate(rows):
        for index, value in enumerate(values, start=1):
            sheet.cell(4 + offset, index, value)
    for letter, width in zip("ABCDEFGH", (16, 18, 48, 24, 10, 14, 10, 50)):
        sheet.column_dimensions[letter].width = width


def render_csv(layout: FormLayout, dataset: Dataset, provinces: Sequence[Province], example: bool = False,
               values: dict[str, dict[str, object]] | None = None, with_national: bool = True) -> str:
    """Return the CSV form: comment lines, the key row, then one row per province."""
    out = io.StringIO()
    out.write(f"# {_title(layout, example)}\n")
    out.write(f"# Kỳ báo cáo: {layout.describe()}. Số viết với dấu chấm thập phân, không phân nhóm "
              f"(1234.5). Cột: mã chỉ tiêu@kỳ:trường (value = thực hiện, previous = cùng kỳ năm trước, "
              f"growth = tăng %, estimate = x nếu ước tính).\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(layout.keys)
    names = [p.name for p in provinces] + ([NATIONAL] if with_national else [])
    by_name = {p.name: p for p in provinces}
    for number, name in enumerate(names, start=1):
        known = known_previous(dataset, layout, by_name[name]) if name in by_name else {}
        filled = (values or {}).get(name, {})
        row = [str(number) if name != NATIONAL else "", name]
        for column in layout.columns:
            cell = ""
            if column.field == "unit" and (name != NATIONAL or column.measure.indicator in national_measures()):
                cell = column.measure.region_unit if name == NATIONAL else column.measure.province_unit
            if column.key in known:
                cell = str(known[column.key].value)
            if column.key in filled:
                cell = str(filled[column.key])
            row.append(cell)
        row.append(str(filled.get("note", "")))
        writer.writerow(row)
    return out.getvalue()
