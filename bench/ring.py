"""Ring bytes per symbol: a full ring of ``RING_CAPACITY`` bars in memory (tracemalloc)
and on Redis (``MEMORY USAGE`` of the stream and its meta hash), and the time per append."""

from __future__ import annotations

import asyncio
import os
import time
import tracemalloc
import uuid

from redis.asyncio import Redis

from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar

CAPACITY = 5_000
SYMBOLS = 4
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def _bar(symbol: str, seq: int) -> Bar:
    price = 100.0 + (seq % 97) * 0.01
    return Bar(symbol, seq, seq * 60_000, (seq + 1) * 60_000, price, price + 0.1,
               price - 0.1, price, 1_234.0, 17)  # fmt: skip


async def _memory() -> dict[str, float]:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ring = MemoryRing(CAPACITY)
    elapsed = 0.0
    for i in range(SYMBOLS):  # the bars count: a ring holds them (and their floats)
        series = [_bar(f"S{i}", 29_000_000 + k) for k in range(CAPACITY)]
        started = time.perf_counter()
        for bar in series:
            await ring.append(bar)
        elapsed += time.perf_counter() - started
        del series
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return {
        "bytes_per_symbol": round(held / SYMBOLS),
        "append_us": round(elapsed / (SYMBOLS * CAPACITY) * 1e6, 2),
    }


async def _redis() -> dict[str, float]:
    client = Redis.from_url(REDIS_URL)
    prefix = f"bench:{uuid.uuid4().hex[:8]}:"
    ring = RedisRing(client, CAPACITY, prefix=prefix)
    try:
        started = time.perf_counter()
        for i in range(SYMBOLS):
            for k in range(CAPACITY):
                await ring.append(_bar(f"S{i}", 29_000_000 + k))
        elapsed = time.perf_counter() - started
        used = 0
        for i in range(SYMBOLS):
            for key in (f"{prefix}ring:S{i}", f"{prefix}ring:S{i}:meta"):
                used += int(await client.memory_usage(key, samples=0) or 0)
        return {
            "bytes_per_symbol": round(used / SYMBOLS),
            "append_us": round(elapsed / (SYMBOLS * CAPACITY) * 1e6, 2),
        }
    finally:
        keys = [k async for k in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


def run() -> dict[str, object]:
    """Both rings, full, ``SYMBOLS`` symbols each."""
    return {
        "capacity": CAPACITY,
        "memory": asyncio.run(_memory()),
        "redis": asyncio.run(_redis()),
    }


if __name__ == "__main__":
    print(run())
