"""The extractor's rules, one short text each, with the exact figures expected."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.extract import extract_text
from briefgen.extract.classify import INDICATORS
from briefgen.extract.patterns import TOPICS, UNIT_KINDS
from briefgen.extract.text import fold


def rows(text: str) -> list[tuple]:
    """Return (indicator, period, scope, value, unit, estimate) of each figure in *text*."""
    return [(f.indicator, f.period, f.scope, str(f.value), f.unit, f.estimate)
            for f in extract_text(text, "t.txt")]


CASES = {
    "sentence period, comparison base ignored": (
        "Chỉ số sản xuất công nghiệp năm 2012 tăng 4,8% so với năm 2011.",
        [("iip_growth", "2012", "region", "4.8", "%", False)]),
    "history in parentheses keeps its own years": (
        "IIP năm 2012 tăng 4,8% (năm 2011 tăng 7,3% so với năm 2010; năm 2010 tăng 9,4%).",
        [("iip_growth", "2012", "region", "4.8", "%", False),
         ("iip_growth", "2011", "region", "7.3", "%", False),
         ("iip_growth", "2010", "region", "9.4", "%", False)]),
    "value of output is core, its growth is not IIP": (
        "Năm 2012, giá trị sản xuất công nghiệp toàn vùng đạt 56.511,16 tỷ đồng, tăng 13,9%.",
        [("industrial_output_value", "2012", "region", "56511.16", "tỷ đồng", False),
         ("other", "2012", "region", "13.9", "%", False)]),
    "first six months, estimate carried to the growth": (
        "6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt "
        "1.300 nghìn tỷ đồng, tăng 28,8% so với cùng kỳ.",
        [("retail_sales", "H1-2023", "region", "1300", "nghìn tỷ đồng", True),
         ("retail_growth", "H1-2023", "region", "28.8", "%", True)]),
    "nine months, quarter, single month": (
        "9 tháng năm 2022 xuất khẩu tăng 12%. Quý I/2024 xuất khẩu tăng 6,2%. "
        "Tháng 5/2023, kim ngạch xuất khẩu đạt 10,2 tỷ USD, giảm 3,1%.",
        [("export_growth", "9M-2022", "region", "12", "%", False),
         ("export_growth", "Q1-2024", "region", "6.2", "%", False),
         ("export_value", "M5-2023", "region", "10.2", "tỷ USD", False),
         ("export_growth", "M5-2023", "region", "-3.1", "%", False)]),
    "period carried to the next sentence, year inferred": (
        "Năm 2018 tổng mức bán lẻ hàng hóa tăng 11,8%, 4 tháng đầu năm 2019 tăng 13%. "
        "Kim ngạch xuất khẩu tăng 9%. 4 tháng đầu năm xuất khẩu tăng 7%.",
        [("retail_growth", "2018", "region", "11.8", "%", False),
         ("retail_growth", "4M-2019", "region", "13", "%", False),
         ("export_growth", "4M-2019", "region", "9", "%", False),
         ("export_growth", "4M-2019", "region", "7", "%", False)]),
    "months left open give no period": (
        "Những tháng đầu năm 2024, kim ngạch xuất khẩu ước đạt 120,7 tỷ USD.",
        [("export_value", "", "region", "120.7", "tỷ USD", True)]),
    "through June is the first six months": (
        "Đến tháng 6 năm 2013 đã có 13/14 tỉnh phê duyệt kế hoạch.",
        [("provinces_count", "H1-2013", "region", "13", "/14", False)]),
    "national inside parentheses, comparison scope not taken": (
        "Năm 2012 tổng mức bán lẻ toàn Vùng đạt 120.056 tỷ đồng, chiếm 5,16% cả nước, tăng 20%, "
        "cao hơn mức tăng của cả nước (cả nước đạt 2.324 nghìn tỷ đồng, tăng 16%).",
        [("retail_sales", "2012", "region", "120056", "tỷ đồng", False),
         ("other", "2012", "region", "5.16", "%", False),
         ("retail_growth", "2012", "region", "20", "%", False),
         ("retail_sales", "2012", "national", "2324", "nghìn tỷ đồng", False),
         ("retail_growth", "2012", "national", "16", "%", False)]),
    "a parenthesis explains the scope it follows; thresholds of counts dropped": (
        "Năm 2022, chỉ số sản xuất công nghiệp 23/28 tỉnh thành cao hơn mức tăng của cả nước "
        "(tăng 7,4%), 18/28 tỉnh thành tăng trưởng trên 10%, có 6 địa phương dẫn đầu.",
        [("provinces_count", "2022", "region", "23", "/28", False),
         ("iip_growth", "2022", "national", "7.4", "%", False),
         ("provinces_count", "2022", "region", "18", "/28", False),
         ("provinces_count", "2022", "region", "6", "tỉnh", False)]),
    "an index level is not a growth": (
        "6 tháng đầu năm 2023, IIP 16/28 tỉnh cao hơn cả nước (bằng 98,8% cùng kỳ).",
        [("provinces_count", "H1-2023", "region", "16", "/28", False),
         ("other", "H1-2023", "national", "98.8", "%", False)]),
    "provinces with diacritics, case and tone placement": (
        "Năm 2022 bán lẻ hàng hóa: Hải phòng đạt 174,1 nghìn tỷ đồng; Thanh Hoá đạt 141,27 "
        "nghìn tỷ đồng, chiếm 7,23%.",
        [("retail_sales", "2022", "Hải Phòng", "174.1", "nghìn tỷ đồng", False),
         ("retail_sales", "2022", "Thanh Hóa", "141.27", "nghìn tỷ đồng", False),
         ("other", "2022", "Thanh Hóa", "7.23", "%", False)]),
    "a list of provinces shares the figure; hơn/trên give the bound": (
        "Năm 2013 IIP Lai Châu tăng 132,28%, Yên Bái, Thái Nguyên tăng hơn 22%.",
        [("iip_growth", "2013", "Lai Châu", "132.28", "%", False),
         ("iip_growth", "2013", "Yên Bái", "22", "%", False),
         ("iip_growth", "2013", "Thái Nguyên", "22", "%", False)]),
    "products and their growth are other, decreases negative, multiples kept": (
        "Năm 2022 xi măng đạt 80,3 triệu tấn, giảm 4,5%; giày dép đạt 368 triệu đôi tăng 2,8 lần.",
        [("other", "2022", "region", "80.3", "triệu tấn", False),
         ("other", "2022", "region", "-4.5", "%", False),
         ("other", "2022", "region", "368", "triệu đôi", False),
         ("other", "2022", "region", "2.8", "lần", False)]),
    "targets are not results; a range starts at its lower bound": (
        "Năm 2023, Chính phủ giao các chỉ tiêu: IIP tăng khoảng 8-9%; xuất khẩu tăng khoảng 6%. "
        "Tổng điện năng tăng 8-9,7%.",
        [("other", "2023", "region", "8", "%", False)]),
    "dates, decrees, ordinals, delegates and edition names are not figures": (
        "Ngày 28/7/2023, hơn 300 đại biểu dự Hội nghị lần thứ IX - năm 2023 theo Nghị định "
        "số 68/2017/NĐ-CP, gồm 3 tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh và 28 tỉnh, thành phố.",
        []),
    "a money change is other, an average per province is other": (
        "Năm 2012 giá trị sản xuất công nghiệp bình quân mỗi tỉnh đạt 4.121 tỷ đồng "
        "(tăng 500 tỷ đồng so với năm trước).",
        [("other", "2012", "region", "4121", "tỷ đồng", False),
         ("other", "2012", "region", "500", "tỷ đồng", False)]),
    "share of plan is other": (
        "Năm 2014 giá trị sản xuất công nghiệp đạt 70,28% kế hoạch năm.",
        [("other", "2014", "region", "70.28", "%", False)]),
    "abbreviated periods, plans and forecasts dropped": (
        "IIP 6T/2024: Bắc Giang tăng 21%. Kế hoạch năm 2024: IIP tăng 9%. "
        "Dự báo cả năm 2024 xuất khẩu đạt 135 tỷ USD.",
        [("iip_growth", "H1-2024", "Bắc Giang", "21", "%", False)]),
    "captions do not set the period": (
        "Năm 2022 xuất khẩu tăng 5%.\nHội nghị năm 2023: khai mạc\nXuất khẩu đạt 10 tỷ USD.",
        [("export_growth", "2022", "region", "5", "%", False),
         ("export_value", "2022", "region", "10", "tỷ USD", False)]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_extraction_rules(text, expected):
    assert rows(text) == expected


def test_quote_is_the_exact_substring_at_start():
    text = "Tin.\nTổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ."
    figures = extract_text(text, "t.txt")
    assert [(f.quote, f.start) for f in figures] == [
        ("Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD", 5), ("tăng 18,3%", 64)]
    assert all(text[f.start:f.start + len(f.quote)] == f.quote for f in figures)


def test_decomposed_text_gives_the_same_figures_and_exact_quotes():
    composed = "Năm 2022, Hải Phòng xuất khẩu đạt 16 tỷ USD, tăng 21%."
    decomposed = unicodedata.normalize("NFD", composed)
    figures = extract_text(decomposed, "t.txt")
    assert [(f.indicator, f.scope, f.value) for f in figures] == [
        ("export_value", "Hải Phòng", Decimal(16)), ("export_growth", "Hải Phòng", Decimal(21))]
    assert all(decomposed[f.start:f.start + len(f.quote)] == f.quote for f in figures)


def test_long_clauses_are_quoted_from_a_clause_boundary():
    text = ("Sản xuất công nghiệp năm 2012 gặp nhiều khó khăn do khủng hoảng kinh tế toàn cầu chưa "
            "được hồi phục, sức mua trong nước và nhu cầu xuất khẩu giảm mạnh nên tăng trưởng thấp, "
            "chỉ số sản xuất công nghiệp năm 2012 tăng 4,8% so với năm 2011.")
    [figure] = extract_text(text, "t.txt")
    assert len(figure.quote) <= 160 and figure.quote.endswith("tăng 4,8%")


def test_vocabulary_is_written_in_folded_form():
    """Patterns run on folded text: a keyword with the other tone placement would never match."""
    assert [w for w in [*TOPICS, *UNIT_KINDS] if fold(w) != w] == []


TOKENS = ["năm 2022", "6 tháng đầu năm", "quý I/2024", "tháng 5", "đến nay", "tăng", "giảm",
          "đạt", "chiếm", "bằng", "ước", "so với", "cùng kỳ", "cả nước", "Hải phòng", "Thanh Hoá",
          "toàn vùng", "chỉ số sản xuất công nghiệp", "tổng mức bán lẻ", "kim ngạch xuất khẩu",
          "1.954", "56.511,16", "28.3", "4,8%", "12 %", "tỷ đồng", "nghìn tỷ", "tỷ USD", "23/28 tỉnh",
          "có 6 địa phương", "trên", "8-9%", "chỉ tiêu", "(", ")", ",", ";", ":", ".", "\n", "\r\n"]


@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=40), st.booleans())
def test_any_text_gives_exact_quotes(tokens, decompose):
    text = " ".join(tokens)
    if decompose:
        text = unicodedata.normalize("NFD", text)
    for figure in extract_text(text, "t.txt"):
        assert text[figure.start:figure.start + len(figure.quote)] == figure.quote
        assert figure.indicator in INDICATORS and figure.quote
