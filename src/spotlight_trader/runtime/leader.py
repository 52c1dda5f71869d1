"""``spotlight ingest``: the market feed under the leader lease (``cluster/lease.py``).

:func:`run_as_leader` stands by until the lease is free, then fences the Redis ring and
bus with the new token and runs an :class:`~.ingest.Ingest` (feed, pipeline, rules
engine) until leadership is lost or the process is told to stop; on a loss it stops the
ingest at once and stands by again. A takeover needs nothing special: a new ingest's feed
starts as every feed does, with its history into the ring, which fills the minutes the
old leader did not write (the ring skips those it has).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import structlog
from redis.exceptions import RedisError

from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.cluster.lease import Lease, LeaseKeeper
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.config import Settings
from spotlight_trader.errors import ConfigError
from spotlight_trader.feeds.base import Feed
from spotlight_trader.runtime.components import Components, build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)
T = TypeVar("T")


async def _unless_stopped(work: Coroutine[Any, Any, T], stop: asyncio.Event) -> T | None:
    """``work``'s result, or None (``work`` cancelled) once ``stop`` is set first."""
    task = asyncio.create_task(work)
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait((task, stopped), return_when=asyncio.FIRST_COMPLETED)
    await cancel_and_wait(stopped)
    if task.done():
        return task.result()
    await cancel_and_wait(task)
    return None


async def run_as_leader(
    components: Components, make_ingest: Callable[[], Ingest], lease: Lease, stop: asyncio.Event
) -> None:
    """Lead (a fresh ``make_ingest()`` per term) whenever the lease is ours, stand by
    otherwise, until ``stop`` is set; then release the lease. Needs the Redis ring and bus
    (:class:`ConfigError` otherwise)."""
    ring, bus = components.ring, components.bus
    if not isinstance(ring, RedisRing) or not isinstance(bus, RedisBus):
        raise ConfigError("REDIS_URL is not set: the feed leader keeps its lease in Redis")
    while not stop.is_set():
        token = await _unless_stopped(lease.wait_acquire(), stop)
        if token is None:
            return
        ring.fence = bus.fence = lease.fence(token)
        keeper = LeaseKeeper(lease, token)
        renewing = asyncio.create_task(keeper.run(), name="lease-keeper")
        ingest = make_ingest()
        log.info("leader: starting the feed", holder=lease.holder, token=token)
        try:
            await ingest.start()
            await _unless_stopped(keeper.lost.wait(), stop)
        finally:
            await ingest.stop()
            await cancel_and_wait(renewing)
        if not keeper.lost.is_set():
            with contextlib.suppress(RedisError, OSError):  # else it lapses in a TTL
                await lease.release(token)
            return
        log.warning("leader: feed stopped; standing by", token=token, reason=keeper.reason)


async def run_ingest(settings: Settings, make_feed: Callable[[Settings], Feed]) -> None:
    """The ``spotlight ingest`` process: migrate and seed as ``serve`` does, then
    :func:`run_as_leader` until SIGINT or SIGTERM."""
    from spotlight_trader.market.session import load_calendar
    from spotlight_trader.storage.db import upgrade

    components = build_components(settings)
    if components.redis is None:
        raise ConfigError("REDIS_URL is not set: spotlight ingest keeps its lease in Redis")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    lease = Lease(components.redis, prefix=settings.redis_prefix, ttl_ms=settings.ingest_lease_ms)
    try:
        await asyncio.to_thread(load_calendar)
        await upgrade(components.database)
        await components.rules.seed_builtins()
        await components.start()
        await run_as_leader(
            components, lambda: Ingest(components, make_feed(settings)), lease, stop
        )
    finally:
        await components.close()
