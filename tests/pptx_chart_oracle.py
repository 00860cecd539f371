"""The oracle of briefgen.docx_writer.chart_xml: the chart XML and workbook as python-pptx built them.

This was briefgen's chart writer until its XML was written directly (python-pptx's import
cost more than the charts); tests/test_chart_xml_oracle.py checks both give the same bytes.

python-pptx writes the chart XML from the data (``ChartXmlWriter``) and its object API styles
it (titles, fonts, labels, axes) in schema order; the few settings it has no API for
(language, complex-script font, line gaps) are set here on its oxml elements.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt
from xlsxwriter import Workbook

from briefgen.docx_writer.chart_table import ChartColumn, ChartTable, number_format
from briefgen.docx_writer.chart_xml import LABEL_POSITIONS as LABEL_POSITIONS_XML
from briefgen.docx_writer.chart_xml import label_positions

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
COLOURS = ("1F4E79", "C55A11", "548235", "7F6000")   # the palette of the PNG charts
CHART_TYPES = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "barh": XL_CHART_TYPE.BAR_CLUSTERED,
               "line": XL_CHART_TYPE.LINE_MARKERS}
LABEL_POSITIONS = {"bar": XL_LABEL_POSITION.OUTSIDE_END, "barh": XL_LABEL_POSITION.OUTSIDE_END,
                   "line": XL_LABEL_POSITION.ABOVE}
TAG_SHEET = "briefgen"


def chart_data(table: ChartTable) -> CategoryChartData:
    """Return python-pptx chart data holding *table* (None values become gaps)."""
    data = CategoryChartData()
    data.categories = table.categories
    for column in table.columns:
        data.add_series(column.name, column.values, column.number_format)
    return data


class TaggedWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's workbook layout, plus a fixed creation date and a hidden sheet of tags."""

    def __init__(self, data: CategoryChartData, tags: tuple[tuple[str, ...], ...], created: datetime):
        super().__init__(data)
        self._tags, self._created = tags, created

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(xlsx_file, {"in_memory": True})
        workbook.set_properties({"created": self._created, "author": "briefgen"})
        worksheet = workbook.add_worksheet("Sheet1")   # python-pptx's references name Sheet1
        yield workbook, worksheet
        tags = workbook.add_worksheet(TAG_SHEET)
        for row, values in enumerate(self._tags):
            for column, value in enumerate(values):
                tags.write_string(row, column, value)
        tags.hide()
        workbook.close()


def workbook_blob(table: ChartTable, tags: tuple[tuple[str, ...], ...], created: datetime) -> bytes:
    """Return the xlsx bytes of *table* (same inputs, same bytes) with *tags* on a hidden sheet."""
    return TaggedWorkbookWriter(chart_data(table), tags, created).xlsx_blob


def _fonts(chart: Chart) -> None:
    """Set Times New Roman (Latin, East Asian, complex script) and Vietnamese for all text; square corners."""
    chart.font.name, chart.font.size = FONT, Pt(10)
    def_rpr = chart.font._rPr
    def_rpr.set("lang", LANGUAGE)
    latin = def_rpr.find(qn("a:latin"))
    latin.addnext(etree.Element(qn("a:cs"), typeface=FONT))   # latin, ea, cs: schema order
    latin.addnext(etree.Element(qn("a:ea"), typeface=FONT))
    # c:date1904, c:lang, c:roundedCorners: schema order; Word rounds the frame when it is absent
    chart._chartSpace.find(qn("c:date1904")).addnext(etree.Element(qn("c:roundedCorners"), val="0"))
    chart._chartSpace.find(qn("c:date1904")).addnext(etree.Element(qn("c:lang"), val=LANGUAGE))


def _title(chart: Chart, title: str) -> None:
    chart.has_title = True
    frame = chart.chart_title.text_frame
    frame.text = title
    font = frame.paragraphs[0].runs[0].font
    font.size, font.bold = Pt(11), True
    chart._chartSpace.chart.autoTitleDeleted.set("val", "0")


