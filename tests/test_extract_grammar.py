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


def test_half_year_written_as_first_half():
    assert core("Nửa đầu năm 2015, tổng mức bán lẻ hàng hóa đạt 256.850 tỷ đồng.")[0][1] == "H1-2015"


def test_period_after_the_figure_with_cua_is_its_own():
    text = "Cộng dồn 4 tháng đầu năm 2014, IIP tăng 5,4%, so với mức tăng 4,8% của 4 tháng năm 2013."
    assert [r[1] for r in core(text)] == ["4M-2014", "4M-2013"]


def test_own_period_of_an_earlier_figure_does_not_carry():
    text = ("Tháng 4-2014, IIP tăng 6%. Cộng dồn 4 tháng đầu năm, IIP tăng 5,4%, so với mức tăng "
            "4,8% của 4 tháng năm 2013. Xuất khẩu tăng 9%.")
    assert [r[1] for r in core(text)] == ["M4-2014", "4M-2014", "4M-2013", "4M-2014"]


# --- indicators, verbs and signs ---------------------------------------------------------

def test_higher_than_same_period_is_a_growth():
    assert core("Năm 2015, IIP cao hơn cùng kỳ 16,2%.") == [("iip_growth", "2015", "region", "16.2")]


def test_lower_than_same_period_la_is_a_decrease():
    assert core("IIP tháng 2/2023 thấp hơn tháng 2/2022 là 13,2%.") == \
        [("iip_growth", "M2-2023", "region", "-13.2")]


def test_province_list_in_parentheses_takes_each_province_and_sign():
    text = "Năm 2014, IIP tăng nhiều nhất tại Đà Nẵng (+10,8%), Quảng Ninh (-0,4%)."
    assert core(text) == [("iip_growth", "2014", "Đà Nẵng", "10.8"),
                          ("iip_growth", "2014", "Quảng Ninh", "-0.4")]


def test_money_more_than_same_period_is_a_change_not_a_level():
    assert core("Quý I/2020, kim ngạch xuất khẩu nhiều hơn cùng kỳ khoảng 4,43 tỷ USD.") == []


def test_goods_retail_under_a_total_with_services_is_a_part():
    text = ("Năm 2018, tổng mức lưu chuyển hàng hóa và dịch vụ đạt 19.760 tỷ đồng. Trong tổng "
            "mức này, doanh thu bán lẻ hàng hóa ước 17.137 tỷ đồng.")
    assert core(text) == [("retail_sales", "2018", "region", "19760")]


def test_goods_retail_alone_is_the_retail_figure():
    assert core("Quý I/2023, doanh thu bán lẻ hàng hóa tăng 23,84%.") == \
        [("retail_growth", "Q1-2023", "region", "23.84")]


def test_imports_after_exports_are_not_exports():
    text = "Năm 2018, kim ngạch xuất khẩu đạt 618,9 triệu USD. Hàng hóa nhập về khoảng 626 triệu USD."
    assert core(text) == [("export_value", "2018", "region", "618.9")]


# --- counts of provinces ---------------------------------------------------------------

def test_provinces_where_the_index_rose_or_fell_are_counts():
    text = "BỘ CÔNG THƯƠNG\nNăm 2022, IIP tăng ở 61 địa phương và chỉ giảm ở 02 địa phương."
    assert core(text) == [("provinces_count", "2022", "national", "61"),
                          ("provinces_count", "2022", "national", "2")]


def test_count_out_of_all_provinces_takes_the_total_as_denominator():
    figures = extract_text("BỘ CÔNG THƯƠNG\n10 tháng năm 2025, IIP tăng ở cả 34 địa phương.", "t")
    assert [(f.value, f.unit) for f in figures] == [(34, "/34")]


def test_provinces_named_after_a_count_are_its_make_up_not_a_count():
    assert core("Năm 2024, 3 tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh tăng mạnh.") == []


def test_sub_period_singled_out_with_rieng_does_not_carry():
    text = ("Chỉ số sản xuất công nghiệp 9 tháng năm 2024 tăng 7,8%; riêng quý III tăng 10,2%. "
            "Giá trị sản xuất công nghiệp đạt 268.450 tỷ đồng.")
    assert [r[1] for r in core(text)] == ["9M-2024", "Q3-2024", "9M-2024"]


def test_month_on_month_change_is_other():
    text = "IIP tháng 10/2025 cao hơn tháng 9 là 2,4% và cao hơn tháng 10/2024 là 10,8%."
    assert core(text) == [("iip_growth", "M10-2025", "region", "10.8")]


