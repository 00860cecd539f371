"""Check data/indicators.csv against its sources: the quotes, and every seed-sourced figure.

Every row the drafts may print goes through the build's source-integrity check
(``briefgen.analyze.integrity``): a non-empty quote that states the value and its unit
and, for a seed, occurs in it verbatim; a quote that does not state the value is an error,
a unit the quote does not confirm a warning. A seed-sourced row then passes when the
extractor finds, in the seed it cites, a figure with the same value, period and scope (and the same indicator when both sides use a core indicator;
data/'s finer vocabulary — product_*, ccn_*, share_of_region … — all map to ``other``).
A row whose period the seed leaves open ("những tháng đầu năm 2024") with the same year is
a warning, not a failure: the seed neither confirms nor refutes the months.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from briefgen.analyze.integrity import REFUSE, SeedTexts, check_quote, seed_names
from briefgen.errors import BriefgenError, DataFileError
from briefgen.extract.classify import CORE_INDICATORS, OTHER
from briefgen.extract.extractor import extract_text
from briefgen.extract.model import Figure, fmt_plain
from briefgen.extract.sources import read_report
from briefgen.sources.tables.tables import parse_decimal, read_records

REQUIRED = ("period", "scope", "indicator", "value", "unit", "source", "quote")
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
    """Return the findings for every row of the indicators CSV at *path*: its quote, and its seeds."""
    seeds: dict[str, Seed | BriefgenError] = {}
    texts = SeedTexts(seeds_dir)
    findings: list[Finding] = []
    for line, row in read_rows(path):
        value = _value(path, line, row)
        failure = None if row.get("status") == "rejected" else check_quote(
            row["source"], row["quote"], value, row["unit"], row["indicator"].endswith("_growth"), texts)
        if failure:
            severity = ERROR if failure.severity == REFUSE else WARNING
            findings.append(Finding(line, severity, f"{_describe(row)}: {failure.reason}"))
            if severity == ERROR:
                continue
        for name in seed_names(row["source"]):
            if name not in seeds:
                seeds[name] = _read_seed(seeds_dir / name)
            findings.extend(_check_row(line, row, value, name, seeds[name]))
    return findings


def _value(path: Path, line: int, row: dict[str, str]) -> Decimal:
    """Return the row's value, refused as the drafts' loader refuses it (NaN, exponents, grouping …)."""
    try:
        return parse_decimal(row["value"])
    except ValueError as error:
        raise DataFileError(path, str(error), line, "value") from None


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Return (line number, row) of every record of a CSV file; raise DataFileError when unusable.

    The data loader's reader checks encoding, structure and control characters.
    """
    header, records = read_records(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataFileError(path, f"thiếu cột {', '.join(missing)}", line=1)
    return [(line, dict(zip(header, cells))) for line, cells in records]


def _read_seed(path: Path) -> Seed | BriefgenError:
    try:
        text = read_report(path)
    except BriefgenError as error:
        return error
    return Seed(text, extract_text(text, path.name))


def _check_row(line: int, row: dict[str, str], value: Decimal, name: str,
               seed: Seed | BriefgenError) -> list[Finding]:
    """Return what is wrong with one row against one seed's extracted figures (nothing when they back it)."""
    if isinstance(seed, BriefgenError):
        return [Finding(line, ERROR, f"nguồn {name} không dùng được: {seed}")]
    same_value = [f for f in seed.figures if f.value == value]
    if not same_value:
        return [Finding(line, ERROR, f"{_describe(row)}: {name} không có giá trị này")]
    return _compare(line, row, name, same_value)


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
