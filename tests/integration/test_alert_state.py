"""Alerts that survive: idempotent signal keys (replay, second worker) and frequency state
persisted across a server restart, on SQLite and the real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from spotlight_trader.bus import LocalBus, signal_topic
from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MINUTE_MS, Bar
from spotlight_trader.rules.engine import RulesEngine
from spotlight_trader.rules.model import UserRuleSettings
from tests.conftest import make_service, running_server, until
from tests.factories import Repositories, repositories
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.storage_backends import BACKENDS, database

DAY = date(2024, 3, 4)
START = 1_700_000_040_000


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with database(request.param, tmp_path) as (url, schema):
        async with repositories(url, schema=schema) as made:
            yield made


def _bar(minute: int, close: float) -> Bar:
    start = et_to_ms(DAY, minute)
    return Bar("NVDA", start // MINUTE_MS, start, start + MINUTE_MS, close, close, close, close,
               100, 1)  # fmt: skip


async def test_replay_and_second_worker_store_and_send_once(repos: Repositories) -> None:
    await repos.rules.create_rule(
        user="local", name="up", expression="close > 100", frequency="every_time",
        fire_mode="while_true",
    )  # fmt: skip
    bars = [_bar(600 + i, 99 + i) for i in range(5)]  # 99, 100, 101, 102, 103
    bus_a, bus_b = LocalBus(), LocalBus()
    first = RulesEngine(repos.rules, repos.signals, bus_a)
    second = RulesEngine(repos.rules, repos.signals, bus_b)  # a second worker, same store
    await first.reload()
    await second.reload()
    sub_b = bus_b.subscribe([signal_topic("NVDA")])
    stored = await first.process(bars)
    assert [s.seq for s in stored] == [b.seq for b in bars[2:]]
    assert all(s.key == f"local/{s.rule_id}/1/NVDA/{s.seq}" for s in stored)
    assert await second.process(bars) == []  # same bars elsewhere: nothing stored or sent
    assert sub_b.get_nowait() is None
    replay = RulesEngine(repos.rules, repos.signals, LocalBus())
    await replay.reload()
    assert await replay.process(bars) == []  # a replay after a restart: nothing new
    listed = await repos.signals.list_signals(user="local")
    assert sorted(s.id for s in listed) == [s.id for s in stored]


async def test_state_is_stored_with_signals(repos: Repositories) -> None:
    once = await repos.rules.create_rule(
        user="local", name="once", expression="close > 100", frequency="once",
        fire_mode="while_true",
    )  # fmt: skip
    engine = RulesEngine(repos.rules, repos.signals, LocalBus())
    await engine.reload()
    await engine.process([_bar(600, 101), _bar(601, 102)])
    state = await repos.signals.alert_state(user="local")
    assert [(s.rule_id, s.version, s.symbol, s.last_seq) for s in state] == [
        (once.id, 1, "NVDA", _bar(600, 0).seq)
    ]
    assert await repos.signals.alert_state(user="nobody") == []
    restarted = RulesEngine(repos.rules, repos.signals, LocalBus())
    await restarted.reload()
    assert await restarted.process([_bar(602, 103)]) == []


async def _signals(client: httpx.AsyncClient, rule_id: int) -> list[int]:
    found = (await client.get("/api/signals", params={"rule_id": rule_id})).json()["signals"]
    return [int(s["seq"]) for s in found]


async def test_once_rule_stays_fired_across_a_server_restart() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=8, seed=3)
    cut = START + 4 * MINUTE_MS
    before = [t for t in trades if t.ts_ms < cut]
    after = [t for t in trades if t.ts_ms >= cut]

    feed = ScriptedFeed(before, hold=True)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        every = {"expression": "close > 0", "fire_mode": "while_true"}
        body = {"name": "once", "frequency": "once", **every}
        once = (await client.post("/api/rules", json=body)).json()["id"]
        body = {"name": "each", "frequency": "every_time", **every}
        each = (await client.post("/api/rules", json=body)).json()["id"]
        feed.release.set()
        await until(lambda: service.engine.signals >= 3)
        fired = await _signals(client, once)
        assert len(fired) == 1

    feed = ScriptedFeed(after, hold=True)  # a new process on the same database
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        feed.release.set()
        await until(feed.done.is_set)
        await until(lambda: service.engine.signals >= 2)
        seen = await _signals(client, each)
        assert max(seen) >= cut // MINUTE_MS  # the engine did evaluate bars after the cut
        assert await _signals(client, once) == fired  # and the once rule stayed fired


async def test_breaker_pause_is_stored_shown_and_resumed(repos: Repositories) -> None:
    await repos.users.add_user("bob")
    body = {"expression": "close > 100", "frequency": "every_time", "fire_mode": "while_true"}
    flood = await repos.rules.create_rule(user="local", name="flood", **body)  # type: ignore[arg-type]
    calm = await repos.rules.create_rule(user="bob", name="calm", **body)  # type: ignore[arg-type]
    await repos.rules.put_settings(calm.id, UserRuleSettings(True, {}, ["S0", "S1"]), user="bob")
    engine = RulesEngine(repos.rules, repos.signals, LocalBus())
    await engine.reload()
    minute = [
        Bar(f"S{i}", b.seq, b.bar_start_ms, b.bar_end_ms, 101, 101, 101, 101, 100, 1)
        for i in range(20)
        for b in [_bar(600, 101)]
    ]
    stored = await engine.process(minute[:16])
    assert sum(s.user_id == "local" for s in stored) == 15  # the 16th tripped the breaker
    assert engine.paused == 1
    paused = await repos.rules.get_rule(flood.id, user="local")
    assert paused.paused_reason is not None and "auto-paused at 10:00 ET" in paused.paused_reason
    assert paused.paused_at_ms == _bar(600, 0).bar_end_ms
    assert (await repos.rules.get_rule(calm.id, user="bob")).paused_reason is None
    assert {r.user_id for r in await repos.rules.active_rules()} == {"bob"}
    restarted = RulesEngine(repos.rules, repos.signals, LocalBus())
    await restarted.reload()  # the pause survives a restart
    assert {r.user_id for r in restarted.core.rules} == {"bob"}
    resumed = await repos.rules.resume(flood.id, user="local")
    assert resumed.paused_reason is None and resumed.paused_at_ms is None
    await restarted.rules_changed("local", flood.id)
    assert {r.user_id for r in restarted.core.rules} == {"bob", "local"}
