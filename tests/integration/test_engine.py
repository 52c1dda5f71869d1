"""RulesEngine: bars and microbars in → signals stored, then published on signal:SYMBOL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spotlight_trader.bus import LocalBus, signal_topic
from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MICRO_MS, MINUTE_MS, Bar, FormingBar, Microbar, Signal
from spotlight_trader.rules.engine import RulesEngine
from spotlight_trader.rules.model import UserRuleSettings, VersionChange
from tests import storage_backends
from tests.factories import repositories

DAY = date(2024, 3, 4)


def _bar(minute: int, close: float) -> Bar:
    start = et_to_ms(DAY, minute)
    return Bar("NVDA", start // MINUTE_MS, start, start + MINUTE_MS, close, close, close, close,
               100, 1)  # fmt: skip


def _micro(bar: Bar, k: int) -> Microbar:
    c = bar.close
    minute = FormingBar(bar.seq, bar.bar_start_ms, c, c, c, c, 100, 1)
    return Microbar("NVDA", bar.bar_start_ms + k * MICRO_MS, c, c, c, c, 100, 1, minute)


async def test_engine_stores_then_publishes_intrabar_and_final(tmp_path: Path) -> None:
    async with repositories(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}", users=["bob"]) as repos:
        rules = repos.rules
        bus = LocalBus()
        engine = RulesEngine(rules, repos.signals, bus)
        every = await rules.create_rule(
            user="local", name="every", expression="close > 100", frequency="every_time"
        )
        await rules.add_version(every.id, VersionChange(intrabar=True), user="local")
        await rules.create_rule(user="local", name="final", expression="close > 100")
        off = await rules.create_rule(user="bob", name="off", expression="close > 100")
        await rules.put_settings(off.id, UserRuleSettings(False, {}, None), user="bob")
        await engine.reload()
        assert len(engine.core.rules) == 2
        sub = bus.subscribe([signal_topic("NVDA")])
        await engine.process([_bar(600, 99)])
        rising = _bar(601, 101)
        engine.on_microbar(_micro(rising, 0))  # queued only because a rule runs intrabar
        assert engine._queue.qsize() == 1
        stored = await engine.process([_micro(rising, 0), _micro(rising, 1), rising])
        assert [(s.rule_name, s.version) for s in stored] == [
            ("every", 2),
            ("every", 2),
            ("every", 2),
            ("final", 1),
        ]
        published = []
        while (item := sub.get_nowait()) is not None:
            published.append(item[1])
        assert published == stored
        assert all(isinstance(s, Signal) and s.id > 0 for s in published)
        listed = await repos.signals.list_signals(user="local")
        assert [s.id for s in listed] == [s.id for s in stored][::-1]
        assert await repos.signals.list_signals(user="bob") == []


async def test_unreachable_postgres_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        storage_backends, "PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:1/none"
    )
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        async with storage_backends.database("postgresql", tmp_path):
            pass
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="unreachable"):
        async with storage_backends.database("postgresql", tmp_path):
            pass
