"""Errors about uploaded files told with the names the user gave them, never with server paths.

Uploads are saved under server-made names (``uploads.save_uploads``); the library's errors
name those. ``with_user_names`` rewrites an error so the page and the API show
"Báo cáo Tuyên Quang.docx › II. … › đoạn 3", as the user knows the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.serve.errors import ServeError
from briefgen.sources.problems import Problem


class UploadError(ServeError):
    """A user error about uploaded files; ``problems`` name places in the user's own file names."""

    def __init__(self, message: str, problems: tuple[Problem, ...], hint: str | None = None, status: int = 400):
        super().__init__(message, status=status, hint=hint)
        self.problems = problems


def renamer(names: dict[Path, str]) -> Callable[[str], str]:
    """Return a function replacing every saved path (or its bare name) in a text by the user's name."""
    spelled = {str(path): name for path, name in names.items()}
    spelled.update({path.name: name for path, name in names.items()})
    if not spelled:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(key) for key in sorted(spelled, key=len, reverse=True)))
    return lambda text: pattern.sub(lambda match: spelled[match.group(0)], text)


def _split_place(text: str, names: set[str]) -> Problem:
    """Return ``"file: what"`` as a problem placed at *file* when it starts with a user's file name."""
    for name in names:
        if text.startswith(f"{name}: "):
            return Problem(name, text[len(name) + 2:])
    return Problem("", text)


def with_user_names(error: BriefgenError, names: dict[Path, str]) -> UploadError:
    """Return *error* as an ``UploadError`` whose message and problems use the user's file names."""
    rename = renamer(names)
    message = rename(str(error))
    problems = tuple(replace(p, where=rename(p.where), message=rename(p.message))
                     for p in getattr(error, "problems", ()))
    if not any(p.is_error for p in problems):
        problems += (_split_place(message, set(names.values())),)
    hint = rename(error.hint) if error.hint else None
    return UploadError(message, problems, hint)
