"""Read the reports to extract from; every problem becomes a DataFileError naming the file."""

from __future__ import annotations

from pathlib import Path

from briefgen.errors import DataFileError, describe_os_error


def read_report(path: Path) -> str:
    """Return the UTF-8 text of *path*; raise DataFileError if missing, empty or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise DataFileError(path, "là thư mục, không phải tệp văn bản") from None
    except OSError as error:
        raise DataFileError(path, f"không đọc được: {describe_os_error(error)}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(path, f"không phải UTF-8 (byte 0x{data[error.start]:02x} ở vị trí "
                                  f"{error.start}); hãy lưu lại tệp ở mã UTF-8") from None
    if not text.strip():
        raise DataFileError(path, "tệp rỗng")
    return text