def _axes(chart: Chart, kind: str, unit: str, code: str) -> None:
    """Title the value axis with the unit, format its numbers, keep category labels outside."""
    value_axis, category_axis = chart.value_axis, chart.category_axis
    value_axis.has_title = True
    value_axis.axis_title.text_frame.text = unit
    value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    value_axis.tick_labels.number_format = code
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW   # negative bars keep labels clear
    if kind == "barh":   # first category on top, as read; the value axis stays at the bottom
        category_axis.reverse_order = True
        _value_axis_at_bottom(chart)


def _value_axis_at_bottom(chart: Chart) -> None:
    """Make the value axis cross the (reversed) category axis at its last category."""
    crosses = chart.value_axis._element.find(qn("c:crosses"))
    crosses.set("val", "max")


def axis_format(table: ChartTable) -> str:
    """Return the value axis' format: whole numbers once ticks are (past 5 they are), else decimals."""
    values = [abs(v) for column in table.columns for v in column.values if v is not None]
    if max(values, default=0) >= 5:
        return number_format(0)
    return max((c.number_format for c in table.columns), key=len)


def _series(chart: Chart, table: ChartTable, kind: str) -> None:
    """Colour each series and label its points with its own number format."""
    for index, (series, column) in enumerate(zip(chart.plots[0].series, table.columns)):
        colour = RGBColor.from_string(COLOURS[index % len(COLOURS)])
        if kind == "line":
            series.format.line.color.rgb = colour
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
        labels = series.data_labels
        labels.number_format, labels.number_format_is_linked = column.number_format, False
        labels.position, labels.show_value = LABEL_POSITIONS[kind], True
        labels.font.size = Pt(8)
        _point_labels(series, column, kind, label_positions(table, index, kind))


_PLACES = {"t": XL_LABEL_POSITION.ABOVE, "b": XL_LABEL_POSITION.BELOW, "r": XL_LABEL_POSITION.RIGHT,
           "outEnd": XL_LABEL_POSITION.OUTSIDE_END}


def _point_labels(series, column: ChartColumn, kind: str, places: tuple[str, ...]) -> None:
    """Give a point its own label where its precision or its place differs from the series'."""
    for index, (code, place) in enumerate(zip(column.point_formats, places)):
        own_format = code is not None and code != column.number_format
        if not own_format and place == LABEL_POSITIONS_XML[kind]:
            continue
        label = series.points[index].data_label
        label.position = _PLACES[place]
        label.font.size = Pt(8)
        d_lbl = label._get_or_add_dLbl()     # a point's label states its format: it inherits none
        num_fmt = etree.Element(qn("c:numFmt"), formatCode=code if own_format else column.number_format,
                                sourceLinked="0")
        d_lbl.find(qn("c:spPr")).addprevious(num_fmt)   # numFmt precedes spPr (CT_DLbl)


def _legend(chart: Chart, table: ChartTable) -> None:
    chart.has_legend = len(table.columns) > 1
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False


def _positive_axis_ids(element) -> None:
    """Renumber the axes 1, 2, …: python-pptx's bar templates carry negative ids, which the
    schema (xs:unsignedInt) and so Word refuse."""
    ids: dict[str, str] = {}
    for node in element.iter(qn("c:axId"), qn("c:crossAx")):
        node.set("val", ids.setdefault(node.get("val"), str(len(ids) + 1)))


def chart_space(kind: str, title: str, unit: str, table: ChartTable):
    """Return the styled ``c:chartSpace`` element of a chart of *kind* showing *table*."""
    element = parse_xml(ChartXmlWriter(CHART_TYPES[kind], chart_data(table)).xml.encode("utf-8"))
    _positive_axis_ids(element)
    chart = Chart(element, None)
    _fonts(chart)
    _title(chart, title)
    _axes(chart, kind, unit, axis_format(table))
    _series(chart, table, kind)
    _legend(chart, table)
    if kind != "line":
        chart.plots[0].gap_width = 60
    element.chart.find(qn("c:dispBlanksAs")).set("val", "gap")
    return element


def chart_space_from(xml: bytes):
    """Return the ``c:chartSpace`` element serialised as *xml* (python-pptx's element classes)."""
    return parse_xml(xml)


def set_external_data(element, r_id: str) -> None:
    """Point the chart at its embedded workbook (``c:externalData``, no auto-update)."""
    element.get_or_add_externalData().rId = r_id
