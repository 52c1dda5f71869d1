"""Webhooks: targets per (user, rule) or per user, and the delivery log.

Revision ID: 0006_webhooks
Revises: 0005_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_webhooks"
down_revision = "0005_accounts"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _user_id(table: str) -> sa.Column[str]:
    return sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name=f"fk_{table}_user_id_users", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "webhooks",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        _user_id("webhooks"),
        sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=True),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("template", sa.Text, nullable=False),
        sa.Column("secret", sa.String(200), nullable=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_webhooks_user_id_rule_id", "webhooks", ["user_id", "rule_id"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        _user_id("webhook_deliveries"),
        sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("signal_key", sa.String(200), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("status_code", sa.Integer, nullable=True),
        sa.Column("error", sa.String(200), nullable=True),
        sa.Column("at_ms", sa.BigInteger, nullable=False),
        sa.Column("duration_ms", sa.Integer, nullable=False),
    )
    op.create_index(
        "ix_webhook_deliveries_user_id_rule_id",
        "webhook_deliveries",
        ["user_id", "rule_id", "id"],
    )


def downgrade() -> None:
    op.drop_table("webhook_deliveries")
    op.drop_table("webhooks")
