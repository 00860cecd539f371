"""``briefgen check-data [--data-dir DIR] [--seeds-dir DIR] [--strict]``.

Prints one line per data row the seeds do not back, by CSV line number; exit code 1 when
any row fails (with --strict, warnings fail too).
"""

from __future__ import annotations

from pathlib import Path

from briefgen.cli_parser import Parser
from briefgen.errors import DataFileError
from briefgen.extract.verify import ERROR, check_indicators
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.sources.tables import check_folder

EXIT_OK, EXIT_ERROR = 0, 1
INDICATORS_FILE = "indicators.csv"


def build_parser() -> Parser:
    """Return the parser of ``briefgen check-data``."""
    parser = Parser(
        prog="briefgen check-data",
        description="Kiểm tra mọi số liệu trong data/indicators.csv lấy từ tệp seed: "
                    "giá trị, kỳ và phạm vi phải có trong tệp đó.")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_WORKSPACE.data,
                        help="thư mục dữ liệu (mặc định: data/)")
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_WORKSPACE.seeds,
                        help="thư mục các tệp seed (mặc định: seeds/)")
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo (nguồn không nói rõ số tháng) là lỗi")
    return parser


def main(argv: list[str]) -> int:
    """Run ``briefgen check-data`` and return its exit code."""
    args = build_parser().parse_args(argv)
    check_folder(args.data_dir)
    if not args.seeds_dir.is_dir():
        raise DataFileError(args.seeds_dir, "không phải thư mục chứa các tệp seed", hint="kiểm tra --seeds-dir")
    path = args.data_dir / INDICATORS_FILE
    findings = check_indicators(path, args.seeds_dir)  # a BriefgenError is printed by briefgen.cli
    for finding in findings:
        label = "Lỗi" if finding.severity == ERROR else "Cảnh báo"
        print(f"{path}:{finding.line}: {label}: {finding.message}")
    failing = [f for f in findings if f.severity == ERROR or args.strict]
    errors = sum(f.severity == ERROR for f in findings)
    print(f"{path}: {errors} lỗi, {len(findings) - errors} cảnh báo.")
    return EXIT_ERROR if failing else EXIT_OK
