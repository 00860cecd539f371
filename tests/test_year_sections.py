"""Issue 12, class 6: sections III and V speak of the year's own data and agenda.

Section III opens with what the period's figures show (provinces below the national IIP,
regional totals that fell, trailed the country or missed the year's target, products that
fell), each sentence with its figures marked (cited in the manifest and the sources annex);
with no figure to show it, nothing is said. Section V places the region against the year's
targets and lists the year's own tasks from data/agenda.csv with their legal documents.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition
from briefgen.analyze.targets import relation_to
from briefgen.domain.catalog import Target
from briefgen.domain.figure import Figure
from briefgen.domain.period import parse_period
from briefgen.errors import DataFileError
from briefgen.model import FigureRun, Heading, Paragraph
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.compose import compose_briefing
from briefgen.render.narrative import ordinal_word
from briefgen.sources.tables import read_dataset
from briefgen.sources.tables.agenda import load_agenda
from briefgen.sources.tables.task_text import fill_task_text
from cli_helpers import draft, run

PROJECT = Path(__file__).resolve().parent.parent
URL = "https://example.org/iip"
UNEVEN = "- Tốc độ tăng trưởng công nghiệp giữa các địa phương chưa đồng đều"


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(PROJECT / "data")


def _compose(dataset, year: int, host: str, day: date | None = None):
    edition = build_edition(dataset, year, host, day)
    facts = build_facts(dataset, edition, seeds_dir=DEFAULT_WORKSPACE.seeds)
    return compose_briefing(facts, dataset, DEFAULT_WORKSPACE.templates, charts={})


def _section(briefing, numeral: str) -> list[Paragraph]:
    """Return the paragraphs of the level-1 section that opens with *numeral* ("III.")."""
    inside, found = False, []
    for block in briefing.blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.startswith(numeral + " ")
        elif inside and isinstance(block, Paragraph):
            found.append(block)
    return found


def _text(paragraph: Paragraph) -> str:
    return "".join(inline.text for inline in paragraph.inlines)


def _findings(dataset, year: int, host: str) -> list[str]:
    """Return section III's sentences that carry figures (the data-driven ones)."""
    return [_text(p) for p in _section(_compose(dataset, year, host), "III.")
            if any(isinstance(i, FigureRun) for i in p.inlines)]


def _province_iip(scope: str, period: str, value: str, estimate: bool = False) -> Figure:
    words = ("ước tăng " if estimate else "tăng ") + value.replace(".", ",") + "%"
    return Figure(2025, "phia_bac", parse_period(period), scope, "iip_growth", None, Decimal(value), "%",
                  estimate, "confirmed", URL, f"IIP {scope} {words}", None, line=900)


def _without_province_iip(dataset, *extra: Figure):
    kept = tuple(f for f in dataset.figures
                 if not (f.indicator == "iip_growth" and f.scope not in ("region", "national")))
    return replace(dataset, figures=kept + extra)


# -- section III ---------------------------------------------------------------------------------

def test_section_three_of_2025_speaks_of_its_own_period(dataset):
    assert _findings(dataset, 2025, "Tuyên Quang") == [
        "- Năm 2024, trong số 4 tỉnh, thành phố đã có số liệu, Quảng Ninh (ước tăng 7,63%) có mức tăng "
        "chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước (ước tăng 8,4%).",
        "- Trong 9 tháng đầu năm 2025, trong số 3 tỉnh, thành phố đã có số liệu, Hà Tĩnh (ước tăng 4,2%) "
        "có mức tăng chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước (ước tăng 9,1%)."]


def test_section_three_differs_between_years(dataset):
    found = {year: _findings(dataset, year, host)
             for year, host in ((2025, "Tuyên Quang"), (2023, "Quảng Ninh"), (2019, "Hải Phòng"))}
    # The 2022 retail pair (1.954 / +19,4 %) and the outputs of quần áo may sẵn, gạch xây and điện
    # sản xuất are questioned by checks and data notes: no shortcoming rests on them.
    assert found[2023] == [
        "- Trong 6 tháng đầu năm 2023, sản lượng một số sản phẩm công nghiệp chủ yếu của khu vực giảm so với "
        "cùng kỳ năm 2022: bia đóng chai giảm 4,5%, giày dép giảm 2,8%."]
    assert found[2019] == []          # no figure of 2018 or 4M-2019 shows a limitation
    assert not set(found[2025]) & set(found[2023])


