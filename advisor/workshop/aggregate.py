"""What the room said: every participant's answers pooled, item by item.

The facilitator's dashboard, the agreed answers (:mod:`advisor.workshop.agree`) and the
report's "How this assessment was made" all read one :class:`RoomAggregate`, so the share a
projector shows is the share the rule applies. An item's share is counted among those who
answered its part, not among everyone in the room: the museum curator who skipped the
capacity questions should not lower the room's agreement on the budget.

Places named by several people are merged when they are the same place (same GeoNames id,
same name in the same country, or names the gazetteer resolves to one place: "Ypres" and
"Ieper"), so the room sees one line with every spelling it used.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict

from advisor.geo.countries import country_name
from advisor.geo.names import fold, place_key
from advisor.i18n import t
from advisor.knowledge.base import Knowledge
from advisor.model.assessment import (
    BUDGET_SCALE,
    STAFF_TIME_SCALE,
    Assessment,
    Connection,
    Institution,
    SisterTie,
)
from advisor.workshop.model import Participant, PartId, Workshop

SPLIT_BAND = (0.3, 0.7)
"""Shares at which the room is split rather than leaning one way: the dashboard and the
report point at these items as the ones worth discussing. A display choice, not a rule
of the advice (the acceptance threshold is the workshop's own setting)."""

Consensus = Literal["agreed", "divergent", "none"]
"""``agreed``: share at or above the threshold; ``divergent``: named by some but fewer;
``none``: a yes/no question every respondent answered "no"."""

PART_FIELDS: dict[PartId, tuple[str, ...]] = {
    "history": ("history",),
    "specializations": ("specializations", "assets"),
    "ties": ("ties",),
    "capacity": ("capacity",),
    "goals": ("goals", "constraints"),
}
"""The top-level fields of the answers each part covers."""

ID_FIELDS: dict[str, PartId] = {
    "history.themes": "history",
    "specializations.themes": "specializations",
    "assets": "specializations",
    "ties.networks": "ties",
    "capacity.languages": "capacity",
    "goals.aims": "goals",
    "goals.partner_countries": "goals",
    "constraints.items": "goals",
}
"""Lists of vocabulary ids (or country and language codes): an item per id."""

BOOLEAN_FIELDS: dict[str, PartId] = {
    "capacity.dedicated_unit": "capacity",
    "capacity.international_coordinator": "capacity",
    "capacity.written_strategy": "capacity",
}
"""Yes/no answers: the item is the "yes", its key is the field's path."""

TEXT_FIELDS: dict[str, PartId] = {
    "ties.partnerships": "ties",
    "capacity.citizen_associations": "capacity",
}
"""Lists of free text, merged when the text is the same but for case, accents, punctuation."""

INSTITUTIONS = "specializations.institutions"
PLACE_FIELDS: dict[str, PartId] = {"history.connections": "history", "ties.sister_towns": "ties"}
NOTE_FIELDS: dict[str, PartId] = {
    "history.notes": "history",
    "specializations.notes": "specializations",
    "goals.notes": "goals",
    "constraints.notes": "goals",
}

LABEL_KINDS = {
    "history.themes": "theme",
    "specializations.themes": "theme",
    "assets": "asset",
    "ties.networks": "network",
    "capacity.languages": "language",
    "goals.aims": "goal",
    "constraints.items": "constraint",
}
"""Knowledge vocabulary of each id field, for :func:`item_label`."""

MAX_KEY = 250
"""Item keys longer than this (a long free text) are shortened to a digest, so an override
can always be stored under its key."""


class PlaceResolver(Protocol):
    """Turns a place name typed in a country into a GeoNames id, or None when unsure."""

    def __call__(self, name: str, country: str) -> int | None: ...


def gazetteer_resolver() -> PlaceResolver:
    """A resolver backed by the project's gazetteer (alternate names and any script), as
    ``advisor find-town`` and the partner finder resolve names; answers are cached because
    a dashboard refresh asks the same names again."""
    from advisor.geo.gazetteer import gazetteer

    gaz = gazetteer()

    @lru_cache(maxsize=8192)
    def resolve(name: str, country: str) -> int | None:
        found = gaz.resolve(name, country)
        return found.place.geonameid if found.status == "resolved" and found.place else None

    return resolve


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Spelling(_Frozen):
    """One way the room wrote a place, and how many wrote it so."""

    name: str
    count: int


class Item(_Frozen):
    """One thing the room named (a theme, a goal, a place, a "yes" ...) and who named it.

    ``value`` is the vocabulary id, or the text as most people wrote it (place and
    institution names, partnerships). Places also carry the merged ``connection`` or
    ``sister_tie``, institutions the merged ``institution``: what the agreed answers keep.
    """

    key: str
    part: PartId
    field: str
    value: str
    count: int
    share: float
    consensus: Consensus
    names: list[str]
    country: str | None = None
    geonameid: int | None = None
    spellings: list[Spelling] = []
    aliases: list[str] = []
    """Other keys of a merged place (its other ids and names), so an override made under
    one of them still applies when a later answer changes which key leads."""
    connection: Connection | None = None
    sister_tie: SisterTie | None = None
    institution: Institution | None = None


class Spread(_Frozen):
    """How the estimates of an ordered scale spread: a count per value in scale order."""

    counts: dict[str, int]
    median: str | None
    """The lower median (see :func:`lower_median`), None when nobody answered."""


class Note(_Frozen):
    """A note a participant wrote; the name is for the facilitator's view only."""

    part: PartId
    field: str
    name: str
    text: str


class ParticipantProgress(_Frozen):
    id: str
    name: str
    done: int
    total: int
    parts_done: list[PartId]


class PartSummary(_Frozen):
    """Where a part stands: how many answered it, and how its items split."""

    part: PartId
    answered: int
    items: int
    agreed: int
    divergent: int
    split: list[str]
    """Keys of the items inside :data:`SPLIT_BAND`, the most evenly split first."""


class RoomAggregate(_Frozen):
    """Everything the room answered, pooled; built by :func:`aggregate`."""

    parts: list[PartId]
    threshold: float
    participants: int
    answered: dict[PartId, int]
    items: list[Item]
    staff_time: Spread
    budget_band: Spread
    notes: list[Note]
    progress: list[ParticipantProgress]
    summary: list[PartSummary]

    def item(self, key: str) -> Item | None:
        """The item with ``key`` (or with ``key`` among its aliases), if the room named it."""
        return next((i for i in self.items if i.key == key or key in i.aliases), None)

    def items_of(self, field_path: str) -> list[Item]:
        """The items of one answer field, in the order the room first named them."""
        return [i for i in self.items if i.field == field_path]


def accepted(count: int, answered: int, threshold: float) -> bool:
    """The rule: named by at least ``threshold`` of those who answered the part. Counts are
    compared rather than float shares, so 7 of 10 meets 0.7 exactly; half meets 0.5."""
    return answered > 0 and count >= threshold * answered - 1e-9


def lower_median(values: Sequence[str], scale: Sequence[str]) -> str | None:
    """The median of ordinal answers; between two middle values, the lower one.

    The plan is cut to fit the town's capacity: when the room is evenly split, promising
    the smaller staff time or budget avoids commitments the town then cannot keep.
    """
    if not values:
        return None
    ordered = sorted(values, key=scale.index)
    return ordered[(len(ordered) - 1) // 2]


def answered_part(participant: Participant, part: PartId) -> bool:
    """Whether ``participant`` answered ``part``: they said they did, or changed anything in
    it (a participant who ticked a theme but never pressed "done" still counts)."""
    if part in participant.parts_done:
        return True
    return _part_values(participant.answers, part) != _part_values(_EMPTY, part)


_EMPTY = Assessment()


def _part_values(answers: Assessment, part: PartId) -> tuple[Any, ...]:
    return tuple(getattr(answers, name) for name in PART_FIELDS[part])


def get_path(answers: Assessment, path: str) -> Any:
    """The value at a dotted path of the answers (``capacity.languages``)."""
    value: Any = answers
    for name in path.split("."):
        value = getattr(value, name)
    return value


def item_key(field_path: str, ident: str) -> str:
    """A stable key ``field:ident``; a very long ident (free text) becomes a digest."""
    key = f"{field_path}:{ident}"
    if len(key) <= MAX_KEY:
        return key
    return f"{field_path}:sha1:{hashlib.sha1(ident.encode('utf-8')).hexdigest()}"


@dataclass
class _Tally:
    """Who named one item so far (participant indexes, in order) and how they wrote it."""

    voters: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def add(self, voter: int, text: str) -> None:
        if voter not in self.voters:
            self.voters.append(voter)
        self.texts.append(text)


@dataclass
class _Room:
    """What every item builder needs: the respondents and the rule."""

    workshop: Workshop
    participants: list[Participant]
    answered: dict[PartId, int]
    respondents: dict[PartId, list[int]]

    def item(self, key: str, part: PartId, field_path: str, voters: list[int], **more: Any) -> Item:
        count, total = len(voters), self.answered[part]
        share = count / total if total else 0.0
        return Item(
            key=key,
            part=part,
            field=field_path,
            count=count,
            share=share,
            consensus=_consensus(count, total, self.workshop.settings.threshold),
            names=[self.participants[v].name for v in voters],
            **more,
        )

    def entries(self, part: PartId) -> Iterator[tuple[int, Participant]]:
        """Participants who answered ``part``, with their index (their order in the room)."""
        for index in self.respondents[part]:
            yield index, self.participants[index]


def _consensus(count: int, total: int, threshold: float) -> Consensus:
    if accepted(count, total, threshold):
        return "agreed"
    return "divergent" if count else "none"


def aggregate(
    workshop: Workshop, participants: list[Participant], resolver: PlaceResolver | None = None
) -> RoomAggregate:
    """Pool the answers of ``participants`` for the parts ``workshop`` opened.

    ``resolver`` (see :func:`gazetteer_resolver`) lets names typed differently meet as one
    place; without it, places merge by GeoNames id and by name within a country only.
    """
    parts = list(workshop.settings.parts)
    respondents = {
        part: [i for i, p in enumerate(participants) if answered_part(p, part)] for part in parts
    }
    room = _Room(workshop, participants, {p: len(r) for p, r in respondents.items()}, respondents)
    items = [item for part in parts for item in _part_items(room, part, resolver)]
    staff = _spread(room, "capacity.staff_time", STAFF_TIME_SCALE)
    budget = _spread(room, "capacity.budget_band", BUDGET_SCALE)
    return RoomAggregate(
        parts=parts,
        threshold=workshop.settings.threshold,
        participants=len(participants),
        answered=room.answered,
        items=items,
        staff_time=staff,
        budget_band=budget,
        notes=_notes(room),
        progress=[_progress(p, parts) for p in participants],
        summary=[_summary(part, room.answered[part], items) for part in parts],
    )


def _part_items(room: _Room, part: PartId, resolver: PlaceResolver | None) -> list[Item]:
    """Every item of one part, field by field in the answers' order."""
    items: list[Item] = []
    for path in _fields_of(part):
        if path in ID_FIELDS:
            items += _id_items(room, path)
        elif path in BOOLEAN_FIELDS:
            items += _boolean_items(room, path)
        elif path in TEXT_FIELDS:
            items += _text_items(room, path)
        elif path == INSTITUTIONS:
            items += _institution_items(room)
        elif path in PLACE_FIELDS:
            items += _place_items(room, path, resolver)
    return items


FIELD_ORDER = (
    "history.themes",
    "history.connections",
    "specializations.themes",
    "specializations.institutions",
    "assets",
    "ties.sister_towns",
    "ties.networks",
    "ties.partnerships",
    "capacity.dedicated_unit",
    "capacity.languages",
    "capacity.international_coordinator",
    "capacity.written_strategy",
    "capacity.citizen_associations",
    "goals.aims",
    "goals.partner_countries",
    "constraints.items",
)
"""Item fields in the order the answers model lists them."""


def _fields_of(part: PartId) -> list[str]:
    every = {**ID_FIELDS, **BOOLEAN_FIELDS, **TEXT_FIELDS, INSTITUTIONS: "specializations"}
    every.update(PLACE_FIELDS)
    return [path for path in FIELD_ORDER if every[path] == part]


def _id_items(room: _Room, path: str) -> list[Item]:
    part = ID_FIELDS[path]
    tallies: dict[str, _Tally] = {}
    for index, p in room.entries(part):
        for ident in get_path(p.answers, path):
            tallies.setdefault(ident, _Tally()).add(index, ident)
    return [
        room.item(item_key(path, ident), part, path, tally.voters, value=ident)
        for ident, tally in tallies.items()
    ]


def _boolean_items(room: _Room, path: str) -> list[Item]:
    """One item per yes/no question once anyone answered the part, even if all said no,
    so the facilitator can still switch it on by hand."""
    part = BOOLEAN_FIELDS[path]
    if not room.answered[part]:
        return []
    voters = [index for index, p in room.entries(part) if get_path(p.answers, path)]
    return [room.item(path, part, path, voters, value=path.rsplit(".", 1)[1])]


def _text_items(room: _Room, path: str) -> list[Item]:
    part = TEXT_FIELDS[path]
    tallies: dict[str, _Tally] = {}
    for index, p in room.entries(part):
        for text in get_path(p.answers, path):
            tallies.setdefault(fold(text) or text, _Tally()).add(index, text)
    return [
        room.item(item_key(path, folded), part, path, tally.voters, value=most_common(tally.texts))
        for folded, tally in tallies.items()
    ]


def _institution_items(room: _Room) -> list[Item]:
    """Institutions merge by folded name and kind (a museum and a school may share a name)."""
    groups: dict[tuple[str, str], list[tuple[int, Institution]]] = {}
    for index, p in room.entries("specializations"):
        for inst in p.answers.specializations.institutions:
            groups.setdefault((fold(inst.name) or inst.name, inst.kind), []).append((index, inst))
    items = []
    for (folded, kind), entries in groups.items():
        name = most_common([inst.name for _, inst in entries])
        merged = Institution(
            name=name, kind=kind, description=best_text(i.description for _, i in entries)
        )
        items.append(
            room.item(
                item_key(INSTITUTIONS, f"{folded}|{kind}"),
                "specializations",
                INSTITUTIONS,
                _voters(entries),
                value=name,
                institution=merged,
            )
        )
    return items


def _voters(entries: Iterable[tuple[int, Any]]) -> list[int]:
    return list(dict.fromkeys(index for index, _ in entries))


def most_common(values: Sequence[str]) -> str:
    """The value given most often; between equals, the first given."""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def best_text(values: Iterable[str]) -> str:
    """The most informative detail: the most common non-empty text, the longest between
    equals (it likely says more), then the first given; empty when nobody wrote one."""
    given = [v for v in values if v]
    if not given:
        return ""
    counts = Counter(given)
    return max(given, key=lambda v: (counts[v], len(v), -given.index(v)))


# --- places ----------------------------------------------------------------------------------

PlaceAnswer = Connection | SisterTie


@dataclass
class _PlaceEntry:
    voter: int
    entry: PlaceAnswer
    ident: int | None
    """The GeoNames id the participant gave, else the one the resolver found."""

    @property
    def name_key(self) -> str:
        folded, country = place_key(self.entry.place, self.entry.country)
        return f"{folded or self.entry.place}|{country}"


def _place_items(room: _Room, path: str, resolver: PlaceResolver | None) -> list[Item]:
    part = PLACE_FIELDS[path]
    entries = []
    for index, p in room.entries(part):
        for entry in get_path(p.answers, path):
            ident = entry.geonameid
            if ident is None and resolver is not None:
                ident = resolver(entry.place, entry.country)
            entries.append(_PlaceEntry(index, entry, ident))
    return [_place_item(room, path, part, group) for group in _place_groups(entries)]


def _place_groups(entries: list[_PlaceEntry]) -> list[list[_PlaceEntry]]:
    """Entries that mean one place, in the order each place was first named.

    Same id: one place. Same name in the same country: one place too, unless the entries
    carry different ids (two Springfields in the US); then a name without an id joins the
    id most people gave with that name.
    """
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        parent[max(a, b)] = min(a, b)

    by_id: dict[int, int] = {}
    by_name: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        if e.ident is not None:
            union(i, by_id.setdefault(e.ident, i))
        by_name.setdefault(e.name_key, []).append(i)
    for members in by_name.values():
        _join_by_name(members, entries, union)
    groups: dict[int, list[_PlaceEntry]] = {}
    for i, e in enumerate(entries):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def _join_by_name(
    members: list[int], entries: list[_PlaceEntry], union: Callable[[int, int], None]
) -> None:
    ids = Counter(ident for i in members if (ident := entries[i].ident) is not None)
    if len(ids) <= 1:
        for i in members[1:]:
            union(members[0], i)
        return
    lead_id = max(ids, key=lambda ident: (ids[ident], -ident))
    anchor = next(i for i in members if entries[i].ident == lead_id)
    for i in members:
        if entries[i].ident is None:
            union(anchor, i)


def _place_item(room: _Room, path: str, part: PartId, group: list[_PlaceEntry]) -> Item:
    """One merged place: the most common spelling with its own id, the most informative
    details, every spelling and every other key it is known by."""
    spelled = [e.entry.place for e in group]
    name = most_common(spelled)
    chosen = [e for e in group if e.entry.place == name]
    given = Counter(e.entry.geonameid for e in chosen if e.entry.geonameid is not None)
    own_id = max(given, key=lambda i: (given[i], -i)) if given else None
    country = most_common([e.entry.country for e in chosen])
    idents = Counter(e.ident for e in group if e.ident is not None)
    ident = max(idents, key=lambda i: (idents[i], -i)) if idents else None
    names = sorted({e.name_key for e in group})
    key = f"geo:{ident}" if ident is not None else f"name:{min(names)}"
    aliases = [f"geo:{i}" for i in sorted(idents)] + [f"name:{n}" for n in names]
    merged = _merged_place(group, name, country, own_id)
    return room.item(
        item_key(path, key),
        part,
        path,
        _voters((e.voter, e) for e in group),
        value=name,
        country=country,
        geonameid=ident,
        spellings=_spellings(group),
        aliases=[item_key(path, a) for a in aliases if a != key],
        connection=merged if isinstance(merged, Connection) else None,
        sister_tie=merged if isinstance(merged, SisterTie) else None,
    )


def _spellings(group: list[_PlaceEntry]) -> list[Spelling]:
    """Each way the place was written, counted once per participant, most used first."""
    pairs = dict.fromkeys((e.voter, e.entry.place) for e in group)
    per_name = Counter(name for _, name in pairs)
    return [Spelling(name=n, count=c) for n, c in per_name.most_common()]


def _merged_place(
    group: list[_PlaceEntry], name: str, country: str, own_id: int | None
) -> PlaceAnswer:
    first = group[0].entry
    if isinstance(first, Connection):
        connections = [e.entry for e in group if isinstance(e.entry, Connection)]
        return Connection(
            place=name,
            country=country,
            kind=most_common([c.kind for c in connections]),
            period=best_text(c.period for c in connections),
            description=best_text(c.description for c in connections),
            geonameid=own_id,
        )
    ties = [e.entry for e in group if isinstance(e.entry, SisterTie)]
    return SisterTie(
        place=name,
        country=country,
        since=_since(ties),
        status=_status(group),
        geonameid=own_id,
        notes=best_text(s.notes for s in ties),
    )


def _since(ties: list[SisterTie]) -> int | None:
    """The year most people gave; between equals the earliest (the tie began then)."""
    years = Counter(s.since for s in ties if s.since is not None)
    return max(years, key=lambda y: (years[y], -y)) if years else None


def _status(group: list[_PlaceEntry]) -> Literal["active", "dormant"]:
    """Dormant when most of those who named the tie say so; active otherwise."""
    votes: dict[int, bool] = {}
    for e in group:
        if isinstance(e.entry, SisterTie):
            votes[e.voter] = votes.get(e.voter, False) or e.entry.status == "dormant"
    dormant = sum(votes.values())
    return "dormant" if dormant * 2 > len(votes) else "active"


# --- spread, notes, progress, summary --------------------------------------------------------


def _spread(room: _Room, path: str, scale: Sequence[str]) -> Spread:
    if "capacity" not in room.answered:
        return Spread(counts=dict.fromkeys(scale, 0), median=None)
    values = [get_path(p.answers, path) for _, p in room.entries("capacity")]
    counts = Counter(values)
    return Spread(counts={v: counts[v] for v in scale}, median=lower_median(values, scale))


def _notes(room: _Room) -> list[Note]:
    notes = []
    for path, part in NOTE_FIELDS.items():
        if part not in room.answered:
            continue
        for _, p in room.entries(part):
            text = get_path(p.answers, path)
            if text:
                notes.append(Note(part=part, field=path, name=p.name, text=text))
    return notes


def _progress(participant: Participant, parts: list[PartId]) -> ParticipantProgress:
    done = [part for part in parts if part in participant.parts_done]
    return ParticipantProgress(
        id=participant.id, name=participant.name, done=len(done), total=len(parts), parts_done=done
    )


def _summary(part: PartId, answered: int, items: list[Item]) -> PartSummary:
    own = [i for i in items if i.part == part]
    low, high = SPLIT_BAND
    split = sorted(
        (i for i in own if low <= i.share <= high and i.consensus != "none"),
        key=lambda i: abs(i.share - 0.5),
    )
    return PartSummary(
        part=part,
        answered=answered,
        items=len(own),
        agreed=sum(i.consensus == "agreed" for i in own),
        divergent=sum(i.consensus == "divergent" for i in own),
        split=[i.key for i in split],
    )


def item_label(field_path: str, value: str, country: str | None, knowledge: Knowledge) -> str:
    """How an item reads to people: a vocabulary label, a country's name, "Ieper, Belgium",
    or the question of a yes/no answer. Plain text; whoever shows it escapes it."""
    if field_path in LABEL_KINDS:
        return knowledge.label(LABEL_KINDS[field_path], value)
    if field_path == "goals.partner_countries":
        return country_name(value)
    if field_path in BOOLEAN_FIELDS:
        return t(f"report.answer.{field_path}")
    if field_path in PLACE_FIELDS and country:
        return t("report.place", name=value, country=country_name(country))
    return value
