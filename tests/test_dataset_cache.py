"""The validated dataset is cached by content: unchanged data is not parsed (nor pandas imported)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import DataFileError
from briefgen.sources.tables import load_dataset, read_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    return folder


def test_cached_dataset_equals_a_fresh_read(cache_dir):
    first = load_dataset(DATA)
    assert len(list((cache_dir / "datasets").glob("*.dataset"))) == 1
    assert load_dataset(DATA) == first == read_dataset(DATA)


def test_an_edit_invalidates_and_a_bad_file_is_never_cached(cache_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    load_dataset(data)
    path = data / "resolutions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2023-01-06", "06/01/2023"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"resolutions.csv, dòng 2, cột 'date'"):
        load_dataset(data)
    assert len(list((cache_dir / "datasets").glob("*.dataset"))) == 1


def test_a_warm_load_does_not_import_pandas(cache_dir):
    load_dataset(DATA)
    code = ("import sys; from pathlib import Path; from briefgen.sources.tables import load_dataset; "
            f"load_dataset(Path({str(DATA)!r})); print('pandas' in sys.modules)")
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(cache_dir)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
