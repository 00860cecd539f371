"""The drafts open in a real client: LibreOffice headless converts them to PDF intact."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.libreoffice
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

if SOFFICE is None and os.environ.get("CI"):
    raise RuntimeError("LibreOffice is required in CI: run ./setup.sh")


def _to_pdf(docx_path: Path, workdir: Path) -> Path:
    profile = workdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(workdir), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    return workdir / (docx_path.stem + ".pdf")


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
def test_2025_draft_converts_with_diacritics(draft_2025, tmp_path):
    pdf = _to_pdf(draft_2025.result.docx_path, tmp_path)
    text = " ".join(_pdf_text(pdf).split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                     "tỉnh Tuyên Quang", "năm 2024 và 9 tháng đầu năm 2025", "Thứ mười,",
                     "[… nghìn tỷ đồng]", "1.954 nghìn tỷ đồng", "Nơi nhận:"):
        assert expected in text, expected
    assert 6 <= _pages(pdf) <= 30


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
def test_page_numbers_start_on_page_two(draft_2023, tmp_path):
    pdf = _to_pdf(draft_2023.result.docx_path, tmp_path)
    first, second = (_pdf_text_page(pdf, n) for n in (1, 2))
    assert first.strip().splitlines()[0].strip() != "1"
    assert second.strip().splitlines()[0].strip() == "2"


def _pdf_text_page(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
