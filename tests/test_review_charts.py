"""Chart data comes back (issues 11, 13): tagged chart cells, chart edits and charts left behind by the text."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.review.read_charts import _chart_cells, _number
from briefgen.review.read_xlsx import load_workbook
from briefgen.review.reuse import checked_review
from briefgen.review.review import filled_figures
from chart_edits import chart_parts, edit_chart, replace_member
from draft_edits import edited_draft

VALIDATOR = Path(__file__).resolve().parent.parent.parent / "shared" / "ooxml" / "validate.py"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RETAIL = "Hình 1 (Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ): số liệu 2022 của " \
         "'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ'"
PARTIAL = "Hình 4 (Tăng trưởng bán lẻ các tháng đầu năm): số liệu 9T/2025 của 'Tổng mức bán lẻ'"
CLUSTERS = "Hình 5 (Cụm công nghiệp qua các kỳ hội nghị): số liệu 2025 của 'Đã thành lập'"
CHART_KEYS = ("chart_changed", "chart_filled", "chart_mismatch", "chart_unreadable")


def _review(path: Path, capsys) -> dict:
    assert main(["review", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _messages(report: dict, key: str) -> list[str]:
    return [item["message"] for item in report[key]]


def _tag_rows(path: Path, chart_id: str) -> list[tuple]:
    with zipfile.ZipFile(path) as package:
        book = openpyxl.load_workbook(io.BytesIO(package.read(chart_parts(package)[chart_id][1])))
    return [row for row in book["briefgen"].iter_rows(values_only=True) if row[0] == "cell"]


@pytest.fixture(scope="module")
def chart_edited(draft_2025, tmp_path_factory) -> Path:
    """The 2025 draft with one sourced chart value changed and one chart placeholder filled, in Word's way."""
    folder = tmp_path_factory.mktemp("charts")
    changed = edit_chart(draft_2025.result.docx_path, folder / "a.docx", "retail_history", "B8", 2100)
    return edit_chart(changed, folder / "bao-cao-2025-bieu-do.docx", "partial_retail_growth", "B8", 12.3)


def test_every_data_cell_names_its_figure_and_the_value_briefgen_wrote(draft_2025):
    path = draft_2025.result.docx_path
    rows = _tag_rows(path, "partial_retail_growth")
    assert rows[-1] == ("cell", "Sheet1!B8", "Tổng mức bán lẻ", "9T/2025", "retail_growth@region:9M-2025", "", "–")
    assert rows[0] == ("cell", "Sheet1!B2", "Tổng mức bán lẻ", "9T/2017", "retail_growth@region:9M-2017#2017",
                       "10.8", "10,8")
    values = {f["id"]: f["value"] for f in draft_2025.manifest["figures"]}
    placeholders = {p["id"] for p in draft_2025.manifest["placeholders"]}
    with zipfile.ZipFile(path) as package:
        chart_ids = list(chart_parts(package))
    for chart_id in chart_ids:
        for _, _, _, _, figure_id, value, _ in _tag_rows(path, chart_id):
            assert not figure_id or figure_id in placeholders or values[figure_id] == value, chart_id


def test_an_untouched_draft_has_no_chart_findings(draft_2025, capsys):
    report = _review(draft_2025.result.docx_path, capsys)
    assert not any(report[key] for key in CHART_KEYS)


def test_chart_values_staff_changed_or_filled_are_reported(chart_edited, capsys):
    report = _review(chart_edited, capsys)
    assert _messages(report, "chart_changed") == [f"{RETAIL} đã sửa từ 1.954 thành 2.100"]
    assert _messages(report, "chart_filled") == [f"{PARTIAL} đã sửa từ – thành 12,3"]
    assert _messages(report, "chart_mismatch") == [
        f"{RETAIL}: biểu đồ đã sửa thành 2.100 nhưng số liệu trong đoạn vẫn là 1.954"]
    changed = report["chart_changed"][0]
    assert (changed["id"], changed["cell"], changed["before"], changed["now"]) == (
        "retail_sales@region:2022#2023", "Sheet1!B8", "1954", "2100")


