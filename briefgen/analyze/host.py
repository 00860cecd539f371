"""Section I: the host province — what it was formed from, editions it hosted, its own figures."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.edition import Edition
from briefgen.domain.figure import Figure


@dataclass(frozen=True)
class HostProfile:
    name: str
    title: str                        # "tỉnh Tuyên Quang"
    subregion: str
    formed_from: tuple[str, ...]      # old units merged into it, with kind ("tỉnh Hà Giang")
    merger_source: str | None
    hosted_before: tuple[Edition, ...]
    figures: tuple[Figure, ...]       # the host's own figures for this edition's periods


def build_host_profile(dataset: Dataset, edition: EditionContext) -> HostProfile:
    """Return what the data knows of the host for this edition."""
    host = edition.host
    mergers = [m for m in dataset.mergers if m.new == host.name and host.valid_from
               and m.effective == host.valid_from]
    names = {host.name, *(m.old for m in mergers)}
    hosted = tuple(e for e in dataset.editions if e.host in names and e.year < edition.year
                   and e.host_status == "confirmed")
    figures = tuple(f for f in dataset.figures if f.scope in names and f.printable
                    and f.edition_year == edition.year and f.period in edition.periods)
    old_titles = tuple(sorted(p.title for p in dataset.provinces
                              if p.name in {m.old for m in mergers} and p.valid_to))
    return HostProfile(host.name, host.title, host.subregion, old_titles,
                       mergers[0].source if mergers else None, hosted, figures)
