"""Issue 8, class 4: ordinary mistakes are one Vietnamese line and exit 1; usage errors speak
Vietnamese and exit 2. (Class 5, bugs that exit 3, is tests/test_internal_errors.py.)
"""

from __future__ import annotations

import argparse
import csv
import errno
import shutil
from pathlib import Path

import pytest

import briefgen.api
from briefgen.cli import EXIT_CODES
from briefgen.sources.tables.cache import DATA_FILES
from cli_helpers import draft, run

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
SEED = PROJECT / "seeds" / "000_f8b9d7aac47d0da0.txt"
ENGLISH = ("usage:", "error:", "invalid", "unrecognized", "required", "expected", "options:",
           "show this help", "argument", "Traceback")
RANGE = "chỉ soạn được cho các năm 2013–2030 (editions.csv ghi các kỳ hội nghị từ năm 2013 đến năm 2025)"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


# -- usage errors: Vietnamese, exit 2 (11 command lines) ------------------------------------------

@pytest.mark.parametrize("argv, message", [
    (["--year", "abc", "--host", "x"], "briefgen: lỗi: tham số --year: cần số nguyên, gặp 'abc'"),
    (["--year", "2025", "--host", "x", "--bogus"], "briefgen: lỗi: không hiểu tham số: --bogus"),
    ([], "briefgen: lỗi: thiếu tham số bắt buộc: --year"),
    (["--year"], "briefgen: lỗi: tham số --year: cần một giá trị"),
    (["--year", "2025", "--date", "17/10/2025", "--host", "x"],
     "briefgen: lỗi: tham số --date: ngày không hợp lệ '17/10/2025', cần dạng YYYY-MM-DD"),
    (["extract"], "briefgen extract: lỗi: thiếu tham số bắt buộc: FILE"),
    (["extract", "--format", "xml", "a.txt"],
     "briefgen extract: lỗi: tham số --format: lựa chọn không hợp lệ 'xml' (chọn một trong: 'csv', 'json', 'xlsx')"),
    (["extract", "a.txt", "-o"], "briefgen extract: lỗi: tham số -o/--output: cần một giá trị"),
    (["check-data", "--strict=1"], "briefgen check-data: lỗi: tham số --strict: tham số không nhận giá trị, gặp '1'"),
    (["form", "--year", "x"], "briefgen form: lỗi: tham số --year: cần số nguyên, gặp 'x'"),
    (["form"], "briefgen form: lỗi: thiếu tham số bắt buộc: --year"),
])
def test_usage_errors_speak_vietnamese(argv, message, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err.startswith("cách dùng: briefgen") and err.endswith(message + "\n")
    assert not [word for word in ENGLISH if word in err]


@pytest.mark.parametrize("argv", [["--help"], ["extract", "-h"], ["check-data", "--help"], ["form", "-h"]])
def test_help_speaks_vietnamese(argv, capsys):
    code, out, _ = run(argv, capsys)
    assert code == 0 and out.startswith("cách dùng: briefgen")
    assert "tùy chọn:" in out and "in hướng dẫn này rồi thoát" in out
    assert not [word for word in ENGLISH if word in out]


def test_argparse_is_restored_for_other_parsers(capsys):
    run(["--year", "abc"], capsys)
    assert "usage:" in argparse.ArgumentParser(prog="other").format_usage()


def test_exit_codes_are_documented(capsys):
    assert all(f"{code} " in EXIT_CODES for code in (0, 1, 2, 3, 130, 143))
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{code}` |" in readme for code in (0, 1, 2, 3, 130, 143))


# -- years: one line, exit 1, nothing written (8 command lines) -----------------------------------

@pytest.mark.parametrize("year", ["0", "-5", "99999", "2012", "2031"])
def test_a_year_without_edition_is_one_line(year, tmp_path, capsys):
    code, out, err = run(["--year", year, "--host", "Tuyên Quang", "--out", str(tmp_path / "out")], capsys)
    assert (code, out) == (1, "")
    assert err == f"Lỗi: không soạn được cho năm {year}: {RANGE}\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [["--year", "2025", "--year", "0", "--host", "Hà Nội"],
                                  ["--year", "0", "--all-hosts"], ["form", "--year", "99999"]])
def test_years_out_of_range_in_batches_and_forms(argv, tmp_path, capsys):
    code, out, err = run(argv + ["-o" if argv[0] == "form" else "--out", str(tmp_path / "out")], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("Lỗi: không soạn được cho năm ") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


# -- data folders: file, line, column (7 tables × control character, and 9 other faults) ----------

CONTROL = ["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe"]


@pytest.mark.parametrize("table, char", list(zip(DATA_FILES, CONTROL)))
def test_a_control_character_in_any_table_names_line_and_column(table, char, data_copy, tmp_path, capsys):
    path = data_copy / table
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][0] = char + rows[1][0]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, out, err = run(draft(tmp_path / "out", "--data-dir", str(data_copy)), capsys)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (f"Lỗi: {path}, dòng 2, cột '{rows[0][0]}': ô chứa ký tự điều khiển "
                                   f"U+{ord(char):04X} ở vị trí 1; văn bản không được có ký tự này")
    assert not (tmp_path / "out").exists()


def test_a_control_character_after_a_line_break_in_a_cell_names_its_own_line(data_copy, capsys):
    path = data_copy / "task_groups.csv"
    text = path.read_text(encoding="utf-8").replace("quán triệt", "quán\ntriệt\x02", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(draft(data_copy.parent / "out", "--data-dir", str(data_copy)), capsys)
    assert code == 1 and err.startswith(f"Lỗi: {path}, dòng 3, cột 'text': ô chứa ký tự điều khiển U+0002 "
                                        "ở vị trí 11;")


def test_a_control_character_in_a_header_is_named(data_copy, tmp_path, capsys):
    path = data_copy / "provinces.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("kind", "ki\x1bnd", 1), encoding="utf-8")
    code, _, err = run(draft(tmp_path / "out", "--data-dir", str(data_copy)), capsys)
    assert code == 1 and err.startswith(f"Lỗi: {path}, dòng 1: tiêu đề cột thứ 2 chứa ký tự điều khiển "
                                        "U+001B ở vị trí 3;")


@pytest.mark.parametrize("line, message", [
    ('phia_bac,2026,XII,inferred,,unconfirmed,,,2025,"x\n',
     "dấu ngoặc kép mở ô này không được đóng trước khi hết tệp"),
    ('phia_bac,2026,XII,inferred,,unconfirmed,,,2025,"x"y,\n', "sau dấu ngoặc kép đóng ô phải là dấu phẩy"),
    ("phia_bac,2026," + "X" * 200_000 + "\n", "ô dài quá 131072 ký tự"),
])
def test_broken_quoting_names_the_line(line, message, data_copy, tmp_path, capsys):
    path = data_copy / "editions.csv"
    lines = path.read_text(encoding="utf-8").count("\n")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
    code, _, err = run(draft(tmp_path / "out", "--data-dir", str(data_copy)), capsys)
    assert code == 1 and err.splitlines()[0] == f"Lỗi: {path}, dòng {lines + 1}: sai cấu trúc CSV: {message}"


def _not_utf8(path: Path) -> str:
    original = path.read_bytes()
    path.write_bytes(original + "Hà\n".encode("cp1258"))   # 'à' is 0xe0 in Windows-1258
    line = original.count(b"\n") + 1
    return (f"{path}, dòng {line}: không phải UTF-8 "
            f"(byte 0xe0 ở vị trí {len(original) + 1})")


def _missing(path: Path) -> str:
    path.unlink()
    return f"{path}: không tìm thấy tệp dữ liệu"


def _folder_as_table(path: Path) -> str:
    path.unlink()
    path.mkdir()
    return f"{path}: không đọc được tệp: là thư mục, cần một tệp"


def _file_as_folder(path: Path) -> str:
    shutil.rmtree(path.parent)
    path.parent.write_text("not a folder", encoding="utf-8")
    return f"{path.parent}: là một tệp, cần thư mục dữ liệu chứa các bảng CSV"


def _no_folder(path: Path) -> str:
    shutil.rmtree(path.parent)
    return f"{path.parent}: không tìm thấy thư mục dữ liệu"


@pytest.mark.parametrize("break_it", [_not_utf8, _missing, _folder_as_table, _file_as_folder, _no_folder])
@pytest.mark.parametrize("command, table", [("draft", "targets.csv"), ("check-data", "indicators.csv"),
                                            ("form", "editions.csv")])
def test_a_broken_data_folder_is_one_line(break_it, command, table, data_copy, tmp_path, capsys):
    message = break_it(data_copy / table)
    argv = {"draft": draft(tmp_path / "out", "--data-dir", str(data_copy)),
            "check-data": ["check-data", "--data-dir", str(data_copy)],
            "form": ["form", "--year", "2025", "-o", str(tmp_path / "out" / "f.xlsx"),
                     "--data-dir", str(data_copy)]}[command]
    code, out, err = run(argv, capsys)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == f"Lỗi: {message}"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content, message", [
    (b"", "tệp rỗng"), (b"\xff\xfe b\xe1o c\xe1o", "không phải UTF-8 (byte 0xff ở vị trí 0); hãy lưu lại tệp ở mã UTF-8"),
])
def test_extract_on_an_unusable_file_is_one_line(content, message, tmp_path, capsys):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(content)
    code, out, err = run(["extract", str(path)], capsys)
    assert code == 1 and err == f"Lỗi: {path}: {message}\n"


@pytest.mark.parametrize("make, message", [(lambda p: p, "không tìm thấy tệp"),
                                           (lambda p: p.mkdir() or p, "là thư mục, không phải tệp văn bản")])
def test_extract_on_a_missing_file_or_a_folder_is_one_line(make, message, tmp_path, capsys):
    path = make(tmp_path / "x")
    code, _, err = run(["extract", str(path)], capsys)
    assert code == 1 and err == f"Lỗi: {path}: {message}\n"


def test_check_data_with_seeds_dir_a_file(capsys):
    code, _, err = run(["check-data", "--seeds-dir", str(SEED)], capsys)
    assert code == 1 and err.splitlines()[0] == f"Lỗi: {SEED}: không phải thư mục chứa các tệp seed"


# -- the user's environment: OSError → exit 1 naming the path (9 errnos) ---------------------------

@pytest.mark.parametrize("code, reason", [
    (errno.EACCES, "không có quyền truy cập"), (errno.EPERM, "hệ thống không cho phép thao tác này"),
    (errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EDQUOT, "đã vượt hạn mức dung lượng được cấp"),
    (errno.EROFS, "ổ đĩa chỉ cho phép đọc"), (errno.ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục"),
    (errno.EISDIR, "là thư mục, cần một tệp"), (errno.ENAMETOOLONG, "tên tệp hoặc đường dẫn quá dài"),
    (errno.ELOOP, "đường dẫn có vòng lặp liên kết tượng trưng (symlink)"),
])
def test_an_os_error_of_the_environment_is_a_user_error(code, reason, monkeypatch, tmp_path, capsys):
    def refuse(*args, **kwargs):
        raise OSError(code, "system words", "/srv/chung/ba\u0301o-ca\u0301o.docx")
    monkeypatch.setattr(briefgen.api, "build_briefing", refuse)
    exit_code, out, err = run(draft(tmp_path / "out"), capsys)
    assert (exit_code, out) == (1, "")
    assert err.splitlines()[0] == f"Lỗi: /srv/chung/ba\u0301o-ca\u0301o.docx: {reason}"
    assert "system words" not in err and not (tmp_path / "cache").exists()


def test_a_headline_in_a_unit_it_cannot_be_compared_in(data_copy, tmp_path, capsys):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if ",retail_sales,,1954,nghìn tỷ đồng," in line)
    lines[number - 1] = lines[number - 1].replace(",nghìn tỷ đồng,", ",tỷ USD,")
    path.write_text("".join(lines), encoding="utf-8")
    code, _, err = run(draft(tmp_path / "out", "--data-dir", str(data_copy)), capsys)
    assert code == 1 and err.splitlines()[0] == (f"Lỗi: {path}, dòng {number}, cột 'unit': đơn vị 'tỷ USD' "
                                                 "không dùng được cho retail_sales; dùng nghìn tỷ đồng hoặc tỷ đồng")


@pytest.mark.parametrize("content, message", [
    (None, "không tìm thấy tệp dữ liệu"), (b"\xff\n", "dòng 1: không phải UTF-8 (byte 0xff ở vị trí 0)"),
    (b"file,indicator,period,scope,value\nr.txt,\x07,2022,region,1\n",
     "dòng 2, cột 'indicator': ô chứa ký tự điều khiển U+0007 ở vị trí 1; văn bản không được có ký tự này"),
])
def test_extract_score_with_an_unusable_key(content, message, tmp_path, capsys):
    key = tmp_path / "key.csv"
    if content is not None:
        key.write_bytes(content)
    code, _, err = run(["extract", "--score", str(key), str(SEED)], capsys)
    assert code == 1 and err.splitlines()[0] == f"Lỗi: {key}{', ' if content else ': '}{message}"
