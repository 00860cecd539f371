"""Mentions: words found in a report (a period, a province, a topic) and lookups over them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, TypeVar

from briefgen.extract.text import Source


@dataclass(frozen=True)
class Mention:
    """A matched phrase at folded offsets [start, end) with what it means."""

    start: int
    end: int
    value: object = None


M = TypeVar("M", bound=Mention)
# How many mentions one lookup may step over: context further away than this never decides
# a figure, and the bound keeps extraction linear on a line holding thousands of mentions.
SCAN_LIMIT = 64


class MentionIndex(Generic[M]):
    """Mentions of one kind in document order, searchable around a position."""

    def __init__(self, mentions: list[M]):
        self.mentions = mentions
        self._starts = [m.start for m in mentions]

    def before(self, position: int, floor: int) -> Iterator[M]:
        """Yield mentions ending by *position* and starting at or after *floor*, nearest first.

        At most SCAN_LIMIT mentions are looked at.
        """
        index = bisect_left(self._starts, position) - 1
        stop = max(-1, index - SCAN_LIMIT)
        while index > stop and self.mentions[index].start >= floor:
            if self.mentions[index].end <= position:
                yield self.mentions[index]
            index -= 1

    def after(self, position: int, ceiling: int) -> Iterator[M]:
        """Yield mentions starting at or after *position* and ending by *ceiling*, nearest first."""
        index = bisect_left(self._starts, position)
        stop = min(len(self.mentions), index + SCAN_LIMIT)
        while index < stop and self.mentions[index].end <= ceiling:
            yield self.mentions[index]
            index += 1

    def covering(self, start: int, end: int) -> M | None:
        """Return the mention whose span holds [*start*, *end*), or None.

        Only the last mention starting by *start* is looked at: the mentions must not overlap.
        """
        index = bisect_right(self._starts, start) - 1
        found = self.mentions[index] if index >= 0 else None
        return found if found is not None and found.end >= end else None

    def last_before(self, position: int, floor: int, accept: Callable[[M], bool] | None = None) -> M | None:
        """Return the nearest accepted mention before *position*, not before *floor*.

        The first of ``before(position, floor)`` that *accept* takes (any, without it), in one
        loop: this lookup runs several times per figure.
        """
        mentions, index = self.mentions, bisect_left(self._starts, position) - 1
        stop = max(-1, index - SCAN_LIMIT)
        while index > stop:
            mention = mentions[index]
            if mention.start < floor:
                return None
            if mention.end <= position and (accept is None or accept(mention)):
                return mention
            index -= 1
        return None


def is_visible(source: Source, mention: Mention, position: int) -> bool:
    """Tell whether *mention* can speak for a figure at *position*.

    What is said inside parentheses stays there: a mention in a closed parenthesis
    does not reach figures outside it.
    """
    paren = source.paren_at(mention.start)
    return paren is None or paren.start <= position < paren.end
