"""Reports given with ``--data``: their figures enter the draft, marked "from the report of X, to be checked".

A provincial report's figures become that province's entries, as a filled form's row would
(the province table, the host's paragraph, the regional totals); regional and national
figures go into the dataset for the results section. Only the edition's periods and the
core indicators are used. A figure from a form or from data/ always wins: a report that
says otherwise leaves a warning naming both sources.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.analyze.aggregate import FormData
from briefgen.bounds import escaped
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.measures import Measure, measure_of, measures, tidy
from briefgen.domain.period import parse_period
from briefgen.errors import FormValidationError
from briefgen.extract.reported import Reported, read_reported
from briefgen.extract.review_sheet import is_review, read_review
from briefgen.forms.collect import check_files, merge_forms
from briefgen.forms.layout import FormLayout, layout_for_edition
from briefgen.forms.problems import WARNING, Problem, errors_of, warnings_of
from briefgen.forms.to_figures import aggregate
from briefgen.forms.validate import Entry, ProvinceReport
from briefgen.load.figures import HEADLINE_UNITS, value_problem
from briefgen.numbers import fmt_quantity

REPORT_SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt")
DRAFT_MARK = b'name="briefgen_'          # a custom property every briefgen draft carries
MAX_PROPERTIES = 4 * 2 ** 20
WIDE_SCOPES = ("region", "national")


@dataclass(frozen=True)
class ReportData:
    """What the reports added: their files and, by dataset figure id, where each figure came from."""

    files: tuple[str, ...]
    sources: dict[str, Reported]
    warnings: tuple[Problem, ...] = ()     # figures not used, and why (conflicts name both sources)

    def manifest(self, printed: set[str]) -> dict:
        """Return the manifest's "reports" entry: files, and each figure's provenance."""
        return {"files": list(self.files), "figures": [
            {"id": fid, "file": r.figure.file, "location": r.figure.location, "issuer": r.issuer,
             "quote": r.figure.quote, "source": r.place, "used": fid in printed}
            for fid, r in sorted(self.sources.items())]}


@dataclass(frozen=True)
class ReportSheet:
    """Stands for a form sheet in a ProvinceReport built from a report: cells are locations."""

    path: Path
    example: bool = False

    def where(self, ref: str | None = None) -> str:
        name = escaped(self.path.name)
        return f"{name}, {ref}" if ref else name


def is_briefgen_draft(path: Path | str) -> bool:
    """Return whether *path* is a Word document briefgen made (it carries briefgen's properties)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                return False
            with archive.open("docProps/custom.xml") as part:
                return DRAFT_MARK in part.read(MAX_PROPERTIES)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile):
        return False


def split_reports(files: Sequence[Path | str]) -> tuple[list[Path], list[Path], list[Path | str]]:
    """Return (reports, review sheets, the rest) among *files*, by content where names can mislead."""
    reports, reviews, rest = [], [], []
    for item in files:
        path = Path(item)
        suffix = path.suffix.lower()
        if suffix in REPORT_SUFFIXES and not (suffix == ".docx" and is_briefgen_draft(path)):
            reports.append(path)
        elif suffix in (".xlsx", ".xlsm") and is_review(path):
            reviews.append(path)
        else:
            rest.append(item)
    return reports, reviews, rest


def read_all(reports: Sequence[Path], reviews: Sequence[Path]) -> list[Reported]:
    """Return the figures of every report and every accepted row of the review sheets.

    Raise DataFileError (a report cannot be read) or FormValidationError (a review cell).
    """
    found = [item for path in reports for item in read_reported(path)]
    return found + [item for path in reviews for item in read_review(path)]


def _warn(where: str, message: str) -> Problem:
    return Problem(where, message, WARNING)


def _said(item: Reported) -> str:
    whose = f"báo cáo của {item.issuer}" if item.issuer else "báo cáo"
    return f"{whose} ({item.place})"


def _problem(item: Reported, indicator: str, unit: str) -> str | None:
    """Return why a report figure cannot enter the draft (Vietnamese), or None."""
    figure = item.figure
    if figure.high is not None:
        return f"là một khoảng ({figure.value_text} {figure.unit}), không phải một số; không dùng"
    return value_problem(indicator, figure.value, unit)


def _note(item: Reported) -> str:
    return f"{item.note}. Trích dẫn: «{item.figure.quote}». Vị trí: {item.place}."


def _wide_figure(item: Reported, layout: FormLayout) -> Figure:
    figure = item.figure
    return Figure(layout.year, layout.series, parse_period(figure.period), figure.scope, figure.indicator,
                  None, figure.value, figure.unit, figure.estimate, "unconfirmed", item.place, figure.quote,
                  _note(item), qualifiers=item.qualifiers)


