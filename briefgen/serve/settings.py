"""What the server was told: where it listens, where drafts go, the token and the limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class ServeSettings:
    """The server's configuration; ``None`` folders mean the workspace defaults."""

    bind: str = "127.0.0.1"
    port: int = 8000
    out_dir: Path | None = None
    data_dir: Path | None = None
    token: str | None = None
    max_file_bytes: int = 20 * MEGABYTE
    max_files: int = 10
    workers: int = 2
    pdf_timeout: float = 120.0
    allow_learn: bool = False          # POST /api/learn may change data_dir (needs a token too)

    @property
    def max_body_bytes(self) -> int:
        """Return the largest request body accepted: every file at its limit, plus the fields."""
        return self.max_files * self.max_file_bytes + MEGABYTE


def is_loopback(host: str) -> bool:
    """Return whether *host* only accepts connections from this machine."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