def test_quarter_and_cumulative_in_one_sentence():
    text = ("Chỉ số sản xuất công nghiệp tháng 6/2023 tăng 2,1% so với tháng trước và tăng 9,4% so "
            "với cùng kỳ; quý II tăng 7,6% so với quý II/2022 và tăng 3,5% so với quý I; tính chung "
            "06 tháng tăng 5,2%.")
    assert core(text) == [("iip_growth", "M6-2023", "region", "9.4"),
                          ("iip_growth", "Q2-2023", "region", "7.6"),
                          ("iip_growth", "H1-2023", "region", "5.2")]


def test_figure_alone_in_parentheses_after_a_province_takes_the_list_verb():
    text = ("Năm 2024, IIP 6/20 tỉnh tăng nhanh hơn bình quân, xếp theo thứ tự: Bến Tre (11,32%), "
            "Vĩnh Long (12,50%).")
    assert core(text)[1:] == [("iip_growth", "2024", "Bến Tre", "11.32"),
                              ("iip_growth", "2024", "Vĩnh Long", "12.50")]


def test_text_year_applies_before_any_year_is_stated():
    text = "IIP tháng Mười tăng mạnh.\nTrong tháng 10, IIP tăng 13,7%. Tính chung 10 tháng năm 2023, IIP tăng 5,5%."
    assert [r[1] for r in core(text)] == ["M10-2023", "10M-2023"]


def test_period_stated_mid_paragraph_does_not_carry_to_the_next_paragraph():
    text = ("- Chỉ số sản xuất công nghiệp: năm 2022 tăng 11,2%; quý IV/2022 tăng 6,5%.\n"
            "- Kim ngạch xuất khẩu đạt 3.486,5 triệu USD.")
    assert [r[1] for r in core(text)] == ["2022", "Q4-2022", "2022"]


def test_whole_year_written_ca_nam():
    text = "Năm 2022. Tháng 12 tổng mức bán lẻ hàng hóa đạt 7.214 tỷ đồng; cả năm đạt 78.905 tỷ đồng."
    assert [r[1] for r in core(text)] == ["M12-2022", "2022"]


def test_table_row_takes_the_unit_of_its_label():
    figures = extract_text("Năm 2022.\n- Kim ngạch xuất khẩu (triệu USD): cả năm 3.486,5; tăng 17,0%.\n"
                           "- Giá trị sản xuất công nghiệp (giá hiện hành, tỷ đồng): 215.460.", "t")
    assert [(f.indicator, f.period, str(f.value), f.unit) for f in figures] == [
        ("export_value", "2022", "3486.5", "triệu USD"), ("export_growth", "2022", "17.0", "%"),
        ("industrial_output_value", "2022", "215460", "tỷ đồng")]


def test_sector_indices_are_other():
    text = "Năm 2023, IIP tăng 5,5%; khai khoáng tăng 13,6%, chế biến, chế tạo tăng 11,4%."
    assert core(text) == [("iip_growth", "2023", "region", "5.5")]


def test_plan_year_carries_within_its_paragraph_only():
    text = ("Trong 6 tháng đầu năm 2013, IIP tăng 5%. Kế hoạch kinh phí khuyến công năm 2013 là "
            "30,2 tỷ đồng. Trong đó: kinh phí quốc gia là 16,1 tỷ đồng.\n"
            "Xuất khẩu đạt 120 triệu USD.")
    assert [(f.period, str(f.value)) for f in extract_text(text, "t")] == [
        ("H1-2013", "5"), ("2013", "30.2"), ("2013", "16.1"), ("H1-2013", "120")]


# --- scopes named in the sentence ------------------------------------------------------

def test_province_after_dan_dau_la_is_the_subject_of_its_figure():
    text = "Năm 2023, IIP dẫn đầu là tỉnh Trà Vinh với mức tăng 25,52%; thứ hai là Hậu Giang, tăng 12,22%."
    assert core(text) == [("iip_growth", "2023", "Trà Vinh", "25.52"),
                          ("iip_growth", "2023", "Hậu Giang", "12.22")]


def test_province_list_without_verbs_takes_the_verb_of_the_list():
    text = "Năm 2022, IIP tiêu biểu là Tây Ninh với mức tăng 20,13%, Vĩnh Long 28,9% và Thành phố Cần Thơ 30,9%."
    assert core(text) == [("iip_growth", "2022", "Tây Ninh", "20.13"),
                          ("iip_growth", "2022", "Vĩnh Long", "28.9"),
                          ("iip_growth", "2022", "Cần Thơ", "30.9")]


