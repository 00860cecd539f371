"""Class 9: drafts, manifests and charts get the modes the umask gives, like every other tool."""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.output import write_draft


@contextmanager
def _umask(mask: int):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): _mode(p) for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("mask, file_mode, dir_mode", [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700),
                                                       (0o002, 0o664, 0o775), (0o027, 0o640, 0o750)])
def test_written_files_and_folders_follow_the_umask(tmp_path, mask, file_mode, dir_mode):
    with _umask(mask):
        write_draft(tmp_path / "out" / "d", "x", lambda p: {p.docx: b"docx"}, {"a.png": b"png", "b.png": b"png"},
                    lambda paths: {})
    assert _modes(tmp_path) == {"out": dir_mode, "out/d": dir_mode, "out/d/charts": dir_mode,
                                "out/d/charts/a.png": file_mode, "out/d/charts/b.png": file_mode,
                                "out/d/manifest.json": file_mode, "out/d/x.docx": file_mode}


def test_a_real_draft_is_readable_by_colleagues_under_umask_022(tmp_path, capsys):
    with _umask(0o022):
        assert main(["--year", "2025", "--host", "Tuyên Quang", "--out", str(tmp_path), "--charts", "png"]) == 0
    capsys.readouterr()
    modes = _modes(tmp_path)
    assert len(modes) > 5 and set(modes.values()) == {0o644, 0o755}
    assert {name for name, mode in modes.items() if mode == 0o755} == {
        "2025-tuyen-quang", "2025-tuyen-quang/charts"}
