"""A draft's summary, in the shape of the CLI's ``--json``, read back from its manifest.

Paths on the server are never shown: each file is a name and a link under the draft's id.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.serve.store import DraftRecord, read_manifest

KINDS = {".docx": "docx", ".json": "manifest", ".png": "chart", ".pdf": "pdf"}


def file_url(record: DraftRecord, name: str) -> str:
    return f"/api/drafts/{record.id}/files/{name}"


def file_links(record: DraftRecord, files: dict[str, Path]) -> list[dict]:
    """Return each served file of *record*: name, kind and link."""
    return [{"name": name, "kind": KINDS.get(Path(name).suffix, "other"), "url": file_url(record, name)}
            for name in files]


def _problems(items) -> list[dict]:
    return [{"where": i.get("where"), "message": i.get("message", "")} for i in items if isinstance(i, dict)]


def summarize(record: DraftRecord, files: dict[str, Path], versions: list[DraftRecord]) -> dict:
    """Return the summary of one draft version: what it used, what is left, its files."""
    manifest = read_manifest(record.manifest)
    request = manifest.get("request") or {}
    links = file_links(record, files)
    by_kind = {kind: [f["url"] for f in links if f["kind"] == kind] for kind in KINDS.values()}
    return {
        "ok": True, "exit_code": 0, "id": record.id, "year": record.year,
        "host": request.get("host", record.host_slug), "date": request.get("date"),
        "version": record.version,
        "docx": file_url(record, record.docx.name), "manifest": file_url(record, record.manifest.name),
        "pdf": (by_kind["pdf"] or [None])[0], "charts": by_kind["chart"],
        "figures": len(manifest.get("figures") or []),
        "placeholders": [{"id": p.get("id"), "need": p.get("need")} for p in manifest.get("placeholders") or []],
        "notices": list(manifest.get("notices") or []),
        "warnings": _problems(manifest.get("warnings") or []),
        "inconsistencies": [i.get("message") for i in manifest.get("inconsistencies") or []],
        "errors": [], "files": links, "versions": [v.id for v in versions],
    }


def listing(record: DraftRecord, host: str) -> dict:
    """Return one line of the draft list: id, year, host, version and the .docx link."""
    return {"id": record.id, "year": record.year, "host": host, "version": record.version,
            "url": f"/api/drafts/{record.id}", "docx": file_url(record, record.docx.name)}
