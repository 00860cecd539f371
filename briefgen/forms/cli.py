"""``briefgen form``: write the form for the provinces, or check filled forms without building.

    briefgen form --year 2025 [-o bieu-mau-2025.xlsx] [--per-province DIR]
    briefgen form --year 2025 --check bieu-mau.xlsx [tuyen-quang.csv …] [--json]

A thin shell over ``briefgen.forms``; heavy libraries load only once the command runs.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from pathlib import Path

from briefgen.bounds import shown
from briefgen.cli_parser import Parser, integer, iso_date
from briefgen.errors import BriefgenError, InvalidArgumentError
from briefgen.files import explain

EXIT_OK, EXIT_ERROR = 0, 1
WRITE_FAILURES = {
    errno.EEXIST: "trên đường dẫn có một tệp ở chỗ cần thư mục",
    errno.ENOTDIR: "trên đường dẫn có một tệp ở chỗ cần thư mục",
    errno.EISDIR: "đã có thư mục trùng tên tệp",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOENT: "hệ thống không cho tạo thư mục ở đường dẫn này",
}


def build_parser() -> Parser:
    """Return the parser of ``briefgen form``."""
    parser = Parser(
        prog="briefgen form",
        description="Tạo biểu mẫu số liệu gửi các tỉnh, thành phố (Excel hoặc CSV), hoặc kiểm tra "
                    "biểu mẫu đã điền trước khi soạn dự thảo.",
        epilog="Soạn dự thảo từ biểu mẫu đã điền: briefgen --year 2025 --host \"Tuyên Quang\" "
               "--data bieu-mau.xlsx. Mã thoát: 0 thành công (có thể kèm cảnh báo); 1 có lỗi; "
               "2 sai cú pháp lệnh; 3 lỗi nội bộ (xem tệp nhật ký được nêu); 130 bị dừng (Ctrl-C); 143 bị dừng "
               "bằng tín hiệu SIGTERM.")
    parser.add_argument("--year", type=integer, required=True, help="năm tổ chức hội nghị")
    parser.add_argument("--date", type=iso_date, help="ngày hội nghị YYYY-MM-DD (quyết định kỳ báo cáo)")
    parser.add_argument("-o", "--output", type=Path,
                        help="tệp biểu mẫu .xlsx hoặc .csv (mặc định: output/bieu-mau-<năm>.xlsx)")
    parser.add_argument("--per-province", type=Path, metavar="DIR",
                        help="ghi thêm một tệp riêng cho mỗi tỉnh, thành phố vào thư mục DIR")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp biểu mẫu đã có")
    parser.add_argument("--check", type=Path, nargs="+", metavar="FILE",
                        help="kiểm tra các biểu mẫu đã điền (không soạn dự thảo)")
    parser.add_argument("--json", action="store_true", help="với --check: in kết quả dạng JSON")
    parser.add_argument("--data-dir", type=Path, help="thư mục dữ liệu (mặc định: data/)")
    return parser


def _dataset(data_dir: Path | None):
    from briefgen.sources.tables import load_dataset
    from briefgen.paths import DEFAULT_WORKSPACE

    return load_dataset(data_dir or DEFAULT_WORKSPACE.data)


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise InvalidArgumentError(f"tệp {path} đã có; không ghi đè biểu mẫu có thể đã được điền",
                                   hint="dùng tên khác (-o) hoặc thêm --force")


def _write(layout, dataset, path: Path, **options) -> None:
    """Write one form file; a folder that cannot be created or written is the user's to fix."""
    from briefgen.forms.write_form import write_form

    try:
        write_form(layout, dataset, path, **options)
    except OSError as exc:
        reason = WRITE_FAILURES.get(exc.errno) or explain(exc)[0]
        raise InvalidArgumentError(f"không ghi được biểu mẫu vào {path}: {reason}",
                                   hint="chọn thư mục ghi được (-o THƯ-MỤC/tệp.xlsx)") from None


def write_forms(args: argparse.Namespace) -> int:
    """Write the whole form (and one per province when asked); print where they went."""
    from briefgen.forms.layout import layout_for_year
    from briefgen.output import slug
    from briefgen.paths import DEFAULT_WORKSPACE

    dataset = _dataset(args.data_dir)
    layout = layout_for_year(dataset, args.year, args.date)
    target = args.output or DEFAULT_WORKSPACE.output / f"bieu-mau-{args.year}.xlsx"
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise InvalidArgumentError(f"tệp biểu mẫu phải là .xlsx hoặc .csv, gặp '{shown(target.name)}'")
    _refuse_overwrite(target, args.force)
    _write(layout, dataset, target)
    print(f"Đã ghi biểu mẫu: {target} ({len(layout.provinces)} tỉnh, thành phố; kỳ báo cáo: "
          f"{layout.describe()})")
    if args.per_province:
        for province in layout.provinces:
            path = args.per_province / f"bieu-mau-{args.year}-{slug(province.name)}{target.suffix.lower()}"
            _refuse_overwrite(path, args.force)
            _write(layout, dataset, path, provinces=[province])
        print(f"Đã ghi {len(layout.provinces)} biểu mẫu riêng vào: {args.per_province}")
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    """Check filled forms and print every problem; exit 1 if any is an error."""
    from briefgen.forms.collect import check_files
    from briefgen.sources.forms.layout import NATIONAL
    from briefgen.forms.layout import layout_for_year

    dataset = _dataset(args.data_dir)
    layout = layout_for_year(dataset, args.year, args.date)
    reports, problems = check_files(args.check, layout, dataset)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    reported = sorted({r.name for r in reports if r.name != NATIONAL})
    if args.json:
        print(json.dumps({"ok": not errors, "exit_code": EXIT_ERROR if errors else EXIT_OK,
                          "errors": [{"where": p.where, "message": p.message} for p in errors],
                          "warnings": [{"where": p.where, "message": p.message} for p in warnings],
                          "reported": reported}, ensure_ascii=False, indent=2))
    else:
        for problem in errors:
            print(f"Lỗi: {problem}", file=sys.stderr)
        for problem in warnings:
            print(f"Cảnh báo: {problem}", file=sys.stderr)
        print(f"{len(errors)} lỗi, {len(warnings)} cảnh báo; có số liệu của {len(reported)} đơn vị "
              f"(cần {len(layout.provinces)} tỉnh, thành phố).")
    return EXIT_ERROR if errors else EXIT_OK


def main(argv: list[str]) -> int:
    """Run ``briefgen form``; library errors go up to ``briefgen.cli`` to be printed."""
    args = build_parser().parse_args(argv)
    if args.check:
        return check(args)
    if args.json:
        raise BriefgenError("--json chỉ dùng với --check")
    return write_forms(args)
