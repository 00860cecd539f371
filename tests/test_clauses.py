"""Python decides, templates phrase: the kinds of analyze/clauses.py and their one template each."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

import pytest

from briefgen.analyze.clauses import (KINDS, Finding, held_finding, optional, output_findings,
                                      region_finding, stock_findings)
from briefgen.analyze.clauses import uneven_growth_said
from briefgen.analyze.comparison_clauses import comparison_finding, gap_words
from briefgen.analyze.host import HostProfile
from briefgen.analyze.host_clauses import host_findings, host_results
from briefgen.analyze.host_findings import HostClause
from briefgen.analyze.limitations import KINDS as LIMITATION_KINDS
from briefgen.analyze.limitations import SHAPES
from briefgen.analyze.limitations import Finding as LimitationFinding
from briefgen.domain.edition import Region
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.model import Placeholder
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.narrative import FigureLedger, make_environment

TEMPLATES = DEFAULT_WORKSPACE.templates
KIND_FOLDERS = sorted({k.split("/")[0] for k in KINDS})
IF_TAG = re.compile(r"\{%-?\s*(if|elif)\b")
ALL_TEMPLATES = sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.j2"))


def _figure(value: str, indicator: str = "export_value", scope: str = "Hà Nội", estimate=False) -> Figure:
    return Figure(2025, "phia_bac", Period(2025, 9), scope, indicator, None, Decimal(value), "tỷ USD",
                  estimate, "confirmed", "test", "", None)


def _render(kind: str, **context) -> str:
    """Return kind's template rendered with *context*, figures shown as ``#``."""
    return _render_file(f"findings/{kind}.j2", **context)


def _render_file(name: str, **context) -> str:
    """Return the template *name* rendered with *context*, figures and placeholders shown as ``#``."""
    ledger = FigureLedger(placeholders={})
    text = make_environment(TEMPLATES, ledger).get_template(name).render(**context)
    return re.sub(r"⟦[^⟧]*⟧", "#", text)   # the markers of figures and placeholders


