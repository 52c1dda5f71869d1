"""The composition root: every shared component built from :class:`Settings`, in one place.

This is the only module that chooses implementations for the bus and the ring: in memory,
or on Redis when ``REDIS_URL`` is set (``cluster/``). The limits are in memory.
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
from spotlight_trader.cluster.ring import RedisRing
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.config import Settings
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing
from spotlight_trader.storage.db import database_url, make_engine
from spotlight_trader.storage.journal import JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository
from spotlight_trader.storage.preferences import PreferencesRepository
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
        """Release connections (the Redis bus, the Redis client, the database pool)."""
        if isinstance(self.bus, RedisBus):
            await self.bus.stop()
        if self.redis is not None:
            await self.redis.aclose()
        await self.database.dispose()


def build_components(settings: Settings, *, engine: AsyncEngine | None = None) -> Components:
    """Every shared component for ``settings``: one database engine (``engine`` overrides
    the configured one; tests pass their own), the repositories over it, and the memory or
    Redis ring and bus. Nothing is connected or migrated yet (:meth:`Components.start`):
    see ``spotlight db upgrade`` and the single-process lifespan in :mod:`.web`."""
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
    return Components(
        settings=settings,
        ring=ring,
        bus=bus,
        redis=redis,
        database=database,
        users=UserRepository(database),
        sessions=SessionRepository(
            database,
            idle_ms=settings.session_idle_s * 1000,
            absolute_ms=settings.session_max_s * 1000,
        ),
        login=LoginThrottle(
            per_client=MemoryRateLimiter(settings.login_rate_per_min),
            per_account=MemoryRateLimiter(
                settings.login_max_attempts, window_s=settings.login_lockout_s
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
            MemoryRateLimiter(settings.voice_token_rate_per_min),
            MemorySlots(settings.voice_max_connections),
            VoiceTokenLedger(database),
        ),
        stream_slots=MemorySlots(settings.stream_max_per_user),
        write_limiter=MemoryRateLimiter(settings.write_rate_per_min),
    )
