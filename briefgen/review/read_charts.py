"""Read a draft's native charts back: each tagged cell, in the embedded workbook and in the chart's cache.

A chart is found from the document's relationships (``word/charts/chartN.xml``), its data from
the chart's own relationship to ``word/embeddings/….xlsx``. The workbook's hidden sheet
``briefgen`` names every data cell (``Sheet1!B3``), its series, category, figure id and the
value briefgen wrote. Word's "Edit Data" changes the workbook and the chart's cache
(``c:numCache``); LibreOffice keeps the workbook byte for byte and edits only the cache, whose
points are found by their order (series, then point index), as LibreOffice renames ``c:f``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lxml import etree

from briefgen.numbers import parse_number
from briefgen.review.read_xlsx import Workbook, load_workbook

CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REF = re.compile(r"^(?:(.+)!)?\$?([A-Z]{1,3})\$?(\d{1,7})$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
TAG_SHEET = "briefgen"
MAX_COLUMN, MAX_ROW = 16_384, 1_048_576     # a worksheet's last column (XFD) and row
MAX_TAG_ROWS = 10_000         # a chart of the draft has a few dozen cells; more is no briefgen sheet

Value = Decimal | str | None     # a number, text that is no number, or an empty cell


@dataclass(frozen=True)
class ChartCell:
    """One tagged data cell of a native chart: what briefgen wrote and what the chart holds now."""

    number: int                 # "Hình N": the chart's place among the draft's charts
    title: str
    unit: str
    ref: str                    # "Sheet1!B3"
    series: str
    category: str
    figure_id: str | None       # figure or placeholder id; None for a gap of no one's
    original: Decimal | None    # as briefgen wrote it
    workbook: Value             # in the embedded workbook now
    cached: Value               # in the chart's cached values now (what Word and LibreOffice show)

    @property
    def chart(self) -> str:
        """Return how the report names the chart: "Hình 5 (Tăng trưởng …)"."""
        return f"Hình {self.number} ({self.title})"

    @property
    def shown(self) -> Value:
        """Return the value the chart shows now: its cache when edited, else the workbook's."""
        return self.cached if self.cached != self.original else self.workbook


@dataclass(frozen=True)
class ChartReading:
    """The tagged cells of every native chart, and the charts that could not be read (with why)."""

    cells: tuple[ChartCell, ...] = ()
    unreadable: tuple[str, ...] = ()


def _number(raw: object) -> Value:
    """Return a cell's content as a finite Decimal, None when empty, else as text."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        text = str(raw)
    else:
        text = str(raw).strip()
    for read in (Decimal, parse_number):
        try:
            value = read(text)
        except (InvalidOperation, ValueError):
            continue
        if value.is_finite():
            return _plain(value)
    return text


def _plain(value: Decimal) -> Decimal:
    """Return *value* without trailing zeros ("2100.0" -> 2100, as staff typed 2100)."""
    try:
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    except InvalidOperation:   # more digits than a Decimal context holds: keep it as read
        return value


def _cache(chart_xml: bytes) -> dict[int, dict[int, Value]]:
    """Return the cached values by series order, then point index."""
    root = etree.fromstring(chart_xml, _PARSER)
    series = {}
    for order, ser in enumerate(root.iter(f"{_C}ser")):
        cache = ser.find(f"{_C}val/{_C}numRef/{_C}numCache")
        if cache is None:
            continue
        series[order] = {int(pt.get("idx")): _number(pt.findtext(f"{_C}v"))
                         for pt in cache.iter(f"{_C}pt") if (pt.get("idx") or "").isdigit()}
    return series


def _position(ref: str) -> tuple[str | None, str, int, int] | None:
    """Return (sheet, cell, series order, point index) of a tag's "Sheet1!B3", None if no cell."""
    match = _REF.match(ref)
    if match is None:
        return None
    column, row = 0, int(match.group(3))
    for letter in match.group(2):
        column = column * 26 + ord(letter) - ord("A") + 1
    if not (2 <= column <= MAX_COLUMN and 2 <= row <= MAX_ROW):    # data starts at B2; beyond: no cell
        return None
    return match.group(1), f"{match.group(2)}{row}", column - 2, row - 2


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _chart_cells(number: int, book: Workbook, cache: dict[int, dict[int, Value]]) -> list[ChartCell]:
    """Return the chart's tagged cells, read from the hidden sheet of *book*."""
    rows = [tuple(_text(v) for v in row) for row in book.rows(TAG_SHEET, MAX_TAG_ROWS, 7)]
    info = {row[0]: row[1] for row in rows if len(row) > 1 and row[0] in ("chart_id", "title", "unit")}
    cells = []
    for row in rows:
        place = _position(row[1]) if len(row) == 7 and row[0] == "cell" else None
        if place is None:
            continue
        sheet, cell, order, index = place
        data = book.sheets[sheet] if sheet in book.sheets else next(iter(book.sheets.values()))
        workbook = _number(data.get(cell))
        cached = cache[order].get(index) if order in cache else workbook
        original = _number(row[5])
        cells.append(ChartCell(number, info.get("title") or info.get("chart_id", ""), info.get("unit", ""),
                               row[1], row[2], row[3], row[4] or None,
                               original if isinstance(original, Decimal) else None, workbook, cached))
    return cells


def _workbook_of(chart_part) -> Workbook | None:
    """Return the chart's embedded workbook, None when the chart has none."""
    part = next((rel.target_part for rel in chart_part.rels.values()
                 if rel.reltype == PACKAGE_REL and not rel.is_external), None)
    return None if part is None else load_workbook(part.blob)


def _chart_parts(document) -> list:
    """Return the chart parts in the order the document shows them."""
    rels = document.part.rels
    found = []
    for chart in document.element.body.iter(f"{_C}chart"):
        rel = rels.get(chart.get(_R_ID, ""))
        if rel is not None and rel.reltype == CHART_REL and not rel.is_external:
            found.append(rel.target_part)
    return found


def read_charts(document) -> ChartReading:
    """Return the tagged cells of every native chart of a python-docx *document*."""
    cells: list[ChartCell] = []
    unreadable: list[str] = []
    for number, part in enumerate(_chart_parts(document), start=1):
        try:
            book = _workbook_of(part)
            if book is None or TAG_SHEET not in book.sheetnames:
                unreadable.append(f"Hình {number}: không còn bảng dữ liệu do briefgen ghi (trang {TAG_SHEET})")
                continue
            cells.extend(_chart_cells(number, book, _cache(part.blob)))
        except Exception as exc:   # a damaged chart or workbook: report it, read the rest
            unreadable.append(f"Hình {number}: biểu đồ hoặc bảng dữ liệu bị hỏng ({type(exc).__name__})")
    return ChartReading(tuple(cells), tuple(unreadable))
