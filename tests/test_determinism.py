"""Identical inputs give identical bytes: the DOCX, its parts and every chart PNG."""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefgen.api import prepare_draft
from briefgen.docx_writer.package import FIXED_ZIP_TIME
from briefgen.render.charts import plot_chart
from briefgen.sources.tables import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def drafts():
    return (prepare_draft(2025, "Tuyên Quang", dataset=load_dataset(DATA)),
            prepare_draft(2025, "Tuyên Quang", dataset=load_dataset(DATA)))


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _png_chunks(png: bytes) -> list[bytes]:
    kinds, at = [], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        kinds.append(kind)
        at += 12 + length
    return kinds


def test_same_draft_twice_is_byte_identical(drafts):
    first, second = drafts
    differing = [n for n, data in _parts(first.docx).items() if _parts(second.docx).get(n) != data]
    assert differing == []
    assert first.docx == second.docx


@pytest.fixture(scope="module")
def png_drafts():
    return (prepare_draft(2025, "Tuyên Quang", dataset=load_dataset(DATA), charts="png"),
            prepare_draft(2025, "Tuyên Quang", dataset=load_dataset(DATA), charts="png"))


def test_native_drafts_draw_no_png(drafts):
    assert drafts[0].charts and all(block.png is None for block in drafts[0].charts.values())


def test_same_charts_twice_are_byte_identical(png_drafts):
    first, second = png_drafts
    assert first.docx == second.docx
    assert list(first.charts) == list(second.charts)
    assert all(first.charts[k].png == second.charts[k].png for k in first.charts)
    spec = first.facts.charts[0]
    assert plot_chart(spec) == plot_chart(spec)


def test_package_carries_no_clock_time(drafts):
    with zipfile.ZipFile(io.BytesIO(drafts[0].docx)) as package:
        assert {info.date_time for info in package.infolist()} == {FIXED_ZIP_TIME}
        core = package.read("docProps/core.xml").decode("utf-8")
    stamps = set(re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z?", core))
    assert stamps == {"2025-10-17T08:00:00Z"}  # created, modified, printed: the conference date


def test_chart_png_has_no_time_or_software_stamp(png_drafts):
    for chart in png_drafts[0].charts.values():
        chunks = _png_chunks(chart.png)
        assert b"tIME" not in chunks and chunks[-1] == b"IEND"
        assert b"Software" not in chart.png


def test_another_process_with_another_hash_seed_gives_the_same_bytes(drafts):
    probe = ("import hashlib; from briefgen.api import prepare_draft; "
             "print(hashlib.sha256(prepare_draft(2025, 'Tuyên Quang').docx).hexdigest())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert done.stdout.strip() == hashlib.sha256(drafts[0].docx).hexdigest()
