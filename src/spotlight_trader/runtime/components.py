"""The composition root: every shared component built from :class:`Settings`, in one place.

This is the only module that chooses implementations for the bus, the ring, the sessions
and the limits: in memory (sessions: the database), or on Redis when ``REDIS_URL`` is set
(``cluster/``), so that several workers share them.
``spotlight serve`` builds one :class:`Components` and hands it to the ingest side
(:class:`~.ingest.Ingest`) and to the web app (:func:`~.web.create_app`); tests do the
same through ``tests/conftest.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.api.security import LoginThrottle
from spotlight_trader.api.sse import StreamRegistry
from spotlight_trader.bus import Bus, LocalBus
from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.cluster.limits import RedisRateLimiter, RedisSlots
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.config import Settings
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing
from spotlight_trader.storage.db import database_url, make_engine
from spotlight_trader.storage.journal import JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository
from spotlight_trader.storage.preferences import PreferencesRepository
from spotlight_trader.storage.redis_sessions import RedisSessions
from spotlight_trader.storage.rules import RuleRepository
from spotlight_trader.storage.sessions import SessionRepository, SessionStore
from spotlight_trader.storage.signals import SignalRepository
from spotlight_trader.storage.users import UserRepository
from spotlight_trader.storage.voice_tokens import VoiceTokenLedger
from spotlight_trader.storage.watchlists import WatchlistRepository
from spotlight_trader.storage.webhooks import WebhookRepository


def wall_ms() -> int:
    """The server's wall clock, Unix ms."""
    return int(time.time() * 1000)


@dataclass
class Components:
    """What the ingest and web sides share. Built by :func:`build_components`."""

    settings: Settings
    ring: BarRing
    bus: Bus
    database: AsyncEngine
    users: UserRepository
    sessions: SessionStore
    login: LoginThrottle
    rules: RuleRepository
    signals: SignalRepository
    journal: JournalRepository
    entries: EntryRepository
    watchlists: WatchlistRepository
    preferences: PreferencesRepository
    webhooks: WebhookRepository
    voice: VoiceState
    stream_slots: ConnectionSlots
    write_limiter: RateLimiter
    streams: StreamRegistry = field(default_factory=StreamRegistry)
    clock_ms: Callable[[], int] = wall_ms
    redis: Redis | None = None

    async def start(self) -> None:
        """Connect what runs in the background (the Redis bus's reader and writer)."""
        if isinstance(self.bus, RedisBus):
            await self.bus.start()

    async def close(self) -> None:
        """Release connections (the Redis bus, the slots' heartbeats, the Redis client, the
        database pool)."""
        if isinstance(self.bus, RedisBus):
            await self.bus.stop()
        for slots in (self.stream_slots, self.voice.slots):
            if isinstance(slots, RedisSlots):
                await slots.aclose()
        if self.redis is not None:
            await self.redis.aclose()
        await self.database.dispose()


def session_store(settings: Settings, database: AsyncEngine, redis: Redis | None) -> SessionStore:
    """Where sessions live: Redis when there is one, else the database."""
    idle_ms, absolute_ms = settings.session_idle_s * 1000, settings.session_max_s * 1000
    if redis is None:
        return SessionRepository(database, idle_ms=idle_ms, absolute_ms=absolute_ms)
    return RedisSessions(
        redis, idle_ms=idle_ms, absolute_ms=absolute_ms, prefix=settings.redis_prefix
    )


class _Limits:
    """Makes the rate limiters and connection slots of one backend (memory or Redis)."""

    def __init__(self, redis: Redis | None, prefix: str) -> None:
        self.redis = redis
        self.prefix = prefix

    def rate(self, name: str, limit: int, window_s: float = 60.0) -> RateLimiter:
        """A rate limiter; ``name`` keeps its keys apart from the other limiters'."""
        if self.redis is None:
            return MemoryRateLimiter(limit, window_s)
        return RedisRateLimiter(self.redis, limit, window_s, name=name, prefix=self.prefix)

    def slots(self, name: str, limit: int) -> ConnectionSlots:
        """Connection slots; ``name`` keeps their keys apart from the other slots'."""
        if self.redis is None:
            return MemorySlots(limit)
        return RedisSlots(self.redis, limit, name=name, prefix=self.prefix)


def build_components(settings: Settings, *, engine: AsyncEngine | None = None) -> Components:
    """Every shared component for ``settings``: one database engine (``engine`` overrides
    the configured one; tests pass their own), the repositories over it, and the memory or
    Redis ring, bus, sessions and limits. Nothing is connected or migrated yet
    (:meth:`Components.start`): see ``spotlight db upgrade`` and the single-process
    lifespan in :mod:`.web`."""
    database = engine or make_engine(database_url(settings))
    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    ring: BarRing
    bus: Bus
    if redis is None:
        ring, bus = MemoryRing(settings.ring_capacity), LocalBus()
    else:
        prefix = settings.redis_prefix
        ring = RedisRing(redis, settings.ring_capacity, prefix=prefix)
        bus = RedisBus(redis, prefix=prefix)
    limits = _Limits(redis, settings.redis_prefix)
    return Components(
        settings=settings,
        ring=ring,
        bus=bus,
        redis=redis,
        database=database,
        users=UserRepository(database),
        sessions=session_store(settings, database, redis),
        login=LoginThrottle(
            per_client=limits.rate("login-client", settings.login_rate_per_min),
            per_account=limits.rate(
                "login-account", settings.login_max_attempts, settings.login_lockout_s
            ),
        ),
        rules=RuleRepository(database, max_rules=settings.rules_per_user),
        signals=SignalRepository(database),
        journal=JournalRepository(database),
        entries=EntryRepository(database),
        watchlists=WatchlistRepository(database, settings.watchlist),
        preferences=PreferencesRepository(database),
        webhooks=WebhookRepository(database),
        voice=VoiceState(
            limits.rate("voice-token", settings.voice_token_rate_per_min),
            limits.slots("voice", settings.voice_max_connections),
            VoiceTokenLedger(database),
        ),
        stream_slots=limits.slots("stream", settings.stream_max_per_user),
        write_limiter=limits.rate("write", settings.write_rate_per_min),
    )
