"""Users, rules, immutable rule versions, per-user rule settings, signals.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "rules",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.String(64), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("builtin", sa.String(64), nullable=True, unique=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "rule_versions",
        sa.Column(
            "rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("expression", sa.Text, nullable=True),
        sa.Column("frequency", sa.String(32), nullable=False),
        sa.Column("cooldown_s", sa.Integer, nullable=False),
        sa.Column("intrabar", sa.Boolean, nullable=False),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=True),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_table(
        "user_rule_settings",
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column(
            "rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("symbols", sa.JSON, nullable=True),
        sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "signals",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("rule_name", sa.String(200), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("ts_ms", sa.BigInteger, nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
    )
    op.create_index("ix_signals_user_id", "signals", ["user_id", "id"])
    op.create_index("ix_signals_user_symbol", "signals", ["user_id", "symbol", "id"])


def downgrade() -> None:
    op.drop_index("ix_signals_user_symbol", table_name="signals")
    op.drop_index("ix_signals_user_id", table_name="signals")
    op.drop_table("signals")
    op.drop_table("user_rule_settings")
    op.drop_table("rule_versions")
    op.drop_table("rules")
    op.drop_table("users")
