"""Build a native chart's DrawingML (``c:chartSpace``) and its embedded workbook.

The XML is written directly for the three kinds briefgen draws (columns, horizontal bars,
lines), element for element what python-pptx's chart writer and object API produced before
(``tests/test_chart_xml_oracle.py`` holds the two side by side), without importing
python-pptx: its import cost more than the rest of a draft's charts. Titles are one
paragraph; the settings python-pptx had no API for (language, complex-script font, square
corners, line gaps) are part of the text. The workbook keeps python-pptx's layout, written
with XlsxWriter (imported only when a workbook is written).
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from lxml import etree

from briefgen.docx_writer.chart_table import ChartColumn, ChartTable, number_format

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
COLOURS = ("1F4E79", "C55A11", "548235", "7F6000")   # the palette of the PNG charts
LABEL_POSITIONS = {"bar": "outEnd", "barh": "outEnd", "line": "t"}
ABOVE, BELOW, RIGHT = "t", "b", "r"                  # c:dLblPos values
# where a point's label sits, from below to above its value, in label heights: tried in this order
_LABEL_BOXES = {ABOVE: (0.25, 1.25), BELOW: (-1.25, -0.25), RIGHT: (-0.5, 0.5)}
TAG_SHEET = "briefgen"
TITLE_RUN, UNIT_RUN = 'sz="1100" b="1"', 'b="0"'   # the chart title's run properties, the axis title's
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT = (f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         f'xmlns:r="{R_NS}">')
_CONTROL_RE = re.compile(r"[\x00-\x08\x0B-\x1F]")
_TEXT_PROPERTIES = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr></a:p></c:txPr>'
_LABEL_FLAGS = ('<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
                '<c:showPercent val="0"/><c:showBubbleSize val="0"/>')
_CHART_FONT = (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" lang="{LANGUAGE}">'
               f'<a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr>'
               f'</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>')


def _escape(text: str) -> str:
    """Return *text* escaped for XML content and attribute values."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _run_text(text: str) -> str:
    """Return a title's text escaped, control characters written "_x0007_" as Office does."""
    return _escape(_CONTROL_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def _title(text: str, run_properties: str) -> str:
    return (f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr {run_properties}/>'
            f'<a:t>{_run_text(text)}</a:t></a:r></a:p></c:rich></c:tx><c:layout/><c:overlay val="0"/></c:title>')


def column_letters(number: int) -> str:
    """Return the worksheet column of 1-based *number*: 1 → "A", 28 → "AB"."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _points(values) -> str:
    return "".join(f'<c:pt idx="{i}"><c:v>{_escape(str(v))}</c:v></c:pt>' for i, v in enumerate(values)
                   if v is not None)


def _fill(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'


def _labels(column: ChartColumn, kind: str, positions: tuple[str, ...]) -> str:
    """Return the series' ``c:dLbls``: a label per point whose precision or place differs, then the series'.

    A point's own label states its number format: it inherits none from the series'.
    """
    default = LABEL_POSITIONS[kind]
    points = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:numFmt formatCode="{_escape(code or column.number_format)}" '
        f'sourceLinked="0"/><c:spPr/>{_TEXT_PROPERTIES}<c:dLblPos val="{place}"/>{_LABEL_FLAGS}</c:dLbl>'
        for i, (code, place) in enumerate(zip(column.point_formats, positions))
        if (code is not None and code != column.number_format) or place != default)
    return (f'<c:dLbls>{points}<c:numFmt formatCode="{_escape(column.number_format)}" sourceLinked="0"/>'
            f'{_TEXT_PROPERTIES}<c:dLblPos val="{default}"/>{_LABEL_FLAGS}<c:showLeaderLines val="1"/></c:dLbls>')


def label_positions(table: ChartTable, index: int, kind: str) -> tuple[str, ...]:
    """Return where each point of series *index* puts its label: on a line chart, the labels of
    one year are placed from the highest value down, each above its point, else below, else to
    the right, wherever it meets no label placed before and no other series' point."""
    default = LABEL_POSITIONS[kind]
    if kind != "line" or len(table.columns) < 2:
        return (default,) * len(table.categories)
    return tuple(_year_labels([c.values[point] for c in table.columns], _label_height(table)).get(index, default)
                 for point in range(len(table.categories)))


def _label_height(table: ChartTable) -> float:
    """Return a label's height in axis units: about an eighth of the axis on these charts."""
    known = [v for c in table.columns for v in c.values if v is not None]
    return (max(known, default=1.0) - min([0.0, *known])) / 8 or 1.0


def _year_labels(values: list[float | None], height: float) -> dict[int, str]:
    """Return the label position of each series at one year (see ``label_positions``)."""
    points = [i for i, v in enumerate(values) if v is not None]
    markers = {i: (values[i] - height / 6, values[i] + height / 6) for i in points}
    placed, taken = {}, []
    for index in sorted(points, key=lambda i: -values[i]):
        others = taken + [box for i, box in markers.items() if i != index]
        boxes = {position: (values[index] + low * height, values[index] + high * height)
                 for position, (low, high) in _LABEL_BOXES.items()}
        placed[index] = next((p for p, (low, high) in boxes.items()
                              if not any(a < high and low < b for a, b in others)), ABOVE)
        taken.append(boxes[placed[index]])
    return placed


def _series(index: int, column: ChartColumn, table: ChartTable, kind: str) -> str:
    """Return one ``c:ser``: name, colour, labels, categories and values (gaps left out)."""
    letter, last_row = column_letters(index + 2), len(table.categories) + 1
    colour = COLOURS[index % len(COLOURS)]
    if kind == "line":
        look = (f'<c:spPr><a:ln>{_fill(colour)}</a:ln></c:spPr>'
                f'<c:marker><c:spPr>{_fill(colour)}</c:spPr></c:marker>')
    else:
        look = f'<c:spPr>{_fill(colour)}</c:spPr>'
    count = len(table.categories)
    return (f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
            f'<c:tx><c:strRef><c:f>Sheet1!${letter}$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{_escape(column.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'{look}{_labels(column, kind, label_positions(table, index, kind))}'
            f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last_row}</c:f><c:strCache><c:ptCount val="{count}"/>'
            f'{_points(table.categories)}</c:strCache></c:strRef></c:cat>'
            f'<c:val><c:numRef><c:f>Sheet1!${letter}$2:${letter}${last_row}</c:f><c:numCache>'
            f'<c:formatCode>{_escape(column.number_format)}</c:formatCode><c:ptCount val="{count}"/>'
            f'{_points(column.values)}</c:numCache></c:numRef></c:val>'
            + ('<c:smooth val="0"/>' if kind == "line" else "") + '</c:ser>')


