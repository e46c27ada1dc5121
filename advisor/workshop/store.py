"""Workshops in the store: create, join, save answers, settle, close, delete, purge.

Every call reads and writes the database, so any app server sharing it sees the same
room. The facilitator's calls need the facilitator key (only its hash is stored);
participants need the join code, and then their own secret id. Nobody can list
workshops. Wrong join codes are counted per client (a keyed hash of the address, kept an
hour) and refused past the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from advisor.errors import AdvisorError, Problem
from advisor.model.assessment import Assessment, strip_control
from advisor.store.config import DEFAULT_WORKSHOP_DAYS
from advisor.store.database import Database
from advisor.store.drafts import now
from advisor.store.tables import join_failures, participants, workshops
from advisor.workshop.codes import new_code, new_secret, normalise_code, same_secret, secret_hash
from advisor.workshop.model import (
    Overrides,
    Participant,
    PartId,
    Workshop,
    WorkshopSettings,
)

JOIN_TRIES_PER_HOUR = 10
_CLIENT_KEY = os.environ.get("LOOK_WITHIN_SECRET", "").encode() or secrets.token_bytes(32)


class WorkshopError(AdvisorError):
    """A workshop call that cannot be done: wrong code or key, closed, too many tries."""


def _problem(key: str) -> WorkshopError:
    """A workshop refusal, said in the language of whoever reads it (``error.<key>``)."""
    return WorkshopError([Problem.of("not_found", f"error.{key}")])


@dataclass(frozen=True)
class Created:
    """What the facilitator gets once: the join code and the secret key."""

    code: str
    facilitator_key: str


def display_name(typed: str) -> str:
    """A participant's optional name as kept: printable, trimmed, at most 60 characters."""
    return strip_control(typed or "").strip()[:60]


def client_id(address: str | None) -> str:
    """A keyed hash of the client's address: enough to count wrong codes, not to know who."""
    key = hmac.new(_CLIENT_KEY, (address or "unknown").encode(), hashlib.sha256)
    return key.hexdigest()[:32]