def test_text_edited_but_chart_not_is_a_mismatch(draft_2025, tmp_path, capsys):
    report = _review(edited_draft(draft_2025.result.docx_path, tmp_path), capsys)
    assert _messages(report, "chart_mismatch") == [
        f"{PARTIAL}: số liệu trong đoạn đã sửa thành 12,3 nhưng biểu đồ vẫn là –",
        f"{CLUSTERS}: số liệu trong đoạn đã sửa thành 615 nhưng biểu đồ vẫn là 613"]
    assert not report["chart_changed"] and not report["chart_filled"]


def test_text_and_chart_edited_alike_agree(draft_2025, tmp_path, capsys):
    text = edited_draft(draft_2025.result.docx_path, tmp_path)
    chart = edit_chart(text, tmp_path / "b.docx", "clusters", "B4", 615)
    both = edit_chart(chart, tmp_path / "c.docx", "partial_retail_growth", "B8", 12.3)
    report = _review(both, capsys)
    assert not report["chart_mismatch"]
    assert _messages(report, "chart_changed") == [f"{CLUSTERS} đã sửa từ 613 thành 615"]


def test_review_text_lists_the_chart_sections(chart_edited, capsys):
    assert main(["review", str(chart_edited)]) == 0
    out = capsys.readouterr().out
    assert f"Số liệu biểu đồ đã bị sửa: 1\n  - {RETAIL} đã sửa từ 1.954 thành 2.100\n" in out
    assert "Số liệu điền vào biểu đồ (trước chưa có số liệu): 1" in out
    assert "Biểu đồ không khớp với số liệu trong văn bản: 1" in out


def test_a_cache_edited_without_its_workbook_shows_both(draft_2025, tmp_path, capsys):
    path = edit_chart(draft_2025.result.docx_path, tmp_path / "a.docx", "retail_history", "B8", 2100,
                      workbook=False)
    assert _messages(_review(path, capsys), "chart_changed") == [
        f"{RETAIL} đã sửa từ 1.954 thành 2.100 (bảng dữ liệu ghi 1.954, biểu đồ hiển thị 2.100)"]


def test_a_placeholder_filled_in_a_chart_is_taken_as_data_with_provenance(chart_edited):
    review = checked_review(chart_edited, 2025, "Tuyên Quang")
    taken = {f.id: f for f in filled_figures(review)}
    figure = taken["retail_growth@region:9M-2025#2025"]
    assert str(figure.value) == "12.3" and figure.quote == "12,3"
    assert figure.source == ("bao-cao-2025-bieu-do.docx, biểu đồ Hình 4 (Tăng trưởng bán lẻ các tháng đầu năm) "
                             "› Sheet1!B8")
    assert "retail_sales@region:2022#2023" not in {f.id.split("#")[0] for f in taken.values()}


def test_data_edited_docx_fills_the_placeholder_from_the_chart(chart_edited, tmp_path, capsys):
    assert main(["--year", "2025", "--host", "Tuyên Quang", "--out", str(tmp_path), "--data", str(chart_edited),
                 "--json"]) == 0
    manifest = json.loads(Path(json.loads(capsys.readouterr().out)["manifest"]).read_text(encoding="utf-8"))
    assert "retail_growth@region:9M-2025" not in {p["id"] for p in manifest["placeholders"]}
    figure = next(f for f in manifest["figures"] if f["id"] == "retail_growth@region:9M-2025#2025")
    assert figure["value"] == "12.3" and figure["source"].startswith("bao-cao-2025-bieu-do.docx, biểu đồ Hình 4")
    assert not any(f["id"].startswith("retail_sales@region:2022") and f["value"] == "2100"
                   for f in manifest["figures"])       # a sourced value changed in a chart is reported, not taken