def _plot(kind: str, table: ChartTable) -> str:
    """Return the ``c:barChart`` or ``c:lineChart`` holding every series."""
    series = "".join(_series(i, column, table, kind) for i, column in enumerate(table.columns))
    axes = '<c:axId val="1"/><c:axId val="2"/>'
    if kind == "line":
        return (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}'
                f'<c:marker val="1"/><c:smooth val="0"/>{axes}</c:lineChart>')
    direction = "bar" if kind == "barh" else "col"
    return (f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/>{series}'
            f'<c:gapWidth val="60"/>{axes}</c:barChart>')


def axis_format(table: ChartTable) -> str:
    """Return the value axis' format: whole numbers once ticks are (past 5 they are), else decimals."""
    values = [abs(v) for column in table.columns for v in column.values if v is not None]
    if max(values, default=0) >= 5:
        return number_format(0)
    return max((c.number_format for c in table.columns), key=len)


def _axes(kind: str, unit: str, table: ChartTable) -> str:
    """Return the category axis (labels kept low, first bar on top for barh) and the value axis.

    The value axis is titled with the unit and crosses a horizontal bar chart's reversed
    category axis at its last category, so it stays at the bottom.
    """
    across = kind == "barh"
    category = (f'<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="{"maxMin" if across else "minMax"}"/>'
                f'</c:scaling><c:delete val="0"/><c:axPos val="{"l" if across else "b"}"/>'
                '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
                '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
                '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')
    value = (f'<c:valAx><c:axId val="2"/><c:scaling/><c:delete val="0"/><c:axPos val="{"b" if across else "l"}"/>'
             f'<c:majorGridlines/>{_title(unit, UNIT_RUN)}'
             f'<c:numFmt formatCode="{_escape(axis_format(table))}" sourceLinked="0"/>'
             '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
             f'<c:crossAx val="1"/><c:crosses val="{"max" if across else "autoZero"}"/></c:valAx>')
    return category + value


