"""Inline markers: how templates point at figures and placeholders inside running text.

A template never formats a number itself: a filter emits ``⟦f|change|<figure id>⟧`` or
``⟦p|<placeholder id>⟧`` and ``parse_inlines`` turns the text into typed runs, formatting
each figure in Vietnamese style. This keeps numbers traceable to their row in data/.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND, Figure
from briefgen.model import FigureRun, Inline, Placeholder, PlaceholderRun, Text
from briefgen.numbers import fmt_change, fmt_number, fmt_percent, fmt_quantity, fmt_ratio

REPORT_MARK = "trích từ báo cáo"
MARKER = re.compile(r"⟦(f\|[a-z]+|p\|number|p)\|([^⟧]+)⟧")
GROWTH_LABEL = "[tăng/giảm …%]"
_UNIT_IN_LABEL = re.compile(r"^\[… [^/\]]+\]$")     # "[… nghìn tỷ đồng]", not "[…/18]" nor "[tăng/giảm …%]"

_FORMATTERS: dict[str, Callable[[Figure], str]] = {
    "value": lambda f: fmt_ratio(f.value) if f.unit == "lần" else fmt_quantity(f.value, f.unit),
    "number": lambda f: fmt_number(f.value),
    "change": lambda f: fmt_ratio(f.value) if f.unit == "lần" else fmt_change(f.value),
    "percent": lambda f: fmt_percent(f.value),
    "abs": lambda f: fmt_percent(abs(f.value)),
}
_CHANGE_WORDS = ("tăng ", "giảm ", "gấp ")


def qualified(figure: Figure, text: str) -> str:
    """Return *text*, the printed value of *figure*, with the figure's qualifiers in words.

    ``hơn 24 nghìn ha``, ``tăng trên 22%``, ``từ 8% trở lên``, ``… (giá so sánh 2010)``: a
    qualifier the source states travels with the number wherever it is printed.
    """
    verb = next((w for w in _CHANGE_WORDS if text.startswith(w)), "")
    number = text[len(verb):]
    if LOWER_BOUND in figure.qualifiers:
        number = f"{'trên' if verb else 'hơn'} {number}"
    if AT_LEAST in figure.qualifiers:
        number = f"từ {number} trở lên"
    text = verb + number
    if figure.coverage:
        text += " (số liệu của {}/{} tỉnh, thành phố)".format(*figure.coverage)
    return f"{text} (giá so sánh 2010)" if CONSTANT_PRICES_2010 in figure.qualifiers else text


FORMATS: dict[str, Callable[[Figure], str]] = {
    name: (lambda f, format_=format_: qualified(f, format_(f))) for name, format_ in _FORMATTERS.items()
}


def figure_marker(figure: Figure, fmt: str = "value") -> str:
    return f"⟦f|{fmt}|{figure.id}⟧"


def placeholder_marker(placeholder: Placeholder, fmt: str = "value") -> str:
    """Return the marker of *placeholder*; *fmt* "number" drops its unit (a table column states it)."""
    return f"⟦p|number|{placeholder.id}⟧" if fmt == "number" else f"⟦p|{placeholder.id}⟧"


def placeholder_label(placeholder: Placeholder, fmt: str = "value") -> str:
    """Return what the draft prints for *placeholder*; in a table cell (*fmt* "number"), whose
    column or row states the unit or the comparison, the short ``[…]`` or ``[…%]``."""
    if fmt != "number":
        return placeholder.label
    if _UNIT_IN_LABEL.match(placeholder.label):
        return "[…]"
    return "[…%]" if placeholder.label == GROWTH_LABEL else placeholder.label


def figure_note(figure: Figure, source_names: dict | None = None) -> str | None:
    """Return the caveat a draft must attach to an uncertain figure, if any.

    *source_names* (source id → a cited name) names the source; a file name is never printed.
    """
    source = f"Nguồn: {(source_names or {}).get(figure.source, figure.source)}."
    if figure.status == "english":
        converted = "" if figure.unit == "%" else " (đơn vị do trang tiếng Anh quy đổi)"   # a rate has none
        return f"Số liệu đọc từ trang tin tiếng Anh{converted}, cần đối chiếu trước khi sử dụng. {source}"
    if figure.status == "unconfirmed" and figure.note and REPORT_MARK in figure.note.lower():
        return figure.note   # read from a report: says whose, the quote and where (briefgen.reports)
    if figure.status == "unconfirmed":
        return ("Số liệu chưa được xác nhận (phạm vi hoặc kỳ số liệu chưa rõ), cần đối chiếu "
                f"trước khi sử dụng. {source}")
    if figure.estimate:
        return None  # the template already says "ước"
    return None


def _join_notes(*notes: str | None) -> str | None:
    present: list[str] = []
    for note in notes:
        if note and not any(note in earlier for earlier in present):   # a caveat said once
            present.append(note)
    return " ".join(present) if present else None


def parse_inlines(text: str, figures: dict[str, Figure], placeholders: dict[str, Placeholder],
                  notes: dict[str, str] | None = None, source_names: dict | None = None) -> tuple[Inline, ...]:
    """Return the runs of *text*: plain text, formatted figures and placeholders.

    *notes* adds caveats per figure id (e.g. an inconsistency between sources).
    """
    runs: list[Inline] = []
    position = 0
    for match in MARKER.finditer(text):
        if match.start() > position:
            runs.append(Text(text[position:match.start()]))
        kind, ref = match.group(1), match.group(2)
        if kind.startswith("p"):
            placeholder = placeholders[ref]
            runs.append(PlaceholderRun(ref, placeholder_label(placeholder, kind[2:]), placeholder.need))
        else:
            figure = figures[ref]
            extra = (notes or {}).get(ref)
            runs.append(FigureRun(ref, FORMATS[kind[2:]](figure), _join_notes(figure_note(figure, source_names), extra)))
        position = match.end()
    if position < len(text):
        runs.append(Text(text[position:]))
    return tuple(runs)
