"""Numbers, dates, money, lists and country names follow the reader's language (CLDR
through Babel), with English written as a British council paper writes it."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.i18n import formats as f
from advisor.i18n import use_language

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("language", "number", "date", "listed", "japan"),
    [
        ("en", "29,000", "28 November 2026", "A, B and C", "Japan"),
        ("fr", f"29{NNBSP}000", "28 novembre 2026", "A, B et C", "Japon"),
        ("ja", "29,000", "2026年11月28日", "A、B、C", "日本"),
    ],
)
def test_each_language_writes_its_own_way(language, number, date, listed, japan):
    with use_language(language):
        assert f.number(29000) == number
        assert f.long_date(dt.date(2026, 11, 28)) == date
        assert f.join(["A", "B", "C"]) == listed
        assert f.country("jp") == japan


def test_money_drops_cents_only_for_whole_amounts():
    with use_language("fr"):
        assert f.money(3500, "EUR") == f"3{NNBSP}500{NBSP}€"
        assert f.money(3650.5, "EUR") == f"3{NNBSP}650,50{NBSP}€"
    with use_language("en"):
        assert f.money(3500, "EUR") == "€3,500"


def test_percent_and_plurals():
    with use_language("fr"):
        assert f.percent(0.8) == f"80{NBSP}%"
        assert f.plural_form(1) == "one" and f.plural_form(2) == "other"
    with use_language("ja"):
        assert f.plural_form(1) == "other"  # Japanese has no plural forms


def test_an_unknown_language_falls_back_to_english_forms():
    with use_language("xx"):
        assert f.number(1234) == "1,234"
    assert f.join([]) == ""
    assert f.country("QQ") is None


def test_messages_take_the_plural_form_of_their_count():
    with use_language("en"):
        assert f.plural("ws.dash.part_items", 1, part="History") == "History (1 item)"
        assert f.plural("ws.dash.part_items", 1200, part="History") == "History (1,200 items)"
    with use_language("fr"):
        assert f.plural("ws.dash.part_items", 0, part="Histoire") == "Histoire (0 élément)"
        assert f.plural("ws.dash.part_items", 2, part="Histoire") == "Histoire (2 éléments)"
    with use_language("ja"):
        assert f.plural("ws.dash.part_items", 1, part="歴史") == "歴史（1項目）"
