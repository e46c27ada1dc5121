"""The shapes of the files in ``data/``: vocabularies, reference cases, networks, programmes.

Each file is one item and its path is its id. Every fact names its source by a key into
the file's own ``sources`` table, checked at load, so a council can trace any sentence the
advisor shows back to a page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from advisor.conditions import Condition
from advisor.geo.countries import CountryCode
from advisor.i18n import INTERFACE_LANGUAGES, Localized
from advisor.model.assessment import BudgetBand, StaffTime
from advisor.model.base import (
    AssetId,
    ConnectionKindId,
    GoalId,
    NetworkId,
    Strict,
    ThemeId,
)
from advisor.spelling import closest

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]


def _localized(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
    """A text, or a text per language (``{en: ..., ja: ..., fr: ...}``, English required),
    each checked like a text; the result reads as English and knows its translations."""
    if isinstance(value, Localized):  # already checked: keep its translations
        return value
    if not isinstance(value, dict):
        return str(handler(value))
    unknown = sorted(set(value) - set(INTERFACE_LANGUAGES))
    if unknown:
        raise PydanticCustomError(
            "unknown_language",
            "unknown language '{language}': write {languages}",
            {"language": unknown[0], "languages": ", ".join(INTERFACE_LANGUAGES)},
        )
    if "en" not in value:
        raise PydanticCustomError("no_english", "a translated text needs its English ('en')", {})
    others = {code: str(handler(text)) for code, text in value.items() if code != "en"}
    return Localized(str(handler(value["en"])), others)


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=3000),
    WrapValidator(_localized),
]
"""A sentence a reader sees: plain English, or one text per interface language."""
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]


def _known_source(key: str, info: ValidationInfo) -> str:
    keys = (info.context or {}).get("source_keys")
    if keys is None or key in keys:
        return key
    raise PydanticCustomError(
        "unknown_source",
        "source '{key}' is not in this file's sources table",
        {"key": key, "suggestion": closest(key, keys)},
    )


SourceKey = Annotated[str, AfterValidator(_known_source)]


class Source(Strict):
    """Where facts come from: a title a reader recognises and the address to check it."""

    title: Text
    url: Url
    accessed: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2})?$")]
    licence: str | None = None


class Sourced(Strict):
    """A fact: it must cite at least one source of its file."""

    source: SourceKey | None = None
    sources: list[SourceKey] = Field(default_factory=list)
    unverified: bool = False
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _source_may_be_a_list(cls, data: Any) -> Any:
        """``source: [a, b]`` reads as ``sources: [a, b]``: authors write both."""
        if isinstance(data, dict) and isinstance(data.get("source"), list):
            data = {**data, "sources": [*data.get("sources", []), *data["source"]]}
            del data["source"]
        return data

    @model_validator(mode="after")
    def _cites_a_source(self) -> Sourced:
        if not self.source and not self.sources:
            raise PydanticCustomError(
                "missing_source", "this fact has no 'source'; add a key of the sources table", {}
            )
        return self

    @property
    def source_keys(self) -> list[str]:
        return [k for k in (self.source, *self.sources) if k]


class SourcedText(Sourced):
    text: Text


class KnowledgeFile(Strict):
    """Fields every item file shares: its id (the file name) and its sources table."""

    id: Ident
    sources: dict[Ident, Source] = Field(min_length=1)


# --- vocabularies ------------------------------------------------------------------------


class Term(Strict):
    """One entry of a controlled vocabulary (a theme, an asset, a goal ...)."""

    id: Ident
    label: Text
    description: Text
    synonyms: list[str] = Field(default_factory=list)
    kind: Literal["history", "specialization", "both"] | None = None
    implies_asset: AssetId | None = None
    weight: Annotated[float, Field(gt=0, le=1)] = 1.0
    """How much sharing this theme says about two towns; common ones (tourism) weigh less."""


class Vocabulary(Strict):
    """A vocabulary file; its file name (``themes``, ``goals`` ...) is the kind of its terms."""

    description: Text
    reference: list[Source] = Field(default_factory=list)
    terms: list[Term] = Field(min_length=1)


class CountryGroup(KnowledgeFile, Sourced):
    name: Text
    members: list[CountryCode] = Field(min_length=1)
    as_of: int | None = None


# --- reference cases ---------------------------------------------------------------------


class Population(Sourced):
    value: Annotated[int, Field(ge=1)]
    year: Annotated[int, Field(ge=1800, le=2100)]


class CaseCapacity(Strict):
    staff_time: StaffTime | None = None
    dedicated_unit: bool | None = None
    international_coordinator: bool | None = None
    budget_band: BudgetBand | None = None


class CaseProfile(Sourced):
    history_themes: list[ThemeId] = Field(default_factory=list)
    specialization_themes: list[ThemeId] = Field(default_factory=list)
    assets: list[AssetId] = Field(default_factory=list)
    connection_kinds: list[ConnectionKindId] = Field(default_factory=list)
    goals: list[GoalId] = Field(default_factory=list)
    capacity: CaseCapacity = Field(default_factory=CaseCapacity)


class CaseTie(Sourced):
    place: Text
    country: CountryCode
    kind: Literal["sister_town", "friendship", "partnership", "project"]
    since: int | None = None
    status: Literal["active", "dormant", "ended"] = "active"
    why: Text | None = None
    geonameid: int | None = None


class Membership(Sourced):
    network: NetworkId


class Action(Sourced):
    text: Text
    kind: Literal[
        "organisation",
        "partnership",
        "network",
        "event",
        "project",
        "funding",
        "heritage",
        "advocacy",
    ]


class ReferenceCase(KnowledgeFile):
    """A real town whose path into city diplomacy others can learn from."""

    name: Text
    country: CountryCode
    region: str | None = None
    population: Population
    path: Literal["history", "specialization", "both"]
    summary: Text
    profile: CaseProfile
    ties: list[CaseTie] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list)
    actions: list[Action] = Field(min_length=1)
    lessons: Text
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None


# --- networks ----------------------------------------------------------------------------

Band = Literal["free", "low", "medium", "high", "unknown"]
Effort = Literal["low", "medium", "high"]


class Requirement(Sourced):
    """A condition for joining: 'required' excludes a town, 'advisory' only lowers the fit."""

    id: Ident
    requires: Condition
    explain: Text
    strength: Literal["required", "advisory"] = "required"


class Application(Sourced):
    mode: Literal["open", "call", "invitation", "via_national"]
    note: Text | None = None


class Fees(Sourced):
    band: Band
    text: Text


class Members(Sourced):
    count: Annotated[int, Field(ge=0)]
    as_of: int


class TypicalPopulation(Sourced):
    """The size of a network's usual members, read from its rules or member list: outside it
    the fit drops (``rules/network_fit.yaml`` ``scale``), without making the town ineligible."""

    min: Annotated[int, Field(ge=1)] | None = None
    max: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _a_bound(self) -> TypicalPopulation:
        if self.min is None and self.max is None:
            raise PydanticCustomError("no_bound", "give min, max or both", {})
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError("bad_range", "min is above max", {})
        return self


class Network(KnowledgeFile):
    """A city network: who may join, what it asks, what it costs, how to join."""

    name: Text
    url: Url
    summary: Text
    themes: list[ThemeId] = Field(default_factory=list)
    goals: list[GoalId] = Field(default_factory=list)
    eligibility: list[Requirement] = Field(default_factory=list)
    application: Application
    commitments: list[SourcedText] = Field(default_factory=list)
    fees: Fees
    how_to_join: list[SourcedText] = Field(min_length=1)
    effort: Effort
    members: Members | None = None
    typical_population: TypicalPopulation | None = None
    home_country: CountryCode | None = None
    """Set when the network is one country's national association (Sister Cities
    International: US); towns of other countries are pointed to their own body first."""
    peer_data: Literal["covenant_signatories"] | None = None
    """Open data set listing the network's members, used to name real peers."""


