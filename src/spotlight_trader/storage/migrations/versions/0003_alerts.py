"""Alerts a trader can trust: idempotency keys, persisted frequency state, firing modes,
per-user cooldowns, expiry, the circuit breaker's pause, soft-deleted rules, the time a
signal was stored (retention).

Revision ID: 0003_alerts
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_alerts"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SETTINGS_COLUMNS = ("cooldown_s", "expires_at_ms", "paused_at_ms", "paused_reason")


def upgrade() -> None:
    with op.batch_alter_table("rules") as batch:
        batch.add_column(sa.Column("deleted_at_ms", sa.BigInteger, nullable=True))
    with op.batch_alter_table("rule_versions") as batch:
        batch.add_column(
            sa.Column("fire_mode", sa.String(16), nullable=False, server_default="becomes_true")
        )
    with op.batch_alter_table("user_rule_settings") as batch:
        batch.add_column(sa.Column("cooldown_s", sa.Integer, nullable=True))
        batch.add_column(sa.Column("expires_at_ms", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("paused_at_ms", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("paused_reason", sa.Text, nullable=True))
    with op.batch_alter_table("signals") as batch:
        batch.add_column(sa.Column("key", sa.String(200), nullable=True))
        batch.add_column(sa.Column("stored_at_ms", sa.BigInteger, nullable=True))
        batch.create_unique_constraint("uq_signals_key", ["key"])
        batch.create_index("ix_signals_stored_at_ms", ["stored_at_ms"])
    op.create_table(
        "alert_state",
        sa.Column(
            "user_id",
            sa.String(64),
            sa.ForeignKey("users.id", name="fk_alert_state_user_id_users", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(16), primary_key=True),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_ts_ms", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("alert_state")
    with op.batch_alter_table("signals") as batch:
        batch.drop_index("ix_signals_stored_at_ms")
        batch.drop_constraint("uq_signals_key", type_="unique")
        batch.drop_column("stored_at_ms")
        batch.drop_column("key")
    with op.batch_alter_table("user_rule_settings") as batch:
        for column in reversed(SETTINGS_COLUMNS):
            batch.drop_column(column)
    with op.batch_alter_table("rule_versions") as batch:
        batch.drop_column("fire_mode")
    with op.batch_alter_table("rules") as batch:
        batch.drop_column("deleted_at_ms")
