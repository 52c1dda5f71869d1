"""MarketService: the running market side of one process — feed, pipeline, ring, bus, the
watchlist and the lifecycle state — with start/stop for the web server's lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time

import structlog

from spotlight_trader.bus import STATUS_TOPIC, LocalBus
from spotlight_trader.config import SYMBOL_PATTERN, Settings
from spotlight_trader.errors import InputError
from spotlight_trader.feeds.base import Feed
from spotlight_trader.market.lifecycle import Lifecycle, MarketState, Phase
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing

log = structlog.get_logger(__name__)

MAX_WATCHLIST = 200
_SYMBOL = re.compile(SYMBOL_PATTERN)


def normalise_symbol(raw: str) -> str:
    """Upper-case ``raw`` and check it looks like a ticker; :class:`InputError` if not."""
    symbol = raw.strip().upper()
    if not _SYMBOL.match(symbol):
        raise InputError(f"not a ticker symbol: {raw[:20]!r}")
    return symbol


class MarketService:
    """Owns the feed task and the watchlist; the HTTP layer reads from it."""

    def __init__(self, settings: Settings, feed: Feed, *, clock_from_trades: bool = False) -> None:
        self.settings = settings
        self.feed = feed
        self.ring = MemoryRing(settings.ring_capacity)
        self.bus = LocalBus()
        self.lifecycle = Lifecycle()
        self.lifecycle.listeners.append(self._publish_state)
        self.pipeline = MarketPipeline(
            self.ring,
            self.bus,
            grace_ms=settings.bar_grace_ms,
            clock_from_trades=clock_from_trades,
            max_ahead_ms=settings.feed_max_ahead_ms,
            lifecycle=self.lifecycle,
        )
        self.watchlist: list[str] = list(settings.watchlist)
        self.sse_clients = 0
        self.sse_slow_closes = 0
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    @property
    def state(self) -> MarketState:
        """The lifecycle state (warming, live, ...)."""
        return self.lifecycle.state

    def _publish_state(self, state: MarketState) -> None:
        self.bus.publish(STATUS_TOPIC, state)

    async def start(self) -> None:
        """Start streaming the watchlist (the feed warms up in the background)."""
        await self.feed.set_symbols(self.watchlist)
        self._task = asyncio.create_task(self._run_feed(), name=f"feed:{self.feed.name}")

    async def _run_feed(self) -> None:
        try:
            await self.feed.run(self.pipeline)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            log.error("feed stopped", feed=self.feed.name, error=error)
            self.lifecycle.set(Phase.FAILED, error)
            return
        if self.lifecycle.state.ready:
            self.lifecycle.set(Phase.FINISHED, f"{self.feed.name} finished")
        else:
            self.lifecycle.set(Phase.FAILED, f"{self.feed.name} ended before going live")

    async def stop(self) -> None:
        """Cancel the feed task and wait for it."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self.lifecycle.set(Phase.STOPPED, "shutting down")

    async def add_symbol(self, raw: str) -> str:
        """Add a symbol to the watchlist and subscribe the feed to it."""
        symbol = normalise_symbol(raw)
        async with self._lock:
            if symbol in self.watchlist:
                return symbol
            if len(self.watchlist) >= MAX_WATCHLIST:
                raise InputError(f"watchlist is full ({MAX_WATCHLIST} symbols)")
            self.watchlist.append(symbol)
            await self.feed.set_symbols(self.watchlist)
        return symbol

    async def remove_symbol(self, raw: str) -> bool:
        """Remove a symbol; False if it was not on the watchlist."""
        symbol = normalise_symbol(raw)
        async with self._lock:
            if symbol not in self.watchlist:
                return False
            self.watchlist.remove(symbol)
            await self.feed.set_symbols(self.watchlist)
        return True

    def clock_ms(self) -> int | None:
        """The feed clock, or None before the first tick."""
        clock = self.pipeline.builder.clock_ms
        return clock if clock >= 0 else None

    @staticmethod
    def now_ms() -> int:
        """Server wall clock."""
        return int(time.time() * 1000)
