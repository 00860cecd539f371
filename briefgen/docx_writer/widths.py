"""Column widths a table's words fit in: a cell never breaks a word (or a figure and its mark).

Word and LibreOffice break a word that is wider than its column anywhere, leaving ")" or
"c)" of "(ước)" alone on a line. The widths asked for (relative weights) are kept where the
longest word of each column fits; a column too narrow for its longest word takes the
difference from the columns with room to spare. Widths are estimated from the advance widths
of Times New Roman (Liberation Serif has the same metrics), in thousandths of an em; letters
such as "ư", "ớ", "ệ" are taken as wide as DejaVu Serif sets them, which LibreOffice uses
where its Liberation Serif (1.x) has no Vietnamese letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ADVANCE = {
    250: " ,.\u00a0", 278: "ijlt/:;", 333: "frI()-", 389: "sJ", 444: "aceze?", 556: "FPS", 564: "+",
    611: "ETLZ", 667: "BCR", 722: "ADGHKNOQUVXYw", 778: "m", 833: "%", 889: "M", 944: "W",
}
_WIDTH = {char: width for width, chars in _ADVANCE.items() for char in chars}
DEFAULT_ADVANCE = 500          # digits, most lower-case letters, "–", "*"
FALLBACK_ADVANCE = (650, 850)  # lower- and upper-case "ơ ư ạ ả … Ơ Ư Ứ" set in DejaVu Serif
BOLD = 1.06                    # bold is about 6 % wider
CELL_MARGIN_PT = 5.4           # Table Grid's left and right cell margins (108 twips each)
PT_PER_MM = 72 / 25.4
LONG_WORD = 20                 # a longer "word" is an address: it may break after "/" or "-"


def _advance(char: str) -> int:
    if 0x180 <= ord(char) <= 0x24F or 0x1E00 <= ord(char) <= 0x1EFF:   # Latin Extended-B, Additional
        return FALLBACK_ADVANCE[char.isupper()]
    base = unicodedata.normalize("NFD", char)[0]     # "é" is as wide as "e"
    return _WIDTH.get(base, DEFAULT_ADVANCE)


@lru_cache(maxsize=8192)
def _advances(text: str) -> int:
    """Return the summed advance widths of *text* in thousandths of an em (tables repeat their words)."""
    return sum(map(_advance, text))


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Return the width of *text* set at *size_pt* (see the module's note on fonts), in points."""
    return _advances(text) / 1000 * size_pt * (BOLD if bold else 1.0)


def words_of(text: str) -> list[str]:
    """Return the pieces of *text* a line never breaks inside: split at spaces (not at the
    no-break space that ties a mark to its figure), addresses also after "/" and "-"."""
    words = []
    for word in text.split(" "):
        words += re.findall(r"[^/-]*[/-]?", word)[:-1] if len(word) > LONG_WORD else [word]
    return words


def least_width_mm(texts: list[str], size_pt: float, margin_pt: float = CELL_MARGIN_PT,
                   bold_first: bool = True) -> float:
    """Return the narrowest column (mm) that holds the longest word of *texts* (the first one
    bold) between cell margins of *margin_pt* on each side."""
    widest = max((text_width_pt(word, size_pt, bold_first and index == 0)
                  for index, text in enumerate(texts) for word in words_of(text)), default=0.0)
    return (widest + 2 * margin_pt) / PT_PER_MM + 0.5     # half a millimetre for rounding


def fit_widths(wanted: list[float], least: list[float]) -> list[float] | None:
    """Return *wanted* widths with every column raised to its *least* width, the difference
    taken from the columns with room to spare in proportion to that room; None when the least
    widths together exceed the total."""
    total = sum(wanted)
    if sum(least) > total:
        return None
    short = sum(max(0.0, low - width) for width, low in zip(wanted, least))
    room = [max(0.0, width - low) for width, low in zip(wanted, least)]
    spare = sum(room)
    return [low if width <= low else width - short * r / spare
            for width, low, r in zip(wanted, least, room)]
