"""Reports given with --data: a province's report fills its row of the province table, marked to check.

The report below is made up for the tests (Lạng Sơn, 9 months of 2025 and the year 2024).
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from briefgen.analyze.edition import build_edition
from briefgen.api import build_briefing
from briefgen.cli import main
from briefgen.extract.model import Figure as Extracted
from briefgen.extract.reported import Reported, find_issuer
from briefgen.extract.review_sheet import HEADER, REVIEW_SHEET, is_review, read_review, render_review
from briefgen.reports import add_reports
from briefgen.sources.recognise import is_briefgen_draft, split_reports
from briefgen.sources.tables.figures import value_problem
from report_files import encrypted_pdf
from docx_text import cell_text
from forms_helpers import NINE_MONTHS, fill, key

HOST = "Tuyên Quang"
LANG_SON = (
    "BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP VÀ THƯƠNG MẠI 9 THÁNG NĂM 2025",
    "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN",
    "Chín tháng năm 2025, chỉ số sản xuất công nghiệp (IIP) trên địa bàn tỉnh ước tăng 8,2% so với "
    "cùng kỳ năm trước.",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng năm 2025 ước đạt 25.310 tỷ đồng, "
    "tăng 10,1% so với cùng kỳ.",
    "Kim ngạch xuất khẩu 9 tháng năm 2025 đạt 512,4 triệu USD, tăng 5,3%.",
)
# The report's figures as the draft must show them: id -> (value in the table, quote, location).
EXPECTED = {
    "iip_growth@Lạng Sơn:9M-2025#2025": ("8,2", "trên địa bàn tỉnh ước tăng 8,2%", "đoạn 3"),
    "retail_sales@Lạng Sơn:9M-2025#2025": ("25.310", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu "
                                           "dùng 9 tháng năm 2025 ước đạt 25.310 tỷ đồng", "đoạn 4"),
    "retail_growth@Lạng Sơn:9M-2025#2025": ("10,1", "tăng 10,1%", "đoạn 4"),
    "export_value@Lạng Sơn:9M-2025#2025": ("512,4", "Kim ngạch xuất khẩu 9 tháng năm 2025 đạt 512,4 "
                                           "triệu USD", "đoạn 5"),
    "export_growth@Lạng Sơn:9M-2025#2025": ("5,3", "tăng 5,3%", "đoạn 5"),
}
ISSUER = "Sở Công Thương tỉnh Lạng Sơn"


def write_report(path, lines=LANG_SON):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def read_back(result):
    document = docx.Document(str(result.docx_path))
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    return document, manifest


def province_rows(document, province: str) -> list[list[str]]:
    """Return the rows of *province* in the province tables (header "STT", "Tỉnh, thành phố")."""
    found = []
    for table in document.tables:
        rows = [[cell_text(c) for c in row.cells] for row in table.rows]
        if rows and rows[0][:2] == ["STT", "Tỉnh, thành phố"]:
            found += [row for row in rows[1:] if row[1] == province]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory, dataset):
    folder = tmp_path_factory.mktemp("reports")
    report = write_report(folder / "lang-son.docx")
    result = build_briefing(2025, HOST, out_dir=folder / "out", dataset=dataset, data_files=[report])
    return (result, *read_back(result))


def test_a_provincial_reports_figures_fill_its_row_of_the_province_table(built):
    _, document, _ = built
    rows = province_rows(document, "Lạng Sơn")
    # One table per period: 2024 (nothing reported) and 9 months of 2025.
    estimate = "\u00a0(ước)"    # the report gives 9 months as "ước thực hiện": tables mark it as the text does
    assert ["8,2" + estimate, "25.310" + estimate, "10,1" + estimate] == [rows[-1][2], rows[-1][3], rows[-1][4]]
    assert ["512,4", "5,3"] == rows[-1][6:8]


def test_each_report_figure_has_a_comment_with_issuer_quote_and_location(built):
    _, document, _ = built
    comments = [c.text for c in document.comments]
    for _, quote, location in EXPECTED.values():
        assert any(c.startswith(f"Trích từ báo cáo của {ISSUER}, cần kiểm tra. Trích dẫn: «{quote}». "
                                f"Vị trí: lang-son.docx, {location}.") for c in comments), quote


def test_manifest_lists_report_figures_with_provenance(built):
    result, _, manifest = built
    figures = {f["id"]: f for f in manifest["figures"]}
    for figure_id, (_, quote, location) in EXPECTED.items():
        entry = figures[figure_id]
        assert entry["status"] == "unconfirmed"
        assert entry["source"] == f"lang-son.docx, {location}" and entry["quote"] == quote
        assert entry["report"] == {"file": "lang-son.docx", "location": location, "issuer": ISSUER,
                                   "quote": quote}
    listed = {f["id"]: f for f in manifest["reports"]["figures"]}
    assert set(EXPECTED) <= set(listed) and manifest["reports"]["files"] == ["lang-son.docx"]
    assert listed["retail_sales@Lạng Sơn:9M-2025#2025"]["used"] is True
    # A regional total computed from the report's figure is marked as well.
    total = figures["retail_sales@region:9M-2025#2025"]
    assert total["status"] == "unconfirmed"
    assert result.warnings == ()


def test_a_form_value_wins_over_a_report_with_a_warning_naming_both(tmp_path, dataset, layout):
    form = fill(layout, dataset, tmp_path / "bieu-mau.xlsx",
                {"Lạng Sơn": {key("retail_sales", NINE_MONTHS, "value"): 26000}})
    report = write_report(tmp_path / "lang-son.docx")
    result = build_briefing(2025, HOST, out_dir=tmp_path / "out", dataset=dataset, data_files=[report, form])
    _, manifest = read_back(result)
    messages = [str(w) for w in result.warnings]
    # The one merge step: a form outranks a report; the warning names both, each with its place.
    said = [m for m in messages if m.startswith(
        f"lang-son.docx, đoạn 4: báo cáo của {ISSUER} (lang-son.docx, đoạn 4) ghi 25.310 tỷ đồng cho "
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của Lạng Sơn, "
        "9 tháng đầu năm 2025, khác 26.000 tỷ đồng (biểu mẫu (bieu-mau.xlsx › Số liệu!")]
    assert len(said) == 1 and said[0].endswith("); giữ số đã có, cần kiểm tra"), messages
    assert any("khác 26.000 tỷ đồng (biểu mẫu" in w["message"] for w in manifest["warnings"])
    figure = next(f for f in manifest["figures"] if f["id"] == "retail_sales@Lạng Sơn:9M-2025#2025")
    assert (figure["value"], figure["status"]) == ("26000", "confirmed")
    assert figure["source"].startswith("bieu-mau.xlsx › Số liệu!")
    # The report's other figures of Lạng Sơn (IIP) still enter the draft.
    assert any(f["id"] == "iip_growth@Lạng Sơn:9M-2025#2025" for f in manifest["figures"])


def _reported(scope: str, indicator: str, value: str, unit: str, period: str = "9M-2025",
              location: str = "dòng 2") -> Reported:
    return Reported(Extracted("tk.txt", indicator, period, scope, Decimal(value), unit, False, "tăng 9,1%", 0,
                              location=location), "Tổng cục Thống kê")


def test_a_national_figure_goes_into_the_dataset_and_data_wins_over_it(dataset):
    national_id = "iip_growth@national:9M-2025#2025"     # curated in data/: take it out to start
    dataset = replace(dataset, figures=tuple(f for f in dataset.figures if f.id != national_id))
    edition = build_edition(dataset, 2025, HOST)
    national = _reported("national", "iip_growth", "9.1", "%")
    merged, forms, reports = add_reports(dataset, edition, [], [national])
    assert forms is None and reports.warnings == ()
    added = next(f for f in merged.figures if f.id == "iip_growth@national:9M-2025#2025")
    assert (added.value, added.status, added.source) == (Decimal("9.1"), "unconfirmed", "tk.txt, dòng 2")
    assert added.note == ("Trích từ báo cáo của Tổng cục Thống kê, cần kiểm tra. Trích dẫn: «tăng 9,1%». "
                          "Vị trí: tk.txt, dòng 2.")
    recorded = replace(added, value=Decimal("8.5"), status="confirmed", source="TCTK", note=None, source_kind="csv")
    with_record = replace(dataset, figures=dataset.figures + (recorded,))
    merged, _, reports = add_reports(with_record, edition, [], [national])
    assert [f.value for f in merged.figures if f.id == added.id] == [Decimal("8.5")]
    assert [str(w) for w in reports.warnings] == [
        "tk.txt, dòng 2: báo cáo của Tổng cục Thống kê (tk.txt, dòng 2) ghi 9,1% cho "
        "tốc độ tăng chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ của cả nước, 9 tháng đầu năm 2025, "
        "khác 8,5% (dữ liệu có sẵn: TCTK); giữ số đã có, cần kiểm tra"]


def test_figures_outside_the_editions_periods_or_core_indicators_are_left_out(dataset):
    edition = build_edition(dataset, 2025, HOST)
    old = _reported("Lạng Sơn", "iip_growth", "7", "%", period="9M-2024")
    merged, forms, reports = add_reports(dataset, edition, [], [old])
    assert forms is None and merged.figures == dataset.figures and reports.sources == {}
    assert [str(w) for w in reports.warnings] == [
        "tk.txt: không có số liệu chỉ tiêu chính nào của kỳ năm 2024 và 9 tháng đầu năm 2025 thuộc khu "
        "vực; báo cáo không được dùng"]


def test_a_range_is_not_used_and_says_why(dataset):
    edition = build_edition(dataset, 2025, HOST)
    ranged = _reported("region", "iip_growth", "8", "%")
    ranged = replace(ranged, figure=replace(ranged.figure, high=Decimal(9)))
    merged, _, reports = add_reports(dataset, edition, [], [ranged])
    assert merged.figures == dataset.figures
    assert [str(w) for w in reports.warnings] == ["tk.txt, dòng 2: là một khoảng (8-9 %), không phải một số; "
                                                  "không dùng"]


@pytest.mark.parametrize("lines, issuer", [
    (("BÁO CÁO", "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN"), "Sở Công Thương tỉnh Lạng Sơn"),
    (("CỤC THỐNG KÊ THÀNH PHỐ HÀ NỘI", "Báo cáo"), "Cục Thống kê thành phố Hà Nội"),
    (("Thông cáo báo chí của Tổng cục Thống kê",), "Tổng cục Thống kê"),
    (("Tình hình kinh tế",), None),
])
def test_issuer_from_the_first_lines(lines, issuer):
    subject = "national" if "Tổng cục" in lines[0] else "Hà Nội" if "HÀ NỘI" in lines[0] else "Lạng Sơn"
    assert find_issuer("\n".join(lines), subject) == issuer


def test_files_are_told_apart_by_content(tmp_path, draft_2025):
    report = write_report(tmp_path / "bao-cao.docx")
    review = tmp_path / "ra-soat.xlsx"
    review.write_bytes(render_review([]))
    text = tmp_path / "tk.txt"
    text.write_text("x", encoding="utf-8")
    reports, reviews, rest = split_reports([report, review, text, draft_2025.result.docx_path,
                                            tmp_path / "bieu-mau.xlsx"])
    assert (reports, reviews) == ([report, text], [review])
    assert rest == [draft_2025.result.docx_path, tmp_path / "bieu-mau.xlsx"]
    assert is_briefgen_draft(draft_2025.result.docx_path) and not is_briefgen_draft(report)


# --- the review sheet ---------------------------------------------------------------------------

def test_review_sheet_round_trip_uses_only_accepted_rows(tmp_path, capsys):
    report = write_report(tmp_path / "lang-son.docx")
    review = tmp_path / "review.xlsx"
    assert main(["extract", str(report), "--format", "xlsx", "-o", str(review)]) == 0
    book = load_workbook(review)
    sheet = book[REVIEW_SHEET]
    assert tuple(c.value for c in sheet[1]) == HEADER
    assert "Hướng dẫn" in book.sheetnames
    assert sheet.data_validations.dataValidation[0].formula1 == '"Có,Không"'
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[0].value for r in rows] == ["iip_growth", "retail_sales", "retail_growth", "export_value",
                                          "export_growth"]
    assert rows[1][1].value == "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
    assert (rows[1][9].value, rows[1][10].value, rows[1][11].value) == ("đoạn 4", "lang-son.docx", ISSUER)
    for row in rows:
        if row[0].value.startswith("retail"):
            row[12].value = "Không"
    book.save(review)
    assert is_review(review)
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(review)]) == 0
    manifest = json.loads(next((tmp_path / "out").rglob("manifest.json")).read_text(encoding="utf-8"))
    used = {f["id"] for f in manifest["reports"]["figures"]}
    assert used == {"iip_growth@Lạng Sơn:9M-2025#2025", "export_value@Lạng Sơn:9M-2025#2025",
                    "export_growth@Lạng Sơn:9M-2025#2025"}


def test_a_bad_review_cell_is_named_and_nothing_is_written(tmp_path, capsys):
    report = write_report(tmp_path / "lang-son.docx")
    review = tmp_path / "review.xlsx"
    assert main(["extract", str(report), "--format", "xlsx", "-o", str(review)]) == 0
    book = load_workbook(review)
    book[REVIEW_SHEET]["M3"] = "có lẽ"
    book[REVIEW_SHEET]["E4"] = "nhiều"
    book.save(review)
    capsys.readouterr()
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(review)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors == ["Lỗi: review.xlsx › Rà soát!M3: cần ghi Có hoặc Không (đang là 'có lẽ')",
                      "Lỗi: review.xlsx › Rà soát!E4: giá trị 'nhiều' không phải là số",
                      "Lỗi: bảng rà soát có 2 lỗi; chưa soạn dự thảo, không ghi tệp nào",
                      "Gợi ý: sửa các ô nêu trên (cột Sử dụng: Có hoặc Không; Giá trị: một số; Kỳ: mã như "
                      "9M-2025) rồi chạy lại"]
    assert not (tmp_path / "out").exists()


def test_xlsx_needs_an_output_file(tmp_path, capsys):
    report = write_report(tmp_path / "lang-son.docx")
    assert main(["extract", str(report), "--format", "xlsx"]) == 2
    assert "--format xlsx cần -o TỆP.xlsx" in capsys.readouterr().err


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=st.text(max_size=80), issuer=st.text(max_size=30))
def test_any_quote_round_trips_through_the_review_sheet_as_text(tmp_path, quote, issuer):
    item = Reported(Extracted("r.txt", "iip_growth", "9M-2025", "Lạng Sơn", Decimal("8.2"), "%", True, quote, 0,
                              location="dòng 1"), issuer.strip() or None)
    path = tmp_path / "r.xlsx"
    path.write_bytes(render_review([item]))
    back = read_review(path)
    assert len(back) == 1 and back[0].figure.value == Decimal("8.2") and back[0].figure.estimate
    assert back[0].figure.quote == "".join(" " if ord(c) < 32 and c not in "\t\n\r" else c
                                           for c in quote).strip()


# --- bad inputs ---------------------------------------------------------------------------------

def test_a_docx_that_is_not_a_zip_stops_the_build_by_name(tmp_path, capsys):
    fake = tmp_path / "gia.docx"
    fake.write_bytes(b"This is not a zip file at all")
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(fake)]) == 1
    assert capsys.readouterr().err == (f"Lỗi: {fake}: không phải tệp .docx hợp lệ (không mở được như tệp "
                                       "zip); hãy lưu lại bằng Word dạng .docx\n")
    assert not (tmp_path / "out").exists()


def test_an_encrypted_pdf_stops_the_build_by_name(tmp_path, capsys):
    locked = encrypted_pdf(tmp_path / "khoa.pdf")
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(locked)]) == 1
    assert capsys.readouterr().err == f"Lỗi: {locked}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi thử lại\n"
    assert not (tmp_path / "out").exists()


def test_a_txt_report_feeds_the_draft_like_a_docx(tmp_path, dataset):
    text = tmp_path / "lang-son.txt"
    text.write_text("\n".join(LANG_SON) + "\n", encoding="utf-8")
    result = build_briefing(2025, HOST, out_dir=tmp_path / "out", dataset=dataset, data_files=[text])
    _, manifest = read_back(result)
    entry = next(f for f in manifest["figures"] if f["id"] == "retail_growth@Lạng Sơn:9M-2025#2025")
    assert entry["report"]["location"] == "dòng 4" and entry["source"] == "lang-son.txt, dòng 4"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(
    st.sampled_from(["Lạng Sơn", "Tuyên Quang", "region", "national", "Hà Giang", ""]),
    st.sampled_from(["iip_growth", "retail_sales", "retail_growth", "export_value", "export_growth",
                     "industrial_output_value"]),
    st.decimals(min_value=-10 ** 16, max_value=10 ** 16, allow_nan=False, allow_infinity=False, places=2),
    st.sampled_from(["%", "tỷ đồng", "nghìn tỷ đồng", "triệu USD", "tỷ USD", "lần", ""]),
    st.sampled_from(["9M-2025", "2024", "M9-2025"])), max_size=6))
def test_arbitrary_report_figures_enter_only_as_possible_values(dataset, rows):
    edition = build_edition(dataset, 2025, HOST)
    items = [_reported(scope, indicator, str(value), unit, period, f"dòng {i}")
             for i, (scope, indicator, value, unit, period) in enumerate(rows)]
    merged, forms, reports = add_reports(dataset, edition, [], items)
    added = [f for f in merged.figures if f.id in reports.sources]
    assert all(value_problem(f.indicator, f.value, f.unit) is None for f in added)
    assert all(f.status == "unconfirmed" and f.note.startswith("Trích từ báo cáo") for f in added)
    assert all(f.period.code in ("9M-2025", "2024") for f in added)


@pytest.mark.libreoffice
def test_a_pdf_report_feeds_the_draft_with_page_locations(tmp_path, dataset):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    source = write_report(tmp_path / "lang-son.docx")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    result = build_briefing(2025, HOST, out_dir=tmp_path / "out", dataset=dataset,
                            data_files=[tmp_path / "lang-son.pdf"])
    _, manifest = read_back(result)
    # The PDF breaks the IIP and retail sentences across lines; rejoined, every figure is found
    # with the quote the .docx gives.
    figures = {f["id"]: f for f in manifest["figures"]}
    for figure_id, (_, quote, _) in EXPECTED.items():
        entry = figures[figure_id]
        assert entry["report"]["location"] == "trang 1" and entry["quote"] == quote, figure_id
        assert entry["source"] == "lang-son.pdf, trang 1" and entry["status"] == "unconfirmed"
    assert [figures[i]["value"] for i in EXPECTED] == ["8.2", "25310", "10.1", "512.4", "5.3"]
