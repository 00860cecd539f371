"""A content-keyed cache of the validated dataset: unchanged data is not parsed again.

The key is a hash of every data file's name and bytes plus briefgen's version, so any
edit to data/ (or a new release) loads and validates afresh; a malformed file is never
cached because validation raises before anything is stored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import briefgen

DATA_FILES = ("provinces.csv", "province_merger.csv", "editions.csv", "indicators.csv",
              "task_groups.csv", "resolutions.csv", "targets.csv")


def cache_folder() -> Path:
    """Return where datasets are cached (beside the chart cache)."""
    if os.environ.get("BRIEFGEN_CACHE_DIR"):
        return Path(os.environ["BRIEFGEN_CACHE_DIR"]) / "datasets"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefgen" / "datasets"


def dataset_key(data_dir: Path) -> str | None:
    """Return the content key of *data_dir*, or None when a file is missing (load reports it)."""
    digest = hashlib.sha256(briefgen.__version__.encode())
    for name in DATA_FILES:
        try:
            digest.update(name.encode() + b"\0" + (data_dir / name).read_bytes() + b"\0")
        except OSError:
            return None
    return digest.hexdigest()[:32]


def read_cached(key: str):
    """Return the cached dataset for *key*, or None (absent or unreadable)."""
    try:
        return pickle.loads((cache_folder() / f"{key}.pickle").read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None


def store(key: str, dataset) -> None:
    """Keep *dataset* under *key*; a cache that cannot be written is only a lost speed-up."""
    from briefgen.output import write_atomic

    try:
        write_atomic(cache_folder() / f"{key}.pickle", pickle.dumps(dataset))
    except OSError:
        pass
