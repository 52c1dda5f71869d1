"""The limits contract: a sliding-window rate limiter and connection slots per key."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spotlight_trader.limits import ConnectionSlots, RateLimiter
from tests.contract.conftest import FakeClock

MakeLimiter = Callable[[int, float], tuple[RateLimiter, FakeClock]]
MakeSlots = Callable[[int], ConnectionSlots]


def test_rate_limiter_allows_the_limit_per_window_per_key(make_limiter: MakeLimiter) -> None:
    limiter, clock = make_limiter(3, 60.0)
    assert [limiter.hit("alice") for _ in range(3)] == [None, None, None]
    wait = limiter.hit("alice")
    assert wait is not None and 0 < wait <= 60.0
    assert limiter.hit("bob") is None  # keys are independent
    clock.advance(30.0)
    wait = limiter.hit("alice")
    assert wait is not None and wait == pytest.approx(30.0)
    clock.advance(30.0)
    assert limiter.hit("alice") is None  # the first hits left the window


def test_refused_hits_do_not_count(make_limiter: MakeLimiter) -> None:
    limiter, clock = make_limiter(1, 10.0)
    assert limiter.hit("k") is None
    for _ in range(100):
        assert limiter.hit("k") is not None
    clock.advance(10.0)
    assert limiter.hit("k") is None


def test_slots_cap_concurrent_holders_per_key(make_slots: MakeSlots) -> None:
    slots = make_slots(2)
    assert slots.acquire("alice") and slots.acquire("alice")
    assert not slots.acquire("alice")
    assert slots.held("alice") == 2
    assert slots.acquire("bob")
    slots.release("alice")
    assert slots.held("alice") == 1
    assert slots.acquire("alice")
    for _ in range(5):  # releasing more than was taken never goes negative
        slots.release("bob")
    assert slots.held("bob") == 0
    assert slots.acquire("bob")
