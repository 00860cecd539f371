"""How fast briefgen writes drafts: one table of medians, with pandoc as the reference peer.

Run from the project folder: ``python benchmarks/bench_main.py [--runs 5] [--quick]``.
Each row is the median of several runs; cold rows start a fresh interpreter per run
(wall time and that child's own peak RSS, from ``os.wait4``). The chart cache is pointed
at a temporary folder, so "empty cache" really draws every chart and nothing touches the
user's cache. Nothing is installed: without pandoc the last rows say how to get it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
YEAR, HOST = 2025, "Tuyên Quang"
MAIN_JOB = ["--year", str(YEAR), "--host", HOST]


@dataclass
class Row:
    name: str
    value: str
    target: str = ""
    verdict: str = ""
    note: str = ""


def median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000


def check(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"


# --- cold runs: a fresh interpreter per run ---

def run_cold(argv: list[str], cache: Path, out: Path) -> tuple[float, int, int]:
    """Return wall seconds, peak RSS (KB) and exit code of ``python -m briefgen *argv*``."""
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(cache), "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-m", "briefgen", *argv, "--out", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, process.returncode


def cold_series(argv: list[str], runs: int, fresh_cache: bool, work: Path) -> tuple[float, float]:
    """Return median wall ms and median peak RSS MB over *runs* cold runs."""
    shared_cache = work / "cache-shared"
    if not fresh_cache:
        run_cold(argv, shared_cache, work / "out-warmup")  # fill the cache once, not timed
    walls, peaks = [], []
    for i in range(runs):
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work)) if fresh_cache else shared_cache
        wall, peak, code = run_cold(argv, cache, Path(tempfile.mkdtemp(prefix="out-", dir=work)))
        if code not in (0, 2):
            raise SystemExit(f"briefgen {' '.join(argv)} failed with exit code {code}")
        walls.append(wall)
        peaks.append(peak / 1024)
    return median_ms(walls), statistics.median(peaks)


def cold_rows(runs: int, work: Path) -> list[Row]:
    rows = []
    help_ms, _ = cold_series(["--help"], runs, False, work)
    rows.append(Row("cold `briefgen --help`", f"{help_ms:.0f} ms", "< 300 ms", check(help_ms, 300)))
    for fresh, label in ((True, "empty chart cache"), (False, "chart cache warm (regenerate)")):
        wall, rss = cold_series(MAIN_JOB, runs, fresh, work)
        rows.append(Row(f"cold main job, {label}", f"{wall:.0f} ms", "≤ 1000 ms", check(wall, 1000)))
        rows.append(Row(f"  peak RSS, {label}", f"{rss:.0f} MB", "≤ 150 MB", check(rss, 150)))
    return rows


# --- in-process measurements ---

def timed(function: Callable[[], object], runs: int) -> tuple[float, object]:
    """Return the median ms of *runs* calls of *function* and its last result."""
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
    return median_ms(seconds), result


def warm_rows(runs: int) -> tuple[list[Row], object]:
    from briefgen.api import prepare_draft
    from briefgen.docx_writer import render_docx
    from briefgen.sources.tables import load_dataset
    from briefgen.paths import DEFAULT_WORKSPACE
    from briefgen.render.chart_cache import ChartCache
    from briefgen.render.charts import plot_chart

    dataset = load_dataset(DEFAULT_WORKSPACE.data)
    cache = ChartCache(None)  # memory only
    draft = prepare_draft(YEAR, HOST, dataset=dataset, plot=cache, charts="png")  # the first: imports, fonts
    cached_ms, _ = timed(lambda: prepare_draft(YEAR, HOST, dataset=dataset, plot=cache, charts="png"), runs)
    drawn_ms, _ = timed(lambda: prepare_draft(YEAR, HOST, dataset=dataset, charts="png"), runs)
    docx_ms, _ = timed(lambda: render_docx(draft.briefing), runs)
    png_docx_ms, _ = timed(lambda: render_docx(draft.briefing, "png"), runs)
    per_chart = [timed(lambda s=spec: plot_chart(s), runs)[0] for spec in draft.facts.charts]
    per_native = [timed(lambda s=spec: native_chart(s), runs)[0] for spec in draft.facts.charts]
    rows = [Row("warm draft in process, charts cached", f"{cached_ms:.0f} ms", "≤ 250 ms",
                check(cached_ms, 250)),
            Row("warm draft in process, charts drawn", f"{drawn_ms:.0f} ms", "", "",
                f"{len(draft.charts)} charts"),
            Row("  of which DOCX writing (render_docx)", f"{docx_ms:.0f} ms", "", "", "native charts"),
            Row("  DOCX writing with --charts png", f"{png_docx_ms:.0f} ms"),
            Row("time per chart (plot_chart)", f"{statistics.median(per_chart):.0f} ms", "", "",
                f"min {min(per_chart):.0f}, max {max(per_chart):.0f} ms over {len(per_chart)} charts"),
            Row("time per native chart (XML + workbook)", f"{statistics.median(per_native):.1f} ms", "", "",
                f"min {min(per_native):.1f}, max {max(per_native):.1f} ms; PNG above")]
    return rows, (draft, docx_ms)


def native_chart(spec) -> tuple[bytes, bytes]:
    """Return the chart XML and embedded workbook of *spec*: the work a native chart adds."""
    from datetime import datetime

    from lxml import etree

    from briefgen.docx_writer.chart_table import build_table
    from briefgen.docx_writer.chart_xml import chart_space, workbook_blob
    from briefgen.docx_writer.native_chart import chart_tags

    table = build_table(spec)
    xml = etree.tostring(chart_space(spec.kind, spec.title, spec.unit, table))
    return xml, workbook_blob(table, chart_tags(spec), datetime(2025, 1, 1))


# --- batch ---

def batch_rows(runs: int, work: Path) -> list[Row]:
    rows = []
    for jobs, target in ((1, ""), (2, "≤ 4000 ms")):
        argv = ["--year", str(YEAR), "--all-hosts", "--jobs", str(jobs)]
        wall, _ = cold_series(argv, runs, True, work)
        rows.append(Row(f"batch all 18 hosts {YEAR}, {jobs} worker{'s' if jobs > 1 else ''}",
                        f"{wall:.0f} ms", target, check(wall, 4000) if target else "",
                        "cold CLI, empty chart cache"))
    wall, _ = cold_series(["--year", str(YEAR), "--all-hosts", "--jobs", "2"], runs, False, work)
    rows.append(Row(f"batch all 18 hosts {YEAR}, 2 workers, cache warm", f"{wall:.0f} ms", "", "",
                    "regenerating every draft"))
    return rows


# --- extraction ---

def extract_rows(runs: int) -> list[Row]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from bench_extract import build_corpus, time_run
    except ImportError as error:
        return [Row("extraction throughput", "skipped", note=f"benchmarks/bench_extract.py: {error}")]
    corpus = build_corpus(1.0)
    megabytes = sum(len(text.encode("utf-8")) for _, text in corpus) / 1_000_000
    time_run(corpus[:5])
    seconds = statistics.median(time_run(corpus)[0] for _ in range(runs))
    return [Row("extraction throughput", f"{megabytes / seconds:.2f} MB/s", "", "",
                f"{megabytes:.1f} MB of seed text (benchmarks/bench_extract.py)")]


# --- pandoc, the reference peer ---

def pandoc_rows(runs: int, work: Path, draft, docx_ms: float, cold_ms: float | None) -> list[Row]:
    if shutil.which("pandoc") is None:
        return [Row("pandoc reference (Markdown + PNGs → DOCX)", "skipped",
                    note="pandoc not found; install it with `apt-get install pandoc` "
                         "(or see https://pandoc.org/installing.html) and run again")]
    from bench_ratios import write_markdown_draft

    folder = work / "pandoc"
    write_markdown_draft(folder, draft)
    command = ["pandoc", "draft.md", "-o", "draft.docx"]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    pandoc_ms, _ = timed(lambda: subprocess.run(command, cwd=folder, check=True, capture_output=True), runs)
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    rows = [Row("pandoc reference (Markdown + PNGs → DOCX)", f"{pandoc_ms:.0f} ms", "", "", version),
            Row("  ratio: render_docx ÷ pandoc", f"{docx_ms / pandoc_ms:.2f}×", "", "",
                "DOCX writing alone, in process")]
    if cold_ms is not None:
        rows.append(Row("  ratio: cold main job (cache warm) ÷ pandoc", f"{cold_ms / pandoc_ms:.2f}×",
                        "", "", "whole job incl. interpreter start-up"))
    return rows


def print_table(rows: list[Row]) -> None:
    headers = ("measure", "median", "target", "", "notes")
    table = [headers] + [(r.name, r.value, r.target, r.verdict, r.note) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(4)]
    for number, line in enumerate(table):
        print("  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(line)).rstrip())
        if number == 0:
            print("  ".join("-" * w for w in widths) + "  " + "-" * 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per row (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs per row, 1 per batch row")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch rows (slowest)")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    libraries = ", ".join(f"{name} {version(name)}" for name in ("matplotlib", "python-docx", "jinja2"))
    print(f"briefgen benchmark — Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{libraries}; median of {runs} runs; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as temp:
        work = Path(temp)
        rows = cold_rows(runs, work)
        cold_warm = next(float(r.value.split()[0]) for r in rows if "regenerate" in r.name
                         and r.value.endswith("ms"))
        warm, (draft, docx_ms) = warm_rows(runs)
        rows += warm
        if not args.skip_batch:
            rows += batch_rows(1 if args.quick else runs, work)
        rows += extract_rows(runs)
        rows += pandoc_rows(runs, work, draft, docx_ms, cold_warm)
    print_table(rows)
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (timings are noisy when it is high)")


if __name__ == "__main__":
    main()
