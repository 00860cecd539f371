"""``briefgen extract FILE... [--format csv|json] [-o OUT] [--score KEY [-v]]``.

The only module of the package that prints: figures to stdout or OUT, scores to stdout,
one ``Lỗi: …`` line per unreadable file to stderr. Exit code 1 when some file failed.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr
from dataclasses import replace
from pathlib import Path

from briefgen.cli_parser import Parser
from briefgen.cli import print_error
from briefgen.errors import BriefgenError, describe_os_error
from briefgen.files import write_atomic
from briefgen.extract.extractor import extract_text
from briefgen.extract.model import Figure
from briefgen.extract.output import FORMATS, render_figures
from briefgen.extract.qualifiers import find_qualifiers
from briefgen.extract.sources import Report, load_report

EXIT_OK, EXIT_ERROR = 0, 1
PARALLEL_BYTES = 256_000   # below this much text, starting a second process costs more than it saves


def build_parser() -> Parser:
    """Return the parser of ``briefgen extract``."""
    parser = Parser(
        prog="briefgen extract",
        description="Trích số liệu (kèm trích dẫn nguyên văn) từ báo cáo tiếng Việt: .txt (UTF-8), "
                    ".docx, .html, .pdf.",
        epilog="Cột: file, indicator, period, scope, value, unit, estimate, quote, start, location, "
               "qualifiers (lower_bound, at_least, constant_prices_2010; cách nhau bằng ;). "
               "Chấm điểm: briefgen extract --score tests/extract_key.csv seeds/*.txt")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="báo cáo: .txt (UTF-8), .docx, .html hoặc .pdf")
    parser.add_argument("--format", choices=FORMATS + ("xlsx",), default="csv",
                        help="định dạng (mặc định csv); xlsx: bảng rà soát có cột Sử dụng (Có/Không), "
                             "cần -o, dùng lại được với briefgen --data")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="ghi ra tệp thay vì stdout")
    parser.add_argument("--score", type=Path, metavar="KEY",
                        help="so với khóa gán nhãn tay; in precision/recall/F1 theo chỉ tiêu")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="với --score: liệt kê các dòng thiếu và thừa")
    parser.add_argument("--skip-comment-line", action="store_true",
                        help="bỏ dòng 1 của tệp nếu bắt đầu bằng '# ' (siêu dữ liệu, như trong "
                             "kho văn bản phát triển); trích dẫn và vị trí tính từ dòng 2")
    return parser


def main(argv: list[str]) -> int:
    """Run ``briefgen extract`` and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.format == "xlsx":
        if args.output is None or args.score:
            parser.error("--format xlsx cần -o TỆP.xlsx và không dùng với --score")
        return _write_review(args.files, args.output)
    figures, failed = extract_files(args.files, args.skip_comment_line)
    if failed == len(args.files):
        return EXIT_ERROR          # no file could be read: nothing is written, not even a header
    if args.score:
        _print_scores(figures, args.score, args.verbose)
    else:
        _write(render_figures(figures, args.format), args.output)
    return EXIT_ERROR if failed else EXIT_OK


def extract_files(paths: list[Path], skip_comment_line: bool = False,
                  jobs: int | None = None) -> tuple[list[Figure], int]:
    """Return the figures of every readable file and how many files failed (reported), in file order.

    With *skip_comment_line*, a first line starting with "# " is metadata, not report text.
    Files are shared among *jobs* processes (default: one per core) once there is enough text
    to repay starting them; the figures and messages are the same, in the same order.
    """
    figures: list[Figure] = []
    failed = 0
    for found, message in _extract_all(paths, skip_comment_line, jobs):
        if message is None:
            figures.extend(found)
        else:
            sys.stderr.write(message)  # report and go on with the other files
            failed += 1
    return figures, failed


def _extract_one(path: Path, skip_comment_line: bool) -> tuple[list[Figure], str | None]:
    """Return the figures of *path*, or no figures and the error lines it gets."""
    try:
        return extract_report(load_report(path), path.name, skip_comment_line), None
    except BriefgenError as error:
        with redirect_stderr(io.StringIO()) as message:
            print_error(error)
        return [], message.getvalue()


def _workers(paths: list[Path], jobs: int | None) -> int:
    """Return how many processes to extract *paths* with: one below PARALLEL_BYTES of files."""
    wanted = min(jobs or os.cpu_count() or 1, len(paths))
    if wanted < 2 or jobs is None and sum(_size(p) for p in paths) < PARALLEL_BYTES:
        return 1
    return wanted


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0   # reported when the file is read


def _extract_all(paths: list[Path], skip_comment_line: bool, jobs: int | None):
    """Return (figures, error lines or None) per path, in order, from one or several processes."""
    workers = _workers(paths, jobs)
    if workers == 1:
        return [_extract_one(path, skip_comment_line) for path in paths]
    import multiprocessing  # noqa: PLC0415 (only for a run large enough to share)
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:   # fork: patterns already compiled
        try:
            return list(pool.map(_extract_one, paths, [skip_comment_line] * len(paths),
                                 chunksize=max(1, len(paths) // (workers * 4))))
        except BaseException:   # Ctrl-C: drop the files not started yet
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def extract_report(report: Report, name: str, skip_comment_line: bool = False) -> list[Figure]:
    """Return the figures of *report*, each with its location in the original and its qualifiers."""
    text, shift = report.text, 0
    if skip_comment_line and text.startswith("# "):
        shift = len(text.partition("\n")[0]) + 1
        text = text[shift:]
    return [replace(f, location=report.location_of(f.start + shift), qualifiers=find_qualifiers(text, f))
            for f in extract_text(text, name)]


def _write_review(paths: list[Path], output: Path) -> int:
    """Write the review sheet of every readable report to *output*; return the exit code."""
    from briefgen.extract.reported import reported_of
    from briefgen.extract.review_sheet import render_review

    items, failed = [], 0
    for path in paths:
        try:
            items.extend(reported_of(load_report(path), path.name, everything=True))
        except BriefgenError as error:
            print_error(error)
            failed += 1
    if failed == len(paths):
        return EXIT_ERROR          # no report could be read: no empty sheet is left behind
    try:
        write_atomic(output, render_review(items))
    except OSError as error:
        raise BriefgenError(f"{output}: không ghi được: {describe_os_error(error)}") from None
    return EXIT_ERROR if failed else EXIT_OK


def _print_scores(figures: list[Figure], key_path: Path, verbose: bool) -> None:
    from briefgen.extract.score import (  # noqa: PLC0415 (the key's loader: only with --score)
        find_differences, load_key, render_key, render_scores, score, score_by_scope)

    key = load_key(key_path)
    print(render_scores(score(figures, key)))
    print()
    print(render_scores(score_by_scope(figures, key), title="scope (core)"))
    if verbose:
        missing, extra = find_differences(figures, key)
        for label, rows in (("thiếu", missing), ("thừa", extra)):
            for row in rows:
                print(f"{label}: {render_key(row)}")


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text.encode("utf-8"))     # never a half-written file
    except OSError as error:
        raise BriefgenError(f"{output}: không ghi được: {describe_os_error(error)}") from None


