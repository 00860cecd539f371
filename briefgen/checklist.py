"""The drafters' checklist ("Danh mục số liệu cần bổ sung"): what the draft still lacks or must check.

Everything addressed to the drafters leaves the body of the draft: it is a comment on the spot
and a line here. Built from the Briefing alone (plain values); written beside the draft as
Markdown (``danh-muc-bo-sung-<năm>-<địa phương>.md``), which any editor opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.checklist_places import Place, find_short_places, fmt_places
from briefgen.domain.figure_builder import EXAMPLE_NOTE
from briefgen.markdown_writer import escape
from briefgen.model import Briefing, FigureRun, Paragraph, TableBlock

TITLE = "DANH MỤC SỐ LIỆU CẦN BỔ SUNG"
NEED_PREFIX = "Cần bổ sung: "
SIGNER = ("họ tên, chức vụ người ký ban hành báo cáo", "Phần ký ban hành")
REQUEST = ("Đề nghị các Sở Công Thương cung cấp số liệu của địa phương theo biểu mẫu thu thập số liệu "
           "của Bộ Công Thương năm {year}.")
DETAIL = "Danh sách chi tiết từng số liệu (nguồn, trích dẫn, vị trí): tệp manifest.json kèm theo."
CELLS = "Số liệu của các tỉnh, thành phố chưa gửi biểu mẫu ({n} ô, Bảng {tables})"
FEW = 3                                     # values shown on a grouped line
_QUOTE = re.compile(r"\s*Trích dẫn: «[^»]*»\.(?:\s*Vị trí: .*?\.(?=\s|$))?")   # a report figure's own part
_KEY = re.compile(r"\w+(?:/[^@]+)?@([^:]+):.+")                                    # indicator/subject@scope:period
# for the drafters only, apart from the request a letter to the provinces may quote
HOW = ("Ghi chú cho người soạn thảo: biểu mẫu lập bằng lệnh `briefgen form --year {year}`; khi nhận biểu mẫu "
       "đã điền, lập lại dự thảo với tùy chọn `--data`.")


@dataclass(frozen=True)
class ChecklistItem:
    """One line: what is needed (or which figures to check and why) and where it is in the draft."""

    what: str
    where: str


@dataclass(frozen=True)
class Checklist:
    title: str
    draft: str                              # the draft's title
    request: str                            # the request to the provinces
    how: str                                # how the drafters make the form and use it (commands)
    missing: tuple[ChecklistItem, ...]      # placeholders (yellow in the draft), in reading order
    to_check: tuple[ChecklistItem, ...]     # figures printed with a comment (turquoise), grouped by reason
    notes: tuple[str, ...] = ()             # other points to check: derived facts, the forms' warnings
    detail: str = DETAIL                    # where the full list of figures is


def _checked_runs(briefing: Briefing):
    """Yield every figure run with a note, in reading order (text and tables)."""
    for block in briefing.blocks:
        cells = ([block.inlines] if isinstance(block, Paragraph)
                 else [c for row in block.rows for c in row] if isinstance(block, TableBlock) else [])
        for inlines in cells:
            yield from (i for i in inlines if isinstance(i, FigureRun) and i.note)


def _reasons(note: str) -> list[str]:
    """Return the reasons *note* gives, as figures share them: the example form's mark on its own,
    a report's note without its quote and place."""
    rest = _QUOTE.sub("", note).strip()
    head = [EXAMPLE_NOTE] if rest.startswith(EXAMPLE_NOTE) else []
    rest = rest.removeprefix(EXAMPLE_NOTE).lstrip(". ").rstrip(".") if head else rest.rstrip(".")
    return head + ([rest] if rest else [])


def _group_line(reason: str, values: list[str]) -> str:
    """Return "<reason> — N số liệu: v1, v2, v3, …" for figures that share one reason."""
    shown = ", ".join(values[:FEW]) + (", …" if len(values) > FEW else "")
    return f"{reason} — {len(values)} số liệu: {shown}"


def _to_check(briefing: Briefing, places: dict[str, list[Place]]) -> tuple[ChecklistItem, ...]:
    """Return one line per reason, in reading order: a figure alone with it, or the figures sharing it counted."""
    groups: dict[str, dict[str, FigureRun]] = {}
    for run in _checked_runs(briefing):
        for reason in _reasons(run.note):
            groups.setdefault(reason, {}).setdefault(run.figure_id, run)
    items = []
    for reason, runs in groups.items():
        where = fmt_places([p for fid in runs for p in places.get(fid, [])])
        only = next(iter(runs.values())) if len(runs) == 1 else None
        what = f"{only.text}: {reason}." if only else _group_line(reason, [r.text for r in runs.values()])
        items.append(ChecklistItem(what, where))
    return tuple(items)


def _province_cells(placeholder_id: str, places: list[Place]) -> bool:
    """Say whether a placeholder is a province's cell in a table (grouped per table)."""
    key = _KEY.fullmatch(placeholder_id)
    return bool(key) and key.group(1) not in ("region", "national") and bool(places) and \
        all(p.table for p in places)


def _missing(briefing: Briefing, places: dict[str, list[Place]]) -> tuple[ChecklistItem, ...]:
    """Return the placeholders in reading order; provinces' table cells counted per table, the signer
    where the signature stands (after the body, before the annex)."""
    end = len(briefing.split_appendix()[0])
    ordered = sorted(briefing.placeholders.values(),
                     key=lambda p: min((q.order for q in places.get(p.id, [])), default=end))
    lines: list[tuple[int, ChecklistItem]] = [(end, ChecklistItem(*SIGNER))]
    cells: dict[tuple[int, ...], list[list[Place]]] = {}
    for placeholder in ordered:
        where = places.get(placeholder.id, [])
        if _province_cells(placeholder.id, where):
            cells.setdefault(tuple(sorted({p.table for p in where})), []).append(where)
            continue
        what = placeholder.need.removeprefix(NEED_PREFIX).rstrip(".")
        lines.append((where[0].order if where else end, ChecklistItem(what, fmt_places(where))))
    for tables, cell_places in cells.items():
        count = CELLS.format(n=len(cell_places), tables=", ".join(str(t) for t in tables))
        lines.append((cell_places[0][0].order, ChecklistItem(count, fmt_places(sum(cell_places, [])))))
    return tuple(item for _, item in sorted(lines, key=lambda line: line[0]))


def build_checklist(briefing: Briefing, year: int, notes: tuple[str, ...] = ()) -> Checklist:
    """Return the checklist of *briefing*, in reading order: every placeholder (a province's table
    cells counted per table), the figures printed with a caveat (one line per reason), and *notes*
    (facts derived rather than sourced, warnings raised by the filled forms)."""
    figure_places, placeholder_places = find_short_places(briefing)
    return Checklist(TITLE, briefing.title, REQUEST.format(year=year), HOW.format(year=year),
                     _missing(briefing, placeholder_places), _to_check(briefing, figure_places), notes)


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
    return "\n".join(lines + [f"*{escape(checklist.detail)}*", ""])
