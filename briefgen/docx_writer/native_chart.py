"""Place a native Word chart: its chart part, embedded workbook and inline drawing.

A Word chart is three things: ``word/charts/chartN.xml`` (DrawingML chart, with cached values
so Word shows it before any recalculation), ``word/embeddings/Microsoft_Excel_SheetN.xlsx``
(the data "Edit Data" opens, related from the chart part and named by ``c:externalData``),
and a ``wp:inline`` in the run whose ``c:chart`` points at the chart part.

Identity for a later ``review``: ``wp:docPr`` is named ``briefgen-chart:<id>`` and its
description lists the figure ids; the workbook's hidden sheet ``briefgen`` holds the same
(chart id, kind, unit, one ``figure`` row per figure id) and one ``cell`` row per data cell:
``cell | Sheet1!B3 | series | category | figure id ("" none) | value ("" none) | value as printed``.
LibreOffice keeps the workbook byte for byte (it drops the ``docPr`` name).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.docx_writer.chart_table import ChartTable, TaggedCell, build_table
from briefgen.docx_writer.chart_xml import chart_space_from, chart_space_xml, set_external_data, workbook_blob
from briefgen.docx_writer.oxml import quoteattr
from briefgen.model import ChartSpec
from briefgen.numbers import fmt_number

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DOCPR_PREFIX = "briefgen-chart:"
BUILT_CHARTS = 64    # charts whose parts a process keeps: a batch or a server builds each regional chart once


def _cell_row(cell: TaggedCell) -> tuple[str, ...]:
    printed = "–" if cell.value is None else fmt_number(cell.value)
    return ("cell", cell.ref, cell.series, cell.category, cell.figure_id or "",
            "" if cell.value is None else str(cell.value), printed)


def chart_tags(spec: ChartSpec, table: ChartTable) -> tuple[tuple[str, ...], ...]:
    """Return the rows of the workbook's hidden tag sheet: the chart, its figures, its cells."""
    rows = [("chart_id", spec.id), ("kind", spec.kind), ("title", spec.title), ("unit", spec.unit)]
    rows += [("figure", figure_id) for figure_id in spec.figure_ids]
    return tuple(rows + [_cell_row(cell) for cell in table.cells])


def _inline_xml(shape_id: int, r_id: str, spec: ChartSpec, cx: int, cy: int) -> str:
    descr = f"{spec.title} ({spec.unit}). Số liệu: {', '.join(spec.figure_ids) or 'không'}"
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" {nsdecls("wp", "a", "c", "r")}>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name={quoteattr(DOCPR_PREFIX + spec.id)} '
        f'descr={quoteattr(descr)} title={quoteattr(spec.title)}/>'
        f'<wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{r_id}"/></a:graphicData></a:graphic>'
        f'</wp:inline>')


@lru_cache(maxsize=BUILT_CHARTS)
def chart_bytes(spec: ChartSpec, created: datetime) -> tuple[bytes, bytes, str]:
    """Return the chart XML (before its workbook is related), the workbook and the note of *spec*.

    Kept per process: the regional charts are the same in every host's draft, so a batch
    worker or ``briefgen serve`` builds them (XML text, XlsxWriter) once and reuses the bytes.
    """
    table = build_table(spec)
    xml = chart_space_xml(spec.kind, spec.title, spec.unit, table).encode("utf-8")
    return xml, workbook_blob(table, chart_tags(spec, table), created), table.note


def add_chart_parts(document_part, spec: ChartSpec, created: datetime) -> tuple[str, str]:
    """Add the chart part and its workbook to the package; return the chart's rId and its note."""
    package = document_part.package
    chart_xml, workbook, note = chart_bytes(spec, created)
    element = chart_space_from(chart_xml)
    chart_part = XmlPart(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, element, package)
    xlsx_part = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"), CT.SML_SHEET,
                     workbook, package)
    set_external_data(element, chart_part.relate_to(xlsx_part, RT.PACKAGE))
    return document_part.relate_to(chart_part, RT.CHART), note


def add_native_chart(run, spec: ChartSpec, size: tuple[int, int], created: datetime) -> str:
    """Draw *spec* as a native chart inline in *run* (*size* in EMU); return its note line ("" if none)."""
    document_part = run.part
    r_id, note = add_chart_parts(document_part, spec, created)
    run._r.add_drawing(parse_xml(_inline_xml(document_part.next_id, r_id, spec, *size)))
    return note
