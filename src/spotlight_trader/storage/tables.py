"""The database tables (SQLAlchemy Core). Changes go through a new Alembic migration
(``tests/test_migrations.py`` fails when the migrations and these tables differ).

Every user id column references ``users``; the built-in user ``local`` is a row too
(inserted by migration 0002, without a token)."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

metadata = sa.MetaData()

# SQLite only auto-increments an INTEGER PRIMARY KEY.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class DecimalText(sa.TypeDecorator[Decimal]):
    """An exact decimal stored as its text (SQLite has no exact numeric type)."""

    impl = sa.String(48)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


def _user_fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey("users.id", name=f"fk_{table}_user_id_users", ondelete="CASCADE")


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=True),  # argon2id; NULL: no password
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
)


def _user_column(table: str) -> sa.Column[str]:
    """A ``user_id`` column referencing ``users`` (rows go with their user)."""
    return sa.Column("user_id", sa.String(64), _user_fk(table), nullable=False)


# API tokens for scripts: shown once, stored as SHA-256; ``id`` is the public handle
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    _user_column("api_tokens"),
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
    _user_column("sessions"),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Column("last_seen_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_sessions_user_id", "user_id"),
)

# each user's watchlist, in order
watchlist_items = sa.Table(
    "watchlist_items",
    metadata,
    _user_column("watchlist_items"),
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
    _user_column("voice_token_uses"),
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

journal_imports = sa.Table(
    "journal_imports",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.String(64), _user_fk("journal_imports"), nullable=False),
    sa.Column("account", sa.String(64), nullable=True),  # NULL: the file's own accounts
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("tz", sa.String(64), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("added", sa.Integer, nullable=False),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_journal_imports_user_id", "user_id", "id"),
)
"""One import that stored at least one new fill (a re-import stores nothing)."""

journal_executions = sa.Table(
    "journal_executions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.String(64), _user_fk("journal_executions"), nullable=False),
    sa.Column("account", sa.String(64), nullable=False),
    sa.Column("key", sa.String(128), nullable=False),
    sa.Column("symbol", sa.String(16), nullable=False),
    sa.Column("ts_ms", sa.BigInteger, nullable=False),
    sa.Column("side", sa.String(4), nullable=False),
    sa.Column("quantity", DecimalText, nullable=False),
    sa.Column("price", DecimalText, nullable=False),
    sa.Column("commission", DecimalText, nullable=False),
    sa.Column("fees", DecimalText, nullable=False),
    sa.Column("exec_id", sa.String(128), nullable=True),
    sa.Column(  # NULL: entered by hand
        "import_id",
        BigId,
        sa.ForeignKey(
            "journal_imports.id", name="fk_journal_executions_import_id", ondelete="SET NULL"
        ),
        nullable=True,
    ),
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("user_id", "account", "key", name="uq_journal_executions_key"),
    sa.Index("ix_journal_executions_book", "user_id", "account", "symbol", "ts_ms"),
)
"""Fills: immutable once stored; (user, account, key) identifies one."""

journal_trade_meta = sa.Table(
    "journal_trade_meta",
    metadata,
    sa.Column("user_id", sa.String(64), _user_fk("journal_trade_meta"), primary_key=True),
    sa.Column(  # a trade is named by its first entry fill
        "execution_id",
        BigId,
        sa.ForeignKey(
            "journal_executions.id", name="fk_journal_trade_meta_execution_id", ondelete="CASCADE"
        ),
        primary_key=True,
    ),
    sa.Column("stop", DecimalText, nullable=True),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
)
"""What the trader says about a trade: the initial stop (for R) and tags."""

journal_entries = sa.Table(
    "journal_entries",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.String(64), _user_fk("journal_entries"), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("symbols", sa.JSON, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("trade_ids", sa.JSON, nullable=False),
    sa.Column("signal_ids", sa.JSON, nullable=False),
    sa.Column("day", sa.String(10), nullable=False),  # New York day it is about
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("search_text", sa.Text, nullable=False),  # body, symbols and tags
    sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_journal_entries_user_id", "user_id", "id"),
)
"""Markdown notes. Full-text search: the FTS5 table ``journal_entries_fts`` on SQLite,
a GIN index over ``to_tsvector('english', search_text)`` on PostgreSQL (both made by
migration 0004_journal, outside this metadata)."""

journal_entry_versions = sa.Table(
    "journal_entry_versions",
    metadata,
    sa.Column(
        "entry_id",
        BigId,
        sa.ForeignKey(
            "journal_entries.id", name="fk_journal_entry_versions_entry_id", ondelete="CASCADE"
        ),
        primary_key=True,
    ),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("symbols", sa.JSON, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("edited_at_ms", sa.BigInteger, nullable=False),
)
"""Every earlier version of an entry (the edit history)."""

webhooks = sa.Table(
    "webhooks",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_webhooks_user_id_users", ondelete="CASCADE"),
        nullable=False,
    ),
    # NULL: the user's webhook for every rule without its own
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=True),
    sa.Column("url", sa.String(2000), nullable=False),
    sa.Column("template", sa.Text, nullable=False),
    sa.Column("secret", sa.String(200), nullable=True),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    sa.Index("ix_webhooks_user_id_rule_id", "user_id", "rule_id"),
)
"""Where signals are POSTed: per (user, rule), or per user (``rule_id`` NULL)."""

webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name="fk_webhook_deliveries_user_id_users", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("rule_id", BigId, sa.ForeignKey("rules.id", ondelete="CASCADE"), nullable=False),
    sa.Column("signal_key", sa.String(200), nullable=False),
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("status_code", sa.Integer, nullable=True),  # NULL: no answer
    sa.Column("error", sa.String(200), nullable=True),
    sa.Column("at_ms", sa.BigInteger, nullable=False),
    sa.Column("duration_ms", sa.Integer, nullable=False),
    sa.Index("ix_webhook_deliveries_user_id_rule_id", "user_id", "rule_id", "id"),
)
"""Every delivery attempt of a signal to a webhook, with its HTTP status."""
