"""How storage behaves under load, on SQLite and the real PostgreSQL: reading rules is a
constant number of statements, concurrent edits of one rule get consecutive versions."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from spotlight_trader.rules.model import UserRuleSettings
from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.storage.db import make_engine
from tests.conftest import make_settings, running_server
from tests.factories import Repositories, repositories
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.storage_backends import BACKENDS, database

pytestmark = pytest.mark.parametrize("backend", BACKENDS)
EDITS = 24


async def _statements(repos: Repositories, call: Callable[[], Awaitable[object]]) -> int:
    count = 0

    def counted(*_args: object) -> None:
        nonlocal count
        count += 1

    sa.event.listen(repos.engine.sync_engine, "before_cursor_execute", counted)
    try:
        await call()
    finally:
        sa.event.remove(repos.engine.sync_engine, "before_cursor_execute", counted)
    return count


async def _counts(repos: Repositories) -> dict[str, int]:
    rules = repos.rules
    return {
        "list_rules": await _statements(repos, lambda: rules.list_rules(user="alice")),
        "active_rules(user)": await _statements(repos, lambda: rules.active_rules(user="alice")),
        "active_rules()": await _statements(repos, rules.active_rules),
    }


async def test_reading_rules_is_one_query_however_many(backend: str, tmp_path: Path) -> None:
    async with (
        database(backend, tmp_path) as (url, schema),
        repositories(url, schema=schema, users=["alice"]) as repos,
    ):
        rules = repos.rules
        await rules.create_rule(user="alice", name="r0", expression="close > 0")
        one = await _counts(repos)
        for i in range(1, 50):
            await rules.create_rule(user="alice", name=f"r{i}", expression=f"close > {i}")
        for builtin in await rules.list_rules(user="alice"):
            if builtin.builtin is not None:
                await rules.put_settings(builtin.id, UserRuleSettings(enabled=True), user="alice")
        assert len(await rules.active_rules(user="alice")) > 50
        assert one == await _counts(repos) == dict.fromkeys(one, 1)


async def test_concurrent_edits_of_one_rule_get_consecutive_versions(
    backend: str, tmp_path: Path
) -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], 1_700_000_040_000, minutes=3), hold=True)
    async with database(backend, tmp_path) as (url, schema):
        components = build_components(
            make_settings(watchlist="SPY"), engine=make_engine(url, schema=schema)
        )
        async with (
            running_server(Ingest(components, feed)) as base,
            httpx.AsyncClient(base_url=base, timeout=30) as client,
        ):
            made = await client.post("/api/rules", json={"name": "r", "expression": "close > 1"})
            assert made.status_code == 201
            path = f"/api/rules/{made.json()['id']}/versions"
            edits = await asyncio.gather(
                *(
                    client.post(path, json={"cooldown_s": i, "note": f"edit {i}"})
                    for i in range(1, EDITS + 1)
                )
            )
            assert [r.status_code for r in edits] == [201] * EDITS
            assert sorted(r.json()["version"] for r in edits) == list(range(2, EDITS + 2))
            history = (await client.get(path)).json()["versions"]
            assert [v["version"] for v in history] == list(range(EDITS + 1, 0, -1))
            notes = sorted(v["note"] for v in history if v["note"] is not None)
            assert notes == sorted(f"edit {i}" for i in range(1, EDITS + 1))
            assert all(v["expression"] == "close > 1" for v in history)
