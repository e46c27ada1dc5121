"""Names of first-level regions (prefectures, states, provinces) by GeoNames admin1 code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from advisor.paths import DATA_DIR


@cache
def region_names(path: Path = DATA_DIR / "geo" / "admin1.tsv") -> dict[str, str]:
    """``{"JP.27": "Nagasaki", ...}``; comment lines start with '#'."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t", 1)
            table[code] = name
    return table
