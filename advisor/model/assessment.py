"""The assessment: everything a town says about itself, in one versioned model.

The wizard edits one instance, the answers file stores it, and ``assess`` reads it. Answers
may be incomplete while the wizard is under way; :meth:`Assessment.missing` says what
``assess`` still needs.

Everything a file or a form can send is bounded here, so no input can stall or crash what
comes after: texts have a length and hold no control characters (they broke the Word
report and printed as missing glyphs in the PDF), and every list has a cap (5,000
connections took 12 s to assess and 23 s to render). The caps are far above what a town of
up to 100,000 inhabitants has (the example towns list two to six ties each).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Final, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from advisor.geo.countries import CountryCode
from advisor.i18n import InterfaceLanguage
from advisor.model.base import (
    AssetId,
    ConnectionKindId,
    ConstraintId,
    GoalId,
    InstitutionKindId,
    NetworkId,
    Strict,
    ThemeId,
)

SCHEMA_VERSION: Final = 1

StaffTime = Literal["none", "hours_per_month", "hours_per_week", "part_time", "full_time"]
STAFF_TIME_SCALE: tuple[StaffTime, ...] = get_args(StaffTime)
"""The staff-time answers from least to most, read from :data:`StaffTime` so the order
(which conditions compare by) cannot drift from the values the model accepts."""

BudgetBand = Literal["none", "under_1k", "1k_to_10k", "10k_to_50k", "over_50k"]
BUDGET_SCALE: tuple[BudgetBand, ...] = get_args(BudgetBand)
"""The budget bands from least to most, read from :data:`BudgetBand` (see above)."""

FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
"""Characters no answer may hold: C0 and C1 controls (tab, line feed, carriage return and
next line U+0085 are line layout and stay), lone surrogates and the non-characters U+FFFE
and U+FFFF. XML (Word) refuses them and no font draws them."""

MAX_ITEMS = 50
"""Most connections, institutions, sister towns, partnerships, associations or partner
countries in one answers file."""
MAX_LANGUAGES = 30
MAX_IDS = 100
"""Most entries in a list of vocabulary ids (themes, assets, goals, constraints, networks);
each vocabulary has under 40 terms, so this only stops a file repeating one id forever."""
MAX_STEPS = 20


def strip_control(text: str) -> str:
    """``text`` without the characters the model refuses, for a form to clean a paste."""
    return FORBIDDEN_CHARACTERS.sub("", text)


def _no_control(text: str) -> str:
    """Refuse text holding a forbidden character, saying which and where."""
    found = FORBIDDEN_CHARACTERS.search(text)
    if found:
        raise PydanticCustomError(
            "control_character",
            "contains the unprintable character U+{code} at character {position}; "
            "remove it (tabs and line breaks are fine)",
            {"code": f"{ord(found.group()):04X}", "position": found.start() + 1},
        )
    return text


def _number_as_text(value: object) -> object:
    """A number (or a date) written in a text field, as the text the clerk wrote.

    YAML reads ``period: 1854`` as an integer and ``since: 2001-05-01`` as a date, though a
    clerk means the words; refusing them as "expected text" blamed the clerk for YAML's
    typing. ``true`` and ``false`` stay refused: in a text field they are more likely a
    slip (an answer put in the wrong field) than the word, so the clerk is asked to quote it.
    """
    if isinstance(value, bool):
        raise PydanticCustomError(
            "bool_in_text",
            'expected text, got {value}; put the words in quotes ("{value}") if you mean them',
            {"value": "true" if value else "false"},
        )
    if isinstance(value, int | float | dt.date):
        return str(value)
    return value


Clean = AfterValidator(_no_control)
AsText = BeforeValidator(_number_as_text)
Name = Annotated[
    str, AsText, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), Clean
]
TownName = Annotated[str, AsText, StringConstraints(strip_whitespace=True, max_length=120), Clean]
"""A town's name that may still be empty while the clerk fills in the answers."""
ShortText = Annotated[str, AsText, StringConstraints(strip_whitespace=True, max_length=200), Clean]
LongText = Annotated[str, AsText, StringConstraints(strip_whitespace=True, max_length=4000), Clean]
LanguageCode = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z]{2,3}$")
]
Year = Annotated[int, Field(ge=800, le=2100)]
GeonameId = Annotated[int, Field(ge=1)]


def _unique(items: list[str]) -> list[str]:
    """The list without repeats, first occurrence kept (ticking a theme twice means once)."""
    return list(dict.fromkeys(items))


Ids = Field(max_length=MAX_IDS)
ThemeList = Annotated[list[ThemeId], Ids, AfterValidator(_unique)]
AssetList = Annotated[list[AssetId], Ids, AfterValidator(_unique)]
GoalList = Annotated[list[GoalId], Ids, AfterValidator(_unique)]
ConstraintList = Annotated[list[ConstraintId], Ids, AfterValidator(_unique)]
NetworkList = Annotated[list[NetworkId], Ids, AfterValidator(_unique)]
CountryList = Annotated[list[CountryCode], Field(max_length=MAX_ITEMS), AfterValidator(_unique)]
LanguageList = Annotated[
    list[LanguageCode], Field(max_length=MAX_LANGUAGES), AfterValidator(_unique)
]