class _Merge:
    """Report figures checked against forms, data/ and each other; warnings collected on the way."""

    def __init__(self, dataset: Dataset, layout: FormLayout, forms: Sequence[ProvinceReport]):
        self.layout = layout
        self.known = {f.id: f for f in dataset.figures}
        self.forms = {(r.name, e.measure.indicator, e.period.code): (r, e) for r in forms for e in r.entries}
        self.warnings: list[Problem] = []
        self.sources: dict[str, Reported] = {}

    def skip(self, item: Reported, message: str) -> None:
        self.warnings.append(_warn(item.place, message))

    def taken(self, figure_id: str, item: Reported, value, unit: str) -> bool:
        """Return whether *figure_id* is already given (data/ or another report); warn if it differs."""
        old = self.known.get(figure_id)
        if old is not None and (old.value, old.unit) != (value, unit):
            earlier = self.sources.get(figure_id)
            source = _said(earlier) if earlier else f"dữ liệu có sẵn: {old.source}"
            self.skip(item, f"{_said(item)} ghi {fmt_quantity(value, unit)} cho {figure_id}, khác "
                            f"{fmt_quantity(old.value, old.unit)} ({source}); giữ số đã có, cần kiểm tra")
        return old is not None

    def add_wide(self, item: Reported) -> Figure | None:
        """Return the dataset figure of a regional or national report figure, or None (warned)."""
        figure = item.figure
        problem = _problem(item, figure.indicator, figure.unit)
        allowed = HEADLINE_UNITS.get(figure.indicator, (figure.unit,))
        if problem is None and figure.unit not in allowed:
            problem = f"đơn vị '{figure.unit}' không dùng được (cần {' hoặc '.join(allowed)})"
        if problem:
            self.skip(item, problem)
            return None
        new = _wide_figure(item, self.layout)
        if self.taken(new.id, item, new.value, new.unit):
            return None
        self.known[new.id], self.sources[new.id] = new, item
        return new


def _measure_of(indicator: str) -> tuple[Measure, str] | None:
    """Return the form measure an indicator belongs to and its field (value or growth)."""
    for measure in measures():
        if indicator == measure.growth:
            return measure, "growth"
        if indicator == measure.indicator:
            return measure, "value"
    return None


def _field(merge: _Merge, item: Reported, measure: Measure, field: str):
    """Return the value of *item* for the entry field, in the form's unit, or None (warned)."""
    figure = item.figure
    factor = measure.factor(figure.unit) if field == "value" else (1 if figure.unit == "%" else None)
    if factor is None:
        merge.skip(item, f"đơn vị '{figure.unit}' không dùng được cho {measure.label}")
        return None
    indicator = measure.indicator if field == "value" else measure.growth
    unit = measure.province_unit if field == "value" else "%"
    value = tidy(figure.value * factor)
    problem = _problem(item, indicator, unit)
    if problem:
        merge.skip(item, problem)
        return None
    figure_id = f"{indicator}@{figure.scope}:{figure.period}#{merge.layout.year}"
    if merge.taken(figure_id, item, value, unit):
        return None
    return value


def _conflicts(merge: _Merge, name: str, measure: Measure, fields: dict) -> bool:
    """Return whether a form gives this entry; warn for each report value that differs from it."""
    form = merge.forms.get((name, measure.indicator, next(iter(fields.values()))[0].figure.period))
    if form is None:
        return False
    report, entry = form
    for field, (item, value) in fields.items():
        stated = getattr(entry, field)
        if stated is not None and stated != value:
            unit = "%" if field == "growth" else measure.province_unit
            merge.warnings.append(_warn(report.where(entry.refs.get(field)), (
                f"{measure.label} của {name}: biểu mẫu ghi {fmt_quantity(stated, unit)}, {_said(item)} ghi "
                f"{fmt_quantity(value, unit)}; dùng số của biểu mẫu, cần kiểm tra")))
    return True


