"""Shared pydantic building blocks: strict models and checked references to vocabularies.

Every YAML the advisor reads (answers, rules, data) is validated through these, so a
misspelled key or id is reported with a suggestion instead of being ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from advisor.errors import Phrase
from advisor.spelling import closest


class Strict(BaseModel):
    """A model that rejects unknown keys with a 'did you mean ...?'."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_unknown_keys(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        allowed = set(cls.model_fields)
        allowed |= {f.alias for f in cls.model_fields.values() if f.alias}
        for key in data:
            if key not in allowed:
                raise PydanticCustomError(
                    "unknown_key",
                    "unknown key '{key}'; expected one of: {allowed}",
                    {
                        "key": str(key),
                        "allowed": ", ".join(sorted(allowed)),
                        "suggestion": closest(str(key), allowed),
                    },
                )
        return data


@dataclass
class KnownIds:
    """Ids the knowledge base defines, by kind, with other spellings that map to them."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, kind: str, ident: str, *other_names: str) -> None:
        self.ids.setdefault(kind, set()).add(ident)
        names = self.aliases.setdefault(kind, {})
        for name in other_names:
            names.setdefault(name, ident)

    def knows(self, kind: str) -> bool:
        return kind in self.ids

    def suggest(self, kind: str, value: str) -> str | None:
        return closest(value, self.ids.get(kind, set()), self.aliases.get(kind))


def reference(kind: str, label: str) -> Callable[[str, ValidationInfo], str]:
    """Validator: ``value`` must be a known id of ``kind`` when the context carries known ids.

    Without a context (objects built in code), the value is accepted as it is: the UI only
    offers known ids, and the loaders always pass the context. ``label`` names the kind in
    messages, in the reader's language when the catalog has ``error.label.<kind>``.
    """
    shown = Phrase(f"error.label.{kind}", default=label)

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("known")
        if not isinstance(known, KnownIds) or not known.knows(kind):
            return value
        if value in known.ids[kind]:
            return value
        raise PydanticCustomError(
            "unknown_reference",
            "unknown {label} '{value}'",
            {"label": shown, "value": value, "suggestion": known.suggest(kind, value)},
        )

    return check


ThemeId = Annotated[str, AfterValidator(reference("theme", "theme"))]
AssetId = Annotated[str, AfterValidator(reference("asset", "asset"))]
GoalId = Annotated[str, AfterValidator(reference("goal", "goal"))]
ConstraintId = Annotated[str, AfterValidator(reference("constraint", "constraint"))]
ConnectionKindId = Annotated[str, AfterValidator(reference("connection_kind", "connection kind"))]
InstitutionKindId = Annotated[
    str, AfterValidator(reference("institution_kind", "institution kind"))
]
NetworkId = Annotated[str, AfterValidator(reference("network", "network"))]
ProgrammeId = Annotated[str, AfterValidator(reference("programme", "programme"))]
CountryGroupId = Annotated[str, AfterValidator(reference("country_group", "country group"))]
