"""Batch mode and the chart cache: which drafts a batch writes, and what it never redoes."""

from __future__ import annotations

import io
import subprocess
import sys
import struct
import zlib
from pathlib import Path

import pytest

from briefgen.analyze import build_facts
from briefgen.analyze.edition import build_edition
from briefgen.batch import Job, Outcome, ProgressBar, build_batch, describe, hosts_of_year
from briefgen.cli import main
from briefgen.output import slug
from briefgen.render.chart_cache import ChartCache, chart_key, has_data
from briefgen.sources.tables import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


TINY_PNG = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(b"\x00\x00")) + _chunk(b"IEND", b""))


def tiny_plot(_spec) -> bytes:
    """Stand-in for matplotlib: a valid 1×1 PNG, so batch tests stay fast."""
    return TINY_PNG


def plot_failing(_spec) -> bytes:
    raise RuntimeError("renderer bug")


def failing_once():
    """Return a plot that fails on its first chart only (the first draft of an in-process batch)."""
    calls = []

    def plot_failing_once(_spec) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("renderer bug")
        return TINY_PNG
    return plot_failing_once


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def batch_2025(tmp_path_factory):
    out = tmp_path_factory.mktemp("batch")
    return build_batch([2025], jobs=2, out_dir=out, disk_cache=False, plot=tiny_plot, charts="png")


@pytest.mark.parametrize("year, count", [(2025, 18), (2024, 28), (2023, 28)])
def test_hosts_are_the_units_existing_at_the_edition(dataset, year, count):
    assert len(hosts_of_year(dataset, year)) == count


def test_all_hosts_writes_one_draft_per_unit(batch_2025, dataset):
    hosts = hosts_of_year(dataset, 2025)
    assert not batch_2025.failed and len(batch_2025.written) == 18
    assert [o.job for o in batch_2025.outcomes] == [Job(2025, h) for h in hosts]  # plan order
    folders = {p.name for p in batch_2025.out_dir.iterdir()}
    assert folders == {f"2025-{slug(h)}" for h in hosts}
    for outcome in batch_2025.written:
        assert outcome.version == 1 and outcome.docx_path.stat().st_size > 10_000
        assert outcome.docx_path.name == f"bao-cao-2025-{slug(outcome.job.host)}.docx"
        assert outcome.result.docx_path == outcome.docx_path and outcome.result.figure_count > 0


def test_each_distinct_chart_is_drawn_once_per_batch(batch_2025, dataset):
    per_draft = [[chart_key(s) for s in build_facts(dataset, build_edition(dataset, 2025, h)).charts
                  if has_data(s)]
                 for h in hosts_of_year(dataset, 2025)]
    distinct = {key for keys in per_draft for key in keys}
    assert batch_2025.charts_drawn == len(distinct) < sum(map(len, per_draft)) / 3


def test_native_batch_draws_no_png_and_writes_no_charts_folder(tmp_path):
    result = build_batch([2025], ["Tuyên Quang", "Hà Nội"], jobs=2, out_dir=tmp_path, disk_cache=False,
                         plot=plot_failing)
    assert not result.failed and result.charts_drawn == 0
    assert sorted(p.name for p in (tmp_path / "2025-tuyen-quang").iterdir()) == [
        "bao-cao-2025-tuyen-quang.docx", "danh-muc-bo-sung-2025-tuyen-quang.md", "manifest.json"]


def test_second_batch_writes_v2_and_keeps_edited_drafts(tmp_path):
    hosts = ["Tuyên Quang", "Hà Nội"]
    first = build_batch([2025], hosts, jobs=2, out_dir=tmp_path, disk_cache=False, plot=tiny_plot)
    edited = first.written[0].docx_path
    edited.write_bytes(b"edited by a user")
    second = build_batch([2025], hosts, jobs=2, out_dir=tmp_path, disk_cache=False, plot=tiny_plot)
    assert [o.version for o in second.outcomes] == [2, 2]
    assert [o.docx_path.name for o in second.outcomes] == [
        "bao-cao-2025-tuyen-quang-v2.docx", "bao-cao-2025-ha-noi-v2.docx"]
    assert edited.read_bytes() == b"edited by a user"


def test_a_failing_host_does_not_stop_the_others(tmp_path):
    result = build_batch([2025], ["Tuyên Quang", "Atlantis", "Hà Nội"], jobs=2, out_dir=tmp_path,
                         disk_cache=False, plot=tiny_plot)
    assert [o.ok for o in result.outcomes] == [True, False, True]
    failed = result.failed[0]
    assert "Atlantis" in failed.error and failed.trace is None and failed.hint
    assert "Đã ghi 2/3 dự thảo" in describe(result) and "lỗi: 1" in describe(result)


