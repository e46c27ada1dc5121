"""The knowledge the advisor reasons over, once loaded: the :class:`Knowledge` container
and its queries (labels, terms, country groups).

Kept apart from :mod:`advisor.knowledge.load`, which reads and checks the files, so the
many modules that only *use* the knowledge (matching, plan, reports, the wizard) do not
depend on the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.i18n import tr
from advisor.knowledge.models import (
    CountryGroup,
    Network,
    PlaceGroup,
    Programme,
    ReferenceCase,
    Term,
)
from advisor.knowledge.rules_models import (
    BudgetRules,
    CapacityRules,
    MatchingRules,
    NetworkFitRules,
    PartnerRules,
    PlanStep,
)
from advisor.model.base import KnownIds


@dataclass(frozen=True)
class Rules:
    """Every file of ``rules/``, validated: how the advisor weighs, fits and plans."""

    matching: MatchingRules
    network_fit: NetworkFitRules
    partners: PartnerRules
    plan: tuple[PlanStep, ...]
    budget: BudgetRules
    capacity: CapacityRules


@dataclass(frozen=True)
class Knowledge:
    """Everything the advisor reasons over, validated and cross-checked."""

    vocabularies: dict[str, dict[str, Term]]
    country_groups: dict[str, CountryGroup]
    cases: dict[str, ReferenceCase]
    networks: dict[str, Network]
    programmes: dict[str, Programme]
    places: dict[str, PlaceGroup]
    rules: Rules
    known: KnownIds
    data_version: str
    rules_version: str

    def terms(self, kind: str) -> dict[str, Term]:
        """The terms of one vocabulary by id (``themes`` ...), empty for an unknown one."""
        return self.vocabularies.get(kind, {})

    def label(self, kind: str, ident: str) -> str:
        """Display name of a vocabulary id, network, programme or country group."""
        if kind == "network" and ident in self.networks:
            return tr(self.networks[ident].name)
        if kind == "programme" and ident in self.programmes:
            return tr(self.programmes[ident].name)
        if kind == "country_group" and ident in self.country_groups:
            return tr(self.country_groups[ident].name)
        term = self.vocabularies.get(VOCABULARY_OF_KIND.get(kind, kind), {}).get(ident)
        return tr(term.label) if term else ident.replace("_", " ")

    def cases_with_theme(self, theme: str) -> list[str]:
        """Names of the reference towns whose profile has ``theme`` (examples for the wizard)."""
        return [
            c.name
            for c in self.cases.values()
            if theme in (*c.profile.history_themes, *c.profile.specialization_themes)
        ]

    def groups_of(self, country: str) -> frozenset[str]:
        """The country groups (EU, G20 ...) ``country`` belongs to, by id."""
        return frozenset(g.id for g in self.country_groups.values() if country in g.members)


VOCABULARY_OF_KIND = {
    "theme": "themes",
    "asset": "assets",
    "goal": "goals",
    "constraint": "constraints",
    "connection_kind": "connection_kinds",
    "institution_kind": "institution_kinds",
    "language": "languages",
}
"""The vocabulary file (``data/vocabulary/<name>.yaml``) of each kind of id a label names."""
