"""The page for people: pick a year and a host, attach forms, build, download.

Plain HTML forms that work without JavaScript; a small script (``host-picker.js``) adds
a host list filtered without diacritics. Templates are in ``serve/templates/``; Python
decides what to show, the templates only lay it out.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from briefgen.bounds import shown
from briefgen.dates import fmt_date_short
from briefgen.errors import BriefgenError
from briefgen.serve import auth
from briefgen.serve.errors import ServeError, status_of, user_error_body
from briefgen.serve.handlers import create_draft, draft_summary, find_record, review_draft_upload
from briefgen.serve.store import DraftRecord, read_manifest
from briefgen.serve.uploads import ACCEPTED

TEMPLATES = Path(__file__).with_name("templates")
COOKIE_SECONDS = 12 * 3600


@cache
def environment() -> Environment:
    """Return the page templates' environment (autoescaped, strict)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    """Return the template *name* rendered with *context* as an HTML response."""
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status)


def login_page(message: str | None, status: int = 200) -> HTMLResponse:
    return render("login.html", status=status, message=message)


def error_page(body: dict, status: int) -> HTMLResponse:
    """Return an error (``{"errors": [...], "hint": ...}``) as a page."""
    return render("error.html", status=status, body={"hint": None, **body})


def set_token_cookie(response: Response, token: str) -> None:
    """Remember *token* in the browser (not readable by scripts, not sent by other sites)."""
    response.set_cookie(auth.COOKIE, token, max_age=COOKIE_SECONDS, httponly=True, samesite="strict")


def _parse_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ServeError(f"ngày không hợp lệ '{shown(text)}', cần dạng YYYY-MM-DD", where="date")


def _is_iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _parse_year(text: str) -> int:
    if not text.strip().isdigit() or len(text.strip()) != 4:
        raise ServeError(f"năm không hợp lệ '{shown(text)}'", where="year")
    return int(text)


def index_page(request: Request, errors: dict | None = None, entered: dict | None = None,
               status: int = 200) -> HTMLResponse:
    """Return the start page: the build form, the empty forms, the drafts already written."""
    workshop = request.app.state.workshop
    years = workshop.years()
    default_year = max(e.year for e in workshop.dataset().editions)
    hosts = {year: list(workshop.hosts(year)) for year in years}
    entered = entered or {"year": str(default_year), "host": "", "date": ""}
    return render("index.html", status=status, years=years, entered=entered,
                  hosts_by_year=hosts,
                  hosts=hosts.get(int(entered["year"]) if entered["year"].isdigit() else default_year, []),
                  accept=",".join(ACCEPTED), accepted=", ".join(ACCEPTED),
                  max_files=workshop.settings.max_files,
                  max_mb=workshop.settings.max_file_bytes // (1024 * 1024),
                  drafts=[(d, workshop.store.host_name(d)) for d in workshop.store.all()[:50]], errors=errors)


def draft_page(request: Request, record: DraftRecord) -> HTMLResponse:
    """Return the result page of one draft: downloads, what is left, what was used."""
    workshop = request.app.state.workshop
    summary = draft_summary(workshop, record)
    manifest = read_manifest(record.manifest)
    day = summary["date"] if isinstance(summary["date"], str) else ""
    return render("draft.html", s=summary, figures=manifest.get("figures") or [],
                  day=fmt_date_short(date.fromisoformat(day)) if _is_iso(day) else day,
                  placeholders=manifest.get("placeholders") or [], has_pdf=workshop.has_pdf)


# for each kind of finding of a review: the heading of its last column (None: no such column)
REVIEW_NOTES = {"open": "Cần bổ sung", "filled": None, "changed": "Nguồn", "refused": "Lý do",
                "untagged": "Ghi chú", "lost": None}


def review_sections(report: dict) -> list[dict]:
    """Return the review's kinds of findings in the CLI's order: key, heading, last column, findings."""
    from briefgen.review.cli import SECTIONS

    return [{"key": key, "heading": heading, "note": REVIEW_NOTES[key], "findings": report[key]}
            for key, heading in SECTIONS]


def review_page(request: Request, report: dict | None = None, errors: dict | None = None,
                status: int = 200) -> HTMLResponse:
    """Return the result of checking an edited draft (or why it could not be checked)."""
    max_mb = request.app.state.workshop.settings.max_file_bytes // (1024 * 1024)
    return render("review.html", status=status, r=report, errors=errors, max_mb=max_mb,
                  sections=review_sections(report) if report else [])


def add_pages(app: FastAPI) -> None:
    """Add the HTML routes to *app* (not part of the documented API)."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request):
        if "token" in request.query_params:  # the guard checked it and sets the cookie
            return RedirectResponse("/", status_code=303)
        return index_page(request)

    @app.post("/drafts", include_in_schema=False)
    async def build(request: Request):
        async with request.form() as form:
            entered = {key: str(form.get(key) or "") for key in ("year", "host", "date")}
            try:
                record = await create_draft(request, _parse_year(entered["year"]), entered["host"],
                                            _parse_date(entered["date"]), form.getlist("files"))
            except BriefgenError as error:
                return index_page(request, user_error_body(error), entered, status=status_of(error))
        return RedirectResponse(f"/drafts/{record.id}", status_code=303)

    @app.get("/review", include_in_schema=False)
    async def review_form():
        return RedirectResponse("/#review", status_code=303)

    @app.post("/review", response_class=HTMLResponse, include_in_schema=False)
    async def review(request: Request):
        async with request.form() as form:
            try:
                report = await review_draft_upload(request, form.get("file"))
            except BriefgenError as error:
                return review_page(request, errors=user_error_body(error), status=status_of(error))
        return review_page(request, report)

    @app.get("/drafts/{draft_id}", response_class=HTMLResponse, include_in_schema=False)
    async def show(request: Request, draft_id: str):
        return draft_page(request, find_record(request, draft_id))

    @app.get("/forms", include_in_schema=False)
    async def form(request: Request, year: str = ""):
        return RedirectResponse(f"/api/forms/{_parse_year(year)}", status_code=303)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_form():
        return login_page(None)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request):
        async with request.form() as form:
            token = str(form.get("token") or "")
        refused = auth.refusal(request.app.state.settings.token, token or None)
        if refused:
            return login_page(refused, status=401)
        response = RedirectResponse("/", status_code=303)
        set_token_cookie(response, token)
        return response

    @app.get("/host-picker.js", include_in_schema=False)
    async def script():
        return Response((TEMPLATES / "host-picker.js").read_text(encoding="utf-8"),
                        media_type="text/javascript")
