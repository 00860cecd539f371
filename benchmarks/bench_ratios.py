"""briefgen against a straightforward peer, as ratios measured in one run on one machine.

Run from the project folder: ``python3 benchmarks/bench_ratios.py [--runs 5]``.
Every round runs each contender once, one after the other, in an order that rotates
from round to round (peer, briefgen cold, briefgen after an edit, the batch, extraction,
pandoc, a warm build in ``briefgen serve``, ``briefgen review``, then shifted by one), so slow phases of a
shared machine hit every contender alike. All but the server are whole new processes. Each figure is a median over the rounds divided by the
peer's median from the same rounds; seconds are printed too but only the ratios compare
across machines. Verdicts judge wall time; the CPU ratio (user + system seconds, children
included) is printed beside it because it moves less when other work shares the cores.
The peer is ``benchmarks/peer_pipeline.py`` (pandas, pyplot, python-docx); pandoc is
the second peer when installed. Nothing is installed; everything is written under a
temporary folder.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
YEAR, HOST = 2025, "Tuyên Quang"
MAIN_JOB = ["--year", str(YEAR), "--host", HOST]
# The row of data/indicators.csv up to its value (1954), which gets a new value before each
# "rebuilt" run: retail sales 2022, shown in a table, the text and chart 1.
EDITED_ROW = "2023,phia_bac,2022,region,retail_sales,,"
EXTRACT_MB = 1.0
# The 2025 draft is 12 pages once LibreOffice lays it out; 2.5 copies of its body make 29.
REVIEW_COPIES = 2.5


@dataclass
class Sample:
    """One finished process: wall and CPU seconds, peak resident memory (MB), exit code."""

    seconds: float
    cpu: float
    peak_mb: float
    code: int


@dataclass
class Contender:
    """Something measured once per round: *measure* takes the round number, returns a Sample."""

    name: str
    measure: Callable[[int], Sample]
    samples: list[Sample] = field(default_factory=list)

    def median(self, attribute: str = "seconds") -> float:
        """Return the median of *attribute* over this contender's samples."""
        return statistics.median(getattr(s, attribute) for s in self.samples)


@dataclass
class Row:
    """One line of the table."""

    name: str
    ours: str = ""
    peer: str = ""
    ratio: float | str = "n/a"
    cpu_ratio: float | str = ""
    target: str = ""
    note: str = ""
    verdict: str = field(init=False, default="")


# --- processes ---

def run_process(argv: list[str], env: dict[str, str]) -> Sample:
    """Return the wall time, peak RSS and exit code of *argv* (peak includes its children)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def process(name: str, prepare: Callable[[int], tuple[list[str], dict[str, str]]]) -> Contender:
    """Return a contender started afresh each round; *prepare* returns its argv and environment."""
    def measure(round_number: int) -> Sample:
        argv, env = prepare(round_number)
        sample = run_process(argv, env)
        if sample.code != 0:
            raise SystemExit(f"bench_ratios: {name} exited with {sample.code}: {' '.join(argv)}")
        return sample
    return Contender(name, measure)


def base_env(cache: Path) -> dict[str, str]:
    """Return the environment for a child: this project on the path, *cache* as briefgen's cache."""
    return {**os.environ, "PYTHONPATH": str(PROJECT), "BRIEFGEN_CACHE_DIR": str(cache)}


def briefgen(*argv: str) -> list[str]:
    """Return the command line of ``python -m briefgen *argv*``."""
    return [sys.executable, "-m", "briefgen", *argv]


def fresh(work: Path, prefix: str) -> Path:
    """Return a new empty folder under *work*."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=work))


# --- the contenders ---

def peer(work: Path) -> Contender:
    """Return the peer pipeline, writing into an empty folder each time."""
    def prepare(_round: int):
        out = fresh(work, "peer-")
        return [sys.executable, str(HERE / "peer_pipeline.py"), "--out", str(out)], base_env(work / "unused")
    return process("peer", prepare)


def first_draft(work: Path) -> Contender:
    """Return briefgen's main job on a fresh machine: empty cache, empty output folder."""
    def prepare(_round: int):
        return briefgen(*MAIN_JOB, "--out", str(fresh(work, "out-"))), base_env(fresh(work, "cache-"))
    return process("first draft", prepare)


