"""Numbers, scores, dates and lists written the way a council paper writes them.

Every renderer shows the same strings, so formatting happens once, here, through the
message catalog (a translation may change the date order or the list separator).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Literal

from advisor.geo.countries import country_name
from advisor.geo.names import fold
from advisor.i18n import formats, t
from advisor.scores import score_level


def number(value: int | None) -> str:
    """``29,000``; an unknown number reads as such rather than as 0."""
    return t("value.unknown") if value is None else t("report.number", value=formats.number(value))


def percent(score: float) -> str:
    """A 0-1 score as a whole percentage (``80%``), which reads better than ``0.80``."""
    return formats.percent(score)


ScoreAbout = Literal["network", "partner", "case"]
"""What a score compares: a network's fit, a partner's fit, a reference case's similarity."""


def rating(score: float) -> str:
    """``strong (72%)``: the scale's word and the percentage, for a cell headed "Fit"."""
    return t("score.rating", level=t(f"score.level.{score_level(score)}"), percent=percent(score))


def scored(score: float, kind: str = "fit", about: ScoreAbout | None = None) -> str:
    """``strong fit (72%)`` or ``good similarity (55%)``: the one way every page, report and
    terminal view states a score, words first (a clerk reads those), number after. With
    ``about``, what the score compares follows (``strong fit (72%) — how well the network
    matches ...``): a percentage means nothing to a council until it knows of what."""
    level = t(f"score.level.{score_level(score)}")
    text = t(f"score.{kind}", level=level, percent=percent(score))
    return explained(text, about) if about else text


def explained(text: str, about: ScoreAbout) -> str:
    """``text — what the score compares``, for a score already in words."""
    return t("score.explained", score=text, about=score_about(about))


def score_about(about: ScoreAbout) -> str:
    """What a score of this kind compares, in one phrase (``how alike your ... are``)."""
    return t(f"score.about.{about}")


def score_note(label: str, about: ScoreAbout) -> str:
    """``Fit: how well ...``: the line under a table whose cells show bare ratings."""
    return t("score.note", label=label, about=score_about(about))


def long_date(day: dt.date) -> str:
    """``28 November 2026`` / ``28 novembre 2026`` / ``2026年11月28日`` (CLDR)."""
    return formats.long_date(day)


def join(items: Iterable[str]) -> str:
    """Labels in one line, joined as the reader's language joins a list (``a, b and c``);
    ``none`` when there are none, so a cell is never blank."""
    listed = [item for item in items if item]
    return formats.join(listed) if listed else t("value.none")


def join_sentences(items: Iterable[str]) -> str:
    """Sentences in one cell (``a; b``), where commas inside them would blur the breaks."""
    listed = [item for item in items if item]
    return t("report.separator.sentences").join(listed) if listed else t("value.none")


def place(name: str, country: str) -> str:
    """``Tainan, Taiwan``."""
    return t("report.place", name=name, country=country_name(country))


def _as_is(text: str) -> str:
    return text


def local_name_of(name: str, local_name: str) -> str:
    """The town's local name when it says more than its name: not empty, and not already
    in the name, whatever the case or accents ('Saint-Loup' beside 'Saint-Loup', '釜石市'
    beside 'Kamaishi 釜石市')."""
    local = local_name.strip()
    return local if local and fold(local) not in fold(name) else ""


def town_name(name: str, local_name: str = "", escape: Callable[[str], str] = _as_is) -> str:
    """``Hirado (平戸市)``: the town's name with its name in its own script beside it, or
    the name alone. Both are the clerk's text: ``escape`` (Markdown's, for a page) is
    applied to each, never to the catalog's brackets."""
    local = local_name_of(name, local_name)
    if not local:
        return escape(name)
    return t("town.named", name=escape(name), local=escape(local))


_BREAKS = re.compile(r"[ \t\r\n\f\v]+")
"""Spaces and line breaks, but not the no-break spaces French typography places."""


def one_line(text: str) -> str:
    """Free text with its line breaks folded, for table cells and list items (no-break
    spaces stay: 'Look Within\u00a0: ...' keeps its colon with the words before it)."""
    return _BREAKS.sub(" ", text).strip()


def shorten(text: str, limit: int = 240) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis past ``limit`` characters
    (the summary page quotes reasons; the full text is in the sections that follow)."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    space = head.rfind(" ")
    cut = head[:space] if space > limit // 2 else head
    return cut.rstrip(" ,;:(") + "…"
