"""The main job's drafts, read back with python-docx: what users must be able to trust."""

from __future__ import annotations

import re

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm
from docx_text import cell_text, runs_of, text_of

TASK_ORDINALS = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy",
                 "Thứ tám", "Thứ chín", "Thứ mười"]


def _starts(draft, prefix):
    return [text_of(p) for p in draft.document.paragraphs if text_of(p).startswith(prefix)]


def test_2025_edition_facts_are_derived(draft_2025):
    text = draft_2025.text
    assert "lần thứ XI" in text
    assert "tỉnh Tuyên Quang" in text
    assert "năm 2024 và 9 tháng đầu năm 2025" in text
    assert "17/10/2025" in text
    assert "hợp nhất tỉnh Hà Giang và tỉnh Tuyên Quang" in text
    assert "khu vực gồm 18 tỉnh, thành phố" in text


def test_2025_never_says_28(draft_2025):
    assert not re.search(r"\b28\s*tỉnh", draft_2025.text)
    assert "/28" not in draft_2025.text


def test_task_groups_in_order_with_year_details(draft_2025):
    paragraphs = [text_of(p) for p in draft_2025.document.paragraphs]
    found = [next(i for i, t in enumerate(paragraphs) if t.startswith(o + ",")) for o in TASK_ORDINALS]
    assert found == sorted(found)
    first = paragraphs[found[0]]
    assert "Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ" in first


def test_main_headings_in_order(draft_2025):
    headings = [text_of(p) for p in draft_2025.document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(".")[0] for h in headings[:6]] == ["I", "II", "III", "IV", "V", "VI"]
    assert headings[3] == "IV. SO SÁNH VỚI CÁC KỲ HỘI NGHỊ TRƯỚC"


def test_vietnamese_number_strings(draft_2025, draft_2023):
    assert "1.954" in draft_2025.text                        # history table (no comparison: the value is questioned)
    assert "221,5 tỷ USD" in draft_2025.text
    assert "tăng 19,4%" in draft_2023.text
    assert not re.search(r"\d,\d{3}\b(?!,)", "")             # sanity of the pattern below
    assert not re.search(r"\b\d+\.\d{1,2}%", draft_2023.text)  # no dot decimals before %


def test_2023_reproduces_the_seed_figures_without_placeholders(draft_2023):
    text = draft_2023.text
    assert "Năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực đạt " \
           "1.954 nghìn tỷ đồng, tăng 19,4% so với năm 2021 (cả nước tăng 21,67%)" in text
    assert "Trong 6 tháng đầu năm 2023, tổng mức bán lẻ" in text
    assert "cao hơn mức 3,4% của năm 2021" not in text      # 19,4 % is questioned by a check: no comparison on it
    assert "23/28" in text and "lần thứ IX" in text and "28 tỉnh, thành phố khu vực phía Bắc" in text
    assert "Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ" in text
    placeholders = {p["id"] for p in draft_2023.manifest["placeholders"]}
    assert "retail_sales@region:2022" not in placeholders
    assert "retail_growth@region:2022" not in placeholders


def test_2023_products_table_has_the_seed_values(draft_2023):
    table = next(t for t in draft_2023.document.tables
                 if t.rows[0].cells[0].text == "Sản phẩm")
    cement = next(r for r in table.rows if r.cells[0].text == "Xi măng")
    assert [cell_text(c) for c in cement.cells[2:]] == ["80,3", "tăng 43,3%", "41,6", "tăng 0,8%"]
    shoes = next(r for r in table.rows if r.cells[0].text == "Giày dép")
    assert cell_text(shoes.cells[3]) == "gấp 2,8 lần"
    clothes = next(r for r in table.rows if r.cells[0].text == "Quần áo may sẵn")
    assert clothes.cells[1].text == "tỷ cái" and cell_text(clothes.cells[4]) == "94,9 triệu cái"


def test_at_least_four_charts_embedded(draft_2025):
    assert len(draft_2025.document.inline_shapes) >= 4
    assert len(draft_2025.manifest["charts"]) == len(draft_2025.document.inline_shapes)
    assert draft_2025.result.chart_paths == ()   # native charts: no PNG beside the draft


