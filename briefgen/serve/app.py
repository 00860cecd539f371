"""The FastAPI application: the JSON API under ``/api``, the page (``pages``), the guards.

``create_app(settings)`` assembles it; ``uvicorn`` serves it (``serve.cli``). OpenAPI at
``/docs``. Every error is ``{"ok": false, "errors": [{"where", "message"}]}``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated

from fastapi import FastAPI, File, Form, Path as PathParam, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from briefgen import __version__
from briefgen.bounds import shown
from briefgen.errors import BriefgenError
from briefgen.serve import auth, pages
from briefgen.serve.errors import (InternalFailure, ServeError, error_body, internal_body, log_bug,
                                   problem, status_of, user_error_body, validation_problems)
from briefgen.serve.handlers import (create_draft, draft_summary, find_record, learn_from_uploads,
                                    review_draft_upload, workshop_of)
from briefgen.serve.jobs import Workshop
from briefgen.serve.limits import BodyLimit
from briefgen.serve.settings import ServeSettings
from briefgen.serve.summary import listing

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HTTP_MESSAGES = {404: "không tìm thấy", 405: "phương thức không được hỗ trợ ở địa chỉ này",
                 413: "yêu cầu quá lớn"}


def create_app(settings: ServeSettings | None = None, workshop: Workshop | None = None) -> FastAPI:
    """Return the application serving *settings* (a fresh ``Workshop`` unless one is given)."""
    settings = settings or ServeSettings()
    workshop = workshop or Workshop(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        workshop.pool.submit(workshop.warm_up)  # the first page need not wait for the data
        yield
        workshop.close()

    app = FastAPI(title="briefgen", version=__version__, lifespan=lifespan,
                  description="Soạn dự thảo báo cáo Hội nghị ngành Công Thương khu vực phía Bắc.")
    app.state.settings = settings
    app.state.workshop = workshop
    _add_error_handlers(app)
    _add_token_guard(app, settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    _add_api(app)
    pages.add_pages(app)
    return app


def is_api(request: Request) -> bool:
    """Return whether *request* is for the JSON API (else it is for the page: answer in HTML)."""
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _answer(request: Request, body: dict, status: int) -> Response:
    if is_api(request):
        return JSONResponse(body, status_code=status)
    return pages.error_page(body, status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BriefgenError)
    async def user_error(request: Request, error: BriefgenError):
        return _answer(request, user_error_body(error), status_of(error))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError):
        return _answer(request, error_body(validation_problems(error.errors())), 422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        message = HTTP_MESSAGES.get(error.status_code, "yêu cầu không hợp lệ")
        return _answer(request, error_body([problem(None, message)]), error.status_code)

    @app.exception_handler(InternalFailure)
    async def internal(request: Request, failure: InternalFailure):
        return _answer(request, internal_body(failure), 500)

    @app.exception_handler(Exception)
    async def bug(request: Request, error: Exception):
        return _answer(request, internal_body(log_bug(error)), 500)


def _add_token_guard(app: FastAPI, settings: ServeSettings) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        if settings.token is None or not auth.needs_token(request.url.path):
            return await call_next(request)
        offered, how = auth.offered_token(request.headers, request.cookies, request.query_params)
        refused = auth.refusal(settings.token, offered)
        if refused:
            if is_api(request):
                return JSONResponse(error_body([problem("token", refused)]), status_code=401,
                                    headers={"WWW-Authenticate": "Bearer"})
            return pages.login_page(refused, status=401)
        response = await call_next(request)
        if how == "query":
            pages.set_token_cookie(response, offered)
        return response


def _add_api(app: FastAPI) -> None:
    @app.get("/api/health", summary="Máy chủ còn hoạt động")
    async def health(request: Request) -> dict:
        workshop = workshop_of(request)
        return {"ok": True, "version": __version__, "workers": workshop.settings.workers,
                "pdf": workshop.has_pdf}

    @app.get("/api/drafts", summary="Danh sách dự thảo (mọi phiên bản)")
    async def list_drafts(request: Request) -> dict:
        store = workshop_of(request).store
        return {"ok": True, "drafts": [listing(r, store.host_name(r)) for r in store.all()]}

    @app.post("/api/drafts", status_code=201, summary="Soạn một dự thảo từ năm, tỉnh đăng cai, ngày và biểu mẫu")
    async def post_draft(request: Request, response: Response, year: Annotated[int, Form()],
                         host: Annotated[str, Form()],
                         conference_date: Annotated[date | None, Form(alias="date")] = None,
                         files: Annotated[list[UploadFile], File()] = []) -> dict:
        record = await create_draft(request, year, host, conference_date, files)
        response.headers["Location"] = f"/api/drafts/{record.id}"
        return draft_summary(workshop_of(request), record)

    @app.get("/api/drafts/{draft_id}", summary="Tóm tắt một dự thảo và các tệp của nó")
    async def get_draft(request: Request, draft_id: str) -> dict:
        return draft_summary(workshop_of(request), find_record(request, draft_id))

    @app.get("/api/drafts/{draft_id}/files/{name}", summary="Tải một tệp của dự thảo (.docx, manifest, biểu đồ, PDF)")
    async def get_file(request: Request, draft_id: str, name: str) -> FileResponse:
        workshop = workshop_of(request)
        record = find_record(request, draft_id)
        path = record.files(workshop.has_pdf).get(name)
        if path is None:
            raise ServeError(f"dự thảo {record.id} không có tệp '{shown(name)}'", status=404, where="name")
        if path == record.pdf:
            path = await workshop.run(workshop.pdf, record)
        return FileResponse(path, filename=name)

    @app.post("/api/review", summary="Kiểm tra một dự thảo đã chỉnh sửa (.docx), như briefgen review --json")
    async def post_review(request: Request, file: Annotated[UploadFile, File()]) -> dict:
        return await review_draft_upload(request, file)

    @app.post("/api/learn", summary="Bổ sung số liệu từ dự thảo đã chỉnh sửa vào dữ liệu (chỉ khi máy chủ "
                                    "chạy với --allow-learn và mã truy cập)")
    async def post_learn(request: Request, files: Annotated[list[UploadFile], File()],
                         reason: Annotated[str | None, Form()] = None,
                         dry_run: Annotated[bool, Form()] = False) -> dict:
        return await learn_from_uploads(request, files, reason, dry_run)

    @app.get("/api/forms/{year}", summary="Tải biểu mẫu số liệu trống của một năm (.xlsx)")
    async def get_form(request: Request, year: Annotated[int, PathParam()]) -> Response:
        workshop = workshop_of(request)
        data = await workshop.run(workshop.form, year)
        return Response(data, media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="bieu-mau-{year}.xlsx"'})
