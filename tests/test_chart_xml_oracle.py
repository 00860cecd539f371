"""The hand-written native chart XML and workbook equal what python-pptx built (its oracle, kept in tests)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import pptx_chart_oracle as oracle
from briefgen.docx_writer.chart_table import ChartColumn, ChartTable, build_table
from briefgen.docx_writer.chart_xml import chart_space, column_letters, set_external_data, workbook_blob
from briefgen.model import ChartSpec, Point, Series

CREATED = datetime(2025, 10, 17, 8)
# Names and labels as data files hold them, with XML specials, a formula-like and a URL-like
# label (XlsxWriter's write() turns those into a formula or a link: both writers must agree).
TEXT = st.text("aăđêơ Tổng 2025*()%<&>\"'=:/.\t", min_size=1, max_size=12)
LABEL = st.one_of(TEXT, st.sampled_from(["=1+2", "http://a.vn", "2024 (chưa có số liệu)"]))
VALUES = st.one_of(st.none(), st.decimals(min_value=-99_999, max_value=99_999, places=2, allow_nan=False),
                   st.integers(-5000, 5000).map(str))


@st.composite
def specs(draw) -> ChartSpec:
    """Return a chart spec of any kind, one to five series (colours cycle past four), gaps included."""
    kind = draw(st.sampled_from(["bar", "barh", "line"]))
    labels = draw(st.lists(LABEL, min_size=1, max_size=7, unique=True))
    count = draw(st.integers(1, 5))
    series = tuple(Series(draw(TEXT), tuple(Point(label, draw(VALUES), draw(st.sampled_from([None, "ước"])))
                                             for label in labels))
                   for _ in range(count))
    title = draw(st.one_of(TEXT, st.just("Chỉ số\x07 bell\x1b")))
    return ChartSpec("prop", kind, title, draw(TEXT), series, "c")


def _bytes(element) -> bytes:
    set_external_data(element, "rId7")
    return etree.tostring(element)


def _oracle_bytes(spec: ChartSpec, table: ChartTable) -> bytes:
    element = oracle.chart_space(spec.kind, spec.title, spec.unit, table)
    oracle.set_external_data(element, "rId7")
    return etree.tostring(element)


@settings(max_examples=60, deadline=None)
@given(specs())
def test_chart_xml_and_workbook_equal_python_pptx(spec):
    table = build_table(spec)
    assert _bytes(chart_space(spec.kind, spec.title, spec.unit, table)) == _oracle_bytes(spec, table)
    tags = (("chart_id", spec.id), ("title", spec.title))
    assert workbook_blob(table, tags, CREATED) == oracle.workbook_blob(table, tags, CREATED)


def test_many_series_reach_two_letter_columns_as_python_pptx_names_them():
    columns = tuple(ChartColumn(f"s{i}", (1.5, None), "#,##0.0", (None, None)) for i in range(30))
    table = ChartTable(("a", "b"), columns, "")
    assert _bytes(chart_space("bar", "t", "u", table)) == _oracle_bytes(ChartSpec("x", "bar", "t", "u", (), ""), table)
    assert [column_letters(n) for n in (1, 26, 27, 52, 53, 702, 703)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_a_draft_imports_neither_python_pptx_nor_xlsxwriter_before_a_chart_is_written():
    code = ("import sys; import briefgen.docx_writer.native_chart, briefgen.api; "
            "print(sorted(m for m in ('pptx', 'xlsxwriter') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
