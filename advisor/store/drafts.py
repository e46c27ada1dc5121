"""Drafts: the wizard's answers saved under a token, so nothing the user enters is lost.

The token is the only key: whoever has the link has the answers, as with a shared
document. It is 256 random bits, so it cannot be guessed, and it is checked for shape
before it reaches a query. A draft untouched for the configured number of days expires:
it is no longer found, and ``purge`` deletes it.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import TypeGuard

import sqlalchemy as sa
from pydantic import ValidationError

from advisor.errors import InputError, Problem
from advisor.model.assessment import Assessment
from advisor.model.base import KnownIds
from advisor.store.database import Database
from advisor.store.tables import drafts
from advisor.yamlio import pydantic_phrase

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def new_token() -> str:
    """A fresh unguessable token (256 random bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def valid_token(token: object) -> TypeGuard[str]:
    """True when ``token`` has the shape of a token this store hands out."""
    return isinstance(token, str) and bool(_TOKEN.match(token))


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Draft:
    """Answers found under a token, with when they were last saved."""

    token: str
    answers: Assessment
    updated_at: dt.datetime


class DraftStore:
    """Save, find, delete and purge drafts in one database."""

    def __init__(self, database: Database, keep_days: int) -> None:
        self.database = database
        self.keep_days = keep_days

    @property
    def _engine(self) -> sa.Engine:
        return self.database.engine

    def _cutoff(self, days: int | None = None) -> dt.datetime:
        return now() - dt.timedelta(days=self.keep_days if days is None else days)

    def save(self, token: str, answers: Assessment) -> None:
        """Store ``answers`` under ``token``, replacing what was there."""
        if not valid_token(token):
            raise ValueError("not a draft token")
        text, moment = answers.model_dump_json(), now()
        try:
            self._write(token, text, moment)
        except sa.exc.IntegrityError:  # another device created it between our two statements
            self._write(token, text, moment)

    def _write(self, token: str, text: str, moment: dt.datetime) -> None:
        """Update the row, or insert it when there is none yet (a portable upsert)."""
        with self.database.writing() as conn:
            updated = conn.execute(
                drafts.update()
                .where(drafts.c.token == token)
                .values(answers=text, updated_at=moment)
            )
            if not updated.rowcount:
                conn.execute(
                    drafts.insert().values(
                        token=token, answers=text, created_at=moment, updated_at=moment
                    )
                )

    def load(self, token: str, known: KnownIds | None = None) -> Draft | None:
        """The draft under ``token``, or None when there is none or it has expired.

        Raises :class:`InputError` when the stored answers no longer fit the knowledge
        base (an id was removed since); the draft itself is kept untouched.
        """
        if not valid_token(token):
            return None
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(drafts.c.answers, drafts.c.updated_at).where(
                    drafts.c.token == token, drafts.c.updated_at >= self._cutoff()
                )
            ).first()
        if row is None:
            return None
        return Draft(token, _answers(row.answers, known), _aware(row.updated_at))

    def delete(self, token: str) -> bool:
        """Remove the draft under ``token``; True when there was one."""
        if not valid_token(token):
            return False
        with self._engine.begin() as conn:
            return bool(conn.execute(drafts.delete().where(drafts.c.token == token)).rowcount)

    def purge(self, older_than_days: int | None = None) -> int:
        """Delete drafts untouched for ``older_than_days`` (default: the keep period)."""
        with self._engine.begin() as conn:
            gone = conn.execute(
                drafts.delete().where(drafts.c.updated_at < self._cutoff(older_than_days))
            )
            return int(gone.rowcount or 0)

    def count(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(drafts)).scalar_one())


def _answers(text: str, known: KnownIds | None) -> Assessment:
    try:
        return Assessment.model_validate_json(text, context={"known": known} if known else None)
    except ValidationError as exc:
        problems = [
            Problem.of(
                "invalid",
                "error.saved_draft_invalid",
                {"detail": pydantic_phrase(err)},
                file="saved draft",
                field=".".join(str(part) for part in err["loc"]) or None,
            )
            for err in exc.errors(include_url=False)
        ]
        raise InputError(problems) from exc
