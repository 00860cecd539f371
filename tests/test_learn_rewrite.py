"""``learn`` changes only the rows it adds or replaces: every other record of indicators.csv keeps its bytes."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

from briefgen.review.learn import LearnPlan, _records, _rewrite
from briefgen.sources.tables.figures import load_figures

DATA = Path(__file__).resolve().parent.parent / "data" / "indicators.csv"


def test_records_keep_quoted_line_breaks_together():
    text = 'a,b\n1,"x\ny"\n2,z\n'
    assert _records(text) == ["a,b\n", '1,"x\ny"\n', "2,z\n"]


def test_adding_a_row_leaves_the_file_as_it_was_before_it():
    text = DATA.read_text(encoding="utf-8")
    figure = dataclasses.replace(load_figures(DATA)[0], edition_year=2031, value=Decimal("5.5"))
    rewritten = _rewrite(text, LearnPlan(added=[figure]), None, date(2026, 12, 1))
    assert rewritten.startswith(text if text.endswith("\n") else text + "\n")
    assert rewritten.count("\n") == text.rstrip("\n").count("\n") + 2


def test_replacing_a_row_changes_that_row_only():
    text = DATA.read_text(encoding="utf-8")
    figures = load_figures(DATA)
    old = figures[10]
    new = dataclasses.replace(old, value=old.value + 1)
    rewritten = _rewrite(text, LearnPlan(replaced=[(old, new)]), "sửa theo báo cáo", date(2026, 12, 1))
    before, after = _records(text), _records(rewritten)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and changed == [old.line - 1]
