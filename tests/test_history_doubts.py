"""Earlier editions without drafting marks (issue 12 class 4): the history table shows what is known
plainly and puts each doubt in a comment (a footnote in Markdown) and the checklist; the value-history
charts space the years truly, a year no one reported being an empty category."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from decimal import Decimal

import pytest
from docx.oxml.ns import qn
from lxml import etree
from matplotlib.figure import Figure as PlotFigure

from briefgen.analyze.charts import MISSING, every_year
from briefgen.api import build_briefing
from briefgen.cli import main
from briefgen.domain.edition import Edition
from briefgen.model import ChartSpec, Point, Series, Text
from briefgen.render.charts import MISSING_TEXT, _draw_bars
from briefgen.render.edition_notes import edition_cells, history_doubts
from briefgen.review.reuse import checked_review
from briefgen.review.review import filled_figures
from chart_edits import chart_parts, edit_chart
from docx_text import cell_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
XV_NOTE = ("Số thứ tự lần thứ XV của kỳ hội nghị năm 2013 (vùng TDMNBB) được suy ra, chưa có nguồn nêu "
           "trực tiếp; cần đối chiếu trước khi sử dụng.")
NO_HOST_2013 = ("Các nguồn đã thu thập chưa nêu địa phương đăng cai kỳ hội nghị năm 2013 (vùng TDMNBB); "
                "đề nghị bổ sung nếu có.")
LAO_CAI = ("Thông tin Lào Cai đăng cai kỳ hội nghị năm 2014 (vùng TDMNBB) chưa được nguồn xác nhận; "
           "cần đối chiếu trước khi sử dụng.")
VII_NOTE = "Số thứ tự lần thứ VII của kỳ hội nghị năm 2020 chưa được nguồn xác nhận; cần đối chiếu trước khi sử dụng."
CHECKLIST_LINE = (
    "- Bảng 3 (các kỳ hội nghị trước) có thông tin chưa được xác nhận, ghi chú tại từng ô: số thứ tự của các "
    "kỳ năm 2013 (vùng TDMNBB), 2014, 2015, 2016, 2020 (suy ra hoặc chưa được xác nhận); địa phương đăng cai "
    "các kỳ năm 2014 (vùng TDMNBB), 2020 (chưa được xác nhận); chưa rõ địa phương đăng cai các kỳ năm 2013 "
    "(vùng TDMNBB), 2014, 2015.")
RETAIL_YEARS = [str(y) for y in range(2016, 2025)]      # the empty 2024 is named in the note line


def _comments(path) -> dict[str, str]:
    """Return comment id -> its text, read from the package's word/comments.xml."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/comments.xml"))
    return {c.get(f"{W}id"): "".join(t.text or "" for t in c.iter(f"{W}t")) for c in root.iter(f"{W}comment")}


def _history_rows(draft) -> list[list[tuple[str, list[str]]]]:
    """Return the history table's rows read back: per cell, its text and the texts of its comments."""
    comments = _comments(draft.result.docx_path)
    table = next(t for t in draft.document.tables if cell_text(t.rows[0].cells[1]) == "Lần")
    return [[(cell_text(c), [comments[r.get(qn("w:id"))] for r in c._tc.iter(qn("w:commentReference"))])
             for c in row.cells] for row in table.rows[1:]]


def test_history_cells_show_what_is_known_and_the_doubts_are_comments(draft_2025):
    rows = {row[0][0] + " " + row[1][0]: row for row in _history_rows(draft_2025)}
    assert not any("(?)" in text or "chưa rõ" in text for row in rows.values() for text, _ in row[:3])
    assert rows["2013 (vùng TDMNBB) XV"][1:3] == [("XV", [XV_NOTE]), ("–", [NO_HOST_2013])]
    assert rows["2014 (vùng TDMNBB) XVI"][1:3] == [("XVI", []), ("Lào Cai", [LAO_CAI])]
    assert rows["2020 VII"][1:3] == [("VII", [VII_NOTE]), ("Thái Nguyên", [
        "Thông tin Thái Nguyên đăng cai kỳ hội nghị năm 2020 chưa được nguồn xác nhận; cần đối chiếu trước khi "
        "sử dụng."])]
    assert rows["2017 IV"][:3] == [("2017", []), ("IV", []), ("Phú Thọ", [])]
    assert sum(len(notes) for row in rows.values() for _, notes in row[:3]) == 10
    assert [key for key in rows if key.startswith("2014")] == ["2014 (vùng TDMNBB) XVI", "2014 I"]


def test_the_table_note_and_the_text_carry_no_question_marks(draft_2025):
    assert "(?)" not in draft_2025.text
    note = next(p.text for p in draft_2025.document.paragraphs if p.text.startswith("Ghi chú: Số liệu của năm"))
    assert "thông tin chưa được xác nhận" not in note
    assert note.endswith("– chưa có số liệu, thông tin trong các nguồn đã thu thập.")


