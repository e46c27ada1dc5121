"""Databases for the store's tests: a SQLite file always, and a real PostgreSQL.

PostgreSQL comes from ``LOOK_WITHIN_TEST_POSTGRES_URL`` (``scripts/test`` starts Debian's
server and sets it when run as root). Without it the PostgreSQL cases are skipped with the
reason, except in CI (``CI`` set), where a missing database is a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisor.store.database import Database, forget, open_database
from advisor.store.drafts import DraftStore
from advisor.store.tables import drafts

BACKENDS = ["sqlite", "postgresql"]


def postgres_url() -> str:
    url = os.environ.get("LOOK_WITHIN_TEST_POSTGRES_URL", "").strip()
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("CI must run the store tests on PostgreSQL: LOOK_WITHIN_TEST_POSTGRES_URL")
    pytest.skip("no PostgreSQL: run ./scripts/test as root or set LOOK_WITHIN_TEST_POSTGRES_URL")


def empty_postgres(url: str) -> None:
    """Drop every table of the test database, so each test starts from no schema."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def database_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = postgres_url()
    forget(url)
    empty_postgres(url)
    return url


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated, empty store on each backend."""
    url = database_url(request.param, tmp_path)
    yield open_database(url)
    forget(url)


def age(store: DraftStore, token: str, days: float) -> None:
    """Pretend the draft under ``token`` was last saved ``days`` ago."""
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    with store.database.engine.begin() as conn:
        conn.execute(drafts.update().where(drafts.c.token == token).values(updated_at=moment))


def at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(0)`` .. ``work(count - 1)`` in threads released together, as a room's
    sessions are; every exception raised, for the test to show."""
    start, errors = threading.Barrier(count), []

    def one(i: int) -> None:
        try:
            start.wait()
            work(i)
        except BaseException as exc:  # collected and asserted by the caller
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
