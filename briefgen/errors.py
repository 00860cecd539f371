"""Named errors that the library raises and the CLI turns into one-line messages.

Anything that is not a ``BriefgenError`` is a bug and stays a traceback.
"""

from __future__ import annotations


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


class FormValidationError(BriefgenError):
    """Filled forms have errors, so nothing was built; ``problems`` lists every finding.

    Each problem names its file, sheet and cell (``bieu-mau.xlsx › Số liệu!D7``); the
    CLI prints the errors one per line.
    """

    def __init__(self, problems):
        self.problems = tuple(problems)
        self.errors = tuple(p for p in self.problems if p.is_error)
        self.warnings = tuple(p for p in self.problems if not p.is_error)
        super().__init__(f"biểu mẫu có {len(self.errors)} lỗi; chưa soạn dự thảo, không ghi tệp nào",
                         hint="sửa các ô nêu trên rồi chạy lại (kiểm tra trước: briefgen form --check …)")


class OutputError(BriefgenError):
    """The draft cannot be written where asked (a file in the way, no permission, disk full).

    ``path`` is the folder of the draft; nothing of the draft was left there.
    """

    def __init__(self, path, message: str, hint: str | None = None):
        self.path = str(path)
        super().__init__(message, hint)


class DraftFileError(BriefgenError):
    """A draft given to ``review``/``--data``/``learn`` cannot be read, or is for another edition."""


class DraftValuesError(DraftFileError):
    """Values typed in an edited draft cannot be used; ``errors`` lists each with its place."""

    def __init__(self, path, errors):
        self.errors = tuple(errors)
        super().__init__(f"{path}: {len(self.errors)} giá trị không dùng được; không ghi tệp nào",
                         hint="sửa các ô nêu trên trong dự thảo (kiểm tra trước: briefgen review …)")


class LearnConflictError(BriefgenError):
    """Learned figures differ from values on record; ``errors`` shows both sources of each."""

    def __init__(self, errors):
        self.errors = tuple(errors)
        super().__init__(f"{len(self.errors)} số liệu khác với dữ liệu có sẵn; không ghi tệp nào",
                         hint='xem lại; nếu số mới đúng: briefgen learn … --replace --reason "lý do"')
