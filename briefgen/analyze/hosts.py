"""Find the host province by a name typed any way ("tuyen quang", "TP Hà Nội")."""

from __future__ import annotations

import difflib
from datetime import date, timedelta

from briefgen.bounds import shown
from briefgen.dates import fmt_date_short
from briefgen.domain.dataset import Dataset
from briefgen.domain.province import Province
from briefgen.domain.province import fold
from briefgen.errors import HostNotInYearError, UnknownHostError

_PREFIXES = ("thanh pho ", "tp. ", "tp ", "tinh ")


def _key(name: str) -> str:
    folded = fold(name)
    for prefix in _PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):].strip()
    return folded


def _names_of(province: Province) -> set[str]:
    return {_key(province.name), *(_key(alias) for alias in province.aliases)}


def provinces_on(dataset: Dataset, day: date) -> tuple[Province, ...]:
    """Return the units that existed on *day*."""
    return tuple(p for p in dataset.provinces if p.exists_on(day))


def find_host(dataset: Dataset, name: str, day: date, exact: bool = True) -> Province:
    """Return the province called *name* on *day*, or raise with the closest valid names.

    *exact* is False when *day* only stands for the year (no conference date known).
    """
    wanted = _key(name)
    current = provinces_on(dataset, day)
    for province in current:
        if wanted in _names_of(province):
            return province
    former = [p for p in dataset.provinces if wanted in _names_of(p)]
    if former:
        raise _not_in_year(dataset, former[-1], day, exact)
    raise _unknown(name, current)


def _when(day: date, exact: bool) -> str:
    return f"ngày {fmt_date_short(day)}" if exact else f"năm {day.year}"


def _not_in_year(dataset: Dataset, province: Province, day: date, exact: bool) -> HostNotInYearError:
    if province.valid_to and day > province.valid_to:
        mergers = [m for m in dataset.mergers if m.old == province.name]
        successor = ", ".join(sorted({m.new for m in mergers})) or "không rõ"
        source = f" theo {mergers[0].source}" if mergers else ""
        return HostNotInYearError(
            f"{province.title} không còn là đơn vị hành chính cấp tỉnh vào {_when(day, exact)}: "
            f"từ ngày {fmt_date_short(province.valid_to + timedelta(days=1))} đã hợp nhất vào "
            f"{successor}{source}.",
            hint=f"dùng đơn vị kế thừa: --host \"{successor}\"")
    return HostNotInYearError(f"{province.title} chưa tồn tại vào {_when(day, exact)}.")


def _unknown(name: str, current: tuple[Province, ...]) -> UnknownHostError:
    by_key = {_key(p.name): p.name for p in current}
    close = difflib.get_close_matches(_key(name), list(by_key), n=3, cutoff=0.5)
    suggestions = [by_key[k] for k in close] or sorted(by_key.values())
    return UnknownHostError(f"không có tỉnh, thành phố nào tên '{shown(name)}'.",
                            hint="có phải: " + ", ".join(suggestions) + "?")