# --- curated places ----------------------------------------------------------------------


class NotATown(Sourced):
    """Why a curated place cannot be a partner town although its story matters: its people
    were moved away (``uninhabited``) or it is a site or district without its own council
    (``not_a_municipality``). Only a council can sign a partnership."""

    reason: Literal["uninhabited", "not_a_municipality"]


class CuratedPlace(Sourced):
    """A real place known for a theme, which the partner finder may suggest.

    ``geonameid`` names the GeoNames place when the name alone is ambiguous in the country
    (several towns called Richland), so the partner carries an id and a population."""

    name: Text
    country: CountryCode
    themes: list[ThemeId] = Field(min_length=1)
    why: Text
    population: Population | None = None
    geonameid: int | None = None
    not_a_town: NotATown | None = None


class PlaceGroup(Strict):
    """A file of ``data/places``: places that share a topic, with their sources."""

    description: Text
    places: list[CuratedPlace] = Field(min_length=1)
    sources: dict[Ident, Source] = Field(min_length=1)


# --- support programmes ------------------------------------------------------------------

UseFor = Literal["find_partner", "funding", "staff", "templates", "advice", "network"]


class Programme(KnowledgeFile):
    """National or international support a plan step can point a town to."""

    name: Text
    provider: Text
    url: Url
    applies_to: Condition
    offers: list[SourcedText] = Field(min_length=1)
    use_for: list[UseFor] = Field(min_length=1)
    cost: Fees
    contact_note: Text | None = None
    languages: list[str] = Field(default_factory=list)
