"""``learn``: add figures of edited drafts, checked forms and review sheets to ``data/indicators.csv`` for good.

A figure already on record with the same value is left alone; a different value is a
conflict that needs a reason to be replaced (recorded in the note column). The CSV is
rewritten atomically and checked by the loader before it replaces the old one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from briefgen.domain.figure import Figure
from briefgen.errors import DataFileError, LearnConflictError
from briefgen.numbers import fmt_quantity
from briefgen.output import write_atomic
from briefgen.review.reuse import checked_review
from briefgen.sources.tables import load_dataset
from briefgen.sources.tables.figures import load_figures
from briefgen.review.learn_sources import (FORM_NOTE, SHEET_NOTE, edition_of, form_figures, sheet_figures,
                                           split_inputs)
from briefgen.review.review import filled_figures

INDICATORS_FILE = "indicators.csv"


@dataclass
class LearnPlan:
    """What learning would do to the data: rows added, rows replaced (old, new), figures already there."""

    added: list[Figure] = field(default_factory=list)
    replaced: list[tuple[Figure, Figure]] = field(default_factory=list)
    known: list[Figure] = field(default_factory=list)
    conflicts: list[tuple[Figure, Figure]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)     # rows of review sheets left out, and why


def _learned(figure: Figure, today: date) -> Figure:
    return Figure(figure.edition_year, figure.series, figure.period, figure.scope, figure.indicator,
                  figure.subject, figure.value, figure.unit, False, "confirmed",
                  f"{figure.source}, rà soát ngày {today:%d/%m/%Y}",
                  figure.quote or fmt_quantity(figure.value, figure.unit), "Bổ sung từ dự thảo đã chỉnh sửa")


def _incoming(paths: Sequence[Path | str], data_dir: Path, today: date,
              year: int | None, host: str | None) -> tuple[list[Figure], list[str]]:
    """Return the figures *paths* bring (drafts' filled figures, forms' and review sheets' figures)
    and the review sheets' warnings as lines."""
    inputs = split_inputs(paths)
    figures = [_learned(f, today) for path in inputs.drafts for f in filled_figures(checked_review(path))]
    warnings: list[str] = []
    if inputs.need_edition:
        dataset = load_dataset(data_dir)
        edition = edition_of(dataset, year, host)
        if inputs.forms:
            figures += form_figures(inputs.forms, dataset, edition, today)
        found, said = sheet_figures(inputs.sheets, edition, today)
        figures += found
        warnings += [f"{w.where}: {w.message}" for w in said]
    return figures, warnings


def plan_learning(paths: Sequence[Path | str], data_dir: Path, today: date,
                  year: int | None = None, host: str | None = None) -> LearnPlan:
    """Return what the drafts, forms and review sheets at *paths* add to *data_dir*; raise if one cannot be used.

    Forms and review sheets are read for the edition of *year* (hosted by *host*, by default
    the recorded host); edited drafts carry their own edition.
    """
    on_record = {f.id: f for f in load_figures(data_dir / INDICATORS_FILE)}
    figures, warnings = _incoming(paths, data_dir, today, year, host)
    plan, seen = LearnPlan(warnings=warnings), set()
    for new in figures:
        if new.id in seen:
            continue
        seen.add(new.id)
        old = on_record.get(new.id)
        if old is None:
            plan.added.append(new)
        elif old.value == new.value and old.unit == new.unit:
            plan.known.append(old)
        else:       # a replacement keeps the row's series (a draft from before identities carried it)
            plan.conflicts.append((old, replace(new, series=old.series)))
    return plan


def _said_by(figure: Figure) -> str:
    """Return what kind of file a learned figure came from: "dự thảo", "biểu mẫu", "bảng rà soát"."""
    note = figure.note or ""
    return "biểu mẫu" if note == FORM_NOTE else "bảng rà soát" if note.startswith(SHEET_NOTE) else "dự thảo"


def conflict_lines(plan: LearnPlan, data_dir: Path) -> list[str]:
    """Return one line per conflict naming both values and both sources."""
    return [f"{old.id}: {data_dir / INDICATORS_FILE}, dòng {old.line} ghi {fmt_quantity(old.value, old.unit)} "
            f"(nguồn {old.source}); {_said_by(new)} ghi {fmt_quantity(new.value, new.unit)} ({new.source})"
            for old, new in plan.conflicts]


def _row(figure: Figure) -> dict[str, str]:
    return {"edition_year": str(figure.edition_year), "series": figure.series, "period": figure.period.code,
            "scope": figure.scope, "indicator": figure.indicator, "subject": figure.subject or "",
            "value": format(figure.value, "f"), "unit": figure.unit,
            "estimate": "true" if figure.estimate else "false", "status": figure.status,
            "source": figure.source, "quote": figure.quote, "note": figure.note or "",
            "qualifiers": ";".join(figure.qualifiers)}


def _same_figure(row: dict[str, str], figure: Figure) -> bool:
    keys = ("edition_year", "series", "period", "scope", "indicator", "subject")
    mine = _row(figure)
    return all((row.get(k) or "").strip() == mine[k] for k in keys)


def _records(text: str) -> list[str]:
    """Return the raw text of each CSV record of *text* (header first), line ends kept.

    A record ends at a line end outside quotes (an even count of '"' so far: CSV doubles a
    quote inside a quoted field), so a quoted field may span lines.
    """
    records, chunk = [], ""
    for line in text.splitlines(keepends=True):
        chunk += line
        if chunk.count('"') % 2 == 0:
            records.append(chunk)
            chunk = ""
    return records + ([chunk] if chunk else [])


def _formatted(row: dict[str, str], header: list[str]) -> str:
    out = io.StringIO()
    # extrasaction: a file from before the ``qualifiers`` column keeps its columns
    csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore").writerow(row)
    return out.getvalue()


def _rewrite(text: str, plan: LearnPlan, reason: str | None, today: date) -> str:
    """Return *text* with the plan's replacements and additions; every other record keeps its bytes."""
    records = _records(text)
    header = next(csv.reader(io.StringIO(records[0]))) if records else list(_row(plan.added[0]).keys())
    if not records:
        records = [_formatted(dict(zip(header, header)), header)]
    body = []
    for raw in records[1:]:
        row = next(csv.DictReader(io.StringIO(records[0] + raw)), None)
        old = next((o for o, _ in plan.replaced if row is not None and _same_figure(row, o)), None)
        if old is None:
            body.append(raw)
            continue
        new = next(n for o, n in plan.replaced if o is old)
        note = f"Thay {fmt_quantity(old.value, old.unit)} ({old.source}) ngày {today:%d/%m/%Y}: {reason}"
        body.append(_formatted(dict(_row(new), note=note), header))
    if body and not body[-1].endswith("\n"):
        body[-1] += "\n"
    body += [_formatted(_row(f), header) for f in plan.added]
    return records[0] + "".join(body)


def apply_learning(plan: LearnPlan, data_dir: Path, reason: str | None, today: date) -> None:
    """Write *plan* into the data's indicators table: atomically, and only if the loader accepts it."""
    if plan.conflicts and not reason:
        raise LearnConflictError(conflict_lines(plan, data_dir))
    plan.replaced, plan.conflicts = plan.replaced + plan.conflicts, []
    if not plan.added and not plan.replaced:
        return
    path = data_dir / INDICATORS_FILE
    text = _rewrite(path.read_text(encoding="utf-8"), plan, reason, today)
    check = data_dir / f".{INDICATORS_FILE}.learn-check.csv"
    try:
        write_atomic(check, text.encode("utf-8"))
        load_figures(check)
    except DataFileError as error:
        raise DataFileError(path, f"dữ liệu sau khi bổ sung không hợp lệ ({error}); không ghi tệp nào") from None
    finally:
        check.unlink(missing_ok=True)
    write_atomic(path, text.encode("utf-8"))