def test_a_bug_in_one_draft_is_reported_with_its_traceback(tmp_path):
    result = build_batch([2025], ["Tuyên Quang", "Hà Nội"], jobs=1, out_dir=tmp_path,
                         disk_cache=False, plot=failing_once(), charts="png")
    assert [o.ok for o in result.outcomes] == [False, True]  # the first chart drawn was Tuyên Quang's
    assert result.failed[0].error == "RuntimeError: renderer bug"
    assert "plot_failing_once" in result.failed[0].trace


def test_cli_batch_of_two_years_reports_the_failed_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    code = main(["--year", "2024", "--year", "2025", "--host", "Hà Giang", "--out", str(tmp_path / "out"),
                 "--charts", "png"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.startswith("Đã ghi 1/2 dự thảo vào")
    assert "Lỗi: 2025 Hà Giang: tỉnh Hà Giang không còn là đơn vị hành chính" in captured.err
    assert (tmp_path / "out" / "2024-ha-giang" / "bao-cao-2024-ha-giang.docx").exists()
    assert len(list((tmp_path / "cache").glob("*.png"))) >= 5


@pytest.mark.parametrize("argv", [["--year", "2025"], ["--year", "2025", "--host", "x", "--all-hosts"],
                                  ["--year", "2025", "--all-hosts", "--jobs", "0"],
                                  ["--year", "2024", "--year", "2025", "--all-hosts", "--date", "2025-10-17"]])
def test_cli_refuses_contradictory_options(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2 and "briefgen: lỗi:" in capsys.readouterr().err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_in_a_log(tmp_path):
    done = Outcome(Job(2025, "Hà Nội"), tmp_path / "bao-cao-2025-ha-noi.docx", 1)
    failed = Outcome(Job(2025, "Atlantis"), error="không có tỉnh")
    log, terminal = io.StringIO(), FakeTerminal()
    for stream in (log, terminal):
        ProgressBar(stream)(done, 1, 2)
        ProgressBar(stream)(failed, 2, 2)
    assert log.getvalue().splitlines() == ["[1/2] 2025 Hà Nội: bao-cao-2025-ha-noi.docx",
                                           "[2/2] 2025 Atlantis: lỗi: không có tỉnh"]
    assert terminal.getvalue().count("\r") == 2 and terminal.getvalue().endswith("2/2 2025 Atlantis\n")


# --- the chart cache ---

class CountingPlot:
    def __init__(self):
        self.calls = 0

    def __call__(self, _spec) -> bytes:
        self.calls += 1
        return TINY_PNG


@pytest.fixture(scope="module")
def spec(dataset):
    return build_facts(dataset, build_edition(dataset, 2025, "Tuyên Quang")).charts[0]


def test_cache_draws_once_then_reads_memory_then_disk(tmp_path, spec):
    plot = CountingPlot()
    cache = ChartCache(tmp_path, plot)
    assert cache.png(spec) == cache.png(spec) == TINY_PNG
    assert (plot.calls, cache.drawn, cache.reused) == (1, 1, 1)
    again = ChartCache(tmp_path, plot)
    assert again.png(spec) == TINY_PNG and plot.calls == 1 and again.reused == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"{chart_key(spec)}.png"]


def test_cache_redraws_a_torn_entry_and_survives_an_unwritable_folder(tmp_path, spec):
    (tmp_path / f"{chart_key(spec)}.png").write_bytes(TINY_PNG[:20])
    plot = CountingPlot()
    assert ChartCache(tmp_path, plot).png(spec) == TINY_PNG and plot.calls == 1
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    assert ChartCache(blocked / "charts", plot).png(spec) == TINY_PNG


def test_cache_key_follows_the_content(dataset, spec):
    from dataclasses import replace
    edition = build_edition(dataset, 2025, "Tuyên Quang")
    assert chart_key(spec) == chart_key(build_facts(dataset, edition).charts[0])
    assert chart_key(spec) != chart_key(replace(spec, title=spec.title + "!"))
    other_year = build_facts(dataset, build_edition(dataset, 2024, "Hà Nội")).charts[0]
    assert other_year.id == spec.id and chart_key(other_year) != chart_key(spec)


def plot_failing_for_history(spec) -> bytes:
    if spec.id == "retail_history":
        raise RuntimeError("shared chart bug")
    return TINY_PNG


def test_a_shared_chart_that_fails_fails_its_drafts_not_the_batch(tmp_path):
    result = build_batch([2025], ["Tuyên Quang", "Hà Nội"], jobs=2, out_dir=tmp_path,
                         disk_cache=False, plot=plot_failing_for_history, charts="png")
    assert [o.error for o in result.outcomes] == ["RuntimeError: shared chart bug"] * 2


def test_a_native_batch_never_imports_matplotlib(tmp_path):
    code = ("import sys; from briefgen.batch import build_batch; "
            f"r = build_batch([2025], ['Tuyên Quang'], jobs=1, out_dir={str(tmp_path)!r}, disk_cache=False); "
            "assert not r.failed and r.charts_drawn == 0; assert 'matplotlib' not in sys.modules, 'matplotlib'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
