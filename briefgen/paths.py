"""Where briefgen finds its inputs and puts its outputs, resolved in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Workspace:
    """The four workspace folders; each can be overridden from the CLI or API."""

    data: Path = PROJECT_ROOT / "data"
    seeds: Path = PROJECT_ROOT / "seeds"
    templates: Path = PROJECT_ROOT / "templates"
    output: Path = PROJECT_ROOT / "output"

    def with_output(self, output: Path | str | None) -> "Workspace":
        """Return a copy whose output folder is *output* (unchanged when None)."""
        if output is None:
            return self
        return Workspace(self.data, self.seeds, self.templates, Path(output))


DEFAULT_WORKSPACE = Workspace()
