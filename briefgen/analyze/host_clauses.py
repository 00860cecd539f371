"""What section I.3 says of the host, decided here; ``templates/findings/host/<kind>.j2`` phrases it.

The host's paragraph has optional clauses (formed by a merger, its size, editions it hosted
before) and then, at most once, its results: from its filled form (``host/form``) or, when the
data has no industry-and-trade figure of the host, a placeholder asking for them (``host/open``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.analyze.host import HostProfile
from briefgen.analyze.host_findings import HostClause
from briefgen.analyze.said import Finding, optional
from briefgen.domain.edition import EditionContext
from briefgen.domain.period import Period, describe_periods
from briefgen.model import Placeholder

if TYPE_CHECKING:
    from briefgen.analyze.provinces_table import HostPeriod, HostValue, ProvinceFindings

KINDS = ("host/form", "host/open")


@dataclass(frozen=True)
class HostSize:
    """The host's area and population and when they hold (``khi thành lập``, ``năm 2024``)."""

    when: str
    clauses: tuple[HostClause, ...]


@dataclass(frozen=True)
class HostedBefore:
    """An earlier edition the host (or a unit merged into it) hosted; *then*: that unit's name, if other."""

    ordinal: str
    year: int
    then: tuple


@dataclass(frozen=True)
class FormValue:
    """One value indicator of the host's form: its noun and the parts the form gives."""

    noun: str
    value: tuple
    growth: tuple
    share: tuple
    rank: tuple


@dataclass(frozen=True)
class FormPeriod:
    """One period of the host's form: the IIP clause (with its rank) and the value clauses."""

    period: Period
    iip: tuple
    iip_rank: tuple
    values: tuple[FormValue, ...]


@dataclass(frozen=True)
class HostSaid:
    """The optional clauses of section I.3 and the host's results, each a tuple of none or one."""

    formed: tuple
    size: tuple[HostSize, ...]
    hosted: tuple
    results: tuple


def _form_value(value: HostValue) -> FormValue:
    return FormValue(value.measure.noun, optional(value.value), optional(value.growth),
                     optional(value.share), optional(value.rank))


def _form_period(period: HostPeriod) -> FormPeriod:
    return FormPeriod(period.period, optional(period.iip), optional(period.iip_rank),
                      tuple(_form_value(v) for v in period.values))


def results_placeholder(host: HostProfile, edition: EditionContext) -> Placeholder:
    """Return the placeholder asking for the host's main results of the reporting periods."""
    return Placeholder("host-results", f"[kết quả chủ yếu của {host.title}]",
                       f"Cần bổ sung: kết quả sản xuất công nghiệp, thương mại của {host.title} "
                       f"{describe_periods(edition.periods)} (IIP, tổng mức bán lẻ, kim ngạch xuất khẩu).")


def host_results(host: HostProfile, edition: EditionContext, provinces: ProvinceFindings | None) -> tuple:
    """Return the host's results finding: from its form, a placeholder when the data lacks them, or none."""
    if provinces and provinces.host_periods:
        return (Finding("host/form", example=optional(provinces.example),
                        periods=tuple(_form_period(p) for p in provinces.host_periods)),)
    if host.needs_results:
        return (Finding("host/open", placeholder=results_placeholder(host, edition)),)
    return ()


def host_findings(host: HostProfile, edition: EditionContext, provinces: ProvinceFindings | None) -> HostSaid:
    """Return what section I.3 says of *host* beyond its name and sub-region."""
    size = host.size
    hosted = tuple(HostedBefore(e.ordinal, e.year, optional(e.host if e.host != host.name else None))
                   for e in host.hosted_before)
    return HostSaid(optional(host.formed_from), optional(size and HostSize(host.size_when, size)),
                    optional(hosted), host_results(host, edition, provinces))
