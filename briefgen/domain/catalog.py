"""Reference records: task groups, the Government's resolutions and targets, the sources cited."""

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
    """A Government resolution of a year: the annual plan (01/NQ-CP) or one setting growth targets."""

    year: int
    number: str
    date: date
    source: str
    status: str
    kind: str = "annual"       # "annual": cited by task group 1; "targets": sets or revises targets


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
    resolution: str | None = None   # number of the resolution that set it, e.g. 226/NQ-CP


@dataclass(frozen=True)
class AgendaItem:
    """A task of one year's own agenda (the 2025 two-tier local government), with its legal basis."""

    year: int
    order: int
    key: str
    theme: str
    text: str                      # plain text with blanks {{ region }}, {{ year }}, {{ source }}
    document: str                  # how the text cites its basis: "Luật … số 72/2025/QH15"
    issued: date                   # the document's date; a draft dated before it leaves the task out
    note: str | None = None


@dataclass(frozen=True)
class Source:
    """One document as an official text cites it: publisher, title or description, date, address."""

    id: str                     # as in indicators.csv 'source': a seed file name or a URL
    publisher: str | None       # None: not known yet (the annex asks for it)
    title: str
    date: str | None            # "2025-10-17", "2023-12" or "2013"
    url: str | None