def test_scope_right_after_the_figure_with_cua_is_its_own():
    text = "Trong 9 tháng năm 2025, IIP toàn vùng tăng 11,8%, cao hơn mức tăng 9,1% của cả nước."
    assert core(text) == [("iip_growth", "9M-2025", "region", "11.8"),
                          ("iip_growth", "9M-2025", "national", "9.1")]


def test_post_merger_new_province_tag_before_its_figure():
    text = "9 tháng năm 2025, IIP dẫn đầu là Phú Thọ (mới) (+27,4%), tiếp theo là Bắc Ninh (+19,6%)."
    assert core(text) == [("iip_growth", "9M-2025", "Phú Thọ", "27.4"),
                          ("iip_growth", "9M-2025", "Bắc Ninh", "19.6")]


def test_former_province_now_part_of_another_keeps_its_own_name():
    text = "9 tháng năm 2025, IIP địa bàn tỉnh Hà Giang cũ, nay thuộc tỉnh Tuyên Quang, chỉ tăng 6,3%."
    assert core(text) == [("iip_growth", "9M-2025", "Hà Giang", "6.3")]


# --- ranges -----------------------------------------------------------------------------

def test_outcome_estimate_range_keeps_its_indicator_and_both_bounds():
    text = "Năm 2024, kim ngạch xuất khẩu ước cả năm đạt khoảng 50,5-51 tỷ USD, tăng 6-7% so với năm trước."
    assert [(f.indicator, f.value_text, f.estimate) for f in extract_text(text, "t")] == [
        ("export_value", "50.5-51", True), ("export_growth", "6-7", True)]


def test_year_span_is_not_a_range_of_a_figure():
    assert [f.value_text for f in extract_text("Giai đoạn 2021-2025, IIP tăng 8,7%.", "t")] == ["8.7"]


# --- targets and plans ------------------------------------------------------------------

def test_outcome_after_a_target_in_the_same_sentence_is_kept():
    text = "Năm 2024, chỉ số sản xuất công nghiệp: chỉ tiêu giao tăng 9-10%; ước thực hiện tăng 11,2%."
    assert core(text) == [("iip_growth", "2024", "region", "11.2")]


def test_list_of_targets_after_chi_tieu_stays_targets():
    assert core("Năm 2023, các chỉ tiêu: IIP tăng khoảng 8-9%; xuất khẩu tăng khoảng 6%.") == []


def test_plan_level_written_ke_hoach_then_number_is_a_target():
    text = "Năm 2024, giá trị sản xuất công nghiệp: kế hoạch 1.420 nghìn tỷ đồng; ước thực hiện 1.468,3 nghìn tỷ đồng."
    assert core(text) == [("industrial_output_value", "2024", "region", "1468.3")]


def test_plan_year_in_the_title_is_not_the_year_of_outcomes():
    text = ("Báo cáo kết quả năm 2024 và kế hoạch năm 2025\n1. Kết quả năm 2024\n"
            "- Kim ngạch xuất khẩu: ước cả năm đạt 50 tỷ USD.")
    assert core(text)[0][1] == "2024"


def test_export_gap_x_lan_same_period_is_export_growth_in_lan():
    text = "6 tháng năm 2024, kim ngạch xuất khẩu của Phú Thọ gấp 2,3 lần cùng kỳ."
    assert [(f.indicator, f.scope, str(f.value), f.unit) for f in extract_text(text, "t")] == [
        ("export_growth", "Phú Thọ", "2.3", "lần")]


def test_muc_tang_la_is_a_growth():
    assert core("Quý I/2023, doanh thu bán lẻ hàng hóa so với cùng kỳ năm trước, mức tăng là 23,84%.") \
        == [("retail_growth", "Q1-2023", "region", "23.84")]


def test_plan_year_of_a_plan_share_does_not_carry():
    text = ("Nửa đầu năm 2023, doanh thu du lịch hoàn thành 74,7% kế hoạch năm 2023. Tổng mức bán lẻ "
            "hàng hóa ước 31.397 tỷ đồng.")
    assert core(text) == [("retail_sales", "H1-2023", "region", "31397")]


def test_change_against_another_month_of_the_year_is_month_on_month():
    text = ("Chỉ số sản xuất công nghiệp tháng 9/2023 cao hơn cùng tháng năm 2022 là 11,37%, và so "
            "với tháng 8/2023 tăng 3,32%.")
    assert core(text) == [("iip_growth", "M9-2023", "region", "11.37")]


def test_same_month_last_year_is_year_on_year():
    assert core("IIP tháng 11/2024 cao hơn tháng 11/2023 là 9,42% và cao hơn tháng 10/2024 là 1,14%.") \
        == [("iip_growth", "M11-2024", "region", "9.42")]