def test_the_commented_cells_are_not_highlighted(draft_2025):
    table = next(t for t in draft_2025.document.tables if cell_text(t.rows[0].cells[1]) == "Lần")
    cell = table.rows[1].cells[2]
    assert cell_text(cell) == "–" and not list(cell._tc.iter(qn("w:highlight")))


@pytest.fixture(scope="module")
def markdown_2025(tmp_path_factory) -> str:
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path_factory.mktemp("md"), formats=("md",))
    return result.documents["md"].read_text(encoding="utf-8")


def test_the_markdown_gives_the_doubts_as_footnotes(markdown_2025):
    row = re.search(r"^\| 2013 \(vùng TDMNBB\) \| XV\[\^(\d+)\] \| –\[\^(\d+)\] \|", markdown_2025, re.M)
    assert row is not None
    assert f"[^{row.group(1)}]: {XV_NOTE}" in markdown_2025
    assert f"[^{row.group(2)}]: {NO_HOST_2013}" in markdown_2025
    assert "| 2014 (vùng TDMNBB) | XVI | Lào Cai[^" in markdown_2025
    assert "(?)" not in markdown_2025


def test_the_checklist_lists_the_doubts_of_the_history_table(draft_2025):
    text = draft_2025.result.checklist_path.read_text(encoding="utf-8")
    assert CHECKLIST_LINE in text.splitlines()


def _edition(**changes) -> Edition:
    base = Edition("phia_bac", 2017, "IV", "confirmed", "Phú Thọ", "confirmed", None, None, (), (), None)
    return replace(base, **changes)


def test_a_confirmed_edition_has_plain_cells_and_no_checklist_line():
    assert edition_cells(_edition()) == ((Text("2017"),), (Text("IV"),), (Text("Phú Thọ"),))
    assert history_doubts((_edition(),), "Bảng 3") is None


def test_an_unknown_host_is_a_dash_with_what_is_needed():
    cells = edition_cells(_edition(host=None, host_status="unconfirmed", ordinal_status="inferred"))
    assert [c[0].text for c in cells] == ["2017", "IV", "–"]
    assert cells[2][0].note == ("Các nguồn đã thu thập chưa nêu địa phương đăng cai kỳ hội nghị năm 2017; "
                                "đề nghị bổ sung nếu có.")
    assert "suy ra" in cells[1][0].note


# --- the value-history charts: every year a category ---

def _categories(path, chart_id: str) -> tuple[list[str], dict[int, str]]:
    """Return the chart's category labels and its cached values by point index."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read(chart_parts(package)[chart_id][0]))
    series = next(root.iter(f"{C}ser"))
    labels = [v.text for v in series.find(f"{C}cat").iter(f"{C}v")]
    values = {int(p.get("idx")): p.findtext(f"{C}v") for p in series.find(f"{C}val").iter(f"{C}pt")}
    return labels, values


def test_the_retail_history_chart_has_every_year_as_a_category(draft_2025):
    labels, values = _categories(draft_2025.result.docx_path, "retail_history")
    assert labels == RETAIL_YEARS
    assert values == {0: "1247.0", 1: "1436.6", 5: "1787.0", 6: "1954.0"}


def test_every_year_fills_the_years_between_with_empty_points():
    known = (Point("2016", Decimal(1), None, "a"), Point("2019", None, MISSING, "ph"))
    filled = every_year(known)
    assert [p.label for p in filled] == ["2016", "2017", "2018", "2019"]
    assert [p.is_gap for p in filled] == [False, True, True, False]
    assert every_year(()) == ()


def test_a_png_bar_chart_labels_the_placeholder_but_not_the_empty_years():
    points = every_year((Point("2016", Decimal(5), None, "a"), Point("2019", None, MISSING, "ph")))
    figure = PlotFigure()
    ax = figure.add_subplot()
    _draw_bars(ax, ChartSpec("retail_history", "bar", "Bán lẻ", "nghìn tỷ đồng", (Series("Bán lẻ", points),), ""))
    missing = [t.get_position()[0] for t in ax.texts if t.get_text() == MISSING_TEXT]
    assert missing == [3] and [t.get_text() for t in ax.get_xticklabels()] == ["2016", "2017", "2018", "2019"]


def _review(path, capsys) -> dict:
    assert main(["review", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_year_staff_fill_in_an_empty_category_is_reported_but_not_taken(draft_2025, tmp_path, capsys):
    path = edit_chart(draft_2025.result.docx_path, tmp_path / "a.docx", "retail_history", "B5", 1800)
    report = _review(path, capsys)
    assert [item["message"] for item in report["chart_filled"]] == [
        "Hình 1 (Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ): số liệu 2019 của 'Tổng mức bán lẻ hàng hóa "
        "và doanh thu dịch vụ' đã sửa từ – thành 1.800"]
    assert not report["chart_changed"] and not report["chart_mismatch"]
    taken = filled_figures(checked_review(path, 2025, "Tuyên Quang"))
    assert not any(f.id.startswith("retail_sales@region:2019") for f in taken)
