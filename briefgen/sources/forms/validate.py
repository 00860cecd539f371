"""Check filled forms before anything is built, naming ``file › sheet!cell`` for each problem.

Errors (unknown, duplicated or merged-away provinces, non-numeric cells, wrong or mixed
units, implausible values, a value that contradicts its growth and last year's figure)
stop the build; warnings (missing provinces, a growth that cannot enter the regional
growth, a possible index typed for a growth rate) go into the draft and the manifest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from briefgen.bounds import MAX_DIGITS, growth_problem, number_problem, shown
from briefgen.domain.dataset import Dataset
from briefgen.domain.measures import Measure, measures, national_measures, tidy
from briefgen.domain.period import Period, parse_period
from briefgen.domain.province import Province, fold
from briefgen.errors import HostNotInYearError, UnknownHostError
from briefgen.numbers import fmt_number, parse_number, to_decimal
from briefgen.sources.forms.layout import ESTIMATE_MARKS, NATIONAL, FormLayout, column_key
from briefgen.sources.forms.read_forms import FormSheet, RawCell, RawRow
from briefgen.sources.problems import ERROR, WARNING, Problem, errors_of

MAX_NAME_LENGTH = 80                 # characters of a province name ("Thành phố Hồ Chí Minh": 21)
GROWTH_TOLERANCE = Decimal(1)        # percentage points between stated and implied growth
INDEX_LOOKALIKE = (Decimal(80), Decimal(130))   # "112,3" typed for an IIP growth of 12,3%
_NUMBER = re.compile(r"^([+\-]?\s*\d[\d.,\u00a0 ]*)(.*)$")
_PLAIN = re.compile(r"^[+\-]?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Entry:
    """One province's figures for one measure in one period, parsed and checked."""

    measure: Measure
    period: Period
    value: Decimal | None          # in the measure's province unit
    previous: Decimal | None       # same period a year earlier, province unit
    growth: Decimal | None         # % y/y as stated
    estimate: bool
    refs: dict[str, str]           # field -> A1 reference of the cells that had content
    typed_unit: str | None         # the unit as typed, when it is not the province unit


@dataclass(frozen=True)
class ProvinceReport:
    """The checked figures of one province (or of the whole country) from one form row."""

    name: str                      # province name as it stands, or NATIONAL
    sheet: FormSheet
    line: int
    name_ref: str
    entries: tuple[Entry, ...]

    def where(self, ref: str | None = None) -> str:
        return self.sheet.where(ref or self.name_ref)

    @property
    def has_data(self) -> bool:
        return bool(self.entries)


class _Collector:
    """Problems of one sheet, each tied to a cell."""

    def __init__(self, sheet: FormSheet):
        self.sheet = sheet
        self.problems: list[Problem] = []

    def error(self, ref: str | None, message: str) -> None:
        self.problems.append(Problem(self.sheet.where(ref), message, ERROR))

    def warning(self, ref: str | None, message: str) -> None:
        self.problems.append(Problem(self.sheet.where(ref), message, WARNING))


# The caller's province lookup: the province called a name on a day, or UnknownHostError/HostNotInYearError.
FindProvince = Callable[[str, date], Province]


def check_forms(sheets: Sequence[FormSheet], layout: FormLayout, dataset: Dataset,
                find_province: FindProvince) -> tuple[tuple[ProvinceReport, ...], tuple[Problem, ...]]:
    """Return the reports of every province row with data, and every problem found.

    *find_province* resolves a typed province name (the edition's lookup, handed in).
    """
    problems: list[Problem] = []
    reports: list[ProvinceReport] = []
    first_seen: dict[str, ProvinceReport] = {}
    rows_seen: dict[str, ProvinceReport] = {}
    for sheet in sheets:
        problems.extend(sheet.problems)
        collect = _Collector(sheet)
        _check_keys(sheet, layout, collect)
        for row in sheet.rows:
            report = _check_row(row, layout, dataset, find_province, collect)
            if report is None:
                continue
            rows_seen.setdefault(report.name, report)
            if not report.has_data:
                continue
            if report.name in first_seen:
                collect.error(row.province.ref, f"{report.name} đã có số liệu ở "
                                                f"{first_seen[report.name].where()}; mỗi tỉnh, "
                                                f"thành phố chỉ điền một dòng")
                continue
            first_seen[report.name] = report
            reports.append(report)
        problems.extend(collect.problems)
    if any(sheet.rows for sheet in sheets):          # a file that could not be read says so once
        problems.extend(_missing(layout, first_seen, rows_seen, sheets))
    if sheets and not any(r.name != NATIONAL for r in reports) and not errors_of(problems):
        files = ", ".join(dict.fromkeys(s.path.name for s in sheets))
        problems.append(Problem(files, "biểu mẫu chưa có số liệu nào của tỉnh, thành phố; "
                                       "không có gì để tổng hợp", ERROR))
    return tuple(reports), tuple(problems)