def test_parts_by_ownership_are_other():
    text = ("Năm 2019, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 18.055 tỷ đồng. Chia theo "
            "thành phần kinh tế, khu vực nhà nước ước gần 1 nghìn tỷ đồng.")
    assert core(text) == [("retail_sales", "2019", "region", "18055")]


def test_comparison_word_of_the_previous_sentence_does_not_reach_a_province():
    text = "Năm 2023, IIP tăng so với cùng kỳ. Dẫn đầu là tỉnh Trà Vinh với mức tăng 25,52%."
    assert core(text) == [("iip_growth", "2023", "Trà Vinh", "25.52")]


def test_figure_in_parentheses_after_cao_nhat_la_takes_the_growth_verb():
    text = "Năm 2022, IIP tăng nhanh tại Trà Vinh (40,79%) và cao nhất là Bà Rịa-Vũng Tàu (47,14%)."
    assert core(text) == [("iip_growth", "2022", "Trà Vinh", "40.79"),
                          ("iip_growth", "2022", "Bà Rịa - Vũng Tàu", "47.14")]


def test_passing_mention_of_the_nation_does_not_become_the_next_sentence_scope():
    text = ("SỞ CÔNG THƯƠNG TỈNH NINH BÌNH\nNăm 2023, tỉnh xếp thứ 12 trên cả nước. Tổng mức bán lẻ "
            "hàng hóa tăng 42%.")
    assert core(text) == [("retail_growth", "2023", "Ninh Bình", "42")]


def test_second_figure_of_one_statement_shares_its_verb():
    text = "Tổng mức bán lẻ hàng hóa tháng 6/2023 tăng 0,9% so với tháng 5 và 10,3% so với tháng 6/2022."
    assert core(text) == [("retail_growth", "M6-2023", "region", "10.3")]


def test_provinces_sharing_one_figure_in_parentheses_each_get_it():
    text = "6 tháng năm 2024, IIP tăng cao ở Quảng Ninh và Thanh Hóa (cùng +14%)."
    assert core(text) == [("iip_growth", "H1-2024", "Quảng Ninh", "14"),
                          ("iip_growth", "H1-2024", "Thanh Hóa", "14")]


def test_amount_in_trillions_of_dong():
    figures = extract_text("9 tháng năm 2023, tổng mức bán lẻ hàng hóa cả nước đạt 4,6 triệu tỷ đồng.", "t")
    assert [(f.indicator, str(f.value), f.unit) for f in figures] == \
        [("retail_sales", "4.6", "triệu tỷ đồng")]


def test_next_paragraph_takes_the_cumulative_period_over_a_month_of_it():
    text = ("Sáu tháng đầu năm 2022, chỉ số sản xuất công nghiệp tăng 8,7%. Chỉ số IIP tháng 6 bằng "
            "101,2% so với tháng trước.\nTổng mức bán lẻ hàng hóa ước đạt 9.876 tỷ đồng, tăng 12,4%.")
    assert [r[1] for r in core(text)] == ["H1-2022", "H1-2022", "H1-2022"]


def test_du_kien_for_the_whole_year_in_a_half_year_report_is_a_forecast():
    text = ("Sáu tháng đầu năm 2022, chỉ số sản xuất công nghiệp tăng 8,7%. Dự kiến cả năm 2022, "
            "chỉ số sản xuất công nghiệp tăng 9-10%.")
    assert core(text) == [("iip_growth", "H1-2022", "region", "8.7")]


def test_du_kien_for_the_whole_year_at_its_end_is_an_estimate():
    text = ("11 tháng năm 2023, IIP tăng 10,5%. Chỉ số sản xuất công nghiệp cả năm dự kiến tăng "
            "trên 11% so với năm 2022.")
    assert core(text) == [("iip_growth", "11M-2023", "region", "10.5"),
                          ("iip_growth", "2023", "region", "11")]


def test_same_period_of_an_earlier_year_opening_a_parenthesis():
    text = ("Chỉ số sản xuất công nghiệp 9 tháng năm 2024 tăng 8,4% so với cùng kỳ năm trước (cùng kỳ "
            "năm 2023 tăng 0,3%). Xuất khẩu tăng 15,4% (cùng kỳ giảm 8,2%).")
    assert [(r[0], r[1], r[3]) for r in core(text)] == [
        ("iip_growth", "9M-2024", "8.4"), ("iip_growth", "9M-2023", "0.3"),
        ("export_growth", "9M-2024", "15.4"), ("export_growth", "9M-2023", "-8.2")]


