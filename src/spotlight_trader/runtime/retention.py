"""Signal retention: every hour (and at start) delete signals stored more than
``SIGNAL_RETENTION_DAYS`` ago. Frequency state and rules are kept."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

import structlog

log = structlog.get_logger(__name__)

DAY_MS = 86_400_000
INTERVAL_S = 3_600.0


class Prunable(Protocol):
    """The signal store (:class:`~spotlight_trader.storage.signals.SignalRepository`)."""

    async def prune(self, before_ms: int) -> int:
        """Delete signals stored before ``before_ms``; how many."""
        ...


class SignalPruner:
    """Runs :meth:`prune_once` every ``interval_s``; counts what it deleted."""

    def __init__(
        self,
        store: Prunable,
        retention_days: int,
        clock_ms: Callable[[], int],
        interval_s: float = INTERVAL_S,
    ) -> None:
        self.store = store
        self.retention_ms = retention_days * DAY_MS
        self.clock_ms = clock_ms
        self.interval_s = interval_s
        self.pruned = 0

    async def prune_once(self) -> int:
        """Delete what is past retention now; how many."""
        count = await self.store.prune(self.clock_ms() - self.retention_ms)
        self.pruned += count
        if count:
            log.info("signals pruned", count=count)
        return count

    async def run(self) -> None:
        """Prune now, then every interval, until cancelled (a failed run is logged)."""
        while True:
            try:
                await self.prune_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("signal pruning failed", error=f"{type(exc).__name__}: {exc}")
            await asyncio.sleep(self.interval_s)
