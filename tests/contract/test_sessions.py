"""The session store contract, in the database and on Redis: sessions end when told (one,
every one of a user but one, every one) and expire exactly like a model of the idle and
absolute timeouts; a store on the same data (another worker) sees the same at once."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis

from spotlight_trader.storage.redis_sessions import RedisSessions
from spotlight_trader.storage.sessions import TOUCH_EVERY_MS, SessionStore, digest
from tests.redis_backends import REDIS_URL, Prefixes

MINUTE = 60_000
MakeSessions = Callable[..., SessionStore]


async def test_sessions_end_when_told_on_every_worker(make_sessions: MakeSessions) -> None:
    store = make_sessions(idle_ms=10 * MINUTE, absolute_ms=60 * MINUTE)
    other = make_sessions(idle_ms=10 * MINUTE, absolute_ms=60 * MINUTE)
    a1, a2, a3 = [await store.create(user="alice", now_ms=0) for _ in range(3)]
    b1 = await other.create(user="bob", now_ms=0)
    assert len({a1, a2, a3, b1}) == 4
    assert await other.resolve(a1, now_ms=1) == "alice"
    await store.end(a1)
    assert await other.resolve(a1, now_ms=1) is None
    await store.end(a1)  # twice is harmless
    assert await other.end_all(user="alice", keep=a2) == 1
    assert await store.resolve(a3, now_ms=1) is None
    assert await store.resolve(a2, now_ms=1) == "alice"
    assert await store.resolve(b1, now_ms=1) == "bob"
    assert await store.end_all(user="alice") == 1
    assert await other.resolve(a2, now_ms=1) is None
    assert await store.end_all(user="alice") == 0
    assert await store.resolve("made-up", now_ms=1) is None
    assert await other.resolve(b1, now_ms=2) == "bob"


async def test_an_expired_session_is_gone_for_good(make_sessions: MakeSessions) -> None:
    store = make_sessions(idle_ms=10 * MINUTE, absolute_ms=60 * MINUTE)
    cookie = await store.create(user="alice", now_ms=0)
    assert await store.resolve(cookie, now_ms=10 * MINUTE) is None
    assert await store.resolve(cookie, now_ms=1) is None  # deleted, not only refused
    assert await store.end_all(user="alice") == 0


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    idle=st.integers(1, 30),
    absolute=st.integers(1, 60),
    gaps=st.lists(st.integers(0, 40), min_size=1, max_size=8),
)
async def test_session_expiry_matches_a_model(
    make_sessions: MakeSessions, idle: int, absolute: int, gaps: list[int]
) -> None:
    """Requests at the given minute gaps: a session answers exactly while it is younger
    than ``absolute`` and was last seen (as recorded, at most once a minute) less than
    ``idle`` ago; once it has not answered, it never answers again."""
    store = make_sessions(idle_ms=idle * MINUTE, absolute_ms=absolute * MINUTE)
    cookie = await store.create(user="carol", now_ms=0)
    now = seen = 0
    alive = True
    for gap in gaps:
        now += gap * MINUTE
        expected = alive and now - seen < idle * MINUTE and now < absolute * MINUTE
        assert (await store.resolve(cookie, now_ms=now) == "carol") is expected
        alive = expected
        if alive and now - seen >= TOUCH_EVERY_MS:
            seen = now


# ---------------------------------------------------------------- Redis only


async def test_redis_sessions_expire_in_redis_too(redis_prefixes: Prefixes) -> None:
    """The key's TTL is the idle timeout, never past the absolute deadline; the user's set
    forgets sessions that are gone at the next sign-in."""
    prefix = redis_prefixes.new()
    client = Redis.from_url(REDIS_URL)
    try:
        store = RedisSessions(client, idle_ms=10 * MINUTE, absolute_ms=12 * MINUTE, prefix=prefix)
        cookie = await store.create(user="alice", now_ms=0)
        key = f"{prefix}session:{digest(cookie)}"
        assert 9 * MINUTE < await client.pttl(key) <= 10 * MINUTE
        assert await store.resolve(cookie, now_ms=5 * MINUTE) == "alice"  # activity recorded
        assert 6 * MINUTE < await client.pttl(key) <= 7 * MINUTE  # 12 - 5: the absolute cap
        await client.delete(key)  # as if it had expired in Redis
        again = await store.create(user="alice", now_ms=6 * MINUTE)
        members = await client.smembers(f"{prefix}user-sessions:alice")
        assert members == {digest(again).encode()}
    finally:
        await client.aclose()
