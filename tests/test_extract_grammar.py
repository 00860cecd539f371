"""Rules of Vietnamese report grammar the extractor follows, one construction per test.

Each text is short and invented; the expected rows follow ../shared/extract-dev/CONVENTIONS.md.
"""

from __future__ import annotations

from briefgen.extract import extract_text
from briefgen.extract.subject import find_subject
from briefgen.extract.text import Source


def core(text: str) -> list[tuple]:
    """Return (indicator, period, scope, value) of each core figure of *text*."""
    return [(f.indicator, f.period, f.scope, str(f.value))
            for f in extract_text(text, "t.txt") if f.indicator != "other"]


def subject(text: str) -> str:
    return find_subject(Source("t.txt", text))


# --- the document's subject -------------------------------------------------------------

def test_provincial_report_issuer_makes_the_province_the_default_scope():
    text = ("SỞ CÔNG THƯƠNG TỈNH VĨNH PHÚC\nBáo cáo tình hình 9 tháng năm 2024\n"
            "Chỉ số sản xuất công nghiệp 9 tháng năm 2024 tăng 8,1% so với cùng kỳ.")
    assert core(text) == [("iip_growth", "9M-2024", "Vĩnh Phúc", "8.1")]


def test_province_named_in_title_with_colon_is_the_subject():
    assert subject("Hải phòng: thương mại quý I/2024 tăng hai con số\nBa tháng đầu năm …") \
        == "Hải Phòng"


def test_statistics_office_release_is_national():
    text = ("Sản xuất công nghiệp bốn tháng đầu năm 2014 tăng khá\n"
            "Theo Tổng cục Thống kê, IIP 4 tháng đầu năm 2014 tăng 5,4%.")
    assert core(text) == [("iip_growth", "4M-2014", "national", "5.4")]


def test_provincial_statistics_office_is_not_national():
    assert subject("CỤC THỐNG KÊ TỈNH ĐỒNG NAI\nTình hình kinh tế tháng 11 năm 2024") == "Đồng Nai"


def test_ministry_as_issuer_wins_over_provinces_listed_after():
    text = ("BỘ CÔNG THƯƠNG - TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP SÁU THÁNG ĐẦU NĂM 2024\n"
            "IIP 6 tháng tăng 7,9%. Một số địa phương tăng cao: Bắc Giang (+21,67%).")
    assert subject(text) == "national"


def test_conference_of_the_provinces_of_a_region_is_regional():
    assert subject("Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ 8\n"
                   "Ngày 14/10, UBND tỉnh Tây Ninh và Bộ Công Thương phối hợp tổ chức …") \
        == "region"


def test_conference_hosted_in_a_province_is_still_regional():
    assert subject("Ngày 17/10/2025, tại tỉnh Tuyên Quang (mới), Bộ Công Thương tổ chức Hội nghị "
                   "ngành Công Thương các tỉnh, thành phố khu vực phía Bắc năm 2025.") == "region"


def test_national_comparison_in_the_opening_does_not_make_a_national_report():
    assert subject("Năm 2022, IIP 23/28 tỉnh thành cao hơn mức tăng của cả nước.") == "region"


def test_province_named_most_in_a_text_about_the_province():
    text = ("KINH TẾ THỦ ĐÔ BẢY THÁNG NĂM 2025\nSau bảy tháng, kinh tế - xã hội Hà Nội tăng khá.\n"
            "Tổng mức bán lẻ trên địa bàn tăng 11,9%. Hà Nội thu hút nhiều vốn.")
    assert subject(text) == "Hà Nội"


def test_named_scope_in_the_sentence_wins_over_the_subject():
    text = ("Bắc Giang dẫn đầu cả nước về tăng trưởng sáu tháng đầu năm 2024\n"
            "Sáu tháng đầu năm 2024, IIP cả nước tăng 7,5%. IIP tăng 22,5%.")
    assert core(text) == [("iip_growth", "H1-2024", "national", "7.5"),
                          ("iip_growth", "H1-2024", "Bắc Giang", "22.5")]


def test_count_of_provinces_out_of_63_is_national():
    text = "Hội nghị các tỉnh khu vực phía Bắc\nSáu tháng năm 2024, có 47/63 địa phương có IIP tăng."
    assert core(text) == [("provinces_count", "H1-2024", "national", "47")]


# --- periods --------------------------------------------------------------------------

def test_months_written_in_words_are_cumulative_periods():
    text = "Sáu tháng đầu năm 2019, IIP tăng 10,5%. Chín tháng năm 2019, IIP tăng 11%."
    assert [row[1] for row in core(text)] == ["H1-2019", "9M-2019"]


def test_months_with_a_leading_zero():
    assert core("06 tháng đầu năm 2018, IIP tăng 9%.")[0][1] == "H1-2018"


def test_first_three_months_are_the_first_quarter():
    assert core("Ba tháng đầu năm 2024, IIP tăng 9,2%.")[0][1] == "Q1-2024"


def test_month_named_in_words():
    assert core("Năm 2023. IIP tháng Mười tăng 13,7%.")[0][1] == "M10-2023"


def test_month_with_a_dash_before_the_year():
    assert core("IIP tháng 4-2014 tăng 6%.")[0][1] == "M4-2014"
