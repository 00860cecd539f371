"""A second writer over the same Briefing blocks: Markdown, for previews, diffs and pandoc.

Headings, paragraphs, tables and chart pictures come out in the order the DOCX has them.
Figures print as their text; what the DOCX says in a Word comment (the caveat of an
uncertain figure, what a placeholder needs, a doubt about a text) becomes a footnote, and placeholders are
bold, as they are highlighted in the DOCX. The output is pandoc's Markdown (pipe tables,
footnotes, implicit figures), which also reads well as plain text in a diff.
"""

from __future__ import annotations

import re

from briefgen.model import (Briefing, ChartBlock, FigureRun, Heading, Inline, Masthead, PageBreak,
                            Paragraph, PlaceholderRun, TableBlock, Text, chart_file)

_SPECIAL = re.compile(r"([\\`*_<>\[\]])")
_LINE_START = re.compile(r"^(\s*)([-+#>]|\d+\.)")


def escape(text: str) -> str:
    """Return *text* with Markdown's special characters escaped, so it prints as written."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_start(line: str) -> str:
    """Return *line* kept a paragraph: a leading ``-`` or ``1.`` would start a list."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


class MarkdownWriter:
    """Writes blocks (numbered by the model) as Markdown lines, collecting footnotes."""

    def __init__(self, chart_paths: dict[str, str]):
        self.chart_paths = chart_paths
        self.notes: list[str] = []

    def footnote(self, text: str) -> str:
        """Return a reference to a new footnote holding *text*."""
        self.notes.append(text)
        return f"[^{len(self.notes)}]"

    def inlines(self, inlines: tuple[Inline, ...]) -> str:
        """Return runs as one line: placeholders bold, caveats and needs as footnotes."""
        parts = []
        for inline in inlines:
            text = escape(inline.text)
            if isinstance(inline, PlaceholderRun):
                parts.append(f"**{text}**" + self.footnote(inline.need))
            elif isinstance(inline, (FigureRun, Text)) and inline.note:
                parts.append(text + self.footnote(inline.note))
            else:
                parts.append(text)
        return "".join(parts)

    def block(self, block) -> list[str]:
        """Return the lines of one block."""
        if isinstance(block, Heading):
            return ["#" * (min(block.level, 3) + 1) + " " + escape(block.text)]
        if isinstance(block, Paragraph):
            text = escape_start(self.inlines(block.inlines))
            return [f"*{text}*" if block.style == "note" and text else text]
        if isinstance(block, TableBlock):
            return self.table(block)
        if isinstance(block, ChartBlock):
            return self.chart(block)
        if isinstance(block, PageBreak):
            return ["<!-- ngắt trang -->"]
        raise TypeError(f"unknown block {type(block).__name__}")

    def table(self, block: TableBlock) -> list[str]:
        """Return a captioned pipe table; numeric columns align right."""
        rule = ["---:" if i in block.numeric_columns else ":---" for i in range(len(block.header))]
        lines = [f"**{escape(block.title)}**", "",
                 _row(escape(h) for h in block.header),
                 _row(rule)]
        lines += [_row(self.inlines(c) for c in row) for row in block.rows]
        if block.note:
            lines += ["", f"*{escape(block.note_line)}*"]
        return lines

    def chart(self, block: ChartBlock) -> list[str]:
        """Return the chart as a picture whose caption is its figure title."""
        path = self.chart_paths.get(block.id, f"charts/{chart_file(block.id, block.number)}")
        return [f"![{escape(block.title)}]({path})"]


def _row(cells) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _masthead(masthead: Masthead) -> list[str]:
    return [f"**{escape(masthead.agency)}**  ", escape(masthead.number), "",
            f"**{escape(masthead.nation)}**  ", f"**{escape(masthead.motto)}**", "",
            f"*{escape(masthead.place_text + masthead.date_text)}*", "",
            f"# {escape(masthead.title)}", "", f"**{escape(masthead.summary)}**"]


def _closing(masthead: Masthead, writer: MarkdownWriter) -> list[str]:
    recipients = [escape_start(escape(r)) + "  " for r in masthead.recipients]
    signer = masthead.signer_name
    return [f"**_{escape(masthead.recipients_label)}_**  ", *recipients, "",
            f"**{escape(masthead.signer_authority)}**  ", f"**{escape(masthead.signer_title)}**", "",
            f"**{escape(signer.label)}**" + writer.footnote(signer.need)]


def render_markdown(briefing: Briefing, chart_paths: dict[str, str] | None = None) -> str:
    """Return *briefing* as Markdown; charts link to *chart_paths* (id → path) or ``charts/``."""
    writer = MarkdownWriter(chart_paths or {})
    body, appendix = briefing.split_appendix()      # the signature closes the body, as in the DOCX
    chunks = [_masthead(briefing.masthead)]
    chunks += [writer.block(block) for block in body]
    chunks.append(_closing(briefing.masthead, writer))
    chunks += [writer.block(block) for block in appendix]
    chunks.append([f"[^{i}]: {escape(note)}" for i, note in enumerate(writer.notes, start=1)])
    return "\n\n".join("\n".join(lines) for lines in chunks if lines) + "\n"
