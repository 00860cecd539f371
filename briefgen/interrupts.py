"""SIGTERM (``kill``, a shutdown, a service manager stopping briefgen) handled like Ctrl-C.

Python's default for SIGTERM ends the process on the spot, so the version being written
would stay half-made. ``terminate_as_interrupt`` turns the signal into ``Terminated``, a
``KeyboardInterrupt``: every cleanup that runs for Ctrl-C runs for it too, then the CLI
exits with ``EXIT_TERMINATED`` (128 + 15, what a shell reports for a process ended by SIGTERM).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when the process receives SIGTERM."""


def _raise_terminated(_signum, _frame) -> None:
    raise Terminated()


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Inside the block, SIGTERM raises ``Terminated``; the previous handler comes back after."""
    if threading.current_thread() is not threading.main_thread():
        yield      # only the main thread may set signal handlers
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
