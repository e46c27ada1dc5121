"""The message catalog: every key the code uses exists, and placeholders line up."""

from __future__ import annotations

import re
from pathlib import Path

from advisor.i18n import catalog, placeholders, t, use_language

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


def test_translations_keep_the_placeholders():
    english = catalog("en")
    for language in ("fr", "ja"):
        for key, text in catalog(language).items():
            assert key in english, (language, key)
            assert placeholders(text) == placeholders(english[key]), (language, key)


def test_unknown_language_falls_back_to_english():
    with use_language("xx"):
        assert t("value.none") == "none"


def test_missing_placeholder_value_stays_visible():
    assert t("network.fees") == "fees: {text}"