def _legend_and_blanks(kind: str, table: ChartTable) -> str:
    """Return the legend (below the plot, only for several series) and how gaps are drawn."""
    several = len(table.columns) > 1
    if kind == "line":
        legend = '<c:legend><c:legendPos val="b"/><c:layout/><c:overlay val="0"/></c:legend>' if several else ""
        return f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/><c:showDLblsOverMax val="0"/>'
    legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' if several else ""
    return f'{legend}<c:dispBlanksAs val="gap"/>'


def chart_space_xml(kind: str, title: str, unit: str, table: ChartTable) -> str:
    """Return the ``c:chartSpace`` of a chart of *kind* showing *table*, as XML text."""
    return (f'{_ROOT}<c:date1904 val="0"/><c:lang val="{LANGUAGE}"/><c:roundedCorners val="0"/><c:chart>'
            f'{_title(title, TITLE_RUN)}'
            f'<c:autoTitleDeleted val="0"/><c:plotArea>{_plot(kind, table)}{_axes(kind, unit, table)}</c:plotArea>'
            f'{_legend_and_blanks(kind, table)}</c:chart>{_CHART_FONT}</c:chartSpace>')


def chart_space(kind: str, title: str, unit: str, table: ChartTable):
    """Return the styled ``c:chartSpace`` element of a chart of *kind* showing *table*."""
    return chart_space_from(chart_space_xml(kind, title, unit, table).encode("utf-8"))


def chart_space_from(xml: bytes):
    """Return the ``c:chartSpace`` element serialised as *xml*."""
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


def set_external_data(element, r_id: str) -> None:
    """Point the chart at its embedded workbook (``c:externalData``, no auto-update)."""
    external = etree.SubElement(element, f"{{{C_NS}}}externalData", {f"{{{R_NS}}}id": r_id})
    etree.SubElement(external, f"{{{C_NS}}}autoUpdate", val="0")


def load_workbook_writer() -> None:
    """Import XlsxWriter now: a batch does it once, before forking its workers."""
    import xlsxwriter  # noqa: F401, PLC0415


def workbook_blob(table: ChartTable, tags: tuple[tuple[str, ...], ...], created: datetime) -> bytes:
    """Return the xlsx bytes of *table* (same inputs, same bytes) with *tags* on a hidden sheet.

    Sheet1 holds the categories in column A from row 2 and one series per column from B,
    its name in row 1 (python-pptx's layout, which the chart's references name).
    """
    from xlsxwriter import Workbook  # noqa: PLC0415 (only when a chart's workbook is written)

    stream = io.BytesIO()
    workbook = Workbook(stream, {"in_memory": True})
    workbook.set_properties({"created": created, "author": "briefgen"})
    sheet = workbook.add_worksheet("Sheet1")
    general = workbook.add_format({"num_format": "General"})
    sheet.set_column(0, 0, 10)
    for row, category in enumerate(table.categories, start=1):
        sheet.write(row, 0, category, general)
    for column_index, column in enumerate(table.columns, start=1):
        values_format = workbook.add_format({"num_format": column.number_format})
        sheet.write(0, column_index, column.name)
        sheet.write_column(1, column_index, column.values, values_format)
    tag_sheet = workbook.add_worksheet(TAG_SHEET)
    for row, values in enumerate(tags):
        for column_index, value in enumerate(values):
            tag_sheet.write_string(row, column_index, value)
    tag_sheet.hide()
    workbook.close()
    return stream.getvalue()
