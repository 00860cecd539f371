"""Collect the figures one source gives an edition, with the inputs behind each computed one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from briefgen.domain.figure import Figure
from briefgen.domain.period import Period

ONE_DECIMAL = Decimal("0.1")
EXAMPLE_NOTE = "VÍ DỤ: số liệu giả định của biểu mẫu ví dụ, không phải số liệu thật"


def round_half_up(value: Decimal, step: Decimal = ONE_DECIMAL) -> Decimal:
    """Return *value* rounded half-up to *step* (``Decimal("0.1")``)."""
    return value.quantize(step, rounding=ROUND_HALF_UP)


@dataclass
class FigureBuilder:
    """Collects figures of one edition with the inputs behind each computed one."""

    year: int
    series: str
    example: bool
    kind: str = "form"
    figures: list[Figure] = field(default_factory=list)
    inputs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    partial: set[str] = field(default_factory=set)

    def add(self, period: Period, scope: str, indicator: str, value: Decimal, unit: str, *,
            source: str, quote: str, estimate: bool = False, subject: str | None = None,
            note: str | None = None, inputs: Sequence[str] = (),
            qualifiers: tuple[str, ...] = (), coverage: tuple[int, int] | None = None) -> Figure:
        """Return the new figure, kept with its inputs; a *note* marks it partial."""
        notes = [n for n in (EXAMPLE_NOTE if self.example else None, note) if n]
        caveat = "; ".join(notes)
        figure = Figure(self.year, self.series, period, scope, indicator, subject,
                        value, unit, estimate, "confirmed", source, quote,
                        caveat[:1].upper() + caveat[1:] + "." if caveat else None, source_kind=self.kind,
                        qualifiers=qualifiers, coverage=coverage)
        self.figures.append(figure)
        if note:
            self.partial.add(figure.id)
        if inputs:
            self.inputs[figure.id] = tuple(dict.fromkeys(inputs))
        return figure
