"""Journal storage on SQLite and the real PostgreSQL: all-or-nothing idempotent imports,
several accounts and imports per day, user scope, trade metadata, entries with history,
full-text search."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from spotlight_trader.journal.executions import Execution
from spotlight_trader.journal.importer import parse_fills
from spotlight_trader.storage.journal import ImportMeta, JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository
from tests.factories import Repositories, repositories
from tests.storage_backends import BACKENDS, database

D = Decimal
FILE = """Date,Time,Symbol,Quantity,Price,Side,Commission
2025-06-02,09:31:00,SPY,100,530.00,B,1
2025-06-02,09:31:00,SPY,100,530.00,B,1
2025-06-02,09:40:00,SPY,200,531.50,S,2
2025-06-02,10:00:00,AAPL,10,200,SS,0
"""
LATER = """Date,Time,Symbol,Quantity,Price,Side
2025-06-02,14:00:00,AAPL,10,198,BC
"""


def meta(rows: int, account: str | None = None) -> ImportMeta:
    return ImportMeta("generic", "America/New_York", "f.csv", "0" * 64, rows, account)


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with (
        database(request.param, tmp_path) as (url, schema),
        repositories(url, schema=schema, users=["alice"]) as r,
    ):
        yield r


async def test_import_is_idempotent_and_per_account(repos: Repositories) -> None:
    journal = JournalRepository(repos.engine)
    fills = parse_fills(FILE, tz="America/New_York", account="cash").executions
    first = await journal.store_fills(fills, user="local", meta=meta(4, "cash"), now_ms=1)
    assert (first.added, first.already_stored) == (4, 0) and first.import_id is not None
    again = await journal.store_fills(fills, user="local", meta=meta(4, "cash"), now_ms=2)
    assert (again.import_id, again.added, again.already_stored) == (None, 0, 4)
    assert len(await journal.imports(user="local")) == 1
    # the same file into another account, and a second import the same day
    other = parse_fills(FILE, tz="America/New_York", account="margin").executions
    assert (await journal.store_fills(other, user="local", meta=meta(4), now_ms=3)).added == 4
    later = parse_fills(LATER, tz="America/New_York", account="cash").executions
    assert (await journal.store_fills(later, user="local", meta=meta(1), now_ms=4)).added == 1
    trips = await journal.trips(user="local", account="cash")
    assert [(t.trip.symbol, t.trip.direction, t.trip.closed_ms is not None) for t in trips] == [
        ("SPY", "long", True),
        ("AAPL", "short", True),
    ]
    spy = trips[0]
    assert spy.trip.gross_pnl == D("300.00") and spy.trip.costs == D("4")
    assert len(spy.execution_ids) == 3 and spy.id == spy.execution_ids[0]
    assert len(await journal.trips(user="local")) == 4  # and margin's: SPY, AAPL still open
    assert await journal.trips(user="alice") == []


async def test_trade_meta_gives_r_and_tags(repos: Repositories) -> None:
    journal = JournalRepository(repos.engine)
    fills = parse_fills(FILE, tz="America/New_York", account="cash").executions
    await journal.store_fills(fills, user="local", meta=meta(4), now_ms=1)
    spy = (await journal.trips(user="local"))[0]
    await journal.set_trade_meta(spy.id, user="local", stop=D("529"), tags=["orb"], now_ms=2)
    again = (await journal.trips(user="local"))[0]
    assert again.stop == D("529") and again.tags == ["orb"]
    assert again.r_multiple == D("296") / D("200")


async def test_manual_fills_are_always_new(repos: Repositories) -> None:
    journal = JournalRepository(repos.engine)
    fill = Execution("cash", "SPY", 1_000, "buy", D(1), D(10))
    await journal.add_manual([fill], user="local", now_ms=1)
    await journal.add_manual([fill], user="local", now_ms=2)
    assert len(await journal.fills(user="local")) == 2


async def test_entries_keep_history_and_are_found_by_search(repos: Repositories) -> None:
    entries = EntryRepository(repos.engine)
    note = await entries.create(
        "Faded $SPY at the open. #orb #mistake/chased", user="local", day="2025-06-02", now_ms=1
    )
    assert (note.symbols, note.tags, note.version) == (["SPY"], ["orb", "mistake/chased"], 1)
    await entries.create("Patience paid on $AAPL", user="local", day="2025-06-02", now_ms=2)
    await entries.create("alice's secret opening fade", user="alice", day="2025-06-02", now_ms=3)
    edited = await entries.update(
        note.id, "Faded $SPY at the opening bell, chased the breakout. #orb", user="local", now_ms=5
    )
    assert edited is not None and edited.version == 2 and edited.tags == ["orb"]
    assert await entries.update(note.id, edited.body, user="local", now_ms=6) == edited
    history = await entries.history(note.id, user="local")
    assert history is not None and [(v.version, v.body[:9]) for v in history] == [(1, "Faded $SP")]
    assert await entries.history(note.id, user="alice") is None
    found = await entries.search("chased breakout", user="local")
    assert [e.id for e in found] == [note.id]
    assert [e.body for e in await entries.search("patience", user="local")] == [
        "Patience paid on $AAPL"
    ]
    assert [e.id for e in await entries.search("spy", user="local")] == [note.id]
    assert await entries.search("secret", user="local") == []
    assert await entries.search("' OR 1=1 --", user="local") == []
    assert len(await entries.list_entries(user="local", day="2025-06-02")) == 2