def edited_draft(work: Path) -> Contender:
    """Return the main job rebuilt after one figure changed in a copy of data/ (caches warm)."""
    data, cache = work / "data-edited", work / "cache-edited"
    shutil.copytree(PROJECT / "data", data)
    command = briefgen(*MAIN_JOB, "--data-dir", str(data))
    warm_up = run_process([*command, "--out", str(fresh(work, "out-"))], base_env(cache))
    if warm_up.code != 0:
        raise SystemExit(f"bench_ratios: warming the caches failed with exit code {warm_up.code}")

    def prepare(round_number: int):
        edit_figure(data / "indicators.csv", f"{1954 + round_number + 1}")
        return [*command, "--out", str(fresh(work, "out-"))], base_env(cache)
    return process("rebuilt after an edit", prepare)


def edit_figure(path: Path, value: str) -> None:
    """Rewrite the value of the edited figure in *path*, every other byte unchanged."""
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    found = [i for i, line in enumerate(lines) if line.startswith(EDITED_ROW)]
    if len(found) != 1:
        raise SystemExit(f"bench_ratios: the edited figure ({EDITED_ROW}…) is not in {path} once")
    fields = lines[found[0]].split(",", 7)
    lines[found[0]] = ",".join([*fields[:6], value, *fields[7:]])
    path.write_bytes("".join(lines).encode("utf-8"))


def batch(work: Path) -> Contender:
    """Return ``--all-hosts`` for 2025 with 2 workers, empty cache and output folder."""
    def prepare(_round: int):
        argv = briefgen("--year", str(YEAR), "--all-hosts", "--jobs", "2", "--out", str(fresh(work, "out-")))
        return argv, base_env(fresh(work, "cache-"))
    return process("all hosts, 2 workers", prepare)


def extraction(work: Path) -> tuple[Contender, float]:
    """Return ``briefgen extract`` over a ≥ 1 MB corpus of seed copies and the corpus size (MB)."""
    from bench_extract import build_corpus  # noqa: PLC0415 (main puts benchmarks/ on the path)

    folder = work / "corpus"
    folder.mkdir()
    paths = []
    for number, (name, text) in enumerate(build_corpus(EXTRACT_MB)):
        paths.append(folder / f"{number:04d}-{name}")
        paths[-1].write_text(text, encoding="utf-8")
    megabytes = sum(p.stat().st_size for p in paths) / 1_000_000

    def prepare(_round: int):
        out = fresh(work, "extract-") / "figures.csv"
        return briefgen("extract", *map(str, paths), "-o", str(out)), base_env(work / "unused")
    return process("extraction", prepare), megabytes


def pandoc(work: Path, plot=None) -> Contender | None:
    """Return pandoc over the Markdown and PNGs of the same draft, or None without pandoc.

    The charts come from *plot* (a ``ChartCache``; default: a new one under *work*).
    """
    if shutil.which("pandoc") is None:
        return None
    from briefgen.api import prepare_draft  # noqa: PLC0415 (this project, not an installed copy)
    from briefgen.render.chart_cache import ChartCache  # noqa: PLC0415

    folder = work / "pandoc"
    draft = prepare_draft(YEAR, HOST, plot=plot or ChartCache(work / "cache-pandoc"), charts="png")
    write_markdown_draft(folder, draft)

    def prepare(_round: int):
        out = fresh(work, "pandoc-") / "draft.docx"
        argv = ["pandoc", str(folder / "draft.md"), "--resource-path", str(folder), "-o", str(out)]
        return argv, dict(os.environ)
    return process("pandoc", prepare)


def serve(work: Path, stack: ExitStack) -> Contender | None:
    """Return a warm build through ``briefgen serve`` (started, warmed, stopped by *stack*), or None.

    The server of ``benchmarks/bench_serve.py`` runs on a loopback port with its own cache;
    one build warms it (dataset loaded, charts in memory). Each round then times one
    ``POST /api/drafts`` of the main job; its CPU is the server's, not counted (``nan``).
    """
    if not (PROJECT / "briefgen" / "serve").is_dir():
        return None
    from bench_serve import free_port, post_draft, start  # noqa: PLC0415 (main puts benchmarks/ on the path)

    port = free_port()
    server = start(base_env(work / "cache-serve"), work / "serve-out", port)
    stack.callback(stop, server)
    base = f"http://127.0.0.1:{port}"
    post_draft(base)
    return Contender("warm build in serve", lambda _round: Sample(post_draft(base), math.nan, math.nan, 0))


def stop(server: subprocess.Popen) -> None:
    """Stop *server* and wait for it."""
    server.terminate()
    server.wait(timeout=30)


