"""The coach's journal tools on SQLite and PostgreSQL: stats with filters ("3 of 4 ORB
trades after 11:00"), notes written and found, user scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from spotlight_trader.coach.tools import REGISTRY, ToolContext
from spotlight_trader.errors import ToolError
from spotlight_trader.journal.executions import Execution, with_keys
from spotlight_trader.storage.journal import JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository
from tests.conftest import make_service
from tests.factories import Repositories, repositories
from tests.fakes.feeds import ScriptedFeed
from tests.storage_backends import BACKENDS, database

D = Decimal
NY = ZoneInfo("America/New_York")


# the tools look back from now (the feed clock, else the wall clock): trade recently
RECENT = [(date.today() - timedelta(days=n)).isoformat() for n in (3, 2)]


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=NY).timestamp() * 1000)


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with (
        database(request.param, tmp_path) as (url, schema),
        repositories(url, schema=schema, users=["alice"]) as r,
    ):
        yield r


async def test_journal_tools(repos: Repositories) -> None:
    journal, entries = JournalRepository(repos.engine), EntryRepository(repos.engine)
    moves = [("09:40", "1"), ("11:10", "-1"), ("11:30", "-0.5"), ("13:00", "-2"), ("14:00", "1")]
    fills = []
    for i, (at, move) in enumerate(moves):
        opened = ms(f"{RECENT[i % 2]}T{at}:00")
        fills += [
            Execution(f"a{i}", "SPY", opened, "buy", D(100), D(500)),
            Execution(f"a{i}", "SPY", opened + 600_000, "sell", D(100), D(500) + D(move)),
        ]
    await journal.store_fills(with_keys(fills), user="local", meta=None, now_ms=1)
    for t in await journal.trips(user="local"):
        await journal.set_trade_meta(t.id, user="local", stop=None, tags=["orb"], now_ms=2)
    service = make_service(ScriptedFeed([], hold=True))
    ctx = ToolContext(service.view, service.ring, "local", journal=journal, entries=entries)
    alice = ToolContext(service.view, service.ring, "alice", journal=journal, entries=entries)

    late = await REGISTRY.call(
        "get_trade_stats", '{"tag": "ORB", "from_hour": 11, "days": 30}', ctx
    )
    assert isinstance(late, dict)
    assert (late["trades"], late["wins"], late["losses"]) == (4, 1, 3)
    assert late["net_pnl"] == "-250.0"
    everything = await REGISTRY.call("get_trade_stats", '{"days": 30}', ctx)
    assert isinstance(everything, dict) and everything["trades"] == 5
    assert "3 of 3 losses came after 11:00 New York time." in everything["insights"]
    assert (await REGISTRY.call("get_trade_stats", '{"days": 30}', alice))["trades"] == 0  # type: ignore[index]
    with pytest.raises(ToolError, match="from_hour"):
        await REGISTRY.call("get_trade_stats", '{"from_hour": 30}', ctx)

    note = await REGISTRY.call(
        "add_journal_note", '{"text": "Chased the $SPY ORB after 11 #fomo"}', ctx
    )
    assert isinstance(note, dict) and note["symbols"] == ["SPY"] and note["tags"] == ["fomo"]
    found = await REGISTRY.call("search_journal", '{"query": "chased orb"}', ctx)
    assert isinstance(found, dict) and [n["id"] for n in found["notes"]] == [note["id"]]
    assert await REGISTRY.call("search_journal", '{"query": "chased"}', alice) == {"notes": []}
    bare = ToolContext(service.view, service.ring, "local")
    assert (await REGISTRY.call("search_journal", '{"query": "x"}', bare))["available"] is False  # type: ignore[index]
