"""Which edition a draft is for: ordinal, date, reporting period and region, from the data."""

from __future__ import annotations

from datetime import date

from briefgen.analyze.hosts import find_host, provinces_on
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import Edition, EditionContext, Region
from briefgen.domain.period import Period, reporting_period
from briefgen.domain.province import Province
from briefgen.errors import DataFileError, InvalidArgumentError

MERGER_DAY = date(2025, 7, 1)
NORTH_CENTRAL = "Bắc Trung Bộ"
MIDLANDS = "Trung du và miền núi phía Bắc"
YEARS_AHEAD = 5                 # drafts can be prepared this many years after the last edition
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(number: int) -> str:
    """Return *number* (1–39) in Roman numerals."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def from_roman(text: str) -> int:
    """Return the integer of a Roman numeral such as ``XVI``."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, letter in enumerate(text):
        value = values[letter]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


def check_year(dataset: Dataset, year: int) -> None:
    """Raise ``InvalidArgumentError`` unless a draft can be made for *year*.

    That is from the first recorded edition to ``YEARS_AHEAD`` years after the last one.
    """
    years = [e.year for e in dataset.editions]
    if not years:
        raise DataFileError(dataset.data_dir / "editions.csv", "không có kỳ hội nghị nào")
    first, latest = min(years), max(years)
    if not first <= year <= latest + YEARS_AHEAD:
        raise InvalidArgumentError(
            f"không soạn được cho năm {year}: chỉ soạn được cho các năm {first}–{latest + YEARS_AHEAD} "
            f"(editions.csv ghi các kỳ hội nghị từ năm {first} đến năm {latest})")


def find_record(dataset: Dataset, year: int) -> Edition | None:
    """Return the edition of *year*, preferring the northern series over its predecessor.

    None when the year has no recorded edition; ``InvalidArgumentError`` when no draft can be
    made for it (``check_year``).
    """
    check_year(dataset, year)
    matches = [e for e in dataset.editions if e.year == year]
    return next((e for e in matches if e.series == "phia_bac"), matches[0] if matches else None)


def _inferred_ordinal(dataset: Dataset, series: str, year: int) -> str:
    earlier = [e for e in dataset.editions if e.series == series and e.year < year]
    if not earlier:
        raise InvalidArgumentError(f"không có dữ liệu hội nghị nào trước năm {year}.")
    latest = max(earlier, key=lambda e: e.year)
    return to_roman(from_roman(latest.ordinal) + 1)


def build_region(dataset: Dataset, series: str, year: int, day: date) -> Region:
    """Return the provinces covered and the name the draft uses for them."""
    members = provinces_on(dataset, day)
    if series == "tdmnbb":
        members = tuple(p for p in members if p.subregion == MIDLANDS)
        return Region(series, f"{len(members)} tỉnh vùng trung du và miền núi Bắc Bộ", members, False)
    if year >= 2025:
        # From 2025 the conference no longer names a count of provinces (DOMAIN §2).
        return Region(series, "các tỉnh, thành phố khu vực phía Bắc", members, day >= MERGER_DAY)
    return Region(series, f"{len(members)} tỉnh, thành phố khu vực phía Bắc", members, False)


def _reference_day(year: int, conference: date | None) -> date:
    return conference or date(year, 12, 31)


def _periods(record: Edition | None, conference: date | None, year: int) -> tuple[tuple[Period, ...], bool]:
    if record and record.period and (conference is None or conference == record.date):
        return record.period, True
    if conference:
        return reporting_period(conference), True
    return (Period(year - 1),), False


def build_edition(dataset: Dataset, year: int, host_name: str, conference: date | None = None) -> EditionContext:
    """Return the edition context for a draft of *year* hosted by *host_name*."""
    if conference and conference.year != year:
        raise InvalidArgumentError(f"ngày hội nghị {conference.isoformat()} không thuộc năm {year}.")
    record = find_record(dataset, year)
    series = record.series if record else "phia_bac"
    day = conference or (record.date if record else None)
    host = find_host(dataset, host_name, _reference_day(year, day), exact=day is not None)
    periods, months_known = _periods(record, day if conference else None, year)
    ordinal, status = ((record.ordinal, record.ordinal_status) if record
                       else (_inferred_ordinal(dataset, series, year), "inferred"))
    return EditionContext(
        series=series, year=year, ordinal=ordinal, ordinal_status=status, host=host,
        recorded_host=record.host if record else None, date=day,
        chair=record.chair if record else None, periods=periods,
        current_months_known=months_known,
        region=build_region(dataset, series, year, _reference_day(year, day)), record=record)
