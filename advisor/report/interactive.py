"""Interactive charts for the HTML report: plotly figure specs as plain dicts.

Plain dicts (not plotly.graph_objects) keep the HTML report fast and let us escape every
string ourselves: plotly.js reads a few HTML tags inside chart text, so ``&``, ``<`` and
``>`` are written as the entities plotly decodes back (it decodes no others). The map is a
plain lon/lat scatter over the local land outline: plotly's geo maps would download their
outlines from a CDN, and the report must work offline.
"""

from __future__ import annotations

import html
from typing import Any

from advisor.geo.land import land_rings, map_window
from advisor.report.document import COLORS, Chart, MapChart, ProfileChart

Spec = dict[str, Any]
FONT = "IPAexGothic, 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif"
SYMBOLS = {"town": "star", "new": "circle", "revive": "diamond"}
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "downloadJson"],
}


def _text(value: str) -> str:
    """``value`` for plotly's text: ``&``, ``<`` and ``>`` as entities, which plotly decodes.
    Quotes stay as they are (the JSON carries them safely): plotly knows no ``&quot;`` and
    would print it as typed."""
    return html.escape(value, quote=False)


def chart_spec(chart: Chart) -> Spec:
    """``{"data": [...], "layout": {...}, "config": {...}}`` for ``Plotly.newPlot``."""
    spec = profile_spec(chart) if isinstance(chart, ProfileChart) else map_spec(chart)
    spec["layout"].update(
        font={"family": FONT, "size": 12}, margin={"l": 10, "r": 10, "t": 40, "b": 10}
    )
    spec["config"] = CONFIG
    return spec


def profile_spec(chart: ProfileChart) -> Spec:
    """Dot matrix of themes (rows) by town and reference cases (columns)."""
    traces = []
    for col, name in enumerate(chart.columns):
        for has in (True, False):
            state = chart.legend_has if has else chart.legend_lacks
            rows = [row for row in range(len(chart.rows)) if chart.marks[row][col] is has]
            color = COLORS["town"] if col == 0 else COLORS["new"]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": [col] * len(rows),
                    "y": rows,
                    "hovertext": [_hover(name, chart.rows[r], state) for r in rows],
                    "hoverinfo": "text",
                    "showlegend": False,
                    "marker": {
                        "size": 16 if has else 9,
                        "color": color if has else "rgba(0,0,0,0)",
                        "line": {"color": color if has else COLORS["grid"], "width": 1.5},
                    },
                }
            )
    layout = {
        "height": 120 + 30 * len(chart.rows),
        "xaxis": _axis(chart.columns, side="top"),
        "yaxis": {**_axis(chart.rows), "autorange": "reversed", "automargin": True},
        "plot_bgcolor": "white",
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def _hover(column: str, row: str, state: str) -> str:
    return _text(f"{column}: {row} ({state})")


def _axis(labels: tuple[str, ...], side: str | None = None) -> Spec:
    axis: Spec = {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": [_text(label) for label in labels],
        "showgrid": True,
        "gridcolor": "#eef1f4",
        "zeroline": False,
        "fixedrange": True,
    }
    if side:
        axis["side"] = side
    return axis


def map_spec(chart: MapChart) -> Spec:
    """Land outline as filled shapes, then the partners and the town on top."""
    win = map_window([(p.lon, p.lat) for p in chart.points])
    lons: list[float | None] = []
    lats: list[float | None] = []
    for ring in land_rings():
        lons += [lon for lon, _ in ring] + [None]
        lats += [lat for _, lat in ring] + [None]
    land = {
        "type": "scatter",
        "mode": "lines",
        "x": lons,
        "y": lats,
        "fill": "toself",
        "fillcolor": "#eef1f4",
        "line": {"color": "#b8c2cc", "width": 0.6},
        "hoverinfo": "skip",
        "showlegend": False,
    }
    traces = [land, *(_points(chart, kind) for kind in ("new", "revive", "town"))]
    layout = {
        "height": 480,
        "xaxis": {"range": [win.west, win.east], "visible": False},
        "yaxis": {
            "range": [win.south, win.north],
            "visible": False,
            "scaleanchor": "x",
            "scaleratio": win.stretch,
        },
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "y": -0.02},
        "hovermode": "closest",
    }
    return {"data": [t for t in traces if t], "layout": layout}


def _points(chart: MapChart, kind: str) -> Spec | None:
    points = [p for p in chart.points if p.kind == kind]
    if not points:
        return None
    return {
        "type": "scatter",
        "mode": "markers+text" if kind == "town" else "markers",
        "name": _text(chart.legend.get(kind, kind)),
        "x": [p.lon for p in points],
        "y": [p.lat for p in points],
        "text": [_text(p.name) for p in points],
        "textposition": "top center",
        "cliponaxis": False,
        "hovertext": [_text(p.label) for p in points],
        "hoverinfo": "text",
        "marker": {
            "symbol": SYMBOLS[kind],
            "size": 18 if kind == "town" else 10,
            "color": COLORS[kind],
            "line": {"color": "white", "width": 1},
        },
    }
