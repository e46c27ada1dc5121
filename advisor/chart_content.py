"""What the two charts show, built from the answers and the result: the theme profile
beside the closest reference cases, and the map of the town and its suggested partners.

The results page draws them with plotly and every report format draws them too (the HTML
report with plotly, PDF and Word as images from :mod:`advisor.report.charts`); all build
them here, so the page and the reports cannot show different charts, and the wizard's
pages need no report section to get one.
"""

from __future__ import annotations

from collections import Counter

from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment
from advisor.model.result import CaseMatch, Result
from advisor.report.document import MapChart, Point, ProfileChart
from advisor.report.fmt import scored

MAX_CHART_ROWS = 14
"""Most themes in the profile chart: the town's own first, then the cases' commonest."""


def profile_chart(a: Assessment, r: Result, k: Knowledge) -> ProfileChart:
    """The town's themes beside each case's; the town's own themes come first."""
    columns = [a.themes, *(_case_themes(m, k) for m in r.matches)]
    counts = Counter(theme for themes in columns[1:] for theme in themes)
    others = sorted((th for th in counts if th not in a.themes), key=lambda th: -counts[th])
    rows = [*a.themes, *others][:MAX_CHART_ROWS]
    return ProfileChart(
        title=t("report.cases.chart_title", town=r.meta.town),
        columns=(t("report.cases.chart_you", town=r.meta.town), *(m.name for m in r.matches)),
        rows=tuple(k.label("theme", theme) for theme in rows),
        marks=tuple(tuple(theme in themes for themes in columns) for theme in rows),
        legend_has=t("report.cases.chart_has"),
        legend_lacks=t("report.cases.chart_lacks"),
    )


def _case_themes(m: CaseMatch, k: Knowledge) -> list[str]:
    """All themes of the case from the knowledge base, or the shared ones if it is unknown."""
    case = k.cases.get(m.id)
    if case is None:
        return list(m.shared_themes)
    return [*case.profile.history_themes, *case.profile.specialization_themes]


def partner_map(a: Assessment, r: Result) -> MapChart:
    """The town (when its coordinates are known) and every partner that has coordinates."""
    town = a.municipality
    points = []
    if town.latitude is not None and town.longitude is not None:
        points.append(Point(r.meta.town, town.latitude, town.longitude, "town", r.meta.town))
    for p in r.partners:
        if p.lat is not None and p.lon is not None:
            label = t("report.partners.map_label", name=p.name, score=scored(p.score))
            points.append(Point(p.name, p.lat, p.lon, p.kind, label))
    legend = {kind: t(f"report.partners.legend.{kind}") for kind in ("town", "new", "revive")}
    return MapChart(t("report.partners.map_title", town=r.meta.town), tuple(points), legend)
