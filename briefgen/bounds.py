"""What a number must look like to be a figure: finite, at most 15 significant digits, sane size.

Shared by the data loader (``data/*.csv``) and the form checker, so that ``NaN``,
``1e309``, ``1e-400`` or a 5000-digit number is refused where it is typed, with the
file and cell, instead of being printed in a draft.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

MAX_DIGITS = 15                      # significant digits a spreadsheet keeps (Excel: 15)
LARGEST = Decimal("1e15")            # no figure of a province or region reaches 10^15
SMALLEST = Decimal("1e-6")           # a non-zero figure below a millionth is a typo or an artefact
GROWTH_FLOOR = Decimal(-100)         # nothing decreases by more than 100%
GROWTH_LIMIT = Decimal(500)          # beyond +500% (or -500 typed for a decrease) a growth rate is a typo
SHOWN_LENGTH = 40                    # characters of a typed value quoted back in a message
MESSAGE_LENGTH = 1000                # characters of a whole message line (a backstop for long paths)


def significant_digits(number: Decimal) -> int:
    """Return how many significant digits *number* has (``1200`` → 2, ``0.0012`` → 2)."""
    digits = "".join(map(str, number.as_tuple().digits)).strip("0")
    return len(digits)


def number_problem(number: Decimal) -> str | None:
    """Return why *number* cannot be a figure (Vietnamese, for a message), or None if it can."""
    if not number.is_finite():
        return "không phải là số hữu hạn (NaN hoặc vô cực)"
    if number == 0:
        return None
    if abs(number) >= LARGEST:
        return "số quá lớn (từ 10^15 trở lên), kiểm tra lại số chữ số"
    if abs(number) < SMALLEST:
        return "số quá nhỏ (dưới 0,000001), kiểm tra lại"
    if significant_digits(number) > MAX_DIGITS:
        return f"số có quá {MAX_DIGITS} chữ số có nghĩa, kiểm tra lại"
    return None


def growth_problem(growth: Decimal) -> str | None:
    """Return why a growth rate in % is impossible or implausible, or None if it is not."""
    if growth < -GROWTH_LIMIT or growth > GROWTH_LIMIT:
        return "ngoài ngưỡng ±500%"
    if growth < GROWTH_FLOOR:
        return "giảm quá 100%"
    return None


def shown(value: object) -> str:
    """Return a typed value fit to quote in a message: control characters escaped, long text cut."""
    return clipped(escaped(str(value)), SHOWN_LENGTH)


def clipped(text: str, limit: int = MESSAGE_LENGTH) -> str:
    """Return *text* cut to *limit* characters, saying how long it was (a message line stays readable)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} ký tự)"


def escaped(text: str) -> str:
    """Return *text* with control characters written out (``\\u0001``), safe for a message or a DOCX."""
    return "".join(f"\\u{ord(ch):04x}" if is_control(ch) else ch for ch in text)


def is_control(char: str) -> bool:
    """Return whether *char* is a control character other than tab and line breaks."""
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff"


def first_control(text: str) -> str | None:
    """Return the first control character of *text* as ``U+0001``, or None if there is none."""
    found = next((ch for ch in text if is_control(ch)), None)
    return None if found is None else f"U+{ord(found):04X}"
