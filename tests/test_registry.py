"""The indicator registry is the one place an indicator is spelled; a new one needs one entry."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
from docx_text import cell_text, text_of

from briefgen.api import build_briefing
from briefgen.domain import indicators as registry
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import (INDICATORS, LEVEL, OTHER, SUM, FormQuestion, Indicator, K,
                                        headline_units, read_in_reports, report_topics, unit_factor)
from briefgen.domain.measures import measure_of, measures
from briefgen.domain.period import Period
from briefgen.extract.classify import CORE_INDICATORS
from briefgen.extract.patterns import TOPICS
from briefgen.forms.layout import layout_for_year
from briefgen.forms.write_form import build_workbook, render_csv
from briefgen.sources.forms.layout import DATA_SHEET

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"
TEMPLATES = PACKAGE.parent / "templates"
KEYS = set(INDICATORS) | {registry.PROVINCES_COUNT, registry.RANK_IN_REGION, registry.IIP_MEDIAN,
                          registry.INDUSTRY_GROWTH}


def _key_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in KEYS]


def test_indicator_keys_are_spelled_only_in_the_registry():
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = str(path.relative_to(PACKAGE))
        if name == "domain/indicators.py":
            continue
        if hits := _key_literals(path):
            found[name] = hits
    assert sum(len(hits) for hits in found.values()) == 0, found     # the extractor included


def test_the_key_count_sees_a_key_spelled_in_the_extractor(tmp_path):
    spelled = tmp_path / "classify.py"
    spelled.write_text('CORE = ("retail_sales", K.export_value, "retail")\n', encoding="utf-8")
    assert _key_literals(spelled) == [(1, "retail_sales")]


def test_templates_compare_no_indicator_keys():
    quoted = {f'"{key}"' for key in KEYS} | {f"'{key}'" for key in KEYS}
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not [q for q in quoted if q in text], template


def test_registry_attribute_names_are_checked():
    assert K.retail_sales == "retail_sales"
    try:
        K.retial_sales
    except AttributeError as exc:
        assert "retial_sales" in str(exc)
    else:
        raise AssertionError("a mistyped key must fail")


def test_units_convert_within_their_family_only():
    assert unit_factor("tỷ đồng", "nghìn tỷ đồng") == Decimal("0.001")
    assert unit_factor("triệu USD", "tỷ USD") == Decimal("0.001")
    assert unit_factor("tỷ USD", "tỷ đồng") is None
    assert headline_units()["retail_sales"] == ("nghìn tỷ đồng", "tỷ đồng")


def test_form_measures_come_from_the_registry():
    assert [m.indicator for m in measures()] == [i.key for i in INDICATORS.values() if i.form]
    assert measure_of("retail_sales").factor("triệu đồng") == Decimal("0.001")
    assert measure_of("iip_growth").is_index and measure_of("grdp") is None


def test_the_extractor_reads_its_indicators_and_their_words_from_the_registry():
    assert CORE_INDICATORS == (K.iip_growth, K.industrial_output_value, K.retail_sales, K.retail_growth,
                               K.export_value, K.export_growth, registry.PROVINCES_COUNT)
    assert read_in_reports()[("export", registry.RATIO)] == K.export_growth      # "gấp 1,8 lần cùng kỳ"
    assert ("output", registry.GROWTH) not in read_in_reports()       # GTSXCN growth is OTHER
    words = report_topics()
    assert words["tổng mức lưu chuyển hàng hóa bán lẻ và dịch vụ"] == "retail" and words["grdp"] == OTHER
    # The extractor's own subjects (parts, other sectors) never override a registry phrase.
    assert {phrase: TOPICS[phrase] for phrase in words} == words


def test_no_phrase_names_two_topics():
    topics = {}
    for entry in INDICATORS.values():
        for words in entry.in_reports:
            for phrase in words.phrases:
                topics.setdefault(phrase, set()).add(words.topic)
    assert {p: t for p, t in topics.items() if len(t) > 1} == {}


def test_a_new_indicator_in_reports_needs_one_entry():
    """The extractor reads it from its registry entry alone (a fresh interpreter: topics are compiled once)."""
    code = (
        "from briefgen.domain.indicators import INDICATORS, LEVEL, MONEY, Indicator, InReports\n"
        "INDICATORS['import_value'] = Indicator('import_value', 'kim ngạch nhập khẩu', 'tỷ USD', LEVEL, "
        "in_reports=(InReports('import', (MONEY,), ('kim ngạch nhập khẩu',)),))\n"
        "from briefgen.extract import extract_text\n"
        "from briefgen.extract.classify import CORE_INDICATORS\n"
        "text = 'Năm 2024, kim ngạch nhập khẩu của khu vực đạt 61,7 tỷ USD, tăng 12,4%.'\n"
        "print([(f.indicator, str(f.value)) for f in extract_text(text, 't.txt')],\n"
        "      'import_value' in CORE_INDICATORS)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)}, check=True)
    # Its level is read; a growth is OTHER: the entry names no GROWTH role.
    assert done.stdout.strip() == "[('import_value', '61.7'), ('other', '12.4')] True"


# A new indicator: one registry entry and one phrase in the results template.
IMPORTS = Indicator("import_value", "kim ngạch nhập khẩu", "tỷ USD", LEVEL, "Kim ngạch nhập khẩu", "USD",
                    ("tỷ USD", "triệu USD"), "import_growth", SUM,
                    form=FormQuestion("Kim ngạch nhập khẩu", "Nhập khẩu", "triệu USD", "tỷ USD"),
                    results_row="Kim ngạch nhập khẩu")
PHRASE = ('{% set line = r.lines.import_value %}{{ r.period.opening }}, {{ line.indicator.name }} của khu '
          'vực đạt {{ line.value|fig }}, {{ line.growth|change }} {{ r.period.versus }}.\n\n')


def _with_imports(dataset):
    rows = []
    for period, value, growth in ((Period(2024), "61.7", "12.4"), (Period(2025, 9), "52.3", "8.6")):
        common = dict(edition_year=2025, series="phia_bac", period=period, scope="region", subject=None,
                      estimate=False, status="confirmed", source="test", note=None)
        rows += [Figure(indicator="import_value", value=Decimal(value), unit="tỷ USD",
                        quote=f"đạt {value.replace('.', ',')} tỷ USD", **common),
                 Figure(indicator="import_growth", value=Decimal(growth), unit="%",
                        quote=f"tăng {growth.replace('.', ',')}%", **common)]
    return replace(dataset, figures=dataset.figures + tuple(rows))


def _templates_with_phrase(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    results = folder / "sections" / "02_results.j2"
    text = results.read_text(encoding="utf-8")
    anchor = "{% endfor %}\n[[table:results]]"
    assert anchor in text
    results.write_text(text.replace(anchor, PHRASE + anchor), encoding="utf-8")
    return folder


def test_a_new_indicator_needs_one_entry_and_one_phrase(monkeypatch, tmp_path, dataset):
    monkeypatch.setitem(INDICATORS, "import_value", IMPORTS)
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path / "out", dataset=_with_imports(dataset),
                            templates_dir=_templates_with_phrase(tmp_path))
    document = docx.Document(str(result.docx_path))
    paragraphs = [text_of(p) for p in document.paragraphs]
    assert "Năm 2024, kim ngạch nhập khẩu của khu vực đạt 61,7 tỷ USD, tăng 12,4% so với năm 2023." in paragraphs
    results = next(t for t in document.tables if cell_text(t.rows[0].cells[0]) == "Chỉ tiêu")
    row = next(r for r in results.rows if cell_text(r.cells[0]) == "Kim ngạch nhập khẩu")
    assert [cell_text(c) for c in row.cells][1:4] == ["tỷ USD", "61,7", "tăng 12,4%"]
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert "import_value@region:2024#2025" in {f["id"] for f in manifest["figures"]}
    form = layout_for_year(dataset, 2025)
    assert "import_value@9M-2025:value" in render_csv(form, dataset, form.provinces)
    sheet = build_workbook(form, dataset, form.provinces)[DATA_SHEET]
    assert "Kim ngạch nhập khẩu" in {cell.value for row in sheet.iter_rows() for cell in row}