def test_same_period_after_a_comparison_word_is_no_period():
    assert core("Năm 2023, IIP tăng 5% so với cùng kỳ; xuất khẩu bằng 96% cùng kỳ.") == \
        [("iip_growth", "2023", "region", "5")]


def test_growth_excluding_prices_is_other():
    text = "9 tháng năm 2024, tổng mức bán lẻ hàng hóa tăng 8,8%, nếu loại trừ yếu tố giá tăng 5,9%."
    assert core(text) == [("retail_growth", "9M-2024", "region", "8.8")]


def test_post_merger_city_name_hue_is_a_scope_and_the_old_name_stays():
    assert core("Năm 2025, IIP thành phố Huế tăng 9%. Năm 2024, IIP tỉnh Thừa Thiên Huế tăng 8%.") \
        == [("iip_growth", "2025", "Huế", "9"), ("iip_growth", "2024", "Thừa Thiên Huế", "8")]


def test_new_province_named_in_the_title_is_the_subject():
    assert subject("SỞ CÔNG THƯƠNG TỈNH TUYÊN QUANG (MỚI)\nBáo cáo 9 tháng năm 2025") == "Tuyên Quang"


def test_signed_figure_after_a_province_and_colon():
    text = "BỘ CÔNG THƯƠNG\n6 tháng năm 2024, IIP tăng cao ở (Bắc Ninh: +5,2%; Thái Nguyên: -3,1%)."
    assert core(text) == [("iip_growth", "H1-2024", "Bắc Ninh", "5.2"),
                          ("iip_growth", "H1-2024", "Thái Nguyên", "-3.1")]


def test_statistics_office_quoted_about_the_province_is_not_national():
    text = ("Kinh tế 9 tháng tăng trưởng khá\nTheo Cục Thống kê, GRDP của tỉnh tăng 8%. Sở Công "
            "Thương Nam Định cho biết IIP tăng 12%.")
    assert subject(text) == "Nam Định"


def test_text_without_cues_in_its_opening_that_speaks_of_the_nation_is_national():
    text = "Tình hình tháng 9/2024\nTrong tháng 9, IIP tăng 10,8%.\nXuất khẩu cả nước tăng 9%."
    assert subject(text) == "national"


# --- wordings of the indicators, periods and counts (generalisation beyond the dev texts) ---

def test_development_index_of_the_whole_industry_with_its_acronym_is_the_iip():
    text = ("Báo cáo của UBND tỉnh Nam Định năm 2023. Tính chung 4 tháng, chỉ số phát triển sản "
            "xuất toàn ngành công nghiệp (IIP) cao hơn cùng kỳ 6,25%; các ngành cấp I đều tăng.")
    assert core(text) == [("iip_growth", "4M-2023", "Nam Định", "6.25")]


def test_iip_of_the_whole_industry_is_the_iip_not_a_sector():
    text = ("Tổng cục Thống kê. Lũy kế mười tháng năm 2021, chỉ số IIP của toàn ngành công nghiệp "
            "ước cao hơn cùng kỳ năm trước 4,1%.")
    assert core(text) == [("iip_growth", "10M-2021", "national", "4.1")]
    figures = extract_text(text, "t.txt")
    assert figures[0].estimate is True  # "công nghiệp ước …": not the "hiệp ước" of treaties


def test_iip_stated_with_la_after_the_base():
    text = "Tổng cục Thống kê. Quý II/2023, IIP toàn ngành cao hơn cùng kỳ năm 2022 là 3,6%."
    assert core(text) == [("iip_growth", "Q2-2023", "national", "3.6")]


def test_five_months_spelled_nam_thang_before_dau_nam():
    text = "Tổng cục Thống kê năm 2023. Cộng dồn năm tháng đầu năm, IIP tăng 1,1%."
    assert core(text) == [("iip_growth", "5M-2023", "national", "1.1")]


def test_nam_before_a_month_number_stays_the_year():
    text = "Tổng cục Thống kê năm 2023. Trong năm tháng 5 vừa qua, IIP tăng 1,1%."
    assert core(text) == [("iip_growth", "M5-2023", "national", "1.1")]


def test_count_of_provinces_after_a_comparative_and_its_base():
    text = ("Tổng cục Thống kê. IIP 7 tháng năm 2024 tăng 8,5%; chỉ số này cao hơn cùng kỳ năm "
            "trước tại 57 địa phương và thấp hơn so với cùng kỳ ở 6 địa phương.")
    assert core(text)[1:] == [("provinces_count", "7M-2024", "national", "57"),
                              ("provinces_count", "7M-2024", "national", "6")]


