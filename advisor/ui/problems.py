"""Problems from a file the user sent, shown inside the app's Markdown without giving the
file any say in how they render.

A problem echoes what the file holds (a key, a value, the file's own name), so each one is
escaped whole: no link, image, code span, HTML or emoji short code a hostile file writes
comes to life in the app's own error box, and the browser fetches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.errors import Problem
from advisor.i18n import t
from advisor.ui.text import md

SHOWN = 8
"""Problems listed in the app; the rest are counted (the CLI prints every one)."""


def inert(text: str) -> str:
    """``text`` escaped for Markdown, with ``:``, ``&`` and ``@`` escaped too, so a URL, an
    email address, an HTML entity or an emoji short code stays plain text."""
    return md(text).replace(":", "\\:").replace("&", "\\&").replace("@", "\\@")


def problems_markdown(intro: str, problems: Sequence[Problem], shown: int = SHOWN) -> str:
    """``intro`` (already safe) and a bullet per problem, escaped; beyond ``shown``, a count."""
    lines = [f"- {inert(str(p))}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"- {t('safety.more_problems', count=len(problems) - shown)}")
    return intro + "\n\n" + "\n".join(lines)
