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
