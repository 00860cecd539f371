"""Issue 8, class 3: impossible values are refused where they are typed, never printed.

NaN, infinities, 1e309, 1e-400, 5000-digit numbers and negative levels or counts in
``data/indicators.csv`` or in a form cell stop the run with file, line and column (or
file › sheet!cell), exit 1, nothing written; ``fmt_number`` refuses what is not a figure.
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.errors import DataFileError
from briefgen.forms.collect import check_files
from briefgen.numbers import NUMBER_PATTERN, fmt_change, fmt_number, parse_number
from briefgen.sources.tables import load_dataset
from forms_helpers import NINE_MONTHS, edit, fill, key

DATA = Path(__file__).resolve().parent.parent / "data"
HUGE = "9" * 5000
TINY = "0." + "0" * 399 + "1"
NOT_PLAIN = "cần số dạng 1234.5 (chỉ chữ số, dấu chấm thập phân, không dạng lũy thừa), gặp"


def _set_value(data_dir: Path, indicator: str, unit: str, value: str) -> int:
    """Write *value* into the first row of *indicator* in *unit*; return its line number."""
    path = data_dir / "indicators.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    index = next(i for i, row in enumerate(rows) if row[header.index("indicator")] == indicator
                 and row[header.index("unit")] == unit)
    rows[index][header.index("value")] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return index + 1


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


DATA_CASES = [
    ("retail_sales", "nghìn tỷ đồng", "NaN", f"{NOT_PLAIN} 'NaN'"),
    ("retail_sales", "nghìn tỷ đồng", "nan", f"{NOT_PLAIN} 'nan'"),
    ("retail_sales", "nghìn tỷ đồng", "inf", f"{NOT_PLAIN} 'inf'"),
    ("retail_growth", "%", "-inf", f"{NOT_PLAIN} '-inf'"),
    ("retail_sales", "nghìn tỷ đồng", "Infinity", f"{NOT_PLAIN} 'Infinity'"),
    ("retail_sales", "nghìn tỷ đồng", "1e309", f"{NOT_PLAIN} '1e309'"),
    ("retail_sales", "nghìn tỷ đồng", "1e-400", f"{NOT_PLAIN} '1e-400'"),
    ("retail_sales", "nghìn tỷ đồng", TINY, "số quá nhỏ (dưới 0,000001), kiểm tra lại: '0.0000000"),
    ("retail_sales", "nghìn tỷ đồng", HUGE, "số quá lớn (từ 10^15 trở lên), kiểm tra lại số chữ số: "
                                            "'9999999999999999999999999999999999999999… (5000 ký tự)'"),
    ("retail_sales", "nghìn tỷ đồng", "1234567890.1234567",
     "số có quá 15 chữ số có nghĩa, kiểm tra lại: '1234567890.1234567'"),
    ("retail_sales", "nghìn tỷ đồng", "-1954",
     "retail_sales = -1954 nghìn tỷ đồng: giá trị này không thể âm (chỉ tốc độ tăng mới có thể âm)"),
    ("export_value", "tỷ USD", "-0.5",
     "export_value = -0.5 tỷ USD: giá trị này không thể âm (chỉ tốc độ tăng mới có thể âm)"),
    ("provinces_count", "/28", "-3",
     "provinces_count = -3 /28: giá trị này không thể âm (chỉ tốc độ tăng mới có thể âm)"),
    ("provinces_count", "/28", "29", "provinces_count = 29 /28: cần số nguyên từ 0 đến 28"),
    ("provinces_count", "/28", "12.5", "provinces_count = 12.5 /28: cần số nguyên từ 0 đến 28"),
    ("ccn_planned", "cụm", "10.5", "ccn_planned = 10.5 cụm: số cụm phải là số nguyên"),
    ("share_of_region", "%", "130", "share_of_region = 130 %: tỷ trọng không thể quá 100%"),
    ("retail_growth", "%", "-150", "retail_growth = -150 %: tốc độ tăng giảm quá 100%"),
    ("product_growth", "%", "900", "product_growth = 900 %: tốc độ tăng ngoài ngưỡng ±500%"),
]


@pytest.mark.parametrize("indicator, unit, value, message", DATA_CASES,
                         ids=[f"{c[0]}={c[2][:12]}" for c in DATA_CASES])
def test_impossible_value_in_indicators_names_line_and_column(data_copy, indicator, unit, value, message):
    line = _set_value(data_copy, indicator, unit, value)
    with pytest.raises(DataFileError) as caught:
        load_dataset(data_copy, use_cache=False)
    assert (caught.value.line, caught.value.column) == (line, "value")
    assert str(caught.value).startswith(f"{data_copy / 'indicators.csv'}, dòng {line}, cột 'value': {message}")


@pytest.mark.parametrize("value", ["NaN", "-inf", "1e309", HUGE, "-1954"])
def test_cli_refuses_impossible_data_exit_1_nothing_written(data_copy, tmp_path, capsys, value):
    line = _set_value(data_copy, "retail_sales", "nghìn tỷ đồng", value)
    out = tmp_path / "out"
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data-dir", str(data_copy), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "NaN" not in err.replace("'NaN'", "")
    assert err.startswith(f"Lỗi: {data_copy / 'indicators.csv'}, dòng {line}, cột 'value': ")
    assert len(err.splitlines()[0]) < 300          # a 5000-digit value is not echoed whole
    assert not out.exists()


def test_growth_rates_may_be_negative_and_the_shipped_data_passes(data_copy):
    _set_value(data_copy, "retail_growth", "%", "-99.5")
    assert any(f.value == Decimal("-99.5") for f in load_dataset(data_copy, use_cache=False).figures)


def test_a_year_of_5000_digits_is_refused_in_vietnamese(data_copy):
    path = data_copy / "indicators.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[1] = HUGE + text[1][4:]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dòng 2, cột 'edition_year': số nguyên quá lớn \(quá 15 chữ số\)"):
        load_dataset(data_copy, use_cache=False)


hostile_values = st.sampled_from(["NaN", "inf", "-inf", "1e309", "1e-400", HUGE, TINY, "-1", "-0", "0",
                                  "1.5", "-99.9", "-100.5", "600", "29", "1,5", " 7 ", "+3", "0x1F", "١٢",
                                  "1_000", "12.", ".5", ""]) | st.decimals(allow_nan=True).map(str)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(2, 180), hostile_values), min_size=1, max_size=3))
def test_any_value_in_indicators_loads_as_a_figure_or_names_its_cell(tmp_path_factory, edits):
    from briefgen.bounds import number_problem
    from briefgen.sources.tables.figures import load_figures, value_problem

    folder = tmp_path_factory.mktemp("fuzz-data")
    path = folder / "indicators.csv"
    rows = list(csv.reader(io.StringIO((DATA / "indicators.csv").read_text(encoding="utf-8"), newline="")))
    for line, value in edits:
        rows[min(line, len(rows)) - 1][rows[0].index("value")] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        figures = load_figures(path)
    except DataFileError as error:
        assert error.column in ("value", None) and error.line is not None
        return
    for figure in figures:
        assert number_problem(figure.value) is None
        assert value_problem(figure.indicator, figure.value, figure.unit) is None
        fmt_number(figure.value)


# --- form cells ----------------------------------------------------------------------------

N = NINE_MONTHS
WHERE = "bieu-mau.xlsx › Số liệu!"
GOOD = {"Tuyên Quang": {key("retail_sales", N, "value"): 45000, key("retail_sales", N, "previous"): 40000,
                        key("retail_sales", N, "growth"): 12.5, key("iip_growth", N, "growth"): 11}}


@pytest.fixture
def form(tmp_path, dataset, layout):
    return fill(layout, dataset, tmp_path / "bieu-mau.xlsx", GOOD)


def errors_of(path, layout, dataset) -> list[str]:
    _, problems = check_files([path], layout, dataset)
    return [str(p) for p in problems if p.is_error]


def _raw_value(path: Path, ref: str, xml_value: str) -> Path:
    """Put *xml_value* in the <v> of numeric cell *ref*, as a program other than Excel could."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and f'r="{ref}"'.encode() in data)
    text = parts[sheet].decode("utf-8")
    start = text.index(f'<c r="{ref}"')
    end = text.index("</c>", start) + 4
    parts[sheet] = (text[:start] + f'<c r="{ref}" t="n"><v>{xml_value}</v></c>' + text[end:]).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


