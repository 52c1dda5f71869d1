"""The limits contract: a sliding-window rate limiter and connection slots per key, in
memory and on Redis (one process and two); then what only Redis slots promise: a slot
whose holder stopped refreshing it lapses, one that is refreshed does not."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from functools import partial

import pytest
from redis.asyncio import Redis

from spotlight_trader.cluster.limits import RedisRateLimiter, RedisSlots
from spotlight_trader.limits import ConnectionSlots, RateLimiter
from tests.conftest import until
from tests.contract.conftest import FakeClock
from tests.redis_backends import Prefixes

MakeLimiter = Callable[[int, float], tuple[RateLimiter, FakeClock]]
MakeSlots = Callable[[int], ConnectionSlots]


async def test_rate_limiter_allows_the_limit_per_window_per_key(make_limiter: MakeLimiter) -> None:
    limiter, clock = make_limiter(3, 60.0)
    assert [await limiter.hit("alice") for _ in range(3)] == [None, None, None]
    wait = await limiter.hit("alice")
    assert wait is not None and 0 < wait <= 60.0
    assert await limiter.hit("bob") is None  # keys are independent
    clock.advance(30.0)
    wait = await limiter.hit("alice")
    assert wait is not None and wait == pytest.approx(30.0)
    clock.advance(30.0)
    assert await limiter.hit("alice") is None  # the first hits left the window


async def test_refused_hits_do_not_count(make_limiter: MakeLimiter) -> None:
    limiter, clock = make_limiter(1, 10.0)
    assert await limiter.hit("k") is None
    for _ in range(100):
        assert await limiter.hit("k") is not None
    clock.advance(10.0)
    assert await limiter.hit("k") is None


async def test_the_window_slides(make_limiter: MakeLimiter) -> None:
    """Hits at 0, 4 and 8 s with a limit of 2 per 10 s: each refusal waits for the oldest
    counted hit to leave, not for a fixed window to restart."""
    limiter, clock = make_limiter(2, 10.0)
    assert await limiter.hit("k") is None
    clock.advance(4.0)
    assert await limiter.hit("k") is None
    clock.advance(4.0)
    assert await limiter.hit("k") == pytest.approx(2.0)
    clock.advance(2.0)
    assert await limiter.hit("k") is None  # the hit at 0 left; 4 and 10 count now
    assert await limiter.hit("k") == pytest.approx(4.0)


async def test_slots_cap_concurrent_holders_per_key(make_slots: MakeSlots) -> None:
    slots = make_slots(2)
    assert await slots.acquire("alice") and await slots.acquire("alice")
    assert not await slots.acquire("alice")
    assert await slots.held("alice") == 2
    assert await slots.acquire("bob")
    await slots.release("alice")
    assert await slots.held("alice") == 1
    assert await slots.acquire("alice")
    for _ in range(5):  # releasing more than was taken never goes negative
        await slots.release("bob")
    assert await slots.held("bob") == 0
    assert await slots.acquire("bob")


# ---------------------------------------------------------------- Redis only


async def test_redis_limiter_on_server_time_lets_a_hit_through_after_the_window(
    redis_prefixes: Prefixes, redis_client: Redis
) -> None:
    """No injected clock: Redis's TIME decides. The wait it announces is within the window,
    and once the window has passed (waited for, however long that takes) a hit counts."""
    limiter = RedisRateLimiter(redis_client, 1, 0.2, name="t", prefix=redis_prefixes.new())
    assert await limiter.hit("k") is None
    wait = await limiter.hit("k")
    assert wait is not None and 0 < wait <= 0.2

    async def allowed() -> bool:
        return await limiter.hit("k") is None

    await until(allowed)
    assert await limiter.hit("k") is not None


def beaten_since(slots: RedisSlots, beats: int) -> bool:
    """A whole heartbeat has run since ``slots`` had done ``beats``."""
    return slots.beats > beats + 1


@contextlib.asynccontextmanager
async def two_workers(
    redis_client: Redis, prefix: str, clock: FakeClock, **options: float
) -> AsyncIterator[tuple[RedisSlots, RedisSlots]]:
    made = [
        RedisSlots(redis_client, 1, name="voice", prefix=prefix, clock=clock, **options)
        for _ in range(2)
    ]
    try:
        yield made[0], made[1]
    finally:
        for slots in made:
            await slots.aclose()


async def test_a_slot_whose_holder_died_lapses_after_its_ttl(
    redis_prefixes: Prefixes, redis_client: Redis
) -> None:
    clock = FakeClock()
    async with two_workers(redis_client, redis_prefixes.new(), clock, ttl_s=30.0) as (dead, live):
        assert await dead.acquire("alice")
        await dead.aclose()  # the worker dies: no heartbeat, no release
        assert not await live.acquire("alice")
        clock.advance(29.0)
        assert await live.held("alice") == 1
        clock.advance(1.0)
        assert await live.held("alice") == 0
        assert await live.acquire("alice")


async def test_the_heartbeat_keeps_a_held_slot_alive(
    redis_prefixes: Prefixes, redis_client: Redis
) -> None:
    clock = FakeClock()
    async with two_workers(redis_client, redis_prefixes.new(), clock, ttl_s=30.0, beat_s=0.01) as (
        holder,
        other,
    ):
        assert await holder.acquire("alice")
        for _ in range(4):  # 100 s in all, each step within the ttl of the last beat
            clock.advance(25.0)
            await until(partial(beaten_since, holder, holder.beats))
            assert await other.held("alice") == 1
            assert not await other.acquire("alice")
        await holder.release("alice")
        assert await other.acquire("alice")
        await until(lambda: holder._heartbeat is not None and holder._heartbeat.done())
