"""How the draft words a Government target: "tăng khoảng 8,3–8,5%", with its resolution when known."""

from __future__ import annotations

from briefgen.analyze.targets import TargetInForce
from briefgen.dates import fmt_date_short
from briefgen.domain.catalog import Target
from briefgen.domain.indicators import INDICATORS
from briefgen.numbers import fmt_number


def fmt_bound(target: Target) -> str:
    """Return the target's growth in words: ``tăng từ 8% trở lên``, ``tăng khoảng 6%``, ``tăng khoảng 8–9%``."""
    if target.high is None:
        return f"tăng từ {fmt_number(target.low)}% trở lên"
    if target.high == target.low:
        return f"tăng khoảng {fmt_number(target.low)}%"
    return f"tăng khoảng {fmt_number(target.low)}–{fmt_number(target.high)}%"


def fmt_resolution(item: TargetInForce) -> str:
    """Return ``Nghị quyết số 226/NQ-CP ngày 05/8/2025`` for the resolution that set *item* ("" if unknown)."""
    if not item.resolution:
        return ""
    return f"Nghị quyết số {item.resolution.number} ngày {fmt_date_short(item.resolution.date)}"


def fmt_target(item: TargetInForce) -> str:
    """Return the target as section V lists it: what, how much, and the resolution in brackets."""
    entry = INDICATORS.get(item.target.indicator)
    label = entry.target_label if entry and entry.target_label else item.target.indicator
    resolution = fmt_resolution(item)
    return f"{label} {fmt_bound(item.target)}" + (f" ({resolution})" if resolution else "")
