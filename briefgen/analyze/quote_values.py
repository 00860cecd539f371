"""Does a quote state a figure? Read every number of a quote with the unit written after it.

Numbers are read in Vietnamese style by ``briefgen.numbers.parse_number`` ("1.954",
"1.954,5", "56.511,16", "4,8%", "2,8 lần"); the words after a number give its magnitude
("nghìn tỷ", "triệu") and its unit ("đồng", "USD", "tấn", "CCN"), so "1,58 triệu tỷ đồng"
states 1.580 nghìn tỷ đồng. A unit named as the quote's label ("CCN: 992 quy hoạch") or in
parentheses before a colon ("(tỷ đồng): 215.460") belongs to the bare numbers after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from briefgen.numbers import NUMBER_PATTERN, fmt_number, parse_number

STATED, UNIT_UNCONFIRMED, NOT_STATED = "stated", "unit", "value"

_NUMBER_RE = re.compile(rf"(?<![\w.,/⁄])(?P<sign>[+\-−–]\s?)?(?P<num>{NUMBER_PATTERN})")
_MAGNITUDES = {"nghìn": Decimal(10) ** 3, "ngàn": Decimal(10) ** 3, "triệu": Decimal(10) ** 6,
               "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9}
# What a unit word means: (base unit, factor to the base). Longer words are tried first.
_BASES = {
    "%": ("%", 1), "lần": ("lần", 1), "đồng": ("đồng", 1), "usd": ("usd", 1), "đô la": ("usd", 1),
    "tấn": ("tấn", 1), "lít": ("lít", 1), "kwh": ("kwh", 1), "mwh": ("kwh", 10 ** 3),
    "gwh": ("kwh", 10 ** 6), "cái": ("cái", 1), "đôi": ("đôi", 1), "viên": ("viên", 1),
    "ha": ("ha", 1), "km2": ("km2", 1), "km²": ("km2", 1), "m2": ("m2", 1), "m3": ("m3", 1), "sản phẩm": ("sản phẩm", 1),
    "cụm công nghiệp": ("cụm", 1), "cụm": ("cụm", 1), "ccn": ("cụm", 1), "dự án": ("dự án", 1),
    "người": ("người", 1), "lao động": ("lao động", 1), "doanh nghiệp": ("doanh nghiệp", 1),
    "tỉnh": ("tỉnh", 1), "địa phương": ("tỉnh", 1), "thành phố": ("tỉnh", 1),
}
_BASE_RE = re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(_BASES, key=len, reverse=True))
                      + r")(?!\w)")
_MAGNITUDE_RE = re.compile(r"(?:" + "|".join(_MAGNITUDES) + r")(?!\w)\s*")
_LABEL_RE = re.compile(r"^\s*(?P<label>[^:()]{1,40}):|\((?P<paren>[^()]{1,30})\)\s*:")
_SLASH_RE = re.compile(r"/(\d{1,3})(?!\d)")
_SIGN_WORD_RE = re.compile(r"(?<!\w)(tăng|giảm|âm)(?!\w)")
_ROUNDING = Decimal("0.005")     # a quote more precise than the data: rounding within 0.5 %


class Unit(NamedTuple):
    """A unit as a base and a factor: "nghìn tỷ đồng" is (đồng, 10¹²); "/28" is (tỉnh, 1) of 28."""

    base: str | None          # None: a magnitude without a base word ("nghìn tỷ")
    factor: Decimal
    out_of: int | None = None  # the denominator of a count written "16/28"


class Reading(NamedTuple):
    """A number of a quote, its sign when the quote gives one, and the unit written after it."""

    value: Decimal
    negative: bool | None
    unit: Unit | None
    written: str              # the number and its unit as written, for messages


@dataclass(frozen=True)
class Verdict:
    """Whether a quote states a value: STATED, UNIT_UNCONFIRMED or NOT_STATED, and what it says."""

    outcome: str
    seen: str = ""            # the quote's words for the value when its unit did not match


def parse_unit(text: str) -> Unit | None:
    """Return the unit a figure is given in ("nghìn tỷ đồng", "%", "/28"), or None if unknown."""
    text = " ".join(text.lower().split())
    if re.fullmatch(r"/\d+", text):
        return Unit("tỉnh", Decimal(1), int(text[1:]))
    factor, rest = _magnitude(text)
    base = _BASE_RE.match(rest)
    if base and base.end() == len(rest):
        name, scale = _BASES[base.group()]
        return Unit(name, factor * scale)
    return Unit(None, factor) if not rest and factor != 1 else None


def _magnitude(text: str) -> tuple[Decimal, str]:
    """Return the product of the magnitude words at the start of *text* and what follows them."""
    factor, position = Decimal(1), 0
    while match := _MAGNITUDE_RE.match(text, position):
        factor *= _MAGNITUDES[match.group().strip()]
        position = match.end()
    return factor, text[position:]


@lru_cache(maxsize=4096)
def read_numbers(quote: str) -> tuple[Reading, ...]:
    """Return every number of *quote* with its sign and the unit written after it."""
    folded = quote.lower().replace("\u00a0", " ")
    label, label_end = _label_unit(folded)
    readings = []
    for match in _NUMBER_RE.finditer(folded):
        after = folded[match.end():match.end() + 40]
        unit, length = _unit_after(after)
        readings.append(Reading(parse_number(match.group("num")), _sign(folded, match),
                                unit or (label if match.start() >= label_end else None),
                                quote[match.start("num"):match.end() + length].strip()))
    return tuple(readings)


def _unit_after(after: str) -> tuple[Unit | None, int]:
    """Return the unit at the start of *after* and how many characters it takes."""
    if slash := _SLASH_RE.match(after):
        return Unit("tỉnh", Decimal(1), int(slash.group(1))), slash.end()
    spaced = 1 if after[:1].isspace() else 0
    factor, rest = _magnitude(after[spaced:])
    used = len(after) - len(rest)
    base = _BASE_RE.match(rest)
    if base:
        name, scale = _BASES[base.group()]
        return Unit(name, factor * scale), used + base.end()
    return (Unit(None, factor), used) if factor != 1 else (None, 0)


def _label_unit(folded: str) -> tuple[Unit | None, int]:
    """Return the unit a quote's label names for the bare numbers after it ("ccn: …", "(tỷ đồng): …")
    and where the label ends."""
    match = _LABEL_RE.search(folded)
    if not match:
        return None, 0
    label = (match.group("label") or match.group("paren")).strip()
    words = label.split()  # empty when the label is only spaces (" :")
    return parse_unit(label) or (parse_unit(words[-1]) if words else None), match.end()


def _sign(folded: str, match: re.Match) -> bool | None:
    """Return True for a number written as a fall ("giảm 1,2%", "−3,8%"), False for a rise, None if unsaid."""
    if match.group("sign"):
        return match.group("sign").strip() != "+"
    words = _SIGN_WORD_RE.findall(folded, max(0, match.start() - 20), match.start())
    return words[-1] != "tăng" if words else None


def judge(quote: str, value: Decimal, unit: str, signed: bool = False) -> Verdict:
    """Return whether *quote* states *value* in *unit* (a *signed* growth must have its sign).

    STATED: a number in a unit that converts to *unit* gives the value (rounded at most
    0,5 %); UNIT_UNCONFIRMED: the number is there but its unit is missing or another;
    NOT_STATED: no number of the quote is the value.
    """
    expected = parse_unit(unit)
    seen = ""
    for reading in read_numbers(quote):
        if signed and reading.negative is not None and reading.negative != (value < 0):
            continue
        if expected and reading.unit and _converts(reading, expected) and _close(
                reading.value * reading.unit.factor / expected.factor, abs(value)):
            return Verdict(STATED)
        if reading.value == abs(value) and not seen:
            seen = reading.written
    return Verdict(UNIT_UNCONFIRMED, seen) if seen else Verdict(NOT_STATED)


def _converts(reading: Reading, expected: Unit) -> bool:
    written = reading.unit
    if written.out_of is not None and expected.out_of is not None and written.out_of != expected.out_of:
        return False
    if written.base is None:            # "nghìn tỷ" alone: money
        return expected.base == "đồng"
    return written.base == expected.base


def _close(stated: Decimal, value: Decimal) -> bool:
    """Tell whether *stated* is *value*, or rounds to it at *value*'s precision within 0,5 %."""
    if stated == value:
        return True
    exponent = value.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return stated.quantize(places) == value and abs(stated - value) <= _ROUNDING * value


def describe(value: Decimal, unit: str) -> str:
    """Return a value as the messages write it: "1.954 nghìn tỷ đồng", "4,8%"."""
    number = fmt_number(value)
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()
