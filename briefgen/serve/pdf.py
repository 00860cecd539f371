"""A draft as PDF, converted on demand by LibreOffice headless and kept next to the draft."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefgen.output import write_atomic
from briefgen.serve.errors import ServeError


def soffice() -> str | None:
    """Return the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, target: Path, scratch: Path, timeout: float) -> Path:
    """Write *docx* as PDF to *target* (atomically) unless it is there; return *target*."""
    if target.is_file():
        return target
    command = soffice()
    if command is None:
        raise ServeError("máy chủ chưa cài LibreOffice nên không chuyển được sang PDF", status=404,
                         hint="quản trị viên cài gói libreoffice-writer-nogui (./setup.sh)")
    with tempfile.TemporaryDirectory(dir=scratch) as work:
        profile = Path(work) / "profile"
        try:
            subprocess.run([command, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", work, str(docx)],
                           check=True, capture_output=True, timeout=timeout)
            data = (Path(work) / f"{docx.stem}.pdf").read_bytes()
        except subprocess.TimeoutExpired:
            raise ServeError(f"chuyển sang PDF quá {timeout:.0f} giây, đã dừng", status=503)
        except (subprocess.CalledProcessError, OSError):
            raise ServeError("LibreOffice không chuyển được dự thảo sang PDF", status=503)
    write_atomic(target, data)
    return target
