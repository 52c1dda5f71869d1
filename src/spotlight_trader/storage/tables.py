"""The database tables (SQLAlchemy Core). Changes go through a new Alembic migration
(``tests/test_migrations.py`` fails when the migrations and these tables differ).

Every user id column references ``users``; the built-in user ``local`` is a row too
(inserted by migration 0002, without a token)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# SQLite only auto-increments an INTEGER PRIMARY KEY.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(64), nullable=True, unique=True),  # NULL: local
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
)

rules = sa.Table(
    "rules",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column(  # NULL: a built-in, shared
        "owner_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_rules_owner_id_users", ondelete="CASCADE"),
        nullable=True,
    ),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("builtin", sa.String(64), nullable=True, unique=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    # the newest version's number; new versions take it with an atomic increment
    sa.Column("latest_version", sa.Integer, nullable=False, server_default=sa.text("1")),
    sa.Column("deleted_at_ms", sa.BigInteger, nullable=True),  # deleted: signals kept
)

rule_versions = sa.Table(
    "rule_versions",
    metadata,
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("params", sa.JSON, nullable=False),
    sa.Column("expression", sa.Text, nullable=True),
    sa.Column("frequency", sa.String(32), nullable=False),
    sa.Column("cooldown_s", sa.Integer, nullable=False),
    sa.Column("intrabar", sa.Boolean, nullable=False),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Column(
        "created_by",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_rule_versions_created_by_users", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("note", sa.Text, nullable=True),
    # custom rules: "becomes_true" (on the transition) or "while_true" (every bar)
    sa.Column("fire_mode", sa.String(16), nullable=False, server_default="becomes_true"),
)

user_rule_settings = sa.Table(
    "user_rule_settings",
    metadata,
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_user_rule_settings_user_id_users", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("params", sa.JSON, nullable=False),
    sa.Column("symbols", sa.JSON, nullable=True),  # NULL: the watchlist
    sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    sa.Column("cooldown_s", sa.Integer, nullable=True),  # NULL: the version's
    sa.Column("expires_at_ms", sa.BigInteger, nullable=True),  # NULL: never
    sa.Column("paused_at_ms", sa.BigInteger, nullable=True),  # circuit breaker
    sa.Column("paused_reason", sa.Text, nullable=True),
)

signals = sa.Table(
    "signals",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_signals_user_id_users", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("rule_name", sa.String(200), nullable=False),
    sa.Column("symbol", sa.String(16), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("ts_ms", sa.BigInteger, nullable=False),
    sa.Column("direction", sa.String(8), nullable=False),
    sa.Column("inputs", sa.JSON, nullable=False),
    sa.Column("explanation", sa.Text, nullable=False),
    # idempotency key: user/rule/version/symbol/bar (NULL only on rows older than 0003)
    sa.Column("key", sa.String(200), nullable=True),
    # wall-clock time it was stored (retention prunes by it; NULL on rows older than 0003)
    sa.Column("stored_at_ms", sa.BigInteger, nullable=True),
    sa.Index("ix_signals_user_id", "user_id", "id"),
    sa.Index("ix_signals_user_symbol", "user_id", "symbol", "id"),
    sa.Index("ix_signals_stored_at_ms", "stored_at_ms"),
    sa.UniqueConstraint("key", name="uq_signals_key"),
)

# Frequency state of (user, rule version, symbol): the last signal's bar and time. Written
# in the transaction that stores the signal, read when the engine starts (a ``once`` rule
# stays fired across restarts; cooldowns continue).
alert_state = sa.Table(
    "alert_state",
    metadata,
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_alert_state_user_id_users", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("symbol", sa.String(16), primary_key=True),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("last_ts_ms", sa.BigInteger, nullable=False),
)
