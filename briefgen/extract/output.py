"""Write figures as CSV or JSON; the columns are the fixed contract of ``briefgen extract``."""

from __future__ import annotations

import csv
import io
import json

from briefgen.extract.model import COLUMNS, Figure

FORMATS = ("csv", "json")


def render_figures(figures: list[Figure], fmt: str) -> str:
    """Return *figures* as CSV (header + one row each) or as a JSON array."""
    if fmt == "json":
        return json.dumps([f.as_record() for f in figures], ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(f.as_row() for f in figures)
    return buffer.getvalue()