def test_a_year_without_findings_keeps_the_standing_frame_and_the_placeholder(dataset):
    texts = [_text(p) for p in _section(_compose(dataset, 2019, "Hải Phòng"), "III.")]
    assert texts[1].startswith(UNEVEN) and len(texts) == 5
    assert texts[-1] == "Tồn tại, hạn chế đặc thù của khu vực trong kỳ báo cáo: [tồn tại, hạn chế đặc thù]."


def test_a_province_below_the_national_iip_is_named_and_its_figure_cited(dataset):
    mine = _province_iip("Lạng Sơn", "9M-2025", "5.5")
    briefing = _compose(_without_province_iip(dataset, mine), 2025, "Tuyên Quang")
    paragraphs = _section(briefing, "III.")
    sentence = next(p for p in paragraphs if "Lạng Sơn" in _text(p))
    assert _text(sentence) == ("- Trong 9 tháng đầu năm 2025, chỉ số sản xuất công nghiệp (IIP) của Lạng Sơn "
                               "tăng 5,5%, thấp hơn mức tăng chung của cả nước (ước tăng 9,1%).")
    cited = {i.figure_id for i in sentence.inlines if isinstance(i, FigureRun)}
    assert cited == {mine.id, "iip_growth@national:9M-2025#2025"}
    assert briefing.figures[mine.id].source == URL        # in the manifest and the sources annex
    assert not any(_text(p).startswith(UNEVEN) for p in paragraphs)   # the data says it instead


def test_several_provinces_below_are_listed_lowest_first_with_their_count(dataset):
    extra = (_province_iip("Sơn La", "9M-2025", "7"), _province_iip("Lạng Sơn", "9M-2025", "5.5"),
             _province_iip("Lai Châu", "9M-2025", "12.1"))
    found = _findings(_without_province_iip(dataset, *extra), 2025, "Tuyên Quang")
    assert found == ["- Trong 9 tháng đầu năm 2025, trong số 3 tỉnh, thành phố đã có số liệu, 2 địa phương có "
                     "mức tăng chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước "
                     "(ước tăng 9,1%): Lạng Sơn (tăng 5,5%), Sơn La (tăng 7%)."]


@pytest.mark.parametrize("keep_national", [True, False], ids=["no-province-data", "no-national-figure"])
def test_without_both_figures_no_province_sentence(dataset, keep_national):
    data = _without_province_iip(dataset) if keep_national else replace(dataset, figures=tuple(
        f for f in dataset.figures if not (f.indicator == "iip_growth" and f.scope == "national")))
    texts = [_text(p) for p in _section(_compose(data, 2025, "Tuyên Quang"), "III.")]
    assert not any("(IIP)" in t for t in texts)
    assert texts[1].startswith(UNEVEN)


def test_a_single_product_that_fell_and_a_regional_total_that_fell(dataset):
    period = parse_period("9M-2025")
    fell = Figure(2025, "phia_bac", period, "region", "product_growth", "giày dép", Decimal("-3.2"), "%", True,
                  "confirmed", URL, "giày dép ước giảm 3,2%", None, line=901)
    export = Figure(2025, "phia_bac", period, "region", "export_growth", None, Decimal("-1.5"), "%", False,
                    "confirmed", URL, "xuất khẩu giảm 1,5%", None, line=902)
    found = _findings(replace(dataset, figures=dataset.figures + (fell, export)), 2025, "Tuyên Quang")
    assert found[-2:] == [
        "- Trong 9 tháng đầu năm 2025, kim ngạch xuất khẩu của khu vực giảm 1,5% so với cùng kỳ năm 2024 "
        "(cả nước ước tăng 16,0%).",
        "- Trong 9 tháng đầu năm 2025, sản lượng giày dép của khu vực ước giảm 3,2% so với cùng kỳ năm 2024."]


def test_a_whole_year_below_the_target_set_for_it(dataset):
    """Without the country's own result, the region's year is set against the country's target."""
    without_national = replace(dataset, figures=tuple(
        f for f in dataset.figures if not (f.indicator == "export_growth" and f.scope == "national")))
    assert _findings(without_national, 2024, "Hà Nội") == [
        "- Năm 2023, kim ngạch xuất khẩu của khu vực tăng 1,7% so với năm 2022, thấp hơn mục tiêu tăng khoảng "
        "6% mà Chính phủ giao cho cả nước năm 2023."]


def test_a_region_ahead_of_the_country_is_no_shortcoming_by_the_countrys_target(dataset):
    """2023: exports of the region +1,7 %, of the country −4,4 %: the 6 % target makes no limitation."""
    assert _findings(dataset, 2024, "Hà Nội") == []


