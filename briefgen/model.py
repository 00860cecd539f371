"""The briefing model: frozen dataclasses of plain values, shared by every writer.

Stage 2 (``analyze``) fills the *facts* part (slots, comparisons, chart specs);
stage 3 (``narrative``) turns them into *blocks*; writers (DOCX, Markdown) only lay
blocks out. Nothing here knows python-docx or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from briefgen.domain.figure import Figure


@dataclass(frozen=True)
class Placeholder:
    """A figure the draft needs but the data lacks: shown highlighted, explained in a comment."""

    id: str
    label: str                 # what the draft shows, e.g. "[… nghìn tỷ đồng]"
    need: str                  # what is needed, for which period and scope
    period: str | None = None


@dataclass(frozen=True)
class Slot:
    """A place for one figure: the figure when the data has it, else a placeholder."""

    key: str
    figure: Figure | None = None
    placeholder: Placeholder | None = None

    @property
    def known(self) -> bool:
        return self.figure is not None


# --- chart specifications (analysis output, rendered by briefgen.render.charts) ---

@dataclass(frozen=True)
class Point:
    """One bar or point: its label, its value (None = not known), a mark for estimates and whose it is."""

    label: str
    value: Decimal | None
    note: str | None = None     # e.g. "ước", "phạm vi 14 tỉnh"
    figure_id: str | None = None    # the figure (or placeholder) id; None for a gap of no one's


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class ChartSpec:
    """What a chart shows; the renderer decides only how it looks."""

    id: str
    kind: str                   # "bar", "line", "barh"
    title: str
    unit: str
    series: tuple[Series, ...]
    caption: str
    source_note: str = ""
    figure_ids: tuple[str, ...] = ()


# --- blocks (narrative output, input of the writers) ---

@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class FigureRun:
    """A formatted figure in running text; *note* becomes a comment when the figure is uncertain."""

    figure_id: str
    text: str
    note: str | None = None


@dataclass(frozen=True)
class PlaceholderRun:
    placeholder_id: str
    text: str
    need: str


Inline = Text | FigureRun | PlaceholderRun


@dataclass(frozen=True)
class Heading:
    level: int                  # 1 "I.", 2 "1.", 3 "a)"
    text: str


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    style: str = "body"         # body | note | center


@dataclass(frozen=True)
class TableBlock:
    id: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    note: str = ""
    numeric_columns: tuple[int, ...] = ()
    widths: tuple[float, ...] = ()     # relative column widths; empty = equal


@dataclass(frozen=True)
class ChartBlock:
    id: str
    caption: str
    png: bytes | None               # None when no PNG was asked for (native charts)
    source_note: str = ""
    spec: ChartSpec | None = None   # what the chart shows; the DOCX writer draws it as a native chart


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | TableBlock | ChartBlock | PageBreak


@dataclass(frozen=True)
class Masthead:
    """The administrative header and closing parts (Nghị định 30/2020/NĐ-CP)."""

    agency: str                 # "BỘ CÔNG THƯƠNG"
    number: str                 # "Số:       /BC-BCT"
    place: str                  # "Hà Nội"
    year: int
    title: str                  # "BÁO CÁO"
    summary: str                # trích yếu
    recipients: tuple[str, ...]
    signer_authority: str
    signer_title: str


@dataclass(frozen=True)
class Briefing:
    """A complete draft, ready for any writer."""

    masthead: Masthead
    blocks: tuple[Block, ...]
    figures: dict[str, Figure] = field(default_factory=dict)
    placeholders: dict[str, Placeholder] = field(default_factory=dict)
    document_date: date | None = None
    title: str = ""
    keywords: str = ""
    identity: dict = field(default_factory=dict)   # year, host, series: who the draft is for


def chart_file(chart_id: str, index: int) -> str:
    """Return the file name a draft gives its *index*-th chart (``01-retail-history.png``)."""
    return f"{index:02d}-{chart_id.replace('_', '-')}.png"
