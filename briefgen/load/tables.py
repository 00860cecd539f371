"""Read a CSV table with pandas and validate every cell, naming file, line and column.

Each loader declares its columns once; a cell that fails its parser raises a
``DataFileError`` pointing at the exact spot, so a user can open the file and fix it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pandas as pd

from briefgen.errors import DataFileError

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, how to parse a cell, and whether it may be empty."""

    name: str
    parse: Parser = str
    required: bool = True


def parse_int(text: str) -> int:
    """Return an integer cell."""
    if not text.lstrip("-").isdigit():
        raise ValueError(f"cần số nguyên, gặp '{text}'")
    return int(text)


def parse_decimal(text: str) -> Decimal:
    """Return a plain dot-decimal number cell (``56511.16``), refusing Vietnamese grouping."""
    if "," in text or text.count(".") > 1:
        raise ValueError(f"cần số dạng 1234.5 (dấu chấm thập phân, không phân nhóm), gặp '{text}'")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"cần số, gặp '{text}'") from None


def parse_iso_date(text: str) -> date:
    """Return an ISO date cell (``2025-10-17``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"cần ngày dạng YYYY-MM-DD, gặp '{text}'") from None


def parse_bool(text: str) -> bool:
    """Return a ``true``/``false`` cell."""
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise ValueError(f"cần true hoặc false, gặp '{text}'")
    return lowered == "true"


def one_of(*allowed: str) -> Parser:
    """Return a parser accepting only *allowed* values."""
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(f"giá trị '{text}' không hợp lệ; cho phép: {', '.join(allowed)}")
        return text
    return parse


def split_list(separator: str = ";") -> Parser:
    """Return a parser that splits a cell into a tuple of stripped, non-empty items."""
    def parse(text: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in text.split(separator) if item.strip())
    return parse


def record_lines(path: Path) -> list[int]:
    """Return the line number where each data record starts (quoted fields may span lines)."""
    starts = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        line_after_header = reader.line_num
        previous_end = line_after_header
        for _ in reader:
            starts.append(previous_end + 1)
            previous_end = reader.line_num
    return starts


def read_frame(path: Path) -> pd.DataFrame:
    """Return the raw table as strings, or raise DataFileError for unreadable files."""
    if not path.exists():
        raise DataFileError(path, "không tìm thấy tệp dữ liệu")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"không phải UTF-8 (byte {exc.start})",
                            hint="lưu lại tệp với mã hóa UTF-8") from None
    except pd.errors.EmptyDataError:
        raise DataFileError(path, "tệp rỗng, cần có dòng tiêu đề") from None
    except pd.errors.ParserError as exc:
        raise DataFileError(path, f"sai cấu trúc CSV: {exc}".strip(),
                            line=_line_from_parser_error(str(exc))) from None


def _line_from_parser_error(message: str) -> int | None:
    marker = " in line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",")[0].strip()
        return int(digits) if digits.isdigit() else None
    return None


def read_table(path: Path, columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Return the rows of *path* parsed per *columns*, each with its ``_line`` number."""
    frame = read_frame(path)
    missing = [c.name for c in columns if c.name not in frame.columns]
    if missing:
        raise DataFileError(path, f"thiếu cột: {', '.join(missing)}", line=1)
    lines = record_lines(path)
    return [_parse_row(path, lines[i], row, columns) for i, row in enumerate(frame.to_dict("records"))]


def _parse_row(path: Path, line: int, row: dict[str, str], columns: Sequence[Column]) -> dict[str, Any]:
    parsed: dict[str, Any] = {"_line": line}
    for column in columns:
        text = row[column.name].strip()
        if not text:
            if column.required:
                raise DataFileError(path, "ô bắt buộc đang trống", line=line, column=column.name)
            parsed[column.name] = None
            continue
        try:
            parsed[column.name] = column.parse(text)
        except ValueError as exc:
            raise DataFileError(path, str(exc), line=line, column=column.name) from None
    return parsed
