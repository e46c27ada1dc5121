"""Japanese line breaking for the PDF report.

Japanese runs have no spaces, so a layout engine that breaks at spaces either overflows or
cuts anywhere: a line may then open with 「。」 or a closing bracket, or end with an opening
one, which Japanese typesetting forbids (kinsoku shori). Here a paragraph is broken by
width, a Latin word or number is kept whole, and the forbidden starts and ends are moved:
a closing mark hangs at the end of the line before, an opening mark goes down to the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NO_LINE_START = set("、。，．・：；？！ー）」』】〕〉》〙〗｝])…‥")
NO_LINE_START |= set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻")
"""Marks that may not open a line: closing punctuation, small kana, the long-vowel mark."""
NO_LINE_END = set("（「『【〔〈《〘〖｛[(")
"""Opening brackets, which may not close a line."""
_UNITS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%'’\-]*|\s+|.", re.S)
"""A Latin word or number (kept whole), a run of spaces, or one character."""


def break_japanese(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """The lines of ``text`` no wider than ``width`` (as ``measure`` counts), with the
    kinsoku rules; explicit newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _paragraph(paragraph, width, measure)
    return lines


def _paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    line = ""
    for unit in _UNITS.findall(text):
        if line and measure(line + unit) > width:
            if unit[0] in NO_LINE_START and measure(line) <= width:
                line += unit  # hang one closing mark at the end of this line
                continue
            if unit[0] in NO_LINE_START:  # a second closing mark: take its word down too
                line, carried = _carry_closing(line)
            else:
                line, carried = _carry_opening(line)
            lines.append(line.rstrip())
            line = carried + unit.lstrip()
            continue
        line += unit
    lines.append(line.rstrip())
    return lines


def _carry_opening(line: str) -> tuple[str, str]:
    """Opening brackets at the end of ``line``, moved to start the next one."""
    cut = len(line)
    while cut > 1 and line[cut - 1] in NO_LINE_END:
        cut -= 1
    return line[:cut], line[cut:]


def _carry_closing(line: str) -> tuple[str, str]:
    """The last character before the closing marks at the end of ``line``, with them,
    moved to start the next line, so no line opens with a closing mark."""
    cut = len(line)
    while cut > 1 and line[cut - 1] in NO_LINE_START:
        cut -= 1
    cut = max(1, cut - 1)
    head, tail = _carry_opening(line[:cut])
    return head, tail + line[cut:]