def _entries(merge: _Merge, items: Sequence[Reported]) -> list[ProvinceReport]:
    """Return one ProvinceReport per (report, province) with the entries the forms do not give."""
    grouped: dict[tuple[str, str, str], dict[str, tuple[Reported, object]]] = {}
    for item in items:
        found = _measure_of(item.figure.indicator)
        if found is None:
            continue
        measure, field = found
        field = "growth" if measure.is_index else field
        slot = grouped.setdefault((item.figure.scope, measure.indicator, item.figure.period), {})
        value = _field(merge, item, measure, field)
        if value is None:
            continue
        if field not in slot:
            slot[field] = (item, value)
        elif slot[field][1] != value:                  # the first statement wins, the other is shown
            merge.skip(item, f"{_said(item)} ghi {value} cho {measure.label} của {item.figure.scope}, "
                             f"khác {slot[field][1]} ({_said(slot[field][0])}); giữ số thứ nhất, cần kiểm tra")
    by_report: dict[tuple[str, str], list[Entry]] = {}
    for (name, key, code), fields in grouped.items():
        measure = measure_of(key)
        if not fields or _conflicts(merge, name, measure, fields):
            continue
        first = next(iter(fields.values()))[0]
        for field, (item, _) in fields.items():
            indicator = measure.growth if field == "growth" and not measure.is_index else measure.indicator
            merge.sources[f"{indicator}@{name}:{code}#{merge.layout.year}"] = item
        values = {f: v for f, (_, v) in fields.items()}
        entry = Entry(measure, parse_period(code), values.get("value"), None, values.get("growth"),
                      any(i.figure.estimate for i, _ in fields.values()),
                      {f: i.figure.location for f, (i, _) in fields.items()}, None)
        by_report.setdefault((first.figure.file, name), []).append(entry)
    return [ProvinceReport(name, ReportSheet(Path(file)), 0, "", tuple(entries))
            for (file, name), entries in by_report.items()]


def _marked(data: FormData, sources: dict[str, Reported], places: set[str]) -> FormData:
    """Return *data* with every figure from a report, or computed from one, unconfirmed and noted."""
    def mark(figure: Figure) -> Figure:
        item = sources.get(figure.id)
        if item is not None:
            return replace(figure, status="unconfirmed", source=item.place, quote=item.figure.quote,
                           note=_note(item), qualifiers=item.qualifiers)
        used = [p for p in data.inputs.get(figure.id, ()) if p in places]
        if not used:
            return figure
        note = (f"Tính có dùng số liệu trích từ báo cáo ({'; '.join(used)}), cần kiểm tra."
                + (f" {figure.note}" if figure.note else ""))
        return replace(figure, status="unconfirmed", note=note)

    return replace(data, figures=tuple(mark(f) for f in data.figures),
                   reported=tuple(dict.fromkeys(data.reported)))


def _say_unused(merge: _Merge, files: Sequence[str], layout: FormLayout) -> None:
    """Warn about each report none of whose figures is of the edition's periods and indicators."""
    used = {item.figure.file for item in merge.sources.values()}
    said = {w.where.partition(",")[0] for w in merge.warnings}
    for name in files:
        if name not in used and name not in said:
            merge.warnings.append(_warn(escaped(name), (
                f"không có số liệu chỉ tiêu chính nào của kỳ {layout.describe()} thuộc khu vực; "
                f"báo cáo không được dùng")))


def add_reports(dataset: Dataset, edition: EditionContext, form_files: Sequence[Path | str],
                items: Sequence[Reported]) -> tuple[Dataset, FormData | None, ReportData]:
    """Return *dataset* with the reports' figures and the forms', the FormData, and the provenance.

    Raise FormValidationError when a form has an error. FormData is None when neither a
    form nor a provincial figure of the edition's periods was given.
    """
    layout = layout_for_edition(edition)
    forms, problems = check_files(form_files, layout, dataset)
    if errors_of(problems):
        raise FormValidationError(problems)
    merge = _Merge(dataset, layout, forms)
    codes = {p.code for p in layout.periods}
    members = {p.name for p in layout.provinces}
    current = [i for i in items if i.figure.period in codes]
    wide = [f for i in current if i.figure.scope in WIDE_SCOPES if (f := merge.add_wide(i))]
    dataset = replace(dataset, figures=dataset.figures + tuple(wide))
    extra = _entries(merge, [i for i in current if i.figure.scope in members])
    files = tuple(dict.fromkeys(i.figure.file for i in items))
    _say_unused(merge, files, layout)
    if not forms and not extra:
        return dataset, None, ReportData(files, merge.sources, tuple(merge.warnings))
    national = tuple(f for f in dataset.figures if f.scope == "national" and f.printable
                     and f.edition_year <= edition.year)
    data = aggregate(tuple(forms) + tuple(extra), layout, warnings_of(problems), national)
    places = {r.where(loc) for r in extra for e in r.entries for loc in e.refs.values()}
    dataset, data = merge_forms(dataset, _marked(data, merge.sources, places))
    return dataset, data, ReportData(files, merge.sources, tuple(merge.warnings))
