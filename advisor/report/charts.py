"""Static charts for the PDF and Word reports, drawn with matplotlib (no browser needed).

Figures are built with the object API (``Figure`` plus the Agg canvas), not pyplot, so
rendering keeps no global state and is safe inside the Streamlit server. Text uses IPAex
Gothic from matplotlib-fontja, so Japanese and French names print correctly.
"""

from __future__ import annotations

import io
import re
import threading
from functools import cache

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager

from advisor.geo.land import Window, land_rings, map_window
from advisor.report.document import COLORS, Chart, MapChart, Point, ProfileChart
from advisor.report.fonts import CJK_FAMILY, FALLBACK_FAMILY, cjk_font

DPI = 150
WIDTH_IN = 6.5
MARKERS = {"town": "*", "new": "o", "revive": "D"}
MAX_MAP_LABELS = 10
_LOCK = threading.Lock()
_UNDRAWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Control characters and line breaks, which no font draws: a label is one line."""


@cache
def _register_fonts() -> None:
    """Make IPAex known to matplotlib once per process (adding a font file is idempotent)."""
    fontManager.addfont(str(cjk_font()))


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG image at print resolution. The lock keeps two sessions of the web
    app from drawing at once: ``rc_context`` changes matplotlib's process-wide settings."""
    _register_fonts()
    with (
        _LOCK,
        matplotlib.rc_context({"font.family": [CJK_FAMILY, FALLBACK_FAMILY], "font.size": 8}),
    ):
        fig = profile_figure(chart) if isinstance(chart, ProfileChart) else map_figure(chart)
        buffer = io.BytesIO()
        FigureCanvasAgg(fig).print_png(buffer)
    return buffer.getvalue()


def profile_figure(chart: ProfileChart) -> Figure:
    """A dot matrix: themes down, the town and its reference cases across."""
    rows, cols = len(chart.rows), len(chart.columns)
    fig = Figure(figsize=(WIDTH_IN, 0.8 + 0.26 * rows), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    for col in range(cols):
        color = COLORS["town"] if col == 0 else COLORS["new"]
        has = [row for row in range(rows) if chart.marks[row][col]]
        lacks = [row for row in range(rows) if not chart.marks[row][col]]
        ax.scatter([col] * len(has), has, s=70, color=color, zorder=3)
        ax.scatter([col] * len(lacks), lacks, s=30, facecolor="none", edgecolor=COLORS["grid"])
    ax.set_xticks(range(cols), [_short(c, 22) for c in chart.columns])
    ax.xaxis.tick_top()
    ax.set_yticks(range(rows), [_short(r, 42) for r in chart.rows])
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.grid(axis="y", color=COLORS["grid"], linewidth=0.5, zorder=0)
    return fig


def map_figure(chart: MapChart) -> Figure:
    """The town and its suggested partners on the land outline, without any map tiles."""
    win = map_window([(p.lon, p.lat) for p in chart.points])
    height = min(5.0, max(2.6, WIDTH_IN * win.ratio))
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.add_collection(
        PolyCollection(land_rings(), facecolor="#eef1f4", edgecolor="#b8c2cc", linewidth=0.4)
    )
    for kind in ("new", "revive", "town"):
        pts = [p for p in chart.points if p.kind == kind]
        if pts:
            ax.scatter(
                [p.lon for p in pts],
                [p.lat for p in pts],
                s=160 if kind == "town" else 30,
                marker=MARKERS[kind],
                color=COLORS[kind],
                edgecolor="white",
                linewidth=0.5,
                zorder=2 if kind == "town" else 3,  # partners stay visible on the star
                label=_short(chart.legend.get(kind, kind), 60),
            )
    for p in labelled_points(chart, win):
        dx, dy, ha, va = label_offset(win, p)
        ax.annotate(
            _short(p.name, 24),
            (p.lon, p.lat),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            clip_on=True,  # a safety net: the offsets already point inward
            zorder=5,
        )
    ax.set_xlim(win.west, win.east)
    ax.set_ylim(win.south, win.north)
    ax.set_aspect(win.stretch)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(loc="lower left", frameon=True, framealpha=0.9)
    return fig


def label_offset(win: Window, p: Point) -> tuple[float, float, str, str]:
    """Offset (points) and alignment that keep ``p``'s label inside the frame: towards the
    middle on both axes. The town's label goes below its star, partners' above their dot,
    so a partner close to the town does not print its name over the town's."""
    x = (p.lon - win.west) / (win.east - win.west)
    y = (p.lat - win.south) / (win.north - win.south)
    dx, ha = (-5.0, "right") if x > 0.6 else (5.0, "left")
    below = y > 0.85 or (p.kind == "town" and y > 0.15)
    dy, va = (-6.0, "top") if below else (5.0, "bottom")
    return dx, dy, ha, va


def labelled_points(chart: MapChart, win: Window) -> list[Point]:
    """The town and the best partners, skipping any too close to one already named, so
    names never print on top of each other."""
    near_lon, near_lat = (win.east - win.west) * 0.09, (win.north - win.south) * 0.06
    chosen: list[Point] = []
    for p in sorted(chart.points, key=lambda p: p.kind != "town"):
        clash = any(abs(p.lon - q.lon) < near_lon and abs(p.lat - q.lat) < near_lat for q in chosen)
        if not clash:
            chosen.append(p)
        if len(chosen) > MAX_MAP_LABELS:
            break
    return chosen


def _short(text: str, limit: int) -> str:
    """Long labels on one line, cut with an ellipsis, so one long name cannot squeeze the
    whole chart; ``$`` escaped, as matplotlib reads text between two ``$`` as a formula (a
    name such as ``$\\frac$`` stopped the PDF with a parse error)."""
    text = _UNDRAWABLE.sub(" ", text)
    cut = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return cut.replace("$", r"\$")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header (to fit the image on a page)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
