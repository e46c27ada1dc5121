"""Place-name keys that ignore case, accents and punctuation ('Vaux-sur-Aure' = 'vaux sur aure')."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_WORD.sub(" ", ascii_only).strip()


def place_key(name: str, country: str) -> tuple[str, str]:
    return fold(name), country.upper()
