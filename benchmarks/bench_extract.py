"""Throughput of ``briefgen extract``: MB/s over at least 1 MB of report text.

Run: ``python benchmarks/bench_extract.py [--mb 1.0] [--runs 5]``. The corpus repeats the
seeds (each copy extracted as its own document, as the CLI does per file) until it
reaches the size asked; the figure printed is the median of the runs. A second row times one
line of the same size holding a figure every 30 bytes (issue 8: it must stay linear).
"""

from __future__ import annotations

import argparse
import statistics
import time
from itertools import cycle
from pathlib import Path

from briefgen.extract import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build_corpus(megabytes: float) -> list[tuple[str, str]]:
    """Return (name, text) documents repeating the seeds up to *megabytes* of UTF-8."""
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    corpus, size = [], 0
    for name, text in cycle(seeds):
        if size >= megabytes * 1_000_000:
            return corpus
        corpus.append((name, text))
        size += len(text.encode("utf-8"))
    return corpus


def time_run(corpus: list[tuple[str, str]]) -> tuple[float, int]:
    """Return the seconds one extraction of *corpus* takes and the figures it found."""
    start = time.perf_counter()
    found = sum(len(extract_text(text, name)) for name, text in corpus)
    return time.perf_counter() - start, found


LONG_LINE_PIECE = "tăng 5,4%, đạt 1.234 tỷ đồng, "


def time_long_line(megabytes: float) -> tuple[float, float, int]:
    """Return MB, seconds and figures of one extraction of a single line of *megabytes*."""
    repeats = int(megabytes * 1_000_000 / len(LONG_LINE_PIECE.encode("utf-8")))
    text = "Sản xuất công nghiệp " + LONG_LINE_PIECE * repeats
    start = time.perf_counter()
    found = len(extract_text(text, "long-line.txt"))
    return len(text.encode("utf-8")) / 1_000_000, time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args()
    corpus = build_corpus(args.mb)
    megabytes = sum(len(t.encode("utf-8")) for _, t in corpus) / 1_000_000
    time_run(corpus[:5])  # warm up: compile regexes, import
    timings = [time_run(corpus) for _ in range(args.runs)]
    seconds = statistics.median(t for t, _ in timings)
    print(f"corpus: {megabytes:.2f} MB in {len(corpus)} documents, {timings[0][1]} figures")
    print(f"runs: {', '.join(f'{t:.3f}s' for t, _ in timings)}")
    print(f"throughput: {megabytes / seconds:.2f} MB/s (median of {args.runs})")
    size, seconds, found = time_long_line(args.mb)
    print(f"one long line: {size:.2f} MB, {found} figures, {seconds:.2f}s, "
          f"{size / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
