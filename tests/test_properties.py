"""Property: any valid assessment yields a complete, explained result without crashing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.assess import assess
from advisor.knowledge.load import default_knowledge
from advisor.model.assessment import (
    BUDGET_SCALE,
    STAFF_TIME_SCALE,
    Assessment,
    Capacity,
    Connection,
    Constraints,
    Goals,
    History,
    Institution,
    Municipality,
    SisterTie,
    Specializations,
    Ties,
    strip_control,
)

K = default_knowledge()
COUNTRIES = st.sampled_from(["JP", "FR", "US", "GB", "DE", "IT", "BR", "ML", "AU", "NO", "KR"])
NAMES = (
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)


def ids(kind: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(sorted(K.terms(kind))), max_size=5)


connections = st.builds(
    Connection,
    place=NAMES,
    country=COUNTRIES,
    kind=st.sampled_from(sorted(K.terms("connection_kinds"))),
    description=st.text(max_size=50).map(strip_control),
)
ties = st.builds(
    SisterTie,
    place=NAMES,
    country=COUNTRIES,
    since=st.none() | st.integers(1950, 2026),
    status=st.sampled_from(["active", "dormant"]),
)
assessments = st.builds(
    Assessment,
    municipality=st.builds(
        Municipality, name=NAMES, country=COUNTRIES, population=st.integers(1, 5_000_000)
    ),
    history=st.builds(History, themes=ids("themes"), connections=st.lists(connections, max_size=4)),
    specializations=st.builds(
        Specializations,
        themes=ids("themes"),
        institutions=st.lists(
            st.builds(
                Institution, name=NAMES, kind=st.sampled_from(sorted(K.terms("institution_kinds")))
            ),
            max_size=3,
        ),
    ),
    assets=ids("assets"),
    ties=st.builds(
        Ties,
        sister_towns=st.lists(ties, max_size=4),
        networks=st.lists(st.sampled_from(sorted(K.networks)), max_size=3),
    ),
    capacity=st.builds(
        Capacity,
        staff_time=st.sampled_from(STAFF_TIME_SCALE),
        budget_band=st.sampled_from(BUDGET_SCALE),
        dedicated_unit=st.booleans(),
        international_coordinator=st.booleans(),
        written_strategy=st.booleans(),
        citizen_associations=st.lists(NAMES, max_size=2),
    ),
    goals=st.builds(Goals, aims=ids("goals"), partner_countries=st.lists(COUNTRIES, max_size=3)),
    constraints=st.builds(Constraints, items=ids("constraints")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments)
def test_any_assessment_gets_explained_advice(assessment):
    result = assess(assessment, K)
    everything = [
        *result.matches,
        *result.networks,
        *result.other_networks,
        *result.not_eligible,
        *result.current_networks,
        *result.partners,
        *result.plan,
    ]
    assert result.plan, "every town gets at least the first steps"
    for item in everything:
        assert item.reasons and all(r.strip() for r in item.reasons)
    assert not {n.id for n in result.networks} & {n.id for n in result.not_eligible}
    members = set(assessment.ties.networks)
    assert not members & {n.id for n in result.networks}
    active = {
        (t.place.casefold(), t.country)
        for t in assessment.ties.sister_towns
        if t.status == "active"
    }
    assert not any(
        (p.name.casefold(), p.country) in active and p.kind == "new" for p in result.partners
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments)
def test_any_assessment_gets_sourced_partners_from_open_data(assessment):
    from advisor.opendata.bundle import open_data

    result = assess(assessment, K, open_data())
    for partner in result.partners:
        assert partner.reasons and partner.sources and 0 <= partner.score <= 1
    for net in [*result.networks, *result.other_networks]:
        assert all(line.strip() for line in net.evidence)
