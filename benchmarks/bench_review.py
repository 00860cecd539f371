"""How long ``briefgen review`` takes on a ~30-page edited draft (issue 15: ≤ 0,2× the peer's cold run).

Run from the project folder: ``python benchmarks/bench_review.py [--runs 5] [--pages 30]``.
Builds the 2025 draft (Tuyên Quang) in a temporary folder, repeats its body (paragraphs,
tables and their content controls, charts) until it is about *--pages* long, types the
round-trip edits of the tests into it, counts its pages with LibreOffice when present, then
times ``python -m briefgen review DRAFT --json`` in a fresh interpreter (what a user runs)
and the review inside a warm process. ``review_seconds(path)`` is the function other
benchmarks (``bench_ratios.py``) call.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
YEAR, HOST = 2025, "Tuyên Quang"
EDITS = {"retail_sales@region:9M-2025": "1.720,5 nghìn tỷ đồng", "retail_growth@region:9M-2025": "tăng 12,3%",
         "ccn_established@region:9M-2025#2025": "615"}


def review_seconds(path: Path | str, cold: bool = True) -> float:
    """Return the wall seconds of one review of the draft at *path*.

    *cold*: ``python -m briefgen review PATH --json`` in a fresh interpreter (exit code 0
    required); else ``run_review`` in this process (imports already paid).
    """
    start = time.perf_counter()
    if cold:
        subprocess.run([sys.executable, "-m", "briefgen", "review", str(path), "--json"], cwd=PROJECT,
                       env={**os.environ, "PYTHONPATH": str(PROJECT)}, check=True, stdout=subprocess.DEVNULL)
    else:
        from briefgen.review.cli import run_review

        run_review(Path(path))
    return time.perf_counter() - start


def count_pages(docx_path: Path, work: Path) -> int | None:
    """Return the page count LibreOffice lays the draft out in, or None without LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdf = (work / docx_path.with_suffix(".pdf").name).read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def lengthen(source: Path, target: Path, times: float) -> Path:
    """Write *target*: *source* with its body (all but the section settings) repeated to *times* its length."""
    import docx

    document = docx.Document(str(source))
    content = [child for child in document.element.body if not child.tag.endswith("}sectPr")]
    anchor = content[-1]
    for i in range(round(len(content) * (times - 1))):
        anchor.addnext(copy.deepcopy(content[i % len(content)]))
        anchor = anchor.getnext()
    document.save(str(target))
    return target


def build_long_draft(work: Path, pages: int) -> tuple[Path, int | None]:
    """Return an edited draft of about *pages* pages under *work* and its counted pages."""
    sys.path.insert(0, str(PROJECT / "tests"))
    from draft_edits import edit_controls

    from briefgen.api import build_briefing

    built = build_briefing(YEAR, HOST, out_dir=work / "out").docx_path
    one = count_pages(built, work)
    long = lengthen(built, work / "du-thao-dai.docx", pages / one if one else 2.5)
    edited = edit_controls(long, work / "du-thao-dai-da-sua.docx", EDITS)
    return edited, count_pages(edited, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as folder:
        work = Path(folder)
        os.environ["BRIEFGEN_CACHE_DIR"] = str(work / "cache")
        draft, pages = build_long_draft(work, args.pages)
        review_seconds(draft)                        # the first run pays the disk cache
        cold = statistics.median(review_seconds(draft) for _ in range(args.runs))
        warm = statistics.median(review_seconds(draft, cold=False) for _ in range(args.runs))
        size = draft.stat().st_size
    shown = f"{pages} pages (LibreOffice)" if pages else "pages not counted (LibreOffice absent)"
    print(f"briefgen review benchmark — {os.cpu_count()} cores, medians of {args.runs} runs")
    print(f"edited draft: {shown}, {size // 1024} KB")
    print(f"cold `briefgen review --json` (fresh interpreter)   {cold * 1000:8.0f} ms")
    print(f"review in a warm process (run_review)                {warm * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
