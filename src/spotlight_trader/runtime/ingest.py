"""The ingest side of one process: the feed task, the market pipeline, the rules engine,
the watchlist and the lifecycle state.

:class:`Ingest` owns what only the process holding the market feed may hold. The web side
never touches its objects: it reads :attr:`Ingest.view` (a
:class:`~spotlight_trader.market.view.MarketView`), changes the watchlist through
:class:`~spotlight_trader.market.view.WatchlistControl` and tells the engine about rule
changes through :class:`~spotlight_trader.rules.changes.RulesControl`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Final

import structlog

from spotlight_trader.bus import STATUS_TOPIC
from spotlight_trader.feeds.base import Feed
from spotlight_trader.market.lifecycle import Lifecycle, MarketState, Phase
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.reference import SymbolInfo, SymbolReference
from spotlight_trader.market.session import et_datetime
from spotlight_trader.market.view import ReplayControl, SymbolSnapshot
from spotlight_trader.model import Bar
from spotlight_trader.rules.core import AlertCore
from spotlight_trader.rules.engine import RulesEngine
from spotlight_trader.runtime.components import Components
from spotlight_trader.runtime.retention import SignalPruner
from spotlight_trader.runtime.webhooks import WebhookDispatcher
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)

HISTORY_WAIT_S: Final = 15.0  # longest an added symbol's request waits for its history


class Ingest:
    """Feed → pipeline → ring/bus → rules engine, with start/stop for the lifespan."""

    def __init__(
        self, components: Components, feed: Feed, *, clock_from_trades: bool = False
    ) -> None:
        settings = components.settings
        self.components = components
        self.settings = settings
        self.feed = feed
        self.ring = components.ring
        self.bus = components.bus
        self.lifecycle = Lifecycle()
        self.lifecycle.listeners.append(self._publish_state)
        self.pipeline = MarketPipeline(
            self.ring,
            self.bus,
            grace_ms=settings.bar_grace_ms,
            clock_from_trades=clock_from_trades,
            max_ahead_ms=settings.feed_max_ahead_ms,
            lifecycle=self.lifecycle,
            outlier_k=settings.level_outlier_k,
            outlier_nbbo_bps=settings.level_outlier_nbbo_bps,
        )
        self.engine = RulesEngine(
            components.rules,
            components.signals,
            self.bus,
            rvol_sessions=settings.rvol_sessions,
            rvol_min_sessions=min(settings.rvol_min_sessions, settings.rvol_sessions),
        )
        self.pipeline.level_listeners.append(self.engine.on_levels)
        self.pipeline.bar_listeners.append(self.engine.on_bar)
        self.pipeline.microbar_listeners.append(self.engine.on_microbar)
        self.pipeline.history_listeners.append(self.engine.on_history)
        self.pipeline.history_listeners.append(self._history_arrived)
        self.reference = feed if isinstance(feed, SymbolReference) else None
        self._history_waiters: dict[str, asyncio.Event] = {}
        self.webhooks = WebhookDispatcher(
            components.webhooks,
            attempts=settings.webhook_attempts,
            backoff_base_s=settings.webhook_backoff_s,
            clock_ms=components.clock_ms,
        )
        self.engine.stored_listeners.append(self.webhooks.submit)
        self.watchlist: list[str] = list(settings.watchlist)
        self.view = LocalMarketView(self, self.engine.core)
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self.pruner = SignalPruner(
            components.signals, settings.signal_retention_days, components.clock_ms
        )
        self._prune_task: asyncio.Task[None] | None = None

    @property
    def state(self) -> MarketState:
        """The lifecycle state (warming, live, ...)."""
        return self.lifecycle.state

    @property
    def replay(self) -> ReplayControl | None:
        """The replay's controls when the feed is a replay, else None."""
        from spotlight_trader.feeds.replay import ReplayFeed

        return self.feed if isinstance(self.feed, ReplayFeed) else None

    def _history_arrived(self, bars: Sequence[Bar]) -> None:
        for symbol in {bar.symbol for bar in bars}:
            event = self._history_waiters.get(symbol)
            if event is not None:
                event.set()

    def _publish_state(self, state: MarketState) -> None:
        self.bus.publish(STATUS_TOPIC, state)

    async def start(self) -> None:
        """Start the rules engine, then the feed on the union of the stored watchlists (it
        warms up in the background)."""
        await self.webhooks.start()
        await self.engine.start()
        self.watchlist = await self.components.watchlists.union()
        self._prune_task = asyncio.create_task(self.pruner.run(), name="signal-retention")
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
        """Cancel the feed task, then stop the engine."""
        await cancel_and_wait(self._task)
        self._task = None
        await cancel_and_wait(self._prune_task)
        self._prune_task = None
        self.lifecycle.set(Phase.STOPPED, "shutting down")
        await self.engine.stop()
        await self.webhooks.stop()

    # ------------------------------------------------------------ WatchlistControl

    async def _follow(self) -> None:
        """Stream the union of the watchlists (the caller holds the lock)."""
        union = await self.components.watchlists.union()
        if union != self.watchlist:
            self.watchlist = union
            await self.feed.set_symbols(self.watchlist)

    async def user_watchlist(self, *, user: str) -> list[str]:
        """``user``'s watchlist."""
        return await self.components.watchlists.symbols(user=user)

    async def add_symbol(self, symbol: str, *, user: str) -> SymbolInfo:
        """Check ``symbol`` against the feed's reference data, add it to ``user``'s
        watchlist and stream it. A symbol new to the feed is backfilled: this returns once
        its first history is in the ring (at most :data:`HISTORY_WAIT_S`; at once while the
        market is still warming up)."""
        streamed = symbol in self.watchlist
        info = SymbolInfo(symbol)
        if self.reference is not None:
            info = await self.reference.lookup(symbol)
        arrived = asyncio.Event()
        backfills = self.reference is not None and self.reference.backfills
        waiting = (
            backfills
            and not streamed
            and self._history_waiters.setdefault(symbol, arrived) is arrived
        )
        try:
            async with self._lock:
                if await self.components.watchlists.add(symbol, user=user):
                    await self._follow()
            if waiting and self.lifecycle.state.ready and await self.ring.last(symbol) is None:
                try:
                    await asyncio.wait_for(arrived.wait(), HISTORY_WAIT_S)
                except TimeoutError:
                    log.warning("no history yet", symbol=symbol, waited_s=HISTORY_WAIT_S)
        finally:
            if waiting:
                del self._history_waiters[symbol]
        return info

    async def search_symbols(self, query: str, *, limit: int) -> list[SymbolInfo]:
        """The feed's reference search; ``query`` itself for a feed without reference data
        (it takes any symbol)."""
        if self.reference is None:
            return [SymbolInfo(query)]
        return await self.reference.search(query, limit)

    async def remove_symbol(self, symbol: str, *, user: str) -> bool:
        """Remove a symbol from ``user``'s watchlist; the feed drops it once nobody has it."""
        async with self._lock:
            if not await self.components.watchlists.remove(symbol, user=user):
                return False
            await self._follow()
        return True


