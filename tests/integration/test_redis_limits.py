"""Two app instances on one Redis (two :class:`Components` built on the same
``REDIS_PREFIX``, as two API workers are): they share one sign-in throttle, one budget of
voice and stream slots, one write limit and one session store, so a sign out on one is
seen on the other at once."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx

from spotlight_trader.cluster.limits import RedisRateLimiter, RedisSlots
from spotlight_trader.runtime.components import Components, build_components
from spotlight_trader.runtime.web import create_app
from spotlight_trader.storage.db import upgrade
from spotlight_trader.storage.redis_sessions import RedisSessions
from tests.conftest import make_settings
from tests.redis_backends import REDIS_URL, Prefixes

SECRET = "k" * 32
PASSWORDS = {"alice": "alice's long password", "bob": "bob's long password"}

Worker = tuple[Components, httpx.AsyncClient]


@contextlib.asynccontextmanager
async def two_workers(prefixes: Prefixes, **overrides: Any) -> AsyncIterator[tuple[Worker, Worker]]:
    """Two apps over one database and one Redis prefix, each with its own client."""
    settings = make_settings(
        auth_mode="password",
        session_secret=SECRET,
        redis_url=REDIS_URL,
        redis_prefix=prefixes.new(),
        **overrides,
    )
    async with contextlib.AsyncExitStack() as stack:
        workers: list[Worker] = []
        for _ in range(2):
            components = build_components(settings)
            await components.start()
            stack.push_async_callback(components.close)
            transport = httpx.ASGITransport(app=create_app(components))
            client = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1")
            await stack.enter_async_context(client)
            workers.append((components, client))
        first = workers[0][0]
        await upgrade(first.database)
        for name, password in PASSWORDS.items():
            await first.users.add_user(name, password=password)
        yield workers[0], workers[1]


async def sign_in(client: httpx.AsyncClient, name: str, password: str | None = None) -> int:
    response = await client.post(
        "/api/auth/login", json={"name": name, "password": password or PASSWORDS[name]}
    )
    return response.status_code


async def test_redis_is_chosen_for_sessions_and_limits(redis_prefixes: Prefixes) -> None:
    async with two_workers(redis_prefixes) as ((a, _), _b):
        assert isinstance(a.sessions, RedisSessions)
        for limiter in (a.login.per_client, a.login.per_account, a.voice.limiter, a.write_limiter):
            assert isinstance(limiter, RedisRateLimiter)
        assert isinstance(a.voice.slots, RedisSlots) and isinstance(a.stream_slots, RedisSlots)


async def test_two_workers_share_one_account_lockout(redis_prefixes: Prefixes) -> None:
    async with two_workers(redis_prefixes, login_max_attempts=3, login_rate_per_min=100) as (
        (_, one),
        (_, two),
    ):
        assert await sign_in(one, "alice", "guess guess guess") == 401
        assert await sign_in(two, "alice", "guess guess guess") == 401
        assert await sign_in(one, "alice", "guess guess guess") == 401
        assert await sign_in(two, "alice") == 429  # locked on both, the right password or not
        assert await sign_in(one, "alice") == 429
        assert await sign_in(two, "bob") == 200  # another account is not


async def test_two_workers_share_one_address_throttle(redis_prefixes: Prefixes) -> None:
    async with two_workers(redis_prefixes, login_rate_per_min=3) as ((_, one), (_, two)):
        assert [await sign_in(c, "bob", "guess guess guess") for c in (one, two, one)] == [401] * 3
        response = await two.post("/api/auth/login", json={"name": "bob", "password": "x" * 12})
        assert response.status_code == 429 and "address" in response.json()["error"]


async def session(client: httpx.AsyncClient, name: str) -> dict[str, str]:
    """Sign ``name`` in through ``client``: the session cookie as a header for any worker
    (the client's own jar is emptied)."""
    assert await sign_in(client, name) == 200
    cookie = client.cookies["spotlight_session"]
    client.cookies.clear()
    return {"Cookie": f"spotlight_session={cookie}"}


async def test_a_sign_out_on_one_worker_is_seen_on_the_other_at_once(
    redis_prefixes: Prefixes,
) -> None:
    async with two_workers(redis_prefixes) as ((a, one), (_, two)):
        alice = await session(one, "alice")
        assert a.redis is not None
        in_redis = f"{a.settings.redis_prefix}session:*"
        assert len([k async for k in a.redis.scan_iter(match=in_redis)]) == 1
        assert (await two.get("/api/auth/me", headers=alice)).json()["user"] == "alice"
        assert (await two.post("/api/auth/logout", headers=alice)).status_code == 204
        assert [k async for k in a.redis.scan_iter(match=in_redis)] == []
        assert (await one.get("/api/auth/me", headers=alice)).status_code == 401
        # sign out everywhere on one ends the sessions made on the other (not bob's)
        made_on_two, made_on_one = await session(two, "alice"), await session(one, "alice")
        bob = await session(two, "bob")
        ended = await one.post("/api/account/sign-out-everywhere", headers=made_on_one)
        assert ended.status_code == 204
        for headers in (made_on_two, made_on_one):
            assert (await two.get("/api/auth/me", headers=headers)).status_code == 401
        assert (await one.get("/api/auth/me", headers=bob)).json()["user"] == "bob"


async def test_two_workers_share_one_slot_budget_and_write_limit(
    redis_prefixes: Prefixes,
) -> None:
    async with two_workers(
        redis_prefixes, voice_max_connections=2, stream_max_per_user=1, write_rate_per_min=1
    ) as ((a, one), (b, two)):
        assert await a.voice.slots.acquire("alice") and await b.voice.slots.acquire("alice")
        assert not await a.voice.slots.acquire("alice")
        assert not await b.voice.slots.acquire("alice")
        assert await b.voice.slots.acquire("bob")  # per user
        await b.voice.slots.release("alice")
        assert await a.voice.slots.held("alice") == 1
        assert await a.voice.slots.acquire("alice")
        assert await a.stream_slots.acquire("alice")  # voice and streams are budgets apart
        assert not await b.stream_slots.acquire("alice")
        alice = await session(one, "alice")
        first = await one.delete("/api/account/tokens/999", headers=alice)
        assert first.status_code == 404  # counted, then not found
        second = await two.delete("/api/account/tokens/999", headers=alice)
        assert second.status_code == 429 and "Retry-After" in second.headers
