"""``briefgen learn FILE… [--year Y [--host H]] [--data-dir DIR] [--dry-run] [--replace --reason TEXT]``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from briefgen.cli_parser import Parser, integer
from briefgen.domain.indicators import label_of
from briefgen.errors import LearnConflictError
from briefgen.numbers import fmt_quantity
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.review.learn import INDICATORS_FILE, apply_learning, conflict_lines, plan_learning
from briefgen.review.learn_sources import split_inputs

EXIT_OK = 0


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``briefgen learn``."""
    parser = Parser(
        prog="briefgen learn",
        description="Bổ sung vào data/indicators.csv các số liệu đã điền trong dự thảo đã chỉnh sửa, "
                    "biểu mẫu các tỉnh đã kiểm tra hoặc bảng rà soát số liệu trích từ báo cáo, kèm nguồn "
                    "(tệp, vị trí, ngày rà soát), để các kỳ sau dùng tiếp.")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE",
                        help="dự thảo đã chỉnh sửa (.docx), biểu mẫu đã điền (.xlsx, .csv) hoặc bảng rà soát (.xlsx)")
    parser.add_argument("--year", type=integer, help="năm kỳ hội nghị của biểu mẫu, bảng rà soát (dự thảo tự mang năm)")
    parser.add_argument("--host", help="tỉnh chủ trì (mặc định: tỉnh chủ trì đã ghi trong dữ liệu của năm đó)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_WORKSPACE.data,
                        help="thư mục dữ liệu (mặc định: data/)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ thay đổi, không ghi tệp")
    parser.add_argument("--replace", action="store_true",
                        help="thay số liệu có sẵn khác giá trị (bắt buộc kèm --reason)")
    parser.add_argument("--reason", help="lý do thay, được ghi vào cột note")
    return parser


SCOPE_WORDS = {"region": "khu vực", "national": "cả nước"}


def _describe(figure) -> str:
    """Return a figure in words: what, whose, when, which conference's report, how much."""
    what = label_of(figure.indicator, figure.subject)
    whose = SCOPE_WORDS.get(figure.scope, figure.scope)
    return (f"{what[:1].upper()}{what[1:]} của {whose}, {figure.period.label} (kỳ hội nghị năm "
            f"{figure.edition_year}) = {fmt_quantity(figure.value, figure.unit)}")


def main(argv: list[str]) -> int:
    """Run ``briefgen learn`` and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.replace != bool(args.reason and args.reason.strip()):
        parser.error("--replace cần đi kèm --reason \"lý do\" (và ngược lại)")
    if args.year is None and split_inputs(args.files).need_edition:
        parser.error("biểu mẫu và bảng rà soát cần năm của kỳ hội nghị: thêm --year NĂM")
    today = date.today()
    plan = plan_learning(args.files, args.data_dir, today, args.year, args.host)
    for line in plan.warnings:
        print(f"Cảnh báo: {line}", file=sys.stderr)
    if plan.conflicts and not args.replace:
        raise LearnConflictError(conflict_lines(plan, args.data_dir))
    for figure in plan.added:
        print(f"Thêm: {_describe(figure)} ({figure.source})")
    for old, new in plan.conflicts:
        print(f"Thay: {_describe(old)} bằng {fmt_quantity(new.value, new.unit)} ({new.source}); "
              f"lý do: {args.reason}")
    for figure in plan.known:
        print(f"Đã có, giữ nguyên: {_describe(figure)}")
    if args.dry_run:
        print("Chạy thử (--dry-run): không ghi tệp nào.")
        return EXIT_OK
    apply_learning(plan, args.data_dir, args.reason, today)
    print(f"Đã ghi {args.data_dir / INDICATORS_FILE}: thêm {len(plan.added)}, thay {len(plan.replaced)}.")
    return EXIT_OK
