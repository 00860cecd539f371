"""Read a figure as staff type it in Vietnamese style: "1.954,5 nghìn tỷ đồng", "giảm 1,2%", "15/18".

The inverse of ``briefgen.numbers`` formatting; anything else is refused with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from briefgen.bounds import growth_problem, number_problem, shown
from briefgen.numbers import parse_number

_NUMBER = r"[+\-−]?\s*\d[\d.,]*"
_CHANGE = re.compile(rf"^(tăng|giảm)\s+({_NUMBER})\s*%$", re.IGNORECASE)
_PERCENT = re.compile(rf"^({_NUMBER})\s*%$")
_RATIO = re.compile(rf"^gấp\s+({_NUMBER})\s+lần$", re.IGNORECASE)
_COUNT = re.compile(rf"^({_NUMBER})\s*/\s*(\d+)$")
_VALUE = re.compile(rf"^({_NUMBER})(?:\s+(\D.*))?$")


class ValueProblem(ValueError):
    """A typed figure that cannot be read or does not fit; ``str()`` says why, in Vietnamese."""


@dataclass(frozen=True)
class Quantity:
    """A typed figure: its value and the unit it was written with (None: the number alone)."""

    value: Decimal
    unit: str | None


def _number(text: str) -> Decimal:
    try:
        return parse_number(text.replace(" ", ""))
    except ValueError:
        raise ValueProblem(f"'{shown(text)}' không phải số viết theo kiểu Việt Nam (ví dụ 1.954,5)") from None


_LEAD = re.compile(r"^(?:ước đạt|ước tính|ước|đạt|khoảng)\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    """Return *text* on one line, without "ước đạt", "khoảng" before it or punctuation after it."""
    return _LEAD.sub("", " ".join(text.replace("\u00a0", " ").split()).rstrip(".,;:"))


def parse_quantity(text: str) -> Quantity:
    """Return the value and unit written as *text*; raise ``ValueProblem`` when it is no figure."""
    raw = _clean(text)
    if raw.lower() == "không đổi":
        return Quantity(Decimal(0), "%")
    if match := _CHANGE.match(raw):
        sign = -1 if match.group(1).lower() == "giảm" else 1
        return Quantity(sign * _number(match.group(2)), "%")
    if match := _PERCENT.match(raw):
        return Quantity(_number(match.group(1)), "%")
    if match := _RATIO.match(raw):
        return Quantity(_number(match.group(1)), "lần")
    if match := _COUNT.match(raw):
        return Quantity(_number(match.group(1)), f"/{match.group(2)}")
    if match := _VALUE.match(raw):
        return Quantity(_number(match.group(1)), match.group(2))
    raise ValueProblem(f"không đọc được số liệu trong '{shown(raw)}'")


def _same_unit(written: str, expected: str) -> bool:
    return " ".join(written.lower().split()) == " ".join(expected.lower().split())


def read_figure(text: str, unit: str, growth: bool = False) -> Decimal:
    """Return the value *text* gives for a figure in *unit*; raise ``ValueProblem`` if wrong or impossible.

    A number alone takes the expected unit (tables give the unit in the header).
    """
    quantity = parse_quantity(text)
    if unit.startswith("/"):
        if quantity.unit not in (None, unit):
            raise ValueProblem(f"'{shown(_clean(text))}' không khớp tổng số {unit[1:]} đơn vị")
    elif quantity.unit is not None and not _same_unit(quantity.unit, unit or quantity.unit):
        raise ValueProblem(f"đơn vị '{shown(quantity.unit)}' khác đơn vị cần nhập '{unit or 'không có'}'")
    _check_possible(quantity.value, unit, growth, text)
    return quantity.value


def _impossible(value: Decimal, unit: str, growth: bool) -> str | None:
    """Return why *value* cannot be this figure (the loader's and the forms' bounds, then the unit's)."""
    problem = number_problem(value) or (growth_problem(value) if growth else None)
    if problem:
        return problem
    if not growth and value < 0:
        return "giá trị không thể âm"
    if unit == "%" and not growth and value > 100:
        return "tỷ lệ không thể vượt 100%"
    if unit.startswith("/") and value > Decimal(unit[1:]):
        return f"vượt quá tổng số {unit[1:]} đơn vị"
    return None


def _check_possible(value: Decimal, unit: str, growth: bool, text: str) -> None:
    problem = _impossible(value, unit, growth)
    if problem:
        raise ValueProblem(f"'{shown(_clean(text))}': {problem}")
