"""Vietnamese numbers both ways: the drafts' formatter and the extractor's parser agree."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.numbers import NUMBER_PATTERN, fmt_number, parse_number

# The drafts' range: 0 to 10^7, at most three decimals, decreases negative.
draft_numbers = st.decimals(min_value=Decimal(-10**7), max_value=Decimal(10**7), places=3,
                            allow_nan=False, allow_infinity=False)
exact_places = st.tuples(st.integers(-10**10, 10**10), st.integers(0, 3)).map(
    lambda pair: Decimal(pair[0]).scaleb(-pair[1]))


@given(draft_numbers)
def test_parse_reads_back_what_fmt_writes(x):
    assert parse_number(fmt_number(x)) == x


@given(exact_places)
def test_parse_keeps_the_precision_fmt_wrote(x):
    parsed = parse_number(fmt_number(x))
    assert parsed == x and parsed.as_tuple().exponent == x.as_tuple().exponent


@given(draft_numbers)
def test_the_text_pattern_finds_a_formatted_number_whole(x):
    written = fmt_number(abs(x))
    sentence = f"đạt {written} tỷ đồng, tăng {written}%."
    assert re.findall(NUMBER_PATTERN, sentence) == [written, written]


@pytest.mark.parametrize("text, expected", [
    ("56.511,16", "56511.16"),
    ("1.954", "1954"),          # three digits after a dot: thousands
    ("120,7", "120.7"),
    ("28.3", "28.3"),           # one or two digits after a dot: a typo for the decimal comma
    ("2.324", "2324"),
    ("10.000.000", "10000000"),
    ("5640", "5640"),
    ("0,8", "0.8"),
    ("17,10", "17.10"),         # precision as written
    ("-13,1", "-13.1"),
    ("−4,5", "-4.5"),           # a typographic minus
    (" 1.300 ", "1300"),
])
def test_parse_number_examples(text, expected):
    parsed = parse_number(text)
    assert parsed == Decimal(expected) and str(parsed) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.23.4", "1,2,3", "1.2345", "12.3456,7", "4,"])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError, match="not a Vietnamese number"):
        parse_number(text)


@pytest.mark.parametrize("value, expected", [
    (Decimal("56511.16"), "56.511,16"), (1954, "1.954"), (Decimal("120.7"), "120,7"),
    (Decimal("-13.1"), "-13,1"), (Decimal("17.10"), "17,10"),
])
def test_fmt_number_examples(value, expected):
    assert fmt_number(value) == expected
