"""Score extracted figures against a hand-labelled key: precision, recall, F1 per indicator.

A figure matches a key row when file, indicator, period, scope and value agree (value
compared as a number, so "1954" equals "1954.0"); each key row matches at most once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from briefgen.errors import DataFileError
from briefgen.extract.classify import CORE_INDICATORS, INDICATORS
from briefgen.extract.model import Figure
from briefgen.load.tables import read_records

KEY_COLUMNS = ("file", "indicator", "period", "scope", "value")
Key = tuple[str, str, str, str, Decimal]


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
        value = Decimal(row["value"])
    except InvalidOperation:
        raise DataFileError(path, f"giá trị '{row['value']}' không phải số", line, "value") from None
    return row["file"], row["indicator"], row["period"], row["scope"], value


def key_of(figure: Figure) -> Key:
    """Return the match key of an extracted figure."""
    return figure.file, figure.indicator, figure.period, figure.scope, figure.value


def score(figures: list[Figure], key: list[Key]) -> list[Score]:
    """Return one Score per indicator, then the core indicators together, then all."""
    files = {k[0] for k in key}
    found = Counter(key_of(f) for f in figures if f.file in files)  # unlabelled files don't count
    expected = Counter(key)
    matched = found & expected
    rows = [_score_of(name, {name}, expected, found, matched) for name in INDICATORS]
    rows.append(_score_of("core", set(CORE_INDICATORS), expected, found, matched))
    rows.append(_score_of("all", set(INDICATORS), expected, found, matched))
    return rows


def _score_of(label: str, names: set[str], expected: Counter, found: Counter,
              matched: Counter) -> Score:
    count = lambda counter: sum(n for k, n in counter.items() if k[1] in names)  # noqa: E731
    return Score(label, count(expected), count(found), count(matched))


def render_scores(scores: list[Score]) -> str:
    """Return the scores as an aligned plain-text table."""
    lines = [f"{'indicator':<24}{'key':>5}{'found':>7}{'match':>7}{'prec':>7}{'recall':>8}{'F1':>7}"]
    for s in scores:
        lines.append(f"{s.label:<24}{s.expected:>5}{s.found:>7}{s.matched:>7}"
                     f"{s.precision:>7.3f}{s.recall:>8.3f}{s.f1:>7.3f}")
    return "\n".join(lines)


def find_differences(figures: list[Figure], key: list[Key]) -> tuple[list[Key], list[Key]]:
    """Return the key rows not found and the found rows not in the key (for --score -v)."""
    files = {k[0] for k in key}
    found = Counter(key_of(f) for f in figures if f.file in files)
    expected = Counter(key)
    return sorted((expected - found).elements(), key=str), sorted((found - expected).elements(), key=str)
