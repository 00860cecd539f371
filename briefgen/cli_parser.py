"""An ``argparse`` parser that speaks Vietnamese, shared by the main command and every subcommand.

argparse builds its messages ("invalid int value", "unrecognized arguments", "usage: ",
"options", the help of ``-h``) through ``gettext`` calls looked up in its own module.
``Parser`` swaps in a Vietnamese catalogue while it builds, parses, prints help or reports
an error, and restores argparse afterwards, so other parsers in the process are untouched.
Usage errors still exit with code 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from briefgen.bounds import clipped, shown

# argparse's message ids (Python 3.11–3.13) and their Vietnamese; placeholders kept as they are.
MESSAGES: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ %(value)r (cần kiểu %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ %(value)r (chọn một trong: %(choices)s)",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số: %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ignored explicit argument %r": "tham số không nhận giá trị, gặp %r",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s không rõ, có thể là: %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
PLURAL_MESSAGES: dict[str, str] = {
    "expected %s argument": "cần %s giá trị",
    "conflicting option string: %s": "tùy chọn trùng nhau: %s",
}


def translate(message: str) -> str:
    """Return the Vietnamese of one argparse message (unknown messages come back unchanged)."""
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """Return the Vietnamese of a message with a count (Vietnamese nouns have no plural)."""
    return PLURAL_MESSAGES.get(singular, singular if count == 1 else plural)


@contextmanager
def vietnamese() -> Iterator[None]:
    """Make argparse speak Vietnamese inside the block; restore its own gettext after."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = translate, translate_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def integer(text: str) -> int:
    """Return *text* as an integer; a Vietnamese usage error otherwise."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần số nguyên, gặp '{shown(text)}'") from None


def iso_date(text: str) -> date:
    """Return *text* (``YYYY-MM-DD``) as a date; a Vietnamese usage error otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ '{shown(text)}', cần dạng YYYY-MM-DD") from None


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage, help and error messages are Vietnamese."""

    def __init__(self, *args, **kwargs):
        with vietnamese():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        """Return the parsed namespace; a usage error exits with code 2 (in Vietnamese)."""
        with vietnamese():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        """Return the parsed namespace and the unknown arguments (errors in Vietnamese)."""
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """Return the Vietnamese usage line."""
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        """Return the Vietnamese help text."""
        with vietnamese():
            return super().format_help()

    def error(self, message: str):
        """Print the usage and *message* in Vietnamese, then exit with code 2."""
        with vietnamese():
            super().error(clipped(message))
