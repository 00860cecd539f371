"""Source integrity: every figure a draft prints must be stated by its quote, in its source.

A figure is *refused* (the draft prints a placeholder saying why) when its quote is empty,
when a seed's quote is not in the seed's text, or when the quote does not state the value;
it is printed with a comment when the quote states the number but its unit cannot be
confirmed. Forms' quotes describe a cell ("Ô D7: …"), so form figures are not read.
The same check serves ``briefgen check-data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from briefgen.analyze.quote_values import NOT_STATED, UNIT_UNCONFIRMED, describe, judge
from briefgen.domain.dataset import Dataset
from briefgen.domain.figure import Figure

REFUSE, COMMENT = "refuse", "comment"
SEED, FORM, DRAFT, URL, REPORT = "seed", "form", "draft", "url", "report"
MAX_SEED_BYTES = 64 * 1024 * 1024
MISMATCH = "Số liệu trong dữ liệu không khớp với trích dẫn nguồn"

_SEED_NAME_RE = re.compile(r"^[\w.-]+\.txt$")
_FORM_RE = re.compile(r"^tính từ |›[^›]*![A-Z]{1,3}\d+")     # "tính từ 18 biểu mẫu", "x.xlsx › Số liệu!D7"
_DRAFT_RE = re.compile(r"\.docx, (?:ô nội dung|biểu đồ) ")


@dataclass(frozen=True)
class Failure:
    """Why a figure's source does not back it: REFUSE (not printed) or COMMENT (printed, flagged)."""

    severity: str
    reason: str


@dataclass(frozen=True)
class SourceCheck:
    """The dataset without refused figures, why each was refused, and comments by figure id."""

    dataset: Dataset
    refused: tuple[tuple[Figure, str], ...]
    notes: dict[str, str]


def seed_names(source: str) -> list[str]:
    """Return the seed file names among the `` ; ``-separated sources of a row."""
    return [part.strip() for part in source.split(";") if _SEED_NAME_RE.match(part.strip())]


def provenance_kind(source: str) -> str:
    """Return where a figure comes from: SEED, FORM, DRAFT (an edited draft), URL or REPORT."""
    if seed_names(source):
        return SEED
    if _FORM_RE.search(source):
        return FORM
    if _DRAFT_RE.search(source):
        return DRAFT
    return URL if source.startswith(("http://", "https://")) else REPORT


class SeedTexts:
    """Seed texts of one folder, each read once per content (size and modification time)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._stamps: dict[str, tuple[int, int] | None] = {}

    def stamp(self, name: str) -> tuple[int, int] | None:
        """Return (size, modification time) of seed *name*, looked up once; None if it is missing."""
        if name not in self._stamps:
            try:
                stat = (self.folder / name).stat()
                self._stamps[name] = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                self._stamps[name] = None
        return self._stamps[name]

    def text(self, name: str) -> str | None:
        """Return the text of seed *name*, or None when it cannot be read as UTF-8 text."""
        return _read_seed(self.folder / name, self.stamp(name))


@lru_cache(maxsize=64)
def _read_seed(path: Path, stamp: tuple[int, int] | None) -> str | None:
    if stamp is None or stamp[0] > MAX_SEED_BYTES:
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def check_quote(source: str, quote: str, value: Decimal, unit: str, growth: bool,
                seeds: SeedTexts) -> Failure | None:
    """Return why *quote* in *source* does not back *value* *unit*, or None when it does."""
    kind = provenance_kind(source)
    if kind == FORM:
        return None
    if not quote.strip():
        return Failure(REFUSE, "trích dẫn nguồn để trống")
    if kind == SEED:
        missing = _not_in_seeds(quote, seed_names(source), seeds)
        if missing:
            return Failure(REFUSE, missing)
    verdict = judge(quote, value, unit, signed=growth and unit == "%")
    if verdict.outcome == NOT_STATED:
        shown = describe(value, unit) if not growth else f"{'giảm' if value < 0 else 'tăng'} {describe(abs(value), unit)}"
        return Failure(REFUSE, f"trích dẫn không nêu giá trị {shown}")
    if verdict.outcome == UNIT_UNCONFIRMED:
        return Failure(COMMENT, f"trích dẫn nguồn ghi “{verdict.seen}”, không xác nhận được đơn vị "
                                f"{unit or 'của số liệu'}")
    return None


def _not_in_seeds(quote: str, names: list[str], seeds: SeedTexts) -> str | None:
    """Return why *quote* is in none of the seeds *names* (None when one holds it verbatim)."""
    problems = []
    for name in names:
        text = seeds.text(name)
        if seeds.stamp(name) is None:
            problems.append(f"không tìm thấy tệp nguồn {name}")
        elif text is None:
            problems.append(f"tệp nguồn {name} không đọc được (quá lớn hoặc không phải văn bản UTF-8)")
        elif quote in text:
            return None
        else:
            problems.append(f"trích dẫn không có nguyên văn trong {name}")
    return "; ".join(problems)


@lru_cache(maxsize=8192)
def _check_cached(source: str, quote: str, value: str, unit: str, growth: bool,
                  folder: Path, stamps: tuple) -> Failure | None:
    return check_quote(source, quote, Decimal(value), unit, growth, SeedTexts(folder))


def check_figure(figure: Figure, seeds: SeedTexts) -> Failure | None:
    """Return why *figure*'s source does not back it, or None (cached per figure and seed content)."""
    stamps = tuple(seeds.stamp(n) for n in seed_names(figure.source))
    return _check_cached(figure.source, figure.quote, str(figure.value), figure.unit,
                         figure.indicator.endswith("_growth"), seeds.folder, stamps)


