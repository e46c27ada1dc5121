"""Errors that carry data, so every caller can say which file, line and field went wrong.

The CLI prints them as ``file:line:column: field: message (did you mean ...?)``; the wizard
shows the same problems next to the widget they concern. Nothing here formats for one
audience only: a problem keeps its parts, and ``str()`` joins them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control characters, odd line breaks and bidi overrides: shown as escapes, so a key or value
echoed from a hostile file can neither break "one line per problem" nor drive a terminal."""


def printable(text: str) -> str:
    """``text`` with every character of :data:`_UNPRINTABLE` written as ``\\xNN``/``\\uNNNN``."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


ProblemKind = Literal[
    "syntax",
    "too_large",
    "too_deep",
    "alias",
    "duplicate_key",
    "duplicate_id",
    "id_mismatch",
    "invalid",
    "unknown_reference",
    "not_found",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, with where it is and how to fix it."""

    kind: ProblemKind
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        parts = [p for p in (place, self.field) if p]
        text = self.message
        if self.suggestion:
            text += f" (did you mean '{self.suggestion}'?)"
        return printable(": ".join([*parts, text]))

    def in_file(self, file: str) -> Problem:
        """The same problem, attributed to ``file`` when it has no file yet."""
        return self if self.file else replace(self, file=file)


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose; it always carries problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(AdvisorError):
    """An answers file (or uploaded answers) cannot be read as an assessment."""


class KnowledgeError(AdvisorError):
    """The rules or data folders hold something the advisor cannot load."""


class StoreError(AdvisorError):
    """The answers store cannot be reached or is set up wrongly."""
