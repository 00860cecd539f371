"""Reference tables: task groups, Government resolutions and targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from briefgen.errors import DataFileError
from briefgen.load.tables import Column, one_of, parse_decimal, parse_int, parse_iso_date, read_table, split_list
from briefgen.load.task_text import check_task_text

RESOLUTION_KINDS = ("annual", "targets")


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


def _years(text: str) -> tuple[int, ...]:
    return tuple(parse_int(part) for part in split_list()(text))


def load_task_groups(path: Path) -> tuple[TaskGroup, ...]:
    """Return the task groups in their order; template syntax beyond the blanks is refused."""
    rows = read_table(path, (Column("order", parse_int), Column("key"), Column("theme"),
                             Column("text"), Column("editions", _years, required=False)))
    for row in rows:
        problem = check_task_text(row["text"])
        if problem:  # data is not code: refused here, never handed to a template engine
            raise DataFileError(path, f"nội dung nhóm nhiệm vụ (cột 'text') {problem}", line=row["_line"])
    groups = (TaskGroup(r["order"], r["key"], r["theme"], r["text"], r["editions"] or ()) for r in rows)
    return tuple(sorted(groups, key=lambda g: g.order))


def load_resolutions(path: Path) -> tuple[Resolution, ...]:
    """Return the known annual resolutions."""
    rows = read_table(path, (Column("year", parse_int), Column("number"), Column("date", parse_iso_date),
                             Column("source"), Column("status", one_of("confirmed", "unconfirmed")),
                             Column("kind", one_of(*RESOLUTION_KINDS), required=False, added=True)))
    return tuple(Resolution(r["year"], r["number"], r["date"], r["source"], r["status"], r["kind"] or "annual")
                 for r in rows)


def load_targets(path: Path) -> tuple[Target, ...]:
    """Return the Government's targets by year."""
    rows = read_table(path, (Column("year", parse_int), Column("indicator"),
                             Column("low", parse_decimal, required=False),
                             Column("high", parse_decimal, required=False), Column("unit"),
                             Column("source"), Column("quote"),
                             Column("resolution", required=False, added=True)))
    return tuple(Target(r["year"], r["indicator"], r["low"], r["high"], r["unit"], r["source"], r["quote"],
                        r["resolution"]) for r in rows)