def check_sources(dataset: Dataset, seeds_dir: Path) -> SourceCheck:
    """Return *dataset* without the figures their sources do not back, and the comments to print."""
    seeds = SeedTexts(seeds_dir)
    refused, notes, kept = [], {}, []
    for figure in dataset.figures:
        failure = check_figure(figure, seeds) if figure.printable else None
        if failure and failure.severity == REFUSE:
            refused.append((figure, failure.reason))
            kept.append(replace(figure, status="rejected"))
            continue
        kept.append(figure)
        comment = _join(f"Cần kiểm tra: {failure.reason}." if failure else None, data_note_comment(figure))
        if comment:
            notes[figure.id] = comment
    return SourceCheck(replace(dataset, figures=tuple(kept)), tuple(refused), notes)


def refusal_need(figure: Figure, reason: str) -> str:
    """Return the sentence a placeholder's need adds when the data's figure was refused."""
    where = f"; indicators.csv, dòng {figure.line}" if figure.line else ""
    return f"{MISMATCH} ({reason}{where})."


def refusal_notice(refused: tuple[tuple[Figure, str], ...], year: int, data_file: Path) -> tuple[str, ...]:
    """Return the notice of a draft for *year* about the refused figures it could have printed."""
    lines = sorted({f.line for f, _ in refused if f.edition_year <= year and f.line})
    others = sum(1 for f, _ in refused if f.edition_year <= year and not f.line)
    if not lines and not others:
        return ()
    where = f" ({data_file}, dòng {', '.join(map(str, lines))})" if lines else ""
    return (f"Lưu ý: {len(lines) + others} số liệu không khớp với trích dẫn nguồn nên không đưa vào dự thảo"
            f"{where}; chi tiết: briefgen check-data.",)


# --- data notes that ask for a check ---

_VIETNAMESE_CHECK = re.compile(r"^\s*cần kiểm tra|cần đối chiếu", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*cần kiểm tra\s*:?\s*", re.IGNORECASE)
_ENGLISH_CHECK = re.compile(r"(?<!\w)(?:check|unchecked|doubtful|verify|unit\?)", re.IGNORECASE)
DOUBT = ("Cần kiểm tra: ghi chú trong dữ liệu cho biết đơn vị hoặc độ lớn của số liệu này chưa chắc "
         "chắn; đối chiếu với nguồn trước khi sử dụng")


def data_note_comment(figure: Figure) -> str | None:
    """Return the Vietnamese comment for a data note that asks for a check, or None.

    A note written for the drafters ("Cần kiểm tra: …", or one saying "cần đối chiếu") is
    printed as it is; an English note asking for a check gets a standard Vietnamese comment.
    Figures whose status already prints a caveat (English report, unconfirmed) get none.
    """
    note = figure.note or ""
    if figure.needs_note or not note:
        return None
    if _VIETNAMESE_CHECK.search(note):
        return f"Cần kiểm tra: {_PREFIX.sub('', note).strip().rstrip('.')}."
    if _ENGLISH_CHECK.search(note):
        where = f" (indicators.csv, dòng {figure.line})" if figure.line else ""
        return f"{DOUBT}{where}."
    return None


def _join(*notes: str | None) -> str | None:
    present = [n for n in notes if n]
    return " ".join(present) if present else None
