"""Issue 8, class 10: extraction stays linear. One long line holding many quantities (a report
pasted without line breaks) takes time in proportion to its length, not its square."""

from __future__ import annotations

import time

from briefgen.extract.extractor import extract_text

UNIT = "kim ngạch xuất khẩu đạt 1.234,5 tỷ USD, tăng 12,3% so với cùng kỳ; "


def _seconds(length: int) -> float:
    """Return the best of two timings of extracting one line of *length* characters."""
    text = (UNIT * (length // len(UNIT) + 1))[:length]
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        figures = extract_text(text, "mot-dong.txt")
        best = min(best, time.perf_counter() - started)
    assert len(figures) >= length // len(UNIT)        # every quantity found, none lost
    return best


def test_one_long_line_is_extracted_in_linear_time():
    small, large = _seconds(40_000), _seconds(160_000)
    assert large / small < 8, f"4× the text took {large / small:.1f}× the time (linear: about 4×)"
