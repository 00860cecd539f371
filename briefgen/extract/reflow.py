"""Rejoin the lines a PDF broke inside sentences, so a sentence is one line again.

A PDF keeps the lines of its layout: "… chỉ số sản xuất công nghiệp\\ntăng 8,2% …". A line
joins the next one with a space unless it ends a sentence (. : ; ! ? …), is a heading (a
line in capitals) or is a numbered heading followed by a capitalised line, or the next line
is blank, a heading or starts a new item (a bullet, a number "1." "1.2." "2)", a Roman "II."
or a letter "a)"). Blank lines stay as paragraph breaks. Only spaces change, so every other
character keeps its order, and reflowing twice changes nothing more.
"""

from __future__ import annotations

import re

_CLOSERS = "\"')]}»”’"
_SENTENCE_ENDS = ".:;!?…"
_BULLETS = "-+•*–—●○■□▪◦·"
_NUMBERING_RE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,6}[.)]|[a-zđ]\))(?=\s|$)")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def reflow(text: str) -> str:
    """Return *text* with each line broken inside a sentence joined to the next by a space."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if lines and _continues(lines[-1], line):
            lines[-1] = lines[-1] + " " + line.lstrip()
        else:
            lines.append(line)
    return "\n".join(lines)


def _continues(line: str, following: str) -> bool:
    """Tell whether *following* carries on the sentence of *line* (after its last join)."""
    head, next_head = line.lstrip(), following.lstrip()
    if not head or not next_head or _ends_sentence(head):
        return False
    if _is_heading(head) or _is_heading(next_head) or _starts_item(next_head):
        return False
    return not (_NUMBERING_RE.match(head) and next_head[0].isupper())


def _ends_sentence(line: str) -> bool:
    """Tell whether *line* ends with a sentence mark, maybe followed by closing quotes."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def _is_heading(line: str) -> bool:
    """Tell whether *line* is a heading in capitals: two words or more, no small letter, no
    final sentence mark (so "USD (FOB)." ending a sentence is no heading)."""
    return (len(_WORD_RE.findall(line)) >= 2 and not any(c.islower() for c in line)
            and not _ends_sentence(line))


def _starts_item(line: str) -> bool:
    """Tell whether *line* opens a new item: a bullet or a numbering."""
    return line[0] in _BULLETS or bool(_NUMBERING_RE.match(line))
