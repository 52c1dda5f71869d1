"""The feed leader's lease and its fencing token, on the real Redis: one holder at a time,
a token that only goes up, and a taken-over leader whose ring and bus writes are refused."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import structlog
from redis.asyncio import Redis

from spotlight_trader.bus import bar_topic
from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.cluster.lease import Holder, Lease, LeaseKeeper
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.errors import Fenced
from spotlight_trader.model import Bar
from spotlight_trader.tasks import cancel_and_wait
from tests.conftest import until
from tests.redis_backends import REDIS_URL, Prefixes, PrivateRedis

TTL_MS = 400


def bar(seq: int, sym: str = "SPY") -> Bar:
    return Bar(sym, seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 1.0, 1.0, 1.0, 1.0, 1)


@pytest.fixture
async def client(redis_prefixes: Prefixes) -> AsyncIterator[Redis]:
    conn = Redis.from_url(REDIS_URL)
    yield conn
    await conn.aclose()


@pytest.fixture
def prefix(redis_prefixes: Prefixes) -> str:
    return redis_prefixes.new()


def lease(client: Redis, prefix: str, holder: str, ttl_ms: int = TTL_MS) -> Lease:
    return Lease(client, prefix=prefix, ttl_ms=ttl_ms, holder=holder)


async def test_two_holders_only_one_wins_and_the_other_sees_who(client: Redis, prefix: str) -> None:
    a, b = lease(client, prefix, "a", 30_000), lease(client, prefix, "b", 30_000)
    tokens = await asyncio.gather(a.acquire(), b.acquire())
    assert tokens.count(None) == 1
    token = tokens[0] or tokens[1]
    assert token is not None
    winner = "a" if tokens[0] else "b"
    assert await a.current() == Holder(winner, token)
    assert await b.renew(token) is (winner == "b")
    assert await a.renew(token) is (winner == "a")


async def test_release_by_a_non_holder_does_nothing_and_tokens_increase(
    client: Redis, prefix: str
) -> None:
    a, b = lease(client, prefix, "a", 30_000), lease(client, prefix, "b", 30_000)
    first = await a.acquire()
    assert first is not None
    assert not await b.release(first)  # same token, other holder
    assert not await a.release(first + 1)  # our holder, another token
    assert await b.acquire() is None
    assert await a.release(first)
    assert not await a.renew(first)  # released: not ours any more
    second = await b.acquire()
    assert second is not None and second > first
    assert await b.release(second)
    third = await a.acquire()
    assert third is not None and third > second


async def test_a_paused_leader_is_fenced_off_after_a_takeover(client: Redis, prefix: str) -> None:
    old, new = lease(client, prefix, "old"), lease(client, prefix, "new")
    old_ring, new_ring = RedisRing(client, 10, prefix=prefix), RedisRing(client, 10, prefix=prefix)
    old_token = await old.acquire()
    assert old_token is not None
    keeper = LeaseKeeper(old, old_token)
    task = asyncio.create_task(keeper.run())
    old_ring.fence = old.fence(old_token)
    assert await old_ring.append(bar(1))
    await until(lambda: keeper.renewals >= 2)
    assert await new.acquire() is None  # renewed: still held
    await cancel_and_wait(task)  # the pause: no more renewals, no release
    async with asyncio.timeout(30):
        new_token = await new.wait_acquire()  # once the TTL lapsed
    assert new_token > old_token
    new_ring.fence = new.fence(new_token)
    with pytest.raises(Fenced):
        await old_ring.append(bar(2))  # the old leader wakes up and writes
    assert await new_ring.append(bar(2))
    assert [b.seq for b in await new_ring.since_seq("SPY", -1)] == [1, 2]
    assert await old.renew(old_token) is False  # and its keeper would have noticed


async def test_the_bus_drops_a_fenced_leaders_bars(client: Redis, prefix: str) -> None:
    leader = lease(client, prefix, "leader", 30_000)
    writer, reader = RedisBus(client, prefix=prefix), RedisBus(client, prefix=prefix)
    await writer.start()
    await reader.start()
    try:
        token = await leader.acquire()
        assert token is not None
        writer.fence = leader.fence(token)
        sub = reader.subscribe([bar_topic("SPY")])
        writer.publish(bar_topic("SPY"), bar(1))
        await writer.flush()
        await reader.settle()
        assert sub.get_nowait() == (bar_topic("SPY"), bar(1))
        writer.fence = leader.fence(token - 1)  # an older leader's token
        writer.publish(bar_topic("SPY"), bar(2))
        await writer.flush()
        await reader.settle()
        assert sub.get_nowait() is None
        assert writer.fenced == 1
    finally:
        await writer.stop()
        await reader.stop()


async def test_a_killed_connection_is_reconnected_without_losing_the_lease(
    client: Redis, prefix: str
) -> None:
    own = Redis.from_url(REDIS_URL)
    held = lease(own, prefix, "leader")
    token = await held.acquire()
    assert token is not None
    keeper = LeaseKeeper(held, token)
    task = asyncio.create_task(keeper.run())
    try:
        await until(lambda: keeper.renewals >= 1)
        name = f"lease-{prefix}"
        await own.client_setname(name)
        for info in await client.client_list():
            if info.get("name") == name:
                await client.client_kill_filter(_id=info["id"])
        before = keeper.renewals
        await until(lambda: keeper.renewals >= before + 3)
        assert not keeper.lost.is_set()
    finally:
        await cancel_and_wait(task)
        await own.aclose()


async def test_losing_redis_past_the_ttl_loses_leadership(redis_server: PrivateRedis) -> None:
    conn = Redis.from_url(redis_server.url, socket_timeout=1, socket_connect_timeout=1)
    now = [0.0]
    reasons: list[str] = []
    held = Lease(conn, ttl_ms=TTL_MS, holder="leader")
    token = await held.acquire()
    assert token is not None
    keeper = LeaseKeeper(held, token, on_lost=reasons.append, clock=lambda: now[0])
    task = asyncio.create_task(keeper.run())
    try:
        await until(lambda: keeper.renewals >= 1)
        redis_server.kill()
        await asyncio.sleep(TTL_MS / 1000)  # failed renewals, still within the pinned TTL
        assert not keeper.lost.is_set()
        now[0] += TTL_MS / 1000  # a TTL since the last renewal was sent
        async with asyncio.timeout(30):
            await keeper.lost.wait()
        assert reasons and "unreachable" in reasons[0]
        await task
    finally:
        await cancel_and_wait(task)
        await conn.aclose()


async def test_a_standby_logs_the_leader_once_then_waits_quietly(
    client: Redis, prefix: str
) -> None:
    leader, standby = lease(client, prefix, "leader", 30_000), lease(client, prefix, "standby")
    token = await leader.acquire()
    assert token is not None
    asked = 0
    current = standby.current

    async def counted() -> Holder | None:
        nonlocal asked
        asked += 1
        return await current()

    standby.current = counted  # type: ignore[method-assign]
    with structlog.testing.capture_logs() as logs:
        waiting = asyncio.create_task(standby.wait_acquire())
        await until(lambda: asked >= 3)
        assert await leader.release(token)
        async with asyncio.timeout(30):
            assert await waiting > token
    assert [e["event"] for e in logs] == [f"standby: leader is leader, token {token}"]
