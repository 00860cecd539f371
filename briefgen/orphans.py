"""Worker processes that stop by themselves once the process that started them is gone.

A batch killed with ``kill -9`` cannot stop its workers, and a worker waiting for its next
job would wait forever. ``watch_parent`` (called in each worker's initializer) starts a
thread that polls the parent. When the parent is gone, an idle worker exits at once; a
busy one is interrupted with ``ParentGone``, so the draft it was writing is cleaned up
like after Ctrl-C, then exits (and is ended anyway after ``GRACE_SECONDS``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_SECONDS = 0.2
GRACE_SECONDS = 5.0
EXIT_ORPHANED = 1
_STOP_SIGNAL = getattr(signal, "SIGUSR1", None)   # absent on Windows: exit without cleanup

_busy = threading.Event()


class ParentGone(BaseException):
    """Raised in a worker's main thread when the process that started it has died."""


def _raise_parent_gone(_signum, _frame) -> None:
    if not _busy.is_set():   # the work ended meanwhile: nothing to clean up
        os._exit(EXIT_ORPHANED)
    raise ParentGone()


def parent_probe() -> Callable[[], bool]:
    """Return a function telling whether this process's parent is still alive."""
    if os.name == "posix":   # an orphan is adopted by another process: its parent id changes
        parent = os.getppid()
        return lambda: os.getppid() == parent
    parent_process = multiprocessing.parent_process()   # Windows: the parent's handle
    return parent_process.is_alive if parent_process else (lambda: True)


def _watch(alive: Callable[[], bool]) -> None:
    while alive():
        time.sleep(POLL_SECONDS)
    if _busy.is_set() and _STOP_SIGNAL is not None:
        os.kill(os.getpid(), _STOP_SIGNAL)   # let the draft being written clean up
        time.sleep(GRACE_SECONDS)
    os._exit(EXIT_ORPHANED)


def watch_parent() -> None:
    """Make this worker exit when its parent dies; call once, in the worker's main thread."""
    if _STOP_SIGNAL is not None:
        signal.signal(_STOP_SIGNAL, _raise_parent_gone)
    threading.Thread(target=_watch, args=(parent_probe(),), name="briefgen-parent-watch",
                     daemon=True).start()


@contextmanager
def busy() -> Iterator[None]:
    """Mark the worker busy; if its parent dies meanwhile, exit once the work is cleaned up."""
    _busy.set()
    try:
        yield
    except ParentGone:
        os._exit(EXIT_ORPHANED)
    finally:
        _busy.clear()
