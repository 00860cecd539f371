"""Read a CSV table with pandas and validate every cell, naming file, line and column.

Each loader declares its columns once; a cell that fails its parser raises a
``DataFileError`` pointing at the exact spot, so a user can open the file and fix it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from briefgen.errors import DataFileError

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, how to parse a cell, and whether it may be empty."""

    name: str
    parse: Parser = str
    required: bool = True
    added: bool = False        # a column added later: a file written before it may lack it


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


def read_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and every record with the line it starts on (quoted fields may span lines).

    Blank lines are skipped; a record whose cell count differs from the header's, a file
    that is not UTF-8 and an empty file raise ``DataFileError``.
    """
    if not path.exists():
        raise DataFileError(path, "không tìm thấy tệp dữ liệu")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"không phải UTF-8 (byte {exc.start})",
                            hint="lưu lại tệp với mã hóa UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header:
            raise DataFileError(path, "tệp rỗng, cần có dòng tiêu đề")
        records, start = [], reader.line_num + 1
        for fields in reader:
            if fields:
                if len(fields) != len(header):
                    raise DataFileError(path, f"sai cấu trúc CSV: dòng có {len(fields)} ô, tiêu đề có "
                                              f"{len(header)} cột", line=start)
                records.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(path, f"sai cấu trúc CSV: {exc}", line=reader.line_num) from None
    return header, records


def read_frame(path: Path) -> tuple[Any, list[int]]:
    """Return the table as a pandas DataFrame of strings and the line each row starts on.

    The csv pass (``read_records``) checks the structure and knows the line numbers,
    which pandas does not report; pandas then reads the values.
    """
    import pandas as pd  # deferred: a cached dataset (load/cache.py) never needs it

    header, records = read_records(path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                        skip_blank_lines=True)
    if list(frame.columns) != header or len(frame) != len(records):
        raise DataFileError(path, "sai cấu trúc CSV: không đọc được bảng")
    return frame, [line for line, _ in records]


def read_table(path: Path, columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Return the rows of *path* parsed per *columns*, each with its ``_line`` number."""
    frame, lines = read_frame(path)
    missing = [c.name for c in columns if c.name not in frame.columns and not c.added]
    if missing:
        raise DataFileError(path, f"thiếu cột: {', '.join(missing)}", line=1)
    return [_parse_row(path, line, row, columns) for line, row in zip(lines, frame.to_dict("records"))]


def _parse_row(path: Path, line: int, row: dict[str, str], columns: Sequence[Column]) -> dict[str, Any]:
    parsed: dict[str, Any] = {"_line": line}
    for column in columns:
        text = row.get(column.name, "").strip()
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
