"""The message catalog: every key the code uses exists, and placeholders line up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.i18n import INTERFACE_LANGUAGES, catalog, languages, placeholders, t, use_language

ROOT = Path(__file__).resolve().parents[1]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def used_keys() -> set[str]:
    keys = set()
    for path in (ROOT / "advisor").rglob("*.py"):
        keys |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    if (ROOT / "app.py").exists():
        keys |= set(LITERAL_KEY.findall((ROOT / "app.py").read_text(encoding="utf-8")))
    return keys


def test_every_literal_key_is_in_the_english_catalog():
    missing = sorted(used_keys() - set(catalog("en")))
    assert not missing, missing


def test_dynamic_key_families_are_complete():
    english = catalog("en")
    for field in ("staff_time", "budget_band", "capacity_level"):
        from advisor.conditions.facts import FIELDS

        for value in FIELDS[field].scale:
            assert f"scale.{field}.{value}" in english
    for field, spec in __import__("advisor.conditions.facts", fromlist=["FIELDS"]).FIELDS.items():
        assert f"field.{field}" in english
        if spec.kind == "bool":
            assert {f"fact.{field}.yes", f"fact.{field}.no"} <= set(english)


@pytest.mark.parametrize("language", [code for code in INTERFACE_LANGUAGES if code != "en"])
def test_every_language_has_every_key_with_the_same_placeholders(language: str):
    english, translated = catalog("en"), catalog(language)
    assert translated, f"no catalog for {language}"
    assert sorted(set(english) - set(translated)) == [], "keys missing"
    assert sorted(set(translated) - set(english)) == [], "keys English does not have"
    differ = [k for k, text in translated.items() if placeholders(text) != placeholders(english[k])]
    assert differ == []


def test_the_interface_languages_are_the_catalogs():
    assert set(languages()) == set(INTERFACE_LANGUAGES) and languages()[0] == "en"


def test_unknown_language_falls_back_to_english():
    with use_language("xx"):
        assert t("value.none") == "none"


def test_missing_placeholder_value_stays_visible():
    assert t("network.fees") == "fees: {text}"
