"""The benchmark scripts run: the peer writes a DOCX that reopens, the ratio machinery works.

The full benchmark takes minutes and is not run here; these checks take a few seconds.
"""

from __future__ import annotations

import os
import math
import shutil
import sys
from pathlib import Path

import pytest
from docx import Document

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_ratios  # noqa: E402
import peer_pipeline  # noqa: E402

DATA = BENCHMARKS.parent / "data"


def test_peer_writes_a_draft_that_reopens(tmp_path, monkeypatch):
    monkeypatch.setattr(peer_pipeline, "DPI", 30)  # a trivial size: the same calls, fewer pixels
    path = peer_pipeline.build(2025, "Tuyên Quang", DATA, tmp_path)
    document = Document(str(path))
    assert path == tmp_path / "peer-2025.docx"
    assert len(document.tables) == 6
    assert len(document.inline_shapes) == 6
    assert sorted(p.name for p in (tmp_path / "charts").iterdir())[0] == "01-retail_sales.png"
    texts = [p.text for p in document.paragraphs]
    assert "I. KHÁI QUÁT VỀ HỘI NGHỊ" in texts
    assert sum(1 for p in document.paragraphs if p.text.strip()) >= 30
    assert document.tables[0].cell(1, 0).text == "điện thương phẩm"


def test_edit_figure_changes_that_value_and_nothing_else(tmp_path):
    copy = tmp_path / "indicators.csv"
    shutil.copyfile(DATA / "indicators.csv", copy)
    before = copy.read_bytes()
    bench_ratios.edit_figure(copy, "1999")
    after = copy.read_bytes()
    assert after.replace(b",1999,", b",1954,", 1) == before
    assert after.count(b"2023,phia_bac,2022,region,retail_sales,,1999,") == 1


def test_edit_figure_keeps_windows_line_ends(tmp_path):
    copy = tmp_path / "indicators.csv"
    copy.write_bytes(b"h\r\n2023,phia_bac,2022,region,retail_sales,,1954,x,\"a, b\"\r\nlast")
    bench_ratios.edit_figure(copy, "1955.5")
    assert copy.read_bytes() == b"h\r\n2023,phia_bac,2022,region,retail_sales,,1955.5,x,\"a, b\"\r\nlast"


def test_edit_figure_refuses_a_file_without_the_figure(tmp_path):
    copy = tmp_path / "indicators.csv"
    copy.write_text("edition_year,series\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not in .* once"):
        bench_ratios.edit_figure(copy, "1999")


def _python(code: str) -> bench_ratios.Contender:
    return bench_ratios.process(code, lambda _round: ([sys.executable, "-c", code], {}))


def test_rounds_interleave_and_report_ratios():
    order = []
    quick, peer = _python("pass"), _python("import time; time.sleep(0.05)")
    bench_ratios.run_rounds([peer, quick], 2, order.append)
    assert order == ["round 1/2 done", "round 2/2 done"]
    assert len(quick.samples) == len(peer.samples) == 2
    row = bench_ratios.time_row("quick ÷ peer", quick, peer, 2.0, "")
    assert row.verdict == "met" and row.ratio < 2.0 and row.target == "≤ 2×"
    assert all(s.peak_mb > 1 and s.cpu > 0 for s in quick.samples)
    assert isinstance(row.cpu_ratio, float)


def test_a_failing_contender_stops_the_benchmark():
    with pytest.raises(SystemExit, match="^bench_ratios: failing exited with 3"):
        bench_ratios.run_rounds([bench_ratios.process(
            "failing", lambda _round: ([sys.executable, "-c", "raise SystemExit(3)"], {}))], 1, print)


def test_verdicts_say_by_how_much_a_target_is_missed():
    assert bench_ratios.judge(bench_ratios.Row("x"), 1.25, 0.4).verdict == "missed by 3.1×"
    assert bench_ratios.judge(bench_ratios.Row("x"), 0.84, 3.0, at_least=True).verdict == "missed by 3.6×"
    assert bench_ratios.judge(bench_ratios.Row("x"), 3.5, 3.0, at_least=True).verdict == "met"


def test_table_names_the_machine_and_pending_rows():
    assert " cores, Python " in bench_ratios.machine()
    assert "load average" in bench_ratios.machine()
    table = bench_ratios.render_table([bench_ratios.Row("a", ratio=0.5, target="≤ 1×"),
                                       bench_ratios.Row("b", note="n/a reason")])
    lines = table.splitlines()
    assert lines[0].split() == ["measure", "briefgen", "peer", "ratio", "CPU", "ratio", "target", "verdict",
                                "notes"]
    assert "0.50×" in lines[2] and lines[3].split()[1] == "n/a"
    assert bench_ratios.pending_note("no_such", "briefgen nothing") == "`briefgen nothing` does not exist yet"


