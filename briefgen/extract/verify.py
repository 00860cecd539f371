"""Check data/indicators.csv against the seeds: every seed-sourced figure must be found there.

A data row passes when the extractor finds, in the seed it cites, a figure with the same
value, period and scope (and the same indicator when both sides use a core indicator;
data/'s finer vocabulary — product_*, ccn_*, share_of_region … — all map to ``other``).
A row whose period the seed leaves open ("những tháng đầu năm 2024") with the same year is
a warning, not a failure: the seed neither confirms nor refutes the months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from briefgen.bounds import shown
from briefgen.errors import BriefgenError, DataFileError
from briefgen.extract.classify import CORE_INDICATORS, OTHER
from briefgen.extract.extractor import extract_text
from briefgen.extract.model import Figure, fmt_plain
from briefgen.extract.sources import read_report
from briefgen.load.tables import read_records

REQUIRED = ("period", "scope", "indicator", "value", "source", "quote")
_SEED_NAME_RE = re.compile(r"^[\w.-]+\.txt$")
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """A data row the seed does not back, with why."""

    line: int
    severity: str
    message: str


@dataclass(frozen=True)
class Seed:
    """A seed's text and the figures the extractor finds in it."""

    text: str
    figures: list[Figure]


def check_indicators(path: Path, seeds_dir: Path) -> list[Finding]:
    """Return the findings for every seed-sourced row of the indicators CSV at *path*."""
    seeds: dict[str, Seed | BriefgenError] = {}
    findings: list[Finding] = []
    for line, row in read_rows(path):
        for name in seed_names(row["source"]):
            if name not in seeds:
                seeds[name] = _read_seed(seeds_dir / name)
            findings.extend(_check_row(path, line, row, name, seeds[name]))
    return findings


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Return (line number, row) of every record of a CSV file; raise DataFileError when unusable.

    The data loader's reader checks encoding, structure and control characters.
    """
    header, records = read_records(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataFileError(path, f"thiếu cột {', '.join(missing)}", line=1)
    return [(line, dict(zip(header, cells))) for line, cells in records]


def seed_names(source: str) -> list[str]:
    """Return the seed file names among the `` ; ``-separated sources of a row."""
    return [part.strip() for part in source.split(";") if _SEED_NAME_RE.match(part.strip())]


def _read_seed(path: Path) -> Seed | BriefgenError:
    try:
        text = read_report(path)
    except BriefgenError as error:
        return error
    return Seed(text, extract_text(text, path.name))


def _check_row(path: Path, line: int, row: dict[str, str], name: str,
               seed: Seed | BriefgenError) -> list[Finding]:
    """Return what is wrong with one row against one seed (nothing when the seed backs it)."""
    if isinstance(seed, BriefgenError):
        return [Finding(line, ERROR, f"nguồn {name} không dùng được: {seed}")]
    try:
        value = Decimal(row["value"])
    except InvalidOperation:
        raise DataFileError(path, f"giá trị '{shown(row['value'])}' không phải số", line, "value") from None
    findings = [] if row["quote"] in seed.text else \
        [Finding(line, ERROR, f"{_describe(row)}: trích dẫn không có nguyên văn trong {name}")]
    same_value = [f for f in seed.figures if f.value == value]
    if not same_value:
        return findings + [Finding(line, ERROR, f"{_describe(row)}: {name} không có giá trị này")]
    return findings + _compare(line, row, name, same_value)


def _compare(line: int, row: dict[str, str], seed: str, candidates: list[Figure]) -> list[Finding]:
    """Return nothing if a candidate backs the row, else the nearest disagreement."""
    if any(_backs(f, row) for f in candidates):
        return []
    open_year = [f for f in candidates if _backs(f, row, open_months=True)]
    if open_year:
        return [Finding(line, WARNING, f"{_describe(row)}: {seed} không nói rõ số tháng "
                                       f"(trích dẫn: “{open_year[0].quote}”)")]
    seen = "; ".join(sorted({f"{f.indicator} {f.period or '?'} {f.scope}" for f in candidates}))
    return [Finding(line, ERROR, f"{_describe(row)}: {seed} có giá trị này nhưng ở {seen}")]


def _backs(figure: Figure, row: dict[str, str], open_months: bool = False) -> bool:
    """Tell whether *figure* states the row's figure (same period, or the same open year)."""
    if figure.scope != row["scope"] or not _same_indicator(figure.indicator, row["indicator"]):
        return False
    if open_months:
        return figure.period == "" and figure.open_year is not None and \
            row["period"].endswith(str(figure.open_year))
    return figure.period == row["period"]


def _same_indicator(extracted: str, data: str) -> bool:
    """Compare indicators only where both sides use a core one."""
    data = data if data in CORE_INDICATORS else OTHER
    return extracted == data or OTHER in (extracted, data)


def _describe(row: dict[str, str]) -> str:
    return f"{row['indicator']} {row['period']} {row['scope']} = {fmt_plain(Decimal(row['value']))}"
