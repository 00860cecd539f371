"""Native Word charts: parts, relationships, content types, cached values and embedded data."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.cli import main
from briefgen.docx_writer.chart_table import MISSING, STAR_NOTE, build_table, number_format
from briefgen.docx_writer.chart_xml import chart_space, workbook_blob
from briefgen.model import ChartSpec, Point, Series

PROJECT = Path(__file__).resolve().parent.parent
VALIDATOR = PROJECT.parent / "shared" / "ooxml" / "validate.py"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


def _spec(kind: str, *series: Series, title: str = "Biểu đồ thử") -> ChartSpec:
    return ChartSpec("test", kind, title, "nghìn tỷ đồng", series, "chú thích", figure_ids=("f1", "f2"))


def _series(name: str, *points: tuple) -> Series:
    return Series(name, tuple(Point(label, None if v is None else Decimal(v), note) for label, v, note in points))


# --- the table a chart holds ---

@pytest.mark.parametrize(("spec", "categories", "note"), [
    (_spec("bar", _series("s", ("2016", "1247", None), ("2023", "221.5", "ước"), ("2024", None, MISSING))),
     ("2016", "2023*", "2024"), f"{STAR_NOTE} Chưa có số liệu: 2024."),
    (_spec("line", _series("a", ("2015", "1", None), ("2018", "2", None)), _series("b", ("2016", "3", None))),
     ("2015", "2016", "2017", "2018"), ""),
    (_spec("barh", _series("s", ("Hà Nội", "8.5", "đăng cai, ước"), ("Bắc Ninh", "-1.2", None))),
     ("Hà Nội (đăng cai, ước)", "Bắc Ninh"), ""),
    (_spec("bar", _series("Đã thành lập", ("2019", None, MISSING), ("2022", "588", None)),
           _series("Đang hoạt động", ("2019", "402", None), ("2022", None, MISSING))),
     ("2019", "2022"), "Chưa có số liệu: Đã thành lập (2019), Đang hoạt động (2022)."),
])
def test_table_folds_notes_into_categories_and_a_note_line(spec, categories, note):
    table = build_table(spec)
    assert table.categories == categories
    assert table.note == note


def test_line_over_years_leaves_missing_years_empty():
    table = build_table(_spec("line", _series("a", ("2015", "1.5", None), ("2018", "2", None))))
    assert table.columns[0].values == (1.5, None, None, 2.0)


def test_formats_keep_each_values_precision_in_vietnamese():
    column = build_table(_spec("bar", _series("s", ("a", "1954", None), ("b", "1436.6", None)))).columns[0]
    assert column.number_format == "[$-42A]#,##0.0"
    assert column.point_formats == ("[$-42A]#,##0", "[$-42A]#,##0.0")
    assert number_format(2) == "[$-42A]#,##0.00"


# --- any spec gives schema-valid chart XML and a workbook holding its values ---

values = st.one_of(st.none(), st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False))
notes = st.sampled_from([None, "ước", "cần kiểm tra"])


@st.composite
def specs(draw):
    kind = draw(st.sampled_from(["bar", "barh", "line"]))
    labels = draw(st.lists(st.sampled_from([str(y) for y in range(2015, 2026)]), min_size=1, max_size=6,
                           unique=True)) if kind == "line" else draw(st.lists(
        st.text("abcđêơ <&>\"", min_size=1, max_size=8), min_size=1, max_size=6, unique=True))
    count = 1 if kind == "barh" else draw(st.integers(1, 3))
    series = tuple(Series(f"dãy {i} <&>", tuple(Point(label, draw(values), draw(notes)) for label in labels))
                   for i in range(count))
    return ChartSpec("prop", kind, draw(st.text("Tổng mức bán lẻ <&>", min_size=1, max_size=30)), "%",
                     series, "c")


def _chart_schema():
    if not VALIDATOR.exists():
        pytest.skip("../shared/ooxml is absent")
    return etree.XMLSchema(etree.parse(str(VALIDATOR.parent / "xsd" / "dml-chart.xsd")))


@settings(max_examples=12, deadline=None)
@given(specs())
def test_any_spec_gives_valid_xml_and_a_workbook_with_its_values(spec):
    schema = _chart_schema()
    table = build_table(spec)
    element = chart_space(spec.kind, spec.title, spec.unit, table)
    assert schema.validate(etree.fromstring(etree.tostring(element))), schema.error_log
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_blob(table, (("chart_id", "prop"),), _created())))["Sheet1"]
    for col, column in enumerate(table.columns, start=2):
        assert sheet.cell(1, col).value == column.name
        read = tuple(sheet.cell(row, col).value for row in range(2, len(table.categories) + 2))
        assert read == column.values
    assert tuple(sheet.cell(row, 1).value for row in range(2, len(table.categories) + 2)) == table.categories


def _created():
    from datetime import datetime
    return datetime(2025, 10, 17, 8)


# --- the 2025 draft read back from its file ---

def _xml(package: zipfile.ZipFile, name: str):
    return etree.fromstring(package.read(name))


def _rels(package: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    folder, name = part.rsplit("/", 1)
    root = _xml(package, f"{folder}/_rels/{name}.rels")
    return {r.get("Id"): (r.get("Type"), r.get("Target")) for r in root.iterfind("pr:Relationship", NS)}


@pytest.fixture(scope="module")
def package(draft_2025):
    with zipfile.ZipFile(draft_2025.result.docx_path) as opened:
        yield opened


def _charts(package) -> dict[str, str]:
    """Return chart part name by the rId the document relates it with."""
    return {r_id: "word/" + target for r_id, (kind, target) in _rels(package, "word/document.xml").items()
            if kind == CHART_REL}


def test_every_chart_is_a_native_chart_part_with_its_content_type(package, draft_2025):
    charts = _charts(package)
    assert len(charts) == len(draft_2025.manifest["charts"]) == 5
    assert sorted(charts.values()) == [f"word/charts/chart{n}.xml" for n in range(1, 6)]
    types = _xml(package, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iterfind("ct:Override", NS)}
    assert all(overrides["/" + name] == CHART_TYPE for name in charts.values())
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iterfind("ct:Default", NS)}
    assert defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert not [n for n in package.namelist() if n.startswith("word/media/") and n.endswith(".png")]


def test_inline_drawings_point_at_the_charts_and_name_them(package, draft_2025):
    document = _xml(package, "word/document.xml")
    inlines = document.findall(".//wp:inline", NS)
    r_ids = [i.find("a:graphic/a:graphicData/c:chart", NS).get(f"{{{NS['r']}}}id") for i in inlines]
    assert sorted(r_ids) == sorted(_charts(package))
    names = [i.find("wp:docPr", NS).get("name") for i in inlines]
    assert names[:2] == ["briefgen-chart:retail_history", "briefgen-chart:export_history"]
    assert all(i.find("a:graphic/a:graphicData", NS).get("uri") == NS["c"] for i in inlines)
    assert [s.type for s in draft_2025.document.inline_shapes] == [WD_INLINE_SHAPE.CHART] * 5


def _workbook(package, chart: str):
    r_id, (kind, target) = next(iter(_rels(package, chart).items()))
    assert kind == PACKAGE_REL and target.startswith("../embeddings/Microsoft_Excel_Sheet")
    external = _xml(package, chart).find("c:externalData", NS)
    assert external.get(f"{{{NS['r']}}}id") == r_id
    assert external.find("c:autoUpdate", NS).get("val") == "0"
    return openpyxl.load_workbook(io.BytesIO(package.read("word/" + target.removeprefix("../"))))


def _cache(points) -> dict[int, str]:
    return {int(p.get("idx")): p.findtext("c:v", namespaces=NS) for p in points}


def test_cached_values_and_embedded_workbook_hold_the_same_data(package):
    for chart in _charts(package).values():
        root = _xml(package, chart)
        assert [root.find(f"c:{tag}", NS).get("val") for tag in ("lang", "roundedCorners")] == ["vi-VN", "0"]
        assert root.find("c:txPr//a:cs", NS).get("typeface") == "Times New Roman"
        sheet = _workbook(package, chart)["Sheet1"]
        for col, ser in enumerate(_xml(package, chart).iterfind(".//c:ser", NS), start=2):
            assert ser.findtext("c:tx//c:v", namespaces=NS) == sheet.cell(1, col).value
            categories = _cache(ser.iterfind("c:cat//c:pt", NS))
            cached = _cache(ser.iterfind("c:val//c:pt", NS))
            assert ser.find("c:val//c:ptCount", NS).get("val") == str(len(categories))
            for idx, label in categories.items():
                assert sheet.cell(idx + 2, 1).value == label
                value = sheet.cell(idx + 2, col).value
                assert (None if value is None else float(cached[idx])) == value, (chart, idx)


def test_workbooks_carry_the_charts_identity_and_figures(package, draft_2025):
    values = {f["id"]: Decimal(f["value"]) for f in draft_2025.manifest["figures"]}
    for chart in _charts(package).values():
        book = _workbook(package, chart)
        assert book["briefgen"].sheet_state == "hidden"
        tags = [(row[0].value, row[1].value) for row in book["briefgen"].iter_rows()]
        assert tags[0][0] == "chart_id"
        figures = [value for key, value in tags if key == "figure"]
        data = {Decimal(str(c.value)) for row in book["Sheet1"].iter_rows(min_row=2, min_col=2)
                for c in row if c.value is not None}
        assert figures and {values[f] for f in figures} <= data, chart


def test_embedded_workbooks_carry_the_conference_date_not_the_clock(package):
    for name in (n for n in package.namelist() if n.endswith(".xlsx")):
        with zipfile.ZipFile(io.BytesIO(package.read(name))) as book:
            core = book.read("docProps/core.xml").decode("utf-8")
            assert "2025-10-17T08:00:00Z" in core and {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/ooxml is absent")
def test_draft_with_native_charts_is_schema_valid(draft_2025):
    done = subprocess.run([sys.executable, str(VALIDATOR), str(draft_2025.result.docx_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert "13 parts validated, 0 schema errors" in done.stdout


def test_charts_png_keeps_the_pictures_and_never_loads_python_pptx(tmp_path):
    probe = ("import sys; from briefgen.cli import main; "
             f"code = main(['--year', '2025', '--host', 'Tuyên Quang', '--out', {str(tmp_path)!r}, '--charts', 'png']); "
             "print(code, 'pptx' in sys.modules, 'xlsxwriter' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.stdout.splitlines()[-1] == "0 False False"
    docx_path = next(tmp_path.rglob("*.docx"))
    with zipfile.ZipFile(docx_path) as opened:
        names = opened.namelist()
    assert not [n for n in names if n.startswith("word/charts/") or n.startswith("word/embeddings/")]
    assert len([n for n in names if n.startswith("word/media/") and n.endswith(".png")]) == 5
    assert len(list(tmp_path.rglob("charts/*.png"))) == 5


def test_unknown_chart_kind_is_a_usage_error_and_writes_nothing(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--year", "2025", "--host", "Tuyên Quang", "--out", str(tmp_path), "--charts", "svg"])
    assert exit_info.value.code == 2
    assert "--charts" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