def _check_keys(sheet: FormSheet, layout: FormLayout, collect: _Collector) -> None:
    wanted = set(layout.keys)
    foreign: dict[str, str] = {}
    for key, letter in sheet.keys.items():
        if key in wanted or "@" not in key:
            continue
        period_code = key.split("@", 1)[1].split(":", 1)[0]
        foreign.setdefault(period_code, f"{letter}{sheet.key_line}")
    for code, ref in foreign.items():
        try:
            label = parse_period(code).label
        except ValueError:
            label = shown(code)
        collect.warning(ref, f"cột của kỳ {label} không thuộc kỳ báo cáo của hội nghị năm "
                             f"{layout.year} ({layout.describe()}); bỏ qua")
    if sheet.keys and not wanted & set(sheet.keys) - {"stt", "province", "note"}:
        collect.error(None, f"biểu mẫu không có cột nào của kỳ báo cáo năm {layout.year} "
                            f"({layout.describe()}); tạo biểu mẫu đúng năm bằng: "
                            f"briefgen form --year {layout.year}")


def _check_row(row: RawRow, layout: FormLayout, dataset: Dataset, find_province: FindProvince,
               collect: _Collector) -> ProvinceReport | None:
    if row.province.problem:
        return None                  # reported by the reader (a formula it cannot compute)
    if row.province.empty:
        if row.has_any_value:
            collect.error(row.province.ref, "dòng có số liệu nhưng thiếu tên tỉnh, thành phố")
        return None
    name = _province_name(str(row.province.value).strip(), row.province.ref, layout, dataset, find_province,
                          collect)
    if name is None:
        return None
    asked = [m for m in measures() if name != NATIONAL or m.indicator in national_measures()]
    entries = []
    for period in layout.periods:
        for measure in asked:
            entry = _entry(row, measure, period, collect)
            if entry is not None:
                entries.append(entry)
    return ProvinceReport(name, collect.sheet, row.line, row.province.ref, tuple(entries))


def _province_name(typed: str, ref: str, layout: FormLayout, dataset: Dataset, find_province: FindProvince,
                   collect: _Collector) -> str | None:
    if len(typed) > MAX_NAME_LENGTH:
        collect.error(ref, f"'{shown(typed)}' không phải là tên tỉnh, thành phố (quá {MAX_NAME_LENGTH} ký tự)")
        return None
    if fold(typed).startswith("ca nuoc"):
        return NATIONAL
    try:
        province = find_province(typed, layout.day)
    except UnknownHostError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        collect.error(ref, f"không có tỉnh, thành phố nào tên '{shown(typed)}'{hint}")
        return None
    except HostNotInYearError as exc:
        successors = sorted({m.new for m in dataset.mergers if fold(m.old) == fold(typed)})
        tail = f" Ghi số liệu vào dòng của {', '.join(successors)}." if successors else ""
        collect.error(ref, f"{exc}{tail}")
        return None
    if province not in layout.provinces:
        collect.error(ref, f"{province.title} không thuộc khu vực của hội nghị năm {layout.year}")
        return None
    return province.name


def _missing(layout: FormLayout, reported: dict[str, ProvinceReport],
             rows: dict[str, ProvinceReport], sheets: Sequence[FormSheet]) -> list[Problem]:
    files = ", ".join(dict.fromkeys(s.path.name for s in sheets)) or "biểu mẫu"
    problems = []
    for province in layout.provinces:
        if province.name in reported:
            continue
        row = rows.get(province.name)
        where = row.where() if row else files
        problems.append(Problem(where, f"chưa có số liệu của {province.title}", WARNING, "missing"))
    return problems


# --- one entry: the cells of one measure in one period -------------------------------------

