"""The default path loads only what it uses (issue 15): no pandas or matplotlib for a draft."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefgen.docx_writer import native_chart
from briefgen.sources.tables.tables import Column, read_table

PROBE = """
import sys
{code}
print("loaded:" + ",".join(m for m in {modules!r} if m in sys.modules))
"""


def _loaded(code: str, modules: tuple[str, ...]) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE.format(code=code, modules=modules)],
                          capture_output=True, text=True, check=True, timeout=120)
    return done.stdout.splitlines()[-1].removeprefix("loaded:")


def test_a_cold_native_draft_loads_no_pandas_or_matplotlib(tmp_path):
    code = ("import os; os.environ['BRIEFGEN_CACHE_DIR'] = " + repr(str(tmp_path / "cache")) + "\n"
            "from briefgen.api import build_briefing\n"
            f"build_briefing(2025, 'Tuyên Quang', out_dir={str(tmp_path / 'out')!r})")
    assert _loaded(code, ("pandas", "matplotlib", "openpyxl")) == ""


def test_the_docx_writer_loads_no_urllib_pptx_or_xlsxwriter_before_a_chart_workbook():
    assert _loaded("import briefgen.docx_writer, briefgen.docx_writer.native_chart",
                   ("urllib.request", "pptx", "xlsxwriter")) == ""


def test_reviewing_a_draft_with_native_charts_loads_no_openpyxl(tmp_path):
    code = ("import os; os.environ['BRIEFGEN_CACHE_DIR'] = " + repr(str(tmp_path / "cache")) + "\n"
            "from briefgen.api import build_briefing\n"
            "from briefgen.cli import main\n"
            f"result = build_briefing(2025, 'Tuyên Quang', out_dir={str(tmp_path / 'out')!r})\n"
            "main(['review', str(result.docx_path), '--json'])")
    assert _loaded(code, ("openpyxl", "numpy")) == ""


def test_reading_a_draft_identity_does_not_load_the_analysis():
    assert _loaded("import briefgen.draft_identity", ("briefgen.analyze",)) == ""


@pytest.mark.parametrize("header", ["a,a", "a,", ",b"])
def test_a_header_pandas_would_rename_is_still_refused(tmp_path, header):
    from briefgen.errors import DataFileError

    path = tmp_path / "t.csv"
    path.write_text(f"{header}\n1,2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="sai cấu trúc CSV: không đọc được bảng"):
        read_table(path, [Column("a")])


def test_native_chart_parts_are_built_once_per_process():
    from briefgen.api import prepare_draft

    native_chart.chart_bytes.cache_clear()
    first = prepare_draft(2025, "Tuyên Quang").docx
    built = native_chart.chart_bytes.cache_info().misses
    assert prepare_draft(2025, "Tuyên Quang").docx == first
    info = native_chart.chart_bytes.cache_info()
    assert built >= 4 and info.misses == built and info.hits >= built
    assert native_chart.chart_bytes.cache_info().currsize <= native_chart.BUILT_CHARTS


def test_templates_compile_once_per_process_and_again_when_edited(tmp_path):
    from briefgen.render.narrative import COMPILED, FigureLedger, make_environment

    (tmp_path / "t.j2").write_text("một {{ x }}", encoding="utf-8")
    first = make_environment(tmp_path, FigureLedger(placeholders={}, notes={})).get_template("t.j2")
    kept = dict(COMPILED._code)
    again = make_environment(tmp_path, FigureLedger(placeholders={}, notes={})).get_template("t.j2")
    assert COMPILED._code == kept   # loaded, not compiled and stored again
    assert first.render(x=1) == again.render(x=1) == "một 1"
    (tmp_path / "t.j2").write_text("hai {{ x }}", encoding="utf-8")
    edited = make_environment(tmp_path, FigureLedger(placeholders={}, notes={})).get_template("t.j2")
    assert edited.render(x=2) == "hai 2"
