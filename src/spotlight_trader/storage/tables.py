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
    sa.Column("password_hash", sa.String(200), nullable=True),  # argon2id; NULL: no password
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
)


def _user_fk(table: str) -> sa.Column[str]:
    """A ``user_id`` column referencing ``users`` (rows go with their user)."""
    return sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name=f"fk_{table}_user_id_users", ondelete="CASCADE"),
        nullable=False,
    )


# API tokens for scripts: shown once, stored as SHA-256; ``id`` is the public handle
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    _user_fk("api_tokens"),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Column("last_used_ms", sa.BigInteger, nullable=True),
    sa.Index("ix_api_tokens_user_id", "user_id"),
)

# signed-in browser sessions (the cookie's SHA-256): deleting a row signs it out
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    _user_fk("sessions"),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Column("last_seen_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_sessions_user_id", "user_id"),
)

# each user's watchlist, in order
watchlist_items = sa.Table(
    "watchlist_items",
    metadata,
    _user_fk("watchlist_items"),
    sa.Column("symbol", sa.String(16), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("user_id", "symbol", name="pk_watchlist_items"),
)

# each user's dashboard preferences (coach, alerts, chart), one JSON document
user_preferences = sa.Table(
    "user_preferences",
    metadata,
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_user_preferences_user_id_users", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("prefs", sa.JSON, nullable=False),
    sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
)

# voice tokens already used (their jti), kept until they expire: each opens one session
voice_token_uses = sa.Table(
    "voice_token_uses",
    metadata,
    sa.Column("jti", sa.String(64), primary_key=True),
    _user_fk("voice_token_uses"),
    sa.Column("expires_at_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_voice_token_uses_expires_at_ms", "expires_at_ms"),
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
    sa.Index("ix_signals_user_id", "user_id", "id"),
    sa.Index("ix_signals_user_symbol", "user_id", "symbol", "id"),
)
