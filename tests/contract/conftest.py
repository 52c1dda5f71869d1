"""Backends under contract: every implementation of a protocol passes the same suite.

Each fixture is parametrised by implementation name: the memory (or database) one and the
Redis ones pass every test here unchanged.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path

import pytest
import redis
from redis.asyncio import Redis

from spotlight_trader.bus import Bus, LocalBus, Subscription
from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.cluster.lease import Fence
from spotlight_trader.cluster.limits import RedisRateLimiter, RedisSlots
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing
from spotlight_trader.storage.redis_sessions import RedisSessions
from spotlight_trader.storage.sessions import SessionRepository, SessionStore
from tests.factories import repositories
from tests.redis_backends import REDIS_URL, Prefixes


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class TwoProcessBus:
    """A bus whose publishes leave from one :class:`RedisBus` and whose subscribers live on
    another: what two processes see of each other. Only lossless messages keep their order
    relative to each other across processes (ephemeral ones take another path)."""

    ordered_across_kinds = False

    def __init__(self, publisher: RedisBus, subscriber: RedisBus) -> None:
        self.publisher = publisher
        self.subscriber = subscriber

    @property
    def overflows(self) -> int:
        """The subscribing process's overflows."""
        return self.subscriber.overflows

    async def settle(self) -> None:
        """The publisher's messages written, then the subscriber's own settle."""
        await self.publisher.flush()
        await self.subscriber.settle()

    def publish(self, topic: str, message: object) -> None:
        """Publish from the first process."""
        self.publisher.publish(topic, message)

    def subscribe(self, topics: Iterable[str], maxsize: int = 1_000) -> Subscription:
        """Subscribe in the second process."""
        return self.subscriber.subscribe(topics, maxsize)

    def subscriber_count(self, topic: str) -> int:
        """Subscribers in the second process."""
        return self.subscriber.subscriber_count(topic)


MakeBus = Callable[[], contextlib.AbstractAsyncContextManager[Bus]]


def ordered_across_kinds(bus: Bus) -> bool:
    """Whether ephemeral and lossless messages keep their relative order on ``bus``."""
    return getattr(bus, "ordered_across_kinds", True)


@pytest.fixture(params=["memory", "redis", "redis-fenced", "redis-two-processes"])
def make_bus(request: pytest.FixtureRequest) -> MakeBus:
    """A factory of fresh, started buses of one implementation (an async context)."""
    if request.param == "memory":

        @contextlib.asynccontextmanager
        async def local() -> AsyncIterator[Bus]:
            yield LocalBus()

        return local
    prefixes: Prefixes = request.getfixturevalue("redis_prefixes")
    two = request.param == "redis-two-processes"

    @contextlib.asynccontextmanager
    async def redis_bus() -> AsyncIterator[Bus]:
        prefix = prefixes.new()
        clients = [Redis.from_url(REDIS_URL) for _ in range(2 if two else 1)]
        buses = [RedisBus(client, prefix=prefix) for client in clients]
        if request.param == "redis-fenced":  # the ingest leader's: the token is the newest
            buses[0].fence = Fence(f"{prefix}lease:ingest:token", 7)
            await clients[0].set(buses[0].fence.key, 7)
        try:
            for bus in buses:
                await bus.start()
            yield TwoProcessBus(*buses) if two else buses[0]
        finally:
            for bus in buses:
                await bus.stop()
            for client in clients:
                await client.aclose()

    return redis_bus


@pytest.fixture(params=["memory", "redis", "redis-fenced"])
def make_ring(request: pytest.FixtureRequest) -> Callable[[int], BarRing]:
    """A factory of fresh rings (by capacity) of one implementation; ``redis-fenced`` is
    the ingest leader's, whose token is the lease's newest."""
    if request.param == "memory":
        return MemoryRing
    prefixes: Prefixes = request.getfixturevalue("redis_prefixes")

    def make(capacity: int) -> BarRing:
        ring = RedisRing(Redis.from_url(REDIS_URL), capacity, prefix=prefixes.new())
        if request.param == "redis-fenced":
            ring.fence = Fence(f"{ring.prefix}lease:ingest:token", 7)
            with redis.Redis.from_url(REDIS_URL) as sync:
                sync.set(ring.fence.key, 7)
        return ring

    return make


