"""Sources (nguồn): how the annex cites each document a figure comes from."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.domain.catalog import Source
from briefgen.errors import DataFileError
from briefgen.sources.tables.tables import Column, read_table

_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def parse_partial_date(text: str) -> str:
    """Return a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` cell unchanged, or raise ValueError."""
    if not _DATE.match(text):
        raise ValueError(f"cần ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, gặp '{text}'")
    return text


def _address(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise ValueError(f"cần địa chỉ bắt đầu bằng http:// hoặc https://, gặp '{text}'")
    return text


def load_sources(path: Path) -> tuple[Source, ...]:
    """Return the citations of *path* (none when the file is absent); a source listed twice is an error."""
    if not path.exists():
        return ()
    rows = read_table(path, (Column("source"), Column("publisher", required=False), Column("title"),
                             Column("date", parse_partial_date, required=False),
                             Column("url", _address, required=False)))
    seen: dict[str, int] = {}
    for row in rows:
        if row["source"] in seen:
            raise DataFileError(path, f"trùng nguồn (đã có ở dòng {seen[row['source']]})", line=row["_line"],
                                column="source")
        seen[row["source"]] = row["_line"]
    return tuple(Source(r["source"], r["publisher"], r["title"], r["date"], r["url"]) for r in rows)