def review(work: Path) -> Contender | None:
    """Return ``briefgen review`` of a 30-page draft, or None before ``briefgen review`` exists."""
    if not (PROJECT / "briefgen" / "review").is_dir():
        return None
    out = work / "review-draft"
    built = run_process(briefgen(*MAIN_JOB, "--out", str(out)), base_env(work / "cache-review"))
    if built.code != 0:
        raise SystemExit(f"bench_ratios: building the draft to review failed with exit code {built.code}")
    long_draft = lengthen(next(out.glob("*/*.docx")), REVIEW_COPIES, work / "review-30-pages.docx")
    return process("review", lambda _round: (briefgen("review", str(long_draft)), base_env(work / "unused")))


def lengthen(draft: Path, copies: float, target: Path) -> Path:
    """Return *target*: *draft* with its body repeated *copies* times (whole copies, then a part)."""
    from copy import deepcopy  # noqa: PLC0415

    from docx import Document  # noqa: PLC0415 (only this setup step needs it)

    document = Document(str(draft))
    body = document.element.body
    *content, section = body  # python-docx bodies end with the section properties
    extra = content * (int(copies) - 1) + content[:round(len(content) * (copies % 1))]
    for element in extra:
        section.addprevious(deepcopy(element))
    document.save(str(target))
    return target


def write_markdown_draft(folder: Path, draft) -> None:
    """Write *draft* (a ``prepare_draft`` result) as ``draft.md`` and ``charts/*.png`` into *folder*."""
    from briefgen.markdown_writer import chart_file, render_markdown  # noqa: PLC0415

    (folder / "charts").mkdir(parents=True)
    paths = {}
    for index, (chart_id, block) in enumerate(draft.charts.items(), start=1):
        paths[chart_id] = f"charts/{chart_file(chart_id, index)}"
        (folder / paths[chart_id]).write_bytes(block.png)
    (folder / "draft.md").write_text(render_markdown(draft.briefing, paths), encoding="utf-8")


# --- rounds ---

def run_rounds(contenders: list[Contender], runs: int, progress: Callable[[str], None]) -> None:
    """Run every contender once per round, rotating the order; a failed run stops everything."""
    for round_number in range(runs):
        shift = round_number % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            contender.samples.append(contender.measure(round_number))
        progress(f"round {round_number + 1}/{runs} done")


# --- the table ---

def judge(row: Row, value: float, limit: float, at_least: bool = False) -> Row:
    """Return *row* with its verdict: *value* against *limit* (at most, or at least)."""
    met = value >= limit if at_least else value <= limit
    shortfall = limit / value if at_least else value / limit
    row.verdict = "met" if met else f"missed by {shortfall:.1f}×"
    return row


def time_row(name: str, ours: Contender, against: Contender, limit: float | None, note: str) -> Row:
    """Return the row comparing the median times of *ours* and *against* (judged if *limit*)."""
    ratio = ours.median() / against.median()
    cpu_ratio = ours.median("cpu") / against.median("cpu")
    row = Row(name, f"{ours.median():.2f} s", f"{against.median():.2f} s", ratio,
              cpu_ratio="" if math.isnan(cpu_ratio) else cpu_ratio, note=note)
    if limit is None:
        return row
    row.target = f"≤ {limit:g}×"
    return judge(row, ratio, limit)


def build_rows(c: dict[str, Contender], megabytes: float) -> list[Row]:
    """Return the table's rows from the measured contenders *c*."""
    peer_cold, first = c["peer"], c["first draft"]
    rows = [time_row("first draft, fresh machine ÷ peer cold", first, peer_cold, 0.4,
                     "empty BRIEFGEN_CACHE_DIR and --out"),
            time_row("draft rebuilt after one figure changed ÷ peer", c["rebuilt after an edit"], peer_cold,
                     0.25, "copy of data/ via --data-dir, caches warm"),
            time_row("--all-hosts 2025, --jobs 2 (18 drafts) ÷ peer", c["all hosts, 2 workers"], peer_cold,
                     1.2, "empty cache and --out")]
    ours_mb, peer_mb = first.median("peak_mb"), peer_cold.median("peak_mb")
    memory = Row("peak memory, first draft ÷ peer", f"{ours_mb:.0f} MB", f"{peer_mb:.0f} MB",
                 ours_mb / peer_mb, target="≤ 1×", note="ru_maxrss of the process and its children")
    speed = megabytes / c["extraction"].median()
    per_cpu = megabytes / c["extraction"].median("cpu")
    extract = Row("extraction, whole process", f"{speed:.2f} MB/s", ratio=f"{speed:.2f} MB/s",
                  cpu_ratio=f"{per_cpu:.2f} MB/s", target="≥ 3 MB/s",
                  note=f"`briefgen extract` over {megabytes:.2f} MB of seed copies, start-up included")
    rows += [judge(memory, ours_mb / peer_mb, 1.0), judge(extract, speed, 3.0, at_least=True)]
    rows.append(pandoc_row(c.get("pandoc"), first))
    rows += [serve_row(c.get("warm build in serve"), peer_cold),
             review_row(c.get("review"), peer_cold)]
    return rows


