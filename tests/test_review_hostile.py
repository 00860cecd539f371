"""A draft's identity is untrusted input: any JSON in its properties never crashes the review."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.draft_identity import load_identity
from briefgen.review.read_docx import DraftReading, FoundControl
from briefgen.review.review import filled_figures, review_draft

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(
    ["retail_sales", "region", "9M-2025", "nghìn tỷ đồng", "%", "1954", "12345678", "phia_bac"])
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=8)
KEYS = ["id", "hash", "indicator", "subject", "scope", "period", "unit", "text", "texts", "need",
        "title", "value", "source", "edition_year"]
entries = st.dictionaries(st.sampled_from(KEYS), values | scalars, max_size=len(KEYS))
identities = st.fixed_dictionaries(
    {"generator": st.just("briefgen"), "year": st.integers(2000, 2030) | scalars,
     "host": scalars, "series": scalars, "figures": st.lists(entries, max_size=4) | values,
     "placeholders": st.lists(entries, max_size=4) | values})
controls = st.builds(FoundControl, st.text(max_size=20) | st.just("ph:12345678"),
                     st.text(max_size=20) | st.just("x #12345678"), st.tuples(st.just("bg_12345678")),
                     st.text(max_size=20) | st.sampled_from(["1.954,5", "tăng 3%", "15/18", "[…]"]),
                     st.just("II › đoạn 1"))


@settings(max_examples=80, deadline=None)
@given(identities, st.lists(controls, max_size=4))
def test_any_identity_and_controls_are_reviewed_without_crashing(raw, found):
    for entry in [*(raw["figures"] if isinstance(raw["figures"], list) else []),
                  *(raw["placeholders"] if isinstance(raw["placeholders"], list) else [])]:
        if isinstance(entry, dict) and "hash" in entry:
            entry["hash"] = "12345678"
    identity = load_identity(json.dumps(raw))
    review = review_draft(DraftReading(Path("d.docx"), identity, tuple(found), (("II › đoạn 1", "x"),)))
    filled_figures(review)
