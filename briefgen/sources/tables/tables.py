"""Read a CSV table and validate every cell, naming file, line and column.

Each loader declares its columns once; a cell that fails its parser raises a
``DataFileError`` pointing at the exact spot, so a user can open the file and fix it.
The tables are read with the ``csv`` module alone (the pass that knows line numbers);
pandas, ~0.2 s to import, is only for looking at a table as a DataFrame (``read_frame``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from briefgen.bounds import MAX_DIGITS, number_problem, shown
from briefgen.errors import DataFileError, describe_os_error, one_line

Parser = Callable[[str], Any]
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# C0 controls except tab and line breaks, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF:
# XML 1.0 (and so python-docx) refuses most of them, and none belongs in a briefing.
_CSV_ERRORS = {   # the csv module's messages (strict mode), in Vietnamese
    "unexpected end of data": "dấu ngoặc kép mở ô này không được đóng trước khi hết tệp",
    "',' expected after '\"'": "sau dấu ngoặc kép đóng ô phải là dấu phẩy",
    f"field larger than field limit ({csv.field_size_limit()})":
        f"ô dài quá {csv.field_size_limit()} ký tự",
}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, how to parse a cell, and whether it may be empty."""

    name: str
    parse: Parser = str
    required: bool = True
    added: bool = False        # a column added later: a file written before it may lack it


def parse_int(text: str) -> int:
    """Return an integer cell of at most 15 digits."""
    if not text.lstrip("-").isdigit():
        raise ValueError(f"cần số nguyên, gặp '{shown(text)}'")
    if len(text.lstrip("-").lstrip("0")) > MAX_DIGITS:
        raise ValueError(f"số nguyên quá lớn (quá {MAX_DIGITS} chữ số), gặp '{shown(text)}'")
    return int(text)


def parse_decimal(text: str) -> Decimal:
    """Return a plain dot-decimal number cell (``56511.16``), refusing grouping, exponents and NaN.

    The number must also be a possible figure (``briefgen.bounds``): finite, at most 15
    significant digits, below 10^15 and, unless zero, at least a millionth.
    """
    if "," in text or text.count(".") > 1:
        raise ValueError(f"cần số dạng 1234.5 (dấu chấm thập phân, không phân nhóm), gặp '{shown(text)}'")
    if not _PLAIN_NUMBER.fullmatch(text):
        raise ValueError(f"cần số dạng 1234.5 (chỉ chữ số, dấu chấm thập phân, không dạng lũy thừa), "
                         f"gặp '{shown(text)}'")
    number = Decimal(text)
    problem = number_problem(number)
    if problem:
        raise ValueError(f"{problem}: '{shown(text)}'")
    return number


def parse_iso_date(text: str) -> date:
    """Return an ISO date cell (``2025-10-17``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"cần ngày dạng YYYY-MM-DD, gặp '{shown(text)}'") from None


def parse_bool(text: str) -> bool:
    """Return a ``true``/``false`` cell."""
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise ValueError(f"cần true hoặc false, gặp '{shown(text)}'")
    return lowered == "true"


def one_of(*allowed: str) -> Parser:
    """Return a parser accepting only *allowed* values."""
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(f"giá trị '{shown(text)}' không hợp lệ; cho phép: {', '.join(allowed)}")
        return text
    return parse


def split_list(separator: str = ";") -> Parser:
    """Return a parser that splits a cell into a tuple of stripped, non-empty items."""
    def parse(text: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in text.split(separator) if item.strip())
    return parse


def read_text(path: Path) -> str:
    """Return the UTF-8 text of *path*; raise ``DataFileError`` when it is missing or unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "không tìm thấy tệp dữ liệu") from None
    except OSError as exc:
        raise DataFileError(path, f"không đọc được tệp: {describe_os_error(exc)}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DataFileError(path, f"không phải UTF-8 (byte 0x{data[exc.start]:02x} ở vị trí {exc.start})",
                            line=line, hint="lưu lại tệp với mã hóa UTF-8") from None


def find_control_character(text: str) -> int | None:
    """Return the index of the first character XML (hence a .docx) cannot hold, or None."""
    match = _FORBIDDEN.search(text)
    return match.start() if match else None


def check_characters(path: Path, line: int, fields: Sequence[str], header: Sequence[str] | None = None) -> None:
    """Raise ``DataFileError`` at the first control character in *fields* (a record from *line*).

    Without *header*, *fields* is the header itself.
    """
    for index, field in enumerate(fields):
        position = find_control_character(field)
        if position is not None:
            named = header is not None and index < len(header)
            cell = "ô" if named else f"tiêu đề cột thứ {index + 1}" if header is None else f"ô thứ {index + 1}"
            at_line = line + sum(f.count("\n") for f in fields[:index]) + field[:position].count("\n")
            raise DataFileError(path, f"{cell} chứa ký tự điều khiển U+{ord(field[position]):04X} ở vị trí "
                                      f"{position + 1}; văn bản không được có ký tự này",
                                line=at_line, column=header[index] if named else None,
                                hint="xóa ký tự đó (thường do sao chép từ phần mềm khác)")


def read_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and every record with the line it starts on (quoted fields may span lines).

    Blank lines are skipped; a record whose cell count differs from the header's, a file
    that is not UTF-8 and an empty file raise ``DataFileError``.
    """
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        header = next(reader, None)
        if not header:
            raise DataFileError(path, "tệp rỗng, cần có dòng tiêu đề")
        check_characters(path, 1, header)
        records, start = [], reader.line_num + 1
        for fields in reader:
            if fields:
                check_characters(path, start, fields, header)
                if len(fields) != len(header):
                    raise DataFileError(path, f"sai cấu trúc CSV: dòng có {len(fields)} ô, tiêu đề có "
                                              f"{len(header)} cột", line=start)
                records.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(path, f"sai cấu trúc CSV: {_CSV_ERRORS.get(str(exc), str(exc))}", line=start,
                            hint="mở tệp bằng trình soạn thảo văn bản và sửa dấu ngoặc kép") from None
    return header, records


def read_frame(path: Path) -> tuple[Any, list[int]]:
    """Return the table as a pandas DataFrame of strings and the line each row starts on.

    For exploring a data file (a notebook, a one-off check); drafts use ``read_table``,
    which needs no pandas. The csv pass (``read_records``) checks the structure and knows
    the line numbers, which pandas does not report; pandas then reads the values.
    """
    import pandas as pd  # deferred: a cached dataset (load/cache.py) never needs it

    header, records = read_records(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                            skip_blank_lines=True)
    except (ValueError, pd.errors.ParserError) as exc:  # the csv pass should have caught it first
        raise DataFileError(path, f"sai cấu trúc CSV: {one_line(str(exc))}") from None
    if list(frame.columns) != header or len(frame) != len(records):
        raise DataFileError(path, "sai cấu trúc CSV: không đọc được bảng")
    return frame, [line for line, _ in records]


def _check_header(path: Path, header: list[str]) -> None:
    """Raise the error pandas gave for a header it renames (a blank or repeated column name)."""
    if len(set(header)) != len(header) or not all(header):
        raise DataFileError(path, "sai cấu trúc CSV: không đọc được bảng")


def read_table(path: Path, columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Return the rows of *path* parsed per *columns*, each with its ``_line`` number."""
    header, records = read_records(path)
    _check_header(path, header)
    missing = [c.name for c in columns if c.name not in header and not c.added]
    if missing:
        raise DataFileError(path, f"thiếu cột: {', '.join(missing)}", line=1)
    return [_parse_row(path, line, dict(zip(header, fields)), columns) for line, fields in records]


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
