"""What the history table says of an earlier edition, and the doubts it leaves to the drafters.

A cell shows what is known plainly ("XV", "Lào Cai", "–" for a host no source names); the
doubt (an ordinal inferred, a host not confirmed) becomes a comment on that cell and one
line of the drafters' checklist, never a mark such as "(?)" in the text an official signs.
"""

from __future__ import annotations

from briefgen.domain.edition import Edition
from briefgen.model import Block, Inline, TableBlock, Text

DASH = "–"
TDMNBB = "vùng TDMNBB"


def edition_label(edition: Edition) -> str:
    """Return how the table and the notes name an edition: "2016", "2014 (vùng TDMNBB)"."""
    return f"{edition.year} ({TDMNBB})" if edition.series == "tdmnbb" else str(edition.year)


def ordinal_note(edition: Edition) -> str | None:
    """Return the comment on an edition's ordinal that no source states (None when one does)."""
    if edition.ordinal_status == "confirmed":
        return None
    how = ("được suy ra, chưa có nguồn nêu trực tiếp" if edition.ordinal_status == "inferred"
           else "chưa được nguồn xác nhận")
    return (f"Số thứ tự lần thứ {edition.ordinal} của kỳ hội nghị năm {edition_label(edition)} {how}; "
            "cần đối chiếu trước khi sử dụng.")


def host_note(edition: Edition) -> str | None:
    """Return the comment on an edition's host: none named, or named but not confirmed (else None)."""
    if edition.host is None:
        return (f"Các nguồn đã thu thập chưa nêu địa phương đăng cai kỳ hội nghị năm {edition_label(edition)}; "
                "đề nghị bổ sung nếu có.")
    if edition.host_status != "confirmed":
        return (f"Thông tin {edition.host} đăng cai kỳ hội nghị năm {edition_label(edition)} chưa được "
                "nguồn xác nhận; cần đối chiếu trước khi sử dụng.")
    return None


def edition_cells(edition: Edition) -> tuple[tuple[Inline, ...], ...]:
    """Return the year, ordinal and host cells of an edition's row, each doubt a note on its cell."""
    return ((Text(edition_label(edition)),),
            (Text(edition.ordinal, ordinal_note(edition)),),
            (Text(edition.host or DASH, host_note(edition)),))


def _years(editions: list[Edition]) -> str:
    return ", ".join(edition_label(e) for e in editions)


def history_doubts(editions: tuple[Edition, ...], table: str) -> str | None:
    """Return the checklist's line on the earlier editions whose ordinal or host is in doubt
    (None when there is none); *table* names the table ("Bảng 3")."""
    parts = []
    for what, chosen, why in (
            ("số thứ tự của", [e for e in editions if ordinal_note(e)], " (suy ra hoặc chưa được xác nhận)"),
            ("địa phương đăng cai", [e for e in editions if e.host and host_note(e)], " (chưa được xác nhận)"),
            ("chưa rõ địa phương đăng cai", [e for e in editions if e.host is None], "")):
        if chosen:
            parts.append(f"{what} các kỳ năm {_years(chosen)}{why}")
    if not parts:
        return None
    return (f"{table} (các kỳ hội nghị trước) có thông tin chưa được xác nhận, ghi chú tại từng ô: "
            + "; ".join(parts) + ".")


def history_checklist(blocks: tuple[Block, ...], editions: tuple[Edition, ...]) -> tuple[str, ...]:
    """Return the checklist's line on the doubts of the history table (none when the draft has no
    such table or the table no doubt)."""
    table = next((b for b in blocks if isinstance(b, TableBlock) and b.id == "history"), None)
    line = history_doubts(editions, f"Bảng {table.number}") if table is not None else None
    return (line,) if line else ()
