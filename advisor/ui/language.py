"""Which language the pages speak, and the switcher on every page.

The address decides (``?lang=ja``), so a link or a bookmark opens in its language; without
it, the language the answers were last given in (a reopened draft), then the browser's own
language, then English. A choice in the switcher goes into the address and the answers.
The page's ``lang`` attribute follows, so screen readers and the browser's hyphenation and
line breaking use the right rules.
"""

from __future__ import annotations

import streamlit as st

from advisor.i18n import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, t

NAMES = {"en": "English", "ja": "日本語", "fr": "Français"}
"""Each language in its own name: a reader finds theirs whatever the page is in."""
PARAM = "lang"


def _supported(code: str | None) -> str | None:
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in INTERFACE_LANGUAGES else None


def from_browser() -> str | None:
    """The browser's language when the product speaks it (``ja-JP`` → ``ja``)."""
    try:
        return _supported(st.context.locale)
    except Exception:  # no browser behind the session (a script run)
        return None


def chosen(saved: str | None = None) -> str:
    """The address's language, else the saved answers', else the browser's, else English."""
    return (
        _supported(st.query_params.get(PARAM))
        or _supported(saved)
        or from_browser()
        or DEFAULT_LANGUAGE
    )


def keep_in_address(language: str) -> None:
    """Write the language into the address, so a reload or a shared link keeps it."""
    if st.query_params.get(PARAM) != language:
        st.query_params[PARAM] = language


def reopen_in_saved(saved: str | None, current: str) -> bool:
    """When reopened answers were given in another language and the address names none,
    put theirs in the address; True when the page must be drawn again in it."""
    wanted = _supported(saved)
    if PARAM in st.query_params or wanted is None or wanted == current:
        return False
    keep_in_address(wanted)
    return True


def switcher(current: str) -> str | None:
    """The language picker; the newly picked language, or None when unchanged."""
    picked = st.selectbox(
        t("ui.language"),
        INTERFACE_LANGUAGES,
        index=INTERFACE_LANGUAGES.index(current),
        format_func=NAMES.__getitem__,
        key="ui.language",
    )
    return picked if picked != current else None


_LANG_SCRIPT = """<script>
(() => { const doc = window.parent && window.parent.document ? window.parent.document : document;
doc.documentElement.lang = "__LANG__"; })();
</script>"""


def mark_page(language: str) -> None:
    """Set the page's ``lang`` attribute (the code comes from the fixed list, never from
    the address as typed)."""
    code = _supported(language) or DEFAULT_LANGUAGE
    st.html(_LANG_SCRIPT.replace("__LANG__", code), unsafe_allow_javascript=True)