class Municipality(Strict):
    """The town itself; name, country and population are needed before results."""

    name: TownName = ""
    """The name as the world writes it, in Latin letters: 'Hirado', 'Saint-Loup'."""
    local_name: TownName = ""
    """Optional: the name in the town's own script or language ('平戸市'), shown beside
    ``name`` in the results and the report ('Hirado (平戸市)'). Picking the town in the
    gazetteer fills it when the GeoNames alternate names tell it."""
    country: CountryCode | None = None
    region: ShortText = ""
    population: Annotated[int, Field(ge=1, le=50_000_000)] | None = None
    metro_population: Annotated[int, Field(ge=1, le=100_000_000)] | None = None
    """Optional: people in the whole metropolitan area, which some big-city networks count."""
    geonameid: GeonameId | None = None
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None


class Connection(Strict):
    """A historical link to a place abroad: the seed of most small-town partnerships."""

    place: Name
    country: CountryCode
    kind: ConnectionKindId
    period: ShortText = ""
    description: LongText = ""
    region: ShortText = ""
    """State, province or region of the place: tells namesakes apart ("Oregon")."""
    geonameid: GeonameId | None = None


class History(Strict):
    themes: ThemeList = Field(default_factory=list)
    notes: LongText = ""
    connections: list[Connection] = Field(default_factory=list, max_length=MAX_ITEMS)


class Institution(Strict):
    """A laboratory, university, port, company ... that gives the town a specialization."""

    name: Name
    kind: InstitutionKindId
    description: LongText = ""


class Specializations(Strict):
    themes: ThemeList = Field(default_factory=list)
    institutions: list[Institution] = Field(default_factory=list, max_length=MAX_ITEMS)
    notes: LongText = ""


class SisterTie(Strict):
    """An existing sister-town or friendship tie; dormant ties get a revival step."""

    place: Name
    country: CountryCode
    since: Year | None = None
    status: Literal["active", "dormant"] = "active"
    region: ShortText = ""
    """State, province or region of the place: tells namesakes apart ("Oregon")."""
    geonameid: GeonameId | None = None
    notes: ShortText = ""


class Ties(Strict):
    sister_towns: list[SisterTie] = Field(default_factory=list, max_length=MAX_ITEMS)
    networks: NetworkList = Field(default_factory=list)
    partnerships: list[ShortText] = Field(default_factory=list, max_length=MAX_ITEMS)


class Capacity(Strict):
    """What the town can put into international work; the plan is cut to fit it."""

    staff_time: StaffTime = "none"
    dedicated_unit: bool = False
    budget_band: BudgetBand = "none"
    languages: LanguageList = Field(default_factory=list)
    international_coordinator: bool = False
    written_strategy: bool = False
    citizen_associations: list[ShortText] = Field(default_factory=list, max_length=MAX_ITEMS)


class Goals(Strict):
    aims: GoalList = Field(default_factory=list)
    partner_countries: CountryList = Field(default_factory=list)
    notes: LongText = ""


class Constraints(Strict):
    items: ConstraintList = Field(default_factory=list)
    notes: LongText = ""


class Progress(Strict):
    """Where the wizard was when the answers were saved, so an upload resumes there."""

    last_step: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")] | None = None
    completed_steps: list[Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")]] = Field(
        default_factory=list, max_length=MAX_STEPS
    )
    saved_at: dt.datetime | None = None


class Assessment(Strict):
    """A town's answers. ``schema_version`` lets later versions read older files."""

    schema_version: Literal[1] = SCHEMA_VERSION
    municipality: Municipality = Field(default_factory=Municipality)
    history: History = Field(default_factory=History)
    specializations: Specializations = Field(default_factory=Specializations)
    assets: AssetList = Field(default_factory=list)
    ties: Ties = Field(default_factory=Ties)
    capacity: Capacity = Field(default_factory=Capacity)
    goals: Goals = Field(default_factory=Goals)
    constraints: Constraints = Field(default_factory=Constraints)
    progress: Progress = Field(default_factory=Progress)
    language: InterfaceLanguage | None = None
    """The language the answers were given in: a saved draft or file reopens in it."""

    def missing(self) -> list[str]:
        """Fields ``assess`` needs that are still empty, as dotted paths."""
        town = self.municipality
        needed = {
            "municipality.name": town.name,
            "municipality.country": town.country,
            "municipality.population": town.population,
        }
        return [path for path, value in needed.items() if not value]

    @property
    def themes(self) -> list[str]:
        """History and specialization themes together, history first."""
        return _unique([*self.history.themes, *self.specializations.themes])