@pytest.fixture(params=["memory", "redis"])
def make_limiter(
    request: pytest.FixtureRequest,
) -> Callable[[int, float], tuple[RateLimiter, FakeClock]]:
    """A factory of (rate limiter, the clock it runs on) of one implementation."""
    if request.param == "memory":

        def make_memory(limit: int, window_s: float) -> tuple[RateLimiter, FakeClock]:
            clock = FakeClock()
            return MemoryRateLimiter(limit, window_s, clock=clock), clock

        return make_memory
    prefixes: Prefixes = request.getfixturevalue("redis_prefixes")
    client: Redis = request.getfixturevalue("redis_client")

    def make_redis(limit: int, window_s: float) -> tuple[RateLimiter, FakeClock]:
        clock = FakeClock()
        limiter = RedisRateLimiter(
            client, limit, window_s, name="test", prefix=prefixes.new(), clock=clock
        )
        return limiter, clock

    return make_redis


@pytest.fixture
async def redis_client() -> AsyncIterator[Redis]:
    """One client of the test Redis, closed after the test."""
    client = Redis.from_url(REDIS_URL)
    try:
        yield client
    finally:
        await client.aclose()


MakeSlots = Callable[[int], ConnectionSlots]


@pytest.fixture(params=["memory", "redis", "redis-two-processes"])
async def make_slots(request: pytest.FixtureRequest) -> AsyncIterator[MakeSlots]:
    """A factory of connection slots (by limit) of one implementation. Two processes:
    every other call is served by another :class:`RedisSlots` on the same prefix."""
    if request.param == "memory":
        yield MemorySlots
        return
    prefixes: Prefixes = request.getfixturevalue("redis_prefixes")
    client = Redis.from_url(REDIS_URL)
    made: list[RedisSlots] = []

    def make(limit: int) -> ConnectionSlots:
        prefix = prefixes.new()
        one = RedisSlots(client, limit, name="test", prefix=prefix)
        made.append(one)
        if request.param == "redis":
            return one
        other = RedisSlots(client, limit, name="test", prefix=prefix)
        made.append(other)
        return Alternating(one, other)

    try:
        yield make
    finally:
        for slots in made:
            await slots.aclose()
        await client.aclose()


class Alternating:
    """Connection slots whose calls go to two processes in turn (acquire and release of
    a key stay on the process that took the slot, as a connection does)."""

    def __init__(self, one: RedisSlots, other: RedisSlots) -> None:
        self.limit = one.limit
        self.sides = (one, other)
        self.turn = 0
        self.taken: dict[str, list[RedisSlots]] = {}

    def _next(self) -> RedisSlots:
        self.turn += 1
        return self.sides[self.turn % 2]

    async def acquire(self, key: str) -> bool:
        side = self._next()
        if not await side.acquire(key):
            return False
        self.taken.setdefault(key, []).append(side)
        return True

    async def release(self, key: str) -> None:
        taken = self.taken.get(key)
        await (taken.pop() if taken else self._next()).release(key)

    async def held(self, key: str) -> int:
        return await self._next().held(key)


MakeSessions = Callable[..., SessionStore]


@pytest.fixture(params=["database", "redis"])
async def make_sessions(request: pytest.FixtureRequest) -> AsyncIterator[MakeSessions]:
    """A factory of session stores (by idle and absolute ms) of one implementation, every
    store of one test on the same data."""
    if request.param == "database":
        path: Path = request.getfixturevalue("tmp_path")
        async with repositories(f"sqlite+aiosqlite:///{path / 's.db'}", users=USERS) as repos:
            yield lambda *, idle_ms, absolute_ms: SessionRepository(
                repos.engine, idle_ms=idle_ms, absolute_ms=absolute_ms
            )
        return
    prefix = request.getfixturevalue("redis_prefixes").new()
    client = Redis.from_url(REDIS_URL)
    try:
        yield lambda *, idle_ms, absolute_ms: RedisSessions(
            client, idle_ms=idle_ms, absolute_ms=absolute_ms, prefix=prefix
        )
    finally:
        await client.aclose()


USERS = ("alice", "bob", "carol")
