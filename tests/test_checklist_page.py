"""The drafters' checklist fits one page (issue 12, class 4): reading order, short places said once,
figures that share a reason on one line, provinces' missing table cells counted per table."""

from __future__ import annotations

import re

import pytest

from briefgen.checklist import DETAIL, build_checklist, render_markdown
from briefgen.domain.figure_builder import EXAMPLE_NOTE
from briefgen.model import (Briefing, FigureRun, Heading, Masthead, Paragraph, Placeholder, PlaceholderRun,
                            TableBlock, Text)

DRAFTS = ["draft_2025", "draft_2023", "draft_form"]
MAX_ROWS, MAX_LINES = 45, 70        # one A4 page in a plain rendering (measured: 36/57, 21/42, 29/60)
MASTHEAD = Masthead("BỘ CÔNG THƯƠNG", "Số:       /BC-BCT", "Hà Nội", 2025, "BÁO CÁO", "Tình hình", (), "KT", "TT")
ROW = re.compile(r"^\| (\d+) \| (.*) \| (.*) \|$")
LAST = {"Phần mở đầu": (0, 0), "Phần ký ban hành": (98, 0), "Phụ lục": (99, 0)}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


def _text(name, request) -> str:
    return request.getfixturevalue(name).result.checklist_path.read_text(encoding="utf-8")


def _rows(text: str, section: str) -> list[tuple[str, str]]:
    """Return (what, where) of each row of the checklist's *section* ("1." or "2.")."""
    part = text.split(f"## {section}")[1].split("\n## ")[0]
    return [(m.group(2), m.group(3)) for m in map(ROW.match, part.splitlines()) if m]


def _order(where: str) -> tuple[int, int]:
    """Return the reading-order key of a location's first place: "Mục II.1 › Bảng 1" → (2, 1)."""
    first = re.split(r"[;,›]", where)[0].strip()
    if first in LAST:
        return LAST[first]
    numeral = re.fullmatch(r"Mục ([IVX]+)(?:\.(\d+))?", first)
    assert numeral, where
    return ROMAN[numeral.group(1)], int(numeral.group(2) or 0)


@pytest.mark.parametrize("name", DRAFTS)
def test_the_checklist_fits_one_page(name, request):
    text = _text(name, request)
    rows = _rows(text, "1.") + _rows(text, "2.")
    assert 0 < len(rows) <= MAX_ROWS and len(text.splitlines()) <= MAX_LINES, (len(rows), len(text.splitlines()))
    assert text.rstrip().endswith(f"*{DETAIL}*")       # the full list: the manifest beside the draft


@pytest.mark.parametrize("name", DRAFTS)
@pytest.mark.parametrize("section", ["1.", "2."])
def test_items_follow_the_reading_order_of_the_draft(name, section, request):
    orders = [_order(where) for _, where in _rows(_text(name, request), section)]
    assert len(orders) >= 2 and orders[0] < orders[-1]
    assert orders == sorted(orders)


@pytest.mark.parametrize("name", DRAFTS)
def test_a_location_names_each_place_once_and_short(name, request):
    text = _text(name, request)
    for _, where in _rows(text, "1.") + _rows(text, "2."):
        sections = [s.split(",")[0].split(" › ")[0] for s in where.split("; ")]
        tables = re.findall(r"\d+", " ".join(re.findall(r"Bảng [\d, ]+", where)))
        assert len(sections) == len(set(sections)) and len(tables) == len(set(tables)), where
        assert "KẾT QUẢ" not in where and "Bảng:" not in where, where


def test_the_example_figures_are_one_line_counted_as_in_the_manifest(draft_form):
    example = [f for f in draft_form.manifest["figures"]
               if re.search(r"bieu-mau|biểu mẫu", f["source"]) and any(not w.startswith("Biểu đồ") for w in f["where"])]
    text = draft_form.result.checklist_path.read_text(encoding="utf-8")
    lines = [what for what, _ in _rows(text, "2.") if EXAMPLE_NOTE in what]
    assert len(lines) == 1 and len(example) > 100
    assert lines[0].startswith(f"{EXAMPLE_NOTE} — {len(example)} số liệu: ") and lines[0].endswith(", …")


