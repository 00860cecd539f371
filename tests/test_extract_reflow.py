"""PDF lines broken inside sentences are rejoined before extraction (briefgen.extract.reflow)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.reflow import reflow

CASES = [
    # A sentence broken mid-way joins, whatever the case of the next line's first letter.
    ("chỉ số sản xuất công nghiệp (IIP) trên địa bàn tỉnh \nước tăng 8,2% so với cùng kỳ.",
     "chỉ số sản xuất công nghiệp (IIP) trên địa bàn tỉnh ước tăng 8,2% so với cùng kỳ."),
    ("Kim ngạch xuất khẩu của tỉnh\nLạng Sơn đạt 512,4 triệu\nUSD, tăng 5,3%.",
     "Kim ngạch xuất khẩu của tỉnh Lạng Sơn đạt 512,4 triệu USD, tăng 5,3%."),
    ("ước đạt 25.310\ntỷ đồng,\ntăng 10,1%.", "ước đạt 25.310 tỷ đồng, tăng 10,1%."),
    # A sentence mark (maybe inside closing quotes or brackets) ends the line.
    ("tăng 8,2%.\nTổng mức bán lẻ", "tăng 8,2%.\nTổng mức bán lẻ"),
    ("Kết quả như sau:\nxuất khẩu tăng", "Kết quả như sau:\nxuất khẩu tăng"),
    ("ngành điện;\nngành than", "ngành điện;\nngành than"),
    ("đạt kế hoạch (vượt 2%.)\ntiếp tục", "đạt kế hoạch (vượt 2%.)\ntiếp tục"),
    ("gọi là “năm bản lề.”\nSang quý IV", "gọi là “năm bản lề.”\nSang quý IV"),
    # Headings in capitals stand alone, before and after.
    ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\nChín tháng năm 2025", "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\nChín tháng năm 2025"),
    ("tình hình chung\nI. SẢN XUẤT CÔNG NGHIỆP\nchỉ số", "tình hình chung\nI. SẢN XUẤT CÔNG NGHIỆP\nchỉ số"),
    ("về thương mại\nTHƯƠNG MẠI NỘI ĐỊA", "về thương mại\nTHƯƠNG MẠI NỘI ĐỊA"),
    # ... but an acronym ending a sentence is no heading.
    ("đạt 512,4 triệu\nUSD (FOB).", "đạt 512,4 triệu USD (FOB)."),
    # A numbered heading is followed by a capitalised line; its own text may wrap.
    ("1. Sản xuất công nghiệp\nChỉ số IIP tăng", "1. Sản xuất công nghiệp\nChỉ số IIP tăng"),
    ("1. Chỉ số IIP tăng 8,2% so với cùng\nkỳ năm trước.", "1. Chỉ số IIP tăng 8,2% so với cùng kỳ năm trước."),
    ("a) Công nghiệp chế biến\nChỉ số tăng", "a) Công nghiệp chế biến\nChỉ số tăng"),
    # New items: bullets, numbers, Roman numbers, letters.
    ("gồm các mặt hàng\n- điện thoại\n+ linh kiện\n• gỗ", "gồm các mặt hàng\n- điện thoại\n+ linh kiện\n• gỗ"),
    ("những kết quả\n2. Thương mại", "những kết quả\n2. Thương mại"),
    ("những kết quả\n2.1. Bán lẻ", "những kết quả\n2.1. Bán lẻ"),
    ("những kết quả\nII. Thương mại", "những kết quả\nII. Thương mại"),
    ("những kết quả\nb) xuất khẩu", "những kết quả\nb) xuất khẩu"),
    # A number carrying on the sentence is no numbering.
    ("Kim ngạch 9 tháng năm\n2025 đạt 512,4 triệu USD", "Kim ngạch 9 tháng năm 2025 đạt 512,4 triệu USD"),
    # Blank lines stay paragraph breaks; trailing spaces go.
    ("đoạn một chưa hết  \n\nđoạn hai", "đoạn một chưa hết\n\nđoạn hai"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reflow_joins_only_lines_broken_inside_a_sentence(text, expected):
    assert reflow(text) == expected


def _visible(text: str) -> str:
    return "".join(text.split())


_PIECES = st.sampled_from(["tăng 8,2%", "so với cùng", "kỳ.", "Lạng Sơn", "SỞ CÔNG THƯƠNG", "I.", "1.",
                           "a)", "- hàng", "•", "USD.", ":", "”", "  ", "\n", "\n\n", " \n ", "ước đạt"])
_TEXTS = st.one_of(st.lists(_PIECES, max_size=12).map("".join), st.text(max_size=60))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_reflow_keeps_every_visible_character_and_is_idempotent(text):
    once = reflow(text)
    assert _visible(once) == _visible(text)
    assert reflow(once) == once


def test_a_text_file_keeps_its_lines(tmp_path):
    from briefgen.extract.sources import load_report

    path = tmp_path / "bao-cao.txt"
    path.write_text("chỉ số sản xuất công nghiệp\ntăng 8,2%\n", encoding="utf-8")
    report = load_report(path)
    assert report.text == "chỉ số sản xuất công nghiệp\ntăng 8,2%\n"
    assert report.location_of(len("chỉ số sản xuất công nghiệp\n")) == "dòng 2"
