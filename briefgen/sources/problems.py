"""A problem found in a filled form: where it is (file › sheet!cell), what is wrong, how bad."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.bounds import escaped

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of the validation report; errors stop the build, warnings go into the draft."""

    where: str                 # "bieu-mau.xlsx › Số liệu!D7"
    message: str
    severity: str = ERROR
    kind: str = ""             # "missing" for a province without figures (the draft says so once)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def place(path: Path | str, sheet: str | None, ref: str | None = None) -> str:
    """Return ``bieu-mau.xlsx › Số liệu!D7`` (CSV: ``bieu-mau.csv › D7``)."""
    name = escaped(Path(path).name)
    sheet = None if sheet is None else escaped(sheet)
    if sheet is None:
        return f"{name} › {ref}" if ref else name
    return f"{name} › {sheet}!{ref}" if ref else f"{name} › {sheet}"


def errors_of(problems) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.is_error)


def warnings_of(problems) -> tuple[Problem, ...]:
    return tuple(p for p in problems if not p.is_error)
