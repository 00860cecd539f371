"""The dataset: everything briefgen knows, as plain records (whichever source filled it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.domain.catalog import AgendaItem, Resolution, Source, Target, TaskGroup
from briefgen.domain.edition import Edition
from briefgen.domain.figure import Figure
from briefgen.domain.province import Merger, Province


@dataclass(frozen=True)
class Dataset:
    """Everything briefgen knows, as loaded from one data folder."""

    provinces: tuple[Province, ...]
    mergers: tuple[Merger, ...]
    editions: tuple[Edition, ...]
    figures: tuple[Figure, ...]
    task_groups: tuple[TaskGroup, ...]
    resolutions: tuple[Resolution, ...]
    targets: tuple[Target, ...]
    data_dir: Path
    sources: tuple[Source, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()     # data/agenda.csv: year-specific tasks
