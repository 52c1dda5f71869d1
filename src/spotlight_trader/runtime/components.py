"""The composition root: every shared component built from :class:`Settings`, in one place.

This is the only module that chooses implementations (memory or, later, Redis) for the
bus, the ring and the limits. ``spotlight serve`` builds one :class:`Components` and hands
it to the ingest side (:class:`~.ingest.Ingest`) and to the web app
(:func:`~.web.create_app`); tests do the same through ``tests/conftest.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.api.sse import StreamRegistry
from spotlight_trader.bus import Bus, LocalBus
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.config import Settings
from spotlight_trader.limits import ConnectionSlots, MemoryRateLimiter, MemorySlots, RateLimiter
from spotlight_trader.market.ring import BarRing, MemoryRing
from spotlight_trader.storage.db import database_url, make_engine
from spotlight_trader.storage.rules import RuleRepository
from spotlight_trader.storage.signals import SignalRepository
from spotlight_trader.storage.users import UserRepository


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
    rules: RuleRepository
    signals: SignalRepository
    voice: VoiceState
    stream_slots: ConnectionSlots
    write_limiter: RateLimiter
    streams: StreamRegistry = field(default_factory=StreamRegistry)
    clock_ms: Callable[[], int] = wall_ms

    async def close(self) -> None:
        """Release connections (the database pool)."""
        await self.database.dispose()


def build_components(settings: Settings, *, engine: AsyncEngine | None = None) -> Components:
    """Every shared component for ``settings``: one database engine (``engine`` overrides
    the configured one; tests pass their own) and the repositories over it. Nothing is
    connected or migrated yet: see ``spotlight db upgrade`` and the single-process
    lifespan in :mod:`.web`."""
    database = engine or make_engine(database_url(settings))
    return Components(
        settings=settings,
        ring=MemoryRing(settings.ring_capacity),
        bus=LocalBus(),
        database=database,
        users=UserRepository(database),
        rules=RuleRepository(database),
        signals=SignalRepository(database),
        voice=VoiceState(
            MemoryRateLimiter(settings.voice_token_rate_per_min),
            MemorySlots(settings.voice_max_connections),
        ),
        stream_slots=MemorySlots(settings.stream_max_per_user),
        write_limiter=MemoryRateLimiter(settings.write_rate_per_min),
    )
