"""User accounts, their passwords (argon2id) and their API tokens (SHA-256, shown once).

:class:`UserRepository` is the :class:`~spotlight_trader.api.security.UserDirectory` of
the web app. The built-in user ``local`` is a row without a password (migration 0002);
which mode the server runs in is the ``AUTH_MODE`` setting, never the accounts that exist.
An API token reads ``st_<id>_<secret>``: ``id`` is its public handle (listed, revoked),
only the SHA-256 of the whole token is stored.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.errors import InputError
from spotlight_trader.model import LOCAL_USER
from spotlight_trader.storage.passwords import hash_password, verify_password
from spotlight_trader.storage.tables import api_tokens, users

USER_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
TOKEN_NAME = re.compile(r"^[\w .\-]{1,100}$")
MAX_TOKENS_PER_USER = 50
TOUCH_EVERY_MS = 60_000


def hash_token(token: str) -> str:
    """SHA-256 hex of an API token (the only form stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _now_ms() -> int:
    return int(time.time() * 1000)


class ApiToken(msgspec.Struct, frozen=True):
    """An API token as listed: never the token itself."""

    id: str
    name: str
    created_at_ms: int
    last_used_ms: int | None = None


class Account(msgspec.Struct, frozen=True):
    """A user as ``spotlight user list`` shows it."""

    id: str
    created_at_ms: int
    has_password: bool
    tokens: int


def user_name(name: str) -> str:
    """A normalised account name; :class:`InputError` if it cannot be one."""
    name = name.strip().lower()
    if not USER_NAME.match(name) or name == LOCAL_USER:
        raise InputError("user name: lower-case letters, digits, '.', '_' or '-' (not 'local')")
    return name


class UserRepository:
    """Accounts over one engine; every method is one short transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    # ---------------------------------------------------------------- accounts

    async def add_user(self, name: str, *, password: str | None = None) -> str:
        """Create a user (with a password, for the login page); its id."""
        name = user_name(name)
        row = {
            "id": name,
            "name": name,
            "password_hash": None if password is None else await hash_password(password),
            "created_at_ms": _now_ms(),
        }
        try:
            async with self.engine.begin() as conn:
                await conn.execute(users.insert().values(**row))
        except sa.exc.IntegrityError:
            raise InputError(f"user {name!r} already exists") from None
        return name

    async def exists(self, user: str) -> bool:
        """True when the account ``user`` exists (``local`` always does)."""
        async with self.engine.connect() as conn:
            found = await conn.scalar(sa.select(users.c.id).where(users.c.id == user))
        return found is not None

    async def set_password(self, *, user: str, password: str) -> None:
        """Replace the password of ``user``; :class:`InputError` when there is no such user."""
        hashed = await hash_password(password)
        async with self.engine.begin() as conn:
            done = await conn.execute(
                users.update()
                .where(users.c.id == user, users.c.id != LOCAL_USER)
                .values(password_hash=hashed)
            )
        if done.rowcount != 1:
            raise InputError(f"no such user: {user!r}")

    async def check_password(self, name: str, password: str) -> str | None:
        """The id of the account ``name`` if ``password`` is its password, else None (as
        slow for an unknown name as for a wrong password)."""
        key = name.strip().lower()
        async with self.engine.connect() as conn:
            stored = await conn.scalar(
                sa.select(users.c.password_hash).where(users.c.id == key, users.c.id != LOCAL_USER)
            )
        return key if await verify_password(stored, password) else None

    async def remove_user(self, name: str) -> bool:
        """Delete an account and everything it owns (foreign keys cascade)."""
        async with self.engine.begin() as conn:
            done = await conn.execute(
                users.delete().where(users.c.id == name.strip().lower(), users.c.id != LOCAL_USER)
            )
        return done.rowcount == 1

    async def list_users(self) -> list[Account]:
        """Every account but ``local``, by name."""
        tokens = (
            sa.select(sa.func.count()).where(api_tokens.c.user_id == users.c.id).scalar_subquery()
        )
        query = (
            sa.select(users.c.id, users.c.created_at_ms, users.c.password_hash, tokens)
            .where(users.c.id != LOCAL_USER)
            .order_by(users.c.id)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            Account(
                id=r[0], created_at_ms=int(r[1]), has_password=r[2] is not None, tokens=int(r[3])
            )
            for r in rows
        ]

    # ---------------------------------------------------------------- API tokens

    async def create_token(self, *, user: str, name: str) -> tuple[ApiToken, str]:
        """A new API token of ``user``: (what is listed, the token, to show once)."""
        name = name.strip()
        if not TOKEN_NAME.match(name):
            raise InputError("name: 1 to 100 letters, digits, spaces, '.', '_' or '-'")
        token_id = secrets.token_hex(6)
        token = f"st_{token_id}_{secrets.token_urlsafe(32)}"
        made = ApiToken(id=token_id, name=name, created_at_ms=_now_ms())
        async with self.engine.begin() as conn:
            held = await conn.scalar(sa.select(sa.func.count()).where(api_tokens.c.user_id == user))
            if int(held or 0) >= MAX_TOKENS_PER_USER:
                raise InputError(f"at most {MAX_TOKENS_PER_USER} API tokens per user")
            try:
                await conn.execute(
                    api_tokens.insert().values(
                        id=token_id,
                        user_id=user,
                        name=name,
                        token_hash=hash_token(token),
                        created_at_ms=made.created_at_ms,
                    )
                )
            except sa.exc.IntegrityError:
                raise InputError(f"no such user: {user!r}") from None
        return made, token

    async def list_tokens(self, *, user: str) -> list[ApiToken]:
        """The API tokens of ``user``, oldest first."""
        query = (
            sa.select(
                api_tokens.c.id, api_tokens.c.name, api_tokens.c.created_at_ms,
                api_tokens.c.last_used_ms,
            )
            .where(api_tokens.c.user_id == user)
            .order_by(api_tokens.c.created_at_ms, api_tokens.c.id)
        )  # fmt: skip
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            ApiToken(
                id=r[0],
                name=r[1],
                created_at_ms=int(r[2]),
                last_used_ms=None if r[3] is None else int(r[3]),
            )
            for r in rows
        ]

    async def revoke_token(self, token_id: str, *, user: str) -> bool:
        """Delete one of ``user``'s tokens; False when ``user`` has no token ``token_id``."""
        async with self.engine.begin() as conn:
            done = await conn.execute(
                api_tokens.delete().where(api_tokens.c.id == token_id, api_tokens.c.user_id == user)
            )
        return done.rowcount == 1

    async def user_for_token(self, token: str) -> str | None:
        """The user owning ``token``; its last use is recorded (at most once a minute)."""
        digest = hash_token(token)
        now = _now_ms()
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    sa.select(api_tokens.c.user_id, api_tokens.c.last_used_ms).where(
                        api_tokens.c.token_hash == digest
                    )
                )
            ).first()
        if row is None:
            return None
        if row.last_used_ms is None or now - int(row.last_used_ms) >= TOUCH_EVERY_MS:
            async with self.engine.begin() as conn:
                await conn.execute(
                    api_tokens.update()
                    .where(api_tokens.c.token_hash == digest)
                    .values(last_used_ms=now)
                )
        return str(row.user_id)
