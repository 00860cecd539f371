"""Read the cell values of a small workbook (a native chart's embedded data) with zipfile and lxml.

What ``openpyxl.load_workbook(data_only=True)`` gives for the cells ``review`` reads, without
importing openpyxl (its import cost more than the rest of a review): shared, inline and
formula strings as text, numbers as int or float, booleans, errors as their text ("#REF!"),
and numbers in a date format as the date's text, so they read as no number.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta

from lxml import etree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_REF_RE = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
# Built-in number formats that are dates or times (ECMA-376 18.8.30), and what makes a custom one so
_DATE_FORMAT_IDS = frozenset(range(14, 23)) | frozenset(range(45, 48))
_NOT_DATE_RE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')   # quoted text, locale and colour codes
_DATE_CODE_RE = re.compile(r"(?<![_\\])[dmhysDMHYS]")

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Workbook:
    """The sheets of a workbook in order, each a map of cell reference ("B3") to value."""

    sheets: dict[str, dict[str, Value]]

    @property
    def sheetnames(self) -> list[str]:
        """Return the names of the sheets, in the workbook's order."""
        return list(self.sheets)

    def rows(self, sheet: str, max_row: int, max_col: int) -> list[tuple[Value, ...]]:
        """Return rows 1… of *sheet* (at most *max_row*), each *max_col* values wide."""
        cells = self.sheets[sheet]
        last = min(max((_row_of(ref) for ref in cells), default=0), max_row)
        return [tuple(cells.get(f"{column_letters(c)}{r}") for c in range(1, max_col + 1))
                for r in range(1, last + 1)]


def column_letters(number: int) -> str:
    """Return the column of 1-based *number*: 1 → "A", 28 → "AB"."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _row_of(ref: str) -> int:
    return int(_REF_RE.match(ref).group(2))


def _xml(package: zipfile.ZipFile, name: str):
    return etree.fromstring(package.read(name), _PARSER)


def _targets(package: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Return the relationships of *part*: id → (type, target part name)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in package.namelist():
        return {}
    found = {}
    for rel in _xml(package, rels_name).iter(f"{_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return found


def _text(element) -> str:
    """Return the plain text of a string item (``t`` runs, phonetic guides left out)."""
    return "".join(t.text or "" for t in element.iter(f"{_MAIN}t")
                   if t.getparent().tag != f"{_MAIN}rPh")


def _shared_strings(package: zipfile.ZipFile, name: str | None) -> list[str]:
    if name is None:
        return []
    return [_text(item) for item in _xml(package, name).iterfind(f"{_MAIN}si")]


def _date_styles(package: zipfile.ZipFile, name: str | None) -> frozenset[int]:
    """Return the style indexes whose number format shows a date or a time."""
    if name is None:
        return frozenset()
    root = _xml(package, name)
    custom = {int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")}
    xfs = root.find(f"{_MAIN}cellXfs")
    dated = set()
    for index, xf in enumerate(xfs.iterfind(f"{_MAIN}xf") if xfs is not None else ()):
        number = int(xf.get("numFmtId", "0"))
        code = _NOT_DATE_RE.sub("", custom.get(number, "").split(";")[0])
        if number in _DATE_FORMAT_IDS or (number in custom and _DATE_CODE_RE.search(code)):
            dated.add(index)
    return frozenset(dated)


def _number(text: str) -> int | float:
    """Return a cell's number as openpyxl does: float when it has a point or an exponent."""
    return float(text) if any(c in text for c in ".eE") else int(text)


def _date_text(serial: float, date1904: bool) -> str:
    """Return the date (or time) a serial number in a date format stands for, as text."""
    if date1904:
        base = datetime(1904, 1, 1)
    else:
        base = datetime(1899, 12, 31) if serial < 60 else datetime(1899, 12, 30)   # Excel's 1900 leap day
    try:
        return str(base + timedelta(days=serial))
    except (OverflowError, ValueError):
        return "#VALUE!"


@dataclass(frozen=True)
class _Context:
    strings: list[str]
    dated: frozenset[int]
    date1904: bool


def _value(cell, context: _Context) -> Value:
    """Return the value a cell shows (data only: a formula's cached result)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{_MAIN}is")
        return None if inline is None else _text(inline)
    raw = cell.findtext(f"{_MAIN}v") or None
    if raw is None:
        return None
    if kind == "s":
        return context.strings[int(raw)]
    if kind == "b":
        return bool(int(raw))
    if kind in ("str", "e", "d"):
        return raw
    number = _number(raw)
    if int(cell.get("s") or 0) in context.dated:
        return _date_text(number, context.date1904)
    return number


def _sheet_cells(root, context: _Context) -> dict[str, Value]:
    """Return the cells of a worksheet by reference; cells without one follow the one before."""
    cells: dict[str, Value] = {}
    row_number = 0
    for row in root.iter(f"{_MAIN}row"):
        row_number = int(row.get("r") or row_number + 1)
        column = 0
        for cell in row.iterfind(f"{_MAIN}c"):
            match = _REF_RE.match(cell.get("r") or "")
            if match:
                column = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(match.group(1))))
            else:
                column += 1
            value = _value(cell, context)
            if value is not None:
                cells[f"{column_letters(column)}{row_number}"] = value
    return cells


def load_workbook(blob: bytes) -> Workbook:
    """Return the sheets and cell values of the xlsx *blob* (zipfile.BadZipFile, KeyError… if damaged)."""
    package = zipfile.ZipFile(io.BytesIO(blob))
    office = [p for t, p in _targets(package, "_rels/.rels").values() if t == _OFFICE_DOCUMENT]
    book_name = office[0] if office else "xl/workbook.xml"
    rels = _targets(package, book_name)
    by_type = {t: p for t, p in rels.values()}
    book = _xml(package, book_name)
    properties = book.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in ("1", "true")
    context = _Context(_shared_strings(package, by_type.get(_SHARED_STRINGS)),
                       _date_styles(package, by_type.get(_STYLES)), date1904)
    sheets = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        sheets[sheet.get("name", "")] = _sheet_cells(_xml(package, rels[sheet.get(_R_ID)][1]), context)
    return Workbook(sheets)
