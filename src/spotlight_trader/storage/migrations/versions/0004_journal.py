"""The trading journal: imports, executions, trade metadata, entries and their history,
full-text search over entries (SQLite FTS5 table / PostgreSQL GIN index).

Revision ID: 0004_journal
Revises: 0003_alerts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_journal"
down_revision = "0003_alerts"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Dec = sa.String(48)


def _user(table: str, *, primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "user_id",
        sa.String(64),
        sa.ForeignKey("users.id", name=f"fk_{table}_user_id_users", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "journal_imports",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        _user("journal_imports"),
        sa.Column("account", sa.String(64), nullable=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_journal_imports_user_id", "journal_imports", ["user_id", "id"])
    op.create_table(
        "journal_executions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        _user("journal_executions"),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("symbol", sa.String(16), nullable=False),
        sa.Column("ts_ms", sa.BigInteger, nullable=False),
        sa.Column("side", sa.String(4), nullable=False),
        sa.Column("quantity", Dec, nullable=False),
        sa.Column("price", Dec, nullable=False),
        sa.Column("commission", Dec, nullable=False),
        sa.Column("fees", Dec, nullable=False),
        sa.Column("exec_id", sa.String(128), nullable=True),
        sa.Column(
            "import_id",
            BigId,
            sa.ForeignKey(
                "journal_imports.id", name="fk_journal_executions_import_id", ondelete="SET NULL"
            ),
            nullable=True,
        ),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("user_id", "account", "key", name="uq_journal_executions_key"),
    )
    op.create_index(
        "ix_journal_executions_book",
        "journal_executions",
        ["user_id", "account", "symbol", "ts_ms"],
    )
    op.create_table(
        "journal_trade_meta",
        _user("journal_trade_meta", primary_key=True),
        sa.Column(
            "execution_id",
            BigId,
            sa.ForeignKey(
                "journal_executions.id",
                name="fk_journal_trade_meta_execution_id",
                ondelete="CASCADE",
            ),
            primary_key=True,
        ),
        sa.Column("stop", Dec, nullable=True),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "journal_entries",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        _user("journal_entries"),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("symbols", sa.JSON, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("trade_ids", sa.JSON, nullable=False),
        sa.Column("signal_ids", sa.JSON, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.Column("updated_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_journal_entries_user_id", "journal_entries", ["user_id", "id"])
    op.create_table(
        "journal_entry_versions",
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
    if op.get_bind().dialect.name == "sqlite":
        # external-content FTS5 index over journal_entries.search_text, kept by the repository
        op.execute(
            "CREATE VIRTUAL TABLE journal_entries_fts USING fts5("
            "search_text, content='journal_entries', content_rowid='id', "
            "tokenize='porter unicode61')"
        )
    else:
        op.execute(
            "CREATE INDEX ix_journal_entries_fts ON journal_entries "
            "USING gin (to_tsvector('english', search_text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE journal_entries_fts")
    for table in (
        "journal_entry_versions",
        "journal_entries",
        "journal_trade_meta",
        "journal_executions",
        "journal_imports",
    ):
        op.drop_table(table)
