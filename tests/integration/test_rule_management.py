"""Built-ins as read-only templates with a per-user layer, the rules-per-user cap, delete
(history kept), duplicate, signal retention; on SQLite and the real PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spotlight_trader.bus import LocalBus
from spotlight_trader.errors import QuotaError, ReadOnlyError
from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MINUTE_MS, Bar, Signal
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.rules.core import ActiveRule
from spotlight_trader.rules.engine import RulesEngine
from spotlight_trader.rules.model import UserRuleSettings, VersionChange
from spotlight_trader.storage.rules import RuleRepository
from spotlight_trader.storage.tables import rule_versions
from tests.factories import Repositories, repositories
from tests.storage_backends import BACKENDS, database

DAY = date(2024, 3, 4)
OPEN = 9 * 60 + 30


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with database(request.param, tmp_path) as (url, schema):
        async with repositories(url, schema=schema, users=["alice", "bob"]) as made:
            yield made


def _bar(minute: int, close: float) -> Bar:
    start = et_to_ms(DAY, OPEN + minute)
    return Bar("NVDA", start // MINUTE_MS, start, start + MINUTE_MS, close, close + 0.1,
               close - 0.1, close, 100, 1)  # fmt: skip


async def _builtin(repos: Repositories, name: str) -> int:
    rules = await repos.rules.list_rules(user="alice")
    return next(r.id for r in rules if r.builtin == name)


async def test_builtins_are_read_only_templates(repos: Repositories) -> None:
    rid = await _builtin(repos, "vwap_reclaim")
    with pytest.raises(ReadOnlyError, match="read-only"):
        await repos.rules.add_version(rid, VersionChange(cooldown_s=7 * 86_400), user="alice")
    with pytest.raises(ReadOnlyError):
        await repos.rules.revert(rid, 1, user="bob")
    with pytest.raises(ReadOnlyError):
        await repos.rules.delete(rid, user="alice")
    with pytest.raises(ReadOnlyError):
        await repos.rules.duplicate(rid, user="alice")
    rule = await repos.rules.get_rule(rid, user="bob")
    assert rule.version.version == 1 and rule.version.cooldown_s == 600  # the template


async def test_seed_renews_a_builtin_whose_template_changed(repos: Repositories) -> None:
    rid = await _builtin(repos, "ema_cross")
    async with repos.engine.begin() as conn:  # as a database from before the templates
        await conn.execute(rule_versions.update().values(cooldown_s=0))
    assert await repos.rules.seed_builtins() == len(BUILTINS) - 2  # gap rules: cooldown 0
    rule = await repos.rules.get_rule(rid, user="alice")
    assert (rule.version.version, rule.version.cooldown_s) == (2, 900)
    assert await repos.rules.seed_builtins() == 0


async def test_one_users_cooldown_never_affects_another(repos: Repositories) -> None:
    rid = await _builtin(repos, "new_hod")
    for user, cooldown in (("alice", 86_400), ("bob", 0)):
        await repos.rules.put_settings(
            rid, UserRuleSettings(True, {}, None, cooldown_s=cooldown), user=user
        )
    engine = RulesEngine(repos.rules, repos.signals, LocalBus())
    await engine.reload()
    stored = await engine.process([_bar(i, 100 + i) for i in range(8)])
    by_user = {u: [s.seq for s in stored if s.user_id == u] for u in ("alice", "bob")}
    assert len(by_user["alice"]) == 1
    assert len(by_user["bob"]) == 7 and by_user["alice"][0] == by_user["bob"][0]


async def test_cap_on_rules_per_user_holds_under_concurrency(repos: Repositories) -> None:
    capped = RuleRepository(repos.engine, max_rules=3)
    results = await asyncio.gather(
        *(capped.create_rule(user="alice", name=f"r{i}", expression="close > 1") for i in range(6)),
        return_exceptions=True,
    )
    made = [r for r in results if not isinstance(r, BaseException)]
    assert len(made) == 3 and all(isinstance(r, QuotaError) for r in results if r not in made)
    assert "at most 3 custom rules per user (RULES_PER_USER)" in str(
        next(r for r in results if isinstance(r, QuotaError))
    )
    await capped.create_rule(user="bob", name="theirs", expression="close > 1")  # per user
    await capped.delete(made[0].id, user="alice")  # deleted rules do not count
    await capped.create_rule(user="alice", name="again", expression="close > 1")


async def test_delete_keeps_history_and_duplicate_copies(repos: Repositories) -> None:
    rules = repos.rules
    mine = await rules.create_rule(
        user="alice", name="mine", expression="close > 100", fire_mode="while_true"
    )
    await rules.add_version(mine.id, VersionChange(cooldown_s=60), user="alice")
    await rules.put_settings(mine.id, UserRuleSettings(True, {"direction": "long"}), user="alice")
    copy = await rules.duplicate(mine.id, user="alice")
    assert copy.name == "mine (copy)" and copy.id != mine.id and copy.version.version == 1
    assert (copy.version.expression, copy.version.cooldown_s) == ("close > 100", 60)
    assert copy.version.fire_mode == "while_true"
    assert copy.settings.params == {"direction": "long"}
    with pytest.raises(LookupError):
        await rules.duplicate(mine.id, user="bob")  # private

    engine = RulesEngine(rules, repos.signals, LocalBus())
    await engine.reload()
    fired = await engine.process([_bar(0, 101)])
    assert {s.rule_id for s in fired} == {mine.id, copy.id}
    with pytest.raises(LookupError):
        await rules.delete(mine.id, user="bob")
    await rules.delete(mine.id, user="alice")
    await engine.rules_changed("alice", mine.id)
    assert {r.rule_id for r in engine.core.rules} == {copy.id}
    assert mine.id not in {r.id for r in await rules.list_rules(user="alice")}
    with pytest.raises(LookupError):
        await rules.get_rule(mine.id, user="alice")
    kept = await repos.signals.list_signals(user="alice", rule_id=mine.id)
    assert [s.seq for s in kept] == [_bar(0, 0).seq]  # the journal keeps its history


async def test_retention_prunes_old_signals_only(repos: Repositories) -> None:
    rule = await repos.rules.create_rule(user="alice", name="r", expression="close > 1")

    def draft(seq: int) -> Signal:
        return Signal(0, rule.id, "r", 1, "NVDA", seq, seq * MINUTE_MS, "long", {}, "x",
                      "alice", f"alice/{rule.id}/1/NVDA/{seq}")  # fmt: skip

    await repos.signals.insert_signals([draft(1), draft(2)])
    async with repos.engine.begin() as conn:  # age the first one by 10 days
        await conn.execute(
            sa.text("update signals set stored_at_ms = stored_at_ms - :d where seq = 1"),
            {"d": 10 * 86_400_000},
        )
    now = int(time.time() * 1000)
    assert await repos.signals.prune(now - 5 * 86_400_000) == 1
    assert [s.seq for s in await repos.signals.list_signals(user="alice")] == [2]
    assert len(await repos.signals.alert_state(user="alice")) == 1  # state is kept
    assert await repos.signals.prune(now - 5 * 86_400_000) == 0


class _Spy:
    """A RuleSource that records what the engine asks for."""

    def __init__(self, inner: RuleRepository) -> None:
        self.inner = inner
        self.calls: list[dict[str, Any]] = []

    async def active_rules(
        self, *, user: str | None = None, rule_id: int | None = None
    ) -> list[ActiveRule]:
        self.calls.append({"user": user, "rule_id": rule_id})
        return await self.inner.active_rules(user=user, rule_id=rule_id)

    async def pause(self, rule_id: int, reason: str, at_ms: int, *, user: str) -> None:
        await self.inner.pause(rule_id, reason, at_ms, user=user)


async def test_a_new_rule_loads_alone(repos: Repositories) -> None:
    for i in range(30):
        await repos.rules.create_rule(user="alice", name=f"r{i}", expression=f"close > {i}")
    spy = _Spy(repos.rules)
    engine = RulesEngine(spy, repos.signals, LocalBus())
    await engine.reload()
    new = await repos.rules.create_rule(user="alice", name="new", expression="close > 99")
    await engine.rules_changed("alice", new.id)
    assert spy.calls[-1] == {"user": "alice", "rule_id": new.id}
    assert len(engine.core.rules) == 31
