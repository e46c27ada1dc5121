"""Workshops, their participants, and wrong join codes (for the rate limit).

Revision ID: 0002_workshops
Revises: 0001_drafts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_workshops"
down_revision = "0001_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("facilitator_hash", sa.String(64), nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("overrides", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_workshops_updated_at", "workshops", ["updated_at"])
    op.create_table(
        "participants",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "workshop_code",
            sa.String(16),
            sa.ForeignKey("workshops.code", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("parts_done", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_participants_workshop_code", "participants", ["workshop_code"])
    op.create_table(
        "join_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_join_failures_client", "join_failures", ["client"])
    op.create_index("ix_join_failures_at", "join_failures", ["at"])


def downgrade() -> None:
    op.drop_table("join_failures")
    op.drop_index("ix_participants_workshop_code", table_name="participants")
    op.drop_table("participants")
    op.drop_index("ix_workshops_updated_at", table_name="workshops")
    op.drop_table("workshops")