# -- section V -----------------------------------------------------------------------------------

def _tasks(dataset, year: int, host: str, day: date | None = None) -> list[str]:
    return [_text(p) for p in _section(_compose(dataset, year, host, day), "V.")]


def test_2025_tasks_include_the_years_agenda_with_legal_sources(dataset):
    texts = _tasks(dataset, 2025, "Tuyên Quang")
    agenda = [t for t in texts if t.startswith(("Thứ mười ba,", "Thứ mười bốn,", "Thứ mười lăm,"))]
    assert [t.split(",")[0] for t in texts if t.startswith("Thứ ")][-4:] == [
        "Thứ mười hai", "Thứ mười ba", "Thứ mười bốn", "Thứ mười lăm"]
    assert agenda[0].startswith("Thứ mười ba, tổ chức thực hiện Luật Tổ chức chính quyền địa phương số "
                                "72/2025/QH15 ngày 16/6/2025, bảo đảm quản lý nhà nước về công nghiệp, thương "
                                "mại theo mô hình chính quyền địa phương hai cấp")
    assert agenda[1].startswith("Thứ mười bốn, thực hiện Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc "
                                "hội về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025")
    assert "quy hoạch tỉnh" in agenda[1]
    assert agenda[2].startswith("Thứ mười lăm, kiện toàn tổ chức Sở Công Thương") and (
        "Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ" in agenda[2])


def test_no_agenda_in_other_years_nor_before_its_documents(dataset):
    assert not any(t.startswith("Thứ mười ba") for t in _tasks(dataset, 2023, "Quảng Ninh"))
    early = _tasks(dataset, 2025, "Tuyên Quang", date(2025, 6, 14))   # before the law of 16/6/2025
    assert [t.split(",")[0] for t in early if t.startswith("Thứ mười")][-2:] == ["Thứ mười ba", "Thứ mười bốn"]
    assert not any("72/2025/QH15" in t for t in early)


def test_section_five_places_the_region_against_the_years_targets(dataset):
    assert ("Trong 6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực "
            "ước tăng 28,8% so với cùng kỳ năm 2022, cao hơn mục tiêu cả năm (tăng khoảng 8–9%).") in _tasks(
        dataset, 2023, "Quảng Ninh")


@pytest.mark.parametrize("low, high, value, relation", [
    ("8", "9", "7.9", "below"), ("8", "9", "8", "within"), ("8", "9", "9.1", "above"),
    ("6", "6", "6", "met"), ("6", "6", "6.5", "above"), ("8", None, "8", "met"), ("8", None, "30", "met"),
])
def test_relation_to_a_target(low, high, value, relation):
    target = Target(2023, "iip_growth", Decimal(low), Decimal(high) if high else None, "%", "s", "q")
    assert relation_to(target, Decimal(value)) == relation


@pytest.mark.parametrize("number, word", [
    (1, "Thứ nhất"), (4, "Thứ tư"), (10, "Thứ mười"), (11, "Thứ mười một"), (14, "Thứ mười bốn"),
    (15, "Thứ mười lăm"), (20, "Thứ hai mươi"), (21, "Thứ hai mươi mốt"), (24, "Thứ hai mươi tư"),
    (25, "Thứ hai mươi lăm"), (99, "Thứ chín mươi chín"), (100, "Thứ 100"),
])
def test_ordinal_words(number, word):
    assert ordinal_word(number) == word


# -- agenda.csv is data, not code ----------------------------------------------------------------

HEADER = ["year", "order", "key", "theme", "text", "document", "issued", "note"]
GOOD = ["2025", "1", "k", "Chủ đề", "thực hiện {{ source }} tại {{ region }}", "Luật số 1/2025/QH15",
        "2025-06-16", ""]


