"""Signed-in browser sessions, stored server-side so that signing out is immediate.

The cookie carries a random 256-bit value; only its SHA-256 is stored. A session ends
when it is deleted (sign out, sign out everywhere, password change, account removed), when
it has been idle longer than ``idle_ms`` or when it is older than ``absolute_ms``.
:class:`SessionStore` is the interface; :class:`SessionRepository` is the database one,
``redis_sessions.py`` the Redis one (``REDIS_URL``).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.storage.tables import sessions

TOUCH_EVERY_MS = 60_000  # last_seen is written at most once a minute per session


def digest(cookie: str) -> str:
    """What is stored of a session cookie: its SHA-256 (hex)."""
    return hashlib.sha256(cookie.encode()).hexdigest()


class SessionStore(Protocol):
    """Where sessions live."""

    async def create(self, *, user: str, now_ms: int) -> str:
        """A new session of ``user``; the cookie value (shown once)."""
        ...

    async def resolve(self, cookie: str, *, now_ms: int) -> str | None:
        """The user of a live session (it counts as activity), None when there is none or
        it expired (an expired one is deleted)."""
        ...

    async def end(self, cookie: str) -> None:
        """Sign one session out."""
        ...

    async def end_all(self, *, user: str, keep: str | None = None) -> int:
        """Sign every session of ``user`` out (but ``keep``); how many ended."""
        ...


class SessionRepository:
    """:class:`SessionStore` in the database."""

    def __init__(self, engine: AsyncEngine, *, idle_ms: int, absolute_ms: int) -> None:
        self.engine = engine
        self.idle_ms = idle_ms
        self.absolute_ms = absolute_ms

    async def create(self, *, user: str, now_ms: int) -> str:
        """Insert a session (and delete every expired one, whoever it belonged to)."""
        cookie = secrets.token_urlsafe(32)
        async with self.engine.begin() as conn:
            await conn.execute(sessions.delete().where(self._expired(now_ms)))
            await conn.execute(
                sessions.insert().values(
                    id_hash=digest(cookie), user_id=user, created_at_ms=now_ms, last_seen_ms=now_ms
                )
            )
        return cookie

    def _expired(self, now_ms: int) -> sa.ColumnElement[bool]:
        return sa.or_(
            sessions.c.last_seen_ms <= now_ms - self.idle_ms,
            sessions.c.created_at_ms <= now_ms - self.absolute_ms,
        )

    async def resolve(self, cookie: str, *, now_ms: int) -> str | None:
        """The session's user, or None (expired sessions are deleted)."""
        hashed = digest(cookie)
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    sa.select(
                        sessions.c.user_id, sessions.c.created_at_ms, sessions.c.last_seen_ms
                    ).where(sessions.c.id_hash == hashed)
                )
            ).first()
        if row is None:
            return None
        created, seen = int(row.created_at_ms), int(row.last_seen_ms)
        if now_ms - seen >= self.idle_ms or now_ms - created >= self.absolute_ms:
            await self.end(cookie)
            return None
        if now_ms - seen >= TOUCH_EVERY_MS:
            async with self.engine.begin() as conn:
                await conn.execute(
                    sessions.update()
                    .where(sessions.c.id_hash == hashed)
                    .values(last_seen_ms=now_ms)
                )
        return str(row.user_id)

    async def end(self, cookie: str) -> None:
        """Delete the session."""
        async with self.engine.begin() as conn:
            await conn.execute(sessions.delete().where(sessions.c.id_hash == digest(cookie)))

    async def end_all(self, *, user: str, keep: str | None = None) -> int:
        """Delete every session of ``user`` except ``keep``."""
        query = sessions.delete().where(sessions.c.user_id == user)
        if keep is not None:
            query = query.where(sessions.c.id_hash != digest(keep))
        async with self.engine.begin() as conn:
            done = await conn.execute(query)
        return int(done.rowcount)
