"""Short places in a draft for the drafters' checklist: "Mục II.1 › Bảng 1", in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.manifest import group_places
from briefgen.model import Briefing, Heading, Paragraph, TableBlock

OPENING = "Phần mở đầu"
_NUMERAL = re.compile(r"([IVXLC]+|\d+)\.\s")


@dataclass(frozen=True)
class Place:
    """Where a run is: the block's index (reading order), its section ("Mục II.1") and table number (0: text)."""

    order: int
    section: str
    table: int = 0


def _section_of(level1: str, level2: str) -> str:
    """Return the short name of a section: "Mục II.1", "Mục III", "Phụ lục"."""
    numeral = _NUMERAL.match(level1)
    if numeral is None:
        return level1[:1].upper() + level1[1:].lower() if level1 != OPENING else OPENING
    sub = _NUMERAL.match(level2) if level2 else None
    return f"Mục {numeral.group(1)}" + (f".{sub.group(1)}" if sub else "")


def _runs(briefing: Briefing):
    """Yield (inline, place) for every run of the draft's text and tables, in reading order."""
    level1, level2 = OPENING, ""
    for order, block in enumerate(briefing.blocks):
        if isinstance(block, Heading):
            if block.level <= 2:
                level1, level2 = (block.text, "") if block.level == 1 else (level1, block.text)
            continue
        section = _section_of(level1, level2)
        if isinstance(block, Paragraph):
            yield from ((i, Place(order, section)) for i in block.inlines)
        elif isinstance(block, TableBlock):
            place = Place(order, section, block.number)
            yield from ((i, place) for row in block.rows for cell in row for i in cell)


def find_short_places(briefing: Briefing) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Return the places of each figure and of each placeholder, distinct and in reading order."""
    return group_places(_runs(briefing))


def fmt_places(places: list[Place]) -> str:
    """Return *places* as one short location, each section once: "Mục II.2, Bảng 2; Mục IV"."""
    sections: dict[str, tuple[bool, list[int]]] = {}
    for place in sorted(places, key=lambda p: p.order):
        text, tables = sections.setdefault(place.section, (False, []))
        if place.table and place.table not in tables:
            tables.append(place.table)
        sections[place.section] = (text or not place.table, tables)
    return "; ".join(_fmt_section(name, text, tables) for name, (text, tables) in sections.items())


def _fmt_section(name: str, text: bool, tables: list[int]) -> str:
    if not tables:
        return name
    numbers = "Bảng " + ", ".join(str(n) for n in tables)
    return f"{name}, {numbers}" if text else f"{name} › {numbers}"
