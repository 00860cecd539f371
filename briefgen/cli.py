"""Command line: a thin shell over the library.

``briefgen --year Y --host H`` writes a draft; subcommands (``extract``, ``check-data``,
``form``) live in their own modules and are found through ``SUBCOMMANDS``. This is the
only place that prints errors or chooses exit codes. Heavy libraries are imported only
once a command really runs, so ``--help`` and argument errors answer at once.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback
from pathlib import Path

from briefgen.bounds import clipped, shown
from briefgen.cli_parser import Parser, integer, iso_date
from briefgen.crash_log import write_crash_log
from briefgen.errors import BriefgenError, as_user_error, one_line
from briefgen.interrupts import EXIT_TERMINATED, Terminated, terminate_as_interrupt

# name -> module exposing ``main(argv: list[str]) -> int``
SUBCOMMANDS: dict[str, str] = {
    "extract": "briefgen.extract.cli",
    "check-data": "briefgen.extract.check",
    "form": "briefgen.forms.cli",
    "serve": "briefgen.serve.cli",
    "review": "briefgen.review.cli",
    "learn": "briefgen.review.learn_cli",
}

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_UNFLUSHED = 120   # what Python itself returns when stdout cannot be flushed at exit
EXIT_CODES = ("Mã thoát: 0 đã ghi dự thảo (có thể kèm cảnh báo, xem --json); 1 lỗi người dùng sửa được, "
              "không ghi tệp nào (biểu mẫu sai, tên tỉnh sai, dữ liệu hỏng, không có quyền ghi, đầy ổ "
              "đĩa); 2 sai cú pháp lệnh; 3 lỗi nội bộ của chương trình (chi tiết ghi vào tệp nhật ký "
              "trong thư mục logs của bộ nhớ đệm); 130 bị dừng (Ctrl-C); 143 bị dừng bằng tín hiệu SIGTERM; "
              "khi bị dừng, không để lại tệp dở dang.")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"cần số nguyên dương, gặp '{shown(text)}'")
    return int(text)


def _formats(text: str) -> tuple[str, ...]:
    from briefgen.writers import parse_formats

    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> Parser:
    """Return the parser of the main job (writing a draft)."""
    parser = Parser(
        prog="briefgen",
        description="Soạn dự thảo báo cáo Hội nghị ngành Công Thương khu vực phía Bắc (DOCX).",
        epilog=("Lệnh con: " + ", ".join(sorted(SUBCOMMANDS)) + ". " if SUBCOMMANDS else "") + EXIT_CODES,
    )
    parser.add_argument("--year", type=integer, action="append", dest="years", required=True, metavar="YEAR",
                        help="năm tổ chức hội nghị (nhắc lại để soạn nhiều năm: --year 2024 --year 2025)")
    parser.add_argument("--host", help="tỉnh/thành phố đăng cai (không dấu cũng được)")
    parser.add_argument("--all-hosts", action="store_true",
                        help="soạn cho mọi tỉnh, thành phố có vào ngày hội nghị của năm đó")
    parser.add_argument("--jobs", type=_positive, metavar="N",
                        help="số tiến trình soạn song song khi soạn nhiều dự thảo (mặc định: số lõi CPU)")
    parser.add_argument("--date", type=iso_date, help="ngày hội nghị YYYY-MM-DD (mặc định: theo dữ liệu)")
    parser.add_argument("--out", type=Path, help="thư mục đầu ra (mặc định: output/)")
    parser.add_argument("--data-dir", type=Path, help="thư mục dữ liệu (mặc định: data/)")
    parser.add_argument("--data", type=Path, action="append", default=[], metavar="FILE",
                        help="biểu mẫu đã điền (.xlsx hoặc .csv), dự thảo đã chỉnh sửa (.docx do briefgen "
                             "soạn), báo cáo (.docx, .pdf, .html, .txt) hoặc bảng rà soát (briefgen extract "
                             "--format xlsx); nhắc lại cho nhiều tệp; tạo biểu mẫu: briefgen form --year Y")
    parser.add_argument("--charts", choices=("native", "png"), default="native",
                        help="biểu đồ trong DOCX: native (biểu đồ Word, sửa được số liệu) hoặc png (ảnh)")
    parser.add_argument("--format", type=_formats, default=("docx",), dest="formats", metavar="docx,md",
                        help="định dạng cần ghi, phân cách bằng dấu phẩy: docx (mặc định), md (bản Markdown)")
    parser.add_argument("--json", action="store_true",
                        help="in kết quả dạng JSON trên stdout (tệp đã ghi, chỗ cần bổ sung, cảnh báo, lỗi)")
    return parser


def check_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """Refuse contradictory options; ``args.year`` is the (first) year of the request."""
    if bool(args.host) == args.all_hosts:
        parser.error("cần đúng một trong hai: --host TÊN hoặc --all-hosts")
    if args.date and len(args.years) > 1:
        parser.error("--date chỉ dùng với một năm")
    if args.data and (args.all_hosts or len(args.years) > 1):
        parser.error("--data chỉ dùng với một năm và một --host")
    if args.json and (args.all_hosts or len(args.years) > 1):
        parser.error("--json chỉ dùng với một năm và một --host")
    if args.formats != ("docx",) and (args.all_hosts or len(args.years) > 1):
        parser.error("--format chỉ dùng với một năm và một --host")
    args.year = args.years[0]
    return args


def run_batch(args: argparse.Namespace) -> int:
    """Build the drafts of every host (or of several years), then print a summary line."""
    from briefgen.batch import ProgressBar, build_batch, describe

    result = build_batch(args.years, None if args.all_hosts else [args.host], jobs=args.jobs,
                         out_dir=args.out, data_dir=args.data_dir, conference_date=args.date,
                         charts=args.charts, on_done=ProgressBar(sys.stderr))
    for outcome in result.failed:
        label = "Lỗi nội bộ" if outcome.trace else "Lỗi"
        print(f"{label}: {outcome.job.year} {outcome.job.host}: {one_line(outcome.error)}", file=sys.stderr)
        if outcome.hint:
            print(f"Gợi ý: {outcome.hint}", file=sys.stderr)
    print(describe(result))
    traces = [o.trace for o in result.failed if o.trace]
    if traces:
        print(internal_error_line(None, write_crash_log("\n".join(traces), args.argv)), file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_ERROR if result.failed else EXIT_OK


def run_main_job(args: argparse.Namespace) -> int:
    """Build one draft and report where it went."""
    from briefgen.api import build_briefing  # heavy: pandas, matplotlib, python-docx

    result = build_briefing(args.year, args.host, conference_date=args.date,
                            out_dir=args.out, data_dir=args.data_dir, data_files=args.data,
                            charts=args.charts, formats=args.formats)
    if args.json:
        print(json.dumps(json_summary(result), ensure_ascii=False, indent=2))
        return EXIT_OK
    for warning in result.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    for note in result.notices:
        print(note)
    from briefgen.writers import WRITERS

    for name, path in result.documents.items():
        print(f"Đã ghi {WRITERS[name].label}: {path}")
    if result.checklist_path:
        print(f"Danh mục số liệu cần bổ sung: {result.checklist_path}")
    print(f"Số liệu sử dụng: {result.figure_count}; chỗ cần bổ sung: {result.placeholder_count}")
    return EXIT_OK


def _problem(item) -> dict:
    return {"where": item.where, "message": item.message}


def json_summary(result=None, error: BriefgenError | None = None, exit_code: int | None = None) -> dict:
    """Return the ``--json`` summary of a run: what was written, what is left, what went wrong."""
    exit_code = exit_code if exit_code is not None else EXIT_OK if error is None else EXIT_ERROR
    summary = {"ok": error is None, "exit_code": exit_code,
               "docx": None, "manifest": None, "checklist": None, "charts": [], "figures": 0, "placeholders": [],
               "notices": [], "warnings": [], "errors": []}
    if result is not None:
        summary.update(docx=str(result.docx_path) if result.docx_path else None,
                       documents={name: str(path) for name, path in result.documents.items()},
                       manifest=str(result.manifest_path),
                       checklist=str(result.checklist_path) if result.checklist_path else None,
                       charts=[str(p) for p in result.chart_paths], figures=result.figure_count,
                       placeholders=[{"id": i, "need": need} for i, need in result.placeholders],
                       notices=list(result.notices), warnings=[_problem(w) for w in result.warnings])
    if error is not None:
        problems = getattr(error, "problems", ())
        summary["errors"] = ([_problem(p) for p in problems if p.is_error]
                             or [{"where": None, "message": str(error)}])
        summary["warnings"] = [_problem(p) for p in problems if not p.is_error]
    return summary


def print_error(error: BriefgenError) -> None:
    """Print *error* as one line, with its hint on the next."""
    for problem in getattr(error, "errors", ()):   # a form's problems, one line each
        print(f"Lỗi: {clipped(one_line(str(problem)))}", file=sys.stderr)
    print(f"Lỗi: {clipped(one_line(str(error)))}", file=sys.stderr)
    if error.hint:
        print(f"Gợi ý: {clipped(one_line(error.hint))}", file=sys.stderr)


def internal_error_line(error: BaseException | None, log: Path | None) -> str:
    """Return the one line that announces an internal error and where its details went."""
    what = f" ({one_line(f'{type(error).__name__}: {error}')[:300]})" if error is not None else ""
    where = (f"chi tiết đã ghi vào {log}" if log else
             "không ghi được tệp nhật ký (thư mục bộ nhớ đệm và thư mục tạm đều không ghi được)")
    return (f"Lỗi nội bộ của briefgen{what}, không phải lỗi của dữ liệu hay của lệnh; {where}; "
            f"xin gửi tệp đó cho người bảo trì (mã thoát {EXIT_INTERNAL}).")


def report_error(error: BriefgenError, argv: list[str], exit_code: int = EXIT_ERROR) -> int:
    """Print *error* (as JSON with ``--json`` on the main job) and return *exit_code*."""
    if "--json" in argv and argv[0] not in SUBCOMMANDS:
        print(json.dumps(json_summary(error=error, exit_code=exit_code), ensure_ascii=False, indent=2))
    else:
        print_error(error)
    return exit_code


def report_bug(error: BaseException, argv: list[str]) -> int:
    """Log the traceback of an internal error, print one line saying where, return exit code 3."""
    log = write_crash_log(traceback.format_exc(), argv)
    line = internal_error_line(error, log)
    if "--json" in argv and argv[0] not in SUBCOMMANDS:
        return report_error(BriefgenError(line), argv, EXIT_INTERNAL)
    print(line, file=sys.stderr)
    return EXIT_INTERNAL


def run_subcommand(name: str, argv: list[str]) -> int:
    """Run one subcommand; its argparse usage errors and --help become exit codes here."""
    module = importlib.import_module(SUBCOMMANDS[name])
    try:
        return module.main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def run(argv: list[str]) -> int:
    """Run one command line and return its exit code; errors go up to ``main``."""
    if argv and argv[0] in SUBCOMMANDS:
        return run_subcommand(argv[0], argv[1:])
    parser = build_parser()
    args = check_args(parser, parser.parse_args(argv))
    args.argv = argv
    if args.all_hosts or len(args.years) > 1:
        return run_batch(args)
    return run_main_job(args)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (0, 1, 3, 130 or 143; usage errors exit with 2)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        with terminate_as_interrupt():
            return run(argv)
    except Terminated:
        print("Đã dừng (tín hiệu SIGTERM).", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # a user's error (one line, exit 1) or a bug (a log file, exit 3)
        user_error = as_user_error(error)
        return report_error(user_error, argv) if user_error else report_bug(error, argv)


def flushed(code: int) -> int:
    """Return *code* once stdout and stderr are flushed (120, as Python would, if stdout fails)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):   # closed pipe, closed or missing stream
            code = EXIT_UNFLUSHED if stream is sys.stdout and code == EXIT_OK else code
    return code


def console_entry() -> None:
    """Run the CLI as a process of its own, then end the process without interpreter teardown.

    The console script and ``python -m briefgen`` come here, never library calls or tests
    calling ``main``. Every file is written, fsynced and closed before ``main`` returns, and
    worker pools are shut down; flushing stdout and stderr is all that is left, so the
    process skips tearing its modules down (about 15 % of a cold draft's CPU time).
    """
    os._exit(flushed(main()))
