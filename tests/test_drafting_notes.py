"""Drafting notes out of the body (issue 12, class 4): comments, a checklist beside the draft,
and a sources annex that cites like an official document.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from docx_text import cell_text, text_of

from briefgen.api import build_briefing
from briefgen.errors import DataFileError
from briefgen.sources.tables.sources import load_sources

DATA = Path(__file__).resolve().parents[1] / "data"
DRAFTING_NOTES = ("đề nghị các sở công thương cung cấp", "làm cơ sở so sánh", "chưa xác định phạm vi",
                  "manifest", "các ô còn trống", "cần được các sở công thương bổ sung", "đề nghị kiểm tra",
                  "xác nhận)")  # a scope caveat "(chưa xác định rõ phạm vi số liệu)" is a qualifier, kept
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|\.json\b|\.xlsx\b")


def _sources_rows(draft) -> list[str]:
    table = next(t for t in draft.document.tables if t.rows[0].cells[-1].text == "Tài liệu")
    return [cell_text(row.cells[1]) for row in table.rows[1:]]


def _chart_and_comment_xml(draft) -> tuple[str, str]:
    with zipfile.ZipFile(draft.result.docx_path) as package:
        charts = "".join(package.read(n).decode("utf-8") for n in package.namelist()
                         if n.startswith("word/charts/"))
        return charts, package.read("word/comments.xml").decode("utf-8")


@pytest.mark.parametrize("name", ["draft_2025", "draft_2023"])
def test_no_drafting_note_in_the_body(name, request):
    draft = request.getfixturevalue(name)
    text = draft.text.lower()
    for note in DRAFTING_NOTES:
        assert note not in text, f"{name}: {note!r} in the body"
    assert not FILE_NAME.search(draft.text), FILE_NAME.search(draft.text)
    charts, _ = _chart_and_comment_xml(draft)
    assert "chưa xác định phạm vi" not in charts


def test_the_host_chart_caveat_is_a_comment_on_its_caption(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    csv = data / "indicators.csv"
    rows = csv.read_text(encoding="utf-8")
    for product in ("chè", "xi măng"):    # the host's own unconfirmed product growth (two: a chart of one is not drawn)
        rows = rows.replace(f"2025,phia_bac,9M-2025,region,product_growth,{product},",
                            f"2025,phia_bac,9M-2025,Tuyên Quang,product_growth,{product},")
    csv.write_text(rows, encoding="utf-8")
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path / "out", data_dir=data)
    with zipfile.ZipFile(result.docx_path) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert re.search(r"Cần kiểm tra: phạm vi số liệu \((xi măng, chè|chè, xi măng)\) chưa được nguồn xác định rõ",
                     comments)


def test_a_chart_of_a_single_known_bar_is_not_drawn():
    from briefgen.analyze.charts import worth_drawing
    from briefgen.model import ChartSpec, Point, Series

    def spec(*values):
        points = tuple(Point(str(2020 + i), v) for i, v in enumerate(values))
        return ChartSpec("x", "bar", "t", "%", (Series("s", points),), "c")
    assert not worth_drawing(spec(5, None, None))
    assert worth_drawing(spec(5, None, 7))


@pytest.mark.parametrize("name", ["draft_2025", "draft_2023"])
def test_sources_annex_cites_publisher_title_date_and_address(name, request):
    rows = _sources_rows(request.getfixturevalue(name))
    assert rows
    for row in rows:
        assert not FILE_NAME.search(row), row
        assert row.endswith("."), row
        assert re.search(r"(năm|tháng|ngày) \d", row) or "biểu mẫu" in row, row
        assert "https://" in row or "http://" in row or "[cơ quan đăng tải, địa chỉ truy cập]" in row, row


def test_2025_annex_cites_the_nhan_dan_report(draft_2025):
    assert ("Báo Nhân Dân, tin về Hội nghị ngành Công Thương các tỉnh, thành phố phía Bắc năm 2025, "
            "tháng 10/2025, https://nhandan.vn/ocop/hoi-nghi-nganh-cong-thuong-cac-tinh-thanh-pho-phia-bac-"
            "nam-2025-post915995.html.") in _sources_rows(draft_2025)


def test_a_seed_without_known_publisher_asks_for_it(draft_2023):
    row = next(r for r in _sources_rows(draft_2023) if "Quảng Ninh" in r)
    assert row == ("Bài viết về Hội nghị ngành Công Thương khu vực phía Bắc năm 2023 tại Quảng Ninh, "
                   "năm 2023, [cơ quan đăng tải, địa chỉ truy cập].")
    need = next(p for p in draft_2023.manifest["placeholders"] if p["id"] == "source:002_f6a5a9f8a542c609.txt")
    assert need["need"].startswith("Cần bổ sung: cơ quan đăng tải và địa chỉ truy cập của tài liệu")


@pytest.mark.parametrize("name", ["draft_2025", "draft_2023"])
def test_checklist_is_written_beside_the_draft_and_listed(name, request):
    draft = request.getfixturevalue(name)
    path = draft.result.checklist_path
    assert path is not None and path.parent == draft.result.docx_path.parent
    assert path.name == draft.manifest["checklist"] == "danh-muc-bo-sung-" + path.parent.name + ".md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# DANH MỤC SỐ LIỆU CẦN BỔ SUNG\n")
    assert "Đề nghị các Sở Công Thương cung cấp số liệu của địa phương" in text
    for placeholder in draft.manifest["placeholders"]:
        what = placeholder["need"].removeprefix("Cần bổ sung: ").rstrip(".")
        assert what[1:].replace("_", "\\_") in text, what
    assert "Họ tên, chức vụ người ký ban hành báo cáo" in text


def test_every_indicator_source_has_a_citation():
    import csv
    with (DATA / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        used = {row["source"] for row in csv.DictReader(handle)}
    listed = {s.id for s in load_sources(DATA / "sources.csv")}
    assert used <= listed, sorted(used - listed)


@pytest.mark.parametrize(("row", "message"), [
    ("a,P,T,2025-13,", r"dòng 3, cột 'date'"),
    ("a,P,T,2025,ftp://x", r"dòng 3, cột 'url'"),
    ("x,P,T,2025,", r"dòng 3, cột 'source': trùng nguồn \(đã có ở dòng 2\)"),
])
def test_bad_sources_rows_name_line_and_column(tmp_path, row, message):
    path = tmp_path / "sources.csv"
    path.write_text(f"source,publisher,title,date,url\nx,P,T,2025,https://x.vn\n{row}\n", encoding="utf-8")
    if row.startswith("a"):
        path.write_text(f"source,publisher,title,date,url\nb,P,T,2025,\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_sources(path)


def test_form_draft_keeps_form_notes_out_of_the_body(draft_form):
    text = draft_form.text
    assert "Lưu ý khi kiểm tra biểu mẫu" not in text and not FILE_NAME.search(text)
    assert "VÍ DỤ – SỐ LIỆU GIẢ ĐỊNH" in text        # example data stays marked in the body
    checklist = draft_form.result.checklist_path.read_text(encoding="utf-8")
    assert "## 4. Lưu ý khác" in checklist and "- Biểu mẫu: data/indicators.csv, dòng 231:" in checklist
    assert any("Sở Công Thương các tỉnh, thành phố, số liệu báo cáo theo biểu mẫu" in r
               for r in _sources_rows(draft_form))


def test_region_totals_keep_the_precision_of_the_forms(draft_form):
    assert "khu vực đạt 2.584 nghìn tỷ đồng" in draft_form.text
    assert not re.search(r"\d\.\d{3},0\b", draft_form.text)


def _unit_repeats(document) -> list[tuple[str, str]]:
    """Return (column header, cell) pairs whose cell (a number or a placeholder "[… unit]") repeats
    the unit its header or its row's "Đơn vị" states."""
    found = []
    for table in document.tables:
        header = [cell_text(c) for c in table.rows[0].cells]
        unit_column = header.index("Đơn vị") if "Đơn vị" in header else None
        for row in table.rows[1:]:
            cells = [cell_text(c) for c in row.cells]
            for index, text in enumerate(cells):
                stated = re.search(r"\(([^()]+)\)$", header[index])
                row_unit = cells[unit_column] if unit_column not in (None, index) else None
                unit = stated.group(1) if stated else (row_unit if row_unit != "%" else None)  # growth cells
                if unit and re.search(r"[\d…]" + (r"%" if unit == "%" else r"\s+" + re.escape(unit) + r"\b"), text):
                    found.append((header[index], text))
    return found


