"""The store's part of the ``advisor`` command: ``advisor drafts purge``.

Kept beside the store so that the command line only wires it in; the purge job a server
runs daily (cron, systemd timer) is this command.
"""

from __future__ import annotations

import argparse
from typing import Any

from advisor.store.config import settings
from advisor.store.database import open_database
from advisor.store.drafts import DraftStore


def cmd_drafts_purge(args: argparse.Namespace) -> int:
    config = settings()
    store = DraftStore(open_database(args.database or config.url), config.draft_days)
    days = config.draft_days if args.older_than is None else args.older_than
    gone = store.purge(days)
    print(f"purged {gone} draft(s) untouched for {days} day(s) or more; {store.count()} left")
    return 0


def days_argument(text: str) -> int:
    """An argparse type: a whole number of days (0 or more)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got '{text}'")
    return int(text)


def add_commands(sub: Any) -> None:
    """Add ``drafts purge`` to the ``advisor`` subcommands."""
    drafts = sub.add_parser("drafts", help="answers saved by the wizard (the store)")
    verbs = drafts.add_subparsers(dest="drafts_command", required=True)
    purge = verbs.add_parser("purge", help="delete drafts nobody has touched for a while")
    purge.add_argument(
        "--older-than",
        type=days_argument,
        metavar="DAYS",
        help="days untouched (default: LOOK_WITHIN_DRAFT_DAYS, else 30)",
    )
    purge.add_argument(
        "--database", help="database URL (default: LOOK_WITHIN_DATABASE_URL, else the SQLite file)"
    )
    purge.set_defaults(run=cmd_drafts_purge)