def _write_agenda(folder: Path, header: list[str], *rows: list[str]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path = folder / "agenda.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _row(**cells: str) -> list[str]:
    return [cells.get(name, GOOD[i]) for i, name in enumerate(HEADER)]


SYNTAX = "nội dung chứa cú pháp mẫu không được phép '"
HOSTILE = [
    (HEADER[:5] + ["documnet"] + HEADER[6:], GOOD, 1, None, "thiếu cột: document"),
    (HEADER, _row(text="{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }} {{ source }}"),
     2, "text", SYNTAX + "{{ cycler.__init__"),
    (HEADER, _row(text="{% for c in ().__class__.__base__.__subclasses__() %}MARKER{% endfor %}{{ source }}"),
     2, "text", SYNTAX + "{% for c in"),
    (HEADER, _row(text="{{ host }} {{ source }} MARKER"), 2, "text",
     "nội dung dùng biến không có '{{ host }}'; chỉ được dùng {{ region }}, {{ year }}, {{ source }}"),
    (HEADER, _row(document="Luật {{ year }} MARKER"), 2, "document",
     "nội dung dùng biến không có '{{ year }}'; không được dùng biến nào"),
    (HEADER, _row(text="thực hiện luật mới MARKER"), 2, "text",
     "nội dung nhiệm vụ phải dẫn văn bản làm căn cứ bằng {{ source }}"),
    (HEADER, _row(text="thực hiện\x07 {{ source }} MARKER"), 2, "text",
     "ô chứa ký tự điều khiển U+0007 ở vị trí 10; văn bản không được có ký tự này"),
    (HEADER, _row(issued="16/6/2025"), 2, "issued", "cần ngày dạng YYYY-MM-DD, gặp '16/6/2025'"),
    (HEADER, _row(year="hai nghìn"), 2, "year", "cần số nguyên, gặp 'hai nghìn'"),
]


@pytest.mark.parametrize("header, row, line, column, message", HOSTILE, ids=[str(i) for i in range(len(HOSTILE))])
def test_a_hostile_agenda_is_refused_with_line_and_column(header, row, line, column, message, tmp_path, capsys):
    data, out, marker = tmp_path / "data", tmp_path / "out", tmp_path / "pwned"
    shutil.copytree(PROJECT / "data", data)
    path = _write_agenda(data, header, [cell.replace("MARKER", str(marker)) for cell in row])
    code, stdout, err = run(draft(out, "--data-dir", str(data)), capsys)
    where = f"dòng {line}" + (f", cột '{column}'" if column else "")
    assert (code, stdout) == (1, "")
    assert err.startswith(f"Lỗi: {path}, {where}: {message}"), err
    assert "Traceback" not in err and not marker.exists() and not out.exists()


def test_a_repeated_order_names_the_earlier_line(tmp_path):
    path = _write_agenda(tmp_path, HEADER, GOOD, GOOD)
    with pytest.raises(DataFileError) as caught:
        load_agenda(path)
    assert str(caught.value).endswith("dòng 3, cột 'order': trùng thứ tự 1 của năm 2025 (đã có ở dòng 2)")


def test_without_agenda_file_there_is_no_agenda(tmp_path):
    assert load_agenda(tmp_path / "agenda.csv") == ()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["{", "}", "%", "#", " ", "a", "source", "region", "year", "{{", "}}",
                                 "{%", "%}", ".", "_", "(", ")", "|", "'", "\x01"]), max_size=30).map("".join))
def test_any_agenda_text_loads_as_plain_text_or_is_refused_on_its_line(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("agenda")
    path = _write_agenda(folder, HEADER, _row(text=text or "x"))
    try:
        items = load_agenda(path)
    except DataFileError as error:
        assert "dòng 2, cột 'text'" in str(error)
        return
    filled = fill_task_text(items[0].text, region="R", year=2025, source="S")
    assert "S" in filled and not any(token in filled for token in ("{{", "{%", "{#"))


def test_a_product_counts_as_fallen_only_by_the_figure_the_draft_prints(dataset):
    """An older report's fall does not outweigh this edition's rise of the same product and period."""
    older = Figure(2024, "phia_bac", parse_period("9M-2025"), "region", "product_growth", "xi măng",
                   Decimal("-3.2"), "%", True, "confirmed", URL, "xi măng ước giảm 3,2%", None, line=903)
    found = _findings(replace(dataset, figures=dataset.figures + (older,)), 2025, "Tuyên Quang")
    assert not any("xi măng" in line for line in found)


def test_a_shortcoming_never_rests_on_a_figure_the_draft_asks_to_verify(dataset):
    """A figure a check questions makes no finding; the other products of the finding stay."""
    from briefgen.analyze.limitations import _without_doubt
    found = build_facts(dataset, build_edition(dataset, 2023, "Quảng Ninh")).limitations
    products = next(f for f in found if f.kind == "products_fell")
    bia = next(f for f in products.figures if f.subject == "bia đóng chai")
    assert _without_doubt(products, frozenset(), set()) == products
    left = _without_doubt(products, frozenset({bia.id}), set())
    assert bia not in left.figures and len(left.figures) == len(products.figures) - 1
    assert _without_doubt(replace(products, figures=(bia,)), frozenset({bia.id}), set()) is None
