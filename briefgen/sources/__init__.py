"""Sources of figures besides the shipped tables: one adapter per kind of file, picked by content.

``--data FILE`` may be an edited briefgen draft (.docx) or a filled province form (xlsx or
CSV); the first adapter whose ``recognises`` accepts a file's content reads it, whatever its
name. The form adapter comes last and takes the rest: its reader says in Vietnamese what a
file really is when it is no form (an .xls, a text file, a truncated workbook…). A report
(.docx/.pdf read by the extractor) plugs in with one more entry before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Adapter:
    """One kind of source file: its name and how its content is recognised."""

    kind: str
    recognises: Callable[[Path | str], bool]


def _is_draft(path: Path | str) -> bool:
    from briefgen.review.reuse import is_draft  # a zip with word/document.xml

    return is_draft(path)


def _anything(path: Path | str) -> bool:
    return True


ADAPTERS: tuple[Adapter, ...] = (Adapter("draft", _is_draft), Adapter("form", _anything))


def group_by_kind(paths: Sequence[Path | str]) -> dict[str, list[Path | str]]:
    """Return kind → the files of that kind among *paths*, each in the order given."""
    groups: dict[str, list[Path | str]] = {}
    for path in paths:
        adapter = next(a for a in ADAPTERS if a.recognises(path))
        groups.setdefault(adapter.kind, []).append(path)
    return groups
