"""Accounts in storage, on SQLite and the real PostgreSQL: argon2id passwords, API tokens
(hashed, listed, revoked, scoped), server-side sessions with idle and absolute expiry."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from spotlight_trader.errors import InputError, TokenError
from spotlight_trader.storage.sessions import SessionRepository
from spotlight_trader.storage.voice_tokens import VoiceTokenLedger
from spotlight_trader.storage.watchlists import WatchlistRepository
from tests.factories import Repositories, repositories
from tests.storage_backends import BACKENDS, database

PASSWORD = "correct horse battery"
MINUTE = 60_000


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    async with (
        database(request.param, tmp_path) as (url, schema),
        repositories(url, schema=schema, users=["bob"]) as r,
    ):
        await r.users.add_user("alice", password=PASSWORD)
        yield r


async def _scalar(repos: Repositories, sql: str) -> object:
    async with repos.engine.connect() as conn:
        return (await conn.execute(sa.text(sql))).scalar_one()


async def test_passwords_are_argon2id_hashes(repos: Repositories) -> None:
    stored = str(await _scalar(repos, "select password_hash from users where id = 'alice'"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    users = repos.users
    assert await users.check_password("alice", PASSWORD) == "alice"
    assert await users.check_password(" ALICE ", PASSWORD) == "alice"
    for name, password in [("alice", PASSWORD + "x"), ("alice", ""), ("nobody", PASSWORD)]:
        assert await users.check_password(name, password) is None
    assert await users.check_password("bob", "") is None  # no password set: never signs in
    assert await users.check_password("local", PASSWORD) is None
    await users.set_password(user="alice", password="another good one")
    assert await users.check_password("alice", PASSWORD) is None
    assert await users.check_password("alice", "another good one") == "alice"
    with pytest.raises(InputError, match="password: 10 to"):
        await users.set_password(user="alice", password="short")
    with pytest.raises(InputError, match="no such user"):
        await users.set_password(user="nobody", password="long enough pw")


async def test_api_tokens_are_hashed_listed_and_revoked_per_user(repos: Repositories) -> None:
    users = repos.users
    made, token = await users.create_token(user="alice", name="backtest script")
    other, _ = await users.create_token(user="alice", name="second")
    assert token.startswith(f"st_{made.id}_") and len(token) > 40
    stored = str(await _scalar(repos, f"select token_hash from api_tokens where id = '{made.id}'"))
    assert token not in stored and len(stored) == 64
    assert [t.id for t in await users.list_tokens(user="alice")] == [made.id, other.id]
    assert await users.list_tokens(user="bob") == []
    assert await users.user_for_token(token) == "alice"
    assert await users.user_for_token(token + "x") is None
    (listed, _) = await users.list_tokens(user="alice")
    assert listed.last_used_ms is not None
    assert not await users.revoke_token(made.id, user="bob")  # not bob's
    assert await users.user_for_token(token) == "alice"
    assert await users.revoke_token(made.id, user="alice")
    assert await users.user_for_token(token) is None
    assert not await users.revoke_token(made.id, user="alice")
    with pytest.raises(InputError, match="name"):
        await users.create_token(user="alice", name="")


async def test_removing_a_user_takes_their_tokens_and_sessions(repos: Repositories) -> None:
    _, token = await repos.users.create_token(user="alice", name="t")
    store = SessionRepository(repos.engine, idle_ms=10 * MINUTE, absolute_ms=60 * MINUTE)
    cookie = await store.create(user="alice", now_ms=0)
    assert [a.id for a in await repos.users.list_users()] == ["alice", "bob"]
    assert await repos.users.remove_user("alice")
    assert not await repos.users.remove_user("alice")
    assert not await repos.users.remove_user("local")
    assert await repos.users.user_for_token(token) is None
    assert await store.resolve(cookie, now_ms=1) is None
    assert [a.id for a in await repos.users.list_users()] == ["bob"]


async def test_sessions_end_when_told(repos: Repositories) -> None:
    store = SessionRepository(repos.engine, idle_ms=10 * MINUTE, absolute_ms=60 * MINUTE)
    a1, a2, a3 = [await store.create(user="alice", now_ms=0) for _ in range(3)]
    b1 = await store.create(user="bob", now_ms=0)
    assert len({a1, a2, a3, b1}) == 4
    stored = str(await _scalar(repos, "select min(id_hash) from sessions"))
    assert stored not in {a1, a2, a3, b1}
    await store.end(a1)
    assert await store.resolve(a1, now_ms=1) is None
    assert await store.end_all(user="alice", keep=a2) == 1
    assert await store.resolve(a3, now_ms=1) is None
    assert await store.resolve(a2, now_ms=1) == "alice"
    assert await store.resolve(b1, now_ms=1) == "bob"
    assert await store.end_all(user="alice") == 1
    assert await store.resolve(a2, now_ms=1) is None
    assert await store.resolve("made-up", now_ms=1) is None
    # signing in prunes every expired session, not only the signer's
    await store.create(user="alice", now_ms=11 * MINUTE)
    assert await _scalar(repos, "select count(*) from sessions where user_id = 'bob'") == 0


async def test_voice_tokens_are_single_use_and_only_for_users(repos: Repositories) -> None:
    ledger = VoiceTokenLedger(repos.engine)
    far = 2**42
    await ledger.claim("j1", user="alice", expires_at_ms=far)
    with pytest.raises(TokenError, match="already used"):
        await ledger.claim("j1", user="alice", expires_at_ms=far)
    with pytest.raises(TokenError, match="already used"):
        await ledger.claim("j1", user="bob", expires_at_ms=far)
    with pytest.raises(TokenError, match="unknown user"):
        await ledger.claim("j2", user="ghost", expires_at_ms=far)
    await ledger.claim("j2", user="bob", expires_at_ms=1)  # expired: pruned by the next claim
    await ledger.claim("j3", user="bob", expires_at_ms=far)
    assert await _scalar(repos, "select count(*) from voice_token_uses") == 2


async def test_watchlists_are_per_user_persisted_and_streamed_as_a_union(
    repos: Repositories,
) -> None:
    lists = WatchlistRepository(repos.engine, ["SPY", "QQQ"])
    assert await lists.symbols(user="alice") == ["SPY", "QQQ"]  # the default until changed
    assert await lists.add("AMZN", user="alice")
    assert not await lists.add("AMZN", user="alice")
    assert await lists.add("TSLA", user="bob")
    assert await lists.remove("SPY", user="bob")
    assert not await lists.remove("AMZN", user="bob")  # not bob's
    again = WatchlistRepository(repos.engine, ["SPY", "QQQ"])  # as after a restart
    assert await again.symbols(user="alice") == ["SPY", "QQQ", "AMZN"]
    assert await again.symbols(user="bob") == ["QQQ", "TSLA"]
    assert await again.symbols(user="local") == ["SPY", "QQQ"]
    assert await again.union() == ["SPY", "QQQ", "AMZN", "TSLA"]
    assert await again.remove("TSLA", user="bob")
    assert await again.union() == ["SPY", "QQQ", "AMZN"]
    with pytest.raises(InputError, match="at least one symbol"):
        await again.remove("QQQ", user="bob")
    assert await repos.users.remove_user("alice")
    assert await again.union() == ["SPY", "QQQ"]
