"""Errors that carry data, so every caller can say which file, line and field went wrong.

The CLI prints them as ``file:line:column: field: message (did you mean ...?)``; the wizard
shows the same problems next to the widget they concern. Nothing here formats for one
audience only: a problem keeps its parts, and ``str()`` joins them.

The message is a catalog key and its values (advisor/i18n/*/errors.yaml), rendered when the
problem is *shown*, not when it is made: ``str(problem)`` speaks the language current at
that moment. A problem is made once and may be shown later in another language (the
wizard keeps an upload's problems while the reader switches the page's language; the CLI
prints them after the command ran), and one ``ValidationError`` can be shown to readers
of different languages; rendering at creation would freeze the first one. So the location
(``file:line:column: field:``) is data, and only the sentence goes through :func:`t`.
The values may themselves be language-dependent (:class:`Phrase`, :class:`Count`,
:class:`Choices`): they render at the same moment. ``message`` keeps the English text, for
logs and for code that has no catalog key (pydantic's own text for an error the catalog
does not know, or a message from code not yet translated).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any, Literal

from advisor.i18n import DEFAULT_LANGUAGE, catalog, t, use_language
from advisor.i18n.formats import join, number

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


Params = tuple[tuple[str, Any], ...]
"""A message's placeholder values, as pairs (a problem is frozen)."""


def known_key(key: str | None) -> bool:
    """True when ``key`` is in the English catalog (so every language has it, tested)."""
    return key is not None and key in catalog(DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Phrase:
    """A catalog message that renders when it is turned into text, in the language current
    then: a value inside another message ("unknown {label} 'x'" with the label 'theme'),
    or a part of a PyYAML error. Without the key in the catalog, ``default`` is shown."""

    key: str
    params: Params = ()
    default: str | None = None

    def __str__(self) -> str:
        if not known_key(self.key):
            return self.default if self.default is not None else self.key
        return t(self.key, **dict(self.params))


@dataclass(frozen=True)
class Count:
    """A number in a message, grouped as the reader's language does: 5,001 / 5 001."""

    value: int

    def __str__(self) -> str:
        return number(self.value)


@dataclass(frozen=True)
class Choices:
    """Allowed values, each quoted and joined with 'or' as the reader's language does:
    'a', 'b' or 'c' / 「a」、「b」、または「c」 / « a », « b » ou « c »."""

    values: tuple[str, ...]

    def __str__(self) -> str:
        return join((t("error.quoted", value=v) for v in self.values), style="or")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, with where it is and how to fix it.

    ``key`` and ``params`` say what went wrong (a catalog key and its values), rendered by
    :attr:`text` in the current language; ``message`` is the same in English (or the only
    text, for a problem made without a key). Make keyed problems with :meth:`of`.
    """

    kind: ProblemKind
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    suggestion: str | None = None
    key: str | None = None
    params: Params = dataclass_field(default=(), hash=False)

    @classmethod
    def of(
        cls,
        kind: ProblemKind,
        key: str,
        params: Mapping[str, Any] | None = None,
        *,
        default: str | None = None,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        suggestion: str | None = None,
    ) -> Problem:
        """The problem of catalog message ``key``; ``default`` is the English text when the
        catalog lacks the key (pydantic's own message for an error type it does not list)."""
        values: Params = tuple((params or {}).items())
        if not known_key(key):
            text = default if default is not None else key
            return cls(kind, text, file, line, column, field, suggestion)
        with use_language(DEFAULT_LANGUAGE):
            message = t(key, **dict(values))
        return cls(kind, message, file, line, column, field, suggestion, key, values)

    @property
    def text(self) -> str:
        """The message (without place or suggestion) in the current language."""
        if not known_key(self.key):
            return self.message
        return t(self.key or "", **dict(self.params))

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        parts = [p for p in (place, self.field) if p]
        text = self.text
        if self.suggestion:
            text = t("error.with_suggestion", message=text, suggestion=self.suggestion)
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
