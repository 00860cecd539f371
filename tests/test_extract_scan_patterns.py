"""The whole-report scan patterns, rewritten to open with a plain letter or digit for speed,
match exactly what their plain formulations (word-start checks first) match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract import patterns
from briefgen.extract.text import _TONE_MOVES, _TONE_RE
from briefgen.numbers import NUMBER_PATTERN

_NOUN = r"(?:tỉnh|địa phương|thành phố|tp)(?!\w)"
# The formulations before the rewrite: each check stated where it applies.
PLAIN = {
    "ESTIMATE_RE": r"(?=[ưd])(?:(?<!(?<!\w)hiệp )(?<!(?<!\w)công )(?<!(?<!\w)quy )(?<!\w)ước(?!\w)"
                   r"(?! mơ| muốn| vọng)|dự kiến|dự ước|dự tính|dự báo)",
    "FORECAST_RE": r"(?=d)(?<!\w)dự (?:kiến|tính)(?!\w)",
    "TARGET_RE": r"(?=[cmpđbkd])(?:chỉ tiêu|mục tiêu|phấn đấu|dự báo|kế hoạch(?= \d)|(?:được|đã|chính phủ|bộ)"
                 r" giao(?!\w)|kế hoạch(?: năm \d{4})?\s*:|kế hoạch (?:năm \d{4} )?(?:đề ra|được giao))",
    "SUBSET_RE": r"(?=[nmc])(?<!\w)(?:những|một số|nhiều|các) (?:tỉnh|địa phương)(?!\w)",
    "INDEX_REFERENCE_RE": r"(?=c)(?<!\w)chỉ số(?= (?:\d|tháng|quý|năm|nửa|sáu|chín|mười|ba|bốn|bảy|tám"
                          r"|hai|chung|tăng|giảm|cao hơn|thấp hơn|ước|này|trên)(?!\w))",
    "NATIONAL_RE": r"(?=[ct])(?<!\w)(?:cả nước|toàn quốc)(?!\w)",
    "SLASH_COUNT_RE": rf"(?=\d)(?<![\w.,/⁄])(?<!thứ )(?P<num>\d{{1,3}})/(?P<den>\d{{1,3}})(?![\d/⁄]) {_NOUN}",
    "HAVE_COUNT_RE": rf"(?=\d)(?<![\w/⁄.,])(?P<num>\d{{1,3}}) (?P<noun>{_NOUN})"
                     + patterns.HAVE_COUNT_RE.pattern.split("(?P<noun>" + _NOUN + ")", 1)[1],
    "QUANTITY_RE": rf"(?=\d)(?<![\w.,/⁄])(?P<num>{NUMBER_PATTERN})"
                   + patterns.QUANTITY_RE.pattern.split(")))", 1)[1],
}
PLAIN_TONE = "(?<!q)(?:" + "|".join(_TONE_MOVES) + r")(?!\w)"

PIECES = ["ước", "hiệp ", "công ", "quy ", "dự ", "kiến", "tính", "báo", "chỉ ", "tiêu", "số", "mục ",
          "phấn đấu", "kế hoạch", "được ", "đã ", "chính phủ ", "bộ ", "giao", "những ", "một ",
          "nhiều ", "các ", "tỉnh", "địa phương", "thành phố", "cả ", "nước", "toàn ", "quốc", "tăng",
          "thứ ", "năm ", "2023", "1", "12", "123", "1.234", "5,4", "7.25", "%", " tỷ đồng", "lần",
          "/", "⁄", ".", ",", " ", ":", "x", "q", "oà", "uý", "hoá", "quý", "\n", "mơ", " muốn"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_rewritten_patterns_match_their_plain_formulation(text):
    for name, plain in PLAIN.items():
        assert _matches(getattr(patterns, name), text) == _matches(re.compile(plain), text), name
    assert _matches(_TONE_RE, text) == _matches(re.compile(PLAIN_TONE), text)


def test_rewritten_patterns_open_with_a_letter_or_digit():
    """re skips to candidates quickly only when the pattern opens with what it consumes."""
    for name in PLAIN:
        assert not getattr(patterns, name).pattern.startswith("(?="), name
