"""National context (issue 12, class 7): curated national figures and the targets in force.

The national figures come from public pages (data/indicators.csv, scope ``national``); the
drafts cite them in section II, and the 2025 draft cites the targets of the latest
Government resolution issued by the conference date.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx_text import text_of

from briefgen.analyze import build_facts
from briefgen.analyze.consistency import find_conflicting_reports
from briefgen.analyze.edition import build_edition
from briefgen.analyze.targets import find_targets_in_force
from briefgen.domain.catalog import Resolution, Target
from briefgen.domain.figure import Figure
from briefgen.domain.period import parse_period
from briefgen.model import Paragraph
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.compose import compose_briefing
from briefgen.sources.tables import load_dataset

DATA = Path(__file__).resolve().parents[1] / "data"
CAVEATS = ("english", "lower bound", "upper bound", "conflict", "japanese")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _body(draft) -> str:
    return "\n".join(text_of(p) for p in draft.document.paragraphs)


def test_every_edition_with_a_current_period_has_national_iip_or_retail():
    national = {(r["edition_year"], r["period"]) for r in _rows("indicators.csv") if r["scope"] == "national"}
    for edition in _rows("editions.csv"):
        for period in filter(None, edition["period"].split(";")):
            if period in ("9M-2014", "9M-2017", "H1-2018"):   # no public national figure found
                continue
            assert (edition["year"], period) in national, f"{edition['year']} {period}: no national figure"


def test_a_caveat_in_the_note_is_never_confirmed():
    for line, row in enumerate(_rows("indicators.csv"), start=2):
        if row["scope"] == "national" and row["source"].startswith("http"):
            caveat = any(word in row["note"].lower() for word in CAVEATS)
            assert not (caveat and row["status"] == "confirmed"), f"indicators.csv:{line}: {row['note']}"
            assert (row["status"] == "english") <= ("english" in row["note"].lower()), f"indicators.csv:{line}"


def test_2025_section_ii_cites_the_national_figures(draft_2025):
    body = _body(draft_2025)
    assert "(IIP cả nước ước tăng 8,4% so với năm 2023)" in body
    assert "(IIP cả nước ước tăng 9,1% so với cùng kỳ năm 2024)" in body
    assert "so với cùng kỳ năm 2024 (cả nước ước tăng 9,5%)" in body


def _text_of(year: int, host: str, day: date | None = None) -> str:
    """Return the draft's running text, composed without charts or DOCX (fast)."""
    dataset = load_dataset(DATA)
    facts = build_facts(dataset, build_edition(dataset, year, host, day))
    briefing = compose_briefing(facts, dataset, DEFAULT_WORKSPACE.templates, {})
    return "\n".join("".join(i.text for i in b.inlines) for b in briefing.blocks if isinstance(b, Paragraph))


def test_2022_counts_the_provinces_above_the_national_iip():
    body = _text_of(2022, "Thanh Hóa")
    assert ("Trong 9 tháng đầu năm 2022, có 21/28 tỉnh, thành phố có chỉ số sản xuất công nghiệp (IIP) tăng "
            "cao hơn mức tăng chung của cả nước (IIP cả nước dự kiến tăng 10,3% so với cùng kỳ năm 2021)") in body


def test_2023_national_iip_of_the_first_half_is_a_fall(draft_2023):
    assert "(IIP cả nước ước giảm 1,2% so với cùng kỳ năm 2022)" in _body(draft_2023)


def test_2025_cites_the_targets_in_force_at_the_conference(draft_2025):
    body = _body(draft_2025)
    assert ("tổng sản phẩm trong nước (GDP) tăng khoảng 8,3–8,5% (Nghị quyết số 226/NQ-CP ngày "
            "05/8/2025)") in body
    assert "từ 8% trở lên" not in body


def test_a_conference_before_the_revision_cites_the_earlier_target():
    dataset = load_dataset(DATA)
    edition = build_edition(dataset, 2025, "Tuyên Quang", date(2025, 5, 20))
    targets = {t.target.indicator: t for t in build_facts(dataset, edition).targets}
    assert targets["gdp_growth"].resolution.number == "25/NQ-CP"
    assert targets["gdp_growth"].target.low == Decimal("8") and targets["gdp_growth"].target.high is None
    assert "tăng từ 8% trở lên (Nghị quyết số 25/NQ-CP ngày 05/02/2025)" in _text_of(2025, "Tuyên Quang",
                                                                                   date(2025, 5, 20))


def _target(indicator: str, low: str, resolution: str | None) -> Target:
    return Target(2025, indicator, Decimal(low), None, "%", "s", "q", resolution)


RESOLUTIONS = (Resolution(2025, "A", date(2025, 2, 5), "s", "confirmed", "targets"),
               Resolution(2025, "B", date(2025, 8, 5), "s", "confirmed", "targets"))


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 1, 10), "7"), (date(2025, 2, 5), "8"), (date(2025, 8, 4), "8"),
    (date(2025, 8, 5), "8.4"), (None, "8.4")])
def test_latest_resolution_issued_by_the_day_wins(day, expected):
    targets = (_target("gdp_growth", "8.4", "B"), _target("gdp_growth", "7", None),
               _target("gdp_growth", "8", "A"))
    (chosen,) = find_targets_in_force(targets, RESOLUTIONS, 2025, day)
    assert chosen.target.low == Decimal(expected)


def test_targets_name_known_resolutions_of_their_year():
    known = {(r["year"], r["number"]) for r in _rows("resolutions.csv")}
    for line, row in enumerate(_rows("targets.csv"), start=2):
        if row["resolution"]:
            assert (row["year"], row["resolution"]) in known, f"targets.csv:{line}: {row['resolution']}"


def test_task_group_1_still_cites_the_annual_resolution():
    dataset = load_dataset(DATA)
    assert [r.number for r in dataset.resolutions if r.year == 2025 and r.kind == "annual"] == ["01/NQ-CP"]


def test_files_without_the_added_columns_still_load(tmp_path):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "resolutions.csv").write_text("year,number,date,source,status\n2023,01/NQ-CP,2023-01-06,x,confirmed\n",
                                          encoding="utf-8")
    (data / "targets.csv").write_text("year,indicator,low,high,unit,source,quote\n2023,iip_growth,8,9,%,x,q\n",
                                      encoding="utf-8")
    dataset = load_dataset(data, use_cache=False)
    assert dataset.resolutions[0].kind == "annual" and dataset.targets[0].resolution is None


def _national(value: str, edition: int) -> Figure:
    return Figure(edition, "phia_bac", parse_period("2023"), "national", "iip_growth", None, Decimal(value),
                  "%", False, "confirmed", "https://x", "q", None)


def test_the_consistency_checker_sees_national_figures():
    assert find_conflicting_reports((_national("1.5", 2024), _national("1.3", 2025)))
    assert not find_conflicting_reports((_national("1.5", 2024), _national("1.5", 2025)))
    region = Figure(2024, "phia_bac", parse_period("2023"), "region", "iip_growth", None, Decimal("9"),
                    "%", False, "confirmed", "s", "q", None)
    assert not find_conflicting_reports((_national("1.5", 2024), region))
