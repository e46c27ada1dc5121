"""Where answers live while people work: one database shared by every server process.

The wizard saves every change at once under an unguessable token kept in the page
address, so a reload, the browser's Back and Forward, a closed tab or a second device with
the same link find the answers where they were. SQLite (a file, no set-up) is the default;
PostgreSQL serves several app servers at once. The schema is managed by Alembic
migrations, run on first use, so later tables (workshops) are added the same way.
"""

from __future__ import annotations

from advisor.store.config import StoreSettings, settings
from advisor.store.database import Database, open_database
from advisor.store.drafts import Draft, DraftStore, new_token, valid_token

__all__ = [
    "Database",
    "Draft",
    "DraftStore",
    "StoreSettings",
    "new_token",
    "open_database",
    "settings",
    "valid_token",
]
