"""The drafters' checklist ("Danh mục số liệu cần bổ sung"): what the draft still lacks or must check.

Everything addressed to the drafters leaves the body of the draft: it is a comment on the spot
and a line here. Built from the Briefing alone (plain values); written beside the draft as
Markdown (``danh-muc-bo-sung-<năm>-<địa phương>.md``), which any editor opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.manifest import find_places
from briefgen.markdown_writer import escape
from briefgen.model import Briefing, FigureRun, Paragraph, TableBlock

TITLE = "DANH MỤC SỐ LIỆU CẦN BỔ SUNG"
NEED_PREFIX = "Cần bổ sung: "
SIGNER = ("họ tên, chức vụ người ký ban hành báo cáo", "Phần ký ban hành")
REQUEST = ("Đề nghị các Sở Công Thương cung cấp số liệu của địa phương theo biểu mẫu thu thập số liệu "
           "của Bộ Công Thương năm {year}.")
# for the drafters only, apart from the request a letter to the provinces may quote
HOW = ("Ghi chú cho người soạn thảo: biểu mẫu lập bằng lệnh `briefgen form --year {year}`; khi nhận biểu mẫu "
       "đã điền, lập lại dự thảo với tùy chọn `--data`.")


@dataclass(frozen=True)
class ChecklistItem:
    """One line: what is needed (or which figure to check and why) and where it is in the draft."""

    what: str
    where: str


@dataclass(frozen=True)
class Checklist:
    title: str
    draft: str                              # the draft's title
    request: str                            # the request to the provinces
    how: str                                # how the drafters make the form and use it (commands)
    missing: tuple[ChecklistItem, ...]      # placeholders (yellow in the draft)
    to_check: tuple[ChecklistItem, ...]     # figures printed with a comment (turquoise)
    notes: tuple[str, ...] = ()             # other points to check: derived facts, the forms' warnings


def _checked_runs(briefing: Briefing):
    for block in briefing.blocks:
        cells = ([block.inlines] if isinstance(block, Paragraph)
                 else [c for row in block.rows for c in row] if isinstance(block, TableBlock) else [])
        for inlines in cells:
            yield from (i for i in inlines if isinstance(i, FigureRun) and i.note)


def build_checklist(briefing: Briefing, year: int, notes: tuple[str, ...] = ()) -> Checklist:
    """Return the checklist of *briefing*: every placeholder, every figure printed with a caveat,
    and *notes* (facts derived rather than sourced, warnings raised by the filled forms)."""
    figure_places, places = find_places(briefing)
    missing = [ChecklistItem(p.need.removeprefix(NEED_PREFIX).rstrip("."), "; ".join(places.get(p.id, [])))
               for p in sorted(briefing.placeholders.values(), key=lambda p: p.id)]
    missing.append(ChecklistItem(*SIGNER))
    seen: dict[str, ChecklistItem] = {}
    for run in _checked_runs(briefing):
        seen.setdefault(run.figure_id, ChecklistItem(f"{run.text}: {run.note}",
                                                     "; ".join(figure_places.get(run.figure_id, []))))
    return Checklist(TITLE, briefing.title, REQUEST.format(year=year), HOW.format(year=year), tuple(missing),
                     tuple(seen.values()), notes)


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, str, str], items: tuple[ChecklistItem, ...]) -> list[str]:
    if not items:
        return ["Không có.", ""]
    lines = ["| " + " | ".join(header) + " |", "|---:|---|---|"]
    lines += [f"| {n} | {_cell(i.what[:1].upper() + i.what[1:])} | {_cell(i.where)} |"
              for n, i in enumerate(items, start=1)]
    return lines + [""]


def render_markdown(checklist: Checklist) -> str:
    """Return the checklist as Markdown (pipe tables), to read as plain text or open in any editor."""
    lines = [f"# {checklist.title}", "", f"*Kèm theo dự thảo: {escape(checklist.draft)}*", "",
             "## 1. Số liệu, nội dung còn thiếu (đánh dấu màu vàng trong dự thảo)", ""]
    lines += _table(("STT", "Nội dung cần bổ sung", "Vị trí trong dự thảo"), checklist.missing)
    lines += ["## 2. Số liệu cần kiểm tra lại (đánh dấu màu xanh, có ghi chú trong dự thảo)", ""]
    lines += _table(("STT", "Số liệu và lý do", "Vị trí trong dự thảo"), checklist.to_check)
    lines += ["## 3. Đề nghị", "", escape(checklist.request), ""]
    lines += [f"*{checklist.how}*", ""] if checklist.how else []
    if checklist.notes:
        lines += ["## 4. Lưu ý khác", ""] + [f"- {escape(n)}" for n in checklist.notes] + [""]
    return "\n".join(lines)
