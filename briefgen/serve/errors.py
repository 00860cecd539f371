"""Errors of the server and their JSON form: the CLI's exit classes mapped to HTTP statuses.

A ``BriefgenError`` (the user can fix it) is 400 with the library's Vietnamese message; a
request that does not fit the API (missing field, not a number) is 422; a bug is 500 with
a reference the log also carries, never a traceback.
"""

from __future__ import annotations

import logging
import uuid

from briefgen.errors import BriefgenError

log = logging.getLogger("briefgen.serve")


class ServeError(BriefgenError):
    """A user error met by the server itself; ``status`` is its HTTP status."""

    def __init__(self, message: str, status: int = 400, where: str | None = None, hint: str | None = None):
        super().__init__(message, hint)
        self.status = status
        self.where = where


class InternalFailure(Exception):
    """A bug: its traceback went to the log under ``reference``."""

    def __init__(self, reference: str):
        super().__init__(reference)
        self.reference = reference


def log_bug(error: BaseException) -> InternalFailure:
    """Log *error* with its traceback under a new reference; return the failure to raise."""
    reference = uuid.uuid4().hex[:12]
    log.error("lỗi nội bộ, mã tham chiếu %s", reference, exc_info=error)
    return InternalFailure(reference)


def problem(where: str | None, message: str) -> dict:
    return {"where": where, "message": message}


def error_body(errors: list[dict], **extra) -> dict:
    """Return the JSON body of every error response."""
    return {"ok": False, "errors": errors, **extra}


def user_error_body(error: BriefgenError) -> dict:
    """Return the body of a user error: each problem with its place (file › sheet!cell)."""
    problems = getattr(error, "problems", ())
    errors = [problem(p.where or None, p.message) for p in problems if p.is_error]
    errors = errors or [problem(getattr(error, "where", None), str(error))]
    warnings = [problem(p.where, p.message) for p in problems if not p.is_error]
    return error_body(errors, warnings=warnings, hint=error.hint)


def status_of(error: BriefgenError) -> int:
    return getattr(error, "status", 400)


def internal_body(failure: InternalFailure) -> dict:
    """Return the body of a 500: a Vietnamese line and the reference to quote to the IT unit."""
    message = (f"lỗi nội bộ của máy chủ (mã tham chiếu {failure.reference}); "
               "xin báo mã này cho bộ phận quản trị")
    return error_body([problem(None, message)], reference=failure.reference)


# pydantic's error types -> what the user is told
VALIDATION_MESSAGES = {
    "missing": "thiếu giá trị bắt buộc",
    "int_parsing": "cần một số nguyên",
    "int_type": "cần một số nguyên",
    "greater_than_equal": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "date_from_datetime_parsing": "ngày không hợp lệ, cần dạng YYYY-MM-DD",
    "date_parsing": "ngày không hợp lệ, cần dạng YYYY-MM-DD",
    "date_type": "ngày không hợp lệ, cần dạng YYYY-MM-DD",
}


def validation_problems(errors: list[dict]) -> list[dict]:
    """Return pydantic's request errors as Vietnamese problems naming the field."""
    return [problem(str(e.get("loc", ("",))[-1]),
                    VALIDATION_MESSAGES.get(e.get("type", ""), "giá trị không hợp lệ"))
            for e in errors]
