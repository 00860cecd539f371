"""Sources of figures: every adapter that turns a file into Figures with provenance, and the one merge.

``tables/`` reads data/'s CSV tables into a Dataset; ``forms/`` reads filled province forms,
one Figure per cell; ``recognise.py`` tells a file's kind by content; ``merge.py`` joins the
figures of forms, edited drafts and reports to the dataset by one precedence rule. This layer
imports the domain and the utilities only; the edition and lookups are handed in.

``--data FILE`` may be a province's report (.docx/.pdf/.html/.txt, read by the extractor)
or its review sheet, an edited briefgen draft (.docx) or a filled province form (xlsx or
CSV); the first adapter whose ``recognises`` accepts a file reads it. The form adapter
comes last and takes the rest: its reader says in Vietnamese what a file really is when it
is no form (an .xls, a text file, a truncated workbook…).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.sources.recognise import is_draft, split_reports


@dataclass(frozen=True)
class Adapter:
    """One kind of source file: its name and how its content is recognised."""

    kind: str
    recognises: Callable[[Path | str], bool]


def _is_report(path: Path | str) -> bool:
    reports, reviews, _ = split_reports([path])
    return bool(reports or reviews)


def _is_draft(path: Path | str) -> bool:
    return is_draft(path)        # a zip with word/document.xml


def _anything(path: Path | str) -> bool:
    return True


ADAPTERS: tuple[Adapter, ...] = (Adapter("report", _is_report), Adapter("draft", _is_draft),
                                 Adapter("form", _anything))


def group_by_kind(paths: Sequence[Path | str]) -> dict[str, list[Path | str]]:
    """Return kind → the files of that kind among *paths*, each in the order given."""
    groups: dict[str, list[Path | str]] = {}
    for path in paths:
        adapter = next(a for a in ADAPTERS if a.recognises(path))
        groups.setdefault(adapter.kind, []).append(path)
    return groups
