"""What section IV says beside the history table, decided here; ``templates/findings/comparison/``.

Each headline's comparison takes one of three shapes: this draft's figure against the nearest
earlier year (``comparison/against_previous``), the earlier figure beside a slot still to be filled
(``comparison/current_open``), or this draft's figure with nothing earlier to compare
(``comparison/no_previous``). With neither figure nothing is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.analyze.history import Comparison, Elsewhere
from briefgen.analyze.said import Finding, optional
from briefgen.domain.period import Period

KINDS = ("comparison/against_previous", "comparison/current_open", "comparison/no_previous")


def lower_first(text: str) -> str:
    """Return *text* with its first letter in lower case, as it reads inside a sentence."""
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class AsideSaid:
    """An earlier edition's figures of another period than its row's pair, in a sentence of their own."""

    edition_year: int
    missing: str               # what the row lacks: "tốc độ tăng tổng mức bán lẻ …" or the value's name
    shown: Period
    period: Period
    value: tuple
    growth: tuple


def aside_finding(aside: Elsewhere) -> AsideSaid:
    """Return the sentence on *aside*: what the row lacks and what the edition reported instead."""
    noun = lower_first(aside.label)
    return AsideSaid(aside.edition_year, noun if aside.lacks_value else f"tốc độ tăng {noun}", aside.shown,
                     aside.period, optional(aside.value), optional(aside.growth))


def gap_words(comparison: Comparison) -> tuple:
    """Return the years without data between the two compared (``cùng kỳ các năm 2020–2021``), if any."""
    if not comparison.gap:
        return ()
    first, last = comparison.gap
    years = f"năm {first}" if first == last else f"các năm {first}–{last}"
    return (("" if comparison.period.is_whole_year else "cùng kỳ ") + years,)


def comparison_finding(comparison: Comparison) -> tuple[Finding, ...]:
    """Return the sentence comparing one headline with earlier years, or nothing when both are unknown."""
    known, previous = comparison.current.known, comparison.previous
    if known and previous:
        return (Finding("comparison/against_previous", comparison=comparison, gap=gap_words(comparison),
                        rank=optional(comparison.rank_note)),)
    if previous:
        label = f"Tốc độ tăng {lower_first(comparison.label)}" if comparison.is_growth else comparison.label
        return (Finding("comparison/current_open", comparison=comparison, gap=gap_words(comparison),
                        label=label),)
    if known:
        return (Finding("comparison/no_previous", comparison=comparison),)
    return ()
