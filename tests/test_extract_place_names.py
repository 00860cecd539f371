"""Topic words inside a place's name are part of the name: "điện" of "Điện Biên" is no topic.

The sentences are our own. Expected rows follow the dev corpus CONVENTIONS.md.
"""

from __future__ import annotations

import pytest

from briefgen.extract import extract_text
from briefgen.extract.mentions import Mention, MentionIndex
from briefgen.extract.scopes import ALIASES, PROVINCES

NATION = "BỘ CÔNG THƯƠNG\nTình hình sản xuất công nghiệp\n"


def rows(text: str) -> list[tuple]:
    """Return (indicator, period, scope, value) of every figure of *text*."""
    return [(f.indicator, f.period, f.scope, str(f.value)) for f in extract_text(text, "t.txt")]


def test_a_province_named_with_a_topic_word_keeps_the_iip_of_its_list():
    text = NATION + ("Chín tháng năm 2023, chỉ số sản xuất công nghiệp một số địa phương tăng "
                     "cao: Bắc Giang tăng 20,1%, Điện Biên tăng 12,3%, Lai Châu tăng 9,8%.")
    assert rows(text) == [("iip_growth", "9M-2023", "Bắc Giang", "20.1"),
                          ("iip_growth", "9M-2023", "Điện Biên", "12.3"),
                          ("iip_growth", "9M-2023", "Lai Châu", "9.8")]


def test_a_province_named_with_a_topic_word_as_the_owner_of_the_iip():
    text = NATION + "Năm 2023, chỉ số sản xuất công nghiệp của Điện Biên tăng 12,3%."
    assert rows(text) == [("iip_growth", "2023", "Điện Biên", "12.3")]


def test_the_word_itself_still_names_its_topic_beside_the_name():
    text = NATION + ("Năm 2023, chỉ số sản xuất công nghiệp của Điện Biên tăng 8,2%; điện sản "
                     "xuất của Điện Biên tăng 5%. Sản lượng điện của Điện Biên tăng 4,1%.")
    assert rows(text) == [("iip_growth", "2023", "Điện Biên", "8.2"),
                          ("other", "2023", "Điện Biên", "5"),
                          ("other", "2023", "Điện Biên", "4.1")]


def test_a_company_named_after_a_province_keeps_its_product():
    text = NATION + ("Năm 2023, chỉ số sản xuất công nghiệp tăng 7,5%; Nhiệt điện Quảng Ninh "
                     "tăng 5,2%.")
    assert rows(text) == [("iip_growth", "2023", "national", "7.5"),
                          ("other", "2023", "Quảng Ninh", "5.2")]


def test_a_list_in_parentheses_through_hai_duong_thai_binh_and_bac_kan():
    text = NATION + ("Năm 2024, chỉ số sản xuất công nghiệp tăng cao ở Hải Dương (+14,2%), "
                     "Thái Bình (+11,6%), Điện Biên (+10,3%) và Bắc Kạn (+9,1%).")
    assert rows(text) == [("iip_growth", "2024", "Hải Dương", "14.2"),
                          ("iip_growth", "2024", "Thái Bình", "11.6"),
                          ("iip_growth", "2024", "Điện Biên", "10.3"),
                          ("iip_growth", "2024", "Bắc Kạn", "9.1")]


@pytest.mark.parametrize("name", PROVINCES + tuple(ALIASES))
def test_every_province_in_an_iip_list_keeps_the_iip(name):
    text = NATION + (f"Năm 2023, chỉ số sản xuất công nghiệp một số địa phương tăng cao: "
                     f"Bắc Giang tăng 20,1%, {name} tăng 12,3%.")
    assert [row[0] for row in rows(text)] == ["iip_growth", "iip_growth"]


def test_a_lower_case_phrase_is_no_name_and_stays_a_topic():
    text = NATION + ("Năm 2023, chỉ số sản xuất công nghiệp tăng 7,5%; điện biên giới "
                     "tăng 5,2%.")
    assert rows(text) == [("iip_growth", "2023", "national", "7.5"),
                          ("other", "2023", "national", "5.2")]


@pytest.mark.parametrize(("start", "end", "found"), [
    (10, 15, Mention(10, 19)), (12, 19, Mention(10, 19)), (15, 20, None), (5, 12, None),
    (0, 3, None), (30, 31, None)])
def test_covering_finds_the_mention_that_holds_a_span(start, end, found):
    index = MentionIndex([Mention(10, 19), Mention(20, 25)])
    assert index.covering(start, end) == found
