"""The library's front door: ``build_briefing(year, host)`` writes a draft and says where."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.analyze import Facts, build_facts
from briefgen.analyze.edition import build_edition
from briefgen.checklist import build_checklist, render_markdown
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.manifest import build_manifest
from briefgen.model import Briefing, ChartBlock, ChartSpec, chart_file
from briefgen.output import DraftPaths, check_folder, slug, write_draft
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.chart_cache import default_cache
from briefgen.render.compose import compose_briefing, render_charts
from briefgen.render.edition_notes import history_checklist
from briefgen.sources import group_by_kind
from briefgen.sources.merge import merge
from briefgen.sources.tables import load_dataset
from briefgen.writers import DEFAULT_FORMATS, WRITERS, render_documents

Plot = Callable[[ChartSpec], bytes]


@dataclass(frozen=True)
class Draft:
    """A draft built in memory: the model, its documents (format → bytes) and its charts."""

    facts: Facts
    briefing: Briefing
    documents: dict[str, bytes]
    charts: dict[str, ChartBlock]

    @property
    def docx(self) -> bytes:
        """Return the DOCX bytes (when the draft was rendered as DOCX)."""
        return self.documents["docx"]


@dataclass(frozen=True)
class BuildResult:
    """What ``build_briefing`` wrote."""

    documents: dict[str, Path]                 # format -> file written ("docx", "md")
    manifest_path: Path
    chart_paths: tuple[Path, ...]
    version: int
    figure_count: int
    placeholder_count: int
    notices: tuple[str, ...]
    warnings: tuple = ()                       # Problems from the filled forms (where, message)
    placeholders: tuple[tuple[str, str], ...] = ()   # (id, what is needed) left in the draft
    checklist_path: Path | None = None         # the drafters' checklist written beside the draft

    @property
    def docx_path(self) -> Path | None:
        """Return the DOCX written, or None when only other formats were asked for."""
        return self.documents.get("docx")

    @property
    def main_path(self) -> Path:
        """Return the first document written (the DOCX unless only other formats were asked for)."""
        return next(iter(self.documents.values()))


def draws_png(charts: str, formats: Sequence[str]) -> bool:
    """Return whether a draft needs PNG charts: the DOCX takes images, or a writer links them."""
    return charts == "png" or any(WRITERS[f].links_charts for f in formats)


def prepare_draft(year: int, host: str, conference_date: date | None = None,
                  dataset: Dataset | None = None, templates_dir: Path | None = None,
                  plot: Plot | None = None, forms=None, charts: str = "native",
                  edition: EditionContext | None = None, formats: Sequence[str] = DEFAULT_FORMATS) -> Draft:
    """Return a complete draft in memory, writing nothing.

    *plot* draws a chart spec as PNG; pass a ``ChartCache`` to reuse charts already drawn.
    *forms* (``FormData``, see ``load_form_data``) adds the provinces' figures.
    *charts* "native" puts Word charts with their data in the DOCX and draws no PNG unless a
    writer links chart images (Markdown does); "png" draws the PNG images and puts them in the DOCX.
    *formats* names the writers (``WRITERS``: "docx", "md") the document is rendered with.
    *edition* is the edition of *year* and *host* when the caller has built it already:
    the edition is built once per draft, here at the front door, and handed down.
    """
    dataset = dataset or load_dataset(DEFAULT_WORKSPACE.data)
    edition = edition or build_edition(dataset, year, host, conference_date)
    facts = build_facts(dataset, edition, forms, seeds_dir=DEFAULT_WORKSPACE.seeds)
    blocks = render_charts(facts, plot, png=draws_png(charts, formats))
    briefing = compose_briefing(facts, dataset, templates_dir or DEFAULT_WORKSPACE.templates, blocks)
    return Draft(facts, briefing, render_documents(briefing, formats, charts), blocks)


def load_form_data(dataset: Dataset, edition: EditionContext, data_files: Sequence[Path | str]):
    """Return *dataset* with the filled forms' figures merged in, and the ``FormData``.

    The forms are read for the built *edition* (its periods and provinces). Raises
    ``FormValidationError`` (every problem with its file › sheet!cell) before anything is
    built when a form has an error.
    """
    from briefgen.forms.collect import load_forms, merge_forms  # openpyxl only when forms are given

    forms = load_forms(data_files, dataset, edition)
    return merge_forms(dataset, forms)


def load_draft_data(dataset: Dataset, edition: EditionContext, drafts: Sequence[Path | str]):
    """Return *dataset* with the figures staff filled in edited drafts of the built *edition*, and the warnings.

    A draft's figure replaces the one on record; a different value is a warning naming both.
    Raises ``DraftFileError`` for a file briefgen did not make or one of another year or host.
    """
    from briefgen.review.reuse import load_draft_figures

    merged = merge(dataset, load_draft_figures(drafts, edition.year, edition.host.name))
    return merged.dataset, merged.warnings


def load_report_data(dataset: Dataset, edition: EditionContext, form_files: Sequence[Path | str],
                     report_files: Sequence[Path | str]):
    """Return *dataset* with the reports' (and forms') figures, the ``FormData`` or None, the ``ReportData``.

    *report_files* are reports (.docx/.pdf/.html/.txt) and review sheets (.xlsx), read for
    the built *edition*. Raises ``DataFileError`` for a report that cannot be read,
    ``FormValidationError`` for a form or review sheet with an error.
    """
    from briefgen.reports import add_reports, read_all
    from briefgen.sources.recognise import split_reports

    reports, reviews, _ = split_reports(report_files)
    items, notes = read_all(reports, reviews)
    return add_reports(dataset, edition, form_files, items, notes)


def _report_manifest(manifest: dict, reports) -> None:
    """Add the reports, their warnings and each report figure's provenance to *manifest*."""
    manifest.setdefault("warnings", []).extend(
        {"where": w.where, "message": w.message} for w in reports.warnings)
    manifest["reports"] = reports.manifest({entry["id"] for entry in manifest["figures"]})
    for entry in manifest["figures"]:
        item = reports.sources.get(entry["id"])
        if item is not None:
            entry["report"] = {"file": item.figure.file, "location": item.figure.location,
                               "issuer": item.issuer, "quote": item.figure.quote}