def test_every_placeholder_is_highlighted_and_commented(draft_2025):
    comments = [c.text for c in draft_2025.document.comments]
    highlighted = [r.text for p in draft_2025.document.paragraphs for r in runs_of(p)
                   if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    for table in draft_2025.document.tables:
        for row in table.rows:
            for cell in row.cells:
                highlighted += [r.text for p in cell.paragraphs for r in runs_of(p)
                                if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "[… nghìn tỷ đồng]" in highlighted and "[tăng/giảm …%]" in highlighted
    assert len(comments) >= len(highlighted)
    assert any("tổng mức bán lẻ" in c and "năm 2024" in c for c in comments)
    assert any("9 tháng đầu năm 2025" in c for c in comments)


def test_uncertain_figures_carry_a_comment(draft_2025):
    comments = [c.text for c in draft_2025.document.comments]
    assert any("tiếng Anh" in c for c in comments)
    assert any("chưa được xác nhận" in c for c in comments)


def test_page_setup_a4_and_margins(draft_2025):
    section = draft_2025.document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert section.first_page_header.paragraphs[0].text == ""


def test_times_new_roman_in_every_font_slot(draft_2025):
    normal = draft_2025.document.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman"
    assert normal.font.size.pt == 14
    heading = draft_2025.document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:asciiTheme")) is None and heading.get(qn("w:ascii")) == "Times New Roman"


def test_masthead_and_closing(draft_2025):
    header = draft_2025.document.tables[0]
    assert header.cell(0, 0).text.startswith("BỘ CÔNG THƯƠNG")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    assert "Độc lập - Tự do - Hạnh phúc" in header.cell(0, 1).text
    assert header.cell(1, 0).text.startswith("Số:")
    assert header.cell(1, 1).text.startswith("Hà Nội, ngày")
    assert round(header.columns[0].width.mm) == 65 and round(header.columns[1].width.mm) == 100
    titles = [text_of(p) for p in draft_2025.document.paragraphs[:4]]
    assert "BÁO CÁO" in titles
    assert any(t.cell(0, 0).text.startswith("Nơi nhận:") for t in draft_2025.document.tables)


def test_document_properties_in_vietnamese(draft_2025):
    props = draft_2025.document.core_properties
    assert props.language == "vi-VN"
    assert props.title == "Báo cáo Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Bắc năm 2025"
    assert props.author == "briefgen"
    assert props.created.date().isoformat() == "2025-10-17"


def test_manifest_lists_sources_quotes_and_places(draft_2025):
    figures = draft_2025.manifest["figures"]
    assert figures and all(f["source"] and f["quote"] and f["where"] for f in figures)
    retail = next(f for f in figures if f["id"] == "retail_sales@region:2022#2023")
    assert retail["value"] == "1954" and retail["unit"] == "nghìn tỷ đồng"
    assert "1.954 nghìn tỷ đồng" in retail["quote"]
    placeholders = draft_2025.manifest["placeholders"]
    by_id = {p["id"]: p for p in placeholders}
    assert by_id["retail_sales@region:2024"]["where"] and "năm 2024" in by_id["retail_sales@region:2024"]["need"]
    assert draft_2025.manifest["docx"] == draft_2025.result.docx_path.name


def test_inconsistent_sources_are_flagged_not_silently_picked(draft_2023):
    comments = [c.text for c in draft_2023.document.comments]
    assert any("Số liệu không khớp: 1.954 nghìn tỷ đồng (năm 2022)" in c and "1.787" in c for c in comments)
    flagged = draft_2023.manifest["inconsistencies"]
    assert any("retail_sales@region:2022#2023" in item["figures"] for item in flagged)


def test_no_internal_keys_or_english_in_the_text(draft_2023, draft_2025):
    for draft in (draft_2023, draft_2025):
        words = [w for w in draft.text.split() if "http" not in w and not w.endswith(".txt")]
        leaked = [w for w in words if re.search(r"[A-Za-z]+_[a-z]+", w)]
        assert not leaked, leaked[:3]
        for comment in draft.document.comments:
            assert not re.search(r"\b(the|scope|unclear|likely|from|source says)\b", comment.text), comment.text


def test_uncertain_host_figures_are_marked_for_a_check(draft_2025):
    turquoise = [r.text for p in draft_2025.document.paragraphs for r in runs_of(p)
                 if r.font.highlight_color == WD_COLOR_INDEX.TURQUOISE]
    assert "tăng 7,29%" in turquoise          # the host's GRDP, read from an English page
    assert not [t for t in turquoise if "17.115" in t]   # the region's products: in the table, not the text


def test_signature_closes_the_body_and_the_appendix_follows(draft_2025):
    body = draft_2025.document.element.body
    order = [child.tag.split("}")[1] for child in body]
    texts = [text_of(p) for p in draft_2025.document.paragraphs]
    assert texts.index("PHỤ LỤC") > texts.index("VI. KIẾN NGHỊ, ĐỀ XUẤT")
    signature_table = next(t for t in draft_2025.document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert list(body).index(signature_table._tbl) < list(body).index(
        next(p for p in draft_2025.document.paragraphs if text_of(p) == "PHỤ LỤC")._p)
    assert "- Như trên;" not in signature_table.cell(0, 0).text
    assert order[-1] == "sectPr"


def test_manifest_lists_figures_shown_only_in_charts(draft_2025):
    ids = {f["id"] for f in draft_2025.manifest["figures"]}
    assert "retail_growth@region:9M-2022#2022" in ids
    chart_only = next(f for f in draft_2025.manifest["figures"] if f["id"] == "retail_growth@region:9M-2022#2022")
    assert any(w.startswith("Biểu đồ:") for w in chart_only["where"])


def test_numpy_floats_format_like_floats():
    import numpy as np

    from briefgen.numbers import fmt_number
    assert fmt_number(np.float64(2.5)) == "2,5" and fmt_number(np.float64(-1.25), 1) == "-1,3"


def test_section_ii_gives_the_countrys_export_growth_beside_the_regions(draft_2025):
    """National context for the current period (issue 12, class 7): exports as well as retail."""
    assert ("kim ngạch xuất khẩu của khu vực đạt [… tỷ USD], [tăng/giảm …%] so với cùng kỳ năm 2024 "
            "(cả nước ước tăng 16,0%)") in draft_2025.text


def test_a_tdmnbb_edition_names_its_ordinal_once(tmp_path):
    """2013 (vùng trung du và miền núi Bắc Bộ): "… năm 2013 (lần thứ XV)", never "lần thứ XV (lần thứ XV)"."""
    import docx

    from briefgen.api import build_briefing
    result = build_briefing(2013, "Hà Nội", out_dir=tmp_path)
    text = "\n".join(text_of(p) for p in docx.Document(str(result.docx_path)).paragraphs)
    assert "Hội nghị ngành Công Thương vùng trung du và miền núi Bắc Bộ năm 2013 (lần thứ XV) do Bộ Công Thương" in text
    assert "(lần thứ XV) (lần thứ" not in text and "lần thứ XV (lần thứ XV)" not in text
