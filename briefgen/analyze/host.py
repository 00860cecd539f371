"""Section I: the host province — what it was formed from, editions it hosted, its own figures.

Only figures whose scope is the host itself come into its section: a figure of the region,
of the country or of another province (a unit merged into the host included) never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefgen.analyze.host_findings import (SIZE, HostClause, HostPeriodFindings, find_host_periods,
                                            has_sector_results, noun_of, size_figure, within)
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
    figures: tuple[Figure, ...]       # the host's own figures (scope = the host) for this edition's periods
    kind: str = "tỉnh"                # "tỉnh" or "thành phố": how later clauses name it
    founded: date | None = None       # the day a merged host came into being

    @property
    def periods(self) -> tuple[HostPeriodFindings, ...]:
        """Return what the section says of the host's results, period by period."""
        return find_host_periods(self.figures)

    @property
    def size(self) -> tuple[HostClause, ...]:
        """Return the host's area and population, those the data has, as value clauses."""
        return tuple(HostClause(f.indicator, noun_of(f), f, None, None, "")
                     for key in SIZE if (f := size_figure(self.figures, key)))

    @property
    def size_when(self) -> str:
        """Return when the size figures hold: "khi thành lập" for a unit formed that month."""
        size = self.size
        if not size:
            return ""
        period = size[0].value.period
        founded = self.founded
        return "khi thành lập" if founded and (period.year, period.month) == (founded.year, founded.month) \
            else period.label

    @property
    def needs_results(self) -> bool:
        """Return whether the data lacks the host's industry-and-trade results (a placeholder asks)."""
        return not has_sector_results(self.periods)


def build_host_profile(dataset: Dataset, edition: EditionContext) -> HostProfile:
    """Return what the data knows of the host for this edition."""
    host = edition.host
    mergers = [m for m in dataset.mergers if m.new == host.name and host.valid_from
               and m.effective == host.valid_from]
    names = {host.name, *(m.old for m in mergers)}
    hosted = tuple(e for e in dataset.editions if e.host in names and e.year < edition.year
                   and e.host_status == "confirmed")
    figures = tuple(f for f in dataset.figures if f.scope == host.name and f.printable
                    and f.edition_year == edition.year and within(f.period, edition.periods))
    old_titles = tuple(sorted(p.title for p in dataset.provinces
                              if p.name in {m.old for m in mergers} and p.valid_to))
    return HostProfile(host.name, host.title, host.subregion, old_titles,
                       mergers[0].source if mergers else None, hosted, figures, host.kind,
                       host.valid_from if mergers else None)