def pandoc_row(contender: Contender | None, first: Contender) -> Row:
    """Return the second peer's row, or a row saying pandoc is missing."""
    name = "first draft ÷ pandoc (Markdown + PNGs → DOCX)"
    if contender is None:
        return Row(name, ratio="skipped", note="pandoc not installed (`apt-get install pandoc`); row skipped")
    return time_row(name, first, contender, None, "reference only: pandoc gets the text ready-made")


def serve_row(contender: Contender | None, peer_cold: Contender) -> Row:
    """Return the row of a warm build through the server, or why there is none."""
    name = "warm build inside `briefgen serve` ÷ peer"
    if contender is None:
        return Row(name, target="≤ 0.05×", note=pending_note("serve", "briefgen serve"))
    return time_row(name, contender, peer_cold, 0.05, "POST /api/drafts of the main job, server warm, loopback")


def review_row(contender: Contender | None, peer_cold: Contender) -> Row:
    """Return the row of ``briefgen review`` on a 30-page draft, or why there is none."""
    name = "`briefgen review` of a 30-page draft ÷ peer"
    if contender is None:
        return Row(name, target="≤ 0.2×", note=pending_note("review", "briefgen review"))
    return time_row(name, contender, peer_cold, 0.2, "the 2025 draft, body repeated to 29 pages (LibreOffice)")


def pending_note(module: str, command: str) -> str:
    """Return why a row for *command* (provided by briefgen.*module*) has no figure yet."""
    package = PROJECT / "briefgen"
    if not ((package / module).is_dir() or (package / f"{module}.py").is_file()):
        return f"`{command}` does not exist yet"
    return f"briefgen/{module} exists; its measurement is not wired into this benchmark yet"


def format_ratio(ratio: float | str) -> str:
    """Return *ratio* as printed: ``0.92×`` or the text given."""
    return f"{ratio:.2f}×" if isinstance(ratio, float) else ratio


def render_table(rows: list[Row]) -> str:
    """Return *rows* as an aligned text table with a header."""
    header = ("measure", "briefgen", "peer", "ratio", "CPU ratio", "target", "verdict", "notes")
    lines = [header] + [(r.name, r.ours, r.peer, format_ratio(r.ratio), format_ratio(r.cpu_ratio), r.target,
                         r.verdict, r.note) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[-1]
            for line in lines]
    text = [line.rstrip() for line in text]
    text.insert(1, "  ".join("-" * w for w in widths) + "  -----")
    return "\n".join(text)


def machine() -> str:
    """Return one line naming the CPU, cores, Python and the load average now."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        model = names[0] if names else model
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()} "
            f"({platform.system()} {platform.release()}), load average {load}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5,
                        help="rounds; each figure is a median over them (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sys.path[:0] = [str(PROJECT), str(HERE)]   # this checkout and its benchmarks, from a fresh clone
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="briefgen-ratios-") as temp, ExitStack() as stack:
        work = Path(temp)
        extract, megabytes = extraction(work)
        contenders = [peer(work), first_draft(work), edited_draft(work), batch(work), extract, pandoc(work),
                      serve(work, stack), review(work)]
        measured = [c for c in contenders if c is not None]
        run_rounds(measured, args.runs, lambda text: print(text, file=sys.stderr, flush=True))
    print(f"medians of {args.runs} rounds, interleaved; every contender but the server a whole process\n")
    print(render_table(build_rows({c.name: c for c in measured}, megabytes)))
    print(f"\nload average at the end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(busy_warning(os.getloadavg()[1], os.cpu_count() or 1))


def busy_warning(load: float, cores: int) -> str:
    """Return a line on how far to trust wall-time ratios at *load* on *cores* cores."""
    if load <= cores:
        return "the machine was not oversubscribed: wall-time ratios are the ones to quote"
    return (f"the machine was busy (load {load:.1f} on {cores} cores): wall-time ratios swing by tens of "
            f"percent between runs; quote the CPU ratios, or rerun on a quiet machine")


if __name__ == "__main__":
    main()
