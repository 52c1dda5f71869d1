"""PolygonFeed: live trades and quotes from the Polygon/Massive stocks WebSocket.

The feed composes the WebSocket session (:mod:`.connection`: handshake, subscriptions,
reconnect with backoff, watchdog, the bounded frame queue) with the processing task here:

* It decodes the queued frames (:mod:`.codec`) into the sink.
* It drives the feed clock (``sink.advance`` every ``tick_s``, wall clock minus the feed
  delay) and runs gap repair (:mod:`spotlight_trader.feeds.polygon.gaps`) after every
  (re)connect, before any frame of the new connection; the clock stays paused while
  disconnected so the minute that was forming is not finalised from partial data.
* It reports the lifecycle: ``warming`` until the first repair is done, ``live``, and
  ``reconnecting`` from a drop until the next repair is done.

Metrics are plain attributes (:class:`~.stats.PolygonStats`, :attr:`PolygonFeed.queue_depth`,
:attr:`PolygonFeed.ingest_lag_ms`); :meth:`PolygonFeed.metrics` returns them by their
Prometheus names (listed in docs/polygon.md).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, Final

import structlog

from spotlight_trader.config import Settings
from spotlight_trader.errors import ConfigError, ReferenceUnavailable, UnknownSymbol
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.feeds.polygon.codec import decode_frame
from spotlight_trader.feeds.polygon.connection import (
    REALTIME_URL,
    PolygonConnection,
    QueueItem,
    Repair,
    is_trading_time,
    ws_url_for,
)
from spotlight_trader.feeds.polygon.gaps import BarStore, is_bar_store, repair_gap
from spotlight_trader.feeds.polygon.rest import HistoryAuthError, HistoryError, HistoryService
from spotlight_trader.feeds.polygon.stats import PolygonStats, polygon_metrics
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.reference import SymbolInfo, rank_matches
from spotlight_trader.model import MINUTE_MS

log = structlog.get_logger(__name__)

DELAYED_MS: Final = 15 * MINUTE_MS
# tickers asked of Polygon's search, which sorts by ticker: enough that the exact ticker and
# the prefixes are among them before re-ranking
SEARCH_POOL: Final = 50


class PolygonFeed:
    """The Polygon/Massive live feed. Build it with :meth:`from_settings` in the service;
    the keyword arguments of ``__init__`` let tests inject clocks, randomness and timings."""

    name = "polygon"
    backfills = True  # added symbols get their history (SymbolReference)

    def __init__(
        self,
        api_key: str,
        *,
        ws_url: str = REALTIME_URL,
        delay_ms: int = 0,
        quotes: bool = True,
        history: HistoryService | None = None,
        heartbeat_s: float = 30.0,
        queue_size: int = 10_000,
        backoff_base_s: float = 1.0,
        backoff_max_s: float = 32.0,
        stable_after_s: float = 60.0,
        backfill_minutes: int = 390,
        repair_timeout_s: float = 20.0,
        handshake_timeout_s: float = 10.0,
        tick_s: float = 0.25,
        now_ms: Callable[[], int] | None = None,
        trading_hours: Callable[[int], bool] = is_trading_time,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if not api_key:
            raise ConfigError("invalid setting POLYGON_API_KEY: not set (needed by FEED=polygon)")
        self.delay_ms = delay_ms
        self.history = history
        self.backfill_minutes = backfill_minutes
        self.repair_timeout_s = repair_timeout_s
        self.tick_s = tick_s
        self._now_ms = now_ms or (lambda: int(time.time() * 1000))

        self.stats = PolygonStats()
        self.ingest_lag_ms = 0
        self.lag_samples: deque[int] = deque(maxlen=100_000)
        self._conn = PolygonConnection(
            api_key,
            stats=self.stats,
            clock_ms=self.clock_ms,
            lag_ms=lambda: self.ingest_lag_ms,
            ws_url=ws_url,
            quotes=quotes,
            heartbeat_s=heartbeat_s,
            queue_size=queue_size,
            backoff_base_s=backoff_base_s,
            backoff_max_s=backoff_max_s,
            stable_after_s=stable_after_s,
            handshake_timeout_s=handshake_timeout_s,
            trading_hours=trading_hours,
            rng=rng,
        )
        self._history_loaded: set[str] = set()
        self._clock_live = False
        self._running = False
        self._was_live = False

    @classmethod
    def from_settings(
        cls, settings: Settings, *, history: HistoryService | None = None, **overrides: Any
    ) -> PolygonFeed:
        """A feed configured by the ``POLYGON_*`` settings (with REST history)."""
        key = settings.polygon_api_key.get_secret_value() if settings.polygon_api_key else ""
        if not key:
            raise ConfigError("invalid setting POLYGON_API_KEY: not set (needed by FEED=polygon)")
        if history is None:
            history = HistoryService.from_settings(settings)
        options: dict[str, Any] = {
            "ws_url": ws_url_for(settings),
            "delay_ms": DELAYED_MS if settings.polygon_delayed else 0,
            "quotes": not settings.polygon_delayed,
            "history": history,
            "heartbeat_s": settings.polygon_heartbeat_s,
            "queue_size": settings.polygon_queue_size,
            "backoff_base_s": settings.polygon_backoff_base_s,
            "backoff_max_s": settings.polygon_backoff_max_s,
            "stable_after_s": settings.polygon_stable_after_s,
            "backfill_minutes": settings.polygon_backfill_minutes,
        }
        options.update(overrides)
        return cls(key, **options)

    # ------------------------------------------------------------------ public

    @property
    def symbols(self) -> list[str]:
        """The symbols the feed streams (subscribed now or after the next connect)."""
        return list(self._conn.symbols)

    @property
    def queue_depth(self) -> int:
        """Frames waiting for the processing task."""
        return self._conn.queue.qsize()

    @property
    def connected(self) -> bool:
        """True while a connection is up (handshake done, subscribed)."""
        return self._conn.connected

    @property
    def backoff_delays(self) -> list[float]:
        """Every reconnect delay slept so far, oldest first."""
        return self._conn.backoff_delays

    def clock_ms(self) -> int:
        """The feed clock: wall clock minus the feed delay."""
        return self._now_ms() - self.delay_ms

    def metrics(self) -> dict[str, float]:
        """Every metric by its Prometheus name (docs/polygon.md)."""
        conn = self._conn
        return polygon_metrics(
            self.stats,
            connected=conn.connected,
            queue_depth=self.queue_depth,
            queue_capacity=conn.queue_size,
            ingest_lag_ms=self.ingest_lag_ms,
            backoff_attempt=conn.attempt,
            subscribed_symbols=len(conn.subscribed),
        )

    async def lookup(self, symbol: str) -> SymbolInfo:
        """``symbol`` if Polygon's reference data (``/v3/reference/tickers/{ticker}``) lists
        it as an active stock; :class:`UnknownSymbol` with the reason if not."""
        if self.history is None:
            raise ReferenceUnavailable("no Polygon REST client: symbols cannot be checked")
        try:
            details = await self.history.ticker_details(symbol)
        except HistoryError as exc:
            raise ReferenceUnavailable(f"cannot check {symbol} with Polygon now: {exc}") from exc
        if details is None:
            raise UnknownSymbol(f"{symbol} is not a ticker Polygon knows")
        if not details.active:
            raise UnknownSymbol(f"{symbol} is not traded any more (Polygon lists it as inactive)")
        if details.market not in (None, "stocks"):
            raise UnknownSymbol(f"{symbol} is a {details.market} ticker; this feed streams stocks")
        return SymbolInfo(symbol, details.name)

    async def search(self, query: str, limit: int) -> list[SymbolInfo]:
        """Active stocks from Polygon's ticker search (``/v3/reference/tickers?search=``),
        re-ranked by :func:`rank_matches` over a pool of at least :data:`SEARCH_POOL`."""
        if self.history is None:
            raise ReferenceUnavailable("no Polygon REST client: symbols cannot be searched")
        try:
            found = await self.history.search_tickers(query, max(limit, SEARCH_POOL))
        except HistoryError as exc:
            raise ReferenceUnavailable(f"cannot search Polygon now: {exc}") from exc
        stocks = (t for t in found if t.active and t.market in (None, "stocks"))
        return rank_matches(query, (SymbolInfo(t.ticker, t.name) for t in stocks), limit)

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Stream exactly ``symbols`` from now on; (un)subscribes the difference when
        connected (new symbols get their history backfilled)."""
        await self._conn.set_symbols(
            list(dict.fromkeys(s.strip().upper() for s in symbols if s.strip()))
        )

    async def run(self, sink: MarketSink) -> None:
        """Stream into ``sink`` until cancelled; :class:`FeedError` if the key is refused."""
        if self._running:
            raise RuntimeError("PolygonFeed.run is already running")
        self._running = True
        self._was_live = False
        sink.report(Phase.WARMING, f"connecting to {self._conn.ws_url}")

        def on_disconnect(reason: str, delay: float) -> None:
            self._clock_live = False  # keep the forming minute for gap repair
            if self._was_live:
                sink.report(Phase.RECONNECTING, f"{reason}; reconnecting")
            else:
                sink.report(Phase.WARMING, f"{reason}; retrying in {delay:.0f} s")

        processor = asyncio.create_task(self._process(sink), name="polygon:process")
        connector = asyncio.create_task(self._conn.run(on_disconnect), name="polygon:connect")
        try:
            done, _ = await asyncio.wait(
                {processor, connector}, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for task in (processor, connector):
                task.cancel()
            await asyncio.gather(processor, connector, return_exceptions=True)
            self._running = False
            self._conn.stopped()
            if self.history is not None:
                await self.history.aclose()
        for task in done:
            task.result()

    # ------------------------------------------------------------------ processing

    async def _process(self, sink: MarketSink) -> None:
        queue = self._conn.queue
        tick = self.tick_s
        next_tick = time.monotonic()
        while True:
            item: QueueItem | None = None
            if not queue.empty():
                item = queue.get_nowait()
            else:
                timeout = next_tick - time.monotonic()
                if timeout > 0:
                    try:
                        async with asyncio.timeout(timeout):
                            item = await queue.get()
                    except TimeoutError:
                        item = None
            if item is not None:
                if isinstance(item, Repair):
                    await self._repair(sink, item.symbols)
                    if not self._clock_live:
                        # resume the clock before the first frame of the new connection, or
                        # its prints would look too far ahead of the paused clock
                        self._clock_live = True
                        await sink.advance(self.clock_ms())
                        # history (or the repair) is in and the connection is up: live
                        self._was_live = True
                        sink.report(Phase.LIVE, f"connected to {self._conn.ws_url}")
                else:
                    await self._handle(sink, item)
            now = time.monotonic()
            if now >= next_tick:
                next_tick = now + tick
                if self._clock_live:
                    await sink.advance(self.clock_ms())
            if item is not None:
                await asyncio.sleep(0)  # let the socket reader run between frames

    async def _handle(self, sink: MarketSink, data: bytes | str) -> None:
        frame = decode_frame(data)
        stats = self.stats
        if frame.trades:
            stats.trades += len(frame.trades)
            await sink.ingest(frame.trades)
        if frame.quotes:
            stats.quotes += len(frame.quotes)
            for quote in frame.quotes:
                sink.on_quote(quote)
        if frame.malformed:
            stats.malformed_entries += frame.malformed
            sink.count_malformed(frame.malformed)
        if frame.unknown:
            stats.unknown_events += frame.unknown
        if frame.last_ts_ms:
            lag = self.clock_ms() - frame.last_ts_ms
            self.ingest_lag_ms = lag
            self.lag_samples.append(lag)

    async def _repair(self, sink: MarketSink, symbols: Sequence[str]) -> None:
        """Fill the minutes each symbol missed from REST (docs/polygon.md, gap repair)."""
        history = self.history
        if history is None or not symbols or not is_bar_store(sink):
            return
        store: BarStore = sink  # type: ignore[assignment]
        now_seq = self.clock_ms() // MINUTE_MS
        deadline = time.monotonic() + self.repair_timeout_s
        warming = not self._was_live
        for done, symbol in enumerate(symbols):
            if warming:
                sink.report(Phase.WARMING, "loading history", done=done, total=len(symbols))
            if symbol not in self._conn.symbols:
                continue
            from_seq = now_seq - self.backfill_minutes
            loaded = symbol in self._history_loaded
            if loaded:
                from_seq = max(from_seq, store.builder.final_seq(symbol) + 1)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stats.gap_repair_failures += 1
                log.warning("polygon gap repair out of time", symbol=symbol)
                continue
            try:
                async with asyncio.timeout(remaining):
                    # a symbol's first history goes in as a batch; a repair after a
                    # reconnect is news for the open streams and is published
                    result = await repair_gap(
                        store, history, symbol, from_seq, now_seq - 1, publish=loaded
                    )
            except HistoryAuthError as exc:
                self.stats.gap_repair_failures += 1
                log.error("polygon gap repair refused", symbol=symbol, error=str(exc))
                continue
            except (HistoryError, TimeoutError) as exc:
                self.stats.gap_repair_failures += 1
                log.warning("polygon gap repair failed", symbol=symbol, error=str(exc) or "timeout")
                continue
            self._history_loaded.add(symbol)
            self.stats.gap_repairs += 1
            self.stats.gap_bars += result.stored
            if result.stored or result.discarded_forming_seq is not None:
                log.info(
                    "polygon gap repaired",
                    symbol=symbol,
                    from_seq=result.from_seq,
                    to_seq=result.to_seq,
                    stored=result.stored,
                    discarded_forming_seq=result.discarded_forming_seq,
                )