class LocalMarketView:
    """:class:`~spotlight_trader.market.view.MarketView` over a running :class:`Ingest` in
    this process; indicator snapshots come from ``core`` (the engine's, or None)."""

    def __init__(self, ingest: Ingest, core: AlertCore | None) -> None:
        self._ingest = ingest
        self._core = core

    @property
    def feed_name(self) -> str:
        """The feed's name."""
        return self._ingest.feed.name

    def state(self) -> MarketState:
        """The lifecycle state."""
        return self._ingest.lifecycle.state

    def watchlist(self) -> list[str]:
        """The watchlist, in order."""
        return list(self._ingest.watchlist)

    def clock_ms(self) -> int | None:
        """The feed clock, or None before the first tick."""
        clock = self._ingest.pipeline.builder.clock_ms
        return clock if clock >= 0 else None

    def snapshot(self, symbol: str) -> SymbolSnapshot:
        """Last price, prior close, quote and the day's volume from the pipeline (no volume
        yet once the feed clock is on a later New York day than the newest bar)."""
        pipeline = self._ingest.pipeline
        quote = pipeline.builder.quote(symbol)
        day = pipeline.day_volume.get(symbol)
        clock = pipeline.builder.clock_ms
        if day is not None and clock >= 0 and et_datetime(clock).date() > day[0]:
            day = None
        return SymbolSnapshot(
            symbol=symbol,
            last=pipeline.last_price.get(symbol),
            last_trade_ms=pipeline.last_trade_ms.get(symbol),
            prev_close=pipeline.prev_close.get(symbol),
            bid=quote.bid if quote is not None else None,
            ask=quote.ask if quote is not None else None,
            day_volume=day[1] if day is not None else 0.0,
            day_volume_seq=day[2] if day is not None else None,
        )

    def indicators(self, symbol: str) -> Mapping[str, object] | None:
        """The engine's snapshot as of the symbol's last final bar."""
        if self._core is None:
            return None
        return self._core.last.get(symbol)

    def history_sessions(self, symbol: str) -> tuple[int, int]:
        """(sessions loaded for ``symbol``, sessions RVOL needs)."""
        if self._core is None:
            return 0, 0
        ind = self._core.indicators.get(symbol)
        return (ind.sessions_loaded if ind else 0), self._core.rvol_min
