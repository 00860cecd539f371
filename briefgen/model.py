"""The briefing model: frozen dataclasses of plain values, shared by every writer.

Stage 2 (``analyze``) fills the *facts* part (slots, comparisons, chart specs);
stage 3 (``narrative``) turns them into *blocks*; writers (DOCX, Markdown) only lay
blocks out. Nothing here knows python-docx or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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

    @property
    def is_gap(self) -> bool:
        """Return whether the point is a year no one reported: an empty category, no bar, no words."""
        return self.value is None and self.note is None and self.figure_id is None


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
    """Plain text; *note* (a doubt about what it says, for the drafters) becomes a comment."""

    text: str
    note: str | None = None


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
    number: int = 0                    # "Bảng N": given when the Briefing is built

    @property
    def title(self) -> str:
        """Return the caption as printed above the table: "Bảng 2. Kết quả …"."""
        return f"Bảng {self.number}. {self.caption}"

    @property
    def note_line(self) -> str:
        """Return the note as printed below the table ("" when it has none)."""
        return f"Ghi chú: {self.note}" if self.note else ""


@dataclass(frozen=True)
class ChartBlock:
    id: str
    caption: str
    png: bytes | None               # None when no PNG was asked for (native charts)
    source_note: str = ""
    spec: ChartSpec | None = None   # what the chart shows; the DOCX writer draws it as a native chart
    number: int = 0                 # "Hình N": given when the Briefing is built

    @property
    def title(self) -> str:
        """Return the caption as printed under the chart: "Hình 3. Bán lẻ …"."""
        return f"Hình {self.number}. {self.caption}"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | TableBlock | ChartBlock | PageBreak


SIGNER_NAME = Placeholder("signer-name", "[Họ và tên người ký]",
                          "Cần bổ sung: họ tên, chức vụ người ký ban hành báo cáo.")
APPENDIX = "PHỤ LỤC"            # the level-1 heading that opens the annex, after the signature


@dataclass(frozen=True)
class Masthead:
    """The administrative header and closing parts (Nghị định 30/2020/NĐ-CP): every word of them."""

    agency: str                 # "BỘ CÔNG THƯƠNG"
    number: str                 # "Số:       /BC-BCT"
    place: str                  # "Hà Nội"
    year: int
    title: str                  # "BÁO CÁO"
    summary: str                # trích yếu
    recipients: tuple[str, ...]
    signer_authority: str
    signer_title: str
    signer_name: Placeholder = SIGNER_NAME           # left for the drafters: who signs
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"    # quốc hiệu
    motto: str = "Độc lập - Tự do - Hạnh phúc"           # tiêu ngữ
    recipients_label: str = "Nơi nhận:"

    @property
    def place_text(self) -> str:
        """Return the place as it opens the date line: "Hà Nội, "."""
        return f"{self.place}, "

    @property
    def date_text(self) -> str:
        """Return the date left blank for the day of signing: "ngày      tháng      năm 2025"."""
        return f"ngày      tháng      năm {self.year}"


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "blocks", number_blocks(self.blocks))   # frozen: set once, here

    def split_appendix(self) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
        """Return (body, appendix): the signature closes the body, the Phụ lục follows it."""
        for index, block in enumerate(self.blocks):
            if isinstance(block, Heading) and block.level == 1 and block.text.startswith(APPENDIX):
                return self.blocks[:index], self.blocks[index:]
        return self.blocks, ()


def number_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return *blocks* with tables and charts numbered in reading order (Bảng 1, 2 …; Hình 1, 2 …)."""
    counts = {TableBlock: 0, ChartBlock: 0}
    numbered = []
    for block in blocks:
        if type(block) in counts:
            counts[type(block)] += 1
            block = replace(block, number=counts[type(block)])
        numbered.append(block)
    return tuple(numbered)


def chart_file(chart_id: str, index: int) -> str:
    """Return the file name a draft gives its *index*-th chart (``01-retail-history.png``)."""
    return f"{index:02d}-{chart_id.replace('_', '-')}.png"
