"""Qualifiers a report states ("hơn", "trên", "từ … trở lên", "giá so sánh 2010", "ước") reach the draft."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyze.edition import build_edition
from briefgen.api import build_briefing
from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND, QUALIFIERS
from briefgen.extract import extract_text
from briefgen.extract.model import Figure as Extracted
from briefgen.extract.qualifiers import find_qualifiers
from briefgen.extract.reported import Reported
from briefgen.reports import add_reports
from docx_text import cell_text, text_of

HOST = "Tuyên Quang"
REPORT = (
    "BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP VÀ THƯƠNG MẠI 9 THÁNG NĂM 2025\n"
    "SỞ CÔNG THƯƠNG TỈNH TUYÊN QUANG\n"
    "Chín tháng năm 2025, chỉ số sản xuất công nghiệp (IIP) trên địa bàn tỉnh ước tăng 8,5% so với cùng kỳ.\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng năm 2025 đạt hơn 24 nghìn tỷ đồng, "
    "tăng 10,1% so với cùng kỳ.\n"
    "Kim ngạch xuất khẩu 9 tháng năm 2025 đạt 512,4 triệu USD, tăng trên 5,3%.\n")


def _qualifiers(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(str(f.value), find_qualifiers(text, f)) for f in extract_text(text, "t.txt")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Năm 2024, diện tích các cụm công nghiệp đạt hơn 2.400 ha.", [("2400", (LOWER_BOUND,))]),
    ("Kim ngạch xuất khẩu năm 2024 tăng trên 22%.", [("22", (LOWER_BOUND,))]),
    ("Chỉ số sản xuất công nghiệp năm 2024 cao hơn 5% so với bình quân.", [("5", ())]),
    ("Năm 2024 có 13 địa phương có IIP tăng từ 10% trở lên.", [("13", ())]),   # a threshold, no figure
    ("Kim ngạch xuất khẩu năm 2024 tăng từ 5% trở lên so với năm 2023.", [("5", (AT_LEAST,))]),
    ("Kim ngạch xuất khẩu năm 2024 tăng từ 5% lên 8%.", [("5", ()), ("8", ())]),
    ("Giá trị sản xuất công nghiệp năm 2024 (theo giá so sánh 2010) đạt 45.000 tỷ đồng.",
     [("45000", (CONSTANT_PRICES_2010,))]),
    ("Năm 2024, giá trị sản xuất công nghiệp (giá so sánh 2010) tăng 8%; bán lẻ đạt 25 nghìn tỷ đồng.",
     [("8", (CONSTANT_PRICES_2010,)), ("25", ())]),
    ("Giá trị sản xuất công nghiệp năm 2024 đạt hơn 45.000 tỷ đồng (giá so sánh năm 2010); xuất khẩu tăng 3%.",
     [("45000", (LOWER_BOUND, CONSTANT_PRICES_2010)), ("3", ())]),
    ("Tổng mức bán lẻ năm 2024 đạt 25.310 tỷ đồng, tăng 10,1%.", [("25310", ()), ("10.1", ())]),
])
def test_qualifiers_are_read_beside_the_number(text, expected):
    assert _qualifiers(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("hơn trên từ trở lên giá so sánh 2010 tăng đạt %,.;\n0123456789"))),
       st.integers(min_value=0, max_value=80), st.text(max_size=20))
def test_any_text_gives_known_qualifiers_or_none(text, start, quote):
    figure = Extracted("t.txt", "other", "", "region", Decimal(1), "%", False, quote, start)
    assert set(find_qualifiers(text, figure)) <= set(QUALIFIERS)


def test_a_report_figure_entering_the_dataset_keeps_its_qualifiers(dataset):
    national_id = "iip_growth@national:9M-2025#2025"
    dataset = replace(dataset, figures=tuple(f for f in dataset.figures if f.id != national_id))
    figure = Extracted("tk.txt", "iip_growth", "9M-2025", "national", Decimal("9"), "%", True, "tăng trên 9%", 0)
    merged, _, _ = add_reports(dataset, build_edition(dataset, 2025, HOST), [],
                               [Reported(figure, "Tổng cục Thống kê", (LOWER_BOUND,))])
    added = next(f for f in merged.figures if f.id == national_id)
    assert (added.qualifiers, added.estimate) == ((LOWER_BOUND,), True)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, dataset):
    folder = tmp_path_factory.mktemp("qualified")
    report = folder / "tuyen-quang.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = build_briefing(2025, HOST, out_dir=folder / "out", dataset=dataset, data_files=[report])
    return docx.Document(str(result.docx_path))


def test_the_draft_prints_hon_tren_and_uoc_from_the_report(drafted):
    text = "\n".join(text_of(p) for p in drafted.paragraphs)
    assert "chỉ số sản xuất công nghiệp (IIP) ước tăng 8,5% so với cùng kỳ" in text
    assert "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt hơn 24.000 tỷ đồng" in text
    assert "kim ngạch xuất khẩu đạt 512,4 triệu USD, tăng trên 5,3%" in text


def test_the_province_table_marks_them_too(drafted):
    rows = [[cell_text(c) for c in row.cells] for table in drafted.tables for row in table.rows]
    host = [row for row in rows if row[1:2] == ["Tuyên Quang (đăng cai) *"]][-1]
    assert host[2:4] == ["8,5\u00a0(ước)", "hơn 24.000"] and host[6:8] == ["512,4", "hơn 5,3"]


def test_a_regional_total_summed_from_a_lower_bound_is_one_too(dataset, tmp_path):
    """A province's "hơn 24 nghìn tỷ đồng" makes the region's sum a lower bound as well."""
    report = tmp_path / "tuyen-quang.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = build_briefing(2025, HOST, out_dir=tmp_path / "out", dataset=dataset, data_files=[report])
    text = "\n".join(text_of(p) for p in docx.Document(str(result.docx_path)).paragraphs)
    assert "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực ước đạt hơn 24" in text \
        or "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực đạt hơn 24" in text
