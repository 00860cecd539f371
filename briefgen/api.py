"""The library's front door: ``build_briefing(year, host)`` writes a draft and says where."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.analyze import Facts, build_facts
from briefgen.analyze.edition import build_edition
from briefgen.docx_writer import render_docx
from briefgen.load import Dataset, load_dataset
from briefgen.manifest import build_manifest
from briefgen.model import Briefing, ChartBlock, ChartSpec
from briefgen.output import DraftPaths, check_folder, slug, write_draft
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.chart_cache import default_cache
from briefgen.render.compose import compose_briefing, render_charts

Plot = Callable[[ChartSpec], bytes]


@dataclass(frozen=True)
class Draft:
    """A draft built in memory: the model, its DOCX bytes and its charts."""

    facts: Facts
    briefing: Briefing
    docx: bytes
    charts: dict[str, ChartBlock]


@dataclass(frozen=True)
class BuildResult:
    """What ``build_briefing`` wrote."""

    docx_path: Path
    manifest_path: Path
    chart_paths: tuple[Path, ...]
    version: int
    figure_count: int
    placeholder_count: int
    notices: tuple[str, ...]
    warnings: tuple = ()                       # Problems from the filled forms (where, message)
    placeholders: tuple[tuple[str, str], ...] = ()   # (id, what is needed) left in the draft


def prepare_draft(year: int, host: str, conference_date: date | None = None,
                  dataset: Dataset | None = None, templates_dir: Path | None = None,
                  plot: Plot | None = None, forms=None, charts: str = "native") -> Draft:
    """Return a complete draft in memory, writing nothing.

    *plot* draws a chart spec as PNG; pass a ``ChartCache`` to reuse charts already drawn.
    *forms* (``FormData``, see ``load_form_data``) adds the provinces' figures.
    *charts* "native" puts Word charts with their data in the DOCX and draws no PNG (the
    blocks' ``png`` is None); "png" draws the PNG images and puts them in the DOCX.
    """
    dataset = dataset or load_dataset(DEFAULT_WORKSPACE.data)
    facts = build_facts(dataset, year, host, conference_date, forms)
    blocks = render_charts(facts, plot, png=charts == "png")
    briefing = compose_briefing(facts, dataset, templates_dir or DEFAULT_WORKSPACE.templates, blocks)
    return Draft(facts, briefing, render_docx(briefing, charts), blocks)


def load_form_data(dataset: Dataset, year: int, host: str, data_files: Sequence[Path | str],
                   conference_date: date | None = None):
    """Return *dataset* with the filled forms' figures merged in, and the ``FormData``.

    Raises ``FormValidationError`` (every problem with its file › sheet!cell) before anything
    is built when a form has an error.
    """
    from briefgen.forms.collect import load_forms, merge_forms  # openpyxl only when forms are given

    forms = load_forms(data_files, dataset, build_edition(dataset, year, host, conference_date))
    return merge_forms(dataset, forms)


def split_data_files(data_files: Sequence[Path | str]) -> tuple[list[Path | str], list[Path | str]]:
    """Return (edited drafts, forms) among *data_files*, told apart by content, not by name."""
    from briefgen.review.reuse import is_draft

    drafts = [p for p in data_files if is_draft(p)]
    return drafts, [p for p in data_files if p not in drafts]


def load_draft_data(dataset: Dataset, year: int, host: str, drafts: Sequence[Path | str],
                    conference_date: date | None = None) -> Dataset:
    """Return *dataset* with the figures staff filled in edited drafts of this edition.

    Raises ``DraftFileError`` for a file briefgen did not make or one of another year or host.
    """
    from briefgen.review.reuse import load_draft_figures, merge_draft_figures

    host_name = build_edition(dataset, year, host, conference_date).host.name
    return merge_draft_figures(dataset, load_draft_figures(drafts, year, host_name))


def _form_manifest(manifest: dict, forms) -> None:
    """Add the forms, their warnings and the inputs of every computed figure to *manifest*."""
    manifest["warnings"] = [{"where": w.where, "message": w.message} for w in forms.warnings]
    manifest["forms"] = {"files": list(forms.files), "example": forms.example,
                         "reported": list(forms.reported), "missing": list(forms.missing)}
    for entry in manifest["figures"]:
        if entry["id"] in forms.inputs:
            entry["inputs"] = list(forms.inputs[entry["id"]])


def _chart_file(chart_id: str, index: int) -> str:
    return f"{index:02d}-{chart_id.replace('_', '-')}.png"


def _chart_entries(draft: Draft, files: dict[str, str], paths: DraftPaths) -> dict[str, dict]:
    """Return chart id → its manifest entry: title, figures and (PNG mode only) the PNG's path."""
    entries = {}
    for cid, block in draft.charts.items():
        entry = {"id": cid, "title": block.caption, "figures": list(block.spec.figure_ids if block.spec else ())}
        if cid in files:
            entry["png"] = f"{paths.charts.name}/{files[cid]}"
        entries[cid] = entry
    return entries


def _notices(draft: Draft, paths: DraftPaths) -> tuple[str, ...]:
    notices = list(draft.facts.notices)
    if paths.version > 1:
        notices.append(f"Đã có dự thảo trước đó trong {paths.folder}; không ghi đè, "
                       f"lưu phiên bản mới: {paths.docx.name}")
    return tuple(notices)


def build_briefing(year: int, host: str, conference_date: date | None = None,
                   out_dir: Path | str | None = None, data_dir: Path | str | None = None,
                   templates_dir: Path | str | None = None, dataset: Dataset | None = None,
                   plot: Plot | None = None, data_files: Sequence[Path | str] = (),
                   charts: str = "native") -> BuildResult:
    """Build the draft for *year* and *host* and write it under ``out_dir/<year>-<host>/``.

    With *charts* "png" the PNGs are written beside the DOCX (``charts/``), read from the
    on-disk chart cache unless *plot* says otherwise; with "native" (the default) no PNG is
    drawn or written. A batch passes its loaded *dataset* and its cache so that nothing is
    loaded or drawn twice.
    *data_files* are filled province forms (.xlsx or .csv); any error in them raises
    ``FormValidationError`` and nothing is written. *charts*: see ``prepare_draft``.
    """
    out = Path(out_dir or DEFAULT_WORKSPACE.output)
    check_folder(out)   # a file in the way: say so before building anything
    dataset = dataset or load_dataset(Path(data_dir) if data_dir else DEFAULT_WORKSPACE.data)
    forms = None
    drafts, form_files = split_data_files(data_files)
    if drafts:
        dataset = load_draft_data(dataset, year, host, drafts, conference_date)
    if form_files:
        dataset, forms = load_form_data(dataset, year, host, form_files, conference_date)
    draft = prepare_draft(year, host, conference_date, dataset,
                          Path(templates_dir) if templates_dir else None,
                          (plot or default_cache()) if charts == "png" else None, forms, charts)
    host_name = draft.facts.edition.host.name
    stem = f"bao-cao-{year}-{slug(host_name)}"
    folder = out / f"{year}-{slug(host_name)}"
    files = ({cid: _chart_file(cid, i) for i, cid in enumerate(draft.charts, start=1)}
             if charts == "png" else {})
    chart_figures = {spec.id: spec.figure_ids for spec in draft.facts.charts}
    request = {"year": year, "host": host_name,
               "date": draft.facts.edition.date.isoformat() if draft.facts.edition.date else None,
               "periods": [p.code for p in draft.facts.edition.periods]}

    def manifest_for(paths: DraftPaths) -> dict:
        manifest = build_manifest(draft.briefing, paths.docx.name, _chart_entries(draft, files, paths),
                                  chart_figures, request, {f.id: f for f in dataset.figures})
        manifest["notices"] = list(_notices(draft, paths))
        manifest["inconsistencies"] = [
            {"figures": list(item.figure_ids), "message": item.message}
            for item in draft.facts.inconsistencies
            if any(fid in draft.briefing.figures for fid in item.figure_ids)]
        if forms is not None:
            _form_manifest(manifest, forms)
        if drafts:
            manifest["drafts"] = [str(p) for p in drafts]      # edited drafts whose figures were kept
        return manifest

    paths = write_draft(folder, stem, draft.docx,
                        {name: draft.charts[cid].png for cid, name in files.items()}, manifest_for)
    return BuildResult(paths.docx, paths.manifest, tuple(paths.charts / n for n in files.values()),
                       paths.version, len(draft.briefing.figures), len(draft.briefing.placeholders),
                       _notices(draft, paths), forms.warnings if forms else (),
                       tuple((p.id, p.need) for p in draft.briefing.placeholders.values()))
