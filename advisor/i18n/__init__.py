"""One translation function for every sentence the product shows.

Catalogs are flat YAML files in ``<language>/`` beside this module (one file per part of
the product: core, wizard, report), mapping message keys to texts with ``{named}``
placeholders. English is complete; another language may translate any subset, and missing
keys fall back to English. The wizard, the reports and the reasons the engine writes all
go through :func:`t`.
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import yaml

DEFAULT_LANGUAGE = "en"
InterfaceLanguage = Literal["en", "ja", "fr"]
"""The languages the product is written in; each has a complete catalog (tested)."""
INTERFACE_LANGUAGES: tuple[str, ...] = get_args(InterfaceLanguage)
_CATALOG_DIR = Path(__file__).parent
_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)


@cache
def catalog(language: str) -> dict[str, str]:
    """The messages of ``language``, from every file of its folder (empty when none)."""
    messages: dict[str, str] = {}
    for path in sorted((_CATALOG_DIR / language).glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
        duplicated = set(messages) & set(data)
        if duplicated:
            raise ValueError(f"{path}: keys already defined in another file: {sorted(duplicated)}")
        messages.update({str(k): str(v) for k, v in data.items()})
    return messages


def languages() -> list[str]:
    """Languages with a catalog, English first."""
    found = sorted(p.name for p in _CATALOG_DIR.iterdir() if p.is_dir() and any(p.glob("*.yaml")))
    return sorted(found, key=lambda code: code != DEFAULT_LANGUAGE)


def current_language() -> str:
    return _language.get()


@contextlib.contextmanager
def use_language(language: str) -> Iterator[None]:
    """Render the enclosed calls in ``language``."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


class _Keep(dict[str, object]):
    """Leaves unknown placeholders visible instead of failing on a translator's typo."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with its ``{named}`` placeholders replaced from ``values``; a name
    without a value stays visible as ``{name}``. The one filler of the product: catalog
    messages (:func:`t`) and the plan's rule texts (:mod:`advisor.plan`) both use it."""
    try:
        return template.format_map(_Keep(values))  # the C formatter: t() runs thousands of times
    except (ValueError, IndexError, AttributeError, KeyError):
        return string.Formatter().vformat(template, (), _Keep(values))


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, placeholders filled from ``params``."""
    text = catalog(current_language()).get(key) or catalog(DEFAULT_LANGUAGE).get(key)
    if text is None:
        return key
    return fill(text, params)


class Localized(str):
    """A text of the knowledge or the rules with its translations: it *is* its English text
    (so code that does not translate still reads a sentence), and :func:`tr` gives it in
    the current language. Written in YAML as ``{en: ..., ja: ..., fr: ...}``."""

    translations: dict[str, str]

    def __new__(cls, english: str, translations: dict[str, str]) -> Localized:
        text = super().__new__(cls, english)
        text.translations = dict(translations)
        return text

    def __getnewargs__(self) -> tuple[str, dict[str, str]]:  # type: ignore[override]  # str's takes none: the translations must survive pickling
        return (str(self), self.translations)


def tr(text: str) -> str:
    """``text`` in the current language: a :class:`Localized` text's translation when it
    has one (English otherwise), any other text as it is."""
    if isinstance(text, Localized):
        return text.translations.get(current_language()) or str(text)
    return text


def placeholders(text: str) -> set[str]:
    """Names used as ``{name}`` in ``text`` (for catalog checks)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
