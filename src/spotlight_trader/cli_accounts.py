"""``spotlight user …`` and ``spotlight token …``: accounts and API tokens (docs/security.md).

Each command upgrades the database first (an admin command: the database may be new).
Passwords are read without echo from the terminal (twice), or as one line from standard
input when it is not a terminal (``printf '%s\\n' "$PW" | spotlight user add alice``).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, NoReturn, TypeVar

import typer

from spotlight_trader.config import load_settings
from spotlight_trader.errors import InputError, SpotlightError
from spotlight_trader.storage.passwords import check_password
from spotlight_trader.storage.users import UserRepository, user_name

user_app = typer.Typer(help="User accounts (AUTH_MODE=password signs them in).")
token_app = typer.Typer(help="API tokens for scripts: shown once, stored hashed.")
T = TypeVar("T")


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _run(job: Callable[[UserRepository], Awaitable[T]]) -> T:
    """Run ``job`` on the migrated database of the settings; errors become one line."""
    from spotlight_trader.storage import db

    async def run() -> T:
        engine = db.make_engine(db.database_url(settings))
        try:
            await db.upgrade(engine)
            return await job(UserRepository(engine))
        finally:
            await engine.dispose()

    try:
        settings = load_settings()
        return asyncio.run(run())
    except SpotlightError as exc:
        _fail(str(exc))


async def _end_sessions(users: UserRepository, user: str) -> int:
    """End every session of ``user`` where the server keeps them (Redis with ``REDIS_URL``,
    else the database); how many ended."""
    from redis.asyncio import Redis

    from spotlight_trader.runtime.components import session_store

    settings = load_settings()
    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    try:
        return await session_store(settings, users.engine, redis).end_all(user=user)
    finally:
        if redis is not None:
            await redis.aclose()


def _read_password() -> str:
    if sys.stdin.isatty():
        password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        return check_password(password)
    except InputError as exc:
        _fail(str(exc))


def _day(ms: int | None) -> str:
    return "-" if ms is None else datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")


Name = Annotated[str, typer.Argument(help="User name (lower-case letters, digits, . _ -)")]


@user_app.command("add")
def user_add(name: Name) -> None:
    """Create a user with a password (asked for, or one line of standard input)."""
    try:
        name = user_name(name)
    except InputError as exc:
        _fail(str(exc))
    password = _read_password()
    made = _run(lambda users: users.add_user(name, password=password))
    typer.echo(f"user {made} created")


@user_app.command("passwd")
def user_passwd(name: Name) -> None:
    """Set a user's password; their sessions end (API tokens stay valid)."""
    password = _read_password()

    async def job(users: UserRepository) -> int:
        key = name.strip().lower()
        await users.set_password(user=key, password=password)
        return await _end_sessions(users, key)

    ended = _run(job)
    typer.echo(f"password of {name.strip().lower()} changed; {ended} session(s) ended")


@user_app.command("remove")
def user_remove(name: Name) -> None:
    """Delete a user and everything they own (rules, signals, watchlist, sessions, tokens)."""

    async def job(users: UserRepository) -> bool:
        key = name.strip().lower()
        removed = await users.remove_user(key)
        if removed:
            await _end_sessions(users, key)
        return removed

    if not _run(job):
        _fail(f"no such user: {name.strip().lower()!r}")
    typer.echo(f"user {name.strip().lower()} removed")


@user_app.command("list")
def user_list() -> None:
    """Every account: name, created (UTC), password set, API tokens."""
    accounts = _run(lambda users: users.list_users())
    for a in accounts:
        password = "password" if a.has_password else "no password"
        typer.echo(f"{a.id}\t{_day(a.created_at_ms)}\t{password}\t{a.tokens} token(s)")


@token_app.command("create")
def token_create(
    user: Name,
    name: Annotated[str, typer.Option("--name", help="What the token is for")] = "cli",
) -> None:
    """Create an API token for USER and print it once (send Authorization: Bearer …)."""
    made, token = _run(lambda users: users.create_token(user=user.strip().lower(), name=name))
    typer.echo(f"token {made.id} ({made.name}) for {user.strip().lower()}; shown once:", err=True)
    typer.echo(token)


@token_app.command("list")
def token_list(user: Name) -> None:
    """USER's API tokens: id, name, created, last used (never the tokens)."""
    for t in _run(lambda users: users.list_tokens(user=user.strip().lower())):
        typer.echo(f"{t.id}\t{t.name}\t{_day(t.created_at_ms)}\t{_day(t.last_used_ms)}")


@token_app.command("revoke")
def token_revoke(user: Name, token_id: Annotated[str, typer.Argument(help="Token id")]) -> None:
    """Revoke one of USER's API tokens; it stops working at once."""
    if not _run(lambda users: users.revoke_token(token_id, user=user.strip().lower())):
        _fail(f"{user.strip().lower()} has no token {token_id!r}")
    typer.echo(f"token {token_id} revoked")
