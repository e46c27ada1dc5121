"""What to do first: the three first steps and the strongest leads, chosen once.

The report's summary page and the top of the results page show the same picks, so they
are chosen here and nowhere else: the plan's first-three-months steps in the plan's own
order (best first), then the best-fitting network, the most promising partner and the
closest reference case, each with its main reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from advisor.model.result import HORIZONS, Horizon, PlanItem, Result
from advisor.report.fmt import join_sentences, one_line, shorten

FIRST_STEPS = 3
FIRST_HORIZON: Horizon = HORIZONS[0]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])")


@dataclass(frozen=True)
class FirstStep:
    """One of the first steps, with who does it, why it matters and why it applies here."""

    id: str
    title: str
    who: str
    why: str
    because: str


@dataclass(frozen=True)
class Lead:
    """The best network, partner or reference case, and the reason it leads."""

    kind: Literal["network", "partner", "case"]
    name: str
    country: str | None
    score: float
    why: str


@dataclass(frozen=True)
class Headline:
    steps: tuple[FirstStep, ...]
    leads: tuple[Lead, ...]


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` on one line (the plan's "why" opens with its point)."""
    flat = one_line(text)
    return _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else ""


def first_steps(result: Result) -> tuple[FirstStep, ...]:
    """Up to three steps of the first three months, best first as the plan orders them."""
    items = [s for s in result.plan if s.horizon == FIRST_HORIZON][:FIRST_STEPS]
    return tuple(_step(item) for item in items)


def _step(item: PlanItem) -> FirstStep:
    return FirstStep(
        id=item.id,
        title=item.title,
        who=one_line(item.who),
        why=shorten(first_sentence(item.why)),
        because=_clause(join_sentences(item.reasons)),
    )


def _clause(text: str) -> str:
    """A reason as a clause to quote after "Because:": shortened, without its full stop."""
    return shorten(text).rstrip(" .")


def leads(result: Result) -> tuple[Lead, ...]:
    """Best network, best partner, closest case: each only when there is one."""
    found: list[Lead] = []
    if result.networks:
        n = result.networks[0]
        # a network's first reason is often bare eligibility; the second says what it serves
        found.append(Lead("network", n.name, None, n.score, _clause(join_sentences(n.reasons[:2]))))
    if result.partners:
        p = result.partners[0]
        found.append(Lead("partner", p.name, p.country, p.score, _clause(p.reasons[0])))
    if result.matches:
        m = result.matches[0]
        found.append(Lead("case", m.name, m.country, m.score, _clause(m.reasons[0])))
    return tuple(found)


def headline(result: Result) -> Headline:
    """The first steps and the leads, for the summary page and the results page alike."""
    return Headline(first_steps(result), leads(result))
