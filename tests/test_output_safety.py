"""Nothing lost: drafts are never overwritten and never half-written."""

from __future__ import annotations

import pytest

from briefgen.api import build_briefing
from briefgen.cli import main
from briefgen.files import write_new
from briefgen.output import next_free, write_draft


def test_second_run_writes_v2_and_keeps_the_edited_draft(tmp_path, capsys):
    first = build_briefing(2023, "Quảng Ninh", out_dir=tmp_path)
    first.docx_path.write_bytes(b"edited by a user")
    assert main(["--year", "2023", "--host", "quang ninh", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "không ghi đè" in out and "bao-cao-2023-quang-ninh-v2.docx" in out
    assert first.docx_path.read_bytes() == b"edited by a user"
    folder = first.docx_path.parent
    assert (folder / "bao-cao-2023-quang-ninh-v2.docx").stat().st_size > 10_000
    assert (folder / "manifest-v2.json").exists() and not (folder / "charts-v2").exists()  # native: no PNGs
    assert first.manifest_path.name == "manifest.json"


def test_no_clobber_link_refuses_an_existing_file(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"mine")
    assert write_new(target, b"theirs") is False
    assert target.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_version_picked_after_a_race(tmp_path):
    folder = tmp_path / "d"
    calls = []

    def manifest_for(paths):
        calls.append(paths.version)
        if len(calls) == 1:  # someone else writes v1 meanwhile
            paths.docx.write_bytes(b"other")
        return {}

    paths = write_draft(folder, "x", lambda p: {p.docx: b"ours"}, {}, manifest_for)
    assert paths.version == 2 and paths.docx.read_bytes() == b"ours"
    assert (folder / "x.docx").read_bytes() == b"other"


def test_failure_while_building_writes_nothing(tmp_path, monkeypatch):
    def broken(_briefing, *_options):
        raise RuntimeError("disk full")
    from dataclasses import replace

    from briefgen.writers import WRITERS
    monkeypatch.setitem(WRITERS, "docx", replace(WRITERS["docx"], write=broken))
    with pytest.raises(RuntimeError):
        build_briefing(2025, "Tuyên Quang", out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert next_free(tmp_path / "2025-tuyen-quang", "bao-cao").version == 1
