"""Class 4 (output): --out on a file, a read-only folder or a full disk is one Vietnamese line,
exit 1, and nothing is left behind or overwritten."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.errors import OutputError
from briefgen.output import write_draft

HOST = ["--year", "2025", "--host", "Tuyên Quang"]
HINT_OUT = "Gợi ý: chọn thư mục khác bằng --out\n"


def _run(capsys, out: Path, *extra: str) -> tuple[int, str]:
    code = main([*HOST, "--out", str(out), *extra])
    captured = capsys.readouterr()
    assert captured.out == ""
    return code, captured.err


def _tree(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("under", ["", "sub", "sub/deeper"])
def test_out_on_or_under_a_file(tmp_path, capsys, under):
    blocker = tmp_path / "notes.txt"
    blocker.write_bytes(b"mine")
    out = blocker / under if under else blocker
    code, err = _run(capsys, out)
    assert (code, err) == (1, f"Lỗi: không tạo được thư mục {out}: {blocker} là một "
                              f"tệp, không phải thư mục\n{HINT_OUT}")
    assert _tree(tmp_path) == {"notes.txt": b"mine"}


def test_all_hosts_into_a_file_is_one_error_before_any_work(tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_bytes(b"mine")
    assert main(["--year", "2025", "--all-hosts", "--jobs", "2", "--out", str(blocker)]) == 1
    assert capsys.readouterr().err == (f"Lỗi: không tạo được thư mục {blocker}: {blocker} là một tệp, "
                                       f"không phải thư mục\n{HINT_OUT}")
    assert blocker.read_bytes() == b"mine"


def _refuse_under(monkeypatch, root: Path, code: int) -> None:
    """Make creating anything under *root* fail with *code*, as a read-only folder does (even for root)."""
    for name in ("open", "mkdir"):
        real = getattr(os, name)

        def refusing(path, *args, _real=real, **kwargs):
            if Path(path).is_relative_to(root):
                raise OSError(code, os.strerror(code), str(path))
            return _real(path, *args, **kwargs)
        monkeypatch.setattr(os, name, refusing)


@pytest.mark.parametrize("code, reason", [(errno.EACCES, "không có quyền ghi"),
                                          (errno.EROFS, "ổ đĩa chỉ cho phép đọc")])
@pytest.mark.parametrize("existing", [False, True], ids=["new folder", "earlier draft"])
def test_read_only_out(tmp_path, capsys, monkeypatch, code, reason, existing):
    out = tmp_path / "out"
    if existing:
        assert main([*HOST, "--out", str(out)]) == 0
        capsys.readouterr()
    before = _tree(tmp_path)
    _refuse_under(monkeypatch, out, code)
    exit_code, err = _run(capsys, out)
    assert exit_code == 1
    assert err.splitlines()[0] == f"Lỗi: không ghi được vào thư mục {out / '2025-tuyen-quang'}: {reason}"
    assert _tree(tmp_path) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_while_writing_the_docx(tmp_path, capsys, monkeypatch):
    """The temporary DOCX is really created, then writing it fails as on a full disk."""
    real_open = os.open

    def full_disk(path, flags, *args, **kwargs):
        handle = real_open(path, flags, *args, **kwargs)
        if str(path).endswith(".tmp") and ".docx." in str(path):
            full = real_open("/dev/full", os.O_WRONLY)
            os.dup2(full, handle)
            os.close(full)
        return handle
    monkeypatch.setattr(os, "open", full_disk)
    code, err = _run(capsys, tmp_path / "out")
    assert (code, err) == (1, f"Lỗi: không ghi được vào thư mục {tmp_path / 'out' / '2025-tuyen-quang'}: "
                              "ổ đĩa đã đầy\n"
                              "Gợi ý: giải phóng dung lượng hoặc chọn thư mục khác bằng --out\n")
    assert list(tmp_path.iterdir()) == []


REASONS = {errno.ENOSPC: "ổ đĩa đã đầy", errno.EDQUOT: "đã hết hạn mức dung lượng của người dùng",
           errno.EACCES: "không có quyền ghi", errno.EPERM: "không có quyền ghi",
           errno.EROFS: "ổ đĩa chỉ cho phép đọc", errno.EIO: "lỗi đọc ghi của ổ đĩa",
           errno.ENAMETOOLONG: "đường dẫn quá dài", errno.ESTALE: "lỗi hệ thống (ESTALE)",
           errno.EFBIG: "lỗi hệ thống (EFBIG)"}


@settings(max_examples=40, deadline=None)
@given(code=st.sampled_from(sorted(REASONS)), charts=st.integers(0, 3), fail_at=st.integers(1, 6),
       step=st.sampled_from(["open", "fsync", "link", "mkdir"]))
def test_any_os_error_at_any_step_is_named_and_leaves_nothing(tmp_path_factory, code, charts, fail_at, step):
    root = tmp_path_factory.mktemp("w")
    folder = root / "out" / "d"
    write_draft(folder, "x", lambda p: {p.docx: b"earlier"}, {}, lambda paths: {})
    before = _tree(root)
    calls = []
    real = getattr(os, step)

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == fail_at:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, step, failing)
        try:
            paths = write_draft(folder, "x", lambda p: {p.docx: b"new"}, {f"{i}.png": b"png" for i in range(charts)},
                                lambda paths: {})
        except OutputError as error:
            assert str(error) == f"không ghi được vào thư mục {folder}: {REASONS[code]}"
            assert error.path == str(folder)
            assert _tree(root) == before
            return
    assert paths.docx.read_bytes() == b"new" and paths.manifest.exists()   # no failure, or a harmless one


def test_out_on_a_dangling_link(tmp_path, capsys):
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    code, err = _run(capsys, link)
    assert (code, err) == (1, f"Lỗi: không tạo được thư mục {link}: {link} không phải là thư mục\n{HINT_OUT}")
    assert [p.name for p in tmp_path.iterdir()] == ["out"] and link.is_symlink()


def test_too_many_versions_is_named_and_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("briefgen.output.MAX_VERSIONS", 2)
    for _ in range(2):
        write_draft(tmp_path, "x", lambda p: {p.docx: b"docx"}, {"a.png": b"png"}, lambda paths: {})
    before = _tree(tmp_path)
    with pytest.raises(OutputError) as raised:
        write_draft(tmp_path, "x", lambda p: {p.docx: b"docx"}, {"a.png": b"png"}, lambda paths: {})
    assert str(raised.value) == f"thư mục {tmp_path} đã có 2 phiên bản dự thảo"
    assert _tree(tmp_path) == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("argv, line", [
    ([*HOST, "--out", "/proc/briefgen-out"],
     "Lỗi: không ghi được vào thư mục /proc/briefgen-out/2025-tuyen-quang: hệ thống không cho tạo thư mục "
     "ở đường dẫn này"),
    (["form", "--year", "2025", "-o", "/proc/briefgen-out/bieu-mau.xlsx"],
     "Lỗi: không ghi được biểu mẫu vào /proc/briefgen-out/bieu-mau.xlsx: hệ thống không cho tạo thư mục "
     "ở đường dẫn này"),
])
def test_an_out_path_the_system_cannot_create_is_the_users_error(argv, line, capsys):
    """ENOENT from mkdir on a path the user gave (/proc, a vanished network drive) is exit 1, not a bug."""
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines()[0] == line
    assert not os.path.lexists("/proc/briefgen-out")
