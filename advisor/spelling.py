"""'Did you mean ...?' for misspelled keys, ids and codes.

Named for what it corrects (spelling), so it is not mistaken for
:mod:`advisor.partners.suggest`, which ranks partner towns.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def closest(
    word: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """The choice ``word`` most likely stands for, or None when nothing is close.

    ``aliases`` maps other spellings (labels, synonyms, ISO3 codes) to a choice, so that
    'missionary' can suggest the theme id 'missionary_faith'.
    """
    folded = word.strip().casefold()
    options = list(choices)
    by_fold = {c.casefold(): c for c in options}
    if folded in by_fold:
        return by_fold[folded]
    alias_fold = {k.casefold(): v for k, v in (aliases or {}).items()}
    if folded in alias_fold:
        return alias_fold[folded]
    pool = {**by_fold, **alias_fold}
    hits = difflib.get_close_matches(folded, list(pool), n=1, cutoff=0.6)
    if hits:
        return pool[hits[0]]
    prefixed = [c for c in options if c.casefold().startswith(folded) and len(folded) >= 3]
    return prefixed[0] if len(prefixed) == 1 else None