def _entry(row: RawRow, measure: Measure, period: Period, collect: _Collector) -> Entry | None:
    cells = {f: row.cells.get(column_key(measure.indicator, period, f)) for f in measure.fields}
    filled = {f: c for f, c in cells.items() if c is not None and not c.empty and not c.problem}
    dot_decimal = collect.sheet.sheet is None
    if not ({"value", "growth"} & set(filled)):
        _check_previous_alone(filled.get("previous"), measure, dot_decimal, collect)
        return None                  # nothing reported (a prefilled unit or previous alone)
    factor, typed_unit = _unit(measure, filled.get("unit"), collect)
    value, value_unit = _quantity(filled.get("value"), measure, dot_decimal, collect)
    previous, previous_unit = _quantity(filled.get("previous"), measure, dot_decimal, collect)
    growth = _growth(filled.get("growth"), dot_decimal, collect)
    estimate = _estimate(filled.get("estimate"), collect)
    if not measure.is_index:
        factor, typed_unit = _reconcile_units(measure, filled, factor, typed_unit,
                                              (value_unit, previous_unit), collect)
        if factor is not None:
            value = value * factor if value is not None else None
            previous = previous * factor if previous is not None else None
        elif value is not None or previous is not None:
            value = previous = None  # the unit problem is already reported
    entry = Entry(measure, period, _maybe(value), _maybe(previous), growth, estimate,
                  {f: c.ref for f, c in filled.items()},
                  typed_unit if typed_unit and measure.factor(typed_unit) != 1 else None)
    _check_plausible(entry, collect)
    return entry


def _check_previous_alone(cell: RawCell | None, measure: Measure, dot_decimal: bool,
                          collect: _Collector) -> None:
    """Report a last-year cell that is impossible even though nothing else was reported."""
    number, _ = _quantity(cell, measure, dot_decimal, collect)
    if number is not None and number < 0:
        collect.error(cell.ref, f"{measure.noun} không thể âm ({fmt_number(number)})")


def _maybe(number: Decimal | None) -> Decimal | None:
    return None if number is None else tidy(number)


def _unit(measure: Measure, cell: RawCell | None, collect: _Collector) -> tuple[Decimal | None, str | None]:
    if measure.is_index or cell is None:
        return None, None
    text = str(cell.value).strip()
    factor = measure.factor(text)
    if factor is None:
        collect.error(cell.ref, f"đơn vị '{shown(text)}' không dùng cho {measure.noun}; "
                                f"chọn một trong: {', '.join(measure.unit_choices)}")
    return factor, text


def _reconcile_units(measure: Measure, filled: dict[str, RawCell], factor: Decimal | None,
                     typed_unit: str | None, written: tuple[str, str],
                     collect: _Collector) -> tuple[Decimal | None, str | None]:
    """Return the unit of the entry; units typed inside number cells must agree with it."""
    unit_cell = filled.get("unit")
    for field_name, tail in zip(("value", "previous"), written):
        if not tail:
            continue
        cell = filled[field_name]
        if unit_cell is None and typed_unit is None:
            factor, typed_unit = measure.factor(tail), tail
        elif measure.factor(tail) != factor and factor is not None:
            collect.error(cell.ref, f"đơn vị lẫn lộn: ô ghi '{shown(cell.value)}' nhưng đơn vị tính ở ô "
                                    f"{unit_cell.ref if unit_cell else '?'} là '{typed_unit}'; "
                                    f"chỉ ghi số và chọn một đơn vị")
            factor = None
    has_quantity = "value" in filled or "previous" in filled
    if has_quantity and factor is None and typed_unit is None and unit_cell is None:
        ref = next(filled[f].ref for f in ("value", "previous") if f in filled)
        collect.error(ref, f"thiếu đơn vị tính của {measure.noun}; chọn một trong: "
                           f"{', '.join(measure.unit_choices)}")
    return factor, typed_unit


def _read_number(cell: RawCell, dot_decimal: bool) -> tuple[Decimal, str]:
    """Return the number in *cell* and any text after it (a unit or '%'); ValueError if none."""
    value = cell.value
    if isinstance(value, bool) or isinstance(value, (datetime, date, time)):
        raise ValueError
    if isinstance(value, float):      # as Excel shows it: 15 significant digits, no binary residue
        value = Decimal(f"{value:.{MAX_DIGITS}g}") if value == value else Decimal("NaN")
    if isinstance(value, (int, Decimal)):
        number = to_decimal(value)
        return (tidy(number * 100) if cell.percent and number.is_finite() else number), ""
    text = str(value).strip().replace("\u2212", "-")
    sign = 1
    lowered = text.lower()
    for word, word_sign in (("tăng", 1), ("giảm", -1)):
        if lowered.startswith(word):
            text, sign = text[len(word):].strip(), word_sign
    match = _NUMBER.match(text)
    if not match:
        raise ValueError
    digits = match.group(1).replace(" ", "").replace("\u00a0", "")
    try:
        if dot_decimal and "," not in digits:
            if not _PLAIN.match(digits):
                raise ValueError
            number = Decimal(digits)
        else:
            number = parse_number(digits)
    except InvalidOperation:
        raise ValueError from None
    return sign * number, match.group(2).strip()


