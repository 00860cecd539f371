"""The held-out corpora keep their scores: guards against regressions.

Each set (tests/extract_holdout, tests/extract_holdout2) was written without reading the
extractor; the constructions it exposed were then fixed as general rules
(tests/test_extract_grammar.py, own sentences). Thresholds are the scores reached (core
precision and recall 1.000, F1 1.000 for every kind of scope) minus a margin of about two
rows, so that a fix elsewhere may trade one row without failing, but a lost construction
does. They no longer measure generalisation. tests/extract_holdout3 is no longer fully held out
either (its README's list of misses guided general rules; its texts were not read); its guard
keeps the score those rules reached (core P 0.967, R 1.000), less about two rows.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("score_dev", ROOT / "benchmarks" / "score_dev.py")
score_dev = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(score_dev)

# folder, core rows in the key, core precision, core recall, F1 of each kind of scope
SETS = [
    ("extract_holdout", 73, 0.97, 0.95, 0.93),
    ("extract_holdout2", 75, 0.97, 0.97, 0.90),   # national has 12 rows: one miss and one extra stay above
    ("extract_holdout3", 59, 0.93, 0.96, 0.90),   # region has 9 rows: one extra already (0.947)
]


@pytest.mark.parametrize(("folder", "rows", "precision", "recall", "scope_f1"), SETS)
def test_holdout_core_scores_hold(folder, rows, precision, recall, scope_f1):
    by_indicator, by_scope, _, _ = score_dev.score_corpus(ROOT / "tests" / folder)
    core = next(s for s in by_indicator if s.label == "core")
    assert core.expected == rows, core  # the key is complete: all core rows are scored
    assert core.precision >= precision and core.recall >= recall, core
    for kind in by_scope:
        assert kind.f1 >= scope_f1, kind
