"""Limits shared by every request path: a sliding-window rate limiter and concurrent
connection slots. Async protocols with in-memory implementations (one process); the Redis
ones (``cluster/limits.py``, several processes) satisfy the same contract
(tests/contract/test_limits.py)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Protocol


class RateLimiter(Protocol):
    """At most ``limit`` events per ``window_s`` per key."""

    limit: int

    async def hit(self, key: str) -> float | None:
        """Count one event; None if allowed, else seconds until one is allowed again."""
        ...


class ConnectionSlots(Protocol):
    """At most ``limit`` concurrent holders per key."""

    limit: int

    async def acquire(self, key: str) -> bool:
        """Take a slot; False when ``key`` already holds ``limit``."""
        ...

    async def release(self, key: str) -> None:
        """Give a slot back (always in a ``finally``)."""
        ...

    async def held(self, key: str) -> int:
        """Slots ``key`` holds now."""
        ...


class MemoryRateLimiter:
    """In-process :class:`RateLimiter` (sliding window of timestamps per key)."""

    def __init__(
        self, limit: int, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}

    async def hit(self, key: str) -> float | None:
        """Count one event unless the window is full."""
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window_s:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window_s - now
        hits.append(now)
        return None


class MemorySlots:
    """In-process :class:`ConnectionSlots`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._held: dict[str, int] = {}

    async def acquire(self, key: str) -> bool:
        """Take a slot if one is free."""
        count = self._held.get(key, 0)
        if count >= self.limit:
            return False
        self._held[key] = count + 1
        return True

    async def release(self, key: str) -> None:
        """Give a slot back."""
        count = self._held.get(key, 0) - 1
        if count > 0:
            self._held[key] = count
        else:
            self._held.pop(key, None)

    async def held(self, key: str) -> int:
        """Slots held by ``key``."""
        return self._held.get(key, 0)
