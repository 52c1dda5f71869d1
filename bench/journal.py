"""Journal benchmarks: import a 100,000-row generic CSV (parse + store, goal < 10 s) and
full-text search p95 over 10,000 entries (goal < 50 ms), on SQLite and, when reachable,
the real PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spotlight_trader.journal.importer import parse_fills
from spotlight_trader.storage.db import make_engine, upgrade
from spotlight_trader.storage.journal import ImportMeta, JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository

ROWS = 100_000
ENTRIES = 10_000
QUERIES = 200
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
WORDS = [
    "open", "fade", "breakout", "retest", "vwap", "reclaim", "chased", "sized", "stop",
    "target", "patience", "fomo", "revenge",
]  # fmt: skip
SYMBOLS = ["SPY", "QQQ", "AAPL", "NVDA", "TSLA", "MSFT", "AMD", "META"]


def fills_csv(rows: int, seed: int = 12) -> str:
    """``rows`` fills in the generic format, round trips of two fills each (seeded)."""
    rnd = random.Random(seed)
    lines = ["Date,Time,Symbol,Quantity,Price,Side,Commission"]
    for i in range(rows // 2):
        day = f"2025-{1 + i % 12:02d}-{1 + (i // 12) % 28:02d}"
        minute = 570 + (i * 7) % 380
        sym, qty, price = rnd.choice(SYMBOLS), rnd.randint(1, 500), rnd.randint(1000, 90000) / 100
        exit_price = price + rnd.randint(-200, 200) / 100
        t1 = f"{minute // 60:02d}:{minute % 60:02d}:{i % 60:02d}"
        t2 = f"{(minute + 5) // 60:02d}:{(minute + 5) % 60:02d}:{i % 60:02d}"
        account = f"acct{i % 50}"
        lines.append(f"{day},{t1},{sym},{qty},{price:.2f},B,1,{account}")
        lines.append(f"{day},{t2},{sym},{qty},{max(0.01, exit_price):.2f},S,1,{account}")
    lines[0] += ",Account"
    return "\n".join(lines) + "\n"


async def _backend(url: str, schema: str | None, text: str) -> dict[str, Any]:
    engine = make_engine(url, schema=schema)
    try:
        await upgrade(engine)
        started = time.perf_counter()
        preview = parse_fills(text, tz="America/New_York")
        parsed = time.perf_counter()
        meta = ImportMeta("generic", "America/New_York", "bench.csv", "0" * 64, preview.rows)
        stored = await JournalRepository(engine).store_fills(
            preview.executions, user="local", meta=meta, now_ms=0
        )
        done = time.perf_counter()
        assert preview.ok and stored.added == ROWS
        entries = EntryRepository(engine)
        rnd = random.Random(5)
        for i in range(ENTRIES):
            body = (
                " ".join(rnd.choices(WORDS, k=12))
                + f" ${rnd.choice(SYMBOLS)} #{rnd.choice(WORDS)} n{i}"
            )
            await entries.create(body, user="local", day="2025-06-02", now_ms=i)
        timings = []
        for _ in range(QUERIES):
            q = " ".join(rnd.sample(WORDS, 2))
            t0 = time.perf_counter()
            await entries.search(q, user="local", limit=20)
            timings.append((time.perf_counter() - t0) * 1000)
        return {
            "import_rows": ROWS,
            "import_parse_s": round(parsed - started, 2),
            "import_total_s": round(done - started, 2),
            "search_entries": ENTRIES,
            "search_p50_ms": round(statistics.median(timings), 2),
            "search_p95_ms": round(statistics.quantiles(timings, n=20)[18], 2),
        }
    finally:
        await engine.dispose()


async def _run() -> dict[str, Any]:
    text = fills_csv(ROWS)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = await _backend(
            f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", None, text
        )
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    try:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'create schema "{schema}"'))
    except Exception as exc:  # no PostgreSQL here: say so
        results["postgresql"] = {"skipped": f"{type(exc).__name__}"}
        await admin.dispose()
        return results
    try:
        results["postgresql"] = await _backend(PG_URL, schema, text)
    finally:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'drop schema "{schema}" cascade'))
        await admin.dispose()
    return results


def run() -> dict[str, Any]:
    """The journal figures (goals: import_total_s < 10, search_p95_ms < 50)."""
    return asyncio.run(_run())
