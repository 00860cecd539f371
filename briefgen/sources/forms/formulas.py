"""Compute the simple formulas that a script-written workbook leaves without a cached value.

Excel stores each formula's last result; a workbook written by a program (openpyxl,
``"=A1+B1"``) has none, and reading only results would drop the figure silently. Only
numbers, references to cells of the same sheet (``A1``, ``$A$1``), ``+ - * /`` and
parentheses are computed, by a small parser: nothing is ever ``eval``-ed. Anything else
(functions, other sheets, text in arithmetic) raises ``FormulaError`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, DecimalException, localcontext

from briefgen.bounds import MAX_DIGITS

MAX_LENGTH = 500          # characters of a formula we try to compute
MAX_NESTING = 30          # parentheses and chained references
_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|\$?(?P<column>[A-Za-z]{1,3})\$?(?P<row>[1-9]\d{0,6})"
                    r"|(?P<op>[-+*/()]))")

Lookup = Callable[[str, int], object]     # (reference, depth) -> the cell's value


class FormulaError(ValueError):
    """A formula briefgen does not compute; the message says why, in Vietnamese."""


def tokens_of(formula: str) -> list[tuple[str, str]]:
    """Return the tokens of *formula* (``"=A1+2"`` → ref A1, op +, number 2); FormulaError if foreign."""
    text = formula.lstrip("=").rstrip()
    if len(text) > MAX_LENGTH:
        raise FormulaError("công thức quá dài")
    found, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise FormulaError("công thức có hàm hoặc tham chiếu ngoài trang tính, briefgen chỉ tính "
                               "được + - * / giữa các số và ô cùng trang")
        if match.group("number"):
            found.append(("number", match.group("number")))
        elif match.group("op"):
            found.append(("op", match.group("op")))
        else:
            found.append(("ref", f"{match.group('column').upper()}{match.group('row')}"))
        position = match.end()
    return found


def evaluate(formula: str, lookup: Lookup, depth: int = 0) -> object:
    """Return the value of *formula*; a lone reference (``=B5``) returns the cell's value (text too)."""
    if depth > MAX_NESTING:
        raise FormulaError("chuỗi tham chiếu quá dài hoặc vòng tròn")
    tokens = tokens_of(formula)
    if len(tokens) == 1 and tokens[0][0] == "ref":
        value = lookup(tokens[0][1], depth + 1)
        return Decimal(0) if value is None else value      # Excel shows 0 for "=Z99" when Z99 is empty
    parser = _Parser(tokens, lookup, depth)
    with localcontext() as context:
        context.prec = 2 * MAX_DIGITS + 4
        try:
            result = parser.expression(0)
        except DecimalException:
            raise FormulaError("phép tính lỗi (chia cho 0 hoặc số quá lớn)") from None
    if parser.position != len(tokens):
        raise FormulaError("công thức viết sai")
    return result


class _Parser:
    """A recursive-descent reader of ``+ - * /`` over numbers and cell references."""

    def __init__(self, tokens: list[tuple[str, str]], lookup: Lookup, depth: int):
        self.tokens, self.lookup, self.depth, self.position = tokens, lookup, depth, 0

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.position] if self.position < len(self.tokens) else ("end", "")

    def _next(self) -> tuple[str, str]:
        token = self._peek()
        self.position += 1
        return token

    def expression(self, nesting: int) -> Decimal:
        value = self.term(nesting)
        while self._peek() in (("op", "+"), ("op", "-")):
            value = value + self.term(nesting) if self._next()[1] == "+" else value - self.term(nesting)
        return value

    def term(self, nesting: int) -> Decimal:
        value = self.factor(nesting)
        while self._peek() in (("op", "*"), ("op", "/")):
            value = value * self.factor(nesting) if self._next()[1] == "*" else value / self.factor(nesting)
        return value

    def factor(self, nesting: int) -> Decimal:
        if nesting > MAX_NESTING:
            raise FormulaError("công thức lồng quá sâu")
        kind, value = self._next()
        if (kind, value) in (("op", "-"), ("op", "+")):
            operand = self.factor(nesting + 1)
            return -operand if value == "-" else operand
        if kind == "number":
            return Decimal(value)
        if kind == "ref":
            return as_operand(self.lookup(value, self.depth + 1), value)
        if (kind, value) == ("op", "("):
            inner = self.expression(nesting + 1)
            if self._next() != ("op", ")"):
                raise FormulaError("thiếu dấu ngoặc đóng")
            return inner
        raise FormulaError("công thức viết sai")


def as_operand(value: object, ref: str) -> Decimal:
    """Return a cell's value as a number for arithmetic: empty is 0, as in Excel; text is refused."""
    if value is None:
        return Decimal(0)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise FormulaError(f"ô {ref} không chứa số")
    if isinstance(value, float):
        return Decimal(f"{value:.{MAX_DIGITS}g}")
    return Decimal(value)
