"""Issue 8, classes 4 (form files) and 8: broken or odd form files get one line, no figure is lost.

A 0-byte, corrupt or mislabelled file, an undecodable CSV, a control character, a missing
file or a folder: one Vietnamese line naming the file, exit 1, nothing written. A formula
without a cached value is computed when it is simple arithmetic, otherwise refused by
cell; a sheet with a styled cell at row 1,048,576 is read in streaming mode.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from briefgen.cli import main
from briefgen.forms.collect import check_files
from briefgen.sources.forms.layout import DATA_SHEET
from briefgen.sources.forms.read_forms import read_form
from forms_helpers import NINE_MONTHS, edit, fill, key

N = NINE_MONTHS
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "bieu-mau-2025-vi-du.xlsx"
WHERE = "bieu-mau.xlsx › Số liệu!"
TAIL = ["Lỗi: biểu mẫu có 1 lỗi; chưa soạn dự thảo, không ghi tệp nào",
        "Gợi ý: sửa các ô nêu trên rồi chạy lại (kiểm tra trước: briefgen form --check …)"]
FILE_TAIL = ["Lỗi: không đọc được 1 tệp dữ liệu; chưa soạn dự thảo, không ghi tệp nào",   # a whole file: no cell
             "Gợi ý: kiểm tra đường dẫn và loại tệp (biểu mẫu .xlsx/.csv, báo cáo, dự thảo .docx)"]
GOOD = {"Tuyên Quang": {key("retail_sales", N, "value"): 45000, key("retail_sales", N, "previous"): 40000,
                        key("retail_sales", N, "growth"): 12.5, key("iip_growth", N, "growth"): 11}}


@pytest.fixture
def form(tmp_path, dataset, layout):
    return fill(layout, dataset, tmp_path / "bieu-mau.xlsx", GOOD)


def build(data: Path, out: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(data), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def one_problem(path: Path) -> str:
    [problem] = read_form(path).problems
    return str(problem)


def _cp1258(text: str) -> bytes:
    """Return *text* as Windows-1258 (tone marks as combining characters), as Excel saves it."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            rest = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
            out.append((rest + "".join(tones)).encode("cp1258"))
    return b"".join(out)


# --- class 4: files that are not what they say ---------------------------------------------

BROKEN_FILES = [
    ("trong.xlsx", b"", "trong.xlsx: tệp rỗng (0 byte)"),
    ("trong.csv", b"", "trong.csv: tệp rỗng (0 byte)"),
    ("hong.xlsx", b"PK\x03\x04" + b"\x00" * 200, "hong.xlsx: không mở được tệp Excel: tệp hỏng hoặc không "
                                                  "phải .xlsx — mở tệp trong Excel, lưu lại rồi gửi lại"),
    ("van-ban.xlsx", "stt,province\n1,Hà Nội\n".encode(), "van-ban.xlsx: tệp có đuôi .xlsx nhưng là tệp văn "
                                                          "bản (CSV?); nếu là biểu mẫu CSV, đổi đuôi tệp thành .csv"),
    ("rac.xlsx", bytes(range(256)) * 4, "rac.xlsx: tệp có đuôi .xlsx nhưng không phải tệp Excel .xlsx (tệp "
                                        "hỏng?); mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại"),
    ("cu.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
     "cu.xlsx: tệp Excel 97-2003 (.xls) không đọc được; mở bằng Excel và lưu lại dạng .xlsx"),
    ("bieu-mau.xls", b"\xd0\xcf\x11\xe0", "bieu-mau.xls: chỉ đọc được tệp .xlsx hoặc .csv theo biểu mẫu "
                                          "của briefgen"),
    ("khong-ma.csv", b"stt,province\n1,H\x81 N\x90i\n",
     "khong-ma.csv: không đọc được bảng mã ký tự của tệp (không phải UTF-8); trong Excel chọn Lưu dạng "
     "\"CSV UTF-8\" rồi gửi lại"),
    ("dai.csv", b'stt,province\n1,"' + b"x" * 200_000 + b'"\n',
     "dai.csv: sai cấu trúc CSV ở dòng 2: field larger than field limit (131072)"),
]


@pytest.mark.parametrize("name, content, message", BROKEN_FILES, ids=[c[0] for c in BROKEN_FILES])
def test_a_broken_file_is_one_line_naming_it(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, lines = build(path, tmp_path / "out", capsys)
    assert (code, lines) == (1, [f"Lỗi: {message}", *FILE_TAIL])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name, message", [
    ("bieu-mau.csv", "bieu-mau.csv: tệp có đuôi .csv nhưng là tệp Excel (.xlsx); đổi đuôi tệp thành .xlsx"),
    ("bieu\x07mau.xlsx", "bieu\\u0007mau.xlsx: tên tệp chứa ký tự điều khiển; đổi tên tệp rồi chạy lại"),
])
def test_a_good_workbook_under_a_bad_name(tmp_path, capsys, name, message):
    path = tmp_path / name
    shutil.copy(EXAMPLE, path)
    code, lines = build(path, tmp_path / "out", capsys)
    assert (code, lines) == (1, [f"Lỗi: {message}", *FILE_TAIL])


