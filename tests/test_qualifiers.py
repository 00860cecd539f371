"""Qualifiers of a figure ("hơn", "từ … trở lên", "giá so sánh 2010") travel with it everywhere."""

from __future__ import annotations

import csv
import re
import dataclasses
import io
import shutil
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from briefgen import build_briefing
from briefgen.analyze.charts import _note
from briefgen.cli import main
from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND, PROJECTED, Figure
from briefgen.domain.indicators import COUNT_SUBJECTS
from briefgen.render.markers import figure_marker, parse_inlines
from briefgen.sources.tables import load_dataset
from briefgen.sources.tables.figures import load_figures
from docx_text import cell_text

DATA = Path(__file__).resolve().parent.parent / "data"
CCN_AREA = "ccn_established_area@region:9M-2025#2025"
GROWTH_2017 = "industrial_output_growth@region:2017#2018"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _set_qualifiers(path: Path, figure_id: str, qualifiers: str) -> int:
    """Rewrite *path* with *qualifiers* on the row of *figure_id*; return that row's line."""
    shipped = {f.id: f for f in load_figures(path)}
    line = shipped[figure_id].line
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[line - 1][rows[0].index("qualifiers")] = qualifiers
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return line


def _printed(figure: Figure, fmt: str) -> str:
    runs = parse_inlines(figure_marker(figure, fmt), {figure.id: figure}, {})
    return "".join(run.text for run in runs)


def _figure(**changes) -> Figure:
    figures = {f.id: f for f in load_figures(DATA / "indicators.csv")}
    return dataclasses.replace(figures[CCN_AREA], **changes)


def test_the_shipped_row_says_lower_bound_and_the_2025_draft_prints_hon(draft_2025):
    assert _figure().qualifiers == (LOWER_BOUND,)
    assert "tổng diện tích hơn 24 nghìn ha" in draft_2025.text


@pytest.mark.parametrize(("qualifiers", "fmt", "value", "unit", "expected"), [
    ((LOWER_BOUND,), "value", "24", "nghìn ha", "hơn 24 nghìn ha"),
    ((LOWER_BOUND,), "number", "24", "nghìn ha", "hơn 24"),
    ((LOWER_BOUND,), "change", "22", "%", "tăng trên 22%"),
    ((AT_LEAST,), "percent", "8", "%", "từ 8% trở lên"),
    ((CONSTANT_PRICES_2010,), "value", "3397.5", "nghìn tỷ đồng", "3.397,5 nghìn tỷ đồng (giá so sánh 2010)"),
    ((LOWER_BOUND, CONSTANT_PRICES_2010), "number", "24", "nghìn ha", "hơn 24 (giá so sánh 2010)"),
    ((), "value", "24", "nghìn ha", "24 nghìn ha"),
])
def test_every_format_prints_the_qualifiers(qualifiers, fmt, value, unit, expected):
    assert _printed(_figure(qualifiers=qualifiers, value=Decimal(value), unit=unit), fmt) == expected


def test_a_chart_point_of_a_qualified_value_has_a_note():
    assert _note(_figure(status="confirmed", qualifiers=(LOWER_BOUND,))) == "hơn"
    assert _note(_figure(qualifiers=(LOWER_BOUND,))) == "cần kiểm tra, hơn"
    assert _note(_figure(status="confirmed", qualifiers=())) is None


def test_a_table_cell_of_a_lower_bound_figure_says_so(data_copy, tmp_path):
    _set_qualifiers(data_copy / "indicators.csv", GROWTH_2017, LOWER_BOUND)
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path / "out", data_dir=data_copy, formats=("docx",))
    document = docx.Document(str(result.docx_path))
    cells = [cell_text(c) for t in document.tables for r in t.rows for c in r.cells]
    assert "tăng trên 20,3%*" in cells


