"""A content-keyed cache of the validated dataset: unchanged data is not parsed again.

The key is a hash of every data file's name and bytes, of the loader's own source
(``briefgen/sources/tables/*.py``, ``briefgen/domain/*.py``, the entry format) and of briefgen's version, so
an edit to data/ or to the code that reads it loads and validates afresh; a malformed
file is never cached because validation raises before anything is stored.

An entry is JSON of the dataset's plain values (strings, numbers, dates, decimals and the
loader's own record types, nothing else), sealed with its key and a SHA-256
(``briefgen/cache_entry.py``). Reading one can never run code, and a damaged, foreign or
unreadable entry reads as absent: the data is loaded again and the entry overwritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import briefgen
from briefgen.cache_entry import read_entry, write_entry
from briefgen.domain.catalog import AgendaItem, Resolution, Source, Target, TaskGroup
from briefgen.domain.edition import Edition
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.domain.province import Merger, Province

DATA_FILES = ("provinces.csv", "province_merger.csv", "editions.csv", "indicators.csv",
              "task_groups.csv", "resolutions.csv", "targets.csv")
OPTIONAL_FILES = ("sources.csv", "agenda.csv")   # without them: sources cited by id, no year agenda
FORMAT = "dataset-json-1"
LOADER_DIR = Path(__file__).resolve().parent
CODE_FILES = (*sorted((LOADER_DIR.parents[1] / "domain").glob("*.py")), LOADER_DIR.parents[1] / "cache_entry.py")
RECORDS = {cls.__name__: cls for cls in (Province, Merger, Edition, Figure, TaskGroup, Resolution,
                                         Target, Period, Source, AgendaItem)}


def cache_folder() -> Path:
    """Return where datasets are cached (beside the chart cache)."""
    if os.environ.get("BRIEFGEN_CACHE_DIR"):
        return Path(os.environ["BRIEFGEN_CACHE_DIR"]) / "datasets"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefgen" / "datasets"


@cache
def loader_id(loader_dir: Path) -> str:
    """Return a hash of the code that decides a dataset: *loader_dir*'s sources, format, version."""
    digest = hashlib.sha256(f"{FORMAT}\0{briefgen.__version__}\0".encode())
    for path in sorted(loader_dir.glob("*.py")) + list(CODE_FILES):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def dataset_key(data_dir: Path) -> str | None:
    """Return the key of *data_dir* read by this code, or None when a file is missing (load reports it)."""
    digest = hashlib.sha256(loader_id(LOADER_DIR).encode())
    for name in DATA_FILES:
        try:
            digest.update(name.encode() + b"\0" + (data_dir / name).read_bytes() + b"\0")
        except OSError:
            return None
    for name in OPTIONAL_FILES:
        path = data_dir / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"<absent>") + b"\0")
    return digest.hexdigest()


def _plain(value):
    """Return *value* as JSON-ready plain data, tagging what JSON has no type for."""
    if value is None or isinstance(value, (str, int)):   # bool is an int
        return value
    if isinstance(value, Decimal):
        return {"$": "decimal", "v": str(value)}
    if type(value) is date:
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if RECORDS.get(type(value).__name__) is type(value):
        return {"$": type(value).__name__,
                "v": [_plain(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    raise TypeError(f"the dataset cache cannot keep a {type(value).__name__}")


def _restore(obj: dict):
    """Return the value a tagged JSON object stands for (lists inside a record become tuples)."""
    tag = obj.get("$")
    if tag is None:
        return obj
    if tag == "decimal":
        return Decimal(obj["v"])
    if tag == "date":
        return date.fromisoformat(obj["v"])
    return RECORDS[tag](*[tuple(v) if type(v) is list else v for v in obj["v"]])


def encode(fields: dict[str, tuple]) -> bytes:
    """Return the dataset *fields* (name → tuple of records) as JSON bytes."""
    return json.dumps({name: _plain(value) for name, value in fields.items()},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(payload: bytes) -> dict[str, tuple] | None:
    """Return the dataset fields of *payload*, or None if they are not what ``encode`` writes."""
    try:
        fields = json.loads(payload.decode("utf-8"), object_hook=_restore)
    except (ValueError, TypeError, KeyError, ArithmeticError, RecursionError):
        return None
    return {name: tuple(rows) for name, rows in fields.items()} if _are_tables(fields) else None


def _are_tables(fields) -> bool:
    """Return whether decoded *fields* map names to lists of the loader's records, as ``encode`` wrote."""
    records = tuple(RECORDS.values())
    return isinstance(fields, dict) and all(
        isinstance(rows, list) and all(isinstance(row, records) for row in rows) for rows in fields.values())


def read_cached(key: str) -> dict[str, tuple] | None:
    """Return the dataset fields cached under *key*, or None (absent, damaged or foreign)."""
    payload = read_entry(cache_folder() / f"{key}.dataset", key)
    return decode(payload) if payload is not None else None


def store(key: str, fields: dict[str, tuple]) -> None:
    """Keep the dataset *fields* under *key*; a cache that cannot be written is only a lost speed-up."""
    write_entry(cache_folder() / f"{key}.dataset", key, encode(fields))
