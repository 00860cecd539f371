"""A draft's files are synced together, each once, all before the first appears (briefgen.files)."""

from __future__ import annotations

import os
import threading

import pytest

from briefgen import files
from briefgen.output import write_draft


def _draft(folder, charts: int = 0):
    return write_draft(folder, "x", lambda p: {p.docx: b"docx"}, {f"{i}.png": b"png" for i in range(charts)},
                       lambda paths: {"v": paths.version}, b"checklist")


def test_every_file_is_synced_once_and_before_the_first_is_linked(tmp_path, monkeypatch):
    events = []
    real_sync, real_link = files._sync, os.link
    monkeypatch.setattr(files, "_sync", lambda path: (events.append(("sync", path.name)), real_sync(path))[1])
    monkeypatch.setattr(os, "link", lambda src, dst: (events.append(("link", os.path.basename(dst))),
                                                      real_link(src, dst))[1])
    paths = _draft(tmp_path / "d", charts=2)
    synced = [name for kind, name in events if kind == "sync"]
    linked = [name for kind, name in events if kind == "link"]
    assert linked == ["0.png", "1.png", "danh-muc-bo-sung-x.md", "manifest.json", "x.docx"]
    assert sorted(name.split(".tmp")[0].rsplit(".", 1)[0] for name in synced) == \
        sorted(f".{name}" for name in linked)                   # each file's temporary name, once
    assert [kind for kind, _ in events] == ["sync"] * 5 + ["link"] * 5
    assert paths.docx.read_bytes() == b"docx" and not list(tmp_path.rglob(".*.tmp"))


def test_the_files_are_synced_at_the_same_time(tmp_path, monkeypatch):
    together = threading.Barrier(3, timeout=10)     # broken (an error) unless all three wait at once
    real_sync = files._sync

    def sync(path):
        together.wait()
        real_sync(path)
    monkeypatch.setattr(files, "_sync", sync)
    assert _draft(tmp_path / "d").manifest.read_text() == '{\n  "v": 1\n}'


def test_a_failed_sync_leaves_nothing(tmp_path, monkeypatch):
    def failing(path):
        if path.name.startswith(".manifest"):
            raise OSError(5, "Input/output error")
    monkeypatch.setattr(files, "_sync", failing)
    with pytest.raises(Exception, match="lỗi đọc ghi của ổ đĩa"):
        _draft(tmp_path / "d")
    assert list(tmp_path.iterdir()) == []
