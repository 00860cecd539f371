"""The consistency checks on figures, table-driven on small hand-made data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefgen.analyze.consistency import find_conflicting_reports, find_growth_mismatches
from briefgen.domain.figure import Figure
from briefgen.domain.period import parse_period


def fig(indicator, period, value, edition=2023, unit="nghìn tỷ đồng"):
    return Figure(edition, "phia_bac", parse_period(period), "region", indicator, None, Decimal(value),
                  unit if indicator.endswith("sales") else "%", False, "confirmed", "s.txt", "q", None)


@pytest.mark.parametrize("previous, flagged", [("1636", False), ("1650", False), ("1787", True)])
def test_value_growth_and_previous_must_agree(previous, flagged):
    figures = (fig("retail_sales", "2022", "1954"), fig("retail_growth", "2022", "19.4"),
               fig("retail_sales", "2021", previous, edition=2022))
    found = find_growth_mismatches(figures)
    assert bool(found) is flagged
    if flagged:
        assert "1.637" in found[0].message and "1.787" in found[0].message


def test_partial_periods_compare_with_the_same_months():
    figures = (fig("retail_sales", "H1-2024", "1404", 2024), fig("retail_growth", "H1-2024", "12.3", 2024),
               fig("retail_sales", "9M-2023", "1300"), fig("retail_sales", "H1-2023", "1300"))
    found = find_growth_mismatches(figures)
    assert len(found) == 1 and "6 tháng đầu năm 2023" in found[0].message


def test_two_reports_of_one_figure_must_match():
    same = (fig("retail_sales", "2021", "1787", 2022), fig("retail_sales", "2021", "1787", 2023))
    differ = (fig("retail_sales", "2021", "1787", 2022), fig("retail_sales", "2021", "1636", 2023))
    assert find_conflicting_reports(same) == []
    assert "báo cáo năm 2022" in find_conflicting_reports(differ)[0].message
