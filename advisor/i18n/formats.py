"""Numbers, dates, money, lists and country names in the reader's language, from the
Unicode CLDR through Babel: 29,000 / 29 000 / 29,000; "A, B and C" / "A, B et C" /
"A、B、C"; Japan / Japon / 日本. Nothing in the product formats these by hand, so a new
language needs a catalog and no code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from advisor.i18n import DEFAULT_LANGUAGE, catalog, current_language, t

ListStyle = Literal["standard", "or", "unit"]
"""'A, B and C' (standard), 'A, B or C' (or), 'A, B, C' (unit)."""

CLDR_LOCALE = {"en": "en_GB"}
"""English is written as in a British council paper: 28 November 2026, 'A, B and C'."""


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(CLDR_LOCALE.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LANGUAGE)


def locale() -> Locale:
    """The CLDR locale of the current language (English when Babel does not know it)."""
    return _locale(current_language())


def number(value: float) -> str:
    """A count or an amount with the language's grouping: 29,000 / 29 000."""
    return format_decimal(value, locale=locale())


def percent(share: float) -> str:
    """A 0-1 share as a whole percentage: 80% / 80 % / 80%."""
    return format_percent(round(share, 2), locale=locale())


def money(amount: float, currency: str) -> str:
    """An amount in a currency, without cents for whole amounts: €3,500 / 3 500 € ."""
    whole = float(amount).is_integer()
    pattern = locale().currency_formats["standard"].pattern
    if whole:
        pattern = pattern.replace(".00", "").replace(",00", "")
    return format_currency(
        amount, currency, format=pattern, currency_digits=not whole, locale=locale()
    )


def long_date(day: dt.date) -> str:
    """28 November 2026 / 28 novembre 2026 / 2026年11月28日."""
    return format_date(day, format="long", locale=locale())


def join(items: Iterable[str], style: ListStyle = "standard") -> str:
    """A, B and C / A, B et C / A、B、C (``style="unit"`` lists without 'and')."""
    listed = [item for item in items if item]
    return format_list(listed, style=style, locale=locale()) if listed else ""


def country(code: str) -> str | None:
    """The CLDR name of a country code in the current language, or None when unknown."""
    return locale().territories.get(code.upper())


def plural(key: str, count: int, **params: object) -> str:
    """The message ``key`` in the plural form ``count`` takes in the current language
    (``key.one``, ``key.other``, ...: French counts 0 as one, Japanese has one form),
    with ``count`` written as the language writes numbers."""
    form = f"{key}.{plural_form(count)}"
    chosen = (
        form if form in catalog(current_language()) or form in catalog("en") else f"{key}.other"
    )
    return t(chosen, count=number(count), **params)


def plural_form(count: float) -> str:
    """The CLDR plural category of ``count`` in the current language: 'one', 'other' ..."""
    return str(locale().plural_form(count))
