"""``briefgen serve``: start the web page and the HTTP API.

    briefgen serve [--bind 127.0.0.1] [--port 8000] [--out DIR] [--data-dir DIR] [--token T] [--allow-learn]

Listens on loopback unless told otherwise; any other address needs a token (``--token``
or ``$BRIEFGEN_TOKEN``), and so does ``--allow-learn`` (``POST /api/learn`` changes the data). FastAPI and uvicorn are imported only once the server starts.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from briefgen.serve.settings import ServeSettings, is_loopback

TOKEN_VARIABLE = "BRIEFGEN_TOKEN"


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"cổng phải là số từ 1 đến 65535, gặp '{text}'")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``briefgen serve``."""
    parser = argparse.ArgumentParser(
        prog="briefgen serve",
        description="Chạy trang web và API HTTP soạn dự thảo báo cáo (mở http://ĐỊA-CHỈ:CỔNG/ bằng trình duyệt).",
        epilog=f"Mã truy cập cũng có thể đặt trong biến môi trường {TOKEN_VARIABLE}. "
               "Mã thoát: 0 máy chủ dừng bình thường; 2 sai cú pháp lệnh.")
    parser.add_argument("--bind", default="127.0.0.1",
                        help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này; địa chỉ khác cần --token)")
    parser.add_argument("--port", type=_port, default=8000, help="cổng (mặc định 8000)")
    parser.add_argument("--out", type=Path, help="thư mục lưu dự thảo (mặc định: output/)")
    parser.add_argument("--data-dir", type=Path, help="thư mục dữ liệu (mặc định: data/)")
    parser.add_argument("--token", help=f"mã truy cập mà trang và API đòi hỏi (hoặc biến {TOKEN_VARIABLE})")
    parser.add_argument("--allow-learn", action="store_true",
                        help="cho phép POST /api/learn bổ sung số liệu từ dự thảo đã chỉnh sửa vào thư mục "
                             "dữ liệu (cần mã truy cập)")
    return parser


def settings_from(argv: list[str]) -> ServeSettings:
    """Return the server settings for *argv*; refuse a non-loopback address without a token."""
    parser = build_parser()
    args = parser.parse_args(argv)
    token = args.token or os.environ.get(TOKEN_VARIABLE) or None
    if not is_loopback(args.bind) and token is None:
        parser.error(f"lắng nghe trên địa chỉ {args.bind} (không chỉ máy này) cần mã truy cập: "
                     f"thêm --token hoặc đặt biến môi trường {TOKEN_VARIABLE}")
    if args.allow_learn and token is None:
        parser.error(f"--allow-learn (cho phép thay đổi dữ liệu) cần mã truy cập: thêm --token hoặc đặt "
                     f"biến môi trường {TOKEN_VARIABLE}")
    return ServeSettings(bind=args.bind, port=args.port, out_dir=args.out, data_dir=args.data_dir, token=token,
                         allow_learn=args.allow_learn)


def main(argv: list[str]) -> int:
    """Run the server until it is stopped (Ctrl-C); return 0."""
    settings = settings_from(argv)
    import logging

    import uvicorn

    from briefgen.serve.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = f"[{settings.bind}]" if ":" in settings.bind and not settings.bind.startswith("[") else settings.bind
    print(f"briefgen serve: mở http://{host}:{settings.port}/ (dừng: Ctrl-C)", flush=True)
    uvicorn.run(create_app(settings), host=settings.bind, port=settings.port, log_level="info")
    return 0
