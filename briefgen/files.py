"""Write files whole or not at all, with the modes every other tool gives (``0666 & ~umask``).

A file is first written to a hidden temporary name beside its target (``.name.<random>.tmp``),
synced, then moved or linked into place; on any failure, Ctrl-C included, the temporary file
is removed. ``explain`` turns an ``OSError`` into a Vietnamese reason and a hint.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import suppress
from pathlib import Path

FILE_MODE = 0o666           # the umask takes away what the user does not share
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _open_temp(path: Path) -> tuple[int, Path]:
    """Return an open descriptor and the name of a new, empty temporary file beside *path*."""
    while True:
        temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, _TEMP_FLAGS, FILE_MODE), temp
        except FileExistsError:
            continue


def remove_quietly(path: Path) -> None:
    """Remove the file *path* if it is there; a failure here must not hide the first error."""
    with suppress(OSError):
        path.unlink(missing_ok=True)


def write_temp(path: Path, data: bytes) -> Path:
    """Return a fully written, synced temporary file beside *path*."""
    handle, temp = _open_temp(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        remove_quietly(temp)
        raise
    return temp


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and an atomic rename (may replace *path*)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise


def write_new(path: Path, data: bytes) -> bool:
    """Write *data* to *path* if nothing is there; return False, writing nothing, if something is.

    The hard link fails on any existing entry, a dangling symbolic link included, so no race
    can overwrite a file; readers see no file or a whole one.
    """
    if os.path.lexists(path):
        return False
    temp = write_temp(path, data)
    try:
        os.link(temp, path)
        return True
    except FileExistsError:
        return False
    finally:
        remove_quietly(temp)


REASONS = {
    errno.ENOSPC: ("ổ đĩa đã đầy", "giải phóng dung lượng hoặc chọn thư mục khác bằng --out"),
    errno.EDQUOT: ("đã hết hạn mức dung lượng của người dùng",
                   "giải phóng dung lượng hoặc chọn thư mục khác bằng --out"),
    errno.EACCES: ("không có quyền ghi", "chọn thư mục khác bằng --out hoặc đề nghị cấp quyền ghi"),
    errno.EPERM: ("không có quyền ghi", "chọn thư mục khác bằng --out hoặc đề nghị cấp quyền ghi"),
    errno.EROFS: ("ổ đĩa chỉ cho phép đọc", "chọn thư mục khác bằng --out"),
    errno.ENAMETOOLONG: ("đường dẫn quá dài", "chọn thư mục có đường dẫn ngắn hơn bằng --out"),
    errno.EIO: ("lỗi đọc ghi của ổ đĩa", "kiểm tra ổ đĩa hoặc kết nối mạng rồi chạy lại"),
    errno.ELOOP: ("đường dẫn có vòng lặp liên kết tượng trưng", "chọn thư mục khác bằng --out"),
    # the folder given vanished, or the system has no place there for a new one (/proc, /sys)
    errno.ENOENT: ("hệ thống không cho tạo thư mục ở đường dẫn này", "chọn thư mục khác bằng --out"),
}


def explain(error: OSError) -> tuple[str, str | None]:
    """Return the reason of *error* in Vietnamese and a hint (None when there is none)."""
    if error.errno in REASONS:
        return REASONS[error.errno]
    code = errno.errorcode.get(error.errno, error.errno)
    return f"lỗi hệ thống ({code})", None


def blocking_file(folder: Path) -> Path | None:
    """Return the existing file that stands where *folder* or one of its parents should be."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            return None if candidate.is_dir() else candidate
    return None
