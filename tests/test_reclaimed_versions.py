"""After ``kill -9`` of a run, its reserved but unfinished version is taken back by a later run
of the same computer; a version with a DOCX, another computer's reservation or a live run's is
never touched."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
from pathlib import Path

import pytest

from briefgen.output import reserve, write_draft
from briefgen.reservations import OWNER_FILE, owner_record, start_time
from slow_child import start_slow_run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and kill -9 are POSIX")


def _dead_pid() -> int:
    """Return the id of a process of this computer that has ended."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def _left_by(folder: Path, owner: dict | None, version: int = 1, docx: bool = False) -> None:
    """Leave what a killed run leaves in *version*: charts, owner, manifest, hidden temporary files."""
    suffix = "" if version == 1 else f"-v{version}"
    charts = folder / f"charts{suffix}"
    charts.mkdir(parents=True)
    (charts / "01-a.png").write_bytes(b"png")
    (charts / ".02-b.png.1a2b3c4d.tmp").write_bytes(b"pn")
    if owner is not None:
        (charts / OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")
    (folder / f"manifest{suffix}.json").write_text("{}", encoding="utf-8")
    (folder / f".x{suffix}.docx.5e6f7a8b.tmp").write_bytes(b"PK")
    if docx:
        (folder / f"x{suffix}.docx").write_bytes(b"draft")


def _write(folder: Path) -> int:
    return write_draft(folder, "x", lambda p: {p.docx: b"new"}, {"01-a.png": b"new png"},
                       lambda paths: {"v": paths.version}).version


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


WHOLE_V1 = ["charts", "charts/01-a.png", "manifest.json", "x.docx"]


def test_a_dead_runs_version_is_taken_back(tmp_path):
    _left_by(tmp_path, {**owner_record(), "pid": _dead_pid()})
    assert _write(tmp_path) == 1
    assert _tree(tmp_path) == WHOLE_V1
    assert (tmp_path / "charts" / "01-a.png").read_bytes() == b"new png"
    assert json.loads((tmp_path / "manifest.json").read_text()) == {"v": 1}


def test_a_reused_process_id_is_a_dead_owner(tmp_path):
    if start_time(os.getpid()) is None:
        pytest.skip("process start times need /proc")
    _left_by(tmp_path, {**owner_record(), "started": "1"})   # our pid, but an earlier process
    assert _write(tmp_path) == 1 and _tree(tmp_path) == WHOLE_V1


@pytest.mark.parametrize("owner", [
    {"host": "may-khac.so-ct.local", "pid": 999_999_999, "started": "1"},   # another computer (network drive)
    "live",                                                                 # this very process
    None,                                                                   # no owner file
    {"host": socket.gethostname(), "pid": "1; rm -rf /"}, {"host": socket.gethostname(), "pid": -1},
    [1, 2], "garbage",                                                      # an owner file not to trust
], ids=["other host", "live", "no owner", "text pid", "negative pid", "list", "not json"])
def test_a_reservation_not_surely_dead_is_never_touched(tmp_path, owner):
    record = {"live": owner_record()}.get(owner, owner) if isinstance(owner, str) else owner
    _left_by(tmp_path, record if owner != "garbage" else None)
    if owner == "garbage":
        (tmp_path / "charts" / OWNER_FILE).write_text("{not json", encoding="utf-8")
    before = _tree(tmp_path)
    assert _write(tmp_path) == 2
    assert _tree(tmp_path) == sorted(before + ["charts-v2", "charts-v2/01-a.png", "manifest-v2.json", "x-v2.docx"])


def test_a_version_with_a_docx_is_never_touched(tmp_path):
    _left_by(tmp_path, {**owner_record(), "pid": _dead_pid()}, docx=True)
    before = {p: (tmp_path / p).read_bytes() for p in _tree(tmp_path) if (tmp_path / p).is_file()}
    assert _write(tmp_path) == 2
    assert {p: (tmp_path / p).read_bytes() for p in before} == before


def test_the_owner_record_is_gone_once_the_draft_is_whole(tmp_path):
    paths = reserve(tmp_path, "x")
    assert json.loads((paths.charts / OWNER_FILE).read_text()) == {
        "host": socket.gethostname(), "pid": os.getpid(), "started": start_time(os.getpid())}
    assert _write(tmp_path / "other") == 1 and not list((tmp_path / "other").rglob(OWNER_FILE))


def _race(folder: str, start) -> None:
    start.wait()
    _write(Path(folder))


def test_several_runs_meeting_dead_versions_each_get_their_own(tmp_path):
    for version in (1, 2, 3):
        _left_by(tmp_path, {**owner_record(), "pid": _dead_pid()}, version)
    context = multiprocessing.get_context("fork")
    start = context.Barrier(5)
    runs = [context.Process(target=_race, args=(str(tmp_path), start)) for _ in range(5)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(30)
    assert [r.exitcode for r in runs] == [0] * 5
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["x-v2.docx", "x-v3.docx", "x-v4.docx",
                                                                "x-v5.docx", "x.docx"]
    assert not [p for p in tmp_path.rglob(".*")], "leftovers or owner files remain"
    for version in range(1, 6):
        suffix = "" if version == 1 else f"-v{version}"
        assert json.loads((tmp_path / f"manifest{suffix}.json").read_text()) == {"v": version}


def test_after_kill_9_of_a_real_run_the_next_run_takes_its_version(tmp_path):
    out = tmp_path / "out"
    process = start_slow_run(["--year", "2025", "--host", "Tuyên Quang", "--out", str(out)], tmp_path)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    folder = out / "2025-tuyen-quang"
    assert (folder / "charts" / OWNER_FILE).exists() and not (folder / "bao-cao-2025-tuyen-quang.docx").exists()
    paths = write_draft(folder, "bao-cao-2025-tuyen-quang", lambda p: {p.docx: b"docx"}, {"01.png": b"png"},
                        lambda paths: {})
    assert paths.version == 1
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao-2025-tuyen-quang.docx", "charts", "manifest.json"]
    assert sorted(p.name for p in (folder / "charts").iterdir()) == ["01.png"]
