"""The manifest: every figure a draft printed (with source and quote) and every placeholder."""

from __future__ import annotations

from briefgen.draft_identity import name_control
from briefgen.model import Briefing, FigureRun, Heading, Paragraph, PlaceholderRun, TableBlock


def _runs_with_places(briefing: Briefing):
    section = "Phần mở đầu"
    for block in briefing.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                section = block.text
            continue
        if isinstance(block, Paragraph):
            for inline in block.inlines:
                yield inline, section
        elif isinstance(block, TableBlock):
            for row in block.rows:
                for cell in row:
                    for inline in cell:
                        yield inline, f"{section} › Bảng: {block.caption}"


def find_places(briefing: Briefing) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Return where each figure and each placeholder appears (section, or section › table)."""
    return group_places(_runs_with_places(briefing))


def group_places(runs) -> tuple[dict, dict]:
    """Return the distinct places of each figure and of each placeholder, in the order of *runs*
    ((inline, place) pairs): figure id → places, placeholder id → places."""
    figures: dict = {}
    placeholders: dict = {}
    for inline, place in runs:
        if isinstance(inline, FigureRun):
            target = figures.setdefault(inline.figure_id, [])
        elif isinstance(inline, PlaceholderRun):
            target = placeholders.setdefault(inline.placeholder_id, [])
        else:
            continue
        if place not in target:
            target.append(place)
    return figures, placeholders


def _controls(briefing: Briefing) -> dict[str, dict]:
    """Return the content control of each figure and placeholder in the text (first place, all bookmarks)."""
    controls: dict[str, dict] = {}
    for inline, _ in _runs_with_places(briefing):
        if not isinstance(inline, (FigureRun, PlaceholderRun)):
            continue
        placeholder = isinstance(inline, PlaceholderRun)
        key = inline.placeholder_id if placeholder else inline.figure_id
        entry = controls.get(key)
        control = name_control(key, inline.text, placeholder, len(entry["bookmarks"]) + 1 if entry else 1)
        if entry is None:
            controls[key] = entry = {**control.as_dict(), "bookmarks": []}
        entry["bookmarks"].append(control.bookmark)
    return controls


def build_manifest(briefing: Briefing, docx_name: str | None, charts: dict[str, dict],
                   chart_figures: dict[str, tuple[str, ...]], request: dict,
                   known_figures: dict | None = None) -> dict:
    """Return the manifest as plain JSON-ready data.

    *charts* maps a chart id to its entry (id, title, figures, and ``png`` — the PNG's path —
    when PNGs were written). *known_figures* (id → Figure) lets figures that appear only in
    charts be listed too.
    """
    figure_places, placeholder_places = find_places(briefing)
    controls = _controls(briefing)
    for chart_id, ids in chart_figures.items():
        for figure_id in ids:
            if chart_id in charts:
                where = charts[chart_id].get("png", chart_id)
                figure_places.setdefault(figure_id, []).append(f"Biểu đồ: {where}")
    used = dict(briefing.figures)
    for ids in chart_figures.values():
        used.update({i: known_figures[i] for i in ids if known_figures and i in known_figures})
    figures = [{"id": f.id, "indicator": f.indicator, "subject": f.subject, "value": str(f.value),
                "unit": f.unit, "period": f.period.code, "scope": f.scope, "estimate": f.estimate,
                "status": f.status, "source": f.source, "quote": f.quote,
                "data_line": f.line, "where": figure_places.get(f.id, [])}
               | ({"control": controls[f.id]} if f.id in controls else {})
               for f in sorted(used.values(), key=lambda f: f.id)]
    placeholders = [{"id": p.id, "text": p.label, "need": p.need, "period": p.period,
                     "where": placeholder_places.get(p.id, [])}
                    | ({"control": controls[p.id]} if p.id in controls else {})
                    for p in sorted(briefing.placeholders.values(), key=lambda p: p.id)]
    return {"request": request, "docx": docx_name, "charts": list(charts.values()),
            "figures": figures, "placeholders": placeholders}
