"""What an official reads in every shipped draft, class by class (issue 12), from the DOCX.

Class 1: a figure printed with its qualifiers wherever it appears; class 3: every printed
figure's quote is in its seed; class 4: no drafting notes in the body (they are Word comments
and the checklist beside the draft); class 7: no placeholder where the data holds the figure,
and the national figures of 2022 and 2023; class 8 (the text): numbers keep the precision of
their source, table cells do not repeat the unit of their column. The pages themselves are
measured in test_official_draft_layout.py.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import pytest
from conftest import OFFICIAL_DRAFTS
from docx.oxml.ns import qn
from docx_text import cell_text
from test_drafting_notes import _unit_repeats

PROJECT = Path(__file__).resolve().parents[1]
YEARS = sorted(OFFICIAL_DRAFTS)
DRAFTING_NOTES = ("đề nghị các sở công thương cung cấp", "làm cơ sở so sánh khi bổ sung số liệu",
                  "(chưa xác định phạm vi)", "manifest.json", "ô trống", "ô còn trống")
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
QUALIFIER_WORDS = {"lower_bound": r"\b(hơn|trên)\b", "at_least": r"\btừ\b.*\btrở lên\b",
                   "constant_prices_2010": r"giá so sánh 2010", "scope_caveat": r"\(.*phạm vi.*\)"}
OUTSIDE_CONTROL = {"projected"}   # said beside the value like "ước" ("dự kiến tăng", "(dự kiến)"): see test_qualifiers


def _indicators() -> dict[int, dict[str, str]]:
    """Return the rows of data/indicators.csv by their line number."""
    with (PROJECT / "data" / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        return dict(enumerate(csv.DictReader(handle), start=2))


def _everything_printed(draft) -> str:
    """Return the text of the body, its tables, headers, footers and charts (not the comments)."""
    parts = [draft.text]
    with zipfile.ZipFile(draft.result.docx_path) as package:
        for name in package.namelist():
            if re.match(r"word/(header|footer)\d*\.xml|word/charts/chart\d+\.xml", name):
                parts += re.findall(r"<(?:w|a|c):t(?:\s[^>]*)?>([^<]*)<", package.read(name).decode("utf-8"))
                parts += re.findall(r"<c:v>([^<]*)</c:v>", package.read(name).decode("utf-8"))
    return "\n".join(parts)


def _controls(draft) -> dict[str, list[str]]:
    """Return the texts of the content controls of the body by their tag (a figure id or "ph:…")."""
    found: dict[str, list[str]] = {}
    for sdt in draft.document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
        found.setdefault(tag, []).append("".join(t.text or "" for t in sdt.iter(qn("w:t"))))
    return found


# ---------------------------------------------------------------- class 4: drafting notes

@pytest.mark.parametrize("year", YEARS)
def test_no_drafting_note_is_printed(year, official_drafts):
    printed = _everything_printed(official_drafts[year])
    found = [note for note in DRAFTING_NOTES if note in printed.lower()]
    assert found == [] and not SEED_FILE.search(printed), (found, SEED_FILE.search(printed))


@pytest.mark.parametrize("year", YEARS)
def test_what_the_provinces_are_asked_for_is_in_the_checklist(year, official_drafts):
    result = official_drafts[year].result
    checklist = result.checklist_path.read_text(encoding="utf-8")
    assert result.checklist_path.name == f"danh-muc-bo-sung-{result.docx_path.parent.name}.md"
    assert "Đề nghị các Sở Công Thương cung cấp số liệu của địa phương" in checklist


# ---------------------------------------------------------------- class 7: figures the project has

@pytest.mark.parametrize("year", YEARS)
def test_no_placeholder_stands_for_a_figure_the_data_holds(year, official_drafts):
    held = {(r["indicator"], r["subject"], r["scope"], r["period"]) for r in _indicators().values()
            if r["status"] != "rejected"}
    placeholders = [p["id"] for p in official_drafts[year].manifest["placeholders"]]
    keys = [re.fullmatch(r"(\w+)(?:/([^@]+))?@([^:]+):(.+)", p) for p in placeholders]
    assert len([k for k in keys if k]) >= 3
    assert [k.group(0) for k in keys if k and (k[1], k[2] or "", k[3], k[4]) in held] == []


def _results_row(draft, label: str) -> list[str]:
    table = next(t for t in draft.document.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    return next([cell_text(c) for c in row.cells] for row in table.rows if cell_text(row.cells[0]) == label)


def test_2023_prints_the_national_iip_of_the_first_half(official_drafts):
    draft = official_drafts[2023]
    assert "(IIP cả nước ước giảm 1,2% so với cùng kỳ năm 2022)" in draft.text
    assert _results_row(draft, "Chỉ số sản xuất công nghiệp cả nước (tham chiếu)")[-1] == "giảm 1,2%\u00a0(ước)"


def test_2022_prints_the_21_provinces_above_the_national_iip(official_drafts):
    draft = official_drafts[2022]
    assert ("Trong 9 tháng đầu năm 2022, có 21/28 tỉnh, thành phố có chỉ số sản xuất công nghiệp (IIP) tăng "
            "cao hơn mức tăng chung của cả nước") in draft.text
    assert _results_row(draft, "Số tỉnh, thành phố có IIP tăng cao hơn cả nước")[-2] == "21/28"


# ---------------------------------------------------------------- class 1 and 3: figures and their sources

@pytest.mark.parametrize("year", YEARS)
def test_every_printed_figure_carries_its_qualifiers(year, official_drafts):
    rows, controls = _indicators(), _controls(official_drafts[year])
    checked = 0
    for figure in official_drafts[year].manifest["figures"]:
        control = figure.get("control")
        for qualifier in set(filter(None, rows[figure["data_line"]]["qualifiers"].split(";"))) - OUTSIDE_CONTROL:
            for text in controls.get(control["tag"] if control else "", []):
                assert re.search(QUALIFIER_WORDS[qualifier], text), (figure["id"], qualifier, text)
                checked += 1
    assert checked >= {2018: 3, 2025: 1}.get(year, 0)    # section II's own qualified figures


@pytest.mark.parametrize("year", YEARS)
def test_every_seed_figure_quotes_its_seed(year, official_drafts):
    def squeezed(text: str) -> str:
        return " ".join(text.split())
    figures = [f for f in official_drafts[year].manifest["figures"] if SEED_FILE.fullmatch(f["source"])]
    assert figures
    for figure in figures:
        seed = squeezed((PROJECT / "seeds" / figure["source"]).read_text(encoding="utf-8"))
        assert figure["quote"].strip() and squeezed(figure["quote"]) in seed, figure["id"]


# ---------------------------------------------------------------- class 8: numbers and units in the text

@pytest.mark.parametrize("year", YEARS)
def test_numbers_keep_the_precision_of_their_source(year, official_drafts):
    """ "2.584,0" where the source says "2.584": a thousands figure never gains a zero decimal."""
    assert re.findall(r"\d\.\d{3},0\b", official_drafts[year].text) == []


@pytest.mark.parametrize("year", YEARS)
def test_table_cells_do_not_repeat_the_unit_of_their_column(year, official_drafts):
    assert _unit_repeats(official_drafts[year].document) == []



@pytest.mark.parametrize("year", YEARS)
def test_comments_cite_documents_not_file_names(year, official_drafts):
    """A comment names a seed by its publisher and title, as the annex does (issue 12, class 4)."""
    with zipfile.ZipFile(official_drafts[year].result.docx_path) as package:
        comments = package.read("word/comments.xml").decode("utf-8") if "word/comments.xml" in package.namelist() else ""
    assert not SEED_FILE.search(comments)


def test_an_english_pages_rate_is_not_said_to_have_a_converted_unit():
    from dataclasses import replace as changed
    from decimal import Decimal

    from briefgen.domain.figure import Figure
    from briefgen.domain.period import parse_period
    from briefgen.render.markers import figure_note
    rate = Figure(2025, "phia_bac", parse_period("H1-2025"), "Tuyên Quang", "grdp_growth", None, Decimal("7.29"),
                  "%", True, "english", "https://news.example.vn/a", "GRDP +7.29%", None)
    assert figure_note(rate, {"https://news.example.vn/a": "Báo Lao Động"}) == (
        "Số liệu đọc từ trang tin tiếng Anh, cần đối chiếu trước khi sử dụng. Nguồn: Báo Lao Động.")
    assert "(đơn vị do trang tiếng Anh quy đổi)" in figure_note(changed(rate, unit="tỷ USD"))
