"""The Redis ring's epoch: a new one whenever Redis lost the stream — flushed, restarted
without persistence, restored from an older snapshot — and the same one otherwise."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import redis
from redis.asyncio import Redis

from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.model import Bar
from tests.redis_backends import REDIS_URL, Prefixes, PrivateRedis, prefixes


def bar(seq: int, sym: str = "SPY") -> Bar:
    return Bar(sym, seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 1.0, 1.0, 1.0, 1.0, 1)


@pytest.fixture
def keys() -> Iterator[Prefixes]:
    yield from prefixes()


@pytest.fixture
async def client(keys: Prefixes) -> AsyncIterator[Redis]:
    conn = Redis.from_url(REDIS_URL)
    yield conn
    await conn.aclose()


async def seqs(ring: RedisRing, symbol: str = "SPY") -> list[int]:
    return [b.seq for b in await ring.since_seq(symbol, -1)]


async def test_the_epoch_is_stable_while_nothing_is_lost_and_shared_by_readers(
    client: Redis, keys: Prefixes
) -> None:
    prefix = keys.new()
    writer, reader = RedisRing(client, 3, prefix=prefix), RedisRing(client, 3, prefix=prefix)
    assert await reader.epoch("SPY") == ""
    assert await writer.append(bar(1))
    epoch = await writer.epoch("SPY")
    assert epoch
    for s in range(2, 10):
        assert await writer.append(bar(s))
    assert await reader.epoch("SPY") == epoch
    assert await seqs(reader) == [7, 8, 9]
    assert await reader.evicted_through("SPY") == 6
    assert await RedisRing(client, 3, prefix=prefix).append(bar(10))  # a new writer (standby)
    assert await reader.epoch("SPY") == epoch


async def test_a_flush_starts_a_new_epoch(client: Redis, keys: Prefixes) -> None:
    prefix = keys.new()
    ring = RedisRing(client, 10, prefix=prefix)
    for s in (1, 2, 3):
        await ring.append(bar(s))
    before = await ring.epoch("SPY")
    await client.delete(*[k async for k in client.scan_iter(match=f"{prefix}*")])
    assert await ring.epoch("SPY") == ""  # a reader sees the loss at once
    assert await ring.append(bar(4))
    after = await ring.epoch("SPY")
    assert after not in ("", before)
    assert await seqs(ring) == [4]
    assert await ring.evicted_through("SPY") is None


async def test_a_stream_that_went_back_starts_a_new_epoch(client: Redis, keys: Prefixes) -> None:
    """What the writer appended is no longer all there (an old snapshot, a lagging replica):
    the rest is another history, so it is dropped under a new epoch."""
    prefix = keys.new()
    ring = RedisRing(client, 10, prefix=prefix)
    for s in range(1, 6):
        await ring.append(bar(s))
    before = await ring.epoch("SPY")
    stream = f"{prefix}ring:SPY"
    await client.xdel(stream, "4-0", "5-0")
    await client.hset(f"{prefix}ring:SPY:meta", "last", "3")
    assert await ring.append(bar(6))
    assert await ring.epoch("SPY") not in ("", before)
    assert await seqs(ring) == [6]


async def test_restarts_with_and_without_the_snapshot(redis_server: PrivateRedis) -> None:
    """A real server: killed after SAVE and more appends, it comes back with the snapshot
    (the stream went back: new epoch); killed without its file, with nothing (new epoch)."""
    sync = redis.Redis.from_url(redis_server.url)
    conn = Redis.from_url(redis_server.url)
    ring = RedisRing(conn, 100)
    for s in range(1, 6):
        await ring.append(bar(s))
    first = await ring.epoch("SPY")
    sync.save()
    for s in range(6, 9):
        await ring.append(bar(s))
    redis_server.kill()
    redis_server.start()
    await conn.aclose()
    conn = Redis.from_url(redis_server.url)
    ring_after = RedisRing(conn, 100)
    assert await ring_after.epoch("SPY") == first  # the snapshot's copy, bars 1..5
    assert await seqs(ring_after) == [1, 2, 3, 4, 5]
    ring.redis = conn  # the writer of bars 1..8 goes on over a new connection
    assert await ring.append(bar(9))
    second = await ring.epoch("SPY")
    assert second not in (first, "")
    assert await seqs(ring) == [9]
    redis_server.kill()
    (redis_server.directory / "dump.rdb").unlink()
    redis_server.start()
    await conn.aclose()
    conn = Redis.from_url(redis_server.url)
    ring.redis = conn
    assert await ring.epoch("SPY") == ""
    assert await ring.append(bar(10))
    assert await ring.epoch("SPY") not in ("", first, second)
    await conn.aclose()
    sync.close()
