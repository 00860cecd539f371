"""Provinces and cities (tỉnh, thành phố), with the dates they existed and the 2025 merger."""

from __future__ import annotations

from pathlib import Path

from briefgen.domain.province import SUBREGIONS, Merger, Province
from briefgen.sources.tables.tables import Column, one_of, parse_iso_date, read_table, split_list

PROVINCE_COLUMNS = (
    Column("name"),
    Column("kind", one_of("tỉnh", "thành phố")),
    Column("subregion", one_of(*SUBREGIONS)),
    Column("valid_from", parse_iso_date, required=False),
    Column("valid_to", parse_iso_date, required=False),
    Column("aliases", split_list(), required=False),
)

MERGER_COLUMNS = (
    Column("old"), Column("new"), Column("effective", parse_iso_date), Column("source"),
)


def load_provinces(path: Path) -> tuple[Province, ...]:
    """Return every provincial unit listed in *path*."""
    rows = read_table(path, PROVINCE_COLUMNS)
    return tuple(Province(r["name"], r["kind"], r["subregion"], r["valid_from"], r["valid_to"],
                          r["aliases"] or ()) for r in rows)


def load_mergers(path: Path) -> tuple[Merger, ...]:
    """Return the old → new mapping of the 2025 merger."""
    rows = read_table(path, MERGER_COLUMNS)
    return tuple(Merger(r["old"], r["new"], r["effective"], r["source"]) for r in rows)
