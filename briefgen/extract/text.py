"""Prepare a report for matching, and cut it into paragraphs, sentences and parentheses.

Matching runs on a *folded* copy of the text (lower case, one placement of the tone mark,
NFC) that keeps one character per character of the NFC text, so every offset found in it
maps back to the original file and quotes stay exact substrings.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Old and new placements of the tone mark in open syllables (hoá/hóa, thuỷ/thủy): fold to one.
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("(?:" + "|".join(_TONE_MOVES) + r")(?<!q..)(?!\w)")  # "qu" is a consonant: quý
_CLUSTER_RE = re.compile(r".[\u0300-\u036f]*", re.S)
_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’')]*(?=\s|$)")
_PAREN_RE = re.compile(r"\([^()\n]*\)")
# No real sentence is this long (the longest in the seeds and the development corpus is under
# 600 characters); a longer run without a full stop is cut at its last clause break so that
# the context looked at around each figure stays bounded and extraction stays linear.
SENTENCE_MAX = 1200
_SOFT_BREAKS = (re.compile(r"[;,](?!\d)\s"), re.compile(r"\s"))
_TERMINAL = tuple(".!?…;:\"”’')]")


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of the folded text."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph(Span):
    """A line of the report; captions (no closing punctuation) carry no context."""

    caption: bool


class Source:
    """One report: its original text, the folded copy, and the map between them."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        nfc, self._offsets = compose_with_offsets(text)
        self.folded = fold(nfc)
        self.sentences = find_sentences(self.folded)
        self._sentence_starts = [s.start for s in self.sentences]
        self.parens = find_parens(self.folded)
        self._paren_starts = [p.start for p in self.parens]

    def original_offset(self, index: int) -> int:
        """Return the offset in the original text of folded offset *index*."""
        return index if self._offsets is None else self._offsets[index]

    def quote(self, start: int, end: int) -> tuple[str, int]:
        """Return the original substring for folded [start, end) and its original offset."""
        first, last = self.original_offset(start), self.original_offset(end)
        return self.text[first:last], first

    def sentence_at(self, index: int) -> "Sentence":
        """Return the sentence holding folded offset *index*."""
        return self.sentences[bisect_right(self._sentence_starts, index) - 1]

    def paren_at(self, index: int) -> Span | None:
        """Return the parenthesis holding *index*, or None when it is outside any."""
        found = bisect_right(self._paren_starts, index) - 1
        if found >= 0 and index < self.parens[found].end:
            return self.parens[found]
        return None


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence with the paragraph it belongs to."""

    paragraph: Paragraph


def compose_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return *text* in NFC and, when that changed it, each character's original offset."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    for cluster in _CLUSTER_RE.finditer(text):
        composed = unicodedata.normalize("NFC", cluster.group())
        pieces.append(composed)
        offsets.extend([cluster.start()] * len(composed))
    offsets.append(len(text))
    return "".join(pieces), offsets


def fold(text: str) -> str:
    """Return *text* lower-cased with one tone placement, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: keep it as is
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group()], lowered)


def find_paragraphs(text: str) -> list[Paragraph]:
    """Return the non-blank lines of *text*, flagging captions and headlines."""
    paragraphs = []
    for line in _LINE_RE.finditer(text):
        body = line.group().rstrip()
        if body.strip():
            caption = not body.endswith(_TERMINAL)
            paragraphs.append(Paragraph(line.start(), line.start() + len(body), caption))
    return paragraphs


def find_sentences(text: str) -> list[Sentence]:
    """Return the sentences of *text*, each tied to its paragraph; gaps belong to none."""
    sentences = []
    for paragraph in find_paragraphs(text):
        start = paragraph.start
        for end in _SENTENCE_END_RE.finditer(text, paragraph.start, paragraph.end):
            sentences.extend(_bounded(text, start, end.end(), paragraph))
            start = end.end()
        if text[start:paragraph.end].strip():
            sentences.extend(_bounded(text, start, paragraph.end, paragraph))
    return sentences or [Sentence(0, len(text), Paragraph(0, len(text), False))]


def _bounded(text: str, start: int, end: int, paragraph: Paragraph) -> list[Sentence]:
    """Return [start, end) as one sentence, or cut into pieces of at most SENTENCE_MAX."""
    if end - start <= SENTENCE_MAX:
        return [Sentence(start, end, paragraph)]
    pieces = []
    while end - start > SENTENCE_MAX:
        cut = _last_soft_break(text, start + SENTENCE_MAX // 2, start + SENTENCE_MAX)
        pieces.append(Sentence(start, cut, paragraph))
        start = cut
    return pieces + [Sentence(start, end, paragraph)]


def _last_soft_break(text: str, low: int, high: int) -> int:
    """Return the end of the last clause break (else space) in [low, high), else *high*."""
    for pattern in _SOFT_BREAKS:
        breaks = [m.end() for m in pattern.finditer(text, low, high)]
        if breaks:
            return breaks[-1]
    return high


def find_parens(text: str) -> list[Span]:
    """Return the innermost one-line parentheses of *text*, in order."""
    return [Span(m.start(), m.end()) for m in _PAREN_RE.finditer(text)]
