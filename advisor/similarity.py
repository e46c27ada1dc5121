"""The two ways the advisor says how alike two towns are: by the traits they share (Dice
overlap, optionally weighted so common traits count less) and by size (on a log scale, so a
village of 1,000 differs from a town of 10,000 as that town differs from a city of 100,000).
Case matching and partner ranking both use them."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable


def dice(
    a: Iterable[str], b: Iterable[str], weight: Callable[[str], float] = lambda _: 1.0
) -> float:
    """Dice overlap of two sets: 1 when equal, 0 when disjoint (kind to long lists); each
    item counts ``weight(item)``."""
    sa, sb = set(a), set(b)
    total = sum(map(weight, sa)) + sum(map(weight, sb))
    return 2 * sum(map(weight, sa & sb)) / total if total else 0.0


def size_closeness(a: int | None, b: int | None, decades: float) -> float:
    """1 for equal sizes, falling to 0 at ``decades`` orders of magnitude apart; 0 when a
    size is unknown."""
    if not a or not b:
        return 0.0
    return max(0.0, 1 - abs(math.log10(a / b)) / decades)
