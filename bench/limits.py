"""Limits per request: µs per rate-limiter hit and per slot acquire + release, in memory
and on Redis (one Lua script call each; a release is one ``ZREM``), one client in turn."""

from __future__ import annotations

import asyncio
import os
import time
import uuid

from redis.asyncio import Redis

from spotlight_trader.cluster.limits import RedisRateLimiter, RedisSlots
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter

CALLS = 5_000
USERS = 50
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


async def _measure(limiter: RateLimiter, slots: ConnectionSlots) -> dict[str, float]:
    started = time.perf_counter()
    for i in range(CALLS):
        await limiter.hit(f"u{i % USERS}")
    hit = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(CALLS):
        key = f"u{i % USERS}"
        if await slots.acquire(key):
            await slots.release(key)
    slot = time.perf_counter() - started
    return {
        "hit_us": round(hit / CALLS * 1e6, 1),
        "acquire_release_us": round(slot / CALLS * 1e6, 1),
    }


async def _memory() -> dict[str, float]:
    return await _measure(MemoryRateLimiter(CALLS), MemorySlots(2))


async def _redis() -> dict[str, float]:
    client = Redis.from_url(REDIS_URL)
    prefix = f"bench:{uuid.uuid4().hex[:8]}:"
    slots = RedisSlots(client, 2, name="bench", prefix=prefix)
    try:
        return await _measure(RedisRateLimiter(client, CALLS, name="bench", prefix=prefix), slots)
    finally:
        await slots.aclose()
        keys = [k async for k in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


def run() -> dict[str, object]:
    """Both backends, ``CALLS`` calls each over ``USERS`` keys."""
    return {"calls": CALLS, "memory": asyncio.run(_memory()), "redis": asyncio.run(_redis())}
