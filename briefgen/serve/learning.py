"""``briefgen learn`` through the server: figures of uploaded edited drafts added to its data folder.

Learning changes the data every later draft is built from, so the server offers it only
when started with ``--allow-learn`` *and* a token (``serve.cli`` refuses the flag without
one). It works like the CLI: a dry run shows what would change; a value that differs from
the one on record is a conflict (409) unless a reason is given, which is recorded. Sources
name the file as the user called it; the uploads are deleted with the request.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.numbers import fmt_quantity
from briefgen.serve.errors import ServeError
from briefgen.serve.settings import ServeSettings
from briefgen.serve.uploads import DRAFTS_ONLY, Upload, save_uploads
from briefgen.serve.user_names import UploadError, renamer, with_user_names
from briefgen.sources.problems import Problem

LEARN_OFF = ("máy chủ này không cho phép bổ sung dữ liệu (learn); người quản trị bật bằng "
             "briefgen serve --allow-learn kèm mã truy cập")


@dataclass(frozen=True)
class LearnRequest:
    """Edited drafts to learn from; *reason* allows replacing values on record; *dry_run* writes nothing."""

    uploads: tuple[Upload, ...]
    reason: str | None = None
    dry_run: bool = False


def check_allowed(settings: ServeSettings) -> None:
    """Raise 403 unless the server was started with ``--allow-learn`` and a token."""
    if not (settings.allow_learn and settings.token):
        raise ServeError(LEARN_OFF, status=403)


def _plan(request: LearnRequest, settings: ServeSettings, data_dir: Path, scratch: Path, today: date):
    """Return the learning plan of the uploads, their sources in the user's file names."""
    from briefgen.review.learn import plan_learning

    if not request.uploads:
        raise ServeError("chưa đính kèm dự thảo (.docx) nào để bổ sung dữ liệu", where="files")
    saved = save_uploads(list(request.uploads), settings.max_files, settings.max_file_bytes, scratch, DRAFTS_ONLY)
    try:
        plan = plan_learning(saved.paths, data_dir, today)
    except BriefgenError as error:
        raise with_user_names(error, saved.names) from None
    finally:
        shutil.rmtree(saved.folder, ignore_errors=True)
    rename = renamer(saved.names)
    plan.added = [replace(f, source=rename(f.source)) for f in plan.added]
    plan.conflicts = [(old, replace(new, source=rename(new.source))) for old, new in plan.conflicts]
    return plan


def _conflicts(plan) -> UploadError:
    problems = tuple(Problem(old.id, f"dữ liệu ghi {fmt_quantity(old.value, old.unit)} (nguồn {old.source}, "
                                     f"indicators.csv dòng {old.line}); dự thảo ghi "
                                     f"{fmt_quantity(new.value, new.unit)} ({new.source})")
                     for old, new in plan.conflicts)
    return UploadError(f"{len(problems)} số liệu khác với dữ liệu có sẵn; không ghi tệp nào", problems,
                       hint="xem lại; nếu số mới đúng, gửi lại kèm lý do (reason) để thay", status=409)


def _figure(figure) -> dict:
    return {"id": figure.id, "value": format(figure.value, "f"), "unit": figure.unit, "source": figure.source}


def learn_uploads(request: LearnRequest, settings: ServeSettings, data_dir: Path, scratch: Path,
                  today: date) -> dict:
    """Return what learning the uploaded drafts adds to *data_dir* (and write it unless a dry run)."""
    from briefgen.review.learn import apply_learning

    reason = (request.reason or "").strip() or None
    plan = _plan(request, settings, data_dir, scratch, today)
    if plan.conflicts and reason is None:
        raise _conflicts(plan)
    summary = {"ok": True, "dry_run": request.dry_run, "written": False,
               "added": [_figure(f) for f in plan.added],
               "replaced": [{**_figure(new), "old": _figure(old), "reason": reason} for old, new in plan.conflicts],
               "known": [_figure(f) for f in plan.known]}
    if not request.dry_run:
        apply_learning(plan, data_dir, reason, today)
        summary["written"] = bool(plan.added or plan.replaced)
    return summary
