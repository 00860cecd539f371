"""The period scan near period words finds exactly what a scan of the whole text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.periods import PERIOD_RE, period_matches

# Pieces of the periods PERIOD_RE knows, their near misses and filler, so texts put period
# words at every distance from each other and from the edges of the text.
PIECES = ["tháng", "ngày", "năm", "quý", "nửa", "nay", "hiện có", "cùng kỳ", "9t/", "t/2022", "2023",
          "12", "5", "mười một", "sáu", "hai", "đầu", "cuối", "của", "những", "các", "cả", "trong", "này",
          "đến", "hiện", "qua", "vừa", "iv", "/", "-", ".", ",", " ", " ", " ", "x" * 70, "đạt 5,4%",
          "tăng", "so với", "iii", "ba"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_scan_near_period_words_equals_the_whole_scan(text):
    assert [m.span() for m in period_matches(text)] == [m.span() for m in PERIOD_RE.finditer(text)]


def test_a_match_at_the_very_start_and_end_of_the_text_is_found():
    text = "năm 2023 " + "x" * 200 + " mười một tháng đầu năm 2024"
    assert [m.group() for m in period_matches(text)] == ["năm 2023", "mười một tháng đầu năm 2024"]
