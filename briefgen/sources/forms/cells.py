"""One cell of a filled form as read, before any interpretation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawCell:
    """One cell as typed: its reference and raw value (str, number, bool, date or None)."""

    ref: str
    value: object
    percent: bool = False      # the cell is formatted as a percentage (0.123 shown as 12,3%)
    problem: str | None = None  # why the value cannot be read (a formula briefgen cannot compute)

    @property
    def empty(self) -> bool:
        """Return whether nothing was typed (a cell with a problem is never empty: it is reported)."""
        if self.problem:
            return False
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())
