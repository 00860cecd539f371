"""``briefgen extract`` over many files in several processes gives what one process gives."""

from __future__ import annotations

from pathlib import Path

from briefgen.extract import cli as extract_cli
from briefgen.extract.cli import extract_files

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def test_two_processes_give_the_same_figures_and_messages_in_file_order(tmp_path, capsys):
    broken = tmp_path / "hỏng.txt"
    broken.write_bytes(b"\xff\xfe not utf-8")
    paths = [SEEDS[0], broken, *SEEDS[1:4], tmp_path / "thiếu.txt"]
    alone = extract_files(paths, jobs=1)
    alone_err = capsys.readouterr().err
    shared = extract_files(paths, jobs=2)
    assert shared == alone and alone[1] == 2
    assert capsys.readouterr().err == alone_err
    assert alone_err.index("hỏng.txt") < alone_err.index("thiếu.txt")


def test_little_text_stays_in_one_process_unless_jobs_are_asked_for(tmp_path):
    assert extract_cli._workers(SEEDS[:3], None) == 1
    assert extract_cli._workers(SEEDS[:3], 2) == 2
    assert extract_cli._workers(SEEDS[:1], 2) == 1
