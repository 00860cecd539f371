"""Issue 8: fuzz the data folder. Whatever a colleague does to the CSV tables, the draft, the
form and check-data answer with a result (exit 0; the .docx reopens with python-docx) or one
error line (exit 1) and nothing written; never a bug (exit 3), an escaping exception or a
traceback, and never a file outside ``--out``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.sources.tables.cache import DATA_FILES

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"

# Cells a clumsy or hostile edit leaves behind: numbers out of every range, separators and
# quotes that break the CSV, control characters, and any printable or unprintable text.
NASTY_CELLS = ["", " ", "NaN", "inf", "-inf", "1e309", "1e-400", "9" * 5000, "-1", "0", "1,5", "1.2.3",
               '"', '""', "a,b", "x\ny", "\r", "\x00", "\x0b", "\x1b[31m", "\ufffe", "\u202e", "true",
               "2025-02-30", "9999-12-31", "Hà Nội", "Tuyên Quang;Hà Giang",
               "{{ x }}", "{{", "{% for x in y %}", "{{ cycler.__init__.__globals__ }}", "{# a", "}}"]
CELL = st.one_of(st.sampled_from(NASTY_CELLS), st.text(st.characters(codec="utf-8"), max_size=12))
# Numbers no figure can be: one of them in a figure's column must stop every command (exit 1).
IMPOSSIBLE = {"NaN", "inf", "-inf", "1e309", "1e-400", "9" * 5000}
NUMBER_COLUMNS = {("indicators.csv", "value"), ("targets.csv", "low"), ("targets.csv", "high")}
# Off the suite, a longer run: BRIEFGEN_FUZZ_EXAMPLES=300 python3 -m pytest tests/test_data_fuzz.py
EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "30"))


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


@st.composite
def cell_edit(draw, table: str, rows: list[list[str]]) -> tuple[list[list[str]], bool]:
    """Return *rows* with one cell replaced (header included), and whether the new cell is an
    impossible figure."""
    row = draw(_row(rows, first=0))
    column = draw(st.integers(0, len(rows[row]) - 1))
    edited = [list(r) for r in rows]
    edited[row][column] = draw(CELL)
    number = row > 0 and (table, rows[0][column]) in NUMBER_COLUMNS
    return edited, number and edited[row][column] in IMPOSSIBLE


def _row(rows: list[list[str]], first: int) -> st.SearchStrategy[int]:
    """Return row indexes, half of them among the last quarter (the recent editions a draft uses)."""
    last = len(rows) - 1
    return st.one_of(st.integers(first, last), st.integers(max(first, last - last // 4), last))


@st.composite
def shape_edit(draw, rows: list[list[str]]) -> list[list[str]]:
    """Return *rows* with one record cut short, given an extra cell, duplicated or dropped."""
    row = draw(_row(rows, first=1))
    edited = [list(r) for r in rows]
    kind = draw(st.sampled_from(["shorter", "longer", "duplicate", "drop"]))
    if kind == "shorter":
        edited[row] = edited[row][:draw(st.integers(0, len(edited[row]) - 1))]
    elif kind == "longer":
        edited[row].append(draw(CELL))
    elif kind == "duplicate":
        edited.insert(row, list(edited[row]))
    else:
        del edited[row]
    return edited


@st.composite
def byte_edit(draw, data: bytes) -> bytes:
    """Return *data* truncated at a random byte, or with random bytes spliced in."""
    at = draw(st.integers(0, len(data)))
    if draw(st.booleans()):
        return data[:at]
    return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]


@st.composite
def mutated_folder(draw) -> tuple[dict[str, bytes], set[str]]:
    """Return the new bytes of one to three data tables after random edits, and the tables in
    which a figure was made impossible."""
    changed: dict[str, bytes] = {}
    impossible: set[str] = set()
    for table in draw(st.lists(st.sampled_from(DATA_FILES), min_size=1, max_size=3)):
        if table in changed:
            continue
        rows = _rows(DATA / table)
        kind = draw(st.sampled_from(["cell", "cell", "shape", "bytes"]))
        if kind == "bytes":
            changed[table] = draw(byte_edit((DATA / table).read_bytes()))
            continue
        if kind == "cell":
            rows, made_impossible = draw(cell_edit(table, rows))
            impossible |= {table} if made_impossible else set()
        else:
            rows = draw(shape_edit(rows))
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        changed[table] = buffer.getvalue().encode("utf-8")
    return changed, impossible


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue() + err.getvalue()


def _commands(data: Path, out: Path) -> list[tuple[list[str], str | None, set[str]]]:
    """Return the command lines run on a data folder, each with what it writes in *out* on success
    and the tables it reads whole (an impossible figure there must stop it)."""
    where = ["--data-dir", str(data)]
    return [(["--year", "2025", "--host", "Tuyên Quang", "--out", str(out), *where], "*/*.docx", set(DATA_FILES)),
            (["form", "--year", "2025", "-o", str(out / "bieu-mau.xlsx"), *where], "bieu-mau.xlsx",
             set(DATA_FILES)),
            (["check-data", *where], None, {"indicators.csv"})]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutated_folder())
def test_a_mutated_data_folder_gives_a_result_or_one_error(mutation, tmp_path_factory):
    changes, impossible = mutation
    root = tmp_path_factory.mktemp("fuzz")
    data, out = root / "data", root / "out"
    shutil.copytree(DATA, data)
    for table, content in changes.items():
        (data / table).write_bytes(content)
    for argv, written, reads in _commands(data, out):
        before, project_before = _files(root), set(PROJECT.iterdir())
        code, text = _run(argv)
        assert code in (0, 1), text
        assert code == 1 or not impossible & reads, text
        assert "Traceback" not in text
        assert {p for p in _files(root) - before if p != out and out not in p.parents} == set()
        assert set(PROJECT.iterdir()) == project_before
        if written is None:
            continue
        assert len(list(out.glob(written))) == (code == 0)
        assert code == 0 or text.startswith("Lỗi: ")
    for draft in out.glob("*/*.docx"):
        assert "".join(p.text for p in docx.Document(str(draft)).paragraphs)
