"""Reference records: the standard task groups, the Government's resolutions and its targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class TaskGroup:
    """A standard task group (nhóm nhiệm vụ), in the project's own words."""

    order: int
    key: str
    theme: str
    text: str                      # plain text with blanks {{ region }}, {{ year }}, {{ resolution }}
    editions: tuple[int, ...]


@dataclass(frozen=True)
class Resolution:
    """The Government's annual resolution on the socio-economic plan (Nghị quyết 01/NQ-CP)."""

    year: int
    number: str
    date: date
    source: str
    status: str


@dataclass(frozen=True)
class Target:
    """A target the Government set for a year (a plan, never a result)."""

    year: int
    indicator: str
    low: Decimal | None
    high: Decimal | None
    unit: str
    source: str
    quote: str