def test_bare_chi_so_refers_back_to_the_iip_for_provinces_in_parentheses():
    text = ("Tổng cục Thống kê. IIP sáu tháng năm 2023 tăng 2,0%.\n"
            "Xét theo địa phương, chỉ số 6 tháng giảm ở 3 địa phương (Bắc Ninh giảm 9,1%; "
            "Quảng Ninh giảm 1,4%).")
    assert core(text)[2:] == [("iip_growth", "H1-2023", "Bắc Ninh", "-9.1"),
                              ("iip_growth", "H1-2023", "Quảng Ninh", "-1.4")]


def test_bare_chi_so_after_the_price_index_is_not_the_iip():
    text = ("Tổng cục Thống kê. Chỉ số giá tiêu dùng tháng 3/2023 tăng 0,2%. "
            "Chỉ số quý I tăng 3,3%.")
    assert core(text) == []


def test_province_with_a_lower_case_first_letter_and_a_capital_after():
    text = "Tổng cục Thống kê. IIP quý I/2024 giảm ở bến Tre (giảm 2,5%)."
    assert ("iip_growth", "Q1-2024", "Bến Tre", "-2.5") in core(text)
    assert core("Tổng cục Thống kê. IIP quý I/2024 vì hòa bình tăng 2,5%.") == \
        [("iip_growth", "Q1-2024", "national", "2.5")]


def test_retail_and_consumer_services_revenue_without_hang_hoa_is_retail():
    text = ("UBND tỉnh Thái Bình. Tổng mức bán lẻ và doanh thu dịch vụ tiêu dùng tháng 5/2024 "
            "ước 3.150 tỷ đồng, tăng 10,2% so với cùng kỳ.")
    assert core(text) == [("retail_sales", "M5-2024", "Thái Bình", "3150"),
                          ("retail_growth", "M5-2024", "Thái Bình", "10.2")]


def test_retail_revenue_of_goods_and_services_is_retail():
    text = ("UBND tỉnh Thái Bình. Năm 2024, doanh thu bán lẻ hàng hoá và dịch vụ tiêu dùng đạt "
            "41.200 tỷ đồng, tăng 9,9%.")
    assert core(text) == [("retail_sales", "2024", "Thái Bình", "41200"),
                          ("retail_growth", "2024", "Thái Bình", "9.9")]


def test_parts_contributing_to_a_named_index_are_not_the_index():
    text = ("UBND tỉnh Thái Bình. Sáu tháng năm 2024, nhiều sản phẩm tăng khá, góp phần nâng "
            "chỉ số sản xuất toàn ngành: thép tăng 21,4%; giày dép tăng 8,8%.")
    assert core(text) == []


def test_month_on_month_base_does_not_carry_over_nhung():
    text = ("UBND tỉnh Lai Châu. Chỉ số sản xuất công nghiệp tháng 6/2023 ước giảm 1,4% so với "
            "tháng 5 nhưng tăng 5,8% so với tháng 6/2022.")
    assert core(text) == [("iip_growth", "M6-2023", "Lai Châu", "5.8")]


def test_table_row_with_signed_numbers_takes_the_percent_of_its_header():
    text = ("SỞ CÔNG THƯƠNG TỈNH LÀO CAI\nBiểu tóm tắt 6 tháng năm 2025.\n"
            "- Chỉ số sản xuất công nghiệp (% so với cùng kỳ): quý II +8,4; 6T/2025 -1,2 "
            "(cả nước +7,0).")
    assert core(text) == [("iip_growth", "Q2-2025", "Lào Cai", "8.4"),
                          ("iip_growth", "H1-2025", "Lào Cai", "-1.2"),
                          ("iip_growth", "H1-2025", "national", "7.0")]


def test_range_with_a_dash_stays_a_range_next_to_a_signed_figure():
    text = "UBND tỉnh Lai Châu. Năm 2024, chỉ số sản xuất công nghiệp ước tăng 8 - 9%."
    assert [(f.value, f.high) for f in extract_text(text, "t.txt")] == [(8, 9)]


def test_plan_level_in_parentheses_after_ke_hoach_nam_is_not_an_outcome():
    text = ("UBND tỉnh Lai Châu. Tổng mức bán lẻ hàng hóa 9 tháng năm 2024 ước 8.140 tỷ đồng, "
            "đạt 71,3% kế hoạch năm (11.000 tỷ đồng).")
    assert core(text) == [("retail_sales", "9M-2024", "Lai Châu", "8140")]


def test_plan_in_parentheses_in_a_table_row_is_not_an_outcome():
    text = ("UBND tỉnh Lai Châu.\n- Giá trị sản xuất công nghiệp (tỷ đồng): 9T/2025 27.310,7; "
            "so với kế hoạch năm (38.000) đạt 71,9%.")
    assert core(text) == [("industrial_output_value", "9M-2025", "Lai Châu", "27310.7")]


