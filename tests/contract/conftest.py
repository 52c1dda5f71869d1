"""Backends under contract: every implementation of a protocol passes the same suite.

Each fixture is parametrised by implementation name; the Redis implementations join the
``params`` lists when they exist, and must then pass every test here unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from redis.asyncio import Redis

from spotlight_trader.bus import Bus, LocalBus
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing
from tests import redis_backends
from tests.redis_backends import REDIS_URL, Prefixes


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(params=["memory"])
def make_bus(request: pytest.FixtureRequest) -> Callable[[], Bus]:
    """A factory of fresh buses of one implementation."""
    assert request.param == "memory"
    return LocalBus


@pytest.fixture
def redis_prefixes() -> Iterator[Prefixes]:
    """Key prefixes on the test Redis, deleted after the test."""
    yield from redis_backends.prefixes()


@pytest.fixture(params=["memory", "redis"])
def make_ring(request: pytest.FixtureRequest) -> Callable[[int], BarRing]:
    """A factory of fresh rings (by capacity) of one implementation."""
    if request.param == "memory":
        return MemoryRing
    prefixes: Prefixes = request.getfixturevalue("redis_prefixes")

    def make(capacity: int) -> BarRing:
        return RedisRing(Redis.from_url(REDIS_URL), capacity, prefix=prefixes.new())

    return make


@pytest.fixture(params=["memory"])
def make_limiter(
    request: pytest.FixtureRequest,
) -> Callable[[int, float], tuple[RateLimiter, FakeClock]]:
    """A factory of (rate limiter, the clock it runs on) of one implementation."""
    assert request.param == "memory"

    def make(limit: int, window_s: float) -> tuple[RateLimiter, FakeClock]:
        clock = FakeClock()
        return MemoryRateLimiter(limit, window_s, clock=clock), clock

    return make


@pytest.fixture(params=["memory"])
def make_slots(request: pytest.FixtureRequest) -> Callable[[int], ConnectionSlots]:
    """A factory of connection slots (by limit) of one implementation."""
    assert request.param == "memory"
    return MemorySlots