class WorkshopStore:
    """Workshop calls on one database."""

    def __init__(self, database: Database, keep_days: int = DEFAULT_WORKSHOP_DAYS) -> None:
        self.database = database
        self.keep_days = keep_days

    @property
    def _engine(self) -> sa.Engine:
        return self.database.engine

    # --- facilitator ----------------------------------------------------------------

    def create(self, settings: WorkshopSettings) -> Created:
        """A new open workshop; the key is returned once and never stored in clear."""
        key, moment = new_secret(), now()
        for _ in range(5):  # a clash of two random codes is all but impossible; retry anyway
            code = new_code()
            try:
                with self._engine.begin() as conn:
                    conn.execute(
                        workshops.insert().values(
                            code=code,
                            facilitator_hash=secret_hash(key),
                            settings=settings.model_dump_json(),
                            overrides=Overrides().model_dump_json(),
                            status="open",
                            created_at=moment,
                            updated_at=moment,
                        )
                    )
                return Created(code, key)
            except sa.exc.IntegrityError:
                continue
        raise WorkshopError([Problem.of("invalid", "error.workshop_no_free_code")])

    def facilitate(self, code: str, key: str) -> Workshop:
        """The workshop, for its facilitator; a wrong code or key is one same message."""
        row = self._row(code)
        if row is None or not same_secret(key or "", row.facilitator_hash):
            raise _problem("workshop_no_code_and_key")
        return _workshop(row)

    def update_settings(self, code: str, key: str, settings: WorkshopSettings) -> Workshop:
        self.facilitate(code, key)
        self._update(code, settings=settings.model_dump_json())
        return self.facilitate(code, key)

    def set_overrides(self, code: str, key: str, overrides: Overrides) -> Workshop:
        self.facilitate(code, key)
        self._update(code, overrides=overrides.model_dump_json())
        return self.facilitate(code, key)

    def close(self, code: str, key: str, *, reopen: bool = False) -> Workshop:
        """No more answers (or again, with ``reopen``)."""
        self.facilitate(code, key)
        self._update(code, status="open" if reopen else "closed")
        return self.facilitate(code, key)

    def delete(self, code: str, key: str) -> None:
        """The workshop and every participant's answers go."""
        workshop = self.facilitate(code, key)
        with self._engine.begin() as conn:
            conn.execute(participants.delete().where(participants.c.workshop_code == workshop.code))
            conn.execute(workshops.delete().where(workshops.c.code == workshop.code))

    def participants(self, code: str, key: str) -> list[Participant]:
        """Everyone who joined, first joined first (the facilitator's view)."""
        workshop = self.facilitate(code, key)
        return self._participants(workshop.code)

    def room(self, code: str) -> list[Participant]:
        """Everyone's answers, for the room view a facilitator may allow participants."""
        return self._participants(code)

    # --- participants ---------------------------------------------------------------

    def find(self, typed_code: str, client: str) -> Workshop:
        """The workshop a participant's typed code names; wrong codes count towards the
        client's limit, and past it even a right code is refused for the hour."""
        if self._failures(client) >= JOIN_TRIES_PER_HOUR:
            raise WorkshopError(
                [
                    Problem(
                        "invalid",
                        "too many wrong codes from here; wait an hour or ask "
                        "the facilitator for the link",
                    )
                ]
            )
        code = normalise_code(typed_code or "")
        row = self._row(code) if code else None
        if row is None:
            self._fail(client)
            raise _problem("workshop_no_code_check")
        return _workshop(row)

    def join(self, code: str, name: str = "") -> Participant:
        """A new participant in an open workshop; their id is their way back in."""
        workshop = self._open(code)
        moment, pid = now(), new_secret()
        person = Participant(id=pid, name=display_name(name), updated_at=moment)
        with self._engine.begin() as conn:
            conn.execute(
                participants.insert().values(
                    id=pid,
                    workshop_code=workshop.code,
                    name=person.name,
                    answers=person.answers.model_dump_json(),
                    parts_done="[]",
                    created_at=moment,
                    updated_at=moment,
                )
            )
        return person

    def rejoin(self, code: str, pid: str) -> tuple[Workshop, Participant] | None:
        """The workshop and the participant a participant's own link names, as they are
        now. The secret id is the authority here, so this is not rate limited: a room
        behind one address that mistyped codes can still come back on its links."""
        person = self.participant(code, pid)
        row = self._row(code) if person is not None else None
        return (_workshop(row), person) if row is not None and person is not None else None

    def participant(self, code: str, pid: str) -> Participant | None:
        """A participant's own answers, when ``pid`` belongs to workshop ``code``."""
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(participants).where(
                    participants.c.id == (pid or ""), participants.c.workshop_code == code
                )
            ).first()
        return _participant(row) if row is not None else None

    def save(
        self,
        code: str,
        pid: str,
        answers: Assessment,
        parts_done: list[PartId],
        name: str | None = None,
    ) -> Participant:
        """Store a participant's answers (the workshop must be open), in one statement:
        a room saving at once makes this the busiest call of a workshop."""
        moment, done = now(), sorted(set(parts_done))
        values: dict[str, object] = {
            "answers": answers.model_dump_json(),
            "parts_done": json.dumps(done),
            "updated_at": moment,
        }
        if name is not None:
            values["name"] = display_name(name)
        still_open = sa.exists().where(
            workshops.c.code == code,
            workshops.c.status == "open",
            workshops.c.updated_at >= moment - dt.timedelta(days=self.keep_days),
        )
        with self.database.writing() as conn:
            row = conn.execute(
                participants.update()
                .where(participants.c.id == pid, participants.c.workshop_code == code, still_open)
                .values(**values)
                .returning(participants.c.name)
            ).first()
        if row is None:
            self._open(code)  # says "closed" or "no workshop" when that is why
            raise _problem("workshop_foreign_link")
        return Participant(
            id=pid, name=row.name, answers=answers, parts_done=done, updated_at=moment
        )

    # --- housekeeping ---------------------------------------------------------------

    def purge(self, older_than_days: int | None = None) -> int:
        """Delete workshops untouched for the keep period, and old wrong-code records."""
        days = self.keep_days if older_than_days is None else older_than_days
        cutoff = now() - dt.timedelta(days=days)
        with self._engine.begin() as conn:
            old = sa.select(workshops.c.code).where(workshops.c.updated_at < cutoff)
            conn.execute(participants.delete().where(participants.c.workshop_code.in_(old)))
            gone = conn.execute(workshops.delete().where(workshops.c.updated_at < cutoff))
            hour_ago = now() - dt.timedelta(hours=1)
            conn.execute(join_failures.delete().where(join_failures.c.at < hour_ago))
            return int(gone.rowcount or 0)

    # --- helpers --------------------------------------------------------------------

    def _row(self, code: str | None) -> sa.Row | None:
        if not code:
            return None
        cutoff = now() - dt.timedelta(days=self.keep_days)
        with self._engine.connect() as conn:
            return conn.execute(
                sa.select(workshops).where(
                    workshops.c.code == code, workshops.c.updated_at >= cutoff
                )
            ).first()

    def _open(self, code: str) -> Workshop:
        row = self._row(code)
        if row is None:
            raise _problem("workshop_no_code")
        workshop = _workshop(row)
        if workshop.status != "open":
            raise WorkshopError([Problem.of("invalid", "error.workshop_closed")])
        return workshop

    def _update(self, code: str, **values: object) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                workshops.update()
                .where(workshops.c.code == code)
                .values(updated_at=now(), **values)
            )

    def _participants(self, code: str) -> list[Participant]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                sa.select(participants)
                .where(participants.c.workshop_code == code)
                .order_by(participants.c.created_at, participants.c.id)
            ).all()
        return [_participant(row) for row in rows]

    def _failures(self, client: str) -> int:
        hour_ago = now() - dt.timedelta(hours=1)
        with self._engine.connect() as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count())
                    .select_from(join_failures)
                    .where(join_failures.c.client == client, join_failures.c.at >= hour_ago)
                ).scalar_one()
            )

    def _fail(self, client: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(join_failures.insert().values(client=client, at=now()))


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _workshop(row: sa.Row) -> Workshop:
    return Workshop(
        code=row.code,
        settings=WorkshopSettings.model_validate_json(row.settings),
        overrides=Overrides.model_validate_json(row.overrides),
        status=row.status,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
    )


def _participant(row: sa.Row) -> Participant:
    return Participant(
        id=row.id,
        name=row.name,
        answers=Assessment.model_validate_json(row.answers),
        parts_done=json.loads(row.parts_done),
        updated_at=_aware(row.updated_at),
    )
