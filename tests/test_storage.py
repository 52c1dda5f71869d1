"""Storage on SQLite and the real PostgreSQL: migrations, users, versions, layering, signals."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from spotlight_trader.errors import InputError
from spotlight_trader.model import Signal
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.storage.db import (
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    upgrade,
)
from spotlight_trader.storage.store import (
    Store,
    UserRuleSettings,
    VersionChange,
    active_rule,
    open_store,
)
from tests.storage_backends import BACKENDS, database

TABLES = {"users", "rules", "rule_versions", "user_rule_settings", "signals"}


def _tables(conn: sa.Connection) -> set[str]:
    return set(sa.inspect(conn).get_table_names()) - {"alembic_version"}


@pytest.fixture(params=BACKENDS)
async def store(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    async with database(request.param, tmp_path) as (url, schema):
        s = await open_store(url, schema=schema)
        try:
            yield s
        finally:
            await s.close()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_migrations_upgrade_and_downgrade(backend: str, tmp_path: Path) -> None:
    async with database(backend, tmp_path) as (url, schema):
        engine = make_engine(url, schema=schema)
        try:
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
        finally:
            await engine.dispose()


async def test_builtins_seeded_once_disabled(store: Store) -> None:
    assert await store.seed_builtins() == 0
    rules = await store.list_rules("local")
    assert sorted(r.builtin or "" for r in rules) == sorted(BUILTINS)
    assert all(not r.settings.enabled and r.version.version == 1 for r in rules)
    assert await store.active_rules() == []


async def test_users_and_tokens(store: Store) -> None:
    assert not await store.multi_user()
    user, token = await store.add_user("Alice")
    assert user == "alice" and token.startswith("st_")
    assert await store.multi_user()
    assert await store.user_for_token(token) == "alice"
    assert await store.user_for_token(token + "x") is None
    with pytest.raises(InputError, match="already exists"):
        await store.add_user("alice")
    with pytest.raises(InputError):
        await store.add_user("local")
    async with store.engine.connect() as conn:
        stored = (await conn.execute(sa.text("select token_hash from users"))).scalar_one()
    assert token not in stored and len(stored) == 64


async def test_versions_are_immutable_and_revert_copies(store: Store) -> None:
    rule = await store.create_rule("local", name="Above VWAP", expression="close > vwap")
    assert rule.kind == "custom" and rule.version.version == 1 and rule.settings.enabled
    v2 = await store.add_version(
        "local", rule.id, VersionChange(expression="close > vwap and rvol >= 2", note="rvol")
    )
    v3 = await store.add_version("local", rule.id, VersionChange(cooldown_s=300))
    assert (v2.version, v3.version) == (2, 3)
    assert v3.expression == "close > vwap and rvol >= 2" and v3.cooldown_s == 300
    reverted = await store.revert("local", rule.id, 1)
    assert reverted.version == 4
    assert (reverted.expression, reverted.cooldown_s) == ("close > vwap", 0)
    assert reverted.note == "revert to version 1"
    history = await store.versions("local", rule.id)
    assert [v.version for v in history] == [4, 3, 2, 1]
    assert history[-1].expression == "close > vwap"  # version 1 unchanged
    with pytest.raises(InputError, match="expression"):
        await store.add_version("local", rule.id, VersionChange(expression="close >"))
    with pytest.raises(InputError, match="frequency"):
        await store.add_version("local", rule.id, VersionChange(frequency="hourly"))
    with pytest.raises(LookupError):
        await store.revert("local", rule.id, 99)
    assert len(await store.versions("local", rule.id)) == 4


async def test_user_overrides_never_affect_other_users(store: Store) -> None:
    orb = next(r for r in await store.list_rules("alice") if r.builtin == "orb")
    await store.put_settings(
        "alice", orb.id, UserRuleSettings(True, {"minutes": 5}, ["nvda", "NVDA", "amd"])
    )
    alice = await store.get_rule("alice", orb.id)
    bob = await store.get_rule("bob", orb.id)
    assert alice.settings == UserRuleSettings(True, {"minutes": 5}, ["NVDA", "AMD"])
    assert bob.settings == UserRuleSettings()
    active = await store.active_rules()
    assert [(a.user_id, a.rule_id, a.params["minutes"]) for a in active] == [("alice", orb.id, 5)]
    await store.put_settings("bob", orb.id, UserRuleSettings(True, {}, None))
    by_user = {a.user_id: a for a in await store.active_rules()}
    assert by_user["bob"].params["minutes"] == 15 and by_user["bob"].symbols is None
    assert by_user["alice"].params["minutes"] == 5
    assert by_user["alice"].symbols == frozenset({"NVDA", "AMD"})
    with pytest.raises(InputError, match="minutes"):
        await store.put_settings("bob", orb.id, UserRuleSettings(True, {"minutes": 7}, None))
    with pytest.raises(InputError, match="unknown parameter"):
        await store.put_settings("bob", orb.id, UserRuleSettings(True, {"bogus": 1}, None))
    # a custom rule is private to its owner
    mine = await store.create_rule("alice", name="mine", expression="close > 1")
    with pytest.raises(LookupError):
        await store.get_rule("bob", mine.id)
    assert mine.id not in {r.id for r in await store.list_rules("bob")}


async def test_settings_layer_over_version(store: Store) -> None:
    rsi = next(r for r in await store.list_rules("local") if r.builtin == "rsi_extreme")
    await store.add_version("local", rsi.id, VersionChange(params={"overbought": 80}))
    rule = await store.get_rule("local", rsi.id)
    assert rule.version.params == {"overbought": 80, "oversold": 30.0}
    layered = active_rule("local", rule, rule.version, UserRuleSettings(True, {"oversold": 20}))
    assert layered.params == {"overbought": 80, "oversold": 20}
    assert layered.version == 2


async def test_signals_roundtrip_and_filters(store: Store) -> None:
    rule = await store.create_rule("alice", name="r", expression="close > 1")

    def draft(user: str, symbol: str, seq: int) -> Signal:
        return Signal(
            0,
            rule.id,
            "r",
            1,
            symbol,
            seq,
            seq * 60_000,
            "long",
            {"close": 2.5},
            f"{symbol} {seq}",
            user,
        )

    stored = await store.insert_signals(
        [draft("alice", "NVDA", 1), draft("bob", "NVDA", 2), draft("alice", "AMD", 3)]
    )
    ids = [s.id for s in stored]
    assert ids == sorted(ids) and len(set(ids)) == 3
    alice = await store.list_signals("alice")
    assert [s.seq for s in alice] == [3, 1]
    assert alice[0].inputs == {"close": 2.5} and alice[0].user_id == "alice"
    assert [s.seq for s in await store.list_signals("alice", symbol="NVDA")] == [1]
    assert await store.list_signals("alice", rule_id=rule.id + 1) == []
    assert [s.seq for s in await store.signals_after("alice", ["NVDA", "AMD"], ids[0])] == [3]
    assert await store.last_signal_id("alice") == ids[2]
    assert await store.last_signal_id("carol") == 0
