"""Plotly figures for the results page. Pure functions, no Streamlit: testable alone.

The world map draws land outlines shipped in data/geo (Natural Earth), so it works
offline and on a projector without map tiles.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from advisor.geo.land import land_rings
from advisor.i18n import t
from advisor.knowledge.load import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import Result


def _text(value: str) -> str:
    """Plotly reads a few HTML tags in chart text; entities make user text show as typed."""
    return html.escape(value, quote=True)


def _profile_rows(
    assessment: Assessment, result: Result, knowledge: Knowledge
) -> tuple[list[str], list[list[str]]]:
    names = [t("chart.you", name=_text(assessment.municipality.name or t("chart.your_town")))]
    sets = [set(assessment.themes)]
    for match in result.matches:
        case = knowledge.cases[match.id]
        names.append(_text(match.name))
        sets.append({*case.profile.history_themes, *case.profile.specialization_themes})
    themes = sorted(set().union(*sets), key=lambda i: (i not in sets[0], i))
    return names, [[th for th in themes if th in s] for s in sets]


def theme_profile(assessment: Assessment, result: Result, knowledge: Knowledge) -> go.Figure:
    """The town's themes beside those of its closest reference cases (a dot matrix)."""
    names, rows = _profile_rows(assessment, result, knowledge)
    themes = sorted(
        {th for row in rows for th in row},
        key=lambda i: (i not in rows[0], knowledge.label("theme", i)),
    )
    labels = [knowledge.label("theme", i) for i in themes]
    z = [[1 if th in row else 0 for th in themes] for row in rows]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=names,
            showscale=False,
            xgap=3,
            ygap=3,
            colorscale=[[0, "#eef1f5"], [1, "#2b6cb0"]],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_layout(
        height=140 + 45 * len(names),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        title=t("chart.profile_title"),
        yaxis={"autorange": "reversed"},
        xaxis={"tickangle": -35},
    )
    return fig


def _outline() -> tuple[list[float | None], list[float | None]]:
    """Land outlines as one line path: lon and lat lists with None between rings."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for ring in land_rings():
        if max(lat for _, lat in ring) < -60:
            continue  # Antarctica lies below the map's range
        lons.extend([lon for lon, _ in ring] + [None])
        lats.extend([lat for _, lat in ring] + [None])
    return lons, lats


def partner_map(assessment: Assessment, result: Result) -> go.Figure:
    """Partner suggestions on a world outline, the town itself marked."""
    lons, lats = _outline()
    fig = go.Figure(
        go.Scatter(
            x=lons,
            y=lats,
            mode="lines",
            hoverinfo="skip",
            line={"color": "#b8c2cc", "width": 0.8},
            showlegend=False,
        )
    )
    for kind, colour in (("new", "#2b6cb0"), ("revive", "#dd6b20")):
        placed = [p for p in result.partners if p.kind == kind and p.lat is not None]
        fig.add_trace(
            go.Scatter(
                x=[p.lon for p in placed],
                y=[p.lat for p in placed],
                mode="markers",
                name=t(f"partner.kind.{kind}"),
                text=[_text(p.name) for p in placed],
                marker={"size": [8 + 14 * p.score for p in placed], "color": colour},
                hovertemplate="%{text}<extra></extra>",
            )
        )
    town = assessment.municipality
    if town.latitude is not None and town.longitude is not None:
        fig.add_trace(
            go.Scatter(
                x=[town.longitude],
                y=[town.latitude],
                mode="markers",
                name=_text(town.name),
                text=[_text(town.name)],
                marker={"symbol": "star", "size": 18, "color": "#c53030"},
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig.update_layout(
        height=420,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        xaxis={"visible": False, "range": [-180, 180]},
        yaxis={"visible": False, "range": [-60, 85], "scaleanchor": "x"},
        legend={"orientation": "h"},
        plot_bgcolor="white",
    )
    return fig
