"""RedisSessions: the :class:`~spotlight_trader.storage.sessions.SessionStore` on Redis,
shared by every API worker on one ``REDIS_PREFIX`` (chosen when ``REDIS_URL`` is set).

- ``<prefix>session:<sha256 of the cookie>``: a hash ``user``, ``created``, ``seen`` (ms).
  Its Redis TTL is the idle timeout, renewed when activity is recorded (at most once a
  minute, as in the database) and never past the absolute deadline ``created +
  absolute_ms``; :meth:`RedisSessions.resolve` also checks both deadlines against the
  caller's clock, so the store behaves exactly like the database one.
- ``<prefix>user-sessions:<user>``: the set of that user's session digests, so that sign
  out everywhere (and a password change) ends them all at once. Digests of sessions that
  are gone are pruned at each sign-in; the set expires ``absolute_ms`` after the newest.

Deleting the session's key is the sign out: the next request on any worker finds nothing.
"""

from __future__ import annotations

import secrets

from redis.asyncio import Redis

from spotlight_trader.storage.sessions import TOUCH_EVERY_MS, digest

# KEYS: the session. ARGV: seen ms, ttl ms. Records activity of a session that still exists.
_TOUCH = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'seen', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisSessions:
    """:class:`~spotlight_trader.storage.sessions.SessionStore` on Redis (module docstring)."""

    def __init__(
        self, redis: Redis, *, idle_ms: int, absolute_ms: int, prefix: str = "spotlight:"
    ) -> None:
        self.redis = redis
        self.idle_ms = idle_ms
        self.absolute_ms = absolute_ms
        self._prefix = prefix
        self._touch = redis.register_script(_TOUCH)

    def _session(self, hashed: str) -> str:
        return f"{self._prefix}session:{hashed}"

    def _of_user(self, user: str) -> str:
        return f"{self._prefix}user-sessions:{user}"

    async def create(self, *, user: str, now_ms: int) -> str:
        """Store a session (and forget the user's sessions that are gone)."""
        cookie = secrets.token_urlsafe(32)
        hashed = digest(cookie)
        await self._prune(user)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                self._session(hashed), mapping={"user": user, "created": now_ms, "seen": now_ms}
            )
            pipe.pexpire(self._session(hashed), min(self.idle_ms, self.absolute_ms))
            pipe.sadd(self._of_user(user), hashed)
            pipe.pexpire(self._of_user(user), self.absolute_ms)
            await pipe.execute()
        return cookie

    async def _prune(self, user: str) -> None:
        hashes = [_text(h) for h in await self.redis.smembers(self._of_user(user))]
        if not hashes:
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            for hashed in hashes:
                pipe.exists(self._session(hashed))
            alive = await pipe.execute()
        gone = [h for h, there in zip(hashes, alive, strict=True) if not there]
        if gone:
            await self.redis.srem(self._of_user(user), *gone)

    async def resolve(self, cookie: str, *, now_ms: int) -> str | None:
        """The session's user, or None (an expired session is deleted)."""
        hashed = digest(cookie)
        found = {
            _text(k): _text(v) for k, v in (await self.redis.hgetall(self._session(hashed))).items()
        }
        if "user" not in found:
            return None
        created, seen = int(found["created"]), int(found["seen"])
        if now_ms - seen >= self.idle_ms or now_ms - created >= self.absolute_ms:
            await self.end(cookie)
            return None
        if now_ms - seen >= TOUCH_EVERY_MS:
            ttl = min(self.idle_ms, created + self.absolute_ms - now_ms)
            await self._touch(keys=[self._session(hashed)], args=[now_ms, ttl])
        return found["user"]

    async def end(self, cookie: str) -> None:
        """Delete the session."""
        hashed = digest(cookie)
        user = await self.redis.hget(self._session(hashed), "user")
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(self._session(hashed))
            if user is not None:
                pipe.srem(self._of_user(_text(user)), hashed)
            await pipe.execute()

    async def end_all(self, *, user: str, keep: str | None = None) -> int:
        """Delete every session of ``user`` except ``keep``; how many were live."""
        kept = None if keep is None else digest(keep)
        hashes = [
            h
            for h in (_text(h) for h in await self.redis.smembers(self._of_user(user)))
            if h != kept
        ]
        if not hashes:
            return 0
        async with self.redis.pipeline(transaction=True) as pipe:
            for hashed in hashes:
                pipe.delete(self._session(hashed))
            pipe.srem(self._of_user(user), *hashes)
            done = await pipe.execute()
        return sum(int(n) for n in done[:-1])
