"""Compare an edited draft with what briefgen wrote: open, filled, changed, unreadable, lost figures.

Pure logic over a ``DraftReading``; the CLI prints the result, ``--data`` and ``learn`` reuse
the filled figures as ``Figure`` rows with their provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from briefgen.analyze.consistency import find_inconsistencies
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import INDICATORS
from briefgen.domain.period import parse_period
from briefgen.draft_identity import PLACEHOLDER_TAG, hash_in
from briefgen.numbers import fmt_number, fmt_quantity
from briefgen.review.chart_review import ChartFinding, edited_cells, fmt_value, mismatches
from briefgen.review.read_charts import ChartCell
from briefgen.review.read_docx import DraftReading, FoundControl
from briefgen.review.values import ValueProblem, read_figure


@dataclass(frozen=True)
class Finding:
    """One figure or placeholder of the draft, where it is and what became of it."""

    id: str
    title: str
    place: str
    text: str                       # as it reads now
    value: Decimal | None = None    # the value staff typed (filled, changed)
    unit: str = ""
    detail: str = ""                # what is needed, the source value, or why it was refused
    bookmark: str = ""


@dataclass
class Review:
    """The review of one edited draft."""

    path: str
    identity: dict | None
    open: list[Finding] = field(default_factory=list)
    filled: list[Finding] = field(default_factory=list)
    changed: list[Finding] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)
    lost: list[Finding] = field(default_factory=list)
    untagged: list[Finding] = field(default_factory=list)    # still printed, but its control is gone
    inconsistencies: list[str] = field(default_factory=list)
    chart_changed: list[ChartFinding] = field(default_factory=list)     # values staff changed in a chart
    chart_filled: list[ChartFinding] = field(default_factory=list)      # where the chart had no data
    chart_mismatch: list[ChartFinding] = field(default_factory=list)    # chart and text disagree
    chart_unreadable: list[str] = field(default_factory=list)

    @property
    def made_by_briefgen(self) -> bool:
        return self.identity is not None


def _entries(identity: dict) -> tuple[dict[str, dict], dict[str, dict]]:
    """Return the identity's entries (see ``draft_identity.load_identity``) by id and by hash."""
    entries = [*identity.get("figures", ()), *identity.get("placeholders", ())]
    return {e["id"]: e for e in entries}, {e["hash"]: e for e in entries if e["hash"]}


def _match(control: FoundControl, by_id: dict, by_hash: dict) -> dict | None:
    tag = control.tag.removeprefix(PLACEHOLDER_TAG)
    if tag in by_id:
        return by_id[tag]
    for name in (control.alias, *control.bookmarks):
        digest = hash_in(name)
        if digest in by_hash:
            return by_hash[digest]
    return None


def _is_growth(entry: dict) -> bool:
    info = INDICATORS.get(entry["indicator"] or "")
    return bool(info and info.is_growth)


def _finding(entry: dict, control: FoundControl, **extra) -> Finding:
    bookmark = next((b for b in control.bookmarks if hash_in(b) == entry["hash"]), "")
    return Finding(entry["id"], entry["title"] or "", control.place, control.text.strip(),
                   unit=entry["unit"], bookmark=bookmark, **extra)


def _read(review: Review, entry: dict, control: FoundControl) -> Decimal | None:
    """Return the value typed in *control*, or None after recording why it is refused."""
    try:
        return read_figure(control.text, entry["unit"], _is_growth(entry))
    except ValueProblem as problem:
        review.refused.append(_finding(entry, control, detail=str(problem)))
        return None


def _judge_placeholder(review: Review, entry: dict, control: FoundControl) -> None:
    text = control.text.strip()
    if not text or text == entry["text"] or "…" in text:
        review.open.append(_finding(entry, control, detail=entry["need"] or ""))
    elif entry["indicator"] is None:
        review.filled.append(_finding(entry, control))          # a text placeholder, now written
    elif (value := _read(review, entry, control)) is not None:
        review.filled.append(_finding(entry, control, value=value))


