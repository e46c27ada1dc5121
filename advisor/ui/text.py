"""Showing user text safely inside Markdown."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so it shows as typed."""
    return _SPECIAL.sub(r"\\\1", text)
