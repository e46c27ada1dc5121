"""Size closeness in themed partner suggestions, the size note, and scores that say what
they compare (issue 10, items 4 and 10)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.answers import parse_answers
from advisor.assess import assess
from advisor.cli_text import summary_markdown
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import Assessment
from advisor.opendata.bundle import open_data
from advisor.partners.finders import _weighted_dice, from_themed_places
from advisor.partners.suggest import Candidate, PartnerContext, _with_size_note
from advisor.report import render
from advisor.town_facts import facts_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data():
    return open_data()


def town(population: int, themes: list[str], **municipality: Any) -> Assessment:
    """A town with one history theme, no connections and no ties: only themes and size."""
    raw = yaml.safe_load((ROOT / "examples" / "los_alamos.yaml").read_text(encoding="utf-8"))
    raw["municipality"] = {"name": "Testville", "country": "AR", "population": population}
    raw["municipality"] |= municipality
    raw["history"] = {"themes": themes, "connections": []}
    raw["specializations"] = {"themes": []}
    raw.pop("ties", None)
    return parse_answers(yaml.safe_dump(raw, allow_unicode=True), "test")


def context(a: Assessment, data=None) -> PartnerContext:
    k = default_knowledge()
    return PartnerContext(a, facts_for(a, k), k, [], data)


def themed(a: Assessment, data=None) -> list[Candidate]:
    return list(from_themed_places(context(a, data)))


def test_a_city_of_millions_gets_the_closer_sized_places_first():
    found = themed(town(2_000_000, ["science_research"]))
    known = [c for c in found if c.population]
    assert known[0].name == "Tsukuba"  # 244,528, the closest in size
    assert known[0].population == max(c.population for c in known)
    names = [c.name for c in found]
    # Jülich (33,158) shares as much with the city as Tsukuba and came first by name.
    assert "Jülich" not in names or names.index("Tsukuba") < names.index("Jülich")


def test_with_open_data_the_first_themed_partners_are_not_villages(data):
    found = themed(town(2_000_000, ["science_research"]), data)
    sizes = [c.population or 0 for c in found]
    assert all(size >= 20_000 for size in sizes[:3])
    assert max(sizes[:3]) >= 100_000


def test_a_village_is_not_penalised_against_similar_villages():
    village = town(3776, ["migration_diaspora"])
    ctx = context(village)
    rules = ctx.knowledge.rules.partners
    found = {c.name: c for c in themed(village)}
    lindsborg = found["Lindsborg"]  # 3,776 inhabitants, the village's own size
    place = next(
        p for g in ctx.knowledge.places.values() for p in g.places if p.name == "Lindsborg"
    )
    _, overlap = _weighted_dice(ctx, set(place.themes))
    before = 0.3 + rules.themed_overlap * overlap + 0.1  # the score before size was weighed
    assert lindsborg.score == pytest.approx(before)
    first = max(found.values(), key=lambda c: c.score)
    assert first.population and first.population < 10_000


def test_the_size_note_names_both_sizes():
    ctx = context(town(2_500_000, ["science_research"]))
    cand = Candidate("Hamlet", "FR", 0.5, ["shares your themes"], [], population=3000)
    reasons = _with_size_note(cand, ctx).reasons
    assert reasons[-1] == "much smaller: 3,000 inhabitants against your 2,500,000"
    bigger = _with_size_note(Candidate("Metropolis", "FR", 0.5, [], [], population=90_000_000), ctx)
    assert bigger.reasons == ["much larger: 90,000,000 inhabitants against your 2,500,000"]
    close = _with_size_note(Candidate("Peer", "FR", 0.5, [], [], population=1_000_000), ctx)
    unknown = _with_size_note(Candidate("Somewhere", "FR", 0.5, [], []), ctx)
    assert close.reasons == [] and unknown.reasons == []


def test_suggested_partners_of_a_very_different_size_say_so(data):
    result = assess(town(2_000_000, ["science_research"]), open_data=data)
    for p in result.partners:
        far = p.population and max(p.population, 2_000_000) >= 30 * min(p.population, 2_000_000)
        noted = any(r.startswith(("much smaller", "much larger")) for r in p.reasons)
        assert noted == bool(far), p.name
    assert any(r.startswith("much smaller") for p in result.partners for r in p.reasons)


def test_a_village_among_villages_gets_no_size_note():
    result = assess(town(3776, ["migration_diaspora"]))
    lindsborg = next(p for p in result.partners if p.name == "Lindsborg")
    assert not any("inhabitants against your" in r for r in lindsborg.reasons)


ABOUT = {
    "network": "how well the network matches your size, themes, goals, staff and budget",
    "partner": "how much links the place to your town",
    "case": "how alike your history, specializations, size and goals are",
}


@pytest.fixture(scope="module")
def hirado():
    a = parse_answers((ROOT / "examples" / "hirado.yaml").read_text(encoding="utf-8"), "hirado")
    return a, assess(a)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_say_what_each_score_compares(fmt, hirado):
    a, r = hirado
    text = render(fmt, a, r).decode("utf-8")
    assert r.networks and r.partners and r.matches
    for about in ABOUT.values():
        assert about in text, about
    best = r.networks[0]
    level = "strong" if best.score >= 0.7 else "good"
    assert f"{level} ({round(best.score * 100)}%) — {ABOUT['network']}" in text
    assert f"Fit: {ABOUT['partner']}" in text and f"Similarity: {ABOUT['case']}" in text


def test_the_terminal_summary_says_what_each_score_compares(hirado):
    text = summary_markdown(hirado[1])
    assert all(about in text for about in ABOUT.values())
