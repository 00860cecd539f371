"""More rules of report grammar, one construction per test, each with invented sentences.

The constructions were named in the README of tests/extract_holdout3 (its texts and key were
not read); the sentences here are our own. Expected rows follow the dev corpus CONVENTIONS.md.
"""

from __future__ import annotations

from briefgen.extract import extract_text


def core(text: str) -> list[tuple]:
    """Return (indicator, period, scope, value) of each core figure of *text*."""
    return [(f.indicator, f.period, f.scope, str(f.value))
            for f in extract_text(text, "t.txt") if f.indicator != "other"]


PROVINCE = "SỞ CÔNG THƯƠNG TỈNH NINH BÌNH\nBáo cáo tình hình công nghiệp, thương mại\n"
NATION = "BỘ CÔNG THƯƠNG\nTình hình sản xuất công nghiệp\n"


def test_nhich_len_is_a_small_rise():
    text = PROVINCE + ("Chín tháng năm 2023, so với cùng kỳ, chỉ số sản xuất công nghiệp "
                       "nhích lên 0,8%.")
    assert core(text) == [("iip_growth", "9M-2023", "Ninh Bình", "0.8")]


def test_nhich_nhe_and_tang_nhe_are_rises():
    text = PROVINCE + ("Quý II năm 2022, chỉ số sản xuất công nghiệp nhích nhẹ 1,1%. "
                       "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng quý II năm 2022 "
                       "tăng nhẹ 2,4% so với cùng kỳ.")
    assert core(text) == [("iip_growth", "Q2-2022", "Ninh Bình", "1.1"),
                          ("retail_growth", "Q2-2022", "Ninh Bình", "2.4")]


def test_months_counted_in_words_after_tinh_chung():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 7/2019 tăng 9,1%. "
                     "Tính chung bảy tháng, chỉ số sản xuất công nghiệp tăng 9,6%.")
    assert core(text) == [("iip_growth", "M7-2019", "national", "9.1"),
                          ("iip_growth", "7M-2019", "national", "9.6")]


def test_five_months_in_words_after_cong_chung():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 5/2018 tăng 6,2%. "
                     "Cộng chung năm tháng, chỉ số sản xuất công nghiệp tăng 7,4%.")
    assert core(text) == [("iip_growth", "M5-2018", "national", "6.2"),
                          ("iip_growth", "5M-2018", "national", "7.4")]


def test_eleven_months_in_words():
    text = PROVINCE + "Mười một tháng năm 2021, chỉ số sản xuất công nghiệp tăng 5,5%."
    assert core(text) == [("iip_growth", "11M-2021", "Ninh Bình", "5.5")]


def test_chi_tieu_nay_refers_back_to_the_previous_indicator():
    text = PROVINCE + ("Năm 2021, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
                       "41.200 tỷ đồng. Chín tháng đầu năm 2022, chỉ tiêu này ước đạt 35.600 tỷ "
                       "đồng, tăng 6,3% so với cùng kỳ.")
    assert core(text) == [("retail_sales", "2021", "Ninh Bình", "41200"),
                          ("retail_sales", "9M-2022", "Ninh Bình", "35600"),
                          ("retail_growth", "9M-2022", "Ninh Bình", "6.3")]


def test_con_so_nay_refers_back_to_the_previous_indicator():
    text = PROVINCE + ("Kim ngạch xuất khẩu quý I năm 2024 đạt 512 triệu USD. Quý II năm 2024, "
                       "con số này là 560 triệu USD, tăng 8,2% so với cùng kỳ.")
    assert core(text) == [("export_value", "Q1-2024", "Ninh Bình", "512"),
                          ("export_value", "Q2-2024", "Ninh Bình", "560"),
                          ("export_growth", "Q2-2024", "Ninh Bình", "8.2")]


def test_chi_tieu_nay_takes_the_last_named_indicator_even_after_another_sentence():
    text = PROVINCE + ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 6/2020 "
                       "đạt 3.150 tỷ đồng. Thị trường ổn định, hàng hóa dồi dào. Sáu tháng đầu "
                       "năm 2020, chỉ tiêu này giảm 2,2% so với cùng kỳ.")
    assert core(text) == [("retail_sales", "M6-2020", "Ninh Bình", "3150"),
                          ("retail_growth", "H1-2020", "Ninh Bình", "-2.2")]


