"""The Government targets in force at the conference: a later resolution replaces an earlier one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from briefgen.domain.catalog import Resolution, Target
from briefgen.domain.figure import Figure


@dataclass(frozen=True)
class TargetInForce:
    """A target and the resolution that set it (None when the data does not name one)."""

    target: Target
    resolution: Resolution | None


def _issued(item: TargetInForce) -> date:
    return item.resolution.date if item.resolution else date.min


def find_targets_in_force(targets: tuple[Target, ...], resolutions: tuple[Resolution, ...],
                          year: int, day: date | None) -> tuple[TargetInForce, ...]:
    """Return, per indicator, the target of *year* set by the latest resolution issued by *day*.

    A target whose resolution is not dated in the data counts as issued before any dated
    one; with no *day* (conference date unknown) every resolution of the year counts.
    """
    by_number = {r.number: r for r in resolutions if r.year == year}
    latest: dict[str, TargetInForce] = {}
    for target in (t for t in targets if t.year == year):
        item = TargetInForce(target, by_number.get(target.resolution or ""))
        if day is not None and _issued(item) > day:
            continue
        current = latest.get(target.indicator)
        if current is None or _issued(item) >= _issued(current):
            latest[target.indicator] = item
    return tuple(latest.values())


@dataclass(frozen=True)
class TargetStanding:
    """Where the region's growth of the current period stands against the year's target."""

    item: TargetInForce
    actual: Figure
    relation: str          # "above", "within" (a range), "met" ("X or more", or "about X" exactly), "below"
    noun: str              # what the target measures: "tổng mức bán lẻ …"


def relation_to(target: Target, value: Decimal) -> str:
    """Return how *value* compares with *target*: ``above``, ``within``, ``met`` or ``below``."""
    if value < target.low:
        return "below"
    if target.high is None:
        return "met"
    if value > target.high:
        return "above"
    return "met" if target.high == target.low else "within"


def find_target_standing(targets: tuple[TargetInForce, ...], actuals: dict[str, Figure],
                         nouns: dict[str, str]) -> tuple[TargetStanding, ...]:
    """Return, for each target with an actual growth of the region (*actuals* by indicator), its standing."""
    return tuple(TargetStanding(item, actuals[item.target.indicator],
                                relation_to(item.target, actuals[item.target.indicator].value),
                                nouns[item.target.indicator])
                 for item in targets if item.target.indicator in actuals and item.target.low is not None)
