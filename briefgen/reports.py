"""Reports given with ``--data``: their figures enter the draft, marked "from the report of X, to be checked".

A provincial report's figures become that province's entries, as a filled form's row would
(the province table, the host's paragraph, the regional totals); regional and national
figures go into the dataset for the results section. Only the edition's periods and the
core indicators are used. A figure from a form or from data/ always wins: a report that
says otherwise leaves a warning naming both sources (``briefgen.sources.merge`` decides).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.analyze.aggregate import FormData
from briefgen.bounds import escaped
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import AT_LEAST, LOWER_BOUND, Figure
from briefgen.domain.measures import Measure, measure_of, measures, tidy
from briefgen.domain.period import parse_period
from briefgen.errors import FormValidationError
from briefgen.extract.reported import Reported, read_reported
from briefgen.extract.review_sheet import read_review_rows
from briefgen.forms.collect import aggregate, check_files, merge_forms
from briefgen.sources.forms.layout import FormLayout, layout_for_edition
from briefgen.sources.forms.to_figures import form_figures
from briefgen.sources.forms.validate import Entry, ProvinceReport
from briefgen.sources.merge import MergeResult, merge
from briefgen.sources.problems import WARNING, Problem, errors_of, warnings_of
from briefgen.sources.tables.figures import HEADLINE_UNITS, value_problem

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


def read_all(reports: Sequence[Path], reviews: Sequence[Path]) -> tuple[list[Reported], list[Problem]]:
    """Return the figures of every report and every accepted, usable row of the review sheets,
    and the sheets' warnings about accepted rows left out.

    Raise DataFileError (a report cannot be read) or FormValidationError (a review cell).
    """
    found = [item for path in reports for item in read_reported(path)]
    sheets = [read_review_rows(path) for path in reviews]
    return found + [i for sheet in sheets for i in sheet.items], [w for sheet in sheets for w in sheet.warnings]


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


def _figure(item: Reported, layout: FormLayout, indicator: str, value, unit: str) -> Figure:
    """Return the Figure a report states, marked unconfirmed, naming the report's place."""
    figure = item.figure
    return Figure(layout.year, layout.series, parse_period(figure.period), figure.scope, indicator,
                  None, value, unit, figure.estimate, "unconfirmed", item.place, figure.quote,
                  _note(item), source_kind="report", qualifiers=item.qualifiers)


class _Merge:
    """Report figures checked against forms, data/ and each other; warnings collected on the way."""

    def __init__(self, dataset: Dataset, layout: FormLayout, forms: Sequence[ProvinceReport]):
        self.layout = layout
        self.dataset = dataset
        self.given = replace(dataset, figures=tuple(form_figures(forms, layout).figures))   # the forms' own
        self.forms = {(r.name, e.measure.indicator, e.period.code) for r in forms for e in r.entries}
        self.warnings: list[Problem] = []
        self.sources: dict[str, Reported] = {}

    def skip(self, item: Reported, message: str) -> None:
        self.warnings.append(_warn(item.place, message))

    def against(self, base: Dataset, stated: Sequence[tuple[Figure, Reported]]) -> MergeResult:
        """Return the one merge step's verdict on *stated* against *base*; keep its warnings."""
        merged = merge(base, [f for f, _ in stated], said={f: _said(i) for f, i in stated})
        self.warnings.extend(merged.warnings)
        return merged

    def wide(self, item: Reported) -> Figure | None:
        """Return the dataset figure of a regional or national report figure, or None (warned)."""
        figure = item.figure
        problem = _problem(item, figure.indicator, figure.unit)
        allowed = HEADLINE_UNITS.get(figure.indicator, (figure.unit,))
        if problem is None and figure.unit not in allowed:
            problem = f"đơn vị '{figure.unit}' không dùng được (cần {' hoặc '.join(allowed)})"
        if problem:
            self.skip(item, problem)
            return None
        return _figure(item, self.layout, figure.indicator, figure.value, figure.unit)

    def add_wide(self, items: Sequence[Reported]) -> Dataset:
        """Return the dataset with the regional and national figures of *items* that the merge keeps."""
        stated = [(f, i) for i in items if (f := self.wide(i))]
        merged = self.against(self.dataset, stated)
        for figure, item in stated:
            if figure.id not in merged.dropped:
                self.sources.setdefault(figure.id, item)
        return merged.dataset