@pytest.mark.parametrize("kind", ["missing", "folder", "folder.xlsx"])
def test_data_pointing_at_a_missing_file_or_a_folder(tmp_path, capsys, kind):
    path = tmp_path / ("thieu.xlsx" if kind == "missing" else kind)
    if kind != "missing":
        path.mkdir()
    message = "không tìm thấy tệp" if kind == "missing" else \
        "là thư mục, không phải tệp biểu mẫu; ghi tên từng tệp (ví dụ thu-muc/*.xlsx)"
    code, lines = build(path, tmp_path / "out", capsys)
    assert (code, lines) == (1, [f"Lỗi: {path.name}: {message}", *FILE_TAIL])
    assert not (tmp_path / "out").exists()


def test_a_windows_1258_csv_is_read(tmp_path, dataset, layout):
    utf8 = fill(layout, dataset, tmp_path / "bieu-mau.csv", GOOD)
    text = utf8.read_text(encoding="utf-8")
    legacy = tmp_path / "bieu-mau-1258.csv"
    legacy.write_bytes(_cp1258(text))
    assert legacy.read_bytes() != utf8.read_bytes()
    reports, problems = check_files([legacy], layout, dataset)
    assert [p for p in problems if p.is_error] == []
    assert [r.name for r in reports] == ["Tuyên Quang"]


@pytest.mark.parametrize("control", ["\x01", "\x0c", "\x1b", "\x7f"])
def test_a_control_character_in_a_csv_field(tmp_path, dataset, layout, capsys, control):
    path = fill(layout, dataset, tmp_path / "bieu-mau.csv",
                {"Tuyên Quang": {**GOOD["Tuyên Quang"], "note": f"ghi{control}chú"}})
    code, lines = build(path, tmp_path / "out", capsys)
    assert code == 1 and lines[0].startswith("Lỗi: bieu-mau.csv › ")
    assert lines[0].endswith(f": ô chứa ký tự điều khiển U+{ord(control):04X}, không in được; xóa ký tự "
                             f"này rồi lưu lại")
    assert not (tmp_path / "out").exists()


