"""The warm workshop: the dataset, the chart cache and the worker pool, kept across requests.

Builds run in a thread pool, so the event loop keeps answering the page and ``/api/health``
while a draft is built. Every build shares the dataset loaded once and one chart cache
(charts drawn one at a time, matplotlib is not thread-safe). Builds of the same year and
host take turns; the output layer gives each its own version, never overwriting one.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.api import build_briefing
from briefgen.domain.dataset import Dataset
from briefgen.errors import BriefgenError
from briefgen.output import slug
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.render.chart_cache import ChartCache, default_folder
from briefgen.serve import pdf as pdf_files
from briefgen.serve.draft_review import review_upload
from briefgen.serve.errors import ServeError, log_bug
from briefgen.serve.learning import LearnRequest, check_allowed, learn_uploads
from briefgen.serve.settings import ServeSettings
from briefgen.serve.store import DraftRecord, DraftStore
from briefgen.serve.uploads import Upload, save_uploads
from briefgen.serve.user_names import with_user_names
from briefgen.sources.tables import load_dataset
from briefgen.sources.tables.cache import dataset_key


class LockedCharts:
    """A chart cache that several threads may call; one chart is looked up or drawn at a time."""

    def __init__(self, cache: ChartCache):
        self.cache = cache
        self._lock = threading.Lock()

    def __call__(self, spec):
        with self._lock:
            return self.cache.png(spec)


@dataclass(frozen=True)
class DraftRequest:
    """What a user asked for: year, host as typed, optional date, attached files."""

    year: int
    host: str
    conference_date: date | None = None
    uploads: tuple[Upload, ...] = ()


class Workshop:
    """Everything a request needs that outlives it; ``close()`` stops the pool."""

    def __init__(self, settings: ServeSettings):
        self.settings = settings
        self.out_dir = Path(settings.out_dir or DEFAULT_WORKSPACE.output)
        self.data_dir = Path(settings.data_dir or DEFAULT_WORKSPACE.data)
        self.store = DraftStore(self.out_dir)
        self.pool = ThreadPoolExecutor(settings.workers, thread_name_prefix="briefgen-build")
        self.scratch = Path(tempfile.mkdtemp(prefix="briefgen-serve-"))
        self.charts = LockedCharts(ChartCache(default_folder()))
        self._dataset: Dataset | None = None
        self._dataset_key: str | None = None
        self._lock = threading.Lock()
        self._host_locks: dict[tuple[int, str], threading.Lock] = {}
        self._forms: dict[int, bytes] = {}
        self._pdf_lock = threading.Lock()   # one LibreOffice at a time
        self._learn_lock = threading.Lock()  # one change of the data folder at a time

    def dataset(self) -> Dataset:
        """Return the dataset, kept while the data folder's content is unchanged.

        The folder's content key (a SHA-256 of its files, about 0.2 ms) is taken on every call:
        a maintainer's edit of ``data/`` reaches the next draft without restarting the server.
        """
        with self._lock:
            key = dataset_key(self.data_dir)
            if self._dataset is None or key is None or key != self._dataset_key:
                self._dataset = load_dataset(self.data_dir)
                self._dataset_key = key
                self._forms.clear()            # the empty forms are made from the data
            return self._dataset

    def warm_up(self) -> None:
        """Load the dataset ahead of the first request; a broken data folder is told then."""
        try:
            self.dataset()
        except BriefgenError:
            pass

    async def run(self, function: Callable, *args):
        """Return *function(*args)* run in the pool; a bug becomes an ``InternalFailure``."""
        try:
            return await asyncio.wrap_future(self.pool.submit(function, *args))
        except BriefgenError:
            raise
        except Exception as error:
            raise log_bug(error) from error

    def years(self) -> list[int]:
        """Return the years offered: from the first recorded edition to the one after the last."""
        known = [e.year for e in self.dataset().editions]
        return list(range(min(known), max(known) + 2)) if known else []

    def check_year(self, year: int) -> None:
        """Raise the user error for a year outside the data (before anything is built)."""
        years = self.years()
        if year not in years:
            raise ServeError(f"năm {year} nằm ngoài dữ liệu hội nghị; chọn một năm từ {years[0]} "
                             f"đến {years[-1]}", where="year")

    def hosts(self, year: int) -> tuple[str, ...]:
        """Return the units that exist at *year*'s edition."""
        from briefgen.batch import hosts_of_year

        return hosts_of_year(self.dataset(), year)

    def resolve_host(self, year: int, host: str, conference_date: date | None) -> str:
        """Return the official name of *host* that year, or raise the CLI's error."""
        from briefgen.analyze.edition import build_edition

        return build_edition(self.dataset(), year, host, conference_date).host.name

    def _host_lock(self, year: int, host_name: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault((year, slug(host_name)), threading.Lock())

    def build(self, request: DraftRequest) -> DraftRecord:
        """Build and write one draft (in a pool thread); return its record in the index."""
        self.check_year(request.year)
        host_name = self.resolve_host(request.year, request.host, request.conference_date)
        saved = save_uploads(list(request.uploads), self.settings.max_files,
                             self.settings.max_file_bytes, self.scratch) if request.uploads else None
        try:
            with self._host_lock(request.year, host_name):
                result = build_briefing(request.year, host_name, request.conference_date,
                                        out_dir=self.out_dir, dataset=self.dataset(), plot=self.charts,
                                        data_files=saved.paths if saved else ())
        except BriefgenError as error:
            if saved is None:
                raise
            raise with_user_names(error, saved.names) from None
        finally:
            if saved:
                shutil.rmtree(saved.folder, ignore_errors=True)
        return next(r for r in self.store.add_folder(result.docx_path.parent) if r.docx == result.docx_path)

    def review(self, upload: Upload) -> dict:
        """Return the review of an edited draft (``briefgen review --json``); the upload is not kept."""
        return review_upload(upload, self.settings.max_file_bytes, self.scratch)

    def learn(self, request: LearnRequest) -> dict:
        """Learn the uploaded drafts into the data folder (see ``learning``); later builds use the new data."""
        check_allowed(self.settings)
        with self._learn_lock:
            summary = learn_uploads(request, self.settings, self.data_dir, self.scratch, date.today())
            if summary["written"]:
                with self._lock:
                    self._dataset = None
                    self._forms.clear()
        return summary

    def form(self, year: int) -> bytes:
        """Return the empty Excel form of *year* (made once, then kept)."""
        from briefgen.forms.layout import layout_for_year
        from briefgen.forms.write_form import write_form

        self.check_year(year)
        with self._lock:
            if year in self._forms:
                return self._forms[year]
        with tempfile.TemporaryDirectory(dir=self.scratch) as work:
            path = Path(work) / f"bieu-mau-{year}.xlsx"
            write_form(layout_for_year(self.dataset(), year), self.dataset(), path)
            data = path.read_bytes()
        with self._lock:
            self._forms[year] = data
        return data

    @property
    def has_pdf(self) -> bool:
        return pdf_files.soffice() is not None

    def pdf(self, record: DraftRecord) -> Path:
        """Return the PDF of *record*, converting it once (one conversion at a time)."""
        with self._pdf_lock:
            return pdf_files.convert_to_pdf(record.docx, record.pdf, self.scratch, self.settings.pdf_timeout)

    def close(self) -> None:
        """Stop taking builds and remove the server's temporary folder."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.scratch, ignore_errors=True)
