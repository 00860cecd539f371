"""Reference tables: task groups, Government resolutions and targets."""

from __future__ import annotations

from pathlib import Path

from briefgen.domain.catalog import Resolution, Target, TaskGroup
from briefgen.errors import DataFileError
from briefgen.sources.tables.tables import Column, one_of, parse_decimal, parse_int, parse_iso_date, read_table, split_list
from briefgen.sources.tables.task_text import check_task_text

RESOLUTION_KINDS = ("annual", "targets")


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
                             Column("low", parse_decimal),
                             Column("high", parse_decimal, required=False), Column("unit"),
                             Column("source"), Column("quote"),
                             Column("resolution", required=False, added=True)))
    return tuple(Target(r["year"], r["indicator"], r["low"], r["high"], r["unit"], r["source"], r["quote"],
                        r["resolution"]) for r in rows)
