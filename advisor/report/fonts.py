"""Fonts for the PDF, Word and chart output, taken from pip packages, never from the OS.

A report that prints empty boxes for 平戸 is useless to a Japanese town, and a server may
have no CJK font at all; IPAex Gothic ships inside matplotlib-fontja and covers Japanese,
French and most Latin text. DejaVu Sans (inside matplotlib) fills the few gaps, such as
Romanian or Turkish letters. The packages are located with importlib without importing
them: importing matplotlib_fontja would change matplotlib's global settings.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

CJK_FAMILY = "IPAexGothic"
"""The family name inside ipaexg.ttf (what Word and matplotlib call the font)."""
FALLBACK_FAMILY = "DejaVu Sans"


class FontMissing(RuntimeError):
    """A font package is not installed; the message names the package to install."""


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise FontMissing(f"the Python package '{package}' is needed for report fonts")
    return Path(spec.origin).parent


@cache
def cjk_font() -> Path:
    """``ipaexg.ttf`` inside the matplotlib-fontja package."""
    path = _package_dir("matplotlib_fontja") / "fonts" / "ipaexg.ttf"
    if not path.is_file():
        raise FontMissing(f"{path} is missing; reinstall matplotlib-fontja")
    return path


@cache
def fallback_font(bold: bool = False) -> Path | None:
    """DejaVu Sans from matplotlib's own data, for letters IPAex lacks (None if absent)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = _package_dir("matplotlib") / "mpl-data" / "fonts" / "ttf" / name
    return path if path.is_file() else None
