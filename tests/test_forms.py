"""The ministry workflow end to end: form out, filled form back in, totals in the draft.

Figures below are made up for the tests; the expected totals are computed by hand in the
comments, never by the code under test.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import docx
import pytest
from openpyxl import load_workbook

from briefgen.api import build_briefing
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.forms.collect import check_files
from briefgen.forms.layout import layout_for_year
from briefgen.forms.write_form import known_previous, write_form
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.sources.forms.layout import DATA_SHEET, GUIDE_SHEET, KEY_ROW, NATIONAL, REFERENCE_SHEET
from forms_helpers import NINE_MONTHS, YEAR_PERIOD, fill, key
from docx_text import cell_text, runs_of, text_of

N = NINE_MONTHS

# 9M-2025 retail (tỷ đồng): 1.000.000 + 200.000 + 34.500 = 1.234.500 = 1.234,5 nghìn tỷ đồng;
# last year 900.000 + 180.000 + 30.000 = 1.110.000 -> 1.234.500 / 1.110.000 = +11,2162% -> "tăng 11,2%"
# (averaging the three growth rates 11,1 / 11,1 / 15 would give 12,4%: the draft must not).
# 9M-2025 exports (triệu USD): 20.000 (growth 10%, no previous) + 50.000 (previous 40.000, no
# growth) + 700 (previous 600) = 70.700 = 70,7 tỷ USD; last year 20.000/1,1 = 18.181,8 + 40.000
# + 600 = 58.781,8 -> +20,276% -> "tăng 20,3%".
# IIP 9M-2025: the forms' 8; 15; 12,3; 20 and, for the provinces the forms leave empty, data/'s
# Hà Tĩnh 4,2, Ninh Bình 22,03, Thanh Hóa 15,2 (one figure per province: the table prints all seven)
# -> sorted 4,2; 8; 12,3; 15; 15,2; 20; 22,03: median 15; above 10%: 5; above the national 9%
# (the form's, replacing data/'s 9,1): 5; Tuyên Quang ranks 5th of 7.
VALUES = {
    "Hà Nội": {key("retail_sales", N, "value"): 1000000, key("retail_sales", N, "previous"): 900000,
               key("retail_sales", N, "growth"): 11.1, key("export_value", N, "value"): 20000,
               key("export_value", N, "growth"): 10, key("iip_growth", N, "growth"): 8},
    "Hải Phòng": {key("retail_sales", N, "value"): "200.000", key("retail_sales", N, "previous"): 180000,
                  key("iip_growth", N, "growth"): 15},
    "Tuyên Quang": {key("retail_sales", N, "value"): "34,5", key("retail_sales", N, "unit"): "nghìn tỷ đồng",
                    key("retail_sales", N, "previous"): "30", key("retail_sales", N, "growth"): "15%",
                    key("export_value", N, "value"): 700, key("export_value", N, "previous"): 600,
                    key("export_value", N, "growth"): 16.7, key("iip_growth", N, "growth"): 12.3,
                    key("iip_growth", N, "estimate"): "x"},
    "Bắc Ninh": {key("export_value", N, "value"): 50000, key("export_value", N, "previous"): 40000,
                 key("iip_growth", N, "growth"): 20},
    NATIONAL: {key("iip_growth", N, "growth"): 9},
}



@pytest.fixture(scope="module")
def built(tmp_path_factory, dataset, layout):
    folder = tmp_path_factory.mktemp("forms")
    form = fill(layout, dataset, folder / "bieu-mau.xlsx", VALUES)
    result = build_briefing(2025, "Tuyên Quang", out_dir=folder / "out", dataset=dataset, data_files=[form])
    document = docx.Document(str(result.docx_path))
    text = "\n".join([text_of(p) for p in document.paragraphs]
                     + [cell_text(c) for t in document.tables for r in t.rows for c in r.cells])
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    return result, text, manifest, document


def test_form_has_one_row_per_province_of_the_year_and_vietnamese_headers(tmp_path, dataset, layout):
    book = load_workbook(write_form(layout, dataset, tmp_path / "f.xlsx"))
    assert book.sheetnames == [GUIDE_SHEET, DATA_SHEET, REFERENCE_SHEET]
    sheet = book[DATA_SHEET]
    names = [sheet[f"B{r}"].value for r in range(7, 7 + 19)]
    assert names[:-1] == [p.name for p in layout.provinces] and len(layout.provinces) == 18
    assert names[-1] == NATIONAL and "Hà Giang" not in names
    headers = {c.value for row in sheet.iter_rows(min_row=3, max_row=5) for c in row if c.value}
    assert {"Năm 2024", "9 tháng đầu năm 2025", "Thực hiện", "Đơn vị tính", "Cùng kỳ năm trước (9T/2024)",
            "Tăng/giảm so với cùng kỳ (%)", "Kim ngạch xuất khẩu"} <= headers
    assert sheet.row_dimensions[KEY_ROW].hidden
    assert sheet["W7"].value == "tỷ đồng"              # units stated, from a drop-down list
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert '"triệu đồng,tỷ đồng,nghìn tỷ đồng"' in lists
    assert any(dv.type == "decimal" for dv in sheet.data_validations.dataValidation)


def test_a_form_before_the_merger_lists_the_28_provinces(dataset):
    layout = layout_for_year(dataset, 2024)
    assert len(layout.provinces) == 28 and [p.code for p in layout.periods] == ["2023", "H1-2024"]


def test_draft_shows_totals_and_growth_computed_from_values(built):
    _, text, _, _ = built
    # a total of only the provinces that reported says so wherever it is printed
    assert "1.234,5 nghìn tỷ đồng (số liệu của 3/18 tỉnh, thành phố), tăng 11,2%" in text
    assert "tăng 12,4%" not in text                      # never the average of growth rates
    assert "70,7 tỷ USD (số liệu của 3/18 tỉnh, thành phố), tăng 20,3%" in text
    assert "1.234,5 nghìn tỷ đồng, tăng" not in text     # never as if the whole region's


def test_draft_says_what_is_honest_about_iip(built):
    _, text, _, _ = built
    assert "5/18 tỉnh, thành phố tăng trên 10%" in text
    assert "5/18 tỉnh, thành phố có IIP tăng cao hơn mức tăng của cả nước (tăng 9%)" in text
    assert "Trung vị mức tăng của 7 địa phương có số liệu là 15%" in text
    assert "cao nhất là Ninh Bình (ước tăng 22,03%), thấp nhất là Hà Tĩnh (ước tăng 4,2%)" in text


def test_host_paragraph_and_charts(built):
    result, text, manifest, document = built
    assert ("Theo biểu mẫu của Sở Công Thương tỉnh Tuyên Quang" in text
            and "chỉ số sản xuất công nghiệp (IIP) ước tăng 12,3% so với cùng kỳ, đứng thứ 5/7" in text)  # marked x
    # 3rd of the 3 provinces reporting retail sales; no share: 3 of 18 provinces are not the region
    assert "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 34.500 tỷ đồng, tăng 15% (thứ 3/3);" in text
    host_part = text.split("Theo biểu mẫu của Sở Công Thương")[1].split("Hình")[0]
    assert "chiếm" not in host_part and "toàn khu vực tăng" not in host_part   # the host's figures only
    charts = [entry["id"] for entry in manifest["charts"]]
    assert "province_ranking" in charts and "host_vs_region" in charts
    assert "Xếp hạng tốc độ tăng chỉ số sản xuất công nghiệp (IIP) của các tỉnh, thành phố" in text
    ranking = next(c for c in manifest["charts"] if c["id"] == "province_ranking")
    assert ranking["figures"] and "png" not in ranking   # native charts: no PNG written
    assert any(w == "Biểu đồ: province_ranking" for f in manifest["figures"] for w in f["where"])
    assert len(document.inline_shapes) >= 3


def test_manifest_names_every_cell_and_the_inputs_of_totals(built):
    _, _, manifest, _ = built
    figures = {f["id"]: f for f in manifest["figures"]}
    host = figures["retail_sales@Tuyên Quang:9M-2025#2025"]
    assert host["source"] == "bieu-mau.xlsx › Số liệu!V17" and host["value"] == "34500"
    assert host["quote"].startswith("Ô V17: Tổng mức bán lẻ") and "đổi sang tỷ đồng" in host["quote"]
    total = figures["retail_sales@region:9M-2025#2025"]
    assert total["source"] == "tính từ 3 biểu mẫu"
    assert {"bieu-mau.xlsx › Số liệu!V12", "bieu-mau.xlsx › Số liệu!V17"} <= set(total["inputs"])
    assert manifest["forms"]["files"] == ["bieu-mau.xlsx"] and manifest["forms"]["example"] is False
    assert any("chưa có số liệu của tỉnh Cao Bằng" in w["message"] for w in manifest["warnings"])


def test_partial_totals_carry_a_comment(built):
    result, _, manifest, document = built
    total = next(f for f in manifest["figures"] if f["id"] == "retail_sales@region:9M-2025#2025")
    assert total["status"] == "confirmed"
    comments = [c.text for c in document.comments]
    assert any("Chỉ tổng hợp từ 3/18 tỉnh, thành phố" in c for c in comments)
    assert any("chưa có số liệu của tỉnh Lai Châu" in str(w) for w in result.warnings)


def test_csv_in_the_same_layout_reads_back_the_same(tmp_path, dataset, layout):
    csv_form = write_form(layout, dataset, tmp_path / "bieu-mau.csv",
                          values={"Tuyên Quang": {key("retail_sales", N, "value"): "45678.9",
                                                  key("retail_sales", N, "previous"): "41000",
                                                  key("iip_growth", YEAR_PERIOD, "growth"): "-2.5"}})
    reports, problems = check_files([csv_form], layout, dataset)
    assert not [p for p in problems if p.is_error]
    entry = {e.measure.indicator + "@" + e.period.code: e for e in reports[0].entries}
    assert entry["retail_sales@9M-2025"].value == Decimal("45678.9")
    assert entry["iip_growth@2024"].growth == Decimal("-2.5")
    assert entry["retail_sales@9M-2025"].refs["value"] == "V14"   # 2 comment lines, key row, 11th province


def test_last_years_known_values_are_filled_in_across_the_merger(dataset, layout):
    bac_ninh = next(p for p in layout.provinces if p.name == "Bắc Ninh")
    old = [Figure(2024, "phia_bac", Period(2024, 9), scope, "export_value", None, Decimal(value), "tỷ USD",
                  False, "confirmed", "test", "test", None) for scope, value in (("Bắc Giang", "16.5"),
                                                                                ("Bắc Ninh", "30"))]
    known = known_previous(replace(dataset, figures=dataset.figures + tuple(old)), layout, bac_ninh)
    filled = known[key("export_value", N, "previous")]
    assert filled.value == Decimal("46500")            # 16,5 + 30 tỷ USD in triệu USD
    assert "cộng theo địa giới mới" in filled.note and "Bắc Giang" in filled.note
    assert key("export_value", YEAR_PERIOD, "previous") not in known


def test_example_form_is_marked_fictitious_in_the_file_and_the_draft(tmp_path, dataset):
    example = DEFAULT_WORKSPACE.data.parent / "examples" / "bieu-mau-2025-vi-du.xlsx"
    book = load_workbook(example)
    assert "VÍ DỤ" in book[DATA_SHEET]["A1"].value and book.properties.category == "VÍ DỤ"
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path, dataset=dataset, data_files=[example])
    text = "\n".join(text_of(p) for p in docx.Document(str(result.docx_path)).paragraphs)
    assert "VÍ DỤ – SỐ LIỆU GIẢ ĐỊNH" in text and "(số liệu ví dụ, giả định)" in text
    # all 18 provinces reported: shares of the regional total, 40.000 / 2.065.000 = 1,94%
    assert "ước đạt 40.000 tỷ đồng, tăng 11,1%, chiếm 1,94% của toàn khu vực (thứ 13/18)" in text
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["forms"]["example"] is True
    document = docx.Document(str(result.docx_path))
    assert sum("VÍ DỤ: số liệu giả định" in c.text for c in document.comments) > 50


def test_a_form_figure_replacing_one_on_record_is_a_warning(tmp_path, dataset):
    layout = layout_for_year(dataset, 2024)
    form = write_form(layout, dataset, tmp_path / "f.xlsx",
                      values={"Bắc Giang": {key("iip_growth", Period(2024, 6), "growth"): 19}})
    reports, problems = check_files([form], layout, dataset)
    from briefgen.forms.collect import aggregate
    from briefgen.forms.collect import merge_forms

    merged, forms = merge_forms(dataset, aggregate(reports, layout, problems))
    notes = [str(w) for w in forms.warnings]
    assert any(n.startswith("data/indicators.csv, dòng 172: tốc độ tăng chỉ số sản xuất công nghiệp (IIP) "
                            "so với cùng kỳ của Bắc Giang, 6 tháng đầu năm 2024: 21% (dữ liệu có sẵn) được "
                            "thay bằng 19% từ biểu mẫu (f.xlsx › Số liệu!") for n in notes)
    assert [f.value for f in merged.figures if f.id == "iip_growth@Bắc Giang:H1-2024#2024"] == [19]
    # A regional count from 11 of 28 provinces (the form's Bắc Giang and the 10 others data/ has for
    # the period) does not replace the published 25/28.
    assert ("data/indicators.csv, dòng 109: số tỉnh, thành phố có IIP tăng trưởng dương của khu vực, "
            "6 tháng đầu năm 2024: giữ 25/28 (dữ liệu có sẵn); số tổng hợp từ biểu mẫu (11/28, tính từ số "
            "liệu của 11 tỉnh, thành phố (1 theo biểu mẫu, 10 theo dữ liệu có sẵn)) chưa đủ các tỉnh, "
            "thành phố") in notes
    counts = [f for f in merged.figures if f.id == "provinces_count/iip_positive@region:H1-2024#2024"]
    assert [f.value for f in counts] == [25]
    assert all(f.id != counts[0].id for f in forms.figures)
