"""Issue 8, class 2: caches never run code, never serve a wrong entry, and heal themselves.

Dataset entries are JSON of plain values, chart entries PNG bytes; both are sealed with
their key and a SHA-256 (briefgen/cache_entry.py). Every damaged, foreign or crafted entry
reads as absent, the draft is built from the data as if there were no cache, and the
entry is rewritten.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import struct
import zlib
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.api import build_briefing
from briefgen.cache_entry import read_entry, seal, unseal
from briefgen.domain.dataset import Dataset
from briefgen.render.chart_cache import ChartCache, chart_key
from briefgen.sources.tables import cache as dataset_cache
from briefgen.sources.tables import load_dataset, read_dataset

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"


class Exploit:
    """A pickle that would create *marker* when unpickled."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1:]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of(spec) -> bytes:
    """Stand-in for matplotlib: a valid 1×1 PNG whose bytes differ from chart to chart."""
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + _chunk(b"tEXt", b"Title\0" + spec.id.encode()) + _chunk(b"IDAT", zlib.compress(b"\x00\x00"))
            + _chunk(b"IEND", b""))


# Each damage: (entry bytes, its key, a valid entry sealed for another key, marker) -> new bytes
DAMAGES = {
    "truncated": lambda data, key, other, marker: data[: len(data) // 2],
    "one byte short": lambda data, key, other, marker: data[:-1],
    "bit flip in payload": lambda data, key, other, marker: _flip(data, len(data) // 3),
    "bit flip in hash": lambda data, key, other, marker: _flip(data, len(data) - 5),
    "empty": lambda data, key, other, marker: b"",
    "payload without seal": lambda data, key, other, marker: unseal(key, data),
    "swapped with another key's entry": lambda data, key, other, marker: other,
    "crafted pickle": lambda data, key, other, marker: pickle.dumps(Exploit(marker)),
    "crafted pickle, sealed": lambda data, key, other, marker: seal(key, pickle.dumps(Exploit(marker))),
    "random bytes": lambda data, key, other, marker: bytes(range(256)) * 40,
}
# Sealed with a valid hash (as a forger would), yet not what the dataset encoder writes.
FORGED_DATASETS = {
    "foreign record": {"provinces": [{"$record": "Popen", "args": "touch MARKER", "shell": True}]},
    "unknown field": {"provinces": [{"$record": "Merger", "old": "a", "new": "b", "x": 1}]},
    "bad decimal": {"figures": [{"$decimal": "__import__('os')"}]},
    "bad date": {"mergers": [{"$date": "MARKER"}]},
    "not tables": {"provinces": "MARKER"},
    "a list": ["MARKER"],
    "missing tables": {},
    "extra table": {"provinces": [], "evil": []},
}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def fresh():
    return read_dataset(DATA)


@pytest.fixture(scope="module")
def other_entry(tmp_path_factory) -> bytes:
    """Return a valid dataset entry of other data (another key), as in a shared cache."""
    folder = tmp_path_factory.mktemp("other")
    shutil.copytree(DATA, folder / "data")
    (folder / "data" / "targets.csv").write_text("year,indicator,low,high,unit,source,quote\n", encoding="utf-8")
    key = dataset_cache.dataset_key(folder / "data")
    other = read_dataset(folder / "data")
    return seal(key, dataset_cache.encode({f.name: getattr(other, f.name) for f in fields(Dataset)
                                           if f.name != "data_dir"}))


def _entry(cache_dir: Path) -> tuple[Path, str]:
    (path,) = (cache_dir / "datasets").glob("*.dataset")
    return path, path.stem


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_dataset_entry_is_never_used_and_is_rewritten(damage, cache_dir, fresh, other_entry,
                                                               tmp_path):
    marker = tmp_path / "pwned"
    load_dataset(DATA)
    path, key = _entry(cache_dir)
    path.write_bytes(DAMAGES[damage](path.read_bytes(), key, other_entry, marker))
    assert load_dataset(DATA) == fresh
    assert not marker.exists()
    assert dataset_cache.decode(read_entry(path, key)) is not None  # healed: a valid entry again
    assert load_dataset(DATA) == fresh


@pytest.mark.parametrize("forged", FORGED_DATASETS, ids=list(FORGED_DATASETS))
def test_a_forged_but_sealed_dataset_entry_is_refused(forged, cache_dir, fresh, tmp_path):
    marker = tmp_path / "pwned"
    load_dataset(DATA)
    path, key = _entry(cache_dir)
    payload = json.dumps(FORGED_DATASETS[forged]).replace("MARKER", str(marker)).encode()
    path.write_bytes(seal(key, payload))
    assert load_dataset(DATA) == fresh
    assert not marker.exists()
    assert unseal(key, path.read_bytes()) != payload


def test_a_legacy_pickle_entry_is_never_read(cache_dir, fresh, tmp_path):
    marker = tmp_path / "pwned"
    key = dataset_cache.dataset_key(DATA)
    (cache_dir / "datasets").mkdir(parents=True)
    for name in (f"{key}.pickle", f"{key[:32]}.pickle"):
        (cache_dir / "datasets" / name).write_bytes(pickle.dumps(Exploit(marker)))
    assert load_dataset(DATA) == fresh
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["directory", "fifo", "device link"])
def test_an_entry_that_is_not_a_file_neither_blocks_nor_fails(kind, cache_dir, fresh):
    path = cache_dir / "datasets" / f"{dataset_cache.dataset_key(DATA)}.dataset"
    path.parent.mkdir(parents=True)
    {"directory": path.mkdir, "fifo": lambda: os.mkfifo(path),
     "device link": lambda: path.symlink_to("/dev/zero")}[kind]()
    assert load_dataset(DATA) == fresh


def test_the_dataset_key_covers_the_loader_code(tmp_path, monkeypatch):
    loader = tmp_path / "tables"
    shutil.copytree(PROJECT / "briefgen" / "sources" / "tables", loader, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(dataset_cache, "LOADER_DIR", loader)
    before = dataset_cache.dataset_key(DATA)
    with (loader / "figures.py").open("a", encoding="utf-8") as stream:
        stream.write("# a change to how figures are read\n")
    dataset_cache.loader_id.cache_clear()
    try:
        assert dataset_cache.dataset_key(DATA) != before
    finally:
        dataset_cache.loader_id.cache_clear()


# --- the chart cache ---

@pytest.fixture(scope="module")
def specs(fresh):
    from briefgen.analyze import build_facts
    from briefgen.analyze.edition import build_edition

    charts = build_facts(fresh, build_edition(fresh, 2025, "Tuyên Quang")).charts
    return charts[0], charts[1]


class CountingPlot:
    def __init__(self):
        self.calls = 0

    def __call__(self, spec) -> bytes:
        self.calls += 1
        return png_of(spec)


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_chart_entry_is_drawn_again_and_rewritten(damage, specs, tmp_path):
    spec, other_spec = specs
    marker, plot = tmp_path / "pwned", CountingPlot()
    for each in (spec, other_spec):
        ChartCache(tmp_path, plot).png(each)
    path, other = tmp_path / f"{chart_key(spec)}.png", tmp_path / f"{chart_key(other_spec)}.png"
    other = other.read_bytes()
    path.write_bytes(DAMAGES[damage](path.read_bytes(), chart_key(spec), other, marker))
    assert ChartCache(tmp_path, plot).png(spec) == png_of(spec)
    assert plot.calls == 3 and not marker.exists()
    assert read_entry(path, chart_key(spec)) == png_of(spec)


def test_a_plain_png_under_the_right_name_is_not_trusted(specs, tmp_path):
    spec, other_spec = specs
    (tmp_path / f"{chart_key(spec)}.png").write_bytes(png_of(other_spec))  # looks like a whole PNG
    plot = CountingPlot()
    assert ChartCache(tmp_path, plot).png(spec) == png_of(spec) and plot.calls == 1


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_no_changed_entry_is_ever_served(data):
    key = "ab" * 32
    entry = seal(key, b"\x89PNG\r\n\x1a\n" + bytes(range(200)) + b"IEND\xaeB`\x82")
    start = data.draw(st.integers(0, len(entry) - 1))
    changed = data.draw(st.one_of(
        st.builds(lambda b: entry[:start] + bytes([entry[start] ^ b]) + entry[start + 1:], st.integers(1, 255)),
        st.just(entry[:start]),
        st.builds(lambda extra: entry[:start] + extra + entry[start:], st.binary(min_size=1, max_size=8))))
    assert unseal(key, changed) is None or changed == entry


# --- end to end: a draft from a damaged cache is the draft from a clean one ---

def test_a_draft_built_over_a_damaged_cache_is_identical_and_the_cache_heals(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    charts = tmp_path / "cache" / "charts"
    clean = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path / "a", plot=ChartCache(charts, png_of),
                           charts="png")
    entries = sorted((tmp_path / "cache").rglob("*.png")) + sorted((tmp_path / "cache").rglob("*.dataset"))
    assert len(entries) >= 6
    originals = {path: path.read_bytes() for path in entries}
    for index, path in enumerate(entries):   # every entry damaged, chart entries swapped in a ring
        swapped = originals[entries[(index + 1) % len(entries)]]
        path.write_bytes(swapped if index % 2 and path.suffix == ".png" else _flip(originals[path], 40))
    healed = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path / "b", plot=ChartCache(charts, png_of),
                            charts="png")
    assert healed.docx_path.read_bytes() == clean.docx_path.read_bytes()
    assert {path: path.read_bytes() for path in entries} == originals
