"""The year-specific agenda (data/agenda.csv): tasks of one year with the legal document behind each.

Data, not code: a text may use the blanks ``{{ region }}``, ``{{ year }}`` and ``{{ source }}``
(the document as cited, filled by plain substitution) and must cite its document with
``{{ source }}``; the document's own name may use no blank at all. Anything else is refused
when the data is loaded, naming line and column.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.domain.catalog import AgendaItem
from briefgen.errors import DataFileError
from briefgen.sources.tables.tables import Column, parse_int, parse_iso_date, read_table
from briefgen.sources.tables.task_text import blanks_in, check_task_text

BLANKS = ("region", "year", "source")
COLUMNS = (Column("year", parse_int), Column("order", parse_int), Column("key"), Column("theme"),
           Column("text"), Column("document"), Column("issued", parse_iso_date),
           Column("note", required=False))


def _check_row(path: Path, row: dict) -> None:
    """Raise ``DataFileError`` for a text or document that is not plain text with known blanks."""
    for column, blanks in (("text", BLANKS), ("document", ()), ("theme", ())):
        problem = check_task_text(row[column], blanks)
        if problem:
            raise DataFileError(path, f"nội dung {problem}", line=row["_line"], column=column)
    if "source" not in blanks_in(row["text"]):
        raise DataFileError(path, "nội dung nhiệm vụ phải dẫn văn bản làm căn cứ bằng {{ source }}",
                            line=row["_line"], column="text")


def load_agenda(path: Path) -> tuple[AgendaItem, ...]:
    """Return the agenda items by year and order; an absent file is an empty agenda."""
    if not path.exists():
        return ()
    rows = read_table(path, COLUMNS)
    seen: dict[tuple[int, int], int] = {}
    for row in rows:
        _check_row(path, row)
        place = (row["year"], row["order"])
        if place in seen:
            raise DataFileError(path, f"trùng thứ tự {row['order']} của năm {row['year']} "
                                      f"(đã có ở dòng {seen[place]})", line=row["_line"], column="order")
        seen[place] = row["_line"]
    items = (AgendaItem(r["year"], r["order"], r["key"], r["theme"], r["text"], r["document"], r["issued"],
                        r["note"]) for r in rows)
    return tuple(sorted(items, key=lambda item: (item.year, item.order)))
