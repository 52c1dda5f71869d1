"""Storage on SQLite and the real PostgreSQL: users, versions, layering, signals
(migrations: ``test_migrations.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spotlight_trader.errors import InputError
from spotlight_trader.model import Signal
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.rules.model import UserRuleSettings, VersionChange, active_rule
from tests.factories import Repositories, repositories
from tests.storage_backends import BACKENDS, database


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    async with (
        database(request.param, tmp_path) as (url, schema),
        repositories(url, schema=schema) as r,
    ):
        yield r


@pytest.fixture
async def people(repos: Repositories) -> Repositories:
    """``repos`` with the accounts alice and bob."""
    for name in ("alice", "bob"):
        await repos.users.add_user(name)
    return repos


async def test_builtins_seeded_once_disabled(repos: Repositories) -> None:
    assert await repos.rules.seed_builtins() == 0
    rules = await repos.rules.list_rules(user="local")
    assert sorted(r.builtin or "" for r in rules) == sorted(BUILTINS)
    assert all(not r.settings.enabled and r.version.version == 1 for r in rules)
    assert await repos.rules.active_rules() == []


async def test_users_are_unique_and_never_local(repos: Repositories) -> None:
    assert await repos.users.add_user("Alice") == "alice"
    with pytest.raises(InputError, match="already exists"):
        await repos.users.add_user("alice")
    with pytest.raises(InputError):
        await repos.users.add_user("local")


async def test_versions_are_immutable_and_revert_copies(repos: Repositories) -> None:
    rules = repos.rules
    rule = await rules.create_rule(user="local", name="Above VWAP", expression="close > vwap")
    assert rule.kind == "custom" and rule.version.version == 1 and rule.settings.enabled
    v2 = await rules.add_version(
        rule.id, VersionChange(expression="close > vwap and rvol >= 2", note="rvol"), user="local"
    )
    v3 = await rules.add_version(rule.id, VersionChange(cooldown_s=300), user="local")
    assert (v2.version, v3.version) == (2, 3)
    assert v3.expression == "close > vwap and rvol >= 2" and v3.cooldown_s == 300
    reverted = await rules.revert(rule.id, 1, user="local")
    assert reverted.version == 4
    assert (reverted.expression, reverted.cooldown_s) == ("close > vwap", 0)
    assert reverted.note == "revert to version 1"
    history = await rules.versions(rule.id, user="local")
    assert [v.version for v in history] == [4, 3, 2, 1]
    assert history[-1].expression == "close > vwap"  # version 1 unchanged
    with pytest.raises(InputError, match="expression"):
        await rules.add_version(rule.id, VersionChange(expression="close >"), user="local")
    with pytest.raises(InputError, match="frequency"):
        await rules.add_version(rule.id, VersionChange(frequency="hourly"), user="local")
    with pytest.raises(LookupError):
        await rules.revert(rule.id, 99, user="local")
    assert len(await rules.versions(rule.id, user="local")) == 4


async def test_user_overrides_never_affect_other_users(people: Repositories) -> None:
    rules = people.rules
    orb = next(r for r in await rules.list_rules(user="alice") if r.builtin == "orb")
    await rules.put_settings(
        orb.id, UserRuleSettings(True, {"minutes": 5}, ["nvda", "NVDA", "amd"]), user="alice"
    )
    alice = await rules.get_rule(orb.id, user="alice")
    bob = await rules.get_rule(orb.id, user="bob")
    assert alice.settings == UserRuleSettings(True, {"minutes": 5}, ["NVDA", "AMD"])
    assert bob.settings == UserRuleSettings()
    active = await rules.active_rules()
    assert [(a.user_id, a.rule_id, a.params["minutes"]) for a in active] == [("alice", orb.id, 5)]
    await rules.put_settings(orb.id, UserRuleSettings(True, {}, None), user="bob")
    by_user = {a.user_id: a for a in await rules.active_rules()}
    assert by_user["bob"].params["minutes"] == 15 and by_user["bob"].symbols is None
    assert by_user["alice"].params["minutes"] == 5
    assert by_user["alice"].symbols == frozenset({"NVDA", "AMD"})
    with pytest.raises(InputError, match="minutes"):
        await rules.put_settings(orb.id, UserRuleSettings(True, {"minutes": 7}, None), user="bob")
    with pytest.raises(InputError, match="unknown parameter"):
        await rules.put_settings(orb.id, UserRuleSettings(True, {"bogus": 1}, None), user="bob")
    # a custom rule is private to its owner
    mine = await rules.create_rule(user="alice", name="mine", expression="close > 1")
    with pytest.raises(LookupError):
        await rules.get_rule(mine.id, user="bob")
    assert mine.id not in {r.id for r in await rules.list_rules(user="bob")}


async def test_settings_layer_over_version(repos: Repositories) -> None:
    rules = repos.rules
    rsi = next(r for r in await rules.list_rules(user="local") if r.builtin == "rsi_extreme")
    rule = await rules.get_rule(rsi.id, user="local")
    assert rule.version.params == {"overbought": 70.0, "oversold": 30.0}
    mine = UserRuleSettings(True, {"oversold": 20}, cooldown_s=60)
    layered = active_rule("local", rule, rule.version, mine)
    assert layered.params == {"overbought": 70.0, "oversold": 20}
    assert (layered.version, layered.cooldown_s) == (1, 60)
    assert active_rule("local", rule, rule.version, UserRuleSettings(True)).cooldown_s == 900


async def test_signals_roundtrip_and_filters(people: Repositories) -> None:
    rule = await people.rules.create_rule(user="alice", name="r", expression="close > 1")
    signals = people.signals

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

    stored = await signals.insert_signals(
        [draft("alice", "NVDA", 1), draft("bob", "NVDA", 2), draft("alice", "AMD", 3)]
    )
    ids = [s.id for s in stored]
    assert ids == sorted(ids) and len(set(ids)) == 3
    alice = await signals.list_signals(user="alice")
    assert [s.seq for s in alice] == [3, 1]
    assert alice[0].inputs == {"close": 2.5} and alice[0].user_id == "alice"
    assert [s.seq for s in await signals.list_signals(user="alice", symbol="NVDA")] == [1]
    assert await signals.list_signals(user="alice", rule_id=rule.id + 1) == []
    assert [s.seq for s in await signals.list_after(["NVDA", "AMD"], ids[0], user="alice")] == [3]
    assert await signals.last_id(user="alice") == ids[2]
    assert await signals.last_id(user="carol") == 0
