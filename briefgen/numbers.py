"""Vietnamese number style, both ways: format for the drafts, parse for the extractor.

"." groups thousands, "," marks decimals, no space before "%":
``56.511,16 tỷ đồng``, ``tăng 4,8%``. Values travel as ``Decimal`` so that the
precision of the source survives (``1.954`` stays ``1.954``, never ``1.954,0``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal

LOCALE = "vi"

Number = Decimal | int | float | str
MAX_PRINTED_DIGITS = 60   # more digits than this in a draft is a bug upstream, not a figure


def to_decimal(value: Number) -> Decimal:
    """Return *value* as a Decimal; floats go through ``str`` to keep what was typed."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)   # str() of an int over 4300 digits raises
    if isinstance(value, float):  # float() first: numpy's float64 repr is "np.float64(…)"
        return Decimal(repr(float(value)))
    try:
        return Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def decimals_of(value: Number) -> int:
    """Return how many decimal places *value* carries as written (``"17.10"`` → 2)."""
    exponent = to_decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def printable(value: Number) -> Decimal:
    """Return *value* as a finite Decimal; ValueError (a bug: validation let it through) if not."""
    number = to_decimal(value)
    if not number.is_finite():
        raise ValueError(f"refusing to print a non-finite number: {value!r}")
    return number


def fmt_number(value: Number, decimals: int | None = None) -> str:
    """Return *value* in Vietnamese style, e.g. ``56511.16`` → ``"56.511,16"``.

    With *decimals* None the precision of the value as written is kept; otherwise it is
    rounded half-up first (Babel alone would round half-even). NaN, infinities and
    numbers of more than ``MAX_PRINTED_DIGITS`` digits raise ValueError: validation
    should have refused them, so reaching here is a bug, never something to print.
    """
    number = printable(value)
    places = decimals_of(number) if decimals is None else decimals
    if max(number.adjusted() + 1, 1) + places > MAX_PRINTED_DIGITS:
        raise ValueError(f"refusing to print {str(value)[:40]!r}… with {places} decimals: too many digits")
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext() as context:    # Babel quantizes again, in the current context
        context.prec = MAX_PRINTED_DIGITS + 2
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if number == 0:
            number = number.copy_abs()   # "-0,0" is no figure anyone wrote
        return format_decimal(number, format=pattern, locale=LOCALE)


def fmt_percent(value: Number, decimals: int | None = None) -> str:
    """Return a percentage without space before the sign: ``4.8`` → ``"4,8%"``."""
    return fmt_number(value, decimals) + "%"


def fmt_change(value: Number, decimals: int | None = None) -> str:
    """Return a growth rate as words: ``4.8`` → ``"tăng 4,8%"``, ``-13.1`` → ``"giảm 13,1%"``."""
    number = printable(value)
    if number == 0:
        return "không đổi"
    verb = "tăng" if number > 0 else "giảm"
    return f"{verb} {fmt_percent(abs(number), decimals)}"


def fmt_ratio(value: Number) -> str:
    """Return a multiple as words: ``2.8`` → ``"gấp 2,8 lần"``."""
    return f"gấp {fmt_number(value)} lần"


def fmt_quantity(value: Number, unit: str) -> str:
    """Return a value with its unit: ``(1954, "nghìn tỷ đồng")`` → ``"1.954 nghìn tỷ đồng"``."""
    if unit == "%":
        return fmt_percent(value)
    if unit.startswith("/"):  # a count out of a total, e.g. 23/28
        return f"{fmt_number(value)}{unit}"
    return f"{fmt_number(value)} {unit}".rstrip()


# A Vietnamese-style number inside running text, unanchored; every match is accepted by
# parse_number. Alternatives go from the most to the least structured so that "1.954"
# is read as one grouped number, and no match stops inside a longer number.
NUMBER_PATTERN = (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d]|[.,]\d)"
                  r"|\d+,\d+(?![\d]|[.,]\d)"
                  r"|\d+\.\d{1,2}(?![\d]|[.,]\d)"
                  r"|\d+(?![\d]|[.,]\d)")

# A Vietnamese-style number: digits with optional "." thousands groups and "," decimals.
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")  # "28.3": a dot typed for a comma


def parse_number(text: str) -> Decimal:
    """Return the Decimal written as *text* in Vietnamese style (``"56.511,16"`` → 56511.16).

    A lone dot followed by one or two digits is read as a decimal point, as such typos
    occur in the press (``"chiếm 28.3%"``); with three digits it groups thousands.
    """
    raw = text.strip().replace("\u00a0", "")
    sign = -1 if raw.startswith(("-", "−")) else 1
    raw = raw.lstrip("+-−").strip()
    if _GROUPED.match(raw) or _PLAIN.match(raw):
        normalised = raw.replace(".", "").replace(",", ".")
    elif _DOT_DECIMAL.match(raw):
        normalised = raw
    else:
        raise ValueError(f"not a Vietnamese number: {text!r}")
    return sign * Decimal(normalised)