def test_growth_of_a_group_of_goods_is_a_part_of_exports():
    text = ("UBND tỉnh Lai Châu. Sáu tháng năm 2024, kim ngạch xuất khẩu đạt 60,4 triệu USD; "
            "nhóm hàng nông sản có mức tăng 12,5%; mặt hàng chè tăng 4%.")
    assert core(text) == [("export_value", "H1-2024", "Lai Châu", "60.4")]


def test_tourism_sentence_does_not_inherit_the_retail_indicator():
    text = ("UBND tỉnh Lai Châu. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 7 tháng năm 2024 "
            "tăng 11,5%. Lượt khách đến tỉnh 7 tháng tăng 21%.")
    assert core(text) == [("retail_growth", "7M-2024", "Lai Châu", "11.5")]


# --- other wordings of the same families (guards for texts not seen yet) -----------------

def _province(sentence: str) -> list[tuple]:
    return core("UBND tỉnh Nam Định năm 2024. " + sentence)


def test_output_value_of_the_whole_industry_is_the_level_and_its_growth_other():
    assert _province("Năm 2024, giá trị sản xuất toàn ngành công nghiệp đạt 205.300 tỷ đồng, "
                     "tăng 15,2%.") == [("industrial_output_value", "2024", "Nam Định", "205300")]


def test_retail_revenue_of_goods_and_services_with_so_cung_ky():
    assert _province("Doanh thu bán lẻ hàng hóa và dịch vụ 6 tháng đạt 30.500 tỷ đồng, tăng "
                     "12,1% so cùng kỳ.") == [("retail_sales", "H1-2024", "Nam Định", "30500"),
                                              ("retail_growth", "H1-2024", "Nam Định", "12.1")]


def test_exports_of_goods_with_tang_truong():
    assert _province("Xuất khẩu hàng hóa 10 tháng đạt 1.250 triệu USD, tăng trưởng 8,4%.") == \
        [("export_value", "10M-2024", "Nam Định", "1250"),
         ("export_growth", "10M-2024", "Nam Định", "8.4")]


def test_export_turnover_spelled_hoa_with_dat_muc_tang_and_a_roman_quarter():
    assert _province("Kim ngạch xuất khẩu hàng hoá quý IV ước đạt 410 triệu USD, đạt mức tăng "
                     "9,1%.") == [("export_value", "Q4-2024", "Nam Định", "410"),
                                  ("export_growth", "Q4-2024", "Nam Định", "9.1")]


def test_quarter_written_in_words():
    assert _province("Quý Ba, chỉ số sản xuất công nghiệp tăng 8,1%.") == \
        [("iip_growth", "Q3-2024", "Nam Định", "8.1")]


def test_luy_ke_and_tinh_chung_with_spelled_months_and_negative_growth():
    assert _province("Lũy kế 10 tháng, IIP tăng 10,2% so với cùng kỳ năm trước. Tính chung chín "
                     "tháng đầu năm, sản xuất công nghiệp tăng trưởng âm 1,8%.") == \
        [("iip_growth", "10M-2024", "Nam Định", "10.2"),
         ("iip_growth", "9M-2024", "Nam Định", "-1.8")]


def test_second_half_target_is_not_an_outcome():
    assert _province("6 tháng cuối năm, phấn đấu chỉ số sản xuất công nghiệp tăng 10%.") == []


def test_monthly_average_is_not_the_total():
    assert _province("Bình quân mỗi tháng, tổng mức bán lẻ hàng hóa đạt 5.000 tỷ đồng.") == []


def test_through_the_end_of_a_month_from_the_start_of_the_year_is_cumulative():
    assert _province("Tính từ đầu năm đến hết tháng 8, tổng mức bán lẻ hàng hóa đạt 40.100 tỷ "
                     "đồng.") == [("retail_sales", "8M-2024", "Nam Định", "40100")]


def test_index_level_bang_so_voi_cung_ky_is_other():
    assert _province("Kim ngạch xuất khẩu ước đạt 1,2 tỷ USD, bằng 105% so với cùng kỳ.") == \
        [("export_value", "2024", "Nam Định", "1.2")]


def test_base_stated_before_the_change_so_voi_cung_ky_tang():
    assert _province("9 tháng, IIP so với cùng kỳ tăng 7,0%.") == \
        [("iip_growth", "9M-2024", "Nam Định", "7.0")]


