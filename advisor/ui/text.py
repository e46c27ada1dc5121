"""Showing user text safely inside Markdown."""

from __future__ import annotations

import re

from advisor.model.assessment import Municipality
from advisor.report.fmt import town_name

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so it shows as typed."""
    return _SPECIAL.sub(r"\\\1", text)


def town_md(town: Municipality) -> str:
    """The town's name for a page, with its local name beside it ('Hirado (平戸市)'), each
    escaped as typed: the results header, the workshop pages."""
    return town_name(town.name, town.local_name, md)
