"""Build drafts for every host of one or more years, in parallel worker processes.

``build_batch([2025])`` writes one draft per provincial unit that exists at the date of
the 2025 edition. Native charts (the default) need no drawing. With PNG charts, those
shared by several drafts (the history of editions) are drawn once, before the hosts are
built; the rest go through the chart cache of each worker.
Every draft keeps the no-overwrite rule of a single run, and a host that fails is
reported without stopping the others.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition, check_year, find_record
from briefgen.analyze.hosts import provinces_on
from briefgen.api import BuildResult, build_briefing
from briefgen.domain.dataset import Dataset
from briefgen.errors import as_user_error, one_line
from briefgen.model import ChartSpec
from briefgen.orphans import busy, watch_parent
from briefgen.output import check_folder
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.chart_cache import ChartCache, chart_key, default_folder, has_data, plot_with_matplotlib
from briefgen.sources.tables import load_dataset

PROGRESS_WIDTH = 24


@dataclass(frozen=True)
class Job:
    year: int
    host: str


@dataclass(frozen=True)
class Outcome:
    """What became of one job: the draft written, or why it failed."""

    job: Job
    docx_path: Path | None = None
    version: int = 0
    error: str | None = None        # one line for the user
    hint: str | None = None
    trace: str | None = None        # the traceback, when the failure is a bug
    charts_drawn: int = 0
    result: BuildResult | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class BatchResult:
    outcomes: tuple[Outcome, ...]
    out_dir: Path
    seconds: float
    workers: int
    charts_drawn: int               # charts drawn by matplotlib (not read from a cache)

    @property
    def written(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)


@dataclass(frozen=True)
class Settings:
    """What every worker needs; picklable, so it also travels to spawned workers."""

    dataset: Dataset
    out_dir: Path | None
    templates_dir: Path | None
    conference_date: date | None
    cache_folder: Path | None
    plot: Callable[[ChartSpec], bytes] | None  # None: matplotlib
    charts: str = "native"                     # "png": PNGs drawn and written beside each draft


def hosts_of_year(dataset: Dataset, year: int, conference_date: date | None = None) -> tuple[str, ...]:
    """Return the provincial units that exist at the date of *year*'s edition (Dec 31 if unknown)."""
    record = find_record(dataset, year)
    day = conference_date or (record.date if record and record.date else None) or date(year, 12, 31)
    return tuple(p.name for p in provinces_on(dataset, day))


def plan_jobs(dataset: Dataset, years: Sequence[int], hosts: Sequence[str] | None = None,
              conference_date: date | None = None) -> tuple[Job, ...]:
    """Return one job per year and host (every host of the year when *hosts* is None)."""
    for year in years:
        check_year(dataset, year)
    return tuple(Job(year, host) for year in years
                 for host in (hosts or hosts_of_year(dataset, year, conference_date)))


def shared_specs(dataset: Dataset, jobs: Iterable[Job],
                 conference_date: date | None = None) -> list[ChartSpec]:
    """Return the chart specs that several jobs would draw identically (drawn once up front)."""
    specs, counts = {}, Counter()
    for job in jobs:
        try:
            facts = build_facts(dataset, build_edition(dataset, job.year, job.host, conference_date),
                                seeds_dir=DEFAULT_WORKSPACE.seeds)
        except Exception:  # the job itself reports it when it runs
            continue
        for spec in filter(has_data, facts.charts):
            key = chart_key(spec)
            specs[key] = spec
            counts[key] += 1
    return [specs[key] for key, count in counts.items() if count > 1]


# --- worker side: one ChartCache and one Settings per process ---

_settings: Settings | None = None
_cache: ChartCache | None = None


def _start_worker(settings: Settings) -> None:
    global _settings, _cache
    _settings = settings
    _cache = ChartCache(settings.cache_folder, settings.plot or plot_with_matplotlib)


def _start_pool_worker(settings: Settings) -> None:
    watch_parent()   # a batch killed with kill -9 must not leave its workers behind
    _start_worker(settings)


def _draw(spec: ChartSpec) -> tuple[str, bytes | None, int]:
    before = _cache.drawn
    try:
        png = _cache.png(spec)
    except Exception:  # each draft needing the chart will report the error
        png = None
    return chart_key(spec), png, _cache.drawn - before


def _build(job: Job, shared: dict[str, bytes]) -> Outcome:
    _cache.prime(shared)
    before = _cache.drawn
    try:
        with busy():
            result = build_briefing(job.year, job.host, _settings.conference_date, _settings.out_dir,
                                    templates_dir=_settings.templates_dir, dataset=_settings.dataset,
                                    plot=_cache, charts=_settings.charts)
    except Exception as error:  # a bug (traceback kept) unless the user's environment refused a file
        user_error = as_user_error(error)
        if user_error:
            return Outcome(job, error=one_line(str(user_error)), hint=user_error.hint,
                           charts_drawn=_cache.drawn - before)
        return Outcome(job, error=one_line(f"{type(error).__name__}: {error}"), trace=traceback.format_exc(),
                       charts_drawn=_cache.drawn - before)
    return Outcome(job, result.docx_path, result.version, charts_drawn=_cache.drawn - before,
                   result=result)


def default_jobs() -> int:
    """Return the default number of worker processes: one per core."""
    return os.cpu_count() or 1


