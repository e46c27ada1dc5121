"""Connecting to the store and bringing its schema up to date.

One :class:`Database` per process and URL: SQLAlchemy pools the connections, SQLite runs
in WAL mode (readers never wait for the writer) with a busy timeout, and the Alembic
migrations run once when the database is first opened. On PostgreSQL an advisory lock
keeps two servers starting together from migrating at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from advisor.errors import Problem, StoreError
from advisor.store.config import settings

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK_ID = 7_346_102_418  # any constant; PostgreSQL advisory locks are global
_opened: dict[str, Database] = {}
_sqlite_locks: dict[str, threading.Lock] = {}
_opening = threading.Lock()


@dataclass(frozen=True)
class Database:
    """An engine whose schema is at the newest migration."""

    url: str
    engine: sa.Engine

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[sa.Connection]:
        """A write transaction. SQLite lets one writer in at a time and makes the others
        wait by sleeping and retrying, which leaves a long tail of slow saves when a room
        saves at once; the writers of this process queue on a lock instead."""
        lock = _sqlite_locks.setdefault(self.url, threading.Lock())
        with lock if self.backend == "sqlite" else nullcontext(), self.engine.begin() as conn:
            yield conn


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``; a SQLite file's folder is created when missing."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError([Problem("invalid", f"not a database URL: {exc}")]) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A room of 30 saving at once should not wait for connections to be opened and closed.
    return sa.create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=30)


def _alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration's id (what a migrated database records)."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(config).get_current_head())


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (idempotent; safe from several servers)."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID}
            )
        command.upgrade(_alembic_config(connection), "head")


def open_database(url: str | None = None) -> Database:
    """The process's database for ``url`` (default: the configured one), migrated once."""
    url = url or settings().url
    with _opening:
        if url not in _opened:
            engine = create_engine(url)
            try:
                migrate(engine)
            except sa.exc.SQLAlchemyError as exc:
                engine.dispose()
                reason = str(exc.orig or exc).splitlines()[0] if hasattr(exc, "orig") else str(exc)
                problem = Problem("invalid", f"cannot open the answers store: {reason}")
                raise StoreError([problem]) from exc
            _opened[url] = Database(url, engine)
        return _opened[url]


def forget(url: str) -> None:
    """Close and forget the database for ``url`` (tests open fresh ones)."""
    with _opening:
        db = _opened.pop(url, None)
    if db is not None:
        db.engine.dispose()
