"""Place-name keys that ignore case, accents and punctuation, in any script.

'Vaux-sur-Aure', 'VAUX SUR AURE' and 'vaux sur aure' give one key; 'Łódź' and 'Lodz' too;
'平戸市' keeps its characters, so Japanese names match Japanese input.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+")
_LATIN_EXTRA = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
        "ŧ": "t",
    }
)


def fold(text: str) -> str:
    """Lower-case letters and digits without accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.translate(_LATIN_EXTRA)).strip()


def place_key(name: str, country: str) -> tuple[str, str]:
    """Identity of a place typed by a person: folded name and upper-case country code."""
    return fold(name), country.upper()
