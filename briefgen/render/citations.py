"""Cite a source the way an official document does: publisher, title or description, date, address.

File names and other internal ids never reach the draft: a source the data does not describe
yet is cited by what is known and a placeholder asks for the rest.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from briefgen.dates import fmt_date_short, fmt_month
from briefgen.domain.catalog import Source
from briefgen.model import Placeholder

FORMS = Source("forms", "Sở Công Thương các tỉnh, thành phố",
               "số liệu báo cáo theo biểu mẫu thu thập số liệu của Bộ Công Thương", None, None)


def fmt_partial_date(text: str) -> str:
    """Return ``năm 2013``, ``tháng 10/2025`` or ``ngày 17/10/2025`` for a YYYY[-MM[-DD]] date."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return f"năm {parts[0]}"
    if len(parts) == 2:
        return f"tháng {fmt_month(parts[1])}/{parts[0]}"
    return "ngày " + fmt_date_short(date(parts[0], parts[1], parts[2]))


def is_address(source_id: str) -> bool:
    """Return whether a figure's source is a web address."""
    return source_id.startswith(("http://", "https://"))


def missing_parts(source: Source) -> Placeholder | None:
    """Return the placeholder asking for what the citation lacks (publisher, address), or None."""
    lacking = [w for w, v in (("cơ quan đăng tải", source.publisher), ("địa chỉ truy cập", source.url)) if not v]
    if not lacking or source is FORMS:
        return None
    return Placeholder(f"source:{source.id}", f"[{', '.join(lacking)}]",
                       f"Cần bổ sung: {' và '.join(lacking)} của tài liệu “{source.title}”.")


def citation_parts(source: Source) -> tuple[str, ...]:
    """Return the known parts of the citation in order: publisher, title, date, address."""
    parts = [p for p in (source.publisher, source.title,
                         fmt_partial_date(source.date) if source.date else None, source.url) if p]
    return tuple([parts[0][:1].upper() + parts[0][1:]] + parts[1:]) if parts else ()


SEED_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")   # a seed article's file name (internal id)


def source_name(source: Source) -> str:
    """Return how a comment names *source*: its publisher and title, never a file name."""
    title = f"“{source.title}”"
    return f"{source.publisher}, {title}" if source.publisher else f"tài liệu {title}"


def without_file_names(text: str, sources: dict[str, Source]) -> str:
    """Return *text* with every seed file name replaced by the document's name (publisher, title)."""
    return SEED_NAME.sub(lambda m: source_name(sources[m.group(0)]) if m.group(0) in sources else "tài liệu nguồn",
                         text)


def fallback_source(source_id: str) -> Source:
    """Return a citation for a source the data does not list: a web page by its site, else the forms."""
    if is_address(source_id):
        return Source(source_id, urlsplit(source_id).hostname or None, "trang thông tin điện tử", None, source_id)
    return FORMS   # "file › sheet!cell", "tính từ N biểu mẫu": the provinces' filled forms
