"""The Alembic migrations on SQLite and the real PostgreSQL: up and down, no drift from
``tables``, the built-in user, foreign keys, data kept across 0001 → 0002."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.model import LOCAL_USER
from spotlight_trader.storage.db import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    upgrade,
)
from spotlight_trader.storage.tables import metadata
from tests.storage_backends import BACKENDS, database

TABLES = {
    "users",
    "rules",
    "rule_versions",
    "user_rule_settings",
    "signals",
    "alert_state",
    "journal_imports",
    "journal_executions",
    "journal_trade_meta",
    "journal_entries",
    "journal_entry_versions",
    "api_tokens",
    "sessions",
    "watchlist_items",
    "user_preferences",
    "voice_token_uses",
    "webhooks",
    "webhook_deliveries",
}
# full-text search over journal entries, made by 0004_journal outside the metadata (a
# virtual table cannot be declared): SQLite's FTS5 table and its shadow tables,
# PostgreSQL's GIN index ix_journal_entries_fts
FTS = "journal_entries_fts"
OLD_DATA = [
    "insert into users (id, name, token_hash, created_at_ms) values ('alice', 'alice', 'h', 0)",
    "insert into rules (id, owner_id, name, kind, description, created_at_ms)"
    " values (1, 'alice', 'mine', 'custom', '', 0), (2, 'local', 'ours', 'custom', '', 0)",
    "insert into rule_versions (rule_id, version, params, expression, frequency, cooldown_s,"
    " intrabar, created_at_ms, created_by) values"
    " (1, 1, '{}', 'close > 1', 'once', 0, false, 0, 'alice'),"
    " (1, 2, '{}', 'close > 2', 'once', 0, false, 0, 'alice'),"
    " (1, 3, '{}', 'close > 3', 'once', 0, false, 0, 'alice'),"
    " (2, 1, '{}', 'close > 1', 'once', 0, false, 0, 'local')",
    "insert into user_rule_settings (user_id, rule_id, enabled, params, updated_at_ms)"
    " values ('alice', 1, true, '{}', 0), ('local', 2, true, '{}', 0)",
    "insert into signals (user_id, rule_id, version, rule_name, symbol, seq, ts_ms, direction,"
    " inputs, explanation) values ('local', 2, 1, 'ours', 'SPY', 1, 60000, 'long', '{}', 'x')",
]


@pytest.fixture(params=BACKENDS)
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An engine over an empty, unmigrated database."""
    async with database(request.param, tmp_path) as (url, schema):
        made = make_engine(url, schema=schema)
        try:
            yield made
        finally:
            await made.dispose()


def _tables(conn: sa.Connection) -> set[str]:
    names = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
    return {n for n in names if not n.startswith(FTS)}


def _not_fts(name: str | None, type_: str, _parent: object) -> bool:
    return not (type_ in {"table", "index", "column"} and FTS in (name or ""))


def _drift(conn: sa.Connection) -> list[Any]:
    context = MigrationContext.configure(
        conn, opts={"compare_server_default": True, "include_name": _not_fts}
    )
    return list(compare_metadata(context, metadata))


async def _rows(engine: AsyncEngine, sql: str) -> list[tuple[Any, ...]]:
    async with engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(sa.text(sql))).all()]


async def _execute(engine: AsyncEngine, *statements: str) -> None:
    async with engine.begin() as conn:
        for sql in statements:
            await conn.execute(sa.text(sql))


async def test_migrations_upgrade_and_downgrade(engine: AsyncEngine) -> None:
    assert await current_revision(engine) is None
    await upgrade(engine)
    assert await current_revision(engine) == head_revision()
    async with engine.connect() as conn:
        assert await conn.run_sync(_tables) == TABLES
    await upgrade(engine)  # idempotent
    await downgrade(engine, "base")
    assert await current_revision(engine) is None
    async with engine.connect() as conn:
        assert await conn.run_sync(_tables) == set()
    await upgrade(engine)
    assert await current_revision(engine) == head_revision()


async def test_migrations_produce_exactly_the_tables(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with engine.connect() as conn:
        assert await conn.run_sync(_drift) == []
    assert await _rows(engine, "select id, password_hash from users") == [(LOCAL_USER, None)]


async def test_foreign_keys_are_enforced(engine: AsyncEngine) -> None:
    await upgrade(engine)
    with pytest.raises(sa.exc.IntegrityError):
        await _execute(
            engine,
            "insert into rules (owner_id, name, kind, description, created_at_ms)"
            " values ('nobody', 'r', 'custom', '', 0)",
        )


async def test_upgrade_keeps_data_and_counts_versions(engine: AsyncEngine) -> None:
    await upgrade(engine, "0001")
    await _execute(engine, *OLD_DATA)
    await upgrade(engine)
    latest = "select id, latest_version from rules order by id"
    assert await _rows(engine, latest) == [(1, 3), (2, 1)]
    assert len(await _rows(engine, "select * from rule_versions")) == 4
    assert len(await _rows(engine, "select * from user_rule_settings")) == 2
    assert await _rows(engine, "select user_id from signals") == [(LOCAL_USER,)]
    tokens = "select id, user_id, name, token_hash from api_tokens"
    assert await _rows(engine, tokens) == [("h", "alice", "default", "h")]
    await downgrade(engine, "0001")
    assert len(await _rows(engine, "select * from rule_versions")) == 4
    assert await _rows(engine, "select id, token_hash from users") == [("alice", "h")]


async def test_upgrade_refuses_rows_of_unknown_users(engine: AsyncEngine) -> None:
    await upgrade(engine, "0001")
    await _execute(engine, OLD_DATA[1].replace("'alice'", "'ghost'"))
    with pytest.raises(sa.exc.IntegrityError):
        await upgrade(engine)
