"""The store's tables, described once for the code and for Alembic's migrations."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("answers", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
"""One wizard's answers (the answers file's JSON form) under its unguessable token."""

workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("facilitator_hash", sa.String(64), nullable=False),
    sa.Column("settings", sa.Text, nullable=False),
    sa.Column("overrides", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
"""A workshop: its settings and the facilitator's choices; only a hash of the key."""

participants = sa.Table(
    "participants",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "workshop_code",
        sa.String(16),
        sa.ForeignKey("workshops.code", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.String(60), nullable=False),
    sa.Column("answers", sa.Text, nullable=False),
    sa.Column("parts_done", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
"""One participant's answers; the id is their secret link (no e-mail, no account)."""

join_failures = sa.Table(
    "join_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("client", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)
"""Wrong join codes, by a keyed hash of the client address, kept for an hour (rate limit)."""