def test_form_output_into_a_missing_folder_is_created(tmp_path, capsys):
    target = tmp_path / "chua" / "co" / "bieu-mau.csv"
    assert main(["form", "--year", "2025", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count("\n") > 18
    assert sorted(p.name for p in target.parent.iterdir()) == ["bieu-mau.csv"]     # no temporary left


def test_form_output_under_a_file_is_one_line(tmp_path, capsys):
    (tmp_path / "tep").write_text("x")
    code = main(["form", "--year", "2025", "-o", str(tmp_path / "tep" / "bieu-mau.xlsx")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines() == [
        f"Lỗi: không ghi được biểu mẫu vào {tmp_path / 'tep' / 'bieu-mau.xlsx'}: trên đường dẫn có một tệp "
        f"ở chỗ cần thư mục", "Gợi ý: chọn thư mục ghi được (-o THƯ-MỤC/tệp.xlsx)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tep"]


# --- class 8: formulas without a cached value, a sheet claiming a million rows ----------------

def test_simple_formulas_without_cached_values_are_computed(form, layout, dataset):
    edit(form, {"V17": "=X17*1.125", "Y17": "=($V$17/X17-1)*100"})       # 45.000 and 12,5%
    reports, problems = check_files([form], layout, dataset)
    assert [p for p in problems if p.is_error] == []
    [report] = [r for r in reports if r.name == "Tuyên Quang"]
    [entry] = [e for e in report.entries if e.measure.indicator == "retail_sales" and e.period == N]
    assert (entry.value, entry.growth) == (45000, 12.5)


@pytest.mark.parametrize("formula, reason", [
    ("=SUM(X7:X17)", "công thức có hàm hoặc tham chiếu ngoài trang tính, briefgen chỉ tính được + - * / giữa "
                     "các số và ô cùng trang"),
    ("='Tham khảo'!C5", "công thức có hàm hoặc tham chiếu ngoài trang tính, briefgen chỉ tính được + - * / "
                        "giữa các số và ô cùng trang"),
    ("=X17/0", "phép tính lỗi (chia cho 0 hoặc số quá lớn)"),
    ("=B17*2", "ô B17 không chứa số"),
    ("=V17+1", "chuỗi tham chiếu quá dài hoặc vòng tròn"),
    ("=(X17", "thiếu dấu ngoặc đóng"),
])
def test_a_formula_briefgen_cannot_compute_is_refused_by_cell(form, layout, dataset, capsys, tmp_path,
                                                             formula, reason):
    edit(form, {"V17": formula})
    code, lines = build(form, tmp_path / "out", capsys)
    assert (code, lines) == (1, [f"Lỗi: {WHERE}V17: ô chứa công thức '{formula}' chưa có giá trị tính sẵn: "
                                 f"{reason}; mở tệp trong Excel, lưu lại rồi gửi lại", *TAIL])
    assert not (tmp_path / "out").exists()


def test_a_formula_in_a_csv_is_refused(tmp_path, dataset, layout):
    path = fill(layout, dataset, tmp_path / "bieu-mau.csv",
                {"Tuyên Quang": {key("retail_sales", N, "value"): "=X17+1", key("iip_growth", N, "growth"): 11}})
    [error] = [str(p) for p in check_files([path], layout, dataset)[1] if p.is_error]
    assert error.endswith(": ô chứa công thức '=X17+1'; tệp CSV không lưu kết quả tính, ghi số thay cho "
                          "công thức")


def _far_cell(path: Path, value) -> Path:
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    sheet["C1048576"].font = Font(bold=True)
    sheet["C1048576"] = value
    book.save(path)
    return path


def test_a_styled_empty_cell_at_the_last_row_is_only_formatting(tmp_path, capsys):
    path = _far_cell(shutil.copy(EXAMPLE, tmp_path / "bieu-mau.xlsx"), None)
    sheet = read_form(path)
    assert sheet.problems == () and len(sheet.rows) == 19     # 18 provinces and "Cả nước"
    assert main(["form", "--year", "2025", "--check", str(path)]) == 0
    assert "0 lỗi" in capsys.readouterr().out


def test_a_value_at_the_last_row_is_refused_with_its_cell(tmp_path, capsys):
    path = _far_cell(shutil.copy(EXAMPLE, tmp_path / "bieu-mau.xlsx"), 5)
    code, lines = build(path, tmp_path / "out", capsys)
    assert (code, lines) == (1, [f"Lỗi: {WHERE}C1048576: ô có dữ liệu ngoài vùng của biểu mẫu (1000 dòng "
                                 f"đầu); xóa các dòng thừa rồi lưu lại", *TAIL])
    assert not (tmp_path / "out").exists()


def test_a_lying_dimension_does_not_hide_rows(form, layout, dataset):
    import zipfile
    with zipfile.ZipFile(form) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and b"<dimension" in data:
            start = data.index(b"<dimension")
            parts[name] = data[:start] + b'<dimension ref="A1"/>' + data[data.index(b">", start) + 1:]
    with zipfile.ZipFile(form, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    reports, _ = check_files([form], layout, dataset)
    assert "Tuyên Quang" in [r.name for r in reports]


def test_a_device_is_refused_without_reading_it_and_without_noise(tmp_path, capsys):
    path = tmp_path / "zero.csv"
    path.symlink_to("/dev/zero")                   # read whole, it would never end
    assert main(["form", "--year", "2025", "--check", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "Lỗi: zero.csv: không phải tệp thông thường (thiết bị, ống dẫn…); ghi tên tệp biểu mẫu"]


def _stored_as_number(path: Path, text: str) -> Path:
    """Return *path* (a copy of the example) with cell E10, a number cell, holding *text* as its value."""
    import zipfile
    with zipfile.ZipFile(EXAMPLE) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    cell = b'<c r="E10" s="11" t="n"><v>10000</v></c>'
    [sheet] = [n for n, data in parts.items() if cell in data]
    parts[sheet] = parts[sheet].replace(cell, cell.replace(b"10000", text.encode()))
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("text", ["NaN", "abc", "1,5", "9" * 60 + "x"])
def test_a_number_cell_holding_no_number_is_named(tmp_path, capsys, text):
    path = _stored_as_number(tmp_path / "bieu-mau.xlsx", text)
    code, lines = build(path, tmp_path / "out", capsys)
    quoted = text if len(text) <= 40 else f"{text[:40]}… ({len(text)} ký tự)"
    assert (code, lines) == (1, [f"Lỗi: {WHERE}E10: ô được lưu là ô số nhưng chứa '{quoted}', không phải số; "
                                 f"mở tệp trong Excel, lưu lại rồi gửi lại", *TAIL])
    assert not (tmp_path / "out").exists()
