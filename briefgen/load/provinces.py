"""Provinces and cities (tỉnh, thành phố), with the dates they existed and the 2025 merger."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.load.tables import Column, one_of, parse_iso_date, read_table, split_list

SUBREGIONS = ("Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ")


@dataclass(frozen=True)
class Province:
    """One provincial unit in one form (a merged unit is a new Province with the same name)."""

    name: str
    kind: str                      # "tỉnh" or "thành phố"
    subregion: str
    valid_from: date | None
    valid_to: date | None
    aliases: tuple[str, ...] = ()

    def exists_on(self, day: date) -> bool:
        """Return whether this unit existed on *day*."""
        starts_ok = self.valid_from is None or self.valid_from <= day
        return starts_ok and (self.valid_to is None or day <= self.valid_to)

    @property
    def title(self) -> str:
        """Return the name with its kind: ``tỉnh Tuyên Quang``, ``thành phố Hà Nội``."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class Merger:
    """An old unit merged into a new one on *effective*."""

    old: str
    new: str
    effective: date
    source: str


def fold(text: str) -> str:
    """Return *text* without diacritics, case or extra spaces ("Tuyên  Quang" → "tuyen quang")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


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
