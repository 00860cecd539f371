"""Named errors that the library raises and the CLI turns into one-line messages.

Anything that is not a ``BriefgenError`` is a bug: the CLI writes its traceback to a log
file and exits with code 3. An ``OSError`` caused by the user's environment (permission
denied, full or read-only disk, a file where a folder should be) is not a bug:
``from_os_error`` turns it into a ``FileAccessError`` naming the path.
"""

from __future__ import annotations

import errno
import os


class BriefgenError(Exception):
    """Base of every error a user can fix (bad input, unknown host, ...)."""

    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class DataFileError(BriefgenError):
    """A data file is missing or malformed; names the file, line and column."""

    def __init__(self, path, message: str, line: int | None = None,
                 column: str | None = None, hint: str | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        where = self.path
        if line is not None:
            where += f", dòng {line}"
        if column is not None:
            where += f", cột '{column}'"
        super().__init__(f"{where}: {message}", hint)


class UnknownHostError(BriefgenError):
    """The host name matches no province or city."""


class HostNotInYearError(BriefgenError):
    """The host existed once but not at the date of the conference."""


class InvalidArgumentError(BriefgenError):
    """A command-line or API argument is out of range."""


class TemplateError(BriefgenError):
    """A template refers to something the draft cannot have (a mistyped chart or table)."""


class FormValidationError(BriefgenError):
    """Filled forms have errors, so nothing was built; ``problems`` lists every finding.

    Each problem names its file, sheet and cell (``bieu-mau.xlsx › Số liệu!D7``); the
    CLI prints the errors one per line.
    """

    def __init__(self, problems):
        self.problems = tuple(problems)
        self.errors = tuple(p for p in self.problems if p.is_error)
        self.warnings = tuple(p for p in self.problems if not p.is_error)
        if self.errors and all("›" not in p.where for p in self.errors):    # whole files, no cell to fix
            super().__init__(f"không đọc được {len(self.errors)} tệp dữ liệu; chưa soạn dự thảo, không ghi tệp nào",
                             hint="kiểm tra đường dẫn và loại tệp (biểu mẫu .xlsx/.csv, báo cáo, dự thảo .docx)")
            return
        super().__init__(f"biểu mẫu có {len(self.errors)} lỗi; chưa soạn dự thảo, không ghi tệp nào",
                         hint="sửa các ô nêu trên rồi chạy lại (kiểm tra trước: briefgen form --check …)")


class OutputError(BriefgenError):
    """The draft cannot be written where asked (a file in the way, no permission, disk full).

    ``path`` is the folder of the draft; nothing of the draft was left there.
    """

    def __init__(self, path, message: str, hint: str | None = None):
        self.path = str(path)
        super().__init__(message, hint)


class FileAccessError(BriefgenError):
    """The system refused a file operation for a reason the user can fix (rights, space, path)."""


# errno -> what it means for the user, and what to do about it
_ENVIRONMENT_ERRORS: dict[int, tuple[str, str | None]] = {
    errno.EACCES: ("không có quyền truy cập", "kiểm tra quyền của tệp, thư mục hoặc chọn nơi khác"),
    errno.EPERM: ("hệ thống không cho phép thao tác này", "kiểm tra quyền của tệp, thư mục hoặc chọn nơi khác"),
    errno.ENOSPC: ("ổ đĩa đã đầy", "giải phóng dung lượng hoặc ghi ra ổ đĩa khác (--out)"),
    errno.EDQUOT: ("đã vượt hạn mức dung lượng được cấp", "giải phóng dung lượng hoặc ghi ra nơi khác"),
    errno.EROFS: ("ổ đĩa chỉ cho phép đọc", "ghi ra thư mục khác (--out)"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp, không phải thư mục", "kiểm tra lại đường dẫn"),
    errno.EISDIR: ("là thư mục, cần một tệp", "kiểm tra lại đường dẫn"),
    errno.ENAMETOOLONG: ("tên tệp hoặc đường dẫn quá dài", "dùng tên ngắn hơn"),
    errno.ELOOP: ("đường dẫn có vòng lặp liên kết tượng trưng (symlink)", "kiểm tra lại đường dẫn"),
}
# reasons worth saying in Vietnamese that may also be a bug (a missing file of briefgen's own)
_REASONS = {errno.ENOENT: "không tìm thấy tệp hoặc thư mục", errno.EEXIST: "đã có tệp cùng tên",
            **{code: reason for code, (reason, _) in _ENVIRONMENT_ERRORS.items()}}


def describe_os_error(error: OSError) -> str:
    """Return the Vietnamese reason of *error* (the system's own words when not known)."""
    return _REASONS.get(error.errno or 0) or error.strerror or type(error).__name__


def from_os_error(error: OSError) -> FileAccessError | None:
    """Return the user error *error* stands for, or None when it is not the user's to fix."""
    known = _ENVIRONMENT_ERRORS.get(error.errno or 0)
    if known is None:
        return None
    path = os.fsdecode(error.filename) if error.filename is not None else "(không rõ đường dẫn)"
    return FileAccessError(f"{path}: {known[0]}", hint=known[1])


def one_line(text: str) -> str:
    """Return an error text on one line, control characters shown as escapes (never a raw newline)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(text.split("\n")))


def as_user_error(error: BaseException) -> BriefgenError | None:
    """Return the user error *error* stands for (itself, or a refused file operation), or None: a bug."""
    if isinstance(error, BriefgenError):
        return error
    return from_os_error(error) if isinstance(error, OSError) else None


class DraftFileError(BriefgenError):
    """A draft given to ``review``/``--data``/``learn`` cannot be read, or is for another edition."""


class DraftValuesError(DraftFileError):
    """Values typed in an edited draft cannot be used; ``errors`` lists each with its place.

    Each is a ``sources.problems.Problem`` ("du-thao.docx › II. … › đoạn 3": what is wrong),
    so ``--json`` and the server show them like a form's problems.
    """

    def __init__(self, path, errors):
        self.errors = tuple(errors)
        self.problems = self.errors
        super().__init__(f"{path}: {len(self.errors)} giá trị không dùng được; không ghi tệp nào",
                         hint="sửa các ô nêu trên trong dự thảo (kiểm tra trước: briefgen review …)")


class LearnConflictError(BriefgenError):
    """Learned figures differ from values on record; ``errors`` shows both sources of each."""

    def __init__(self, errors):
        self.errors = tuple(errors)
        super().__init__(f"{len(self.errors)} số liệu khác với dữ liệu có sẵn; không ghi tệp nào",
                         hint='xem lại; nếu số mới đúng: briefgen learn … --replace --reason "lý do"')
