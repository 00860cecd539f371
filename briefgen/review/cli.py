"""``briefgen review DRAFT.docx [--json]``: what became of a draft's figures after editing.

Exit code 0 when the draft was read (the report lists refused values with their place),
1 when the file is no readable .docx (printed by ``briefgen.cli``), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefgen.cli_parser import Parser
from briefgen.domain.indicators import label_of
from briefgen.domain.period import parse_period
from briefgen.numbers import fmt_quantity
from briefgen.review.chart_review import ChartFinding
from briefgen.review.read_docx import read_draft
from briefgen.review.review import Finding, Review, by_context, review_draft

EXIT_OK = 0
SECTIONS = (("open", "Chỗ còn trống, cần bổ sung"), ("filled", "Số liệu đã điền"),
            ("changed", "Số liệu có nguồn đã bị sửa, nay khác nguồn"),
            ("refused", "Giá trị không nhận được (sai đơn vị, không đọc được hoặc không thể có)"),
            ("untagged", "Số liệu còn trong văn bản nhưng mất ô nội dung"),
            ("lost", "Ô nội dung bị xóa, không còn tìm thấy số liệu"))
CHART_SECTIONS = (("chart_changed", "Số liệu biểu đồ đã bị sửa"),
                  ("chart_filled", "Số liệu điền vào biểu đồ (trước chưa có số liệu)"),
                  ("chart_mismatch", "Biểu đồ không khớp với số liệu trong văn bản"))


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``briefgen review``."""
    parser = Parser(
        prog="briefgen review",
        description="Rà soát dự thảo đã chỉnh sửa (Word hoặc LibreOffice): chỗ còn trống, số liệu đã "
                    "điền, số liệu bị sửa khác nguồn, số liệu không khớp nhau.")
    parser.add_argument("draft", type=Path, metavar="DRAFT.docx", help="dự thảo đã chỉnh sửa")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def _line(finding: Finding) -> str:
    text = f"  - {finding.title} [{finding.place or 'không rõ vị trí'}]"
    if finding.text:
        text += f": {finding.text}"
    return text + (f" — {finding.detail}" if finding.detail else "")


def render_text(review: Review, context: list[str]) -> str:
    """Return the review as Vietnamese text, one section per kind of finding."""
    if not review.made_by_briefgen:
        lines = [f"Tệp {review.path} không phải dự thảo do briefgen soạn (không có phần nhận diện "
                 f"briefgen); không đối chiếu được với nguồn.",
                 f"Số liệu tìm được theo ngữ cảnh ({len(context)}):", *(f"  - {c}" for c in context)]
        return "\n".join(lines)
    identity = review.identity or {}
    lines = [f"Dự thảo: {review.path} (hội nghị năm {identity.get('year')}, {identity.get('host')})"]
    for name, heading in SECTIONS:
        items = getattr(review, name)
        lines.append(f"{heading}: {len(items)}")
        lines.extend(_line(f) for f in items)
    lines.append(f"Số liệu không khớp nhau: {len(review.inconsistencies)}")
    lines.extend(f"  - {message}" for message in review.inconsistencies)
    for name, heading in CHART_SECTIONS:
        items = getattr(review, name)
        lines.append(f"{heading}: {len(items)}")
        lines.extend(f"  - {f.message}" for f in items)
    if review.chart_unreadable:
        lines.append(f"Biểu đồ không đọc được số liệu: {len(review.chart_unreadable)}")
        lines.extend(f"  - {note}" for note in review.chart_unreadable)
    return "\n".join(lines)


def _record(finding: Finding) -> dict:
    return {"id": finding.id, "title": finding.title, "where": finding.place, "text": finding.text,
            "value": None if finding.value is None else str(finding.value), "unit": finding.unit,
            "detail": finding.detail, "bookmark": finding.bookmark}


def _chart_record(finding: ChartFinding) -> dict:
    now = finding.now if finding.now is None or isinstance(finding.now, str) else str(finding.now)
    return {"id": finding.id, "chart": finding.chart, "cell": finding.cell, "series": finding.series,
            "category": finding.category, "before": None if finding.before is None else str(finding.before),
            "now": now, "message": finding.message}


def render_json(review: Review, context: list[str]) -> dict:
    """Return the review as JSON-ready data."""
    identity = review.identity or {}
    summary = {"draft": review.path, "made_by_briefgen": review.made_by_briefgen,
               "year": identity.get("year"), "host": identity.get("host"),
               "inconsistencies": review.inconsistencies, "context_figures": context}
    summary.update({name: [_record(f) for f in getattr(review, name)] for name, _ in SECTIONS})
    summary.update({name: [_chart_record(f) for f in getattr(review, name)] for name, _ in CHART_SECTIONS})
    summary["chart_unreadable"] = review.chart_unreadable
    return summary


SCOPE_WORDS = {"region": "khu vực", "national": "cả nước"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _period_words(code: str | None) -> str:
    """Return a period as the draft says it ("năm 2024", "9 tháng đầu năm 2025"), or "(kỳ không rõ)"."""
    try:
        return parse_period(code).label if code else "(kỳ không rõ)"
    except ValueError:
        return code


def context_figures(reading) -> list[str]:
    """Return, in Vietnamese, the figures the extractor finds by context in a draft briefgen did not make."""
    return [f"{_capital(label_of(f.indicator))} {_period_words(f.period)}, "
            f"{SCOPE_WORDS.get(f.scope, f.scope)}: {fmt_quantity(f.value, f.unit)} [{place}] — \"{f.quote}\""
            for place, f in by_context(reading).values()]


def run_review(path: Path) -> tuple[Review, list[str]]:
    """Return the review of the draft at *path* and, if briefgen did not make it, the figures found by context."""
    reading = read_draft(path)              # a DraftFileError is printed by briefgen.cli
    review = review_draft(reading)
    return review, [] if review.made_by_briefgen else context_figures(reading)


def main(argv: list[str]) -> int:
    """Run ``briefgen review`` and return its exit code."""
    args = build_parser().parse_args(argv)
    review, context = run_review(args.draft)
    if args.json:
        print(json.dumps(render_json(review, context), ensure_ascii=False, indent=2))
    else:
        print(render_text(review, context))
    return EXIT_OK