def test_group_of_goods_qualifying_exports_is_a_part():
    assert _province("Nhóm hàng chế biến xuất khẩu 6 tháng tăng 16%; kim ngạch xuất khẩu 6 "
                     "tháng tăng 12%.") == [("export_growth", "H1-2024", "Nam Định", "12")]


def test_services_part_of_retail_after_a_semicolon_is_other():
    assert _province("Doanh thu bán lẻ hàng hóa 6 tháng tăng 10%; doanh thu dịch vụ lưu trú, "
                     "ăn uống tăng 12%.") == [("retail_growth", "H1-2024", "Nam Định", "10")]


def test_national_comparison_after_the_province_figure():
    assert _province("Xuất khẩu 6 tháng tăng 15%, cao hơn mức tăng chung của cả nước (tăng "
                     "14,5%).") == [("export_growth", "H1-2024", "Nam Định", "15"),
                                    ("export_growth", "H1-2024", "national", "14.5")]


def test_signed_change_of_an_index_after_a_colon_is_a_percentage():
    text = ("SỞ CÔNG THƯƠNG TỈNH LÀO CAI\n"
            "- Chỉ số sản xuất công nghiệp tháng 6/2025: +4,7.\n- Doanh nghiệp thành lập mới: +12.")
    assert core(text) == [("iip_growth", "M6-2025", "Lào Cai", "4.7")]


def test_sub_period_singled_out_with_trong_do_does_not_carry():
    text = ("SỞ CÔNG THƯƠNG TỈNH PHÚ THỌ\nBáo cáo 6 tháng năm 2024\nSản xuất công nghiệp 6 tháng "
            "ước tăng 9%, trong đó tháng 6 tăng 10%. Xuất khẩu ước tăng 20%.")
    assert core(text) == [("iip_growth", "H1-2024", "Phú Thọ", "9"),
                          ("iip_growth", "M6-2024", "Phú Thọ", "10"),
                          ("export_growth", "H1-2024", "Phú Thọ", "20")]


def test_nation_after_a_rank_is_a_reference_not_the_next_clause_scope():
    text = ("UBND tỉnh Bắc Giang\nIIP tháng 9/2024 tăng 18%, đứng thứ 2 cả nước; tổng mức bán lẻ "
            "9 tháng tăng 15%. IIP quý III cao nhất cả nước, tăng 20%.")
    assert core(text) == [("iip_growth", "M9-2024", "Bắc Giang", "18"),
                          ("retail_growth", "9M-2024", "Bắc Giang", "15"),
                          ("iip_growth", "Q3-2024", "Bắc Giang", "20")]


def test_plan_opening_a_parenthesis_is_not_an_outcome():
    text = ("UBND tỉnh Bắc Giang\nIIP năm 2024 tăng 11% (kế hoạch tăng 10%), tổng mức bán lẻ đạt "
            "50.000 tỷ đồng (KH: 48.000 tỷ đồng); xuất khẩu tăng 9%, vượt chỉ tiêu đề ra (8%).")
    assert core(text) == [("iip_growth", "2024", "Bắc Giang", "11"),
                          ("retail_sales", "2024", "Bắc Giang", "50000"),
                          ("export_growth", "2024", "Bắc Giang", "9")]


def test_trong_thang_is_the_latest_month_of_the_report():
    text = ("UBND tỉnh Hưng Yên\nBáo cáo tháng 10/2024\nTrong tháng, IIP tăng 6%. Lũy kế 10 tháng "
            "tăng 8%.")
    assert core(text) == [("iip_growth", "M10-2024", "Hưng Yên", "6"),
                          ("iip_growth", "10M-2024", "Hưng Yên", "8")]


def test_currency_and_percent_written_in_words_or_other_spellings():
    assert _province("Năm 2024, kim ngạch xuất khẩu đạt 2,6 tỷ đô la Mỹ, tăng 11%; tổng mức "
                     "bán lẻ hàng hóa đạt 80.000 tỉ đồng; IIP tăng 8,5 phần trăm.") == \
        [("export_value", "2024", "Nam Định", "2.6"), ("export_growth", "2024", "Nam Định", "11"),
         ("retail_sales", "2024", "Nam Định", "80000"), ("iip_growth", "2024", "Nam Định", "8.5")]


def test_change_against_the_previous_month_or_another_quarter_written_with_so():
    assert _province("IIP tháng 5 tăng 2% so tháng trước và tăng 9% so cùng kỳ. Kim ngạch "
                     "xuất khẩu quý II tăng 4% so quý I/2024 và tăng 10% so với quý II/2023.") == \
        [("iip_growth", "M5-2024", "Nam Định", "9"), ("export_growth", "Q2-2024", "Nam Định", "10")]
