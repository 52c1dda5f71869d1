"""Accounts: passwords, API tokens (listable, revocable), server-side sessions, per-user
watchlists and preferences, used voice tokens.

``users.token_hash`` (one token per user) moves to ``api_tokens`` as a token named
``default``; downgrading moves each user's oldest token back.

Revision ID: 0005_accounts
Revises: 0004_journal
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_accounts"
down_revision = "0004_journal"
branch_labels = None
depends_on = None


def _user_id(table: str, *, primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name=f"fk_{table}_user_id_users", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(16), primary_key=True),
        _user_id("api_tokens"),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.Column("last_used_ms", sa.BigInteger, nullable=True),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        _user_id("sessions"),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.Column("last_seen_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "watchlist_items",
        _user_id("watchlist_items"),
        sa.Column("symbol", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("user_id", "symbol", name="pk_watchlist_items"),
    )
    op.create_table(
        "user_preferences",
        _user_id("user_preferences", primary_key=True),
        sa.Column("prefs", sa.JSON, nullable=False),
        sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "voice_token_uses",
        sa.Column("jti", sa.String(64), primary_key=True),
        _user_id("voice_token_uses"),
        sa.Column("expires_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_voice_token_uses_expires_at_ms", "voice_token_uses", ["expires_at_ms"])
    op.execute(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at_ms) "
        "SELECT substr(token_hash, 1, 12), id, 'default', token_hash, created_at_ms "
        "FROM users WHERE token_hash IS NOT NULL"
    )
    with op.batch_alter_table("users") as batch:
        batch.drop_column("token_hash")
        batch.add_column(sa.Column("password_hash", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_hash")
        batch.add_column(sa.Column("token_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_users_token_hash", ["token_hash"])
    op.execute(
        "UPDATE users SET token_hash = (SELECT t.token_hash FROM api_tokens t "
        "WHERE t.user_id = users.id ORDER BY t.created_at_ms, t.id LIMIT 1)"
    )
    for table in ("voice_token_uses", "user_preferences", "watchlist_items", "sessions"):
        op.drop_table(table)
    op.drop_table("api_tokens")
