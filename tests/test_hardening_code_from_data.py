"""Issue 8, class 1: data is not code. Template syntax in task_groups.csv never runs.

Task-group texts are filled by plain substitution of ``{{ region }}``, ``{{ year }}`` and
``{{ resolution }}``; anything else that looks like a template is refused at load time
with the file and line, exit code 1, nothing written. The project's own templates are
read only from inside templates/.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, TemplateNotFound

from briefgen.cli import main
from briefgen.render.narrative import ConfinedLoader
from briefgen.sources.tables.task_text import MAX_TEXT_CHARS, check_task_text, fill_task_text

PROJECT = Path(__file__).resolve().parent.parent
ALLOWED = "chỉ được dùng {{ region }}, {{ year }}, {{ resolution }}"
SYNTAX = "chứa cú pháp mẫu không được phép '"

# (payload with MARKER for the file a successful exploit would create, expected message part)
PAYLOADS = [
    ("{{ cycler.__init__.__globals__.os.popen('id; touch MARKER').read() }}", SYNTAX + "{{ cycler.__init__"),
    ("{{ joiner.__init__.__globals__.os.system('touch MARKER') }}", SYNTAX + "{{ joiner"),
    ("{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}", SYNTAX + "{{ lipsum"),
    ("{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch MARKER') }}", SYNTAX),
    ("{% for c in ().__class__.__base__.__subclasses__() %}{% if c.__name__ == 'Popen' %}"
     "{{ c('touch MARKER', shell=True) }}{% endif %}{% endfor %}", SYNTAX + "{% for c in"),
    ("{% set x = namespace() %}{{ x.__init__.__globals__ }} MARKER", SYNTAX + "{% set x"),
    ("{{ region.__class__.__mro__[1].__subclasses__() }} MARKER", SYNTAX + "{{ region.__class__"),
    ("{{ region|attr('__class__') }} MARKER", SYNTAX + "{{ region|attr"),
    ("{{ year * 999999999 }} MARKER", SYNTAX + "{{ year * 999999999 }}"),
    ("{% include '../data/provinces.csv' %} MARKER", SYNTAX + "{% include"),
    ("{% import 'briefing.j2' as b %} MARKER", SYNTAX + "{% import"),
    ("{{ region MARKER", SYNTAX + "{{ region /"),
    ("{#- comment -#} MARKER", SYNTAX + "{#- comment"),
    ("{{ host }} MARKER", "dùng biến không có '{{ host }}'; " + ALLOWED),
    ("{{ __import__ }} MARKER", "dùng biến không có '{{ __import__ }}'; " + ALLOWED),
    ("{{region}} }} MARKER", SYNTAX + "}} /"),
    ("x" * MAX_TEXT_CHARS + " MARKER", "ký tự, vượt giới hạn 4.000 ký tự"),
]


@pytest.fixture(scope="module")
def data_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("data-template")
    shutil.copytree(PROJECT / "data", folder / "data")
    return folder / "data"


def _with_task_text(data: Path, line: int, text: str) -> None:
    """Put *text* into the 'text' cell of the task group on CSV line *line* (one record a line)."""
    path = data / "task_groups.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 1][rows[0].index("text")] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(("payload", "expected"), PAYLOADS, ids=[str(i) for i in range(len(PAYLOADS))])
def test_template_syntax_in_data_never_runs_and_is_refused_with_its_line(
        payload, expected, data_template, tmp_path, capsys):
    data, out, marker = tmp_path / "data", tmp_path / "out", tmp_path / "pwned"
    shutil.copytree(data_template, data)
    _with_task_text(data, 3, payload.replace("MARKER", str(marker)))
    code = main(["--year", "2025", "--host", "Tuyên Quang", "--data-dir", str(data), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    prefix = f"Lỗi: {data / 'task_groups.csv'}, dòng 3: nội dung nhóm nhiệm vụ (cột 'text') "
    assert captured.err.startswith(prefix), captured.err
    assert expected in captured.err.splitlines()[0]
    assert "Traceback" not in captured.err and "uid=" not in captured.out + captured.err
    assert not marker.exists()
    assert not out.exists()


def test_the_blanks_are_filled_by_substitution_with_or_without_spaces():
    text = "năm {{year}} tại {{ region }}, theo {{  resolution  }}; giữ nguyên: 50% {x} [a]"
    assert check_task_text(text) is None
    assert fill_task_text(text, region="khu vực phía Bắc", year=2025, resolution="NQ 01") == (
        "năm 2025 tại khu vực phía Bắc, theo NQ 01; giữ nguyên: 50% {x} [a]")


def test_every_shipped_task_text_is_accepted():
    rows = csv.DictReader(io.StringIO((PROJECT / "data" / "task_groups.csv").read_text(encoding="utf-8")))
    assert all(check_task_text(row["text"]) is None for row in rows)


TEMPLATE_ALPHABET = st.sampled_from(["{", "}", "%", "#", " ", "a", "region", "year", "resolution",
                                     "{{", "}}", "{%", "%}", ".", "_", "(", ")", "|", "'"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TEMPLATE_ALPHABET, max_size=30).map("".join))
def test_an_accepted_text_only_ever_gains_the_values_of_its_blanks(text):
    if check_task_text(text) is not None:
        return
    filled = fill_task_text(text, region="R", year=2025, resolution="Q")
    assert not any(token in filled for token in ("{{", "{%", "{#"))
    assert len(filled) <= len(text) * 4


# --- the project's own templates are read from templates/ and nowhere else ---

@pytest.fixture
def templates(tmp_path) -> Path:
    folder = tmp_path / "templates"
    (folder / "sections").mkdir(parents=True)
    (folder / "ok.j2").write_text("ok", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", folder / "link.j2")
    os.symlink(tmp_path, folder / "sections" / "up")
    return folder


@pytest.mark.parametrize("name", ["../secret.txt", "link.j2", "sections/up/secret.txt", "/etc/hostname",
                                  "sections/../../secret.txt", "sections", "missing.j2"])
def test_templates_outside_the_folder_are_not_found(templates, name):
    env = Environment(loader=ConfinedLoader(templates))
    assert env.get_template("ok.j2").render() == "ok"
    with pytest.raises(TemplateNotFound):
        env.get_template(name)
