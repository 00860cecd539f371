"""Render the narrative templates and parse the result into document blocks.

Templates write a small markup: ``# I. …`` / ``## 1. …`` / ``### a) …`` headings,
paragraphs separated by a blank line, ``[[table:ID]]`` and ``[[chart:ID]]`` on their own
line, ``> text`` for a note paragraph. Python decides what to say; templates phrase it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from briefgen.dates import fmt_date_long, fmt_date_short
from briefgen.domain.figure import Figure
from briefgen.errors import TemplateError
from briefgen.model import Block, ChartBlock, Heading, PageBreak, Paragraph, Placeholder, Slot, TableBlock
from briefgen.numbers import fmt_number
from briefgen.render.markers import figure_marker, parse_inlines, placeholder_marker
from briefgen.render.table_cells import estimate_prefix

_DIGITS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _number_word(number: int) -> str:
    """Return 2…99 in words as ordinals use them: ``mười lăm``, ``hai mươi mốt``, ``hai mươi tư``."""
    tens, units = divmod(number, 10)
    if tens == 0:
        return "tư" if units == 4 else _DIGITS[units]
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    tail = {0: "", 1: "mốt" if tens > 1 else "một", 4: "tư" if tens > 1 else "bốn", 5: "lăm"}.get(units, _DIGITS[units])
    return f"{head} {tail}".strip()


def ordinal_word(number: int) -> str:
    """Return ``Thứ nhất``, ``Thứ hai`` … ``Thứ mười lăm`` … ``Thứ chín mươi chín`` for task groups
    (beyond, or below one, the number in digits: ``Thứ 100``)."""
    if not 1 <= number <= 99:
        return f"Thứ {number}"
    return "Thứ nhất" if number == 1 else f"Thứ {_number_word(number)}"


@dataclass
class FigureLedger:
    """Figures and placeholders the templates referred to, for the parser and the manifest."""

    placeholders: dict[str, Placeholder]
    figures: dict[str, Figure] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)   # extra caveats by figure id
    cited: dict[str, str] = field(default_factory=dict)     # source id -> how a comment names it

    def mark(self, item: Slot | Figure | Placeholder | None, fmt: str = "value") -> str:
        """Return the marker for *item*, remembering what it refers to."""
        if isinstance(item, Slot):
            item = item.figure if item.known else item.placeholder
        if isinstance(item, Placeholder):
            self.placeholders.setdefault(item.id, item)
            return placeholder_marker(item, fmt)
        if isinstance(item, Figure):
            self.figures[item.id] = item
            return figure_marker(item, fmt)
        raise TypeError(f"cannot mark {item!r}")


class ConfinedLoader(FileSystemLoader):
    """Load templates from one folder only: no ``..``, and no link that leads out of it."""

    def __init__(self, root: Path):
        super().__init__(str(root))
        self.root = Path(root).resolve()

    def get_source(self, environment: Environment, template: str):
        """Return jinja's (source, filename, uptodate) for *template* if it lies inside the folder."""
        target = self.root.joinpath(*split_template_path(template)).resolve()  # '..' raises NotFound
        if not target.is_relative_to(self.root) or not target.is_file():
            raise TemplateNotFound(template)
        return super().get_source(environment, template)


class CompiledTemplates(BytecodeCache):
    """Templates compiled by this process, kept in its memory only (never on disk: nothing read
    from a cache file is executed). A template whose source changed is compiled again (jinja
    checks each entry's source checksum); a batch worker or the server compiles each once."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def make_environment(templates_dir: Path, ledger: FigureLedger) -> Environment:
    """Return the jinja environment with the project's filters registered once."""
    env = Environment(loader=ConfinedLoader(templates_dir), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=COMPILED)
    env.filters.update(
        fig=lambda x: ledger.mark(x, "value"),
        change=lambda x: ledger.mark(x, "change"),
        pct=lambda x: ledger.mark(x, "percent"),
        rate=lambda x: ledger.mark(x, "abs"),  # a growth rate without its verb: "3,4%"
        num=lambda x: ledger.mark(x, "number") if not isinstance(x, (int, float)) else fmt_number(x),
        ph=lambda x: ledger.mark(x),
        date_long=fmt_date_long,
        date_short=fmt_date_short,
        ordinal_word=ordinal_word,
        cap=lambda text: text[:1].upper() + text[1:],
        est=estimate_prefix,   # "ước " or "dự kiến " before an estimated value, else nothing
    )
    return env


@dataclass(frozen=True)
class Known:
    """The charts and tables a draft may have at all (those a template may refer to)."""

    charts: frozenset[str]
    tables: frozenset[str]
    table_prefixes: tuple[str, ...] = ()     # families of tables, one per period ("provinces-")

    def table(self, key: str) -> bool:
        return key in self.tables or key.startswith(self.table_prefixes)


def parse_blocks(text: str, ledger: FigureLedger, tables: dict[str, TableBlock],
                 charts: dict[str, ChartBlock], known: Known) -> tuple[Block, ...]:
    """Return the blocks of rendered template *text*; ``TemplateError`` for a reference to nothing."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(line.strip() for line in paragraph)
            style = "note" if joined.startswith("> ") else "body"
            blocks.append(Paragraph(parse_inlines(joined.removeprefix("> "), ledger.figures,
                                                  ledger.placeholders, ledger.notes, ledger.cited), style))
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Heading(level, stripped[level:].strip()))
        elif stripped.startswith("[[") and stripped.endswith("]]"):
            flush()
            blocks.extend(_embedded(stripped[2:-2], tables, charts, known))
        else:
            paragraph.append(stripped)
    flush()
    return tuple(blocks)


def _embedded(ref: str, tables: dict[str, TableBlock], charts: dict[str, ChartBlock],
              known: Known) -> list[Block]:
    """Return the block *ref* names; an empty list when it has nothing to show in this draft.

    A reference to a chart or table the draft can never have (a typo) is a ``TemplateError``.
    """
    kind, _, key = ref.partition(":")
    if kind == "pagebreak":
        return [PageBreak()]
    if kind == "table":
        _check(key in tables or known.table(key), "bảng", key, known.tables)
        return [tables[key]] if key in tables else []
    if kind == "chart":
        _check(key in charts or key in known.charts, "biểu đồ", key, known.charts)
        return [charts[key]] if key in charts else []
    raise TemplateError(f"Mẫu văn bản có chỗ chèn [[{ref}]] không hợp lệ; chỉ dùng [[chart:…]], "
                        f"[[table:…]] hoặc [[pagebreak]]")


def _check(ok: bool, what: str, key: str, choices) -> None:
    if not ok:
        raise TemplateError(f"Mẫu văn bản dẫn tới {what} '{key}' không có; "
                            f"các {what} có thể dùng: {', '.join(sorted(choices))}")
