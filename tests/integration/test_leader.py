"""``spotlight ingest``'s coordinator on the real Redis: one leader runs the feed, a standby
takes over when it stops (its history fills the minutes in between) and a leader whose
lease is taken stops its feed, stands by and leads again once the lease is free."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence

import pytest
from redis.asyncio import Redis

from spotlight_trader.cluster.lease import Lease
from spotlight_trader.errors import ConfigError, Fenced
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.runtime.components import Components, build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.runtime.leader import run_as_leader
from spotlight_trader.storage.db import upgrade
from spotlight_trader.tasks import cancel_and_wait
from tests.conftest import make_settings, until
from tests.fakes.feeds import history_bars
from tests.redis_backends import REDIS_URL, Prefixes, PrivateRedis

TTL_MS = 400


class HistoryFeed:
    """Loads SPY's last 30 minutes before ``upto()`` into the ring at start (as a live feed's
    backfill does), then stays live."""

    name = "history"

    def __init__(self, upto: Callable[[], int]) -> None:
        self.upto = upto

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Any symbols."""

    async def run(self, sink: MarketSink) -> None:
        sink.report(Phase.WARMING, "history", done=0, total=1)
        await sink.load_history(history_bars(["SPY"], self.upto(), 30))
        sink.report(Phase.LIVE, "history")
        await asyncio.Event().wait()


class Node:
    """One ``spotlight ingest`` process: components, lease, the ingests it ran."""

    def __init__(self, components: Components, holder: str, upto: Callable[[], int]) -> None:
        assert components.redis is not None
        self.components = components
        self.lease = Lease(
            components.redis, prefix=components.settings.redis_prefix, ttl_ms=TTL_MS, holder=holder
        )
        self.ingests: list[Ingest] = []
        self.stop = asyncio.Event()
        self._upto = upto
        self.task: asyncio.Task[None] | None = None

    def _ingest(self) -> Ingest:
        ingest = Ingest(self.components, HistoryFeed(self._upto))
        self.ingests.append(ingest)
        return ingest

    def start(self) -> None:
        self.task = asyncio.create_task(
            run_as_leader(self.components, self._ingest, self.lease, self.stop)
        )

    def live(self, term: int) -> bool:
        return len(self.ingests) >= term and self.ingests[term - 1].state.phase is Phase.LIVE


class Cluster:
    """Nodes over one database and one Redis prefix; ``upto`` is the market's minute."""

    def __init__(self, prefix: str, stack: contextlib.AsyncExitStack) -> None:
        self.settings = make_settings(redis_url=REDIS_URL, redis_prefix=prefix)
        self.upto = 100
        self.made: list[Node] = []
        self._stack = stack

    async def node(self, holder: str) -> Node:
        """A started node (its coordinator running)."""
        components = build_components(self.settings)
        self._stack.push_async_callback(components.close)
        if not self.made:
            await upgrade(components.database)
        await components.start()
        made = Node(components, holder, lambda: self.upto)
        self.made.append(made)
        made.start()
        return made


@pytest.fixture
async def cluster(redis_prefixes: Prefixes) -> AsyncIterator[Cluster]:
    async with contextlib.AsyncExitStack() as stack:
        made = Cluster(redis_prefixes.new(), stack)
        yield made
        for each in made.made:
            each.stop.set()
            await cancel_and_wait(each.task)


async def test_a_standby_takes_over_and_its_history_fills_the_gap(
    cluster: Cluster,
) -> None:
    a = await cluster.node("a")
    await until(lambda: a.live(1))
    b = await cluster.node("b")
    ring = b.components.ring
    assert [x.seq for x in await ring.since_seq("SPY", -1)] == list(range(70, 100))
    assert await b.lease.current() is not None and not b.ingests  # standing by
    cluster.upto = 110  # ten minutes pass
    a.stop.set()  # a stops: releases the lease
    assert a.task is not None
    async with asyncio.timeout(30):
        await a.task
    assert a.ingests[0].state.phase is Phase.STOPPED
    await until(lambda: b.live(1))
    assert [x.seq for x in await ring.since_seq("SPY", -1)] == list(range(70, 110))
    with pytest.raises(Fenced):  # a's components still carry its (old) token
        await a.components.ring.append(history_bars(["SPY"], 111, 1)[0])


async def test_a_leader_whose_lease_is_taken_stands_by_and_leads_again(
    cluster: Cluster,
) -> None:
    a = await cluster.node("a")
    await until(lambda: a.live(1))
    redis = a.components.redis
    assert isinstance(redis, Redis)
    await redis.delete(a.lease.key)  # as if it lapsed while a was paused ...
    thief = Lease(redis, prefix=a.components.settings.redis_prefix, ttl_ms=60_000, holder="x")
    token = await thief.acquire()  # ... and another process took it
    assert token is not None
    await until(lambda: a.ingests[0].state.phase is Phase.STOPPED)
    assert len(a.ingests) == 1  # standing by
    assert await thief.release(token)
    await until(lambda: a.live(2))
    current = await a.lease.current()
    assert current is not None and current.holder == "a" and current.token > token
    a.stop.set()
    assert a.task is not None
    async with asyncio.timeout(30):
        await a.task
    assert await a.lease.current() is None  # released on the way out


async def test_the_coordinator_needs_redis(redis_prefixes: Prefixes) -> None:
    components = build_components(make_settings())
    client = Redis.from_url(REDIS_URL)
    try:
        with pytest.raises(ConfigError, match="REDIS_URL"):
            await run_as_leader(
                components, lambda: pytest.fail("no ingest"), Lease(client), asyncio.Event()
            )
    finally:
        await client.aclose()
        await components.close()


async def test_a_leader_that_lost_redis_stands_by_and_leads_again_when_it_is_back(
    redis_server: PrivateRedis,
) -> None:
    settings = make_settings(redis_url=redis_server.url)
    components = build_components(settings)
    await upgrade(components.database)
    await components.start()
    node = Node(components, "a", lambda: 100)
    node.start()
    try:
        await until(lambda: node.live(1))
        first = await node.lease.current()
        redis_server.kill()
        await until(lambda: node.ingests[0].state.phase is Phase.STOPPED)  # gave the feed up
        redis_server.start()  # empty: no lease, no counter
        await until(lambda: node.live(2))
        now = await node.lease.current()
        assert first is not None and now is not None
        assert now.holder == "a" and now.token > first.token  # still above the lost one
    finally:
        node.stop.set()
        await cancel_and_wait(node.task)
        await components.close()
