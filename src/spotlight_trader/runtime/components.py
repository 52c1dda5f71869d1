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

from spotlight_trader.api.stream import StreamStats
from spotlight_trader.bus import Bus, LocalBus
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.config import Settings
from spotlight_trader.limits import MemoryRateLimiter, MemorySlots
from spotlight_trader.market.ring import BarRing, MemoryRing
from spotlight_trader.storage.db import database_url, make_engine
from spotlight_trader.storage.store import Store


def wall_ms() -> int:
    """The server's wall clock, Unix ms."""
    return int(time.time() * 1000)


@dataclass
class Components:
    """What the ingest and web sides share. Built by :func:`build_components`."""

    settings: Settings
    ring: BarRing
    bus: Bus
    store: Store
    voice: VoiceState
    streams: StreamStats = field(default_factory=StreamStats)
    clock_ms: Callable[[], int] = wall_ms

    async def close(self) -> None:
        """Release connections (the database pool)."""
        await self.store.close()


def build_components(settings: Settings, *, database: str | None = None) -> Components:
    """Every shared component for ``settings`` (``database`` overrides the URL; tests
    use it). Nothing is connected or migrated yet: see ``spotlight db upgrade`` and the
    single-process lifespan in :mod:`.web`."""
    return Components(
        settings=settings,
        ring=MemoryRing(settings.ring_capacity),
        bus=LocalBus(),
        store=Store(make_engine(database or database_url(settings))),
        voice=VoiceState(
            MemoryRateLimiter(settings.voice_token_rate_per_min),
            MemorySlots(settings.voice_max_connections),
        ),
    )