def _form_manifest(manifest: dict, forms) -> None:
    """Add the forms, their warnings and the inputs of every computed figure to *manifest*."""
    manifest["warnings"] = [{"where": w.where, "message": w.message} for w in forms.warnings]
    manifest["forms"] = {"files": list(forms.files), "example": forms.example,
                         "reported": list(forms.reported), "missing": list(forms.missing)}
    for entry in manifest["figures"]:
        if entry["id"] in forms.inputs:
            entry["inputs"] = list(forms.inputs[entry["id"]])


def _checklist_notes(draft: Draft, forms) -> tuple[str, ...]:
    """Return what the drafters must check beyond figures: derived facts, notices, form warnings."""
    edition = draft.facts.edition
    notes = [f"Số thứ tự hội nghị (lần thứ {edition.ordinal}) được suy ra từ các kỳ trước, chưa có nguồn "
             f"xác nhận; đề nghị kiểm tra lại."] if edition.ordinal_status != "confirmed" else []
    notes += list(draft.facts.notices)
    notes += history_checklist(draft.briefing.blocks, tuple(row.edition for row in draft.facts.history))
    return tuple(notes + [f"Biểu mẫu: {w}" for w in (forms.warnings if forms else ())])


def _chart_entries(draft: Draft, files: dict[str, str], paths: DraftPaths) -> dict[str, dict]:
    """Return chart id → its manifest entry: title, figures and (when PNGs are written) the PNG's path."""
    entries = {}
    for cid, block in draft.charts.items():
        entry = {"id": cid, "title": block.caption, "figures": list(block.spec.figure_ids if block.spec else ())}
        if cid in files:
            entry["png"] = f"{paths.charts.name}/{files[cid]}"
        entries[cid] = entry
    return entries


def _notices(draft: Draft, paths: DraftPaths, formats: Sequence[str]) -> tuple[str, ...]:
    notices = list(draft.facts.notices)
    if paths.version > 1:
        notices.append(f"Đã có dự thảo trước đó trong {paths.folder}; không ghi đè, "
                       f"lưu phiên bản mới: {paths.document(WRITERS[formats[0]].suffix).name}")
    return tuple(notices)


