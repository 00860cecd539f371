"""Edited drafts as a data source: the figures staff filled in, checked and with provenance.

Used by ``briefgen --data EDITED.docx`` (merged into the dataset by ``briefgen.sources.merge``) and by
``briefgen learn`` (written to ``data/indicators.csv``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefgen.domain.figure import Figure
from briefgen.errors import DraftFileError, DraftValuesError
from briefgen.review.read_docx import read_draft
from briefgen.review.review import Review, filled_figures, review_draft
from briefgen.sources.problems import Problem


def checked_review(path: Path | str, year: int | None = None, host: str | None = None) -> Review:
    """Return the review of a briefgen draft; raise if it is not one, is of another edition, or has bad values."""
    review = review_draft(read_draft(path))
    identity = review.identity
    if identity is None:
        raise DraftFileError(f"{path}: không phải dự thảo do briefgen soạn (không có phần nhận diện "
                             f"briefgen); không lấy được số liệu đã điền",
                             hint="dùng dự thảo do briefgen soạn rồi chỉnh sửa trong Word hoặc LibreOffice")
    if year is not None and (identity.get("year"), identity.get("host")) != (year, host):
        raise DraftFileError(f"{path}: dự thảo của hội nghị năm {identity.get('year')} "
                             f"({identity.get('host')}), không dùng cho năm {year} ({host})",
                             hint="dùng --data với dự thảo của đúng năm và tỉnh đăng cai; số liệu năm trước: "
                                  "briefgen learn")
    if review.refused:
        name = Path(path).name
        raise DraftValuesError(path, [Problem(f"{name} › {f.place}", f"{f.title}: {f.detail}")
                                      for f in review.refused])
    return review


def load_draft_figures(paths: Sequence[Path | str], year: int, host: str) -> tuple[Figure, ...]:
    """Return the figures filled in the edited drafts of *year* and *host* (later files win)."""
    found: dict[str, Figure] = {}
    for path in paths:
        found.update({f.id: f for f in filled_figures(checked_review(Path(path), year, host))})
    return tuple(found.values())
