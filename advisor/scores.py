"""Scores in words: which level of the one scale (strong, good, some, weak) a 0-1 score is.

The thresholds live in ``rules/score_scale.yaml`` so a policy officer can move them without
Python; the words live in the message catalog (``score.level.<id>``). The renderers put the
level and the percentage together through :mod:`advisor.report.fmt`.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from pathlib import Path

from pydantic import Field, field_validator

from advisor.errors import KnowledgeError
from advisor.knowledge.models import Ident
from advisor.knowledge.rules_models import RulesFile, Share
from advisor.model.base import Strict
from advisor.paths import RULES_DIR
from advisor.yamlio import YamlProblems, parse, read_text, validate

SCALE_FILE = "score_scale.yaml"


class Level(Strict):
    """One step of the scale: scores of at least ``at_least`` read as ``id``."""

    id: Ident
    at_least: Share


class ScoreScale(RulesFile):
    """Levels from the highest to the lowest; the last starts at 0 so every score has one."""

    levels: list[Level] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _ordered(cls, levels: list[Level]) -> list[Level]:
        bounds = [level.at_least for level in levels]
        if any(a <= b for a, b in pairwise(bounds)):
            raise ValueError("levels must go from the highest 'at_least' to the lowest")
        if bounds[-1] != 0:
            raise ValueError("the last level must start 'at_least: 0', so every score has one")
        if len({level.id for level in levels}) != len(levels):
            raise ValueError("level ids must be unique")
        return levels

    def level(self, score: float) -> str:
        """The id of the first level ``score`` reaches (``strong`` for 0.72)."""
        return next(lv.id for lv in self.levels if score >= lv.at_least)


def load_scale(path: Path) -> ScoreScale:
    """The scale in ``path``; raise :class:`KnowledgeError` with located problems."""
    try:
        return validate(ScoreScale, parse(read_text(path), str(path)))
    except YamlProblems as exc:
        raise KnowledgeError(exc.problems) from exc


@cache
def default_scale() -> ScoreScale:
    """The scale of the rules folder in use, read once per process."""
    return load_scale(RULES_DIR / SCALE_FILE)


def score_level(score: float) -> str:
    """``strong``, ``good``, ``some`` or ``weak`` (the ids of the default scale)."""
    return default_scale().level(score)
