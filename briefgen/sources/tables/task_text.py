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


def _allowed(blanks: tuple[str, ...]) -> str:
    return ", ".join("{{ %s }}" % name for name in blanks)


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _excerpt(text: str, start: int) -> str:
    piece = text[start:start + 40]
    return piece + ("…" if len(text) > start + 40 else "")


def check_task_text(text: str, blanks: tuple[str, ...] = BLANKS) -> str | None:
    """Return what is wrong with task text *text* (Vietnamese, to follow its column name), or None.

    *blanks* are the names the text may use; with none, any template syntax is refused.
    """
    if len(text) > MAX_TEXT_CHARS:
        return f"dài {_count(len(text))} ký tự, vượt giới hạn {_count(MAX_TEXT_CHARS)} ký tự"
    allowed = f"chỉ được dùng {_allowed(blanks)}" if blanks else "không được dùng biến nào"
    for match in _BLANK.finditer(text):
        if match.group(1) not in blanks:
            return f"dùng biến không có '{match.group(0)}'; {allowed}"
    spans = [match.span() for match in _BLANK.finditer(text)]
    for match in _SYNTAX.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            return (f"chứa cú pháp mẫu không được phép '{_excerpt(text, match.start())}' "
                    f"(dữ liệu không phải mã lệnh); {allowed}")
    return None


def blanks_in(text: str) -> tuple[str, ...]:
    """Return the names of the ``{{ name }}`` blanks *text* uses, in order."""
    return tuple(match.group(1) for match in _BLANK.finditer(text))


def fill_task_text(text: str, **values: object) -> str:
    """Return *text* with each ``{{ name }}`` blank replaced by ``str(values[name])``."""
    return _BLANK.sub(lambda match: str(values[match.group(1)]), text)