FORM_CASES = [
    ("V17", "1e309", "V17: 'inf': không phải là số hữu hạn (NaN hoặc vô cực)"),
    ("V17", "-1e309", "V17: '-inf': không phải là số hữu hạn (NaN hoặc vô cực)"),
    ("V17", "1e20", "V17: '1e+20': số quá lớn (từ 10^15 trở lên), kiểm tra lại số chữ số"),
    ("V17", "1e-300", "V17: '1e-300': số quá nhỏ (dưới 0,000001), kiểm tra lại"),
    ("Y17", "1e-300", "Y17: '1e-300': số quá nhỏ (dưới 0,000001), kiểm tra lại"),
]


@pytest.mark.parametrize("ref, xml_value, message", FORM_CASES)
def test_impossible_number_in_a_workbook_cell(form, layout, dataset, ref, xml_value, message):
    _raw_value(form, ref, xml_value)
    assert errors_of(form, layout, dataset) == [f"{WHERE}{message}"]


@pytest.mark.parametrize("typed, message", [
    ("NaN", "'NaN' không phải là số (ghi số, ví dụ 1.234,5)"),
    ("inf", "'inf' không phải là số (ghi số, ví dụ 1.234,5)"),
    ("1e309", "'1e309' không phải là số (ghi số, ví dụ 1.234,5; đơn vị ghi ở cột đơn vị tính)"),
    (HUGE, "'9999999999999999999999999999999999999999… (5000 ký tự)': số quá lớn (từ 10^15 trở lên), "
           "kiểm tra lại số chữ số"),
    ("0,0000000001", "'0,0000000001': số quá nhỏ (dưới 0,000001), kiểm tra lại"),
    ("123.456.789.012,3456789", "'123.456.789.012,3456789': số có quá 15 chữ số có nghĩa, kiểm tra lại"),
    (-45000, "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng không thể âm (-45.000)"),
])
def test_impossible_text_in_a_form_cell(form, layout, dataset, typed, message):
    edit(form, {"V17": typed, "Y17": None})
    assert errors_of(form, layout, dataset) == [f"{WHERE}V17: {message}"]


