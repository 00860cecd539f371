"""Draw each distinct chart once: chart PNGs kept by content, in memory and on disk.

A chart's key is a hash of its ``ChartSpec`` together with the renderer (the source of
``render/charts.py`` and the versions of matplotlib and Pillow). An unchanged chart is
read back instead of drawn; a change to the data, the spec or the drawing code draws it
afresh. So regenerating a draft is cheap, and in a batch the charts that do not depend
on the host are drawn once. matplotlib is imported only when a chart has to be drawn.

The disk cache lives in ``$BRIEFGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefgen/charts``,
else ``~/.cache/briefgen/charts``; deleting it is always safe. Each entry is sealed with
its key and a SHA-256 of its bytes (``briefgen/cache_entry.py``): a damaged or swapped
entry is drawn again and overwritten, never embedded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path

from briefgen.cache_entry import read_entry, write_entry
from briefgen.model import ChartSpec

PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"
RENDERER_SOURCE = Path(__file__).with_name("charts.py")
MEMORY_ENTRIES = 128

Plot = Callable[[ChartSpec], bytes]


def default_folder() -> Path:
    """Return the folder of the on-disk chart cache (see the module docstring)."""
    if os.environ.get("BRIEFGEN_CACHE_DIR"):
        return Path(os.environ["BRIEFGEN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefgen" / "charts"


def _version_file(package: str) -> bytes:
    """Return the ``_version.py`` of *package* without importing it (its path if it has none)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package} missing".encode()
    version_file = Path(spec.origin).with_name("_version.py")
    return version_file.read_bytes() if version_file.exists() else spec.origin.encode()


@cache
def renderer_id() -> str:
    """Return a hash of what decides a chart's pixels besides its spec: the code and its libraries."""
    parts = [RENDERER_SOURCE.read_bytes(), _version_file("matplotlib"), _version_file("PIL")]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def chart_key(spec: ChartSpec) -> str:
    """Return the hex SHA-256 that names *spec*'s PNG."""
    payload = json.dumps(dataclasses.asdict(spec), default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{renderer_id()}\n{payload}".encode("utf-8")).hexdigest()


def has_data(spec: ChartSpec) -> bool:
    """Return whether any point of *spec* has a value (a chart of nothing is not drawn)."""
    return any(p.value is not None for s in spec.series for p in s.points)


def is_complete_png(data: bytes) -> bool:
    """Return whether *data* starts and ends like a whole PNG file (no torn cache entries)."""
    return data.startswith(PNG_START) and data.endswith(PNG_END)


def plot_with_matplotlib(spec: ChartSpec) -> bytes:
    """Return *spec* drawn by the matplotlib renderer, imported on first use."""
    from briefgen.render.charts import plot_chart

    return plot_chart(spec)


class ChartCache:
    """PNG bytes of chart specs: drawn on a miss, then kept in memory and in *folder*.

    With *folder* None the cache lives in memory only. Disk errors never fail a draft:
    an unreadable entry is drawn again, an unwritable folder is simply not used.
    """

    def __init__(self, folder: Path | None = None, plot: Plot = plot_with_matplotlib):
        self.folder = folder
        self.plot = plot
        self.drawn = 0
        self.reused = 0
        self._memory: OrderedDict[str, bytes] = OrderedDict()

    def png(self, spec: ChartSpec) -> bytes:
        """Return the PNG of *spec*, drawing it only if no cache holds it."""
        key = chart_key(spec)
        data = self._memory.get(key) or self._read(key)
        if data is None:
            data = self.plot(spec)
            self.drawn += 1
            self._write(key, data)
        else:
            self.reused += 1
        self._remember(key, data)
        return data

    __call__ = png

    def prime(self, pngs: dict[str, bytes]) -> None:
        """Keep *pngs* (key → PNG drawn elsewhere, e.g. by another worker) in memory."""
        for key, data in pngs.items():
            if key not in self._memory:
                self._remember(key, data)

    def _remember(self, key: str, data: bytes) -> None:
        self._memory[key] = data
        self._memory.move_to_end(key)
        while len(self._memory) > MEMORY_ENTRIES:
            self._memory.popitem(last=False)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.png"

    def _read(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        data = read_entry(self._path(key), key)
        return data if data is not None and is_complete_png(data) else None

    def _write(self, key: str, data: bytes) -> None:
        if self.folder is not None:
            write_entry(self._path(key), key, data)


def default_cache() -> ChartCache:
    """Return a cache over the default folder."""
    return ChartCache(default_folder())
