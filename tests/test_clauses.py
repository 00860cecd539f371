"""Python decides, templates phrase: the kinds of analyze/clauses.py and their one template each."""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest

from briefgen.analyze.clauses import (KINDS, Finding, held_finding, optional, output_findings,
                                      region_finding, stock_findings)
from briefgen.domain.edition import Region
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.model import Placeholder
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.narrative import FigureLedger, make_environment

TEMPLATES = DEFAULT_WORKSPACE.templates
KIND_FOLDERS = sorted({k.split("/")[0] for k in KINDS})
# Templates that decide nothing any more (sections III–V and host.j2 are rewritten elsewhere).
NO_IF = ("sections/00_opening.j2", "sections/02_results.j2", "sections/06_recommendations.j2",
         "sections/07_appendix.j2", "findings/provinces.j2", "findings/merger.j2")
IF_TAG = re.compile(r"\{%-?\s*(if|elif)\b")


def _figure(value: str, indicator: str = "export_value", scope: str = "Hà Nội", estimate=False) -> Figure:
    return Figure(2025, "phia_bac", Period(2025, 9), scope, indicator, None, Decimal(value), "tỷ USD",
                  estimate, "confirmed", "test", "", None)


def _render(kind: str, **context) -> str:
    """Return kind's template rendered with *context*, figures shown as their plain text."""
    ledger = FigureLedger(placeholders={})
    text = make_environment(TEMPLATES, ledger).get_template(f"findings/{kind}.j2").render(**context)
    return re.sub(r"⟦[^⟧]*⟧", "#", text)   # the markers of figures and placeholders


def test_every_kind_has_its_template_and_every_template_a_kind():
    files = {str(p.relative_to(TEMPLATES / "findings").with_suffix("")) for folder in KIND_FOLDERS
             for p in (TEMPLATES / "findings" / folder).glob("*.j2") if not p.name.startswith("_")}
    assert files == set(KINDS)


@pytest.mark.parametrize("name", NO_IF + tuple(f"findings/{k}.j2" for k in KINDS))
def test_templates_decide_nothing(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    assert not IF_TAG.search(source)
    assert not re.search(r"\"[a-z]+\"\[", source), "no string slicing in templates"


def test_section_one_decides_only_in_the_host_part():
    source = (TEMPLATES / "sections/01_edition.j2").read_text(encoding="utf-8")
    assert not IF_TAG.search(source.split("## 3.")[0])


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
