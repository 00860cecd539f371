"""Task-group texts: plain text with a few named blanks, filled by substitution, never run.

A text of ``task_groups.csv`` may contain ``{{ region }}``, ``{{ year }}`` and
``{{ resolution }}`` and no other template syntax. Data is not code: a text with another
name, an expression, a filter or a ``{% … %}`` block is refused when the data is loaded,
naming its line, and a valid text is filled by plain string substitution (no template
engine ever sees it), so its output is bounded by its length.
"""

from __future__ import annotations

import re

BLANKS = ("region", "year", "resolution")
MAX_TEXT_CHARS = 4000
_BLANK = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_SYNTAX = re.compile(r"\{[{%#]|[}%#]\}")
_ALLOWED = ", ".join("{{ %s }}" % name for name in BLANKS)


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _excerpt(text: str, start: int) -> str:
    piece = text[start:start + 40]
    return piece + ("…" if len(text) > start + 40 else "")


def check_task_text(text: str) -> str | None:
    """Return what is wrong with task text *text* (Vietnamese, to follow its column name), or None."""
    if len(text) > MAX_TEXT_CHARS:
        return f"dài {_count(len(text))} ký tự, vượt giới hạn {_count(MAX_TEXT_CHARS)} ký tự"
    for match in _BLANK.finditer(text):
        if match.group(1) not in BLANKS:
            return f"dùng biến không có '{match.group(0)}'; chỉ được dùng {_ALLOWED}"
    blanks = [match.span() for match in _BLANK.finditer(text)]
    for match in _SYNTAX.finditer(text):
        if not any(start <= match.start() < end for start, end in blanks):
            return (f"chứa cú pháp mẫu không được phép '{_excerpt(text, match.start())}' "
                    f"(dữ liệu không phải mã lệnh); chỉ được dùng {_ALLOWED}")
    return None


def fill_task_text(text: str, **values: object) -> str:
    """Return *text* with each ``{{ name }}`` blank replaced by ``str(values[name])``."""
    return _BLANK.sub(lambda match: str(values[match.group(1)]), text)