def test_a_target_named_chi_tieu_is_still_a_target():
    text = PROVINCE + "Chỉ tiêu năm 2025: chỉ số sản xuất công nghiệp tăng 9%."
    assert core(text) == []


def test_negative_growth_is_a_fall():
    text = PROVINCE + "Năm 2023, chỉ số sản xuất công nghiệp tăng trưởng âm 3,7%."
    assert core(text) == [("iip_growth", "2023", "Ninh Bình", "-3.7")]


def test_times_a_named_year_is_a_ratio_of_the_report_year():
    text = PROVINCE + ("Năm 2022, kinh tế của tỉnh phục hồi rõ nét. "
                       "Kim ngạch xuất khẩu đạt 830 triệu USD, gấp 1,3 lần năm 2021.")
    assert core(text) == [("export_value", "2022", "Ninh Bình", "830"),
                          ("export_growth", "2022", "Ninh Bình", "1.3")]


def test_higher_than_the_same_month_of_a_year_is_year_on_year():
    text = PROVINCE + ("Chỉ số sản xuất công nghiệp tháng 3/2022 cao hơn cùng tháng năm 2021 "
                       "là 7,9%.")
    assert core(text) == [("iip_growth", "M3-2022", "Ninh Bình", "7.9")]


def test_cung_giam_gives_the_value_to_each_listed_province():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 của Lạng Sơn và Cao Bằng "
                     "cùng giảm 4,4%.")
    assert core(text) == [("iip_growth", "M10-2020", "Lạng Sơn", "-4.4"),
                          ("iip_growth", "M10-2020", "Cao Bằng", "-4.4")]


def test_lan_luot_distributes_the_values_over_the_listed_subjects():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 của Lạng Sơn và Cao Bằng "
                     "lần lượt giảm 4,4% và 2,9%.")
    assert core(text) == [("iip_growth", "M10-2020", "Lạng Sơn", "-4.4"),
                          ("iip_growth", "M10-2020", "Cao Bằng", "-2.9")]


def test_lan_luot_with_three_subjects():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 của Sơn La, Hòa Bình và Lai Châu "
                     "lần lượt tăng 3,1%, 5,2% và 6,4%.")
    assert core(text) == [("iip_growth", "M10-2020", "Sơn La", "3.1"),
                          ("iip_growth", "M10-2020", "Hòa Bình", "5.2"),
                          ("iip_growth", "M10-2020", "Lai Châu", "6.4")]


def test_a_list_of_provinces_continues_in_a_new_paragraph():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 giảm ở nhiều địa phương: "
                     "Gia Lai (-12,4%), Kon Tum (-9,8%).\n"
                     "Đắk Nông (-7,5%), Lâm Đồng (-3,3%).")
    assert core(text) == [("iip_growth", "M10-2020", "Gia Lai", "-12.4"),
                          ("iip_growth", "M10-2020", "Kon Tum", "-9.8"),
                          ("iip_growth", "M10-2020", "Đắk Nông", "-7.5"),
                          ("iip_growth", "M10-2020", "Lâm Đồng", "-3.3")]


def test_a_new_paragraph_opening_with_a_province_and_a_change_continues_the_list():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 giảm mạnh ở Gia Lai (-12,4%).\n"
                     "Ở mức thấp hơn, Kon Tum giảm 4,1%.")
    assert core(text) == [("iip_growth", "M10-2020", "Gia Lai", "-12.4"),
                          ("iip_growth", "M10-2020", "Kon Tum", "-4.1")]


def test_a_new_paragraph_with_its_own_subject_does_not_continue_the_list():
    text = NATION + ("Chỉ số sản xuất công nghiệp tháng 10/2020 giảm mạnh ở Gia Lai (-12,4%).\n"
                     "Kon Tum: khách du lịch tháng 10/2020 tăng 4,1%.")
    assert core(text) == [("iip_growth", "M10-2020", "Gia Lai", "-12.4")]
