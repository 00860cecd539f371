"""What the API and the page share: finding a draft, summarizing it, building one."""

from __future__ import annotations

from datetime import date

from fastapi import Request
from starlette.datastructures import UploadFile

from briefgen.bounds import shown
from briefgen.serve.errors import ServeError
from briefgen.serve.jobs import DraftRequest, Workshop
from briefgen.serve.settings import ServeSettings
from briefgen.serve.store import DraftRecord
from briefgen.serve.summary import summarize
from briefgen.serve.uploads import Upload, check_uploads


def workshop_of(request: Request) -> Workshop:
    """Return the application's workshop."""
    return request.app.state.workshop


def find_record(request: Request, draft_id: str) -> DraftRecord:
    """Return the draft called *draft_id*, or raise a 404 user error."""
    record = workshop_of(request).store.get(draft_id)
    if record is None:
        raise ServeError(f"không có dự thảo mã '{shown(draft_id)}'", status=404, where="id")
    return record


def draft_summary(workshop: Workshop, record: DraftRecord) -> dict:
    """Return the summary of *record* with its file links and the other versions."""
    return summarize(record, record.files(workshop.has_pdf), workshop.store.versions_of(record))


async def read_uploads(files: list[UploadFile], settings: ServeSettings) -> list[Upload]:
    """Return the uploaded files' names and bytes; a file over the limit is not read whole."""
    uploads = []
    for file in files:
        if not isinstance(file, UploadFile) or (not file.filename and not file.size):
            continue  # an empty file input of a plain HTML form
        uploads.append(Upload(file.filename or "", await file.read(settings.max_file_bytes + 1)))
    check_uploads(uploads, settings.max_files, settings.max_file_bytes)
    return uploads


async def review_draft_upload(request: Request, file: UploadFile | str | None) -> dict:
    """Check one uploaded edited draft in the pool; return ``briefgen review --json`` of it."""
    workshop = workshop_of(request)
    if not isinstance(file, UploadFile) or (not file.filename and not file.size):
        raise ServeError("chưa đính kèm dự thảo (.docx) cần kiểm tra", where="file")
    upload = Upload(file.filename or "", await file.read(workshop.settings.max_file_bytes + 1))
    return await workshop.run(workshop.review, upload)


async def learn_from_uploads(request: Request, files: list[UploadFile], reason: str | None,
                             dry_run: bool) -> dict:
    """Learn the uploaded edited drafts into the server's data (only if allowed); return what changed."""
    from briefgen.serve.learning import LearnRequest, check_allowed

    workshop = workshop_of(request)
    check_allowed(workshop.settings)        # before reading any upload
    uploads = await read_uploads(files, workshop.settings)
    return await workshop.run(workshop.learn, LearnRequest(tuple(uploads), reason, dry_run))


async def create_draft(request: Request, year: int, host: str, conference_date: date | None,
                       files: list[UploadFile]) -> DraftRecord:
    """Check the request, build the draft in the pool and return its record."""
    workshop = workshop_of(request)
    uploads = await read_uploads(files, workshop.settings)
    job = DraftRequest(year, host, conference_date, tuple(uploads))
    return await workshop.run(workshop.build, job)
