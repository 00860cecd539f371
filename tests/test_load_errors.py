"""Malformed data files get an error naming the file, the line and the column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.errors import DataFileError
from briefgen.sources.tables import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _replace_line(path: Path, line_number: int, transform) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line_number - 1] = transform(lines[line_number - 1])
    path.write_text("".join(lines), encoding="utf-8")
    return lines[line_number - 1]


def test_shipped_data_loads():
    dataset = load_dataset(DATA)
    assert len(dataset.figures) > 100 and len(dataset.task_groups) >= 10


@pytest.mark.parametrize("old, new, column", [
    (",false,confirmed,", ",maybe,confirmed,", "estimate"),
    (",tỷ đồng,", ",tỷ đồng,", None),
])
def test_bad_cell_names_file_line_and_column(data_copy, old, new, column):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    line_number = next(i for i, line in enumerate(lines, start=1) if old in line and i > 1)
    _replace_line(path, line_number, lambda line: line.replace(old, new, 1))
    if column is None:
        load_dataset(data_copy)  # unchanged content still loads
        return
    with pytest.raises(DataFileError) as error:
        load_dataset(data_copy)
    assert error.value.line == line_number and error.value.column == column
    assert str(error.value).startswith(f"{path}, dòng {line_number}, cột '{column}'")


def test_vietnamese_grouping_in_a_value_is_refused(data_copy):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    line_number = next(i for i, line in enumerate(lines, start=1) if ",1954," in line)
    _replace_line(path, line_number, lambda line: line.replace(",1954,", ',"1.954,0",', 1))
    with pytest.raises(DataFileError, match=r"dòng \d+, cột 'value'.*dấu chấm thập phân"):
        load_dataset(data_copy)


def test_bad_period_code(data_copy):
    path = data_copy / "editions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    line_number = next(i for i, line in enumerate(lines, start=1) if line.startswith("phia_bac,2023,"))
    _replace_line(path, line_number, lambda line: line.replace("2022;H1-2023", "2022;6 tháng đầu năm"))
    with pytest.raises(DataFileError, match=rf"editions.csv, dòng {line_number}, cột 'period'"):
        load_dataset(data_copy)


def test_missing_column_and_file(data_copy):
    path = data_copy / "task_groups.csv"
    _replace_line(path, 1, lambda line: line.replace("theme", "chu_de"))
    with pytest.raises(DataFileError, match=r"task_groups.csv, dòng 1: thiếu cột: theme"):
        load_dataset(data_copy)
    (data_copy / "targets.csv").unlink()
    path.write_text("", encoding="utf-8")


def test_ragged_csv_row_names_its_line(data_copy):
    path = data_copy / "resolutions.csv"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as handle:
        handle.write("2024,01/NQ-CP,2024-01-05,x,confirmed,annual,extra,cells\n")
    with pytest.raises(DataFileError, match=rf"resolutions.csv, dòng {line}:"):
        load_dataset(data_copy)


def test_not_utf8(data_copy):
    (data_copy / "targets.csv").write_bytes("year,indicator\n2023,t\xe1\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="không phải UTF-8"):
        load_dataset(data_copy)


def test_cli_reports_data_error_without_traceback_and_writes_nothing(data_copy, tmp_path, capsys):
    (data_copy / "provinces.csv").unlink()
    out = tmp_path / "out"
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data-dir", str(data_copy), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith(f"Lỗi: {data_copy / 'provinces.csv'}: không tìm thấy tệp dữ liệu")
    assert "Traceback" not in captured.err
    assert not out.exists()
