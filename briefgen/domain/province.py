"""Provinces and cities (tỉnh, thành phố), with the dates they existed and the 2025 merger."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

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
