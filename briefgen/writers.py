"""The writers: one built ``Briefing``, any set of formats (``--format docx,md``).

Each writer turns the model into the bytes of one file and imports nothing but the model;
adding a format (PDF, HTML…) is one entry in ``WRITERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefgen.model import Briefing


@dataclass(frozen=True)
class Writer:
    """One output format: its name on the command line, its file suffix, how it writes."""

    name: str
    suffix: str
    label: str                           # what the CLI says it wrote: "dự thảo", "bản Markdown"
    write: Callable[[Briefing, str, dict[str, str] | None], bytes]   # (briefing, charts, chart paths)
    links_charts: bool = False           # refers to the chart files beside it (paths differ per version)


def _docx(briefing: Briefing, charts: str, chart_paths: dict[str, str] | None) -> bytes:
    from briefgen.docx_writer import render_docx  # python-docx only when a DOCX is written

    return render_docx(briefing, charts)


def _markdown(briefing: Briefing, charts: str, chart_paths: dict[str, str] | None) -> bytes:
    from briefgen.markdown_writer import render_markdown

    return render_markdown(briefing, chart_paths).encode("utf-8")


WRITERS: dict[str, Writer] = {
    "docx": Writer("docx", ".docx", "dự thảo", _docx),
    "md": Writer("md", ".md", "bản Markdown", _markdown, links_charts=True),
}
DEFAULT_FORMATS = ("docx",)


def parse_formats(text: str) -> tuple[str, ...]:
    """Return the formats of ``docx,md`` in order, or raise ValueError naming the unknown one."""
    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise ValueError(f"định dạng không hỗ trợ '{unknown[0] if unknown else text}'; "
                         f"dùng {', '.join(WRITERS)} (phân cách bằng dấu phẩy)")
    return names


def render_documents(briefing: Briefing, formats: Sequence[str], charts: str = "native",
                     chart_paths: dict[str, str] | None = None) -> dict[str, bytes]:
    """Return format → bytes of *briefing* in each of *formats*."""
    return {name: WRITERS[name].write(briefing, charts, chart_paths) for name in formats}
