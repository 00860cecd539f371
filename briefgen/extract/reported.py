"""The figures of one report with who issued it and their qualifiers: what ``--data REPORT`` and the
review sheet carry.

The issuer ("Sở Công Thương tỉnh Lạng Sơn", "Cục Thống kê") is read from the report's
first lines; the draft's comment says the figure comes "from the report of <issuer>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.extract.classify import CORE_INDICATORS, PROVINCES_COUNT
from briefgen.extract.model import Figure
from briefgen.extract.scopes import NATIONAL, REGION
from briefgen.extract.sources import Report, load_report
from briefgen.extract.subject import find_subject
from briefgen.extract.text import Source

_HEAD_LINES = 6
_BODIES = (("tổng cục thống kê", "Tổng cục Thống kê"), ("cục thống kê", "Cục Thống kê"),
           ("sở công thương", "Sở Công Thương"), ("bộ công thương", "Bộ Công Thương"),
           ("ủy ban nhân dân", "Ủy ban nhân dân"), ("ubnd", "Ủy ban nhân dân"))
_BODY_RE = re.compile("|".join(re.escape(folded) for folded, _ in _BODIES))
_UNIT_RE = re.compile(r"(?<!\w)(tỉnh|thành phố)(?!\w)")
# Core indicators the draft can use; a count of provinces says nothing without its subject.
USABLE = tuple(i for i in CORE_INDICATORS if i != PROVINCES_COUNT)


@dataclass(frozen=True)
class Reported:
    """A figure read from a report, with the report's issuer (None when the report does not say)."""

    figure: Figure
    issuer: str | None
    qualifiers: tuple[str, ...] = ()    # what the report says about the value: "hơn", "từ … trở lên"

    @property
    def place(self) -> str:
        """Return where the figure is: ``lang-son.docx, đoạn 3``."""
        return f"{self.figure.file}, {self.figure.location}" if self.figure.location else self.figure.file

    @property
    def note(self) -> str:
        """Return the draft's caveat: from whose report, to be checked."""
        whose = f"của {self.issuer}" if self.issuer else self.figure.file
        return f"Trích từ báo cáo {whose}, cần kiểm tra"


def find_issuer(text: str, subject: str) -> str | None:
    """Return who issued the report, from its first lines, or None.

    A province body takes the report's subject as its province: ``Sở Công Thương tỉnh Lạng Sơn``.
    """
    lines = [line for line in text.splitlines() if line.strip()][:_HEAD_LINES]
    for line in lines:
        folded = line.lower()
        match = _BODY_RE.search(folded)
        if match is None:
            continue
        body = dict(_BODIES)[match.group(0)]
        if subject in (NATIONAL, REGION):
            return body
        unit = _UNIT_RE.search(folded, match.end())
        return f"{body} {unit.group(1) + ' ' if unit else ''}{subject}"
    return None


def reported_of(report: Report, name: str, everything: bool = False) -> list[Reported]:
    """Return the figures of *report* a draft can use (or, with *everything*, all), with the issuer."""
    from briefgen.extract.cli import extract_report

    issuer = find_issuer(report.text, find_subject(Source(name, report.text)))
    return [Reported(f, issuer, f.qualifiers) for f in extract_report(report, name)
            if everything or f.indicator in USABLE]


def read_reported(path: Path) -> list[Reported]:
    """Return the usable figures of the report at *path*; raise DataFileError if it cannot be read."""
    return reported_of(load_report(path), path.name)
