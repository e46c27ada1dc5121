"""The dashboard's share chart as a plotly figure spec (a plain dict, no Streamlit).

One horizontal bar per item, its length the share of those who answered the part that
named it, and a line at the workshop's threshold: bars past the line are what the rule
keeps, the rest is where the room diverges. Labels may be what a participant typed, so
``&``, ``<`` and ``>`` are written as the entities plotly decodes (plotly.js reads a few
HTML tags inside chart text, as the HTML report's charts note).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from advisor.report.document import COLORS

AGREED, DIVERGENT = COLORS["revive"], COLORS["grid"]
FONT = "IPAexGothic, 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One item: its label (plain text), the share that named it, and whether it is kept."""

    label: str
    share: float
    count: int
    answered: int
    kept: bool


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def share_spec(bars: Sequence[Bar], threshold: float, line_label: str) -> dict[str, Any]:
    """``{"data", "layout", "config"}`` for one field's items, most named first."""
    ordered = sorted(bars, key=lambda b: -b.share)
    trace = {
        "type": "bar",
        "orientation": "h",
        "x": [b.share for b in ordered],
        "y": [_text(b.label) for b in ordered],
        "text": [f"{b.count}/{b.answered}" for b in ordered],
        "textposition": "auto",
        "hoverinfo": "y+text",
        "marker": {"color": [AGREED if b.kept else DIVERGENT for b in ordered]},
    }
    layout = {
        "height": 70 + 30 * len(ordered),
        "xaxis": {"range": [0, 1], "tickformat": ".0%", "fixedrange": True},
        "yaxis": {"autorange": "reversed", "automargin": True, "fixedrange": True},
        "shapes": [_line(threshold)],
        "annotations": [_line_note(threshold, line_label)],
        "margin": {"l": 10, "r": 10, "t": 24, "b": 10},
        "font": {"family": FONT, "size": 14},
        "plot_bgcolor": "white",
        "showlegend": False,
        "bargap": 0.25,
    }
    return {"data": [trace], "layout": layout, "config": {"displayModeBar": False}}


def _line(threshold: float) -> dict[str, Any]:
    return {
        "type": "line",
        "x0": threshold,
        "x1": threshold,
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"color": COLORS["town"], "width": 2, "dash": "dash"},
    }


def _line_note(threshold: float, label: str) -> dict[str, Any]:
    return {
        "x": threshold,
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": _text(label),
        "showarrow": False,
        "font": {"color": COLORS["town"], "size": 12},
    }