@pytest.mark.parametrize("name", ["draft_2025", "draft_2023", "draft_form"])
def test_table_cells_do_not_repeat_their_unit(name, request):
    assert _unit_repeats(request.getfixturevalue(name).document) == []


def test_an_inferred_ordinal_is_a_checklist_note_not_a_remark_in_the_body(tmp_path):
    from briefgen.api import build_briefing
    result = build_briefing(2016, "Ninh Bình", out_dir=tmp_path)
    import docx
    body = "\n".join(text_of(p) for p in docx.Document(str(result.docx_path)).paragraphs)
    assert "(lần thứ III)" in body and "đề nghị kiểm tra" not in body
    assert ("- Số thứ tự hội nghị (lần thứ III) được suy ra từ các kỳ trước, chưa có nguồn xác nhận; "
            "đề nghị kiểm tra lại.") in result.checklist_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["draft_2025", "draft_2023"])
def test_placeholders_in_cells_are_short(name, request):
    """A cell's column or row states unit and comparison: "[…]", "[…%]", never "[… tỷ USD]"."""
    cells = [cell_text(c) for t in request.getfixturevalue(name).document.tables for r in t.rows[1:] for c in r.cells]
    assert "[…]" in cells and "[…%]" in cells
    assert not [c for c in cells if re.search(r"\[… [^/]|\[tăng/giảm", c)]


def test_the_request_to_the_provinces_holds_no_command(draft_2025):
    """A request a letter may quote says what is asked; the commands are a note for the drafters."""
    text = draft_2025.result.checklist_path.read_text(encoding="utf-8")
    request = text.split("## 3. Đề nghị")[1].strip().split("\n\n")
    assert request[0] == ("Đề nghị các Sở Công Thương cung cấp số liệu của địa phương theo biểu mẫu thu thập số liệu "
                          "của Bộ Công Thương năm 2025.")
    assert request[1].startswith("*Ghi chú cho người soạn thảo: biểu mẫu lập bằng lệnh `briefgen form --year 2025`")
