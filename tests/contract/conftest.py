"""Backends under contract: every implementation of a protocol passes the same suite.

Each fixture is parametrised by implementation name; the Redis implementations join the
``params`` lists when they exist, and must then pass every test here unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spotlight_trader.bus import Bus, LocalBus
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing


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


@pytest.fixture(params=["memory"])
def make_ring(request: pytest.FixtureRequest) -> Callable[[int], BarRing]:
    """A factory of fresh rings (by capacity) of one implementation."""
    assert request.param == "memory"
    return MemoryRing


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