def _measure_of(indicator: str) -> tuple[Measure, str] | None:
    """Return the form measure an indicator belongs to and its field (value or growth)."""
    for measure in measures():
        if indicator == measure.growth:
            return measure, "growth"
        if indicator == measure.indicator:
            return measure, "value"
    return None


def _field(merge: _Merge, item: Reported, measure: Measure, field: str) -> Figure | None:
    """Return the figure of *item* for the entry field, in the form's unit, or None (warned)."""
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
    return _figure(item, merge.layout, indicator, value, unit)


def _entries(merge: _Merge, items: Sequence[Reported]) -> list[ProvinceReport]:
    """Return one ProvinceReport per (report, province) with the entries the forms do not give.

    Each stated figure goes through the merge step twice: against data/, then against the forms.
    """
    stated = []
    for item in items:
        found = _measure_of(item.figure.indicator)
        if found is None:
            continue
        measure, field = found
        field = "growth" if measure.is_index else field
        figure = _field(merge, item, measure, field)
        if figure is not None:
            stated.append((item, measure, field, figure))
    on_record = merge.against(merge.dataset, [(f, i) for i, _, _, f in stated]).dropped
    firsts: dict[str, tuple] = {}               # the first statement of a figure wins (the merge said the rest)
    for entry in stated:
        if entry[3].id not in on_record:
            firsts.setdefault(entry[3].id, entry)
    given = merge.against(merge.given, [(f, i) for i, _, _, f in firsts.values()]).dropped   # a form's figure wins
    grouped: dict[tuple[str, str, str], dict[str, tuple[Reported, object]]] = {}
    for item, measure, field, figure in firsts.values():
        slot = grouped.setdefault((item.figure.scope, measure.indicator, item.figure.period), {})
        if figure.id not in given:
            slot[field] = (item, figure.value)
    by_report: dict[tuple[str, str], list[Entry]] = {}
    for (name, key, code), fields in grouped.items():
        measure = measure_of(key)
        if not fields or (name, key, code) in merge.forms:    # a province's entry in a form stands whole
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
    bounds = {item.place: item.figure.indicator for item in sources.values()
              if {LOWER_BOUND, AT_LEAST} & set(item.qualifiers)}

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
        summed_bound = any(bounds.get(p) == figure.indicator for p in used)   # a sum with a "hơn" in it
        qualifiers = tuple(dict.fromkeys(figure.qualifiers + (LOWER_BOUND,))) if summed_bound else figure.qualifiers
        return replace(figure, status="unconfirmed", note=note, qualifiers=qualifiers)

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
                items: Sequence[Reported],
                notes: Sequence[Problem] = ()) -> tuple[Dataset, FormData | None, ReportData]:
    """Return *dataset* with the reports' figures and the forms', the FormData, and the provenance.

    Raise FormValidationError when a form has an error. FormData is None when neither a
    form nor a provincial figure of the edition's periods was given. *notes* are warnings
    already found (review sheet rows left out); they lead the reports' warnings.
    """
    layout = layout_for_edition(edition)
    forms, problems = check_files(form_files, layout, dataset)
    if errors_of(problems):
        raise FormValidationError(problems)
    merge = _Merge(dataset, layout, forms)
    merge.warnings.extend(notes)
    codes = {p.code for p in layout.periods}
    members = {p.name for p in layout.provinces}
    current = [i for i in items if i.figure.period in codes]
    dataset = merge.add_wide([i for i in current if i.figure.scope in WIDE_SCOPES])
    extra = _entries(merge, [i for i in current if i.figure.scope in members])
    files = tuple(dict.fromkeys(i.figure.file for i in items))
    _say_unused(merge, files, layout)
    if not forms and not extra:
        return dataset, None, ReportData(files, merge.sources, tuple(merge.warnings))
    national = tuple(f for f in dataset.figures if f.scope == "national" and f.printable
                     and f.edition_year <= edition.year)
    data = aggregate(tuple(forms) + tuple(extra), layout, warnings_of(problems), national)
    places = {r.where(loc) for r in extra for e in r.entries for loc in e.refs.values()}
    dataset, data = merge_forms(dataset, _marked(data, merge.sources, places),
                                mark=lambda region: _marked(region, merge.sources, places))
    return dataset, data, ReportData(files, merge.sources, tuple(merge.warnings))