def _context():
    # fork shares the loaded dataset and imported libraries with the workers at no cost
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def _crashed(job: Job, error: BaseException) -> Outcome:
    return Outcome(job, error=f"tiến trình con dừng đột ngột ({type(error).__name__}: {error})",
                   trace="".join(traceback.format_exception(error)))


def build_batch(years: Sequence[int], hosts: Sequence[str] | None = None, jobs: int | None = None,
                out_dir: Path | str | None = None, data_dir: Path | str | None = None,
                templates_dir: Path | str | None = None, conference_date: date | None = None,
                cache_folder: Path | None = None, disk_cache: bool = True,
                plot: Callable[[ChartSpec], bytes] | None = None, charts: str = "native",
                on_done: Callable[[Outcome, int, int], None] | None = None) -> BatchResult:
    """Build a draft per year and host in *jobs* processes; return every outcome, in plan order.

    Charts are cached in *cache_folder* (default: the user cache), or only in memory when
    *disk_cache* is False; *charts* as in ``build_briefing``. *on_done(outcome, done, total)* is called as each draft finishes.
    """
    started = time.perf_counter()
    check_folder(Path(out_dir or DEFAULT_WORKSPACE.output))   # one error, not one per draft
    dataset = load_dataset(Path(data_dir) if data_dir else DEFAULT_WORKSPACE.data)
    plan = plan_jobs(dataset, years, hosts, conference_date)
    settings = Settings(dataset, Path(out_dir) if out_dir else None,
                        Path(templates_dir) if templates_dir else None, conference_date,
                        (cache_folder or default_folder()) if disk_cache else None, plot, charts)
    workers = max(1, min(jobs or default_jobs(), len(plan)))
    run = _run_in_process if workers == 1 else _run_in_pool
    outcomes, drawn = run(settings, plan, workers, on_done or (lambda *_: None))
    order = {job: i for i, job in enumerate(plan)}
    return BatchResult(tuple(sorted(outcomes, key=lambda o: order[o.job])),
                       settings.out_dir or DEFAULT_WORKSPACE.output,
                       time.perf_counter() - started, workers, drawn)


def _run_in_process(settings: Settings, plan, _workers: int, on_done):
    _start_worker(settings)  # one process: its memory cache already shares the charts
    outcomes = []
    for job in plan:
        outcomes.append(_build(job, {}))
        on_done(outcomes[-1], len(outcomes), len(plan))
    return outcomes, sum(o.charts_drawn for o in outcomes)


def _preload(settings: Settings) -> None:
    """Import the DOCX writer and compile the templates once, before the workers are forked.

    Each worker would otherwise do both itself; forked, they share this process's copy.
    """
    from briefgen.docx_writer.chart_xml import load_workbook_writer  # noqa: PLC0415 (python-docx too)
    from briefgen.render.narrative import FigureLedger, make_environment  # noqa: PLC0415

    if settings.charts == "native":
        load_workbook_writer()   # the workbook of every native chart
    from jinja2 import TemplateError  # noqa: PLC0415

    env = make_environment(settings.templates_dir or DEFAULT_WORKSPACE.templates, FigureLedger({}))
    for name in env.list_templates(extensions=("j2",)):
        try:
            env.get_template(name)   # compiled into the process's COMPILED cache, not run
        except (TemplateError, OSError):
            pass   # each draft that uses it reports the error as usual


def _run_in_pool(settings: Settings, plan, workers: int, on_done):
    _preload(settings)
    specs = shared_specs(settings.dataset, plan, settings.conference_date) if settings.charts == "png" else []
    outcomes = []
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_pool_worker,
                             initargs=(settings,)) as pool:
        drawn_shared = list(pool.map(_draw, specs))  # first, so that no host draws them again
        shared = {key: png for key, png, _ in drawn_shared if png is not None}
        futures = {pool.submit(_build, job, shared): job for job in plan}
        try:
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except Exception as error:  # the worker died (e.g. out of memory)
                    outcome = _crashed(futures[future], error)
                outcomes.append(outcome)
                on_done(outcome, len(outcomes), len(plan))
        except BaseException:  # Ctrl-C: drop the drafts not started yet
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    drawn = sum(n for _, _, n in drawn_shared) + sum(o.charts_drawn for o in outcomes)
    return outcomes, drawn


def describe(result: BatchResult) -> str:
    """Return the summary line of a batch: written, failed, time, where."""
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    return (f"Đã ghi {len(result.written)}/{len(result.outcomes)} dự thảo vào {result.out_dir}; "
            f"lỗi: {len(result.failed)}; {seconds} giây ({result.workers} tiến trình).")


class ProgressBar:
    """A one-line text progress bar on a terminal; one line per draft otherwise (logs, CI)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.live = stream.isatty()

    def __call__(self, outcome: Outcome, done: int, total: int) -> None:
        label = f"{outcome.job.year} {outcome.job.host}"
        if not self.live:
            status = outcome.docx_path.name if outcome.ok else f"lỗi: {outcome.error}"
            print(f"[{done:>{len(str(total))}}/{total}] {label}: {status}", file=self.stream, flush=True)
            return
        filled = PROGRESS_WIDTH * done // total
        bar = "█" * filled + "░" * (PROGRESS_WIDTH - filled)
        end = "\n" if done == total else ""
        self.stream.write(f"\r\x1b[K{bar} {done}/{total} {label}{end}")
        self.stream.flush()
