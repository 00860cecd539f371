"""One figure per province and period: the text counts exactly what the provinces table prints.

The 2025 draft built with the example form (its numbers are invented) is read back from the
DOCX; the counts, median, highest, lowest, the host's rank and section III are recomputed here
from the IIP column of the provinces tables and must be the sentences the draft prints.
The data/ figures the merge keeps against the example form (Quảng Ninh 7,63 %, Thanh Hóa
19,25 % in 2024; Thanh Hóa 15,2 %, Hà Tĩnh 4,2 %, Ninh Bình 22,03 % in 9M-2025) are printed.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import replace
from datetime import date
from decimal import Decimal

import docx
import pytest

from briefgen.analyze.province_set import old_territory, province_figures
from briefgen.api import build_briefing
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.domain.province import Province
from briefgen.paths import DEFAULT_WORKSPACE
from docx_text import cell_text, text_of

EXAMPLE = DEFAULT_WORKSPACE.data.parent / "examples" / "bieu-mau-2025-vi-du.xlsx"
NATIONAL = ("8,4", "9,1")          # data/indicators.csv lines 231 and 234, kept against the form's 8 and 9
OPENINGS = ("Năm 2024", "Trong 9 tháng đầu năm 2025")
IIP = "chỉ số sản xuất công nghiệp (IIP)"


@pytest.fixture(scope="module")
def built(tmp_path_factory, dataset):
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path_factory.mktemp("set"), dataset=dataset,
                            data_files=[EXAMPLE])
    document = docx.Document(str(result.docx_path))
    paragraphs = [text_of(p) for p in document.paragraphs]
    tables = [[[cell_text(c) for c in row.cells] for row in t.rows] for t in document.tables
              if "Tăng IIP (%)" in [cell_text(c) for c in t.rows[0].cells]]
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    return result, paragraphs, tables, manifest


def _iip_column(table) -> list[tuple[str, str, bool]]:
    """Return (province, printed number, estimate) for every province row with an IIP figure."""
    rows = []
    for row in table[1:-1]:
        name = row[1].removesuffix(" *").removesuffix(" (đăng cai)")
        cell = row[2].replace("\xa0", " ")
        if cell != "–":
            rows.append((name, cell.removesuffix(" (ước)"), cell.endswith("(ước)")))
    return rows


def _number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def _vi(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def test_both_tables_print_all_18_units_and_the_kept_data_figures(built):
    _, _, tables, _ = built
    assert len(tables) == 2 and all(len(t) == 1 + 18 + 1 for t in tables)
    column = [dict((n, (v, e)) for n, v, e in _iip_column(t)) for t in tables]
    assert len(column[0]) == len(column[1]) == 18
    assert column[0]["Quảng Ninh"] == ("7,63", True) and column[0]["Thanh Hóa"] == ("19,25", True)
    assert column[1]["Ninh Bình"] == ("22,03", True) and column[1]["Hà Tĩnh"] == ("4,2", True)
    assert column[1]["Thanh Hóa"] == ("15,2", True)
    assert "Hải Dương" not in column[0] and "Yên Bái" not in column[0]      # pre-merger units: not among the 18


@pytest.mark.parametrize("index", [0, 1])
def test_section_two_states_what_the_table_shows(built, index):
    _, paragraphs, tables, _ = built
    rows = _iip_column(tables[index])
    values = [_number(v) for _, v, _ in rows]
    national = _number(NATIONAL[index])
    top, bottom = max(values), min(values)
    expected = (
        f"Chỉ số sản xuất công nghiệp: {sum(v > national for v in values)}/18 tỉnh, thành phố có IIP tăng cao "
        f"hơn mức tăng của cả nước (ước tăng {NATIONAL[index]}%); {sum(v > 10 for v in values)}/18 tỉnh, thành phố "
        f"tăng trên 10%; {sum(v > 0 for v in values)}/18 tỉnh, thành phố tăng so với cùng kỳ. Trung vị mức "
        f"tăng của {len(values)} địa phương có số liệu là {_vi(statistics.median(values))}%; cao nhất là "
        + ", ".join(f"{n} ({'ước ' * e}tăng {v}%)" for n, v, e in rows if _number(v) == top) + ", thấp nhất là "
        + ", ".join(f"{n} ({'ước ' * e}tăng {v}%)" for n, v, e in rows if _number(v) == bottom) + ".")
    said = [p for p in paragraphs if p.startswith("Chỉ số sản xuất công nghiệp: ")]
    assert said[index] == expected
    median_cell = tables[index][-1][2]
    assert median_cell == f"{_vi(statistics.median(values))} (trung vị)"


def test_the_exact_sentences_of_the_example_draft(built):
    _, paragraphs, _, _ = built
    said = [p for p in paragraphs if p.startswith("Chỉ số sản xuất công nghiệp: ")]
    assert said == [
        "Chỉ số sản xuất công nghiệp: 11/18 tỉnh, thành phố có IIP tăng cao hơn mức tăng của cả nước (ước tăng "
        "8,4%); 8/18 tỉnh, thành phố tăng trên 10%; 18/18 tỉnh, thành phố tăng so với cùng kỳ. Trung vị mức "
        "tăng của 18 địa phương có số liệu là 9,5%; cao nhất là Thanh Hóa (ước tăng 19,25%), thấp nhất là Hà "
        "Nội (tăng 4%).",
        "Chỉ số sản xuất công nghiệp: 11/18 tỉnh, thành phố có IIP tăng cao hơn mức tăng của cả nước (ước tăng "
        "9,1%); 9/18 tỉnh, thành phố tăng trên 10%; 18/18 tỉnh, thành phố tăng so với cùng kỳ. Trung vị mức "
        "tăng của 18 địa phương có số liệu là 10,5%; cao nhất là Ninh Bình (ước tăng 22,03%), thấp nhất là Hà "
        "Tĩnh (ước tăng 4,2%)."]


@pytest.mark.parametrize("index", [0, 1])
def test_section_three_lists_the_table_provinces_below_the_country(built, index):
    _, paragraphs, tables, _ = built
    national = _number(NATIONAL[index])
    below = sorted((r for r in _iip_column(tables[index]) if _number(r[1]) < national), key=lambda r: _number(r[1]))
    expected = (f"- {OPENINGS[index]}, {len(below)}/18 tỉnh, thành phố có mức tăng {IIP} thấp hơn mức tăng "
                f"chung của cả nước (ước tăng {NATIONAL[index]}%): "
                + ", ".join(f"{n} ({'ước ' if e else ''}tăng {v}%)" for n, v, e in below) + ".")
    assert expected in paragraphs


def test_section_three_never_counts_more_units_than_the_region_has(built):
    _, paragraphs, _, _ = built
    counted = [int(n) for p in paragraphs for n in re.findall(r"trong số (\d+) tỉnh, thành phố", p)]
    assert all(n <= 18 for n in counted)
    assert "- Năm 2024, 7/18 tỉnh, thành phố có mức tăng chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng " \
           "chung của cả nước (ước tăng 8,4%): Hà Nội (tăng 4%), Cao Bằng (tăng 5%), Điện Biên (tăng 6%), " \
           "Lạng Sơn (tăng 7%), Quảng Ninh (ước tăng 7,63%), Sơn La (tăng 8%), Thái Nguyên (tăng 8%)." in paragraphs


def test_the_hosts_rank_is_its_place_in_the_table(built):
    _, paragraphs, tables, _ = built
    for index, table in enumerate(tables):
        rows = _iip_column(table)
        host = _number(next(v for n, v, _ in rows if n == "Tuyên Quang"))
        rank = 1 + sum(_number(v) > host for _, v, _ in rows)
        assert any(p.startswith(OPENINGS[index]) and f"so với cùng kỳ, đứng thứ {rank}/18 trong khu vực" in p
                   for p in paragraphs)


def test_every_figure_the_merge_kept_is_printed_and_the_note_says_whence(built):
    result, _, tables, manifest = built
    kept = [re.search(r"của ([^,]+), (năm 2024|9 tháng đầu năm 2025): giữ ([\d,]+)%", w.message)
            for w in result.warnings if "IIP" in w.message and "cả nước" not in w.message]
    assert len(kept) == 5 and all(kept)
    for match in kept:
        column = dict((n, v) for n, v, _ in _iip_column(tables[0 if match[2] == "năm 2024" else 1]))
        assert column[match[1]] == match[3]
    notes = [text_of(p) for p in docx.Document(str(result.docx_path)).paragraphs
             if text_of(p).startswith("Ghi chú: Số liệu theo")]
    assert [n.split(". IIP")[0] for n in notes] == [
        "Ghi chú: Số liệu theo biểu mẫu của các tỉnh, thành phố, trừ số liệu giữ theo dữ liệu đã có (nguồn tại "
        "Phụ lục): tăng IIP của Quảng Ninh, Thanh Hóa",
        "Ghi chú: Số liệu theo biểu mẫu của các tỉnh, thành phố, trừ số liệu giữ theo dữ liệu đã có (nguồn tại "
        "Phụ lục): tăng IIP của Thanh Hóa, Hà Tĩnh, Ninh Bình"]
    ranking = next(c for c in manifest["charts"] if c["id"] == "province_ranking")
    assert "iip_growth@Ninh Bình:9M-2025#2025" in ranking["figures"] and len(ranking["figures"]) == 18
    median = next(f for f in manifest["figures"] if f["id"] == "iip_growth_median@region:9M-2025#2025")
    assert median["source"] == "tính từ số liệu của 18 tỉnh, thành phố (15 theo biểu mẫu, 3 theo dữ liệu có sẵn)"


def test_without_forms_section_three_is_unchanged(draft_2025):
    text = draft_2025.text
    assert ("- Năm 2024, trong số 4 tỉnh, thành phố đã có số liệu, Quảng Ninh (ước tăng 7,63%) có mức tăng "
            "chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước (ước tăng 8,4%).") in text
    assert ("- Trong 9 tháng đầu năm 2025, trong số 3 tỉnh, thành phố đã có số liệu, Hà Tĩnh (ước tăng 4,2%) có "
            "mức tăng chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước (ước tăng 9,1%).") in text


def _figure(scope: str, value: str, edition: int = 2025, kind: str = "csv", status: str = "confirmed") -> Figure:
    return Figure(edition, "phia_bac", Period(2024), scope, "iip_growth", None, Decimal(value), "%", False,
                  status, "test", "test", None, source_kind=kind)


def test_one_figure_per_unit_newest_printable_and_no_old_unit_under_a_new_name():
    hai_phong = Province("Hải Phòng", "thành phố", "Đồng bằng sông Hồng", date(2025, 7, 1), None)
    old = old_territory((hai_phong, Province("Quảng Ninh", "tỉnh", "Đồng bằng sông Hồng", None, None)),
                        Period(2024))
    assert old == {"Hải Phòng"}
    figures = [_figure("Hải Phòng", "9"),                     # old Hải Phòng in data/: not today's unit
               _figure("Quảng Ninh", "5", edition=2024), _figure("Quảng Ninh", "7.63"),
               _figure("Hải Dương", "14.2"), _figure("Thanh Hóa", "1", status="rejected")]
    chosen = province_figures(figures, ("Quảng Ninh", "Hải Phòng", "Thanh Hóa"), "iip_growth", Period(2024),
                              2025, old_territory=old)
    assert {n: f.value for n, f in chosen.items()} == {"Quảng Ninh": Decimal("7.63")}
    form = replace(_figure("Hải Phòng", "15"), source_kind="form")
    assert province_figures([form], ("Hải Phòng",), "iip_growth", Period(2024), 2025, old_territory=old) == \
        {"Hải Phòng": form}