def test_an_impossible_value_typed_in_a_chart_is_refused_with_its_place(draft_2025, tmp_path, capsys):
    path = edit_chart(draft_2025.result.docx_path, tmp_path / "a.docx", "partial_retail_growth", "B8", 5000)
    refused = _review(path, capsys)["refused"]
    assert [(r["id"], r["where"]) for r in refused] == [
        ("retail_growth@region:9M-2025", "Hình 4 (Tăng trưởng bán lẻ các tháng đầu năm) › Sheet1!B8")]
    assert main(["--year", "2025", "--host", "Tuyên Quang", "--out", str(tmp_path / "out"),
                 "--data", str(path)]) == 1
    assert "Sheet1!B8" in capsys.readouterr().err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("damage, note", [
    (b"not a workbook", "Hình 1: biểu đồ hoặc bảng dữ liệu bị hỏng (BadZipFile)"),
    (None, "Hình 1: không còn bảng dữ liệu do briefgen ghi (trang briefgen)"),
])
def test_a_damaged_chart_workbook_is_reported_and_the_rest_read(draft_2025, tmp_path, capsys, damage, note):
    source = edit_chart(draft_2025.result.docx_path, tmp_path / "a.docx", "clusters", "B4", 615)
    with zipfile.ZipFile(source) as package:
        book_name = chart_parts(package)["retail_history"][1]
        if damage is None:   # the hidden sheet deleted, as a person might in Excel
            book = openpyxl.load_workbook(io.BytesIO(package.read(book_name)))
            del book["briefgen"]
            buffer = io.BytesIO()
            book.save(buffer)
            damage = buffer.getvalue()
    path = replace_member(source, tmp_path / "b.docx", book_name, damage)
    report = _review(path, capsys)
    assert report["chart_unreadable"] == [note]
    assert _messages(report, "chart_changed") == [f"{CLUSTERS} đã sửa từ 613 thành 615"]


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=20), st.integers(), st.booleans(),
                 st.floats(allow_nan=True, allow_infinity=True)))
def test_any_cell_content_reads_as_a_finite_number_text_or_nothing(raw):
    value = _number(raw)
    assert value is None or isinstance(value, str) or value.is_finite()


cell_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)   # what a cell can hold
tag_cells = st.one_of(st.none(), cell_text, st.integers(), st.floats(),
                     st.sampled_from(["cell", "Sheet1!B3", "Sheet1!A0", "Sheet1!ZZZ9", "X!B2", "Sheet1!$C$1048577"]))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.lists(tag_cells, min_size=0, max_size=8), max_size=6), cell_text)
def test_any_tag_sheet_reads_without_error(rows, cell_value):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active["B3"] = cell_value
    tags = book.create_sheet("briefgen")
    for row in rows:
        tags.append(["cell", *row[1:]] if row else [])
    buffer = io.BytesIO()
    book.save(buffer)
    for cell in _chart_cells(1, load_workbook(buffer.getvalue()), {0: {1: None}}):
        assert cell.ref not in ("Sheet1!A0", "Sheet1!ZZZ9", "Sheet1!$C$1048577")    # no such data cell
        assert cell.original is None or cell.original.is_finite()


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/ooxml is absent")
def test_chart_edited_draft_is_schema_valid(chart_edited):
    done = subprocess.run([sys.executable, str(VALIDATOR), str(chart_edited)], capture_output=True, text=True)
    assert done.returncode == 0 and " 0 schema errors" in done.stdout, done.stdout + done.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
def test_chart_edits_are_found_after_a_libreoffice_save(chart_edited, tmp_path, capsys):
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(tmp_path / "lo"), str(chart_edited)],
                   check=True, capture_output=True, timeout=180)
    saved = tmp_path / "lo" / chart_edited.name
    with zipfile.ZipFile(saved) as package, zipfile.ZipFile(chart_edited) as before:
        books = chart_parts(package)
        assert len(books) == 5      # the workbooks and their hidden sheet survive, byte for byte
        assert all(package.read(name) == before.read(name) for _, name in books.values())
        assert b"briefgen-chart:" not in package.read("word/document.xml")   # the drawing's name does not
    report = _review(saved, capsys)
    assert _messages(report, "chart_changed") == [f"{RETAIL} đã sửa từ 1.954 thành 2.100"]
    assert _messages(report, "chart_filled") == [f"{PARTIAL} đã sửa từ – thành 12,3"]
