"""Issue 8, class 5: a bug is not a user error. It exits 3 with one line saying it is an internal
error and naming a log file that holds the traceback (never a traceback on the screen, never exit 1).
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

import briefgen.api
import briefgen.batch
import briefgen.extract.cli
from cli_helpers import draft, run

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_f8b9d7aac47d0da0.txt"


def _bug(*args, **kwargs):
    raise RuntimeError("renderer bug\nsecond line")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    return folder


def _the_log(err: str) -> Path:
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("Lỗi nội bộ của briefgen (RuntimeError: renderer bug second line), không phải lỗi "
                          "của dữ liệu hay của lệnh; chi tiết đã ghi vào ")
    assert err.endswith("; xin gửi tệp đó cho người bảo trì (mã thoát 3).\n")
    log = Path(err.split("chi tiết đã ghi vào ")[1].split("; xin gửi")[0])
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "RuntimeError: renderer bug" in text
    assert "lệnh: briefgen " in text
    return log


@pytest.mark.parametrize("argv, target", [
    (["--year", "2025", "--host", "Tuyên Quang"], (briefgen.api, "build_briefing")),
    (["extract", str(SEED)], (briefgen.extract.cli, "extract_text")),
])
def test_a_bug_exits_3_with_one_line_and_a_log(argv, target, cache, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(*target, _bug)
    code, out, err = run(argv + (["--out", str(tmp_path / "out")] if argv[0] != "extract" else []), capsys)
    assert code == 3
    assert _the_log(err).parent == cache / "logs"


def test_a_bug_with_json_prints_json(cache, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(briefgen.api, "build_briefing", _bug)
    code, out, err = run(draft(tmp_path / "out", "--json"), capsys)
    summary = json.loads(out)
    assert code == 3 and err == ""
    assert (summary["ok"], summary["exit_code"], summary["docx"]) == (False, 3, None)
    _the_log(summary["errors"][0]["message"] + "\n")


def test_an_os_error_that_is_not_the_users_is_a_bug(cache, monkeypatch, tmp_path, capsys):
    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(briefgen.api, "build_briefing", broken)
    code, _, err = run(draft(tmp_path / "out"), capsys)
    assert code == 3 and err.startswith("Lỗi nội bộ của briefgen (OSError: [Errno 5] Input/output error)")


def test_the_log_falls_back_to_the_temporary_folder(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocked))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(briefgen.api, "build_briefing", _bug)
    code, _, err = run(draft(tmp_path / "out"), capsys)
    assert code == 3 and _the_log(err).parent == tmp_path / "tmp" / "briefgen-logs"


def test_without_any_writable_folder_the_line_says_so(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocked))
    monkeypatch.setattr("tempfile.tempdir", str(blocked))
    monkeypatch.setattr(briefgen.api, "build_briefing", _bug)
    code, _, err = run(draft(tmp_path / "out"), capsys)
    assert code == 3 and err.count("\n") == 1
    assert "không ghi được tệp nhật ký (thư mục bộ nhớ đệm và thư mục tạm đều không ghi được)" in err


def test_a_bug_in_the_drafts_of_a_batch_exits_3(cache, monkeypatch, tmp_path, capsys):
    real = briefgen.batch.build_batch

    def with_a_bug(*args, **kwargs):
        return real(*args, **{**kwargs, "jobs": 1, "disk_cache": False, "plot": _bug, "charts": "png"})
    monkeypatch.setattr(briefgen.batch, "build_batch", with_a_bug)
    code, out, err = run(["--year", "2025", "--host", "Hà Nội", "--year", "2024", "--out",
                          str(tmp_path / "out")], capsys)
    assert code == 3 and "Traceback" not in err and out.startswith("Đã ghi 0/2 dự thảo")
    assert "\nLỗi nội bộ: 2025 Hà Nội: RuntimeError: renderer bug second line\n" in err
    assert "\nLỗi nội bộ: 2024 Hà Nội: RuntimeError: renderer bug second line\n" in err
    assert "\nsecond line" not in err
    log = Path(err.split("chi tiết đã ghi vào ")[1].split("; xin gửi")[0])
    assert log.read_text(encoding="utf-8").count("in _bug") == 2
