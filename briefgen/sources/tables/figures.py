"""Figures (số liệu): every value the drafts may print, each with its source and quote."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from briefgen.bounds import growth_problem, shown
from briefgen.domain.edition import SERIES
from briefgen.domain.figure import FIGURE_STATUSES, QUALIFIERS, Figure
from briefgen.domain.indicators import COUNT_UNITS, SHARE, headline_units, is_growth, of_kind
from briefgen.domain.period import parse_period
from briefgen.errors import DataFileError
from briefgen.sources.tables.tables import Column, one_of, parse_bool, parse_decimal, parse_int, read_table

SHARES = of_kind(SHARE)                  # parts of a whole, ≤ 100%
# Headlines compared across editions, with the units they may be given in; the analysis
# converts every value to the first one.
HEADLINE_UNITS = headline_units()


def _parse_qualifiers(text: str) -> tuple[str, ...]:
    """Return the qualifiers of a ``;``-separated cell (``lower_bound;constant_prices_2010``)."""
    items = tuple(item.strip() for item in text.split(";") if item.strip())
    for item in items:
        if item not in QUALIFIERS:
            raise ValueError(f"giá trị '{shown(item)}' không hợp lệ; cho phép: {', '.join(QUALIFIERS)}")
    return tuple(dict.fromkeys(items))


FIGURE_COLUMNS = (
    Column("edition_year", parse_int),
    Column("series", one_of(*SERIES)),
    Column("period", parse_period),
    Column("scope"),
    Column("indicator"),
    Column("subject", required=False),
    Column("value", parse_decimal),
    Column("unit"),
    Column("estimate", parse_bool),
    Column("status", one_of(*FIGURE_STATUSES)),
    Column("source"),
    Column("quote", required=False),   # empty: the build refuses the figure (analyze/integrity.py)
    Column("note", required=False),
    Column("qualifiers", _parse_qualifiers, required=False, added=True),   # from QUALIFIERS, ";"-separated
)


def _check_unit(path: Path, figure: Figure) -> None:
    allowed = HEADLINE_UNITS.get(figure.indicator, (figure.unit,))
    if figure.unit not in allowed:
        raise DataFileError(path, f"đơn vị '{figure.unit}' không dùng được cho {figure.indicator}; "
                                  f"dùng {' hoặc '.join(allowed)}", line=figure.line, column="unit")


def load_figures(path: Path) -> tuple[Figure, ...]:
    """Return every figure in *path*; two rows saying the same thing are an error."""
    figures = tuple(Figure(**{k: v for k, v in row.items() if k not in ("_line", "quote", "qualifiers")},
                           quote=row["quote"] or "", line=row["_line"], qualifiers=row["qualifiers"] or ())
                    for row in read_table(path, FIGURE_COLUMNS))
    seen: dict[str, int] = {}
    for figure in figures:
        _check_unit(path, figure)
        problem = value_problem(figure.indicator, figure.value, figure.unit)
        if problem:
            raise DataFileError(path, f"{figure.indicator} = {figure.value} {figure.unit}: {problem}",
                                line=figure.line, column="value")
        if figure.id in seen:
            raise DataFileError(path, f"trùng số liệu {figure.id} (đã có ở dòng {seen[figure.id]})",
                                line=figure.line)
        seen[figure.id] = figure.line
    return figures


def value_problem(indicator: str, value: Decimal, unit: str) -> str | None:
    """Return why *value* is impossible for *indicator* in *unit* (Vietnamese), or None.

    Only growth rates may be negative; a count is whole and a count out of N (``/28``)
    at most N; a share at most 100%.
    """
    if is_growth(indicator):
        return f"tốc độ tăng {growth_problem(value)}" if unit == "%" and growth_problem(value) else None
    if value < 0:
        return "giá trị này không thể âm (chỉ tốc độ tăng mới có thể âm)"
    whole = value == value.to_integral_value()
    if unit.startswith("/") and unit[1:].isdigit():
        return None if whole and value <= int(unit[1:]) else f"cần số nguyên từ 0 đến {unit[1:]}"
    if unit in COUNT_UNITS and not whole:
        return f"số {unit} phải là số nguyên"
    if indicator in SHARES and unit == "%" and value > 100:
        return "tỷ trọng không thể quá 100%"
    return None
