"""``spotlight user …`` and ``spotlight token …`` against a real (SQLite) database."""

from __future__ import annotations

import asyncio
from pathlib import Path

from redis.asyncio import Redis
from typer.testing import CliRunner

from spotlight_trader import cli
from spotlight_trader.storage.db import make_engine
from spotlight_trader.storage.redis_sessions import RedisSessions
from spotlight_trader.storage.users import UserRepository
from tests.redis_backends import REDIS_URL, Prefixes

PASSWORD = "a long enough password"
HOUR = 3_600_000


def test_users_and_tokens_from_the_command_line(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path)}
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        done = runner.invoke(cli.app, list(args), env=env, input=stdin)
        return done.exit_code, done.stdout, done.stderr

    assert run("user", "add", "Carol", stdin=PASSWORD + "\n")[:2] == (0, "user carol created\n")
    code, _, err = run("user", "add", "carol", stdin=PASSWORD + "\n")
    assert code == 2 and err == "error: user 'carol' already exists\n"
    code, _, err = run("user", "add", "dave", stdin="short\n")
    assert code == 2 and err.startswith("error: password: 10 to")
    code, out, _ = run("user", "list")
    assert code == 0 and out.startswith("carol\t") and "\tpassword\t0 token(s)" in out

    code, token, err = run("token", "create", "carol", "--name", "backtests")
    token = token.strip()
    assert code == 0 and token.startswith("st_") and "shown once" in err
    token_id = token.split("_")[1]
    code, out, _ = run("token", "list", "carol")
    assert code == 0 and out.startswith(f"{token_id}\tbacktests\t") and token not in out

    async def owner() -> str | None:
        engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'spotlight.db'}")
        try:
            return await UserRepository(engine).user_for_token(token)
        finally:
            await engine.dispose()

    assert asyncio.run(owner()) == "carol"
    assert run("token", "revoke", "dave", token_id)[0] == 2  # not dave's
    assert run("token", "revoke", "carol", token_id)[:2] == (0, f"token {token_id} revoked\n")
    assert asyncio.run(owner()) is None

    code, out, _ = run("user", "passwd", "carol", stdin="another long password\n")
    assert code == 0 and out == "password of carol changed; 0 session(s) ended\n"
    assert run("user", "remove", "carol")[:2] == (0, "user carol removed\n")
    assert run("user", "remove", "carol")[0] == 2
    assert run("user", "list")[1] == ""


def test_passwd_and_remove_end_the_sessions_kept_in_redis(
    tmp_path: Path, redis_prefixes: Prefixes
) -> None:
    """With ``REDIS_URL`` the sessions live in Redis: a password change and a removal on
    the command line end them there."""
    prefix = redis_prefixes.new()
    env = {"DATA_DIR": str(tmp_path), "REDIS_URL": REDIS_URL, "REDIS_PREFIX": prefix}
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
        done = runner.invoke(cli.app, list(args), env=env, input=stdin)
        return done.exit_code, done.stdout

    assert run("user", "add", "carol", stdin=PASSWORD + "\n")[0] == 0

    async def sign_ins(count: int) -> list[str]:
        client = Redis.from_url(REDIS_URL)
        try:
            store = RedisSessions(client, idle_ms=HOUR, absolute_ms=HOUR, prefix=prefix)
            return [await store.create(user="carol", now_ms=0) for _ in range(count)]
        finally:
            await client.aclose()

    async def live(cookies: list[str]) -> int:
        client = Redis.from_url(REDIS_URL)
        try:
            store = RedisSessions(client, idle_ms=HOUR, absolute_ms=HOUR, prefix=prefix)
            return sum([await store.resolve(c, now_ms=1) == "carol" for c in cookies])
        finally:
            await client.aclose()

    cookies = asyncio.run(sign_ins(2))
    assert asyncio.run(live(cookies)) == 2
    code, out = run("user", "passwd", "carol", stdin="another long password\n")
    assert code == 0 and out == "password of carol changed; 2 session(s) ended\n"
    assert asyncio.run(live(cookies)) == 0
    cookies = asyncio.run(sign_ins(1))
    assert run("user", "remove", "carol") == (0, "user carol removed\n")
    assert asyncio.run(live(cookies)) == 0
