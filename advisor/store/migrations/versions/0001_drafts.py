"""Drafts: the wizard's answers under an unguessable token.

Revision ID: 0001_drafts
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_drafts"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_drafts_updated_at", "drafts", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_drafts_updated_at", table_name="drafts")
    op.drop_table("drafts")