def test_an_unknown_qualifier_is_refused_with_its_line_and_nothing_is_written(data_copy, tmp_path, capsys):
    path = data_copy / "indicators.csv"
    line = _set_qualifiers(path, CCN_AREA, "lower_bound; approx")
    out = tmp_path / "out"
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data-dir", str(data_copy), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists() and "Traceback" not in err
    assert err.startswith(f"Lỗi: {path}, dòng {line}, cột 'qualifiers': giá trị 'approx' không hợp lệ; "
                          "cho phép: lower_bound, at_least, constant_prices_2010, scope_caveat"), err


def test_an_indicators_file_without_the_column_still_loads(data_copy):
    path = data_copy / "indicators.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row[:-1] for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    figures = load_dataset(data_copy).figures
    assert figures and all(f.qualifiers == () for f in figures)


def _vietnamese(value: Decimal) -> str:
    """Return *value* as a source writes it (1.404; 10,3), for finding it in a quote."""
    whole, _, decimals = format(value.normalize(), "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + (f",{decimals}" if decimals else "")


def _said_but_not_carried(figure: Figure) -> list[str]:
    """Return the qualifiers *figure*'s own quote states about its value that the row does not carry."""
    quote, number = figure.quote.lower(), re.escape(_vietnamese(figure.value))
    missing = []
    if re.search(rf"\b(?:hơn|trên)\s+{number}(?![\d,])", quote) and LOWER_BOUND not in figure.qualifiers:
        missing.append(LOWER_BOUND)
    if (figure.indicator != "provinces_count" and re.search(rf"\btừ\s+{number}\s*%?\s*trở lên", quote)
            and AT_LEAST not in figure.qualifiers):
        missing.append(AT_LEAST)
    if "giá so sánh" in quote and CONSTANT_PRICES_2010 not in figure.qualifiers:
        missing.append(CONSTANT_PRICES_2010)
    if re.search(r"\b(?:dự kiến|ước)\b", quote) and not figure.estimate:
        missing.append("estimate")
    if "dự kiến" in quote and PROJECTED not in figure.qualifiers:
        missing.append(PROJECTED)
    if figure.subject in COUNT_SUBJECTS and "trở lên" in quote and "trở lên" not in COUNT_SUBJECTS[figure.subject]:
        missing.append("threshold wording")
    return missing


def test_every_shipped_figure_carries_what_its_quote_says_about_it():
    """A row whose quote says "hơn", "từ … trở lên", "giá so sánh" or "dự kiến" carries it (issue 12, class 1)."""
    found = {f.id: m for f in load_figures(DATA / "indicators.csv") if (m := _said_but_not_carried(f))}
    assert found == {}


def test_the_audit_catches_a_dropped_qualifier():
    assert _said_but_not_carried(_figure(qualifiers=())) == [LOWER_BOUND]
    count = _figure(indicator="provinces_count", subject="iip_above_10", value=Decimal(11),
                    quote="11/28 địa phương có mức tăng trưởng từ 10% trở lên", qualifiers=())
    assert _said_but_not_carried(count) == ["threshold wording"]


def test_a_projection_is_said_dự_kiến_in_text_tables_and_charts():
    """The 2022 national IIP 10,3 % is "dự kiến" in its source: never turned into "ước" (issue 12, class 1)."""
    from briefgen.analyze.charts import _note
    from briefgen.render.table_cells import cell_mark, estimate_prefix
    projected = _figure(estimate=True, qualifiers=(PROJECTED,), status="confirmed")
    assert (estimate_prefix(projected), cell_mark(projected), _note(projected)) == ("dự kiến ", "\u00a0(dự kiến)", "dự kiến")
    estimated = _figure(estimate=True, qualifiers=())
    assert (estimate_prefix(estimated), cell_mark(estimated)) == ("ước ", "\u00a0(ước)")
    assert _said_but_not_carried(_figure(quote="dự kiến đạt 24 nghìn ha", estimate=True, qualifiers=())) == [PROJECTED]
