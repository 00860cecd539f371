"""Extraction stays linear in the text: one long line of many figures costs no more per byte.

Counted, not timed: the work is the number of mentions the lookups step over, which must
grow in proportion to the text (issue 8, class 10: 35 s for a 2 MB line before).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract import extract_text
from briefgen.extract.mentions import SCAN_LIMIT, Mention, MentionIndex
from briefgen.extract.text import SENTENCE_MAX, Source

PIECES = ("tăng 5,4%, đạt 1.234 tỷ đồng, ",
          "tháng 9 tăng 2,1% (cả nước tăng 2%), xuất khẩu đạt 1.234 tỷ đồng, ")


def long_line(repeats: int) -> str:
    """Return one line (no full stop) holding five figures per repeat."""
    return "Sản xuất công nghiệp " + "".join(PIECES) * repeats


def steps_of(text: str, monkeypatch) -> int:
    """Return how many mentions the lookups of one extraction of *text* step over."""
    count = 0
    original = Source.paren_at

    def counting(self, index):
        nonlocal count
        count += 1
        return original(self, index)

    with monkeypatch.context() as patch:
        patch.setattr(Source, "paren_at", counting)
        extract_text(text, "t.txt")
    return count


def test_long_line_of_many_figures_costs_linear_work(monkeypatch):
    small, large = steps_of(long_line(400), monkeypatch), steps_of(long_line(1600), monkeypatch)
    assert large <= 4.5 * small  # was quadratic: 16 times the work for 4 times the text


def test_long_line_figures_all_found():
    assert len(extract_text(long_line(200), "t.txt")) == 200 * 5


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ("x" * 300, "; ", " ")), min_size=1, max_size=120))
def test_sentence_without_full_stop_is_cut_at_bounded_length(pieces):
    text = "".join(pieces)
    sentences = Source("t.txt", text).sentences
    assert all(s.end - s.start <= SENTENCE_MAX for s in sentences)
    covered = "".join(text[s.start:s.end] for s in sentences)
    assert covered.strip() == text.strip() or not text.strip()


def test_mention_lookup_steps_over_a_bounded_number_of_mentions():
    index = MentionIndex([Mention(i, i + 1) for i in range(10 * SCAN_LIMIT)])
    looked = []
    assert index.last_before(10 * SCAN_LIMIT, 0, lambda m: looked.append(m) and False) is None
    assert len(looked) == SCAN_LIMIT