def test_every_kind_has_its_template_and_every_template_a_kind():
    files = {str(p.relative_to(TEMPLATES / "findings").with_suffix("")) for folder in KIND_FOLDERS
             for p in (TEMPLATES / "findings" / folder).glob("*.j2") if not p.name.startswith("_")}
    assert files == set(KINDS)


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_templates_decide_nothing(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    assert not IF_TAG.search(source), "a decision belongs in analyze/: a kind, a shape or an optional clause"
    assert not re.search(r"\[:?\d*:\d*\]", source), "no string slicing in templates"


def test_the_shipped_templates_are_all_checked():
    assert {"sections/01_edition.j2", "sections/04_comparison.j2", "findings/host_own.j2",
            "findings/limitations/provinces_below_national.j2"} <= set(ALL_TEMPLATES)


def test_every_limitation_shape_has_its_template_and_every_template_a_shape():
    folder = TEMPLATES / "findings" / "limitations"
    for kind in LIMITATION_KINDS:
        assert (folder / f"{kind}.j2").is_file()
        found = {p.stem for p in (folder / kind).glob("*.j2")} if (folder / kind).is_dir() else set()
        assert found == set(SHAPES.get(kind, ()))


@pytest.mark.parametrize("series, post_merger, kind", [
    ("phia_bac", True, "region/post_merger"), ("tdmnbb", False, "region/one_subregion"),
    ("phia_bac", False, "region/three_subregions")])
def test_region_kind(series, post_merger, kind):
    assert region_finding(Region(series, "khu vực", (), post_merger)).kind == kind


def test_held_on_a_date_or_a_placeholder():
    wanted = Placeholder("date", "[ngày …]", "Cần bổ sung: ngày.")
    edition = SimpleNamespace(date=None)
    assert held_finding(edition, wanted) == Finding("edition/held_open", placeholder=wanted)
    assert held_finding(SimpleNamespace(date=1), wanted).kind == "edition/held_on"


def test_output_sentence_by_what_is_known():
    value, growth, period = _figure("10"), _figure("5"), Period(2025, 9)
    results = SimpleNamespace(period=period, output_value=value, output_growth=growth, output_plan_share=None)
    assert output_findings(results) == (Finding("results/output_value", value=value, period=period,
                                                 growth=(growth,), plan_share=()),)
    assert output_findings(SimpleNamespace(period=period, output_value=None, output_growth=growth,
                                           output_plan_share=None))[0].kind == "results/output_growth"
    assert output_findings(SimpleNamespace(period=period, output_value=None, output_growth=None,
                                           output_plan_share=None)) == ()


def test_optional_clauses_are_tuples_of_none_or_one():
    assert optional(None) == () and optional(0) == () and optional("x") == ("x",)
    stock = SimpleNamespace(ccn_established_area=None, ccn_operating_area=1, ccn_occupancy=None, ccn_planned=2)
    said = stock_findings(stock)
    assert (said.established_area, said.operating_area, said.occupancy, said.planned) == ((), (1,), (), (2,))


def test_a_value_only_reported_names_who_reported_and_the_leaders():
    summary = SimpleNamespace(measure=SimpleNamespace(label="Kim ngạch xuất khẩu"), reported=3)
    leaders = (SimpleNamespace(name="Bắc Ninh", value=_figure("60"), share=(_figure("28.4"),)),
               SimpleNamespace(name="Hà Nội", value=_figure("20"), share=()))
    text = _render("provinces/reported_only", f=Finding("provinces/reported_only", summary=summary,
                                                         leaders=leaders))
    assert text == "Kim ngạch xuất khẩu: 3 địa phương có số liệu. Dẫn đầu là Bắc Ninh (#, chiếm #); Hà Nội (#).\n"


def test_unknown_finding_values_fail_loudly():
    with pytest.raises(AttributeError):
        Finding("region/post_merger").names


# --- sections I.3, III, IV, V: the decisions that left the templates ---------------------

def _limitation(kind: str, figures: int, reported: int = 0, expected: int = 0, **more) -> LimitationFinding:
    return LimitationFinding(kind, Period(2025, 9), tuple(_figure(str(-i), "iip_growth", f"T{i}") for i in
                                                          range(1, figures + 1)), _figure("5", "iip_growth", "national"),
                             reported=reported, expected=expected, **more)


@pytest.mark.parametrize("kind, figures, reported, expected, shape", [
    ("provinces_below_national", 3, 18, 18, "all_reported"),
    ("provinces_below_national", 1, 1, 1, "all_reported"),
    ("provinces_below_national", 1, 1, 18, "one_reported"),
    ("provinces_below_national", 1, 5, 18, "one_of_reported"),
    ("provinces_below_national", 2, 5, 18, "some_of_reported"),
    ("products_fell", 1, 0, 0, "one"), ("products_fell", 4, 0, 0, "several"),
    ("indicator_fell", 1, 0, 0, ""), ("target_missed", 1, 0, 0, "")])
def test_the_shape_of_a_limitation_is_decided_by_its_counts(kind, figures, reported, expected, shape):
    assert _limitation(kind, figures, reported, expected).shape == shape


def test_a_limitation_s_optional_clauses():
    plain = _limitation("indicator_fell", 1)
    target = SimpleNamespace(resolution=None)
    assert (plain.compared, plain.missed, plain.cited) == ((plain.national,), (), ())
    assert _limitation("indicator_fell", 1, target=target).cited == ()
    cited = SimpleNamespace(resolution="226/NQ-CP")
    assert _limitation("indicator_fell", 1, target=cited).cited == ("226/NQ-CP",)
    assert (_limitation("products_fell", 1).whose, _limitation("products_fell", 1, scope="Sơn La").whose) == \
        ("của khu vực", "của Sơn La")


@pytest.mark.parametrize("shape, figures, reported, text", [
    ("one_reported", 1, 1, "- Trong 9 tháng đầu năm 2025, chỉ số sản xuất công nghiệp (IIP) của T1 #, thấp hơn "
                           "mức tăng chung của cả nước (#).\n"),
    ("one_of_reported", 1, 4, "- Trong 9 tháng đầu năm 2025, trong số 4 tỉnh, thành phố đã có số liệu, T1 (#) có mức "
                              "tăng chỉ số sản xuất công nghiệp (IIP) thấp hơn mức tăng chung của cả nước (#).\n")],
    ids=["one_reported", "one_of_reported"])
def test_provinces_below_national_phrases_its_shape(shape, figures, reported, text):
    finding = _limitation("provinces_below_national", figures, reported, 18)
    assert finding.shape == shape
    assert _render("limitations/provinces_below_national", f=finding) == text


def test_one_product_that_fell_is_named_with_whose_it_is():
    cement = replace(_figure("-3", "product_growth", "Sơn La"), subject="xi măng")
    finding = LimitationFinding("products_fell", Period(2025, 9), (cement,), scope="Sơn La")
    assert _render("limitations/products_fell", f=finding) == \
        "- Trong 9 tháng đầu năm 2025, sản lượng xi măng của Sơn La # so với cùng kỳ năm 2024.\n"


def _clause(value=None, change=None, share=None) -> HostClause:
    return HostClause("retail_sales", "tổng mức bán lẻ", value, change, share, "của toàn khu vực")


@pytest.mark.parametrize("parts, said", [
    ("v", {"valued"}), ("c", {"change_alone"}), ("s", {"share_alone"}),
    ("vc", {"valued", "change_after_value"}), ("vs", {"valued", "share_after"}),
    ("cs", {"change_alone", "share_after"}), ("vcs", {"valued", "change_after_value", "share_after"})])
def test_a_host_clause_says_each_part_in_one_place(parts, said):
    figures = {k: _figure(str(i)) if k in parts else None for i, k in enumerate("vcs", start=1)}
    clause = _clause(figures["v"], figures["c"], figures["s"])
    slots = ("valued", "change_after_value", "change_alone", "share_after", "share_alone")
    assert {name for name in slots if getattr(clause, name)} == said


def test_a_share_alone_carries_the_estimate_word():
    host = SimpleNamespace(periods=(SimpleNamespace(period=Period(2025, 9), clauses=(
        _clause(share=_figure("12", estimate=True)),)),), title="tỉnh Lào Cai", kind="tỉnh")
    assert _render_file("findings/host_own.j2", host=host) == \
        "Trong 9 tháng đầu năm 2025, tổng mức bán lẻ của tỉnh Lào Cai ước chiếm # của toàn khu vực.\n\n"


def _host(**changes) -> HostProfile:
    base = HostProfile("Hà Nội", "thành phố Hà Nội", "Đồng bằng sông Hồng", (), None, (), (), "thành phố")
    return replace(base, **changes)


EDITION = SimpleNamespace(periods=(Period(2024), Period(2025, 9)))


@pytest.mark.parametrize("host_periods, own, kind", [
    (("p",), (), "host/form"), ((), (), "host/open"), (None, (), "host/open"),
    (None, (_figure("5", "retail_growth"),), None), (("p",), (_figure("5", "retail_growth"),), "host/form")])
def test_the_host_s_results_come_from_its_form_or_a_placeholder_asks_for_them(host_periods, own, kind, monkeypatch):
    monkeypatch.setattr("briefgen.analyze.host_clauses._form_period", lambda p: p)
    provinces = None if host_periods is None else SimpleNamespace(host_periods=host_periods, example=False)
    found = host_results(_host(figures=own), EDITION, provinces)
    assert [f.kind for f in found] == ([kind] if kind else [])
    if kind == "host/open":
        assert found[0].placeholder.need == ("Cần bổ sung: kết quả sản xuất công nghiệp, thương mại của thành phố "
                                             "Hà Nội năm 2024 và 9 tháng đầu năm 2025 (IIP, tổng mức bán lẻ, kim "
                                             "ngạch xuất khẩu).")


def test_an_edition_hosted_under_another_name_says_it():
    editions = tuple(SimpleNamespace(ordinal=o, year=y, host=h) for o, y, h in (("V", 2018, "Hà Nội"),
                                                                                ("III", 2008, "Hà Tây")))
    said = host_findings(_host(hosted_before=editions), EDITION, None)
    assert [(e.ordinal, e.then) for e in said.hosted[0]] == [("V", ()), ("III", ("Hà Tây",))]
    assert (said.formed, said.size) == ((), ())
    assert host_findings(_host(), EDITION, None).hosted == ()


@pytest.mark.parametrize("known, previous, kind", [
    (True, True, "comparison/against_previous"), (False, True, "comparison/current_open"),
    (True, False, "comparison/no_previous"), (False, False, None)])
def test_a_comparison_s_shape_is_decided_by_what_is_known(known, previous, kind):
    comparison = SimpleNamespace(current=SimpleNamespace(known=known), previous=previous or None, gap=None,
                                 rank_note="", label="Kim ngạch xuất khẩu", is_growth=True)
    assert [f.kind for f in comparison_finding(comparison)] == ([kind] if kind else [])


@pytest.mark.parametrize("gap, whole, words", [
    (None, True, ()), ((2020, 2020), True, ("năm 2020",)), ((2020, 2021), True, ("các năm 2020–2021",)),
    ((2020, 2021), False, ("cùng kỳ các năm 2020–2021",))])
def test_the_years_without_data_between_two_compared(gap, whole, words):
    comparison = SimpleNamespace(gap=gap, period=SimpleNamespace(is_whole_year=whole))
    assert gap_words(comparison) == words


def test_a_growth_still_to_fill_names_its_rate():
    comparison = SimpleNamespace(current=SimpleNamespace(known=False), previous=1, gap=None,
                                 label="Kim ngạch xuất khẩu", is_growth=True)
    assert comparison_finding(comparison)[0].label == "Tốc độ tăng kim ngạch xuất khẩu"


def test_the_standing_sentence_on_uneven_growth_only_without_the_provinces_below():
    assert uneven_growth_said(()) == (True,)
    assert uneven_growth_said((_limitation("indicator_fell", 1),)) == (True,)
    assert uneven_growth_said((_limitation("provinces_below_national", 2, 18, 18),)) == ()
