"""Whole numbers read the way people write them, and populations checked for plausibility.

A clerk in Lyon writes 8 000, in Berlin 8.000, in Zurich 8'000 and in Dublin 8,000; all
mean eight thousand. A population is a whole number, so a lone separator followed by
exactly three digits groups thousands (``8.000`` is 8,000, never 8.0), and anything that
is not a grouped whole number (``1e3``, ``12,5``, ``8.00``) is refused with a message
saying how to write it, rather than read as something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotated_types import Ge, Le

from advisor.i18n.formats import number
from advisor.model.assessment import Municipality

GROUP_SEPARATORS = ",.' \u00a0\u202f\u2019"
"""Comma, full stop, apostrophe, space, no-break space, narrow no-break space, ’."""
PLAUSIBLE_MIN = 50
PLAUSIBLE_MAX = 40_000_000
"""Outside these a municipality is unlikely (a hamlet, more than the largest city): warn."""

_SEP = "[" + re.escape(GROUP_SEPARATORS) + "]"
_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(rf"\d{{1,3}}(?P<sep>{_SEP})\d{{3}}(?:(?P=sep)\d{{3}})*")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_MAX_DIGITS = 15  # far beyond any town, and far below Python's int-from-text limit
_DECIMAL = re.compile(rf"[+-]?\d[\d{re.escape(GROUP_SEPARATORS)}]*[.,]\d{{1,2}}")


class NumberError(ValueError):
    """Text that is not a whole number; ``key`` names the message that explains why."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, params
        super().__init__(key)


def _bounds() -> tuple[int, int]:
    """The population bounds the answers model accepts (one definition, in the model)."""
    info = Municipality.model_fields["population"]
    found = _metadata(info.annotation) + list(info.metadata)
    lows = [m.ge for m in found if isinstance(m, Ge) and isinstance(m.ge, int)]
    highs = [m.le for m in found if isinstance(m, Le) and isinstance(m.le, int)]
    if not (lows and highs):
        raise RuntimeError("Municipality.population has lost its bounds (ge, le)")
    return lows[0], highs[0]


def _metadata(annotation: Any) -> list[Any]:
    """Constraints inside ``Annotated[int, Field(...)] | None``."""
    found: list[Any] = []
    for arg in getattr(annotation, "__args__", ()):
        for meta in getattr(arg, "__metadata__", ()):
            found += getattr(meta, "metadata", [meta])
    return found


MODEL_MIN, MODEL_MAX = _bounds()


def parse_whole_number(text: str) -> int:
    """``8.000``, ``8,000``, ``8 000``, ``8'000`` and ``8000`` are all 8000.

    Raise :class:`NumberError` for anything else: scientific notation, decimals, signs,
    separators that do not group by three, or letters.
    """
    flat = text.strip()
    if sum(c.isdigit() for c in flat) > _MAX_DIGITS:
        raise NumberError("number.too_long", text=flat[:20] + "…")
    if _PLAIN.fullmatch(flat):
        return int(flat)
    if _GROUPED.fullmatch(flat):
        return int(re.sub(_SEP, "", flat))
    raise NumberError(_why_not(flat), text=flat)


def _why_not(flat: str) -> str:
    """The message key that best explains why ``flat`` is not a whole number."""
    if _SCIENTIFIC.fullmatch(flat):
        return "number.scientific"
    if flat.startswith("-"):
        return "number.negative"
    if _DECIMAL.fullmatch(flat):
        return "number.decimal"
    if re.fullmatch(rf"[\d{re.escape(GROUP_SEPARATORS)}]+", flat):
        return "number.grouping"
    return "number.not_a_number"


@dataclass(frozen=True)
class PopulationReading:
    """What a population field holds: the number, or why it cannot be used, and a warning
    when it can be used but looks wrong for a municipality."""

    value: int | None
    error: str | None = None
    warning: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


def read_population(text: str) -> PopulationReading:
    """The population typed in ``text``: empty is "not given", not zero."""
    if not text.strip():
        return PopulationReading(None)
    try:
        value = parse_whole_number(text)
    except NumberError as exc:
        return PopulationReading(None, error=exc.key, params=exc.params)
    shown = {"value": number(value), "low": number(MODEL_MIN), "high": number(MODEL_MAX)}
    if not MODEL_MIN <= value <= MODEL_MAX:
        return PopulationReading(None, error="number.out_of_range", params=shown)
    if value < PLAUSIBLE_MIN:
        return PopulationReading(value, warning="number.very_small", params=shown)
    if value > PLAUSIBLE_MAX:
        return PopulationReading(value, warning="number.very_large", params=shown)
    return PopulationReading(value, params=shown)


def population_text(value: int | None) -> str:
    """The text a population field starts with: ``8,000``, or empty when unknown."""
    return f"{value:,}" if value else ""
