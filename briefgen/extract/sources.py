"""Read the reports to extract from (.txt, .docx, .html, .pdf) into text with locations.

Every reader returns a Report: the text the extractor reads (one line per paragraph, per
table row or per page line) and where each part came from ("dòng 3", "đoạn 12", "bảng 2,
dòng 4, cột 'Năm 2022'", "trang 5"), so a reviewer finds a figure in the original. Every
problem becomes a DataFileError naming the file; nothing here runs code from the file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import DataFileError, describe_os_error

MAX_BYTES = 64 * 1024 * 1024  # a report is never this large; refuse rather than exhaust memory


@dataclass(frozen=True)
class Report:
    """The text of a report and the location of each part of it."""

    text: str
    starts: tuple[int, ...] = ()   # offsets in text where a located part begins, ascending
    labels: tuple[str, ...] = ()   # the location of each part

    def location_of(self, offset: int) -> str:
        """Return the location of the part holding *offset* ("" when none is recorded)."""
        index = bisect_right(self.starts, offset) - 1
        return self.labels[index] if index >= 0 else ""


class ReportBuilder:
    """Collects located parts of text into a Report."""

    def __init__(self):
        self._pieces: list[str] = []
        self._size = 0
        self._starts: list[int] = []
        self._labels: list[str] = []

    def add(self, text: str, label: str | None = None) -> None:
        """Append *text*; when *label* is given, it locates the text from here on."""
        if label is not None:
            self._starts.append(self._size)
            self._labels.append(label)
        self._pieces.append(text)
        self._size += len(text)

    def build(self) -> Report:
        """Return the Report of everything added."""
        return Report("".join(self._pieces), tuple(self._starts), tuple(self._labels))


READERS = {".docx": "read_docx", ".html": "read_html", ".htm": "read_html", ".pdf": "read_pdf"}


def load_report(path: Path) -> Report:
    """Return the text and locations of the report at *path*, by its extension.

    Raise DataFileError when the file is missing, too large, damaged, encrypted or has no text.
    """
    reader_name = READERS.get(path.suffix.lower())
    if reader_name is None:
        return _located_lines(read_report(path))
    from briefgen.extract import readers  # noqa: PLC0415 (html.parser, zipfile…: only for these formats)

    reader = getattr(readers, reader_name)
    data = read_bytes(path)
    report = reader(path, data)
    if not report.text.strip():
        raise DataFileError(path, "không có nội dung văn bản")
    return report


def read_report(path: Path) -> str:
    """Return the UTF-8 text of *path*; raise DataFileError if missing, empty or not UTF-8."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(path, f"không phải UTF-8 (byte 0x{data[error.start]:02x} ở vị trí "
                                  f"{error.start}); hãy lưu lại tệp ở mã UTF-8") from None
    if not text.strip():
        raise DataFileError(path, "tệp rỗng")
    return text


def read_bytes(path: Path) -> bytes:
    """Return the bytes of *path*; raise DataFileError if missing, a folder or too large."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataFileError(path, f"tệp quá lớn ({path.stat().st_size // 1_048_576} MB; "
                                      f"tối đa {MAX_BYTES // 1_048_576} MB cho một báo cáo)")
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise DataFileError(path, "là thư mục, không phải tệp văn bản") from None
    except OSError as error:
        raise DataFileError(path, f"không đọc được: {describe_os_error(error)}") from None


def _located_lines(text: str) -> Report:
    """Return a plain text whose parts are its lines ("dòng N")."""
    builder = ReportBuilder()
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        builder.add(line, f"dòng {number}")
    return builder.build()