def test_pandoc_is_the_second_peer_when_installed(tmp_path, monkeypatch, draft_2025):
    # draft_2025 (shared with other tests) fills the private chart cache: no chart is drawn here
    from briefgen.render.chart_cache import default_cache  # noqa: PLC0415

    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "pandoc"  # writes its -o argument, as pandoc would
    fake.write_text('#!/bin/sh\nwhile [ "$1" != "-o" ]; do shift; done\necho docx > "$2"\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    contender = bench_ratios.pandoc(tmp_path, default_cache())
    bench_ratios.run_rounds([contender], 1, print)
    markdown = (tmp_path / "pandoc" / "draft.md").read_text(encoding="utf-8")
    assert "BÁO CÁO" in markdown and "charts/01-retail-history.png" in markdown
    assert (tmp_path / "pandoc" / "charts" / "01-retail-history.png").read_bytes().startswith(b"\x89PNG")
    assert contender.samples[0].code == 0
    assert next(tmp_path.glob("pandoc-*/draft.docx")).read_text() == "docx\n"


def test_pandoc_row_says_how_to_get_pandoc():
    row = bench_ratios.pandoc_row(None, _python("pass"))
    assert row.ratio == "skipped" and "`apt-get install pandoc`" in row.note


def test_the_absolute_benchmark_still_imports():
    import bench_main  # noqa: PLC0415

    assert bench_main.MAIN_JOB == bench_ratios.MAIN_JOB


def test_serve_row_has_no_cpu_ratio_and_a_verdict():
    server = bench_ratios.Contender("server", lambda _round: bench_ratios.Sample(0.1, math.nan, math.nan, 0))
    peer = bench_ratios.Contender("peer", lambda _round: bench_ratios.Sample(4.0, 2.0, 128.0, 0))
    bench_ratios.run_rounds([server, peer], 1, print)
    row = bench_ratios.serve_row(server, peer)
    assert (row.ratio, row.cpu_ratio, row.target, row.verdict) == (0.025, "", "≤ 0.05×", "met")
    assert bench_ratios.serve_row(None, peer).ratio == "n/a"


def test_lengthen_repeats_the_body_and_keeps_the_section_last(tmp_path):
    draft = Document()
    for text in ("một", "hai", "ba", "bốn"):
        draft.add_paragraph(text)
    draft.save(str(tmp_path / "short.docx"))
    long_draft = bench_ratios.lengthen(tmp_path / "short.docx", 2.5, tmp_path / "long.docx")
    reopened = Document(str(long_draft))
    assert [p.text for p in reopened.paragraphs] == ["một", "hai", "ba", "bốn"] * 2 + ["một", "hai"]
    assert reopened.element.body[-1].tag.endswith("}sectPr")


def test_a_busy_machine_is_said_to_be_busy():
    assert bench_ratios.busy_warning(8.8, 2).startswith("the machine was busy (load 8.8 on 2 cores)")
    assert "not oversubscribed" in bench_ratios.busy_warning(1.5, 2)


def _measured(wall: float, cpu: float, peak: float) -> bench_ratios.Contender:
    contender = bench_ratios.Contender("measured", lambda _round: bench_ratios.Sample(wall, cpu, peak, 0))
    bench_ratios.run_rounds([contender], 1, lambda _text: None)
    return contender


def test_the_table_judges_every_target_from_the_medians():
    contenders = {"peer": _measured(4, 2, 128), "first draft": _measured(3, 2, 140),
                  "rebuilt after an edit": _measured(0.8, 0.4, 100), "all hosts, 2 workers": _measured(10, 6, 150),
                  "extraction": _measured(1, 0.5, 50)}
    first, rebuilt, _batch, memory, extraction, *_rest = bench_ratios.build_rows(contenders, 1.01)
    assert (first.ratio, first.cpu_ratio, first.verdict) == (0.75, 1.0, "missed by 1.9×")
    assert first.note == "empty BRIEFGEN_CACHE_DIR and --out"
    assert rebuilt.verdict == "met"
    assert (memory.ours, memory.verdict) == ("140 MB", "missed by 1.1×")
    assert (extraction.ratio, extraction.cpu_ratio) == ("1.01 MB/s", "2.02 MB/s")
