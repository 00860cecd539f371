"""Section I.3 "Địa phương đăng cai" (issue 12, class 5): only the host's own figures, in full sentences."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from docx_text import text_of

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition
from briefgen.analyze.host import build_host_profile
from briefgen.analyze.host_findings import find_host_periods, within
from briefgen.api import load_form_data
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import K
from briefgen.domain.period import Period, parse_period
from briefgen.model import FigureRun, Heading, Paragraph, PlaceholderRun
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.compose import compose_briefing
from briefgen.sources.tables import load_dataset

HEADING = "3. Địa phương đăng cai"
VERBS = re.compile(r"(?<!\w)(thuộc|đạt|tăng|giảm|chiếm|có|gấp|bằng|được tổng hợp)(?!\w)")
TQ_SIZE = ("Tỉnh Tuyên Quang thuộc vùng Trung du và miền núi phía Bắc, được thành lập trên cơ sở hợp nhất "
           "tỉnh Hà Giang và tỉnh Tuyên Quang theo Nghị quyết 202/2025/QH15, hoạt động từ ngày 01/7/2025. "
           "Khi thành lập, tỉnh có diện tích tự nhiên 13.795,50 km² và quy mô dân số 1.865.270 người.")
TQ_GRDP = ("Trong 6 tháng đầu năm 2025, tổng sản phẩm trên địa bàn (GRDP) của tỉnh Tuyên Quang ước tăng 7,29% "
           "so với cùng kỳ năm 2024.")
TQ_ASK = ("Ngành Công Thương tỉnh Tuyên Quang năm 2024 và 9 tháng đầu năm 2025 đạt được một số kết quả chủ yếu "
          "sau: [kết quả chủ yếu của tỉnh Tuyên Quang].")
QN_2022 = ("Năm 2022, tổng sản phẩm trên địa bàn (GRDP) của tỉnh Quảng Ninh đạt 269 nghìn tỷ đồng, tăng 10,28% "
           "so với năm 2021; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của tỉnh đạt 140,3 nghìn tỷ "
           "đồng, chiếm 7,18% tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của toàn khu vực.")
QN_H1 = ("Trong 6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của tỉnh Quảng Ninh "
         "ước đạt 73,8 nghìn tỷ đồng, chiếm 5,6% tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của "
         "toàn khu vực.")


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_WORKSPACE.data)


def shipped(dataset) -> list[tuple[int, str]]:
    """Return (year, host) of every edition whose host the data confirms."""
    return [(e.year, e.host) for e in dataset.editions if e.host and e.host_status == "confirmed"]


def _section(dataset, year: int, host: str, form: Path | None = None):
    """Return the draft's model, its host's name and the paragraphs of section I.3."""
    edition = build_edition(dataset, year, host)
    forms = None
    if form:
        dataset, forms = load_form_data(dataset, edition, [form])
    facts = build_facts(dataset, edition, forms, seeds_dir=DEFAULT_WORKSPACE.seeds)
    briefing = compose_briefing(facts, dataset, DEFAULT_WORKSPACE.templates, charts={})
    start = next(i for i, b in enumerate(briefing.blocks) if isinstance(b, Heading) and b.text == HEADING)
    end = next(i for i, b in enumerate(briefing.blocks) if i > start and isinstance(b, Heading) and b.level <= 2)
    return briefing, edition.host.name, [b for b in briefing.blocks[start + 1:end] if isinstance(b, Paragraph)]


def _plain(paragraph: Paragraph) -> str:
    return "".join(i.text for i in paragraph.inlines)


@pytest.fixture(scope="module")
def sections(dataset):
    return {(year, host): _section(dataset, year, host) for year, host in shipped(dataset)}


def test_the_shipped_editions_are_the_ones_with_a_confirmed_host(dataset):
    assert shipped(dataset) == [(2016, "Ninh Bình"), (2017, "Phú Thọ"), (2018, "Nghệ An"), (2019, "Hải Phòng"),
                                (2022, "Thanh Hóa"), (2023, "Quảng Ninh"), (2024, "Hà Nội"),
                                (2025, "Tuyên Quang")]


def test_every_figure_of_the_host_section_has_the_host_as_scope(sections):
    for (year, _), (briefing, host, paragraphs) in sections.items():
        runs = [i for p in paragraphs for i in p.inlines if isinstance(i, FigureRun)]
        assert {briefing.figures[r.figure_id].scope for r in runs} <= {host}, year


def test_with_a_filled_form_the_host_paragraph_has_only_the_host_s_figures_in_sentences(dataset):
    form = DEFAULT_WORKSPACE.data.parent / "examples" / "bieu-mau-2025-vi-du.xlsx"
    briefing, host, paragraphs = _section(dataset, 2025, "Tuyên Quang", form)
    runs = [i for p in paragraphs for i in p.inlines if isinstance(i, FigureRun)]
    assert len(runs) > 20 and {briefing.figures[r.figure_id].scope for r in runs} == {host}
    texts = [_plain(p) for p in paragraphs]
    assert texts[3].startswith("Năm 2024, chỉ số sản xuất công nghiệp (IIP) tăng 12% so với cùng kỳ, đứng thứ 6/18 "
                               "trong khu vực; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 50.000 "
                               "tỷ đồng, tăng 11,1%, chiếm 1,93% của toàn khu vực (thứ 13/18);")
    assert all(t.endswith(".") and VERBS.search(t) and not t.startswith("-") for t in texts)


def test_every_paragraph_is_a_full_sentence(sections):
    for (year, _), (_, _, paragraphs) in sections.items():
        assert paragraphs, year
        for paragraph in paragraphs:
            text = _plain(paragraph)
            assert not text.lstrip().startswith(("-", "–", "•")), (year, text)
            assert text.endswith(".") and VERBS.search(text), (year, text)
            assert text[0].isupper(), (year, text)


def test_2025_says_the_host_s_own_figures_and_asks_for_its_results(sections):
    briefing, _, paragraphs = sections[(2025, "Tuyên Quang")]
    assert [_plain(p) for p in paragraphs] == [TQ_SIZE, TQ_GRDP, TQ_ASK]
    assert "17.115" not in "".join(_plain(p) for p in paragraphs)
    grdp = next(i for i in paragraphs[1].inlines if isinstance(i, FigureRun))
    assert grdp.note and "tiếng Anh" in grdp.note            # an English page: a comment asks for a check
    assert briefing.figures[grdp.figure_id].source.startswith("https://news.laodong.vn/")
    assert isinstance(paragraphs[2].inlines[-2], PlaceholderRun)


def test_2023_says_whose_share_of_what(sections):
    _, _, paragraphs = sections[(2023, "Quảng Ninh")]
    assert [_plain(p) for p in paragraphs][1:] == [QN_2022, QN_H1]
    assert "Tỷ trọng trong toàn khu vực" not in "".join(_plain(p) for p in paragraphs)


def test_2022_reports_the_host_s_curated_figures_with_their_estimate(sections):
    _, _, paragraphs = sections[(2022, "Thanh Hóa")]
    assert _plain(paragraphs[1]) == (
        "Trong 9 tháng đầu năm 2022, chỉ số sản xuất công nghiệp (IIP) của tỉnh Thanh Hóa ước tăng 16,03% so với "
        "cùng kỳ năm 2021; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của tỉnh ước đạt 127.805 tỷ "
        "đồng, tăng 24,7% so với cùng kỳ năm 2021; kim ngạch xuất khẩu của tỉnh ước đạt 4.404 triệu USD, tăng "
        "11,7% so với cùng kỳ năm 2021.")


def test_the_written_draft_says_the_same(draft_2023, draft_2025):
    texts = {text_of(p) for p in draft_2023.document.paragraphs}
    assert QN_2022 in texts and QN_H1 in texts
    texts = {text_of(p) for p in draft_2025.document.paragraphs}
    assert TQ_SIZE in texts and TQ_GRDP in texts


def _figure(indicator: str, value: str, period: str = "9M-2025", scope: str = "Tuyên Quang",
            subject: str | None = None, unit: str = "%", estimate: bool = False) -> Figure:
    return Figure(2025, "phia_bac", parse_period(period), scope, indicator, subject, Decimal(value), unit,
                  estimate, "confirmed", "https://example.org/", "…", None)


def test_a_figure_of_another_unit_or_of_the_region_never_enters_the_host_profile(dataset):
    others = (_figure(K.iip_growth, "12", scope="Hà Giang"), _figure(K.iip_growth, "9", scope="region"),
              _figure(K.iip_growth, "8", scope="national"), _figure(K.iip_growth, "11", period="2023"))
    profile = build_host_profile(replace(dataset, figures=dataset.figures + others),
                                 build_edition(dataset, 2025, "Tuyên Quang"))
    assert {f.scope for f in profile.figures} == {"Tuyên Quang"}
    assert not [f for f in profile.figures if f.indicator == K.iip_growth]


@pytest.mark.parametrize("figures, expected", [
    # a value, its growth and the host's share of the region make one clause
    ((_figure(K.retail_sales, "5", unit="nghìn tỷ đồng"), _figure(K.retail_growth, "3"),
      _figure(K.share_of_region, "2", subject=K.retail_sales)),
     [(K.retail_sales, "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", True, True, True)]),
    # a growth alone speaks of its measure, not of "tốc độ tăng"
    ((_figure(K.iip_growth, "9"), _figure(K.grdp_growth, "7")),
     [(K.grdp_growth, "tổng sản phẩm trên địa bàn (GRDP)", False, True, False),
      (K.iip_growth, "chỉ số sản xuất công nghiệp (IIP)", False, True, False)]),
    # a product's output and its ratio to last year
    ((_figure(K.product_ratio, "2.8", subject="xi măng", unit="lần"),
      _figure(K.product_output, "4", subject="xi măng", unit="triệu tấn")),
     [(K.product_output, "sản lượng xi măng", True, True, False)]),
    # a share alone
    ((_figure(K.share_of_region, "7", subject=K.export_value),),
     [(K.share_of_region, "kim ngạch xuất khẩu", False, False, True)]),
])
def test_clauses_fold_a_change_and_a_share_into_their_measure(figures, expected):
    (found,) = find_host_periods(figures)
    assert [(c.indicator, c.noun, bool(c.value), bool(c.change), bool(c.share)) for c in found.clauses] == expected


@pytest.mark.parametrize("code, inside", [("9M-2025", True), ("H1-2025", True), ("M7-2025", True),
                                          ("Q3-2025", True), ("2024", True), ("10M-2025", False),
                                          ("2025", False), ("H1-2024", False), ("M10-2025", False)])
def test_a_host_figure_may_be_of_a_reporting_period_or_inside_the_current_one(code, inside):
    assert within(parse_period(code), (Period(2024), Period(2025, 9))) is inside
