"""Look figures up in the dataset; where one is missing, make the placeholder that asks for it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from briefgen.domain.figure import Figure
from briefgen.domain.indicators import INDICATORS, PROVINCES_COUNT, label_of
from briefgen.domain.period import Period
from briefgen.analyze.integrity import refusal_need
from briefgen.model import Placeholder, Slot


@dataclass
class SlotFinder:
    """Finds figures for one draft and remembers every placeholder it had to make."""

    figures: tuple[Figure, ...]
    series: str
    edition_year: int
    region_name: str
    region_count: int
    post_merger: bool = False
    placeholders: dict[str, Placeholder] = field(default_factory=dict)
    refused: tuple[tuple[Figure, str], ...] = ()   # figures their sources do not back, with why

    def _matches(self, figures, indicator: str, period: Period, scope: str, subject: str | None) -> list:
        return [f for f in figures
                if f.indicator == indicator and f.period == period
                and f.scope == scope and f.subject == subject
                and (scope != "region" or f.series == self.series)
                and f.edition_year <= self.edition_year]

    def find(self, indicator: str, period: Period, scope: str = "region",
             subject: str | None = None) -> Figure | None:
        """Return the best printable figure, preferring this edition's report, then the newest."""
        matches = [f for f in self._matches(self.figures, indicator, period, scope, subject) if f.printable]
        if not matches:
            return None
        return max(matches, key=lambda f: (f.edition_year == self.edition_year, f.edition_year))

    def _refusal(self, indicator: str, period: Period, scope: str, subject: str | None) -> str:
        """Return why the data's figure for this slot was refused ("" when there was none)."""
        refused = dict((f, reason) for f, reason in self.refused)
        matches = self._matches(refused, indicator, period, scope, subject)
        if not matches:
            return ""
        figure = max(matches, key=lambda f: (f.edition_year == self.edition_year, f.edition_year))
        return " " + refusal_need(figure, refused[figure])

    def slot(self, indicator: str, period: Period, scope: str = "region",
             subject: str | None = None, unit: str | None = None) -> Slot:
        """Return a slot: the figure if known, else a registered placeholder."""
        key = f"{indicator}{'/' + subject if subject else ''}@{scope}:{period.code}"
        figure = self.find(indicator, period, scope, subject)
        if figure:
            return Slot(key, figure=figure)
        placeholder = self._placeholder(key, indicator, period, scope, subject, unit)
        refusal = self._refusal(indicator, period, scope, subject)
        if refusal:
            placeholder = replace(placeholder, need=placeholder.need + refusal)
        self.placeholders[key] = placeholder
        return Slot(key, placeholder=placeholder)

    def _placeholder(self, key: str, indicator: str, period: Period, scope: str,
                     subject: str | None, unit: str | None) -> Placeholder:
        info = INDICATORS.get(indicator)
        unit = unit if unit is not None else (info.unit if info else "")
        where = {"region": self.region_name, "national": "cả nước"}.get(scope, scope)
        old_units = self.post_merger and period.year < 2025  # counted over the units of then
        if indicator == PROVINCES_COUNT:
            label = "[…]" if old_units else f"[…/{self.region_count}]"
        elif info and info.is_growth:
            label = "[tăng/giảm …%]"
        else:
            label = f"[… {unit}]".replace(" ]", "]")
        need = (f"Cần bổ sung: {label_of(indicator, subject)} của {where}, {period.label}"
                + (f" (đơn vị: {unit})" if unit and unit != "%" else "")
                + (", theo địa giới hành chính trước ngày 01/7/2025" if old_units else "") + ".")
        return Placeholder(key, label, need, period.label)

    def text_placeholder(self, key: str, label: str, need: str) -> Placeholder:
        """Register and return a placeholder for a non-numeric fact (a date, a name)."""
        placeholder = Placeholder(key, label, need)
        self.placeholders[key] = placeholder
        return placeholder
