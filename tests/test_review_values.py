"""Figures typed in Vietnamese style read back exactly what briefgen.numbers writes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.numbers import fmt_change, fmt_quantity
from briefgen.review.values import Quantity, ValueProblem, parse_quantity, read_figure

UNITS = ("nghìn tỷ đồng", "tỷ USD", "triệu tấn", "cụm", "ha", "%")
values = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(values, st.sampled_from(UNITS))
def test_quantities_round_trip(value, unit):
    assert parse_quantity(fmt_quantity(value, unit)) == Quantity(value, unit)


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=-99, max_value=1000, places=1, allow_nan=False, allow_infinity=False))
def test_changes_round_trip(value):
    assert parse_quantity(fmt_change(value)).value == value


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 18))
def test_counts_round_trip(count):
    assert read_figure(fmt_quantity(count, "/18"), "/18") == count


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_read_or_refused_in_words(text):
    try:
        parse_quantity(text)
    except ValueProblem as problem:
        assert str(problem)


@pytest.mark.parametrize("text, unit, value", [
    ("1.954,5 nghìn tỷ đồng", "nghìn tỷ đồng", "1954.5"), ("tăng 12,3%", "%", "12.3"),
    ("giảm 1,2%", "%", "-1.2"), ("15/18", "/18", "15"), ("1.247", "nghìn tỷ đồng", "1247"),
    ("ước đạt 221,5 tỷ USD.", "tỷ USD", "221.5"), ("không đổi", "%", "0"), ("-1,2%", "%", "-1.2"),
])
def test_typed_figures(text, unit, value):
    assert read_figure(text, unit, growth=unit == "%") == Decimal(value)


@pytest.mark.parametrize("text, unit, growth, reason", [
    ("1.954,5 tỷ đồng", "nghìn tỷ đồng", False, "đơn vị 'tỷ đồng' khác đơn vị cần nhập 'nghìn tỷ đồng'"),
    ("giảm 100,5%", "%", True, "giảm quá 100%"),
    ("tăng 700%", "%", True, "ngoài ngưỡng ±500%"),
    ("1.000.000.000.000.000 tỷ USD", "tỷ USD", False, "số quá lớn"),
    ("130%", "%", False, "tỷ lệ không thể vượt 100%"),
    ("19/18", "/18", False, "vượt quá tổng số 18 đơn vị"),
    ("15/28", "/18", False, "không khớp tổng số 18 đơn vị"),
    ("1,2,3", "cụm", False, "không phải số viết theo kiểu Việt Nam"),
])
def test_impossible_or_wrong_figures_are_refused(text, unit, growth, reason):
    with pytest.raises(ValueProblem, match=reason):
        read_figure(text, unit, growth)
