"""Stage 1: load the data tables from data/ and validate them."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from briefgen.domain.dataset import Dataset
from briefgen.errors import DataFileError
from briefgen.sources.tables.agenda import load_agenda
from briefgen.sources.tables.cache import dataset_key, read_cached, store
from briefgen.sources.tables.catalog import load_resolutions, load_targets, load_task_groups
from briefgen.sources.tables.editions import load_editions
from briefgen.sources.tables.figures import load_figures
from briefgen.sources.tables.provinces import load_mergers, load_provinces
from briefgen.sources.tables.sources import load_sources


def load_dataset(data_dir: Path, use_cache: bool = True) -> Dataset:
    """Return the validated contents of *data_dir* (from the content-keyed cache when unchanged)."""
    check_folder(data_dir)
    key = dataset_key(data_dir) if use_cache else None
    cached = _from_fields(read_cached(key), data_dir) if key else None
    if cached is not None:
        return cached
    dataset = read_dataset(data_dir)
    if key:
        store(key, {f.name: getattr(dataset, f.name) for f in fields(Dataset) if f.name != "data_dir"})
    return dataset


def _from_fields(values: dict | None, data_dir: Path) -> Dataset | None:
    """Return the Dataset of cached *values*, or None if they do not make one."""
    try:
        return Dataset(**values, data_dir=data_dir) if values is not None else None
    except TypeError:
        return None


def check_folder(data_dir: Path) -> None:
    """Raise ``DataFileError`` unless *data_dir* is an existing folder."""
    if not data_dir.exists():
        raise DataFileError(data_dir, "không tìm thấy thư mục dữ liệu", hint="kiểm tra --data-dir")
    if not data_dir.is_dir():
        raise DataFileError(data_dir, "là một tệp, cần thư mục dữ liệu chứa các bảng CSV",
                            hint="kiểm tra --data-dir")


def read_dataset(data_dir: Path) -> Dataset:
    """Return the validated contents of *data_dir*, read and checked file by file."""
    return Dataset(
        provinces=load_provinces(data_dir / "provinces.csv"),
        mergers=load_mergers(data_dir / "province_merger.csv"),
        editions=load_editions(data_dir / "editions.csv"),
        figures=load_figures(data_dir / "indicators.csv"),
        task_groups=load_task_groups(data_dir / "task_groups.csv"),
        resolutions=load_resolutions(data_dir / "resolutions.csv"),
        targets=load_targets(data_dir / "targets.csv"),
        data_dir=data_dir,
        sources=load_sources(data_dir / "sources.csv"),
        agenda=load_agenda(data_dir / "agenda.csv"),
    )


__all__ = ["check_folder", "load_dataset", "read_dataset"]
