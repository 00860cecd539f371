"""What every "what is said" module shares: a sentence of one kind, and a clause the data may lack."""

from __future__ import annotations

from typing import Any


def optional(value: Any) -> tuple:
    """Return ``(value,)`` when the data has *value*, else ``()``: a clause said at most once.

    A template loops over the result, so it phrases the clause without asking "if".
    """
    return (value,) if value else ()


class Finding:
    """One sentence of the draft: its *kind* (the template that phrases it) and its values."""

    __slots__ = ("kind", "values")

    def __init__(self, kind: str, **values: Any):
        self.kind, self.values = kind, values

    def __getattr__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, "values")[name]
        except KeyError:
            raise AttributeError(name) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and (self.kind, self.values) == (other.kind, other.values)

    def __repr__(self) -> str:
        return f"Finding({self.kind!r}, {self.values!r})"
