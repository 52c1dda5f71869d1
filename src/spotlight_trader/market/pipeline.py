"""MarketPipeline: feed → BarBuilder → ring → bus. The one place that wires the hot path.

Ordering guarantee: a final bar is in the ring *before* it is published, so a stream that
subscribes and then reads the ring cannot miss it (see ``api/stream.py``).

History (the simulator's start-up day, Polygon's REST backfill) goes in through
:meth:`MarketPipeline.load_history`: straight into the ring as a batch, never published bar
by bar, so start-up cannot flood the streams. Streams wait for the lifecycle to leave
``warming`` before they read the ring.

Session levels: the builder's :class:`~.levels.LevelFilter` reports the level prices of
minutes that had outlier prints; each goes to ``level_listeners`` right before its bar goes
to ``bar_listeners``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from spotlight_trader.bus import Bus, bar_topic, microbar_topic
from spotlight_trader.market.bars import BarBuilder, BuilderStats
from spotlight_trader.market.levels import LevelFilter, LevelStats
from spotlight_trader.market.lifecycle import Lifecycle, Phase
from spotlight_trader.market.ring import BarRing
from spotlight_trader.market.session import REGULAR_CLOSE_MIN, REGULAR_OPEN_MIN, et_datetime
from spotlight_trader.model import Bar, LevelBar, Microbar, Quote, Trade


class MarketPipeline:
    """Implements :class:`~spotlight_trader.feeds.base.MarketSink` for the running service.
    ``outlier_k`` and ``outlier_nbbo_bps`` configure the outlier rule for session levels
    (both 0: no filter)."""

    def __init__(
        self,
        ring: BarRing,
        bus: Bus,
        *,
        grace_ms: int = 2_000,
        clock_from_trades: bool = False,
        max_ahead_ms: int = 10_000,
        lifecycle: Lifecycle | None = None,
        outlier_k: float = 10.0,
        outlier_nbbo_bps: float = 50.0,
    ) -> None:
        self.ring = ring
        self.bus = bus
        self.lifecycle = lifecycle if lifecycle is not None else Lifecycle()
        self.levels = (
            LevelFilter(self._collect_levels, k=outlier_k, nbbo_bps=outlier_nbbo_bps)
            if outlier_k > 0 or outlier_nbbo_bps > 0
            else None
        )
        self.builder = BarBuilder(
            self._collect_bar,
            self._publish_microbar,
            grace_ms=grace_ms,
            clock_from_trades=clock_from_trades,
            max_ahead_ms=max_ahead_ms,
            levels=self.levels,
        )
        self._pending: list[Bar] = []
        self._pending_levels: dict[tuple[str, int], LevelBar] = {}
        self.last_price: dict[str, float] = {}
        self.last_trade_ms: dict[str, int] = {}
        self.prev_close: dict[str, float] = {}
        # per symbol: the New York date of its newest final bar, that day's volume so far
        # (extended hours included) and the seq of the last bar counted
        self.day_volume: dict[str, tuple[date, float, int]] = {}
        self._regular_close: dict[str, tuple[date, float]] = {}
        self.malformed = 0
        self.ring_rejects = 0
        # Called after a final bar is stored and published / after a microbar is published
        # (the rules engine listens here); listeners must not block.
        self.bar_listeners: list[Callable[[Bar], object]] = []
        self.microbar_listeners: list[Callable[[Microbar], object]] = []
        # Called with the level prices of a final minute that had outlier prints, right
        # before that minute's bar goes to the bar listeners.
        self.level_listeners: list[Callable[[LevelBar], object]] = []
        # Called with each batch of history bars once it is in the ring (the rules engine
        # warms its indicators here, without evaluating rules on the past).
        self.history_listeners: list[Callable[[Sequence[Bar]], None]] = []

    @property
    def stats(self) -> BuilderStats:
        """The bar builder's counters."""
        return self.builder.stats

    @property
    def level_stats(self) -> LevelStats:
        """Prints the outlier rule kept out of session levels (zeros without a filter)."""
        return self.levels.stats if self.levels is not None else LevelStats()

    def _collect_bar(self, bar: Bar) -> None:
        self._pending.append(bar)

    def _collect_levels(self, levels: LevelBar) -> None:
        self._pending_levels[(levels.symbol, levels.seq)] = levels

    def _publish_microbar(self, microbar: Microbar) -> None:
        if microbar.minute.close is not None:
            self.last_price[microbar.symbol] = microbar.minute.close
            self.last_trade_ms[microbar.symbol] = microbar.bucket_start_ms
        self.bus.publish(microbar_topic(microbar.symbol), microbar)
        for listener in self.microbar_listeners:
            listener(microbar)

    async def _drain(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        for bar in pending:
            await self.store_bar(bar)

    async def store_bar(self, bar: Bar) -> bool:
        """Put a final bar in the ring and publish it; False if it would break seq order."""
        levels = (
            self._pending_levels.pop((bar.symbol, bar.seq), None) if self._pending_levels else None
        )
        if not await self.ring.append(bar):
            self.ring_rejects += 1
            return False
        self.last_price[bar.symbol] = bar.close
        self._track_day(bar)
        self.bus.publish(bar_topic(bar.symbol), bar)
        if levels is not None:
            for level_listener in self.level_listeners:
                level_listener(levels)
        for listener in self.bar_listeners:
            listener(bar)
        return True

    async def load_history(self, bars: Sequence[Bar]) -> int:
        """Store history bars in the ring without publishing them; mark their minutes final
        in the builder (a forming minute they cover is discarded). Bars not past a symbol's
        newest ring bar are skipped. Returns how many were stored."""
        stored: list[Bar] = []
        last_seq: dict[str, int] = {}
        for bar in bars:
            if not await self.ring.append(bar):
                self.ring_rejects += 1
                continue
            stored.append(bar)
            last_seq[bar.symbol] = bar.seq
            self.last_price[bar.symbol] = bar.close
            self._track_day(bar)
        for symbol, seq in last_seq.items():
            self.builder.mark_final(symbol, seq)
        if stored:
            for listener in self.history_listeners:
                listener(stored)
        return len(stored)

    def report(
        self, phase: Phase, detail: str = "", *, done: int | None = None, total: int | None = None
    ) -> None:
        """Record where the feed is (see :mod:`spotlight_trader.market.lifecycle`)."""
        self.lifecycle.set(phase, detail, done=done, total=total)

    def _track_day(self, bar: Bar) -> None:
        """Keep the prior regular-session close (the last 09:30–16:00 ET bar of an earlier
        day) and the day's volume."""
        start = et_datetime(bar.bar_start_ms)
        day = start.date()
        counted = self.day_volume.get(bar.symbol)
        if counted is None or counted[0] < day:
            self.day_volume[bar.symbol] = (day, bar.volume, bar.seq)
        elif counted[0] == day and bar.seq > counted[2]:
            self.day_volume[bar.symbol] = (day, counted[1] + bar.volume, bar.seq)
        last = self._regular_close.get(bar.symbol)
        if last is not None and last[0] < day:
            self.prev_close[bar.symbol] = last[1]
        if REGULAR_OPEN_MIN <= start.hour * 60 + start.minute < REGULAR_CLOSE_MIN:
            self._regular_close[bar.symbol] = (day, bar.close)

    async def ingest(self, trades: Sequence[Trade]) -> None:
        """Apply trades and store/publish any bar they finalised."""
        self.builder.on_trades(trades)
        await self._drain()

    def on_quote(self, quote: Quote) -> None:
        """Record a quote."""
        self.builder.on_quote(quote)

    async def advance(self, now_ms: int) -> None:
        """Move the feed clock; store/publish bars it finalised."""
        self.builder.advance(now_ms)
        await self._drain()

    async def flush(self) -> None:
        """Finalise every forming bar (end of a replay)."""
        self.builder.flush()
        await self._drain()

    def count_malformed(self, n: int = 1) -> None:
        """Count feed inputs that could not be normalised."""
        self.malformed += n