def build_briefing(year: int, host: str, conference_date: date | None = None,
                   out_dir: Path | str | None = None, data_dir: Path | str | None = None,
                   templates_dir: Path | str | None = None, dataset: Dataset | None = None,
                   plot: Plot | None = None, data_files: Sequence[Path | str] = (),
                   charts: str = "native", formats: Sequence[str] = DEFAULT_FORMATS) -> BuildResult:
    """Build the draft for *year* and *host* and write it under ``out_dir/<year>-<host>/``.

    With *charts* "png" the PNGs are written beside the DOCX (``charts/``), read from the
    on-disk chart cache unless *plot* says otherwise; with "native" (the default) no PNG is
    drawn or written. A batch passes its loaded *dataset* and its cache so that nothing is
    loaded or drawn twice.
    *data_files* are filled province forms (.xlsx or .csv); any error in them raises
    ``FormValidationError`` and nothing is written. *charts*, *formats*: see ``prepare_draft``.
    """
    out, formats = Path(out_dir or DEFAULT_WORKSPACE.output), tuple(formats)
    check_folder(out)   # a file in the way: say so before building anything
    dataset = dataset or load_dataset(Path(data_dir) if data_dir else DEFAULT_WORKSPACE.data)
    edition = build_edition(dataset, year, host, conference_date)
    forms = reports = None
    draft_warnings = ()
    by_kind = group_by_kind(data_files)         # by content: reports, edited drafts, filled forms
    report_files, drafts, form_files = (by_kind.get(k, []) for k in ("report", "draft", "form"))
    if drafts:
        dataset, draft_warnings = load_draft_data(dataset, edition, drafts)
    if report_files:
        dataset, forms, reports = load_report_data(dataset, edition, form_files, report_files)
    elif form_files:
        dataset, forms = load_form_data(dataset, edition, form_files)
    warnings = draft_warnings + (forms.warnings if forms else ()) + (reports.warnings if reports else ())
    png = draws_png(charts, formats)
    draft = prepare_draft(year, host, conference_date, dataset,
                          Path(templates_dir) if templates_dir else None,
                          (plot or default_cache()) if png else None, forms, charts, edition, formats)
    host_name = draft.facts.edition.host.name
    stem = f"bao-cao-{year}-{slug(host_name)}"
    folder = out / f"{year}-{slug(host_name)}"
    files = {cid: chart_file(cid, i) for i, cid in enumerate(draft.charts, start=1)} if png else {}
    chart_figures = {spec.id: spec.figure_ids for spec in draft.facts.charts}
    request = {"year": year, "host": host_name,
               "date": draft.facts.edition.date.isoformat() if draft.facts.edition.date else None,
               "periods": [p.code for p in draft.facts.edition.periods]}

    def documents_for(paths: DraftPaths) -> dict[Path, bytes]:
        chart_paths = {cid: f"{paths.charts.name}/{name}" for cid, name in files.items()}
        return {paths.document(WRITERS[f].suffix): (WRITERS[f].write(draft.briefing, charts, chart_paths)
                                                     if WRITERS[f].links_charts else draft.documents[f])
                for f in formats}

    listed: dict[str, int] = {}      # what the manifest lists, for the counts the CLI and the server print

    def manifest_for(paths: DraftPaths) -> dict:
        manifest = build_manifest(draft.briefing, paths.docx.name if "docx" in formats else None,
                                  _chart_entries(draft, files, paths),
                                  chart_figures, request, {f.id: f for f in dataset.figures})
        listed.update(figures=len(manifest["figures"]), placeholders=len(manifest["placeholders"]))
        manifest["checklist"] = paths.checklist.name
        manifest["notices"] = list(_notices(draft, paths, formats))
        manifest["inconsistencies"] = [
            {"figures": list(item.figure_ids), "message": item.message}
            for item in draft.facts.inconsistencies
            if any(fid in draft.briefing.figures for fid in item.figure_ids)]
        if forms is not None:
            _form_manifest(manifest, forms)
        if reports is not None:
            _report_manifest(manifest, reports)
        manifest.update({f: paths.document(WRITERS[f].suffix).name for f in formats if f != "docx"})
        if drafts:
            manifest["drafts"] = [str(p) for p in drafts]      # edited drafts whose figures were kept
        if draft_warnings:
            manifest["warnings"] = [{"where": w.where, "message": w.message} for w in draft_warnings] + \
                manifest.get("warnings", [])
        return manifest

    checklist = render_markdown(build_checklist(draft.briefing, year, _checklist_notes(draft, forms)))
    paths = write_draft(folder, stem, documents_for,
                        {name: draft.charts[cid].png for cid, name in files.items()}, manifest_for,
                        checklist.encode("utf-8"))
    documents = {f: paths.document(WRITERS[f].suffix) for f in formats}
    return BuildResult(documents, paths.manifest, tuple(paths.charts / n for n in files.values()),
                       paths.version, listed["figures"], listed["placeholders"],
                       _notices(draft, paths, formats), warnings,
                       tuple((p.id, p.need) for p in draft.briefing.placeholders.values()), paths.checklist)
