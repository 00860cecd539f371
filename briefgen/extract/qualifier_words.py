"""Qualifiers in the words staff write in the review sheet: "hơn", "từ … trở lên", "giá so sánh 2010".

The sheet's column "Ghi chú định lượng" holds them, separated by "; ". ``fmt_qualifier_words``
writes a figure's qualifiers so; ``parse_qualifier_words`` reads a cell back and refuses any
other word (the estimate has its own column, "Ước tính").
"""

from __future__ import annotations

import re
import unicodedata

from briefgen.bounds import shown
from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND

# The word written for each qualifier, in the order the draft prints them.
WORDS = {LOWER_BOUND: "hơn", AT_LEAST: "từ … trở lên", CONSTANT_PRICES_2010: "giá so sánh 2010"}
# Other ways staff may write the same qualifier (read, never written).
ALIASES = {"trên": LOWER_BOUND, "trở lên": AT_LEAST, "theo giá so sánh 2010": CONSTANT_PRICES_2010,
           "giá so sánh năm 2010": CONSTANT_PRICES_2010, "theo giá so sánh năm 2010": CONSTANT_PRICES_2010}
SEPARATOR = "; "
# What the cell's drop-down offers: each word alone, and the price basis with a bound.
CHOICES = (WORDS[LOWER_BOUND], WORDS[AT_LEAST], WORDS[CONSTANT_PRICES_2010],
           SEPARATOR.join((WORDS[LOWER_BOUND], WORDS[CONSTANT_PRICES_2010])),
           SEPARATOR.join((WORDS[AT_LEAST], WORDS[CONSTANT_PRICES_2010])))
ALLOWED = ", ".join(WORDS.values())
_KNOWN = {**{word: q for q, word in WORDS.items()}, **ALIASES}
_DOTS_RE = re.compile(r"\.{3}|…")
_SPACE_RE = re.compile(r"\s+")


def fmt_qualifier_words(qualifiers: tuple[str, ...]) -> str:
    """Return the cell text of *qualifiers*: ``hơn; giá so sánh 2010`` ("" when there are none)."""
    return SEPARATOR.join(word for q, word in WORDS.items() if q in qualifiers)


def parse_qualifier_words(text: str) -> tuple[str, ...]:
    """Return the qualifiers a cell names, in the draft's order; raise ValueError (Vietnamese) on any
    other word, or on "hơn" with "từ … trở lên" (a value is one or the other).

    Case, spacing, "..." for "…" and "," for ";" do not matter; an empty cell names none.
    """
    found = set()
    for word in re.split(r"[;,]", text):
        key = _normal(word)
        if not key:
            continue
        if key not in _KNOWN:
            raise ValueError(_unknown(word.strip()))
        found.add(_KNOWN[key])
    if {LOWER_BOUND, AT_LEAST} <= found:
        raise ValueError(f"'{WORDS[LOWER_BOUND]}' và '{WORDS[AT_LEAST]}' không ghi cùng nhau; chọn một")
    return tuple(q for q in WORDS if q in found)


def _normal(word: str) -> str:
    """Return *word* as the vocabulary spells it: NFC, lower case, one space, "…" between spaces."""
    word = _DOTS_RE.sub(" … ", unicodedata.normalize("NFC", word).lower())
    return _SPACE_RE.sub(" ", word).strip()


def _unknown(word: str) -> str:
    """Return why *word* is refused, pointing "ước" to its own column."""
    word = " ".join(word.split())      # a line break typed in the cell stays out of the one-line message
    if _normal(word) in ("ước", "ước tính"):
        return f"'{shown(word)}' ghi ở cột Ước tính (Có/Không), không ghi ở cột Ghi chú định lượng"
    return (f"ghi chú định lượng '{shown(word)}' không dùng được; chỉ ghi {ALLOWED} "
            f"(nhiều ghi chú cách nhau bằng dấu ;)")
