"""Shared fixtures: drafts are built once per session and read back from disk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from briefgen.api import BuildResult, build_briefing
from docx_text import cell_text, runs_of, text_of

PROJECT = Path(__file__).resolve().parent.parent


@dataclass
class BuiltDraft:
    result: BuildResult
    document: object            # python-docx Document read back from the file
    manifest: dict

    @property
    def text(self) -> str:
        """All paragraph and table text of the body, in order."""
        parts = [text_of(p) for p in self.document.paragraphs]
        for table in self.document.tables:
            for row in table.rows:
                parts.extend(cell_text(cell) for cell in row.cells)
        return "\n".join(parts)


def build_and_read(out: Path, year: int, host: str) -> BuiltDraft:
    result = build_briefing(year, host, out_dir=out)
    return BuiltDraft(result, docx.Document(str(result.docx_path)),
                      json.loads(result.manifest_path.read_text(encoding="utf-8")))


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Keep the chart and dataset caches of the test run out of the user's ~/.cache."""
    import os
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("BRIEFGEN_CACHE_DIR")
    os.environ["BRIEFGEN_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("BRIEFGEN_CACHE_DIR", None)
    else:
        os.environ["BRIEFGEN_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def draft_2025(tmp_path_factory) -> BuiltDraft:
    return build_and_read(tmp_path_factory.mktemp("out2025"), 2025, "Tuyên Quang")


@pytest.fixture(scope="session")
def draft_2023(tmp_path_factory) -> BuiltDraft:
    return build_and_read(tmp_path_factory.mktemp("out2023"), 2023, "quang ninh")


@pytest.fixture(scope="session")
def draft_form(tmp_path_factory) -> BuiltDraft:
    """The 2025 draft built with the example form (examples/bieu-mau-2025-vi-du.xlsx)."""
    example = PROJECT / "examples" / "bieu-mau-2025-vi-du.xlsx"
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path_factory.mktemp("form"), data_files=[example])
    return BuiltDraft(result, docx.Document(str(result.docx_path)),
                      json.loads(result.manifest_path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def dataset():
    """The shipped dataset (a test module may define its own)."""
    from briefgen.sources.tables import load_dataset
    from briefgen.paths import DEFAULT_WORKSPACE
    return load_dataset(DEFAULT_WORKSPACE.data)


@pytest.fixture(scope="module")
def layout(dataset):
    """The province form's layout for 2025."""
    from briefgen.forms.layout import layout_for_year
    return layout_for_year(dataset, 2025)


OFFICIAL_DRAFTS = {2018: "Nghệ An", 2019: "Hải Phòng", 2022: "Thanh Hóa", 2023: "Quảng Ninh",
                   2024: "Hà Nội", 2025: "Tuyên Quang"}   # the shipped drafts (data/editions.csv)


@pytest.fixture(scope="session")
def official_drafts(request, tmp_path_factory) -> dict[int, BuiltDraft]:
    """Every shipped draft by year (2025 and 2023 are the session's own drafts)."""
    out = tmp_path_factory.mktemp("official")
    built = {2025: request.getfixturevalue("draft_2025"), 2023: request.getfixturevalue("draft_2023")}
    return {year: built.get(year) or build_and_read(out, year, host) for year, host in OFFICIAL_DRAFTS.items()}


@pytest.fixture(scope="session")
def official_pdfs(official_drafts, tmp_path_factory) -> dict[int, Path]:
    """Every shipped draft converted to PDF, all in one LibreOffice run (tests marked libreoffice)."""
    from pdf_pages import SOFFICE, convert_to_pdf
    if SOFFICE is None:
        pytest.skip("LibreOffice not installed (./setup.sh installs it)")
    years = sorted(official_drafts)
    pdfs = convert_to_pdf([official_drafts[y].result.docx_path for y in years], tmp_path_factory.mktemp("pdf"))
    return dict(zip(years, pdfs))
