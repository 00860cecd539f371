"""Score extracted figures against a hand-labelled key: precision, recall, F1 per indicator
and, for the core indicators, per kind of scope (region, national, province).

A figure matches a key row when file, indicator, period, scope and value agree (value
compared as a number, so "1954" equals "1954.0"; a range "8-9" bound by bound); each key
row matches at most once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from briefgen.bounds import shown
from briefgen.errors import DataFileError
from briefgen.extract.classify import CORE_INDICATORS, INDICATORS
from briefgen.extract.model import Figure
from briefgen.sources.tables.tables import read_records

KEY_COLUMNS = ("file", "indicator", "period", "scope", "value")
Value = Decimal | tuple[Decimal, Decimal]  # a number, or the bounds of a range
Key = tuple[str, str, str, str, Value]
SCOPE_KINDS = ("region", "national", "province")
_RANGE_RE = re.compile(r"(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Score:
    """Counts of one indicator (or a group of them) and the rates they give."""

    label: str
    expected: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_key(path: Path) -> list[Key]:
    """Return the rows of a key CSV as match keys; raise DataFileError naming the bad line."""
    header, records = read_records(path)   # encoding, structure, control characters
    missing = [c for c in KEY_COLUMNS if c not in header]
    if missing:
        raise DataFileError(path, f"thiếu cột {', '.join(missing)}")
    return [_key_of_row(path, line, dict(zip(header, cells))) for line, cells in records]


def _key_of_row(path: Path, line: int, row: dict[str, str]) -> Key:
    try:
        value = parse_value(row["value"])
    except InvalidOperation:
        raise DataFileError(path, f"giá trị '{shown(row['value'])}' không phải số", line, "value") from None
    return row["file"], row["indicator"], row["period"], row["scope"], value


def parse_value(text: str) -> Value:
    """Return a key's value: a number ("56511.16") or a range's bounds ("50.5-51")."""
    found = _RANGE_RE.fullmatch(text.strip())
    if found:
        return Decimal(found.group(1)), Decimal(found.group(2))
    return Decimal(text)


def key_of(figure: Figure) -> Key:
    """Return the match key of an extracted figure."""
    value = figure.value if figure.high is None else (figure.value, figure.high)
    return figure.file, figure.indicator, figure.period, figure.scope, value


def score(figures: list[Figure], key: list[Key]) -> list[Score]:
    """Return one Score per indicator, then the core indicators together, then all."""
    expected, found = _counters(figures, key)  # unlabelled files don't count
    matched = found & expected
    rows = [_score_of(name, {name}, expected, found, matched) for name in INDICATORS]
    rows.append(_score_of("core", set(CORE_INDICATORS), expected, found, matched))
    rows.append(_score_of("all", set(INDICATORS), expected, found, matched))
    return rows


def _score_of(label: str, names: set[str], expected: Counter, found: Counter,
              matched: Counter, scope_kind: str | None = None) -> Score:
    def count(counter: Counter) -> int:
        return sum(n for k, n in counter.items()
                   if k[1] in names and scope_kind in (None, kind_of_scope(k[3])))
    return Score(label, count(expected), count(found), count(matched))


def kind_of_scope(scope: str) -> str:
    """Return "region", "national" or "province" for a scope value."""
    return scope if scope in ("region", "national") else "province"


def score_by_scope(figures: list[Figure], key: list[Key]) -> list[Score]:
    """Return one Score per kind of scope, over the core indicators."""
    expected, found = _counters(figures, key)
    matched = found & expected
    return [_score_of(kind, set(CORE_INDICATORS), expected, found, matched, kind)
            for kind in SCOPE_KINDS]


def _counters(figures: list[Figure], key: list[Key]) -> tuple[Counter, Counter]:
    """Return the key rows and the found rows of the key's files, as multisets."""
    files = {k[0] for k in key}
    return Counter(key), Counter(key_of(f) for f in figures if f.file in files)


def render_scores(scores: list[Score], title: str = "indicator") -> str:
    """Return the scores as an aligned plain-text table whose first column is *title*."""
    lines = [f"{title:<24}{'key':>5}{'found':>7}{'match':>7}{'prec':>7}{'recall':>8}{'F1':>7}"]
    for s in scores:
        lines.append(f"{s.label:<24}{s.expected:>5}{s.found:>7}{s.matched:>7}"
                     f"{s.precision:>7.3f}{s.recall:>8.3f}{s.f1:>7.3f}")
    return "\n".join(lines)


def render_key(key: Key) -> str:
    """Return a match key as a CSV-like line, a range as "low-high"."""
    *cells, value = key
    text = f"{value[0]}-{value[1]}" if isinstance(value, tuple) else str(value)
    return ",".join([*cells, text])


def find_differences(figures: list[Figure], key: list[Key]) -> tuple[list[Key], list[Key]]:
    """Return the key rows not found and the found rows not in the key (for --score -v)."""
    expected, found = _counters(figures, key)
    return sorted((expected - found).elements(), key=str), sorted((found - expected).elements(), key=str)
