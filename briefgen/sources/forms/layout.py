"""What a province form asks for: which provinces, periods and indicators, column by column.

One row per province as it stands in the conference year; for each period of the
reporting period and each indicator, the cells below. A hidden row of machine keys
(``retail_sales@9M-2025:value``) lets the reader find columns by meaning, so the same
layout works as a workbook and as a CSV whose header is that row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openpyxl.utils import get_column_letter

from briefgen.domain.edition import EditionContext
from briefgen.domain.measures import Measure, measures
from briefgen.domain.period import Period
from briefgen.domain.province import Province

DATA_SHEET = "Số liệu"
GUIDE_SHEET = "Hướng dẫn"
REFERENCE_SHEET = "Tham khảo"
PROVINCE_KEY = "province"
ORDER_KEY = "stt"
NOTE_KEY = "note"
TITLE_ROW, INFO_ROW, PERIOD_ROW, MEASURE_ROW, FIELD_ROW, KEY_ROW = 1, 2, 3, 4, 5, 6
FIRST_DATA_ROW = 7
FIRST_DATA_COLUMN = 3  # A: STT, B: province

FIELD_HEADERS = {
    "value": "Thực hiện",
    "unit": "Đơn vị tính",
    "previous": "Cùng kỳ năm trước",
    "growth": "Tăng/giảm so với cùng kỳ (%)",
    "estimate": "Ước tính (ghi x)",
}
ESTIMATE_MARKS = ("x", "ước", "uoc", "có", "co", "true", "1", "✓")
NATIONAL = "Cả nước"


@dataclass(frozen=True)
class FormColumn:
    """One data column: a field of a measure in a period."""

    measure: Measure
    period: Period
    field: str
    index: int                   # 1-based sheet column

    @property
    def key(self) -> str:
        return column_key(self.measure.indicator, self.period, self.field)

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


def column_key(indicator: str, period: Period, field_name: str) -> str:
    """Return the machine key of a column: ``retail_sales@9M-2025:value``."""
    return f"{indicator}@{period.code}:{field_name}"


@dataclass(frozen=True)
class FormLayout:
    """The form of one conference year: its provinces, periods and columns."""

    year: int
    series: str
    day: date                              # the day province names are checked against
    periods: tuple[Period, ...]
    provinces: tuple[Province, ...]
    columns: tuple[FormColumn, ...]

    @property
    def note_index(self) -> int:
        return self.columns[-1].index + 1

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the whole key row, from column A."""
        return (ORDER_KEY, PROVINCE_KEY) + tuple(c.key for c in self.columns) + (NOTE_KEY,)

    def column(self, indicator: str, period: Period, field_name: str) -> FormColumn:
        key = column_key(indicator, period, field_name)
        return next(c for c in self.columns if c.key == key)

    def describe(self) -> str:
        """Return the reporting period in words: ``năm 2024 và 9 tháng đầu năm 2025``."""
        return " và ".join(p.label for p in self.periods)


def build_columns(periods: tuple[Period, ...]) -> tuple[FormColumn, ...]:
    """Return the data columns: period by period, measure by measure, field by field."""
    columns: list[FormColumn] = []
    for period in periods:
        for measure in measures():
            for name in measure.fields:
                columns.append(FormColumn(measure, period, name, FIRST_DATA_COLUMN + len(columns)))
    return tuple(columns)


def layout_for_edition(edition: EditionContext) -> FormLayout:
    """Return the form matching a draft's edition (same periods, same provinces)."""
    day = edition.date or date(edition.year, 12, 31)
    return FormLayout(edition.year, edition.series, day, edition.periods, edition.region.members,
                      build_columns(edition.periods))