def _judge_figure(review: Review, entry: dict, control: FoundControl) -> None:
    if control.text.strip() in entry["texts"]:
        return
    value = _read(review, entry, control)
    if value is not None and value != Decimal(entry["value"]):
        source = f"nguồn ghi {fmt_quantity(Decimal(entry['value']), entry['unit'])} ({entry['source'] or ''})"
        review.changed.append(_finding(entry, control, value=value, detail=source))


def by_context(reading: DraftReading) -> dict[tuple[str, str, str], tuple[str, object]]:
    """Return the figures the extractor reads in each paragraph: (indicator, period, scope) -> (place, figure)."""
    from briefgen.extract.extractor import extract_text

    found: dict[tuple[str, str, str], tuple[str, object]] = {}
    for place, text in reading.paragraphs:
        if any(c.isdigit() for c in text):
            for figure in extract_text(text, reading.path.name):
                found.setdefault((figure.indicator, figure.period, figure.scope), (place, figure))
    return found


def _lost(review: Review, reading: DraftReading, by_id: dict, seen: set[str]) -> None:
    context = None
    for entry in by_id.values():
        if entry["id"] in seen:
            continue
        place = next((p for p, t in reading.paragraphs if any(x and x in t for x in entry["texts"])), None)
        if place:
            review.untagged.append(Finding(entry["id"], entry["title"] or "", place, "", unit=entry["unit"]))
            continue
        context = by_context(reading) if context is None else context
        place, figure = context.get((entry["indicator"], entry["period"], entry["scope"]), ("", None))
        if figure is None:
            review.lost.append(Finding(entry["id"], entry["title"] or "", "", "", unit=entry["unit"]))
        else:
            review.untagged.append(Finding(entry["id"], entry["title"] or "", place, figure.quote, figure.value,
                                           entry["unit"], "tìm thấy theo ngữ cảnh, không còn ô nội dung"))


def review_draft(reading: DraftReading) -> Review:
    """Return what became of every figure and placeholder of the draft *reading* holds."""
    review = Review(str(reading.path), reading.identity)
    if reading.identity is None:
        return review
    by_id, by_hash = _entries(reading.identity)
    seen = set()
    for control in reading.controls:
        entry = _match(control, by_id, by_hash)
        if entry is None:
            continue
        seen.add(entry["id"])
        if entry["kind"] == "placeholder":
            _judge_placeholder(review, entry, control)
        else:
            _judge_figure(review, entry, control)
    _lost(review, reading, by_id, seen)
    _judge_charts(review, reading, by_id)
    review.inconsistencies = _inconsistencies(review, by_id)
    return review


def _typed(review: Review, by_id: dict) -> dict[str, tuple[str, set[Decimal]]]:
    """Return the values staff typed in the text, by figure id, with the figure's unit."""
    typed: dict[str, tuple[str, set[Decimal]]] = {}
    for finding in review.filled + review.changed:
        if finding.value is not None and finding.id in by_id:
            typed.setdefault(finding.id, (by_id[finding.id]["unit"], set()))[1].add(finding.value)
    return typed


def _printed(by_id: dict, typed: dict) -> dict[str, tuple[str, Decimal]]:
    """Return the figures the text prints as briefgen wrote them: id -> (unit, value)."""
    return {key: (e["unit"], Decimal(e["value"])) for key, e in by_id.items()
            if e["kind"] == "figure" and e["texts"] and key not in typed}


def _take_chart_value(review: Review, entry: dict, cell: ChartCell) -> None:
    """Take a value staff typed in a chart for a placeholder, as if typed in the text (checked alike)."""
    text = fmt_value(cell.shown)
    place = f"{cell.chart} › {cell.ref}"
    found = Finding(entry["id"], entry["title"] or "", place, text, unit=entry["unit"])
    try:
        value = read_figure(text, entry["unit"], _is_growth(entry))
    except ValueProblem as problem:
        review.refused.append(replace(found, detail=str(problem)))
        return
    review.filled.append(replace(found, value=value, detail="điền trong bảng dữ liệu của biểu đồ"))


