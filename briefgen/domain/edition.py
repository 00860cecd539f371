"""Editions of the conference: the record the sources keep, and the edition a draft is built for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefgen.domain.period import Period
from briefgen.domain.province import Province

SERIES = ("phia_bac", "tdmnbb")
STATUSES = ("confirmed", "inferred", "unconfirmed")


@dataclass(frozen=True)
class Edition:
    """One edition (lần) of the conference, as the sources know it."""

    series: str
    year: int
    ordinal: str
    ordinal_status: str
    host: str | None
    host_status: str
    date: date | None
    chair: str | None
    period: tuple[Period, ...]
    sources: tuple[str, ...]
    note: str | None
    line: int = 0

    @property
    def is_confirmed(self) -> bool:
        return self.ordinal_status == "confirmed" and self.host_status == "confirmed"


@dataclass(frozen=True)
class Region:
    """The set of provinces an edition covers and how the draft names it."""

    series: str
    name: str                       # "các tỉnh, thành phố khu vực phía Bắc"
    members: tuple[Province, ...]
    post_merger: bool

    @property
    def count(self) -> int:
        return len(self.members)

    def names_in(self, subregion: str) -> tuple[str, ...]:
        """Return the member names of one sub-region."""
        return tuple(p.name for p in self.members if p.subregion == subregion)


@dataclass(frozen=True)
class EditionContext:
    """Everything about the edition being drafted, with the status of each derived fact."""

    series: str
    year: int
    ordinal: str
    ordinal_status: str             # confirmed / inferred / unconfirmed
    host: Province
    recorded_host: str | None       # host the data records for this year, if any
    date: date | None
    chair: str | None
    periods: tuple[Period, ...]
    current_months_known: bool      # False when no date tells how many months to report
    region: Region
    record: Edition | None

    @property
    def previous_year(self) -> Period:
        return self.periods[0]

    @property
    def current_period(self) -> Period | None:
        return self.periods[1] if len(self.periods) > 1 else None

    @property
    def conference_name(self) -> str:
        """Return the conference's name with its year; the ordinal is said apart ("(lần thứ XV)")."""
        if self.series == "tdmnbb":
            return f"Hội nghị ngành Công Thương vùng trung du và miền núi Bắc Bộ năm {self.year}"
        return f"Hội nghị ngành Công Thương {self.region.name} năm {self.year}"
