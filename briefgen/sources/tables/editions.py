"""Editions of the conference, both series, with the status of each fact."""

from __future__ import annotations

from pathlib import Path

from briefgen.domain.edition import SERIES, STATUSES, Edition
from briefgen.domain.period import parse_periods
from briefgen.sources.tables.tables import Column, one_of, parse_int, parse_iso_date, read_table, split_list

EDITION_COLUMNS = (
    Column("series", one_of(*SERIES)),
    Column("year", parse_int),
    Column("ordinal"),
    Column("ordinal_status", one_of(*STATUSES)),
    Column("host", required=False),
    Column("host_status", one_of(*STATUSES)),
    Column("date", parse_iso_date, required=False),
    Column("chair", required=False),
    Column("period", parse_periods, required=False),
    Column("source", split_list(" ; "), required=False),
    Column("note", required=False),
)


def load_editions(path: Path) -> tuple[Edition, ...]:
    """Return every edition in *path*, ordered by year then series."""
    rows = read_table(path, EDITION_COLUMNS)
    editions = [Edition(r["series"], r["year"], r["ordinal"], r["ordinal_status"], r["host"],
                        r["host_status"], r["date"], r["chair"], r["period"] or (),
                        r["source"] or (), r["note"], r["_line"]) for r in rows]
    return tuple(sorted(editions, key=lambda e: (e.year, e.series != "tdmnbb")))
