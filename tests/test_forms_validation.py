"""Each problem of a filled form is named by file › sheet!cell; errors stop the build, nothing written."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from briefgen.api import build_briefing
from briefgen.cli import main
from briefgen.errors import FormValidationError
from briefgen.forms.collect import check_files
from briefgen.forms.layout import layout_for_year
from briefgen.forms.write_form import write_form
from briefgen.load import Figure
from briefgen.periods import Period
from forms_helpers import NINE_MONTHS, YEAR_PERIOD, cell_of, edit, fill, key, name_cell

N = NINE_MONTHS
WHERE = "bieu-mau.xlsx › Số liệu!"
GOOD = {
    "Tuyên Quang": {key("retail_sales", N, "value"): 45000, key("retail_sales", N, "previous"): 40000,
                    key("retail_sales", N, "growth"): 12.5, key("iip_growth", N, "growth"): 11},
    "Hà Nội": {key("retail_sales", N, "value"): 600000, key("retail_sales", N, "growth"): 9},
}



@pytest.fixture
def form(tmp_path, dataset, layout):
    return fill(layout, dataset, tmp_path / "bieu-mau.xlsx", GOOD)


def problems_of(path, layout, dataset, errors=True) -> list[str]:
    _, problems = check_files([path], layout, dataset)
    return [str(p) for p in problems if p.is_error == errors]


def test_the_layout_is_pinned(layout):
    # The example cell of the issue and README: Tuyên Quang's retail sales of 9 months is V17.
    assert cell_of(layout, "Tuyên Quang", "retail_sales", N, "value") == "V17"
    assert name_cell(layout, "Tuyên Quang") == "B17"


def test_a_good_form_has_no_error(form, layout, dataset):
    assert problems_of(form, layout, dataset) == []


def test_unknown_province(form, layout, dataset):
    edit(form, {"B17": "Tuyen Quag"})
    assert problems_of(form, layout, dataset) == [
        f"{WHERE}B17: không có tỉnh, thành phố nào tên 'Tuyen Quag' (có phải: Tuyên Quang?)"]


def test_duplicated_province(form, layout, dataset):
    edit(form, {"B12": "Tuyên Quang", "B17": "tuyen quang"})   # Hà Nội's row renamed
    [problem] = problems_of(form, layout, dataset)
    assert problem.startswith(f"{WHERE}B17: Tuyên Quang đã có số liệu ở {WHERE}B12")


def test_province_merged_away_names_its_successor(form, layout, dataset):
    edit(form, {"B17": "Hà Giang"})
    [problem] = problems_of(form, layout, dataset)
    assert problem.startswith(f"{WHERE}B17: tỉnh Hà Giang không còn là đơn vị hành chính")
    assert problem.endswith("Ghi số liệu vào dòng của Tuyên Quang.")


def test_non_numeric_cell(form, layout, dataset):
    edit(form, {"V17": "khoảng 45 nghìn"})
    assert problems_of(form, layout, dataset) == [
        f"{WHERE}V17: 'khoảng 45 nghìn' không phải là số (ghi số, ví dụ 1.234,5)"]


def test_wrong_unit(form, layout, dataset):
    edit(form, {"W17": "USD"})
    [problem] = problems_of(form, layout, dataset)
    assert problem.startswith(f"{WHERE}W17: đơn vị 'USD' không dùng cho tổng mức bán lẻ")


def test_mixed_units(form, layout, dataset):
    edit(form, {"V17": "45 nghìn tỷ đồng"})                    # the unit column W17 says tỷ đồng
    [problem] = problems_of(form, layout, dataset)
    assert problem.startswith(f"{WHERE}V17: đơn vị lẫn lộn: ô ghi '45 nghìn tỷ đồng' nhưng đơn vị "
                              f"tính ở ô W17 là 'tỷ đồng'")


def test_implausible_growth(form, layout, dataset):
    edit(form, {"T17": 650})
    assert problems_of(form, layout, dataset) == [
        f"{WHERE}T17: tốc độ tăng 650% không hợp lý (ngoài ngưỡng ±500%); kiểm tra lại"]


def test_negative_sales(form, layout, dataset):
    edit(form, {"V17": -45000, "Y17": None})
    assert problems_of(form, layout, dataset) == [
        f"{WHERE}V17: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng không thể âm (-45.000)"]


def test_value_contradicting_its_growth_and_last_year(form, layout, dataset):
    edit(form, {"Y17": 20})                                    # 45.000 / 40.000 = +12,5%, not +20%
    assert problems_of(form, layout, dataset) == [
        f"{WHERE}Y17: tốc độ tăng 20% mâu thuẫn với thực hiện ở ô V17 và cùng kỳ năm trước ở ô X17 "
        f"(tính ra 12,5%, lệch 7,5 điểm phần trăm, quá 1 điểm)"]


def test_growth_within_one_point_is_accepted(form, layout, dataset):
    edit(form, {"Y17": 13.4})
    assert problems_of(form, layout, dataset) == []


def test_missing_provinces_are_warnings(form, layout, dataset):
    warnings = problems_of(form, layout, dataset, errors=False)
    assert f"{WHERE}B7: chưa có số liệu của tỉnh Cao Bằng" in warnings
    assert len(warnings) == 16                                 # 18 provinces, 2 reported


def test_iip_typed_as_an_index_is_a_warning(form, layout, dataset):
    edit(form, {"T17": 112.3})
    assert (f"{WHERE}T17: IIP tăng 112,3%: có thể đã ghi chỉ số (112,3% so với cùng kỳ) thay cho tốc độ "
            f"tăng (12,3%); kiểm tra lại") in problems_of(form, layout, dataset, errors=False)


def test_csv_problems_name_the_cell(tmp_path, layout, dataset):
    path = fill(layout, dataset, tmp_path / "bieu-mau.csv",
                {"Tuyên Quang": {key("iip_growth", YEAR_PERIOD, "growth"): "mười"}})
    assert problems_of(path, layout, dataset) == ["bieu-mau.csv › C14: 'mười' không phải là tốc độ tăng "
                                                  "(ghi số phần trăm, ví dụ 12,3 hoặc -4,5)"]


def test_a_form_of_another_year_is_an_error(tmp_path, dataset, layout):
    old = fill(layout_for_year(dataset, 2024), dataset, tmp_path / "bieu-mau-2024.xlsx",
               {"Hà Nội": {key("iip_growth", Period(2023), "growth"): 5}})
    errors = problems_of(old, layout, dataset)
    assert any("biểu mẫu không có cột nào của kỳ báo cáo năm 2025" in e for e in errors)


def test_errors_stop_the_build_and_nothing_is_written(form, layout, dataset, tmp_path):
    edit(form, {"V17": "abc", "T17": 900})
    out = tmp_path / "out"
    with pytest.raises(FormValidationError) as caught:
        build_briefing(2025, "Tuyên Quang", out_dir=out, dataset=dataset, data_files=[form])
    assert [str(p) for p in caught.value.errors] == [
        f"{WHERE}T17: tốc độ tăng 900% không hợp lý (ngoài ngưỡng ±500%); kiểm tra lại",
        f"{WHERE}V17: 'abc' không phải là số (ghi số, ví dụ 1.234,5)"]
    assert not out.exists()


def test_cli_prints_one_line_per_error_and_no_traceback(form, tmp_path, capsys):
    edit(form, {"Y17": 20})
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(form), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0].startswith(f"Lỗi: {WHERE}Y17: tốc độ tăng 20% mâu thuẫn")
    assert not (tmp_path / "o").exists()


def test_cli_json_summary(form, tmp_path, capsys):
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(form),
                 "--out", str(tmp_path / "o"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["ok"] and summary["exit_code"] == 0 and not summary["errors"]
    assert summary["docx"].endswith("bao-cao-2025-tuyen-quang.docx")
    assert {"where": f"{WHERE}B7", "message": "chưa có số liệu của tỉnh Cao Bằng"} in summary["warnings"]
    assert summary["placeholders"] and all({"id", "need"} <= set(p) for p in summary["placeholders"])
    edit(form, {"V17": "abc"})
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data", str(form),
                 "--out", str(tmp_path / "o2"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and not summary["ok"] and summary["docx"] is None
    assert summary["errors"] == [{"where": f"{WHERE}V17",
                                  "message": "'abc' không phải là số (ghi số, ví dụ 1.234,5)"}]


def test_form_check_command(form, capsys):
    edit(form, {"B17": "Hà Giang"})
    assert main(["form", "--year", "2025", "--check", str(form)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Lỗi: {WHERE}B17: tỉnh Hà Giang")


def test_form_command_writes_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "bm.xlsx"
    assert main(["form", "--year", "2025", "-o", str(target), "--per-province", str(tmp_path / "tinh")]) == 0
    assert target.exists() and len(list((tmp_path / "tinh").glob("*.xlsx"))) == 18
    assert main(["form", "--year", "2025", "-o", str(target)]) == 1
    assert "không ghi đè" in capsys.readouterr().err


def test_help_documents_exit_codes_and_the_new_options(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Mã thoát: 0" in out and "--data" in out and "--json" in out and "form" in out


def test_a_province_filled_in_two_files_is_a_duplicate(form, tmp_path, layout, dataset):
    tuyen_quang = next(p for p in layout.provinces if p.name == "Tuyên Quang")
    own = write_form(layout, dataset, tmp_path / "tuyen-quang.xlsx", provinces=[tuyen_quang],
                     values={"Tuyên Quang": {key("iip_growth", N, "growth"): 11}})
    _, problems = check_files([form, own], layout, dataset)
    assert [str(p) for p in problems if p.is_error] == [
        f"tuyen-quang.xlsx › Số liệu!B7: Tuyên Quang đã có số liệu ở {WHERE}B17; mỗi tỉnh, thành phố "
        f"chỉ điền một dòng"]


def test_last_year_differing_from_an_earlier_report_is_a_warning(form, layout, dataset):
    # An earlier edition reported 9M-2024 retail sales of both old units of Tuyên Quang.
    old = tuple(Figure(2024, "phia_bac", Period(2024, 9), scope, "retail_sales", None, Decimal(v),
                       "nghìn tỷ đồng", False, "confirmed", "test", "test", None)
                for scope, v in (("Hà Giang", "10"), ("Tuyên Quang", "20")))
    warnings = problems_of(form, layout, replace(dataset, figures=dataset.figures + old), errors=False)
    assert (f"{WHERE}X17: cùng kỳ 9 tháng đầu năm 2024 ghi 40.000 tỷ đồng, khác số đã báo cáo tại kỳ "
            f"hội nghị trước (Hà Giang 10 nghìn tỷ đồng + Tuyên Quang 20 nghìn tỷ đồng); kiểm tra "
            f"phạm vi địa giới") in warnings


def test_a_row_without_a_province_holding_only_last_years_value_is_an_error(form, layout, dataset):
    # A figure typed below the table, in a row with no name, would otherwise vanish unread.
    column = cell_of(layout, "Tuyên Quang", "export_value", N, "previous").rstrip("0123456789")
    edit(form, {f"{column}40": 1234})
    assert problems_of(form, layout, dataset) == [f"{WHERE}B40: dòng có số liệu nhưng thiếu tên tỉnh, thành phố"]
