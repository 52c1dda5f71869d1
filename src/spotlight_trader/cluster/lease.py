"""The market feed's leader lease on Redis, and the fencing token that goes with it.

Polygon allows one feed connection per key, so one process at a time holds the feed and
writes bars. The lease is ``<prefix>lease:<name>``, a string ``<holder>:<token>`` with a
TTL; ``<prefix>lease:<name>:token`` is a counter that every successful acquire
increments, so the token strictly increases across holders and the counter always holds
the newest one. A token is at least Redis's time in ms, so it keeps increasing when Redis
lost the counter (a restart without persistence, an older snapshot). Every change is one
Lua script (a check and its write are atomic).

**Fencing.** A lease alone cannot stop a holder that stalled past its TTL (a long GC
pause, a frozen VM) and woke up after another process took over: it still believes it
leads. So the writes a leader makes carry its :class:`Fence`, and the Redis ring and bus
check it inside the script that writes: a token other than the counter's is refused
(:class:`~spotlight_trader.errors.Fenced`).

:class:`LeaseKeeper` renews the lease every ``ttl/3``; when a renewal finds the lease gone
or another holder's, or Redis stays unreachable for a TTL since the last renewal was sent,
it sets :attr:`LeaseKeeper.lost` at once.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

log = structlog.get_logger(__name__)

# KEYS: lease, counter. ARGV: holder, ttl ms. Returns {1, value} when taken, else {0, value}.
# The token is INCR's, raised to Redis time in ms when below it (a counter Redis lost).
_ACQUIRE = """
local current = redis.call('GET', KEYS[1])
if current then return {0, current} end
local token = redis.call('INCR', KEYS[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if token < now then
  token = string.format('%d', now)
  redis.call('SET', KEYS[2], token)
end
local value = ARGV[1] .. ':' .. token
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return {1, value}
"""

# KEYS: lease. ARGV: our value, ttl ms. Returns 1 when the lease was still ours.
_RENEW = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
"""

# KEYS: lease. ARGV: our value. Returns 1 when the lease was ours (and is now free).
_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
"""


@dataclass(frozen=True)
class Fence:
    """What a leader's writes carry: the counter key and the token they must match."""

    key: str
    token: int


@dataclass(frozen=True)
class Holder:
    """Who holds the lease, with which token."""

    holder: str
    token: int


def _holder(value: bytes | str) -> Holder:
    text = value.decode() if isinstance(value, bytes) else value
    holder, _, token = text.rpartition(":")
    return Holder(holder, int(token))


def default_holder() -> str:
    """A holder id naming this process: host, pid and a random suffix."""
    return f"{socket.gethostname()}/{os.getpid()}-{secrets.token_hex(3)}"


class Lease:
    """One named lease (module docstring). ``ttl_ms`` is how long it lasts unrenewed."""

    def __init__(
        self,
        redis: Redis,
        *,
        name: str = "ingest",
        prefix: str = "spotlight:",
        ttl_ms: int = 5_000,
        holder: str | None = None,
    ) -> None:
        if ttl_ms < 3:
            raise ValueError("ttl_ms must be at least 3")
        self.redis = redis
        self.ttl_ms = ttl_ms
        self.holder = holder or default_holder()
        self.key = f"{prefix}lease:{name}"
        self.counter = f"{prefix}lease:{name}:token"
        self._acquire = redis.register_script(_ACQUIRE)
        self._renew = redis.register_script(_RENEW)
        self._release = redis.register_script(_RELEASE)

    def _value(self, token: int) -> str:
        return f"{self.holder}:{token}"

    def fence(self, token: int) -> Fence:
        """The fence for writes made under ``token``."""
        return Fence(self.counter, token)

    async def acquire(self) -> int | None:
        """Take the lease if it is free: its fencing token, else None."""
        taken, value = await self._acquire(
            keys=[self.key, self.counter], args=[self.holder, self.ttl_ms]
        )
        return _holder(value).token if int(taken) else None

    async def wait_acquire(self) -> int:
        """Stand by until the lease is ours (trying every ``ttl/3``, through Redis being
        unreachable): its fencing token. Logs the holder once, and again only when another
        one takes over."""
        seen: Holder | str | None = None
        while True:
            try:
                token = await self.acquire()
                if token is not None:
                    return token
                holder = await self.current()
            except (RedisError, OSError) as exc:
                if seen != "unreachable":
                    log.warning("standby: Redis unreachable; retrying", error=str(exc))
                seen = "unreachable"
            else:
                if holder is not None and holder != seen:
                    log.info(f"standby: leader is {holder.holder}, token {holder.token}")
                    seen = holder
            await asyncio.sleep(self.ttl_ms / 3000)

    async def current(self) -> Holder | None:
        """Who holds the lease now (None: nobody)."""
        value = await self.redis.get(self.key)
        return None if value is None else _holder(value)

    async def renew(self, token: int) -> bool:
        """Extend the lease by a TTL if ``token`` still holds it."""
        return bool(await self._renew(keys=[self.key], args=[self._value(token), self.ttl_ms]))

    async def release(self, token: int) -> bool:
        """Free the lease if ``token`` holds it (anyone else's lease is left alone)."""
        return bool(await self._release(keys=[self.key], args=[self._value(token)]))


class LeaseKeeper:
    """Renews ``token``'s lease every ``ttl/3`` while :meth:`run` runs; :attr:`lost` is set
    (and ``on_lost`` called) when leadership is gone: the lease was taken or lapsed, or
    Redis stayed unreachable for a TTL since the last renewal was sent. ``clock`` is
    monotonic seconds (tests pin it)."""

    def __init__(
        self,
        lease: Lease,
        token: int,
        *,
        on_lost: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lease = lease
        self.token = token
        self.lost = asyncio.Event()
        self.reason = ""
        self.renewals = 0  # successful renewals (tests wait on it)
        self._on_lost = on_lost
        self._clock = clock

    def _lose(self, reason: str) -> None:
        log.warning("leadership lost", token=self.token, reason=reason)
        self.reason = reason
        self.lost.set()
        if self._on_lost is not None:
            self._on_lost(reason)

    async def run(self) -> None:
        """Renew until leadership is lost (then return) or the task is cancelled."""
        ttl_s = self.lease.ttl_ms / 1000
        sent = self._clock()  # the lease lasts a TTL past the last renewal sent
        while True:
            await asyncio.sleep(ttl_s / 3)
            attempt = self._clock()
            try:
                async with asyncio.timeout(ttl_s / 3):
                    ours = await self.lease.renew(self.token)
            except (RedisError, OSError, TimeoutError) as exc:
                if self._clock() - sent >= ttl_s:
                    self._lose(f"Redis unreachable for the lease's TTL ({exc})")
                    return
                continue
            if not ours:
                self._lose("the lease was taken or lapsed")
                return
            sent = attempt
            self.renewals += 1
