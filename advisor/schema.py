"""The JSON Schema of answers files, with the knowledge base's ids filled in as enums.

Editors and other tools can then check an answers file, or offer completions, without
running the advisor. The ids come from ``data/``, so the schema follows the vocabulary.
"""

from __future__ import annotations

from typing import Any

from advisor.geo.countries import countries
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import Assessment

_ID_LISTS: dict[tuple[str, str], str] = {
    ("History", "themes"): "themes",
    ("Specializations", "themes"): "themes",
    ("Assessment", "assets"): "assets",
    ("Goals", "aims"): "goals",
    ("Constraints", "items"): "constraints",
    ("Ties", "networks"): "networks",
}
_ID_FIELDS: dict[tuple[str, str], str] = {
    ("Connection", "kind"): "connection_kinds",
    ("Institution", "kind"): "institution_kinds",
}
_COUNTRY_FIELDS = {("Municipality", "country"), ("Connection", "country"), ("SisterTie", "country")}


def _ids(knowledge: Knowledge, kind: str) -> list[str]:
    if kind == "networks":
        return sorted(knowledge.networks)
    return sorted(knowledge.terms(kind))


def _definitions(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    defs = dict(schema.get("$defs", {}))
    defs["Assessment"] = schema
    return defs


def _set_enum(prop: dict[str, Any], values: list[str]) -> None:
    """Put ``values`` as the enum of a string property, or of a nullable one's string branch."""
    for branch in prop.get("anyOf", [prop]):
        if branch.get("type") == "string":
            branch["enum"] = values


def answers_schema(knowledge: Knowledge) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of an answers file for this knowledge base."""
    schema = Assessment.model_json_schema(by_alias=True)
    defs = _definitions(schema)
    codes = sorted(countries())
    for (model, field), kind in _ID_LISTS.items():
        defs[model]["properties"][field]["items"]["enum"] = _ids(knowledge, kind)
    for (model, field), kind in _ID_FIELDS.items():
        _set_enum(defs[model]["properties"][field], _ids(knowledge, kind))
    for model, field in _COUNTRY_FIELDS:
        _set_enum(defs[model]["properties"][field], codes)
    defs["Goals"]["properties"]["partner_countries"]["items"]["enum"] = codes
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Look Within answers file"
    return schema
