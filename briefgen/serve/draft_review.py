"""Checking an edited draft on the server: ``briefgen review`` of one upload, kept only for the request.

The upload is checked (a .docx by content), written to a fresh temporary folder, reviewed by
the library and deleted; the answer is ``briefgen review --json`` with the user's file name
in place of a path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.serve.uploads import DRAFTS_ONLY, Upload, save_uploads
from briefgen.serve.user_names import with_user_names


def review_upload(upload: Upload, max_bytes: int, scratch: Path) -> dict:
    """Return the review of the uploaded draft as ``briefgen review --json`` gives it (nothing is kept)."""
    from briefgen.review.cli import render_json, run_review

    saved = save_uploads([upload], 1, max_bytes, scratch, DRAFTS_ONLY)
    (path, name), = saved.names.items()
    try:
        review, context = run_review(path)
    except BriefgenError as error:
        raise with_user_names(error, saved.names) from None
    finally:
        shutil.rmtree(saved.folder, ignore_errors=True)
    return {**render_json(review, context), "draft": name}
