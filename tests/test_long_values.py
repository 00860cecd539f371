"""A huge value typed by a user (a 50.000-character --host, year, date, option or data cell) is
quoted back shortened: its first 40 characters and its length, on one readable line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from briefgen.bounds import clipped, shown
from briefgen.cli import main

PROJECT = Path(__file__).resolve().parent.parent
HUGE = "Tuyên Quang " * 4166 + "xyzxyzxy"      # 50.000 characters
CUT = f"{HUGE[:40]}… (50000 ký tự)"


def _run(argv, capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    assert len(captured.out) + len(captured.err) < 2500, "a user's value is echoed in full"
    return code, captured.err


def test_shown_cuts_and_says_the_length():
    assert shown(HUGE) == CUT and shown("Hà Nội") == "Hà Nội" and shown("a\x00") == "a\\u0000"
    assert clipped("x" * 1001) == "x" * 1000 + "… (1001 ký tự)" and clipped("x" * 1000) == "x" * 1000


def test_an_unknown_huge_host(tmp_path, capsys):
    code, err = _run(["--year", "2025", "--host", HUGE, "--out", str(tmp_path / "out")], capsys)
    assert code == 1 and err.splitlines()[0] == f"Lỗi: không có tỉnh, thành phố nào tên '{CUT}'."
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv, message", [
    (["--year", HUGE, "--host", "x"], f"briefgen: lỗi: tham số --year: cần số nguyên, gặp '{CUT}'"),
    (["--year", "2025", "--host", "x", "--date", HUGE],
     f"briefgen: lỗi: tham số --date: ngày không hợp lệ '{CUT}', cần dạng YYYY-MM-DD"),
    (["form", "--year", HUGE], f"briefgen form: lỗi: tham số --year: cần số nguyên, gặp '{CUT}'"),
])
def test_a_huge_argument_is_quoted_short(argv, message, capsys):
    code, err = _run(argv, capsys)
    assert code == 2 and err.splitlines()[-1] == message


@pytest.mark.parametrize("argv", [["--year", "2025", "--host", "x", HUGE],
                                  ["extract", "--format", HUGE, "a.txt"]])
def test_argparse_own_messages_are_clipped(argv, capsys):
    code, err = _run(argv, capsys)
    assert code == 2 and err.splitlines()[-1].endswith(" ký tự)")


def test_a_huge_data_cell_is_quoted_short(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    path = data / "resolutions.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][2] = HUGE
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, err = _run(["--year", "2025", "--host", "Tuyên Quang", "--data-dir", str(data),
                      "--out", str(tmp_path / "out")], capsys)
    assert code == 1 and err.splitlines()[0] == (f"Lỗi: {path}, dòng 2, cột 'date': cần ngày dạng "
                                                 f"YYYY-MM-DD, gặp '{CUT}'")


def test_the_api_quotes_a_huge_host_short(tmp_path):
    pytest.importorskip("fastapi")
    from serve_helpers import client

    with client(tmp_path / "out") as api:
        response = api.post("/api/drafts", data={"year": "2025", "host": HUGE})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == f"không có tỉnh, thành phố nào tên '{CUT}'."
