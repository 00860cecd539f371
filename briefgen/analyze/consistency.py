"""Find figures that disagree with each other, so the draft flags them instead of picking silently.

Two checks: a value, its growth and last year's value must agree (value / (1 + growth)
≈ previous value); and two reports of the same figure must give the same value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.domain.figure import Figure
from briefgen.domain.indicators import growth_of
from briefgen.domain.period import previous_period
from briefgen.numbers import fmt_number

GROWTH_OF = growth_of()
TOLERANCE = Decimal("0.03")      # 3 %: rounding in the sources stays below this


@dataclass(frozen=True)
class Inconsistency:
    figure_ids: tuple[str, ...]
    message: str


def _comparable(figures: tuple[Figure, ...]) -> list[Figure]:
    return [f for f in figures if f.printable and f.scope in ("region", "national") and not f.subject]


def _area(figure: Figure) -> tuple[str, str]:
    """Return what a figure covers: the region of its series, or the whole country."""
    return (figure.scope, figure.series if figure.scope == "region" else "")


def find_growth_mismatches(figures: tuple[Figure, ...]) -> list[Inconsistency]:
    """Return values whose own growth contradicts the previous period's reported value."""
    pool = _comparable(figures)
    index = {(f.indicator, f.period, _area(f), f.edition_year): f for f in pool}
    found = []
    for value in (f for f in pool if f.indicator in GROWTH_OF):
        growth = index.get((GROWTH_OF[value.indicator], value.period, _area(value), value.edition_year))
        previous = [f for f in pool if f.indicator == value.indicator and _area(f) == _area(value)
                    and f.period == previous_period(value.period) and f.unit == value.unit]
        if growth is None or not previous:
            continue
        implied = value.value / (1 + growth.value / 100)
        for before in previous:
            if abs(implied - before.value) > TOLERANCE * before.value:
                found.append(Inconsistency((value.id, growth.id, before.id), (
                    f"Số liệu không khớp: {fmt_number(value.value)} {value.unit} ({value.period.label}) "
                    f"với mức tăng {fmt_number(growth.value)}% suy ra kỳ trước khoảng "
                    f"{fmt_number(implied, 0)} {value.unit}, nhưng nguồn {before.source} ghi "
                    f"{fmt_number(before.value)} {before.unit} ({before.period.label}). Cần đối chiếu.")))
    return found


def find_conflicting_reports(figures: tuple[Figure, ...]) -> list[Inconsistency]:
    """Return figures reported twice (by different editions) with different values."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in _comparable(figures):
        groups.setdefault((figure.indicator, figure.period, _area(figure), figure.unit), []).append(figure)
    found = []
    for reports in groups.values():
        values = {f.value for f in reports}
        if len(values) > 1 and max(values) - min(values) > TOLERANCE * max(values) / 3:
            listed = "; ".join(f"{fmt_number(f.value)} {f.unit} (báo cáo năm {f.edition_year})" for f in reports)
            found.append(Inconsistency(tuple(f.id for f in reports),
                                       f"Các nguồn ghi khác nhau cho cùng một số liệu: {listed}. Cần đối chiếu."))
    return found


def find_inconsistencies(figures: tuple[Figure, ...]) -> tuple[Inconsistency, ...]:
    """Return every inconsistency the checks find."""
    return tuple(find_growth_mismatches(figures) + find_conflicting_reports(figures))


def notes_by_figure(inconsistencies: tuple[Inconsistency, ...]) -> dict[str, str]:
    """Return the comment text to attach to each figure involved in an inconsistency."""
    notes: dict[str, list[str]] = {}
    for item in inconsistencies:
        for figure_id in item.figure_ids:
            notes.setdefault(figure_id, []).append(item.message)
    return {k: " ".join(v) for k, v in notes.items()}


def merge_notes(*sources: dict[str, str]) -> dict[str, str]:
    """Return the comments of every source joined per figure id, in the order given."""
    merged: dict[str, str] = {}
    for notes in sources:
        for figure_id, note in notes.items():
            merged[figure_id] = f"{merged[figure_id]} {note}" if figure_id in merged else note
    return merged