def _quantity(cell: RawCell | None, measure: Measure, dot_decimal: bool,
              collect: _Collector) -> tuple[Decimal | None, str]:
    if cell is None:
        return None, ""
    try:
        number, tail = _read_number(cell, dot_decimal)
    except ValueError:
        collect.error(cell.ref, f"'{shown(cell.value)}' không phải là số (ghi số, ví dụ 1.234,5)")
        return None, ""
    if tail and measure.factor(tail) is None:
        collect.error(cell.ref, f"'{shown(cell.value)}' không phải là số (ghi số, ví dụ 1.234,5; đơn vị "
                                f"ghi ở cột đơn vị tính)")
        return None, ""
    return _bounded(number, cell, collect), tail


def _bounded(number: Decimal, cell: RawCell, collect: _Collector) -> Decimal | None:
    """Return *number* if it can be a figure; otherwise report the cell and return None."""
    problem = number_problem(number)
    if problem:
        collect.error(cell.ref, f"'{shown(cell.value)}': {problem}")
        return None
    return number


def _growth(cell: RawCell | None, dot_decimal: bool, collect: _Collector) -> Decimal | None:
    if cell is None:
        return None
    try:
        number, tail = _read_number(cell, dot_decimal)
    except ValueError:
        number, tail = None, "?"
    if tail not in ("", "%"):
        collect.error(cell.ref, f"'{shown(cell.value)}' không phải là tốc độ tăng (ghi số phần trăm, "
                                f"ví dụ 12,3 hoặc -4,5)")
        return None
    return _bounded(number, cell, collect)


def _estimate(cell: RawCell | None, collect: _Collector) -> bool:
    if cell is None:
        return False
    if fold(str(cell.value)) in ESTIMATE_MARKS or cell.value is True:
        return True
    collect.error(cell.ref, f"ô ước tính chỉ ghi 'x' (số liệu ước tính) hoặc để trống, gặp '{shown(cell.value)}'")
    return False


def _check_plausible(entry: Entry, collect: _Collector) -> None:
    label = entry.measure.noun
    for field_name in ("value", "previous"):
        number = getattr(entry, field_name)
        if number is not None and number < 0:
            collect.error(entry.refs[field_name], f"{label} không thể âm ({fmt_number(number)})")
    growth = entry.growth
    if growth is None:
        return
    ref = entry.refs["growth"]
    bound = growth_problem(growth)
    if bound:
        collect.error(ref, f"tốc độ tăng {fmt_number(growth)}% không hợp lý ({bound}); kiểm tra lại")
        return
    if entry.measure.is_index and INDEX_LOOKALIKE[0] <= growth <= INDEX_LOOKALIKE[1]:
        collect.warning(ref, f"IIP tăng {fmt_number(growth)}%: có thể đã ghi chỉ số "
                             f"({fmt_number(growth)}% so với cùng kỳ) thay cho tốc độ tăng "
                             f"({fmt_number(growth - 100)}%); kiểm tra lại")
    _check_consistent(entry, collect)


def _check_consistent(entry: Entry, collect: _Collector) -> None:
    if entry.value is None or entry.previous is None or entry.growth is None or entry.previous <= 0:
        return
    implied = (entry.value / entry.previous - 1) * 100
    gap = abs(implied - entry.growth)
    if gap <= GROWTH_TOLERANCE:
        return
    refs = entry.refs
    message = (f"tốc độ tăng {fmt_number(entry.growth)}% mâu thuẫn với thực hiện ở ô {refs['value']} "
               f"và cùng kỳ năm trước ở ô {refs['previous']} (tính ra {fmt_number(implied, 1)}%, "
               f"lệch {fmt_number(gap, 1)} điểm phần trăm, quá {fmt_number(GROWTH_TOLERANCE)} điểm)")
    if entry.measure.strict_growth:
        collect.error(refs["growth"], message)
    else:
        collect.warning(refs["growth"], message + "; nếu tốc độ tăng tính theo giá so sánh, "
                                                  "ghi rõ ở cột ghi chú")
