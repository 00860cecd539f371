"""One merge step: figures from forms, edited drafts and reports join the dataset by one rule.

When two sources give the same figure (same id), the higher kind wins:

    form  >  edited draft  >  data/ (the curated tables)  >  report

A figure a form gives but may not stand for the record — every figure of an example form
(invented numbers), a regional total not every province reported — is *held back*: it
ranks just below data/, so the record stays. Among figures of the same kind, the one met
first wins. No conflict is resolved silently: each becomes a warning naming both sources
and where each was read. Two sources that agree on value and unit are no conflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefgen.domain.dataset import Dataset
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import label_of
from briefgen.numbers import fmt_quantity
from briefgen.sources.problems import WARNING, Problem

RANK = {"report": 0, "csv": 2, "draft": 3, "form": 4}
HELD_BACK = 1                      # below data/, above a report
EXAMPLE, PARTIAL = "example", "partial"   # why a figure is held back


@dataclass(frozen=True)
class MergeResult:
    """The dataset with the incoming figures that won, and a warning for every conflict."""

    dataset: Dataset
    warnings: tuple[Problem, ...]
    dropped: frozenset[str]        # ids of incoming figures that lost to the record


@dataclass(frozen=True)
class _Sides:
    """How to name the sources of one merge: the data table, and the words for some incoming figures."""

    table: str
    said: Mapping[Figure, str]
    held_back: Mapping[str, str]

    def rank(self, figure: Figure, incoming: bool) -> int:
        return HELD_BACK if incoming and figure.id in self.held_back else RANK.get(figure.source_kind, 0)

    def place(self, figure: Figure) -> str:
        """Return where *figure* was read: ``data/indicators.csv, dòng 12``, a cell, a report's paragraph."""
        return f"{self.table}, dòng {figure.line}" if figure.source_kind == "csv" else figure.source

    def who(self, figure: Figure) -> str:
        """Return the source of *figure* in words, with where it was read."""
        if figure in self.said:
            return self.said[figure]
        if figure.source_kind == "csv":
            where = f", {self.table}, dòng {figure.line}" if figure.line else ""
            return f"dữ liệu có sẵn: {figure.source}{where}"
        return {"form": "biểu mẫu", "draft": "dự thảo đã sửa", "report": "báo cáo"}.get(
            figure.source_kind, figure.source_kind) + f" ({figure.source})"


def merge(base: Dataset, incoming: Sequence[Figure], *, held_back: Mapping[str, str] | None = None,
          said: Mapping[Figure, str] | None = None) -> MergeResult:
    """Return *base* with *incoming* merged by the one precedence rule, and the conflicts as warnings.

    *held_back* maps an incoming figure id to why it yields to the record (EXAMPLE, PARTIAL);
    *said* maps an incoming figure to its source in words (a report's issuer and place).
    The result keeps *base*'s figures that were not replaced, then the incoming winners in order.
    """
    sides = _Sides(f"{base.data_dir.name}/indicators.csv", said or {}, held_back or {})
    warnings: list[Problem] = []
    winners = _one_of_each(sides, incoming, warnings)
    replaced, dropped = set(), set()
    for old in (f for f in base.figures if f.id in winners):
        new = winners[old.id]
        if sides.rank(new, True) > sides.rank(old, False):
            replaced.add(old.id)
            if _differ(old, new):
                warnings.append(Problem(sides.place(old), _replaced(sides, old, new), WARNING))
        else:
            dropped.add(new.id)
            if _differ(old, new):
                warnings.append(_kept(sides, old, new))
    kept = tuple(f for f in base.figures if f.id not in replaced)
    added = tuple(f for f in winners.values() if f.id not in dropped)
    return MergeResult(replace(base, figures=kept + added), tuple(warnings), frozenset(dropped))


def _one_of_each(sides: _Sides, incoming: Sequence[Figure], warnings: list[Problem]) -> dict[str, Figure]:
    """Return id → the incoming figure that wins among those with that id (higher kind, else first met)."""
    winners: dict[str, Figure] = {}
    for new in incoming:
        first = winners.get(new.id)
        if first is None:
            winners[new.id] = new
        elif sides.rank(new, True) > sides.rank(first, True):
            winners[new.id] = new
            if _differ(first, new):
                warnings.append(Problem(sides.place(first), _replaced(sides, first, new), WARNING))
        elif _differ(first, new):
            warnings.append(_kept_first(sides, first, new))
    return winners


def _differ(one: Figure, other: Figure) -> bool:
    return (one.value, one.unit) != (other.value, other.unit)


def _what(figure: Figure) -> str:
    where = {"region": "khu vực", "national": "cả nước"}.get(figure.scope, figure.scope)
    return f"{label_of(figure.indicator, figure.subject)} của {where}, {figure.period.label}"


def _replaced(sides: _Sides, old: Figure, new: Figure) -> str:
    before = "dữ liệu có sẵn" if old.source_kind == "csv" else sides.who(old)
    return (f"{_what(old)}: {fmt_quantity(old.value, old.unit)} ({before}) được thay bằng "
            f"{fmt_quantity(new.value, new.unit)} từ {sides.who(new)}")


def _kept(sides: _Sides, old: Figure, new: Figure) -> Problem:
    """Return the warning for an incoming figure that yields to the one on record."""
    reason = sides.held_back.get(new.id)
    if reason is None:
        return _kept_first(sides, old, new)
    message = (f"{_what(old)}: giữ {fmt_quantity(old.value, old.unit)} (dữ liệu có sẵn); số "
               + (f"{fmt_quantity(new.value, new.unit)} của biểu mẫu ví dụ ({new.source}) là số giả định"
                  if reason == EXAMPLE else
                  f"tổng hợp từ biểu mẫu ({fmt_quantity(new.value, new.unit)}, {new.source}) chưa đủ các "
                  f"tỉnh, thành phố"))
    return Problem(sides.place(old), message, WARNING)


def _kept_first(sides: _Sides, old: Figure, new: Figure) -> Problem:
    """Return the warning for a figure dropped because *old* (on record or met first) stands."""
    return Problem(sides.place(new), (
        f"{sides.who(new)} ghi {fmt_quantity(new.value, new.unit)} cho {_what(new)}, khác "
        f"{fmt_quantity(old.value, old.unit)} ({sides.who(old)}); giữ số đã có, cần kiểm tra"), WARNING)