@pytest.mark.parametrize("growth, bound", [(-150, "giảm quá 100%"), (-600, "ngoài ngưỡng ±500%")])
def test_impossible_growth_in_a_form(form, layout, dataset, growth, bound):
    edit(form, {"T17": growth})
    assert errors_of(form, layout, dataset) == [
        f"{WHERE}T17: tốc độ tăng {fmt_number(growth)}% không hợp lý ({bound}); kiểm tra lại"]


def test_a_float_residue_is_read_as_excel_shows_it(form, layout, dataset):
    edit(form, {"V17": 0.1 + 0.2, "X17": 0.1, "Y17": 200})     # 0.30000000000000004 → 0,3
    assert errors_of(form, layout, dataset) == []


@pytest.mark.parametrize("xml_value", ["-0", "1e-400"])   # 1e-400 underflows to 0.0 when read
def test_a_zero_value_with_a_growth_builds(form, tmp_path, capsys, xml_value):
    # Was an InvalidOperation (0/0) in the regional growth: zero this year and zero last year.
    edit(form, {"X17": None})                                  # last year from the growth: 0 / 1,125
    _raw_value(form, "V17", xml_value)
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(form), "--out", str(tmp_path / "o")])
    assert (code, "Traceback" in capsys.readouterr().err) == (0, False)


def test_cli_refuses_an_infinite_form_cell_exit_1_nothing_written(form, tmp_path, capsys):
    _raw_value(form, "V17", "1e309")
    out = tmp_path / "out"
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(form), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0] == f"Lỗi: {WHERE}V17: 'inf': không phải là số hữu hạn (NaN hoặc vô cực)"
    assert not out.exists()


# --- fmt_number: a bug signal, never "NaN" in a draft -----------------------------------------

any_decimal = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [Decimal("1e309"), Decimal("-1e-400"), Decimal(HUGE), Decimal("sNaN"), Decimal("-0")])
figures = st.decimals(min_value=Decimal("-1e14"), max_value=Decimal("1e14"), places=6,
                      allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(any_decimal, st.none() | st.integers(0, 6))
def test_fmt_number_prints_a_vietnamese_number_or_raises_value_error(value, decimals):
    try:
        text = fmt_number(value, decimals)
    except ValueError:
        assert not value.is_finite() or len(value.as_tuple().digits) + abs(value.as_tuple().exponent) > 20
        return
    assert value.is_finite()
    assert "NaN" not in text and "∞" not in text and "E" not in text
    assert text.lstrip("-") and __import__("re").fullmatch(f"-?(?:{NUMBER_PATTERN})", text)


@settings(max_examples=200, deadline=None)
@given(figures)
def test_fmt_number_round_trips_every_possible_figure(value):
    assert parse_number(fmt_number(value)) == value


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "-Infinity", "NaN", Decimal("sNaN"), "1e309"])
def test_fmt_number_and_fmt_change_refuse_non_finite(value):
    with pytest.raises(ValueError):
        fmt_number(value)
    with pytest.raises(ValueError):
        fmt_change(value)


def test_fmt_number_never_prints_minus_zero():
    assert fmt_number("-0") == "0" and fmt_number(Decimal("-0.04"), 1) == "0,0"


@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x1f", "\ufffe"])
def test_a_control_character_in_a_data_cell_names_line_and_column(data_copy, control):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",confirmed,", f",confir{control}med,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_dataset(data_copy, use_cache=False)
    assert str(caught.value) == (f"{path}, dòng 2, cột 'status': ô chứa ký tự điều khiển "
                                 f"U+{ord(control):04X} ở vị trí 7; văn bản không được có ký tự này")
