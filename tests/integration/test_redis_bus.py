"""The Redis bus between two processes' buses: market messages arrive as equal objects,
and a Redis that lost messages (flushed, restarted empty) closes every subscriber so its
stream resumes from its cursor instead of going on with a hole."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import redis
from redis.asyncio import Redis

from spotlight_trader.bus import STATUS_TOPIC, SubscriberOverflow, bar_topic, microbar_topic
from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.market.lifecycle import MarketState, Phase
from spotlight_trader.model import Bar
from tests.conftest import until
from tests.redis_backends import PrivateRedis


@pytest.fixture
async def buses(redis_server: PrivateRedis) -> AsyncIterator[tuple[RedisBus, RedisBus]]:
    clients = [Redis.from_url(redis_server.url), Redis.from_url(redis_server.url)]
    pair = RedisBus(clients[0]), RedisBus(clients[1])
    for bus in pair:
        await bus.start()
    yield pair
    for bus in pair:
        await bus.stop()
    for client in clients:
        await client.aclose()


def bar(seq: int) -> Bar:
    return Bar("SPY", seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 2.0, 0.5, 1.5, 10.0, 3)


async def test_market_messages_cross_processes_as_equal_objects(
    buses: tuple[RedisBus, RedisBus],
) -> None:
    ingest, api = buses
    sub = api.subscribe([bar_topic("SPY"), STATUS_TOPIC, microbar_topic("SPY")])
    state = MarketState(Phase.LIVE, "ok")
    ingest.publish(bar_topic("SPY"), bar(7))
    ingest.publish(STATUS_TOPIC, state)
    await ingest.flush()
    await api.settle()
    got = {sub.get_nowait(), sub.get_nowait()}
    assert got == {(bar_topic("SPY"), bar(7)), (STATUS_TOPIC, state)}
    assert sub.get_nowait() is None


@pytest.mark.parametrize("loss", ["flushall", "restart"])
async def test_lost_messages_close_every_subscriber(
    buses: tuple[RedisBus, RedisBus], redis_server: PrivateRedis, loss: str
) -> None:
    ingest, api = buses
    sub = api.subscribe([bar_topic("SPY")])
    ingest.publish(bar_topic("SPY"), bar(1))
    assert await sub.get() == (bar_topic("SPY"), bar(1))
    if loss == "flushall":
        redis.Redis.from_url(redis_server.url).flushall()
    else:
        redis_server.kill()
        redis_server.start()
    await until(lambda: sub.closed, within_s=30)
    assert api.losses == 1
    with pytest.raises(SubscriberOverflow):
        await sub.get()
    # and delivery goes on for the subscribers that come after
    again = api.subscribe([bar_topic("SPY")])
    ingest.publish(bar_topic("SPY"), bar(2))
    assert await again.get() == (bar_topic("SPY"), bar(2))