def test_every_need_of_the_region_stays_its_own_line(draft_2025):
    text = draft_2025.result.checklist_path.read_text(encoding="utf-8")
    for placeholder in draft_2025.manifest["placeholders"]:
        what = placeholder["need"].removeprefix("Cần bổ sung: ").rstrip(".")
        assert f"| {what[:1].upper()}{what[1:]} |".replace("_", "\\_") in text, what


def _briefing() -> Briefing:
    """A small draft: two figures of one report, one of another, a figure alone, three provinces' cells."""
    def cell(pid):
        return (PlaceholderRun(pid, "[…]", "x"),)
    report = "Trích từ báo cáo của Sở Công Thương tỉnh Lạng Sơn, cần kiểm tra"
    runs = [FigureRun("a", "tăng 5%", f"{report}. Trích dẫn: «tăng 5%». Vị trí: lang-son.docx, đoạn 3."),
            Text(" và "), FigureRun("b", "120 tỷ đồng", f"{report}. Trích dẫn: «120 tỷ». Vị trí: lang-son.docx, đoạn 4."),
            FigureRun("c", "7", "Cần kiểm tra: đơn vị."),
            FigureRun("d", "9%", "Trích từ báo cáo của Sở Công Thương tỉnh Cao Bằng, cần kiểm tra. Trích dẫn: «9%»."),
            PlaceholderRun("retail_sales@region:2025", "[…]", "x")]
    needs = {"retail_sales@region:2025": "Cần bổ sung: tổng mức bán lẻ của khu vực, năm 2025.",
             **{f"iip_growth@{p}:2025": f"Cần bổ sung: IIP của {p}, năm 2025." for p in ("Sơn La", "Hà Giang")},
             "export_value@Lai Châu:2025": "Cần bổ sung: xuất khẩu của Lai Châu, năm 2025."}
    table = TableBlock("t", "Chỉ tiêu theo địa phương", ("Tỉnh", "IIP", "Xuất khẩu"),
                       (((Text("Sơn La"),), cell("iip_growth@Sơn La:2025"), cell("export_value@Lai Châu:2025")),
                        ((Text("Hà Giang"),), cell("iip_growth@Hà Giang:2025"), ((Text("1"),)))))
    blocks = (Heading(1, "I. KHÁI QUÁT"), Paragraph((Text("x"),)), Heading(1, "II. KẾT QUẢ"),
              Heading(2, "1. Công nghiệp"), Paragraph(tuple(runs)), Heading(2, "2. Địa phương"), table)
    return Briefing(MASTHEAD, blocks, {}, {k: Placeholder(k, "[…]", v) for k, v in needs.items()})


def test_grouped_lines_read_exactly():
    checklist = build_checklist(_briefing(), 2025)
    assert [(i.what, i.where) for i in checklist.to_check] == [
        ("Trích từ báo cáo của Sở Công Thương tỉnh Lạng Sơn, cần kiểm tra — 2 số liệu: tăng 5%, 120 tỷ đồng",
         "Mục II.1"),
        ("7: Cần kiểm tra: đơn vị.", "Mục II.1"),
        ("9%: Trích từ báo cáo của Sở Công Thương tỉnh Cao Bằng, cần kiểm tra.", "Mục II.1")]
    assert [(i.what, i.where) for i in checklist.missing] == [
        ("tổng mức bán lẻ của khu vực, năm 2025", "Mục II.1"),
        ("Số liệu của các tỉnh, thành phố chưa gửi biểu mẫu (3 ô, Bảng 1)", "Mục II.2 › Bảng 1"),
        ("họ tên, chức vụ người ký ban hành báo cáo", "Phần ký ban hành")]
    text = render_markdown(checklist)
    assert ("| 2 | Số liệu của các tỉnh, thành phố chưa gửi biểu mẫu (3 ô, Bảng 1) | Mục II.2 › Bảng 1 |"
            in text.splitlines())


def test_many_figures_of_one_reason_show_the_first_three():
    runs = tuple(FigureRun(f"f{i}", f"{i}%", EXAMPLE_NOTE) for i in range(5))
    briefing = Briefing(MASTHEAD, (Heading(1, "III. TỒN TẠI"), Paragraph(runs)))
    assert build_checklist(briefing, 2025).to_check[0].what == f"{EXAMPLE_NOTE} — 5 số liệu: 0%, 1%, 2%, …"
