"""The limits of ``limits.py`` on Redis, shared by every process on one ``REDIS_PREFIX``.

Both keep one sorted set per limited key and change it in one Lua script (a check and
its write are atomic across processes). Time is Redis's ``TIME`` (every worker agrees on
it; a worker's own clock plays no part) unless a ``clock`` is injected (tests).

- :class:`RedisRateLimiter`: ``<prefix>limit:<name>:<key>``, one member per counted event
  scored by its time (ms); events older than the window are dropped before counting. The
  key expires one window after its newest event.
- :class:`RedisSlots`: ``<prefix>slots:<name>:<key>``, one member per held slot scored by
  its *expiry* (ms). The holding process refreshes the expiry of its own members every
  ``beat_s`` (a heartbeat task that runs while it holds any); a member past its expiry is
  dropped before counting. A worker that dies (or loses Redis) therefore gives its slots
  back within ``ttl_s``, never later; a release that never ran costs nothing more. The
  key expires ``ttl_s`` after its last write.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import Callable

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

log = structlog.get_logger(__name__)

# Redis time in ms from TIME, or the injected clock's (ARGV[1] when not empty).
_NOW = """
local function now_ms(arg)
  if arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
"""

# KEYS: the window. ARGV: now ("" for Redis time), limit, window ms, a fresh member.
# Returns nil when counted, else the ms until an event is allowed again (a string).
_HIT = (
    _NOW
    + """
local now = now_ms(ARGV[1])
local limit, window = tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(window))
return false
"""
)

# KEYS: the slots. ARGV: now, limit, ttl ms, the holder's member. Returns 1 if taken.
_ACQUIRE = (
    _NOW
    + """
local now = now_ms(ARGV[1])
local ttl = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(ttl))
return 1
"""
)

# KEYS: the slots. ARGV: now, ttl ms, members. Pushes the expiry of those still held
# (XX: a member already dropped is not brought back). Returns how many were refreshed.
_REFRESH = (
    _NOW
    + """
local now = now_ms(ARGV[1])
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local kept = 0
for i = 3, #ARGV do
  kept = kept + redis.call('ZADD', KEYS[1], 'XX', 'CH', now + ttl, ARGV[i])
end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], math.ceil(ttl)) end
return kept
"""
)

# KEYS: the slots. ARGV: now. Returns the live members.
_HELD = (
    _NOW
    + """
return redis.call('ZCOUNT', KEYS[1], '(' .. now_ms(ARGV[1]), '+inf')
"""
)


def _now_arg(clock: Callable[[], float] | None) -> str:
    return "" if clock is None else repr(clock() * 1000)


class RedisRateLimiter:
    """:class:`~spotlight_trader.limits.RateLimiter` on Redis (module docstring). ``name``
    keeps limiters that count the same keys (e.g. user ids) apart."""

    def __init__(
        self,
        redis: Redis,
        limit: int,
        window_s: float = 60.0,
        *,
        name: str,
        prefix: str = "spotlight:",
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._base = f"{prefix}limit:{name}:"
        self._clock = clock
        self._hit = redis.register_script(_HIT)

    async def hit(self, key: str) -> float | None:
        """Count one event unless the window is full (then the seconds to wait)."""
        args: list[str | float] = [
            _now_arg(self._clock),
            self.limit,
            self.window_s * 1000,
            secrets.token_hex(8),
        ]
        wait = await self._hit(keys=[self._base + key], args=args)
        return None if wait is None else float(wait) / 1000


class RedisSlots:
    """:class:`~spotlight_trader.limits.ConnectionSlots` on Redis (module docstring): a slot
    is a member with an expiry that this process's heartbeat refreshes while it holds it.
    :meth:`aclose` stops the heartbeat (the slots then lapse within ``ttl_s``)."""

    def __init__(
        self,
        redis: Redis,
        limit: int,
        *,
        name: str,
        prefix: str = "spotlight:",
        ttl_s: float = 30.0,
        beat_s: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.limit = limit
        self.ttl_s = ttl_s
        self.beat_s = ttl_s / 3 if beat_s is None else beat_s
        self.beats = 0  # heartbeats done (tests wait on it)
        self._base = f"{prefix}slots:{name}:"
        self._clock = clock
        self._holder = secrets.token_hex(8)
        self._made = 0
        self._mine: dict[str, list[str]] = {}  # key -> members this process holds
        self._heartbeat: asyncio.Task[None] | None = None
        self._redis = redis
        self._acquire = redis.register_script(_ACQUIRE)
        self._refresh = redis.register_script(_REFRESH)
        self._held = redis.register_script(_HELD)

    async def acquire(self, key: str) -> bool:
        """Take a slot if fewer than ``limit`` live ones are held (by any process)."""
        self._made += 1
        member = f"{self._holder}:{self._made}"
        args: list[str | float] = [_now_arg(self._clock), self.limit, self.ttl_s * 1000, member]
        if not await self._acquire(keys=[self._base + key], args=args):
            return False
        self._mine.setdefault(key, []).append(member)
        if self._heartbeat is None or self._heartbeat.done():
            self._heartbeat = asyncio.create_task(self._beat(), name="slots heartbeat")
        return True

    async def release(self, key: str) -> None:
        """Give one of this process's slots of ``key`` back (none held: nothing happens).
        It leaves the heartbeat first, so even an interrupted release lapses in time."""
        members = self._mine.get(key)
        if not members:
            return
        member = members.pop()
        if not members:
            del self._mine[key]
        await self._redis.zrem(self._base + key, member)

    async def held(self, key: str) -> int:
        """Live slots of ``key``, whichever process holds them."""
        return int(await self._held(keys=[self._base + key], args=[_now_arg(self._clock)]))

    async def refresh(self) -> None:
        """One heartbeat: push the expiry of every slot this process holds."""
        for key, members in list(self._mine.items()):
            args: list[str | float] = [_now_arg(self._clock), self.ttl_s * 1000, *members]
            await self._refresh(keys=[self._base + key], args=args)
        self.beats += 1

    async def _beat(self) -> None:
        while self._mine:
            await asyncio.sleep(self.beat_s)
            try:
                await self.refresh()
            except RedisError as exc:
                log.warning("slot heartbeat failed", error=str(exc))

    async def aclose(self) -> None:
        """Stop the heartbeat."""
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
