"""User accounts and their API tokens (stored as SHA-256 hashes, shown once).

:class:`UserRepository` is the :class:`~spotlight_trader.api.security.UserDirectory` of
the web app. The built-in user ``local`` is a row without a token (migration 0002); which
mode the server runs in is the ``AUTH_MODE`` setting, never the accounts that exist.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.errors import InputError
from spotlight_trader.model import LOCAL_USER
from spotlight_trader.storage.tables import users

USER_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")


def hash_token(token: str) -> str:
    """SHA-256 hex of an API token (the only form stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


class UserRepository:
    """Accounts over one engine; every method is one short transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def add_user(self, name: str) -> tuple[str, str]:
        """Create a user; (user id, API token). The token is shown once, stored hashed."""
        name = name.strip().lower()
        if not USER_NAME.match(name) or name == LOCAL_USER:
            raise InputError("user name: lower-case letters, digits, '.', '_' or '-' (not 'local')")
        token = "st_" + secrets.token_urlsafe(32)
        row = {
            "id": name,
            "name": name,
            "token_hash": hash_token(token),
            "created_at_ms": int(time.time() * 1000),
        }
        try:
            async with self.engine.begin() as conn:
                await conn.execute(users.insert().values(**row))
        except sa.exc.IntegrityError:
            raise InputError(f"user {name!r} already exists") from None
        return name, token

    async def user_for_token(self, token: str) -> str | None:
        """The user owning ``token``."""
        async with self.engine.connect() as conn:
            user = await conn.scalar(
                sa.select(users.c.id).where(users.c.token_hash == hash_token(token))
            )
        return None if user is None else str(user)
