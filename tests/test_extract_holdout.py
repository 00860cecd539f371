"""The held-out corpus (tests/extract_holdout) keeps its score: a guard against regressions.

The texts were written without reading the extractor; the constructions they exposed were
then fixed as general rules (tests/test_extract_grammar.py). Thresholds are the scores reached
(core precision and recall 1.000 on 73 rows, F1 1.000 for every kind of scope) minus a margin of about two
rows, so that a fix elsewhere may trade one row here without failing, but a lost construction
does. A fresh held-out set, not this one, measures generalisation.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "extract_holdout"
_SPEC = importlib.util.spec_from_file_location("score_dev", ROOT / "benchmarks" / "score_dev.py")
score_dev = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(score_dev)

CORE_PRECISION, CORE_RECALL = 0.97, 0.95
SCOPE_F1 = 0.93


def test_holdout_core_scores_hold():
    by_indicator, by_scope, _, _ = score_dev.score_corpus(HOLDOUT)
    core = next(s for s in by_indicator if s.label == "core")
    assert core.expected == 73, core  # the key is complete: all core rows are scored
    assert core.precision >= CORE_PRECISION and core.recall >= CORE_RECALL, core
    for kind in by_scope:
        assert kind.f1 >= SCOPE_F1, kind
