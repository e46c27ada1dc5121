"""Store settings from the environment, with defaults that need no set-up.

``LOOK_WITHIN_DATABASE_URL`` picks the database (any SQLAlchemy URL; PostgreSQL through
psycopg 3 as ``postgresql+psycopg://user:password@host/name``). Without it, answers go to
a SQLite file under ``LOOK_WITHIN_DATA_DIR`` (default ``~/.local/share/look-within``).
``LOOK_WITHIN_DRAFT_DAYS`` is how long an untouched draft is kept (default 30),
``LOOK_WITHIN_WORKSHOP_DAYS`` an untouched workshop (default 90).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from advisor.errors import Problem, StoreError

DEFAULT_DRAFT_DAYS = 30
DEFAULT_WORKSHOP_DAYS = 90


@dataclass(frozen=True)
class StoreSettings:
    """Where the store is and how long it keeps drafts."""

    url: str
    draft_days: int
    workshop_days: int = DEFAULT_WORKSHOP_DAYS


def default_url() -> str:
    """A SQLite file in the user's data folder (created when missing)."""
    base = os.environ.get("LOOK_WITHIN_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share", "look-within"
    )
    return f"sqlite:///{Path(base) / 'look-within.db'}"


def _positive_days(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        problem = Problem(
            "invalid", f"{name} must be a whole number of days (1 or more), not '{raw}'"
        )
        raise StoreError([problem])
    return int(raw)


def settings() -> StoreSettings:
    """The settings in force now (read from the environment each time)."""
    return StoreSettings(
        url=os.environ.get("LOOK_WITHIN_DATABASE_URL", "").strip() or default_url(),
        draft_days=_positive_days("LOOK_WITHIN_DRAFT_DAYS", DEFAULT_DRAFT_DAYS),
        workshop_days=_positive_days("LOOK_WITHIN_WORKSHOP_DAYS", DEFAULT_WORKSHOP_DAYS),
    )
