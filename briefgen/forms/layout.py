"""The form of a conference year when no draft is being built: periods and provinces from data/.

``briefgen form --year`` and the web service's empty form have a year but no host; the
edition's record (or the conference date) gives the periods and the region's members.
"""

from __future__ import annotations

from datetime import date

from briefgen.analyze.edition import build_region, find_record
from briefgen.domain.dataset import Dataset
from briefgen.domain.period import Period, reporting_period
from briefgen.sources.forms.layout import FormLayout, build_columns


def _periods(dataset: Dataset, year: int, conference: date | None) -> tuple[Period, ...]:
    # Mirrors analyze.edition: the recorded period, else the one the conference date implies.
    record = find_record(dataset, year)
    if record and record.period and (conference is None or conference == record.date):
        return record.period
    if conference:
        return reporting_period(conference)
    return (Period(year - 1),)


def layout_for_year(dataset: Dataset, year: int, conference: date | None = None) -> FormLayout:
    """Return the form of *year* (provinces as they stand at the conference, or at year end)."""
    record = find_record(dataset, year)
    series = record.series if record else "phia_bac"
    day = conference or (record.date if record and record.date else date(year, 12, 31))
    periods = _periods(dataset, year, conference)
    region = build_region(dataset, series, year, day)
    return FormLayout(year, series, day, periods, region.members, build_columns(periods))
