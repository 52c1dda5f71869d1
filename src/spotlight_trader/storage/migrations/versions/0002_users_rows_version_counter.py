"""The built-in user ``local`` as a row, foreign keys to ``users``, ``rules.latest_version``.

Every user id column now references ``users.id``; ``local`` (single-user mode) gets a
row without a token. ``rules.latest_version`` is the counter new version numbers are
taken from (backfilled with each rule's highest version).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, ondelete): the user id columns and what deleting a user does to them
USER_COLUMNS = (
    ("rules", "owner_id", "CASCADE"),
    ("rule_versions", "created_by", "SET NULL"),
    ("user_rule_settings", "user_id", "CASCADE"),
    ("signals", "user_id", "CASCADE"),
)


def _fk(table: str, column: str) -> str:
    return f"fk_{table}_{column}_users"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.alter_column("token_hash", existing_type=sa.String(64), nullable=True)
    op.execute(
        sa.text(
            "INSERT INTO users (id, name, token_hash, created_at_ms) "
            "VALUES ('local', 'local', NULL, :now)"
        ).bindparams(now=int(time.time() * 1000))
    )
    for table, column, ondelete in USER_COLUMNS:
        with op.batch_alter_table(table) as batch:  # SQLite: one copy of each table
            if table == "rules":
                batch.add_column(
                    sa.Column(
                        "latest_version", sa.Integer, nullable=False, server_default=sa.text("1")
                    )
                )
            batch.create_foreign_key(
                _fk(table, column), "users", [column], ["id"], ondelete=ondelete
            )
    op.execute(
        "UPDATE rules SET latest_version = (SELECT max(v.version) FROM rule_versions v "
        "WHERE v.rule_id = rules.id) "
        "WHERE EXISTS (SELECT 1 FROM rule_versions v WHERE v.rule_id = rules.id)"
    )


def downgrade() -> None:
    for table, column, _ondelete in reversed(USER_COLUMNS):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(_fk(table, column), type_="foreignkey")
            if table == "rules":
                batch.drop_column("latest_version")
    op.execute("DELETE FROM users WHERE id = 'local'")
    with op.batch_alter_table("users") as batch:
        batch.alter_column("token_hash", existing_type=sa.String(64), nullable=False)
