"""The example towns as a workshop sees them: "Vaux-sur-Aure (France)", not a file name."""

from __future__ import annotations

from advisor.answers import example_names, load_example
from advisor.geo.countries import country_name
from advisor.i18n import t
from advisor.knowledge.base import Knowledge


def example_labels(knowledge: Knowledge | None = None) -> dict[str, str]:
    """Each example's file name mapped to its town and country, read from the file itself
    (so a renamed or added example shows what it holds), sorted by the label."""
    labels = {name: _label(name, knowledge) for name in example_names()}
    return dict(sorted(labels.items(), key=lambda item: item[1].casefold()))


def _label(name: str, knowledge: Knowledge | None) -> str:
    town = load_example(name, knowledge).municipality
    if not town.name:
        return name
    if not town.country:
        return town.name
    return t("examples.label", name=town.name, country=country_name(town.country))