def _judge_charts(review: Review, reading: DraftReading, by_id: dict) -> None:
    """Record the chart values staff changed or filled, and the charts that disagree with the text."""
    cells = reading.charts.cells
    typed = _typed(review, by_id)
    review.chart_changed, review.chart_filled = edited_cells(cells)
    review.chart_mismatch = mismatches(cells, typed, _printed(by_id, typed))
    review.chart_unreadable = list(reading.charts.unreadable)
    for cell in cells:
        entry = by_id.get(cell.figure_id or "")
        if (entry and entry["kind"] == "placeholder" and entry["indicator"] and cell.original is None
                and isinstance(cell.shown, Decimal) and entry["unit"] == cell.unit and cell.figure_id not in typed):
            _take_chart_value(review, entry, cell)


def _figure(identity: dict, entry: dict, value: Decimal, source: str, quote: str,
            edition_year: int | None = None) -> Figure | None:
    try:
        period = parse_period(entry["period"] or "")
        year = int(edition_year if edition_year is not None else identity["year"])
    except (ValueError, KeyError, TypeError):
        return None
    if not (identity.get("series") and entry["scope"] and entry["indicator"]):
        return None
    series = entry.get("series") or identity["series"]
    return Figure(year, series, period, entry["scope"], entry["indicator"], entry["subject"], value,
                  entry["unit"], False, "confirmed", source, quote, None, source_kind="draft")


def provenance(review: Review, finding: Finding) -> str:
    """Return where a filled figure came from: file, content control, place."""
    if finding.place.startswith("Hình "):     # a value typed in a chart's data
        return f"{Path(review.path).name}, biểu đồ {finding.place}"
    return f"{Path(review.path).name}, ô nội dung {finding.bookmark or finding.id}, {finding.place}"


def filled_figures(review: Review) -> tuple[Figure, ...]:
    """Return the figures staff typed: filled placeholders as rows of this edition, corrected figures as their own.

    A corrected figure of an earlier edition (section IV) keeps that edition and series, so it
    replaces the row on record instead of becoming a row of this year.
    """
    identity = review.identity or {}
    by_id, _ = _entries(identity)
    found: dict[str, Figure] = {}
    for finding in review.filled + review.changed:
        entry = by_id.get(finding.id)
        if entry is None or finding.value is None or entry["indicator"] is None:
            continue
        figure = _figure(identity, entry, finding.value, provenance(review, finding), finding.text,
                         entry["edition_year"])
        if figure is not None:
            found.setdefault(figure.id, figure)
    return tuple(found.values())


def _sourced(identity: dict, by_id: dict, changed: set[str]) -> list[Figure]:
    figures = []
    for entry in by_id.values():
        if entry["kind"] != "figure" or entry["id"] in changed:
            continue
        figure = _figure(identity, entry, Decimal(entry["value"]), entry["source"] or "", "",
                         entry["edition_year"])
        if figure is not None:
            figures.append(figure)
    return figures


def _twice(review: Review) -> list[str]:
    values: dict[str, set] = {}
    for finding in review.filled:
        if finding.value is not None:
            values.setdefault(finding.id, set()).add(finding.value)
    return [f"{next(f.title for f in review.filled if f.id == key)}: điền hai giá trị khác nhau "
            f"({'; '.join(fmt_number(v) for v in sorted(found))}). Cần thống nhất."
            for key, found in values.items() if len(found) > 1]


def _inconsistencies(review: Review, by_id: dict) -> list[str]:
    """Return the disagreements that involve a figure staff typed."""
    typed = filled_figures(review)
    typed_ids = {f.id for f in typed}
    pool = tuple(_sourced(review.identity or {}, by_id, {f.id for f in review.changed})) + typed
    found = [item.message for item in find_inconsistencies(pool) if typed_ids & set(item.figure_ids)]
    return _twice(review) + found
