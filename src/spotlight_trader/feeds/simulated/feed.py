"""SimulatedFeed: the seeded market of :mod:`.model` on a clock, as a
:class:`~spotlight_trader.feeds.base.Feed`.

The simulated clock is a pure function of the wall clock::

    sim_now = start_ms + (wall − epoch) × speed

``start_ms`` (``SIM_START``) defaults to the wall clock at ``epoch``, and ``epoch``
(``SIM_EPOCH``) to the moment ``run`` starts. Pin both and a restarted server continues
the same simulated day where the last one was; since the model is a pure function of the
minute, it also regenerates the very same bars.

``run`` reports ``warming`` while it puts ``history_minutes`` of bars per symbol straight
into the ring (no prints, no publishing), then ``live``, and from then on paces prints
against the clock in steps of at most 5 simulated seconds: ``sink.ingest(trades)``, then
``sink.advance(step_end)``. Going live starts at the beginning of the current minute, so
that minute's bar is whole. A symbol added while running gets its history the same way.

Reference data (:meth:`SimulatedFeed.lookup`, :meth:`~SimulatedFeed.search`): the
simulator's universe (:data:`~.shape.UNIVERSE`) and the symbols it was started with; every
one is simulated (and has no company name).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Final

from spotlight_trader.errors import FeedError, UnknownSymbol
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.feeds.simulated.model import SymbolSimulator
from spotlight_trader.feeds.simulated.shape import UNIVERSE
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.reference import SymbolInfo, rank_matches
from spotlight_trader.model import MINUTE_MS, Trade

TICK_S: Final = 0.1  # wall-clock pacing interval while live
STEP_MS: Final = 5_000  # simulated ms per ingest+advance step (below the sink's max_ahead)
MAX_TICK_MS: Final = 600_000  # most simulated time generated per tick (very high speeds lag)
QUOTE_P: Final = 0.35  # per symbol per tick: a few quotes per wall-clock second
HISTORY_CHUNK_MIN: Final = 360  # minutes of one symbol's history per batch into the ring
_TS = attrgetter("ts_ms")


def _unique(symbols: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(symbols))


class SimulatedFeed:
    """Seeded simulated market implementing :class:`~spotlight_trader.feeds.base.Feed`."""

    name = "simulated"
    backfills = True  # added symbols get their history (SymbolReference)

    def __init__(
        self,
        symbols: Sequence[str],
        *,
        seed: int = 7,
        speed: float = 1.0,
        history_minutes: int = 390,
        start_ms: int | None = None,
        epoch_s: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not speed > 0:
            raise ValueError("speed must be positive")
        if history_minutes < 0:
            raise ValueError("history_minutes must be >= 0")
        self.seed = seed
        self.speed = speed
        self.history_minutes = history_minutes
        self.start_ms = start_ms
        self.epoch_s = epoch_s
        self._clock = clock
        self._symbols = _unique(symbols)
        self.universe = UNIVERSE | frozenset(self._symbols)
        self._sims: dict[str, SymbolSimulator] = {}
        self._dirty = False
        self._running = False
        self._sim_now_ms: int | None = None
        self._quote_rng = random.Random(seed)

    @property
    def symbols(self) -> list[str]:
        """The symbols being streamed."""
        return list(self._symbols)

    @property
    def sim_now_ms(self) -> int | None:
        """Simulated time the sink's clock has reached while live; None before going live."""
        return self._sim_now_ms

    def simulator(self, symbol: str) -> SymbolSimulator:
        """The model of ``symbol`` (the same one every process builds)."""
        return self._sims.get(symbol) or SymbolSimulator(symbol, seed=self.seed)

    async def lookup(self, symbol: str) -> SymbolInfo:
        """``symbol`` if it is in the simulator's universe (always simulated);
        :class:`UnknownSymbol` otherwise."""
        if symbol not in self.universe:
            raise UnknownSymbol(
                f"{symbol} is not one of the simulated market's {len(self.universe)} symbols "
                "(e.g. AAPL, AMZN, JPM, SPY)"
            )
        return SymbolInfo(symbol, "simulated", simulated=True)

    async def search(self, query: str, limit: int) -> list[SymbolInfo]:
        """The universe's tickers starting with ``query`` (exact first), at most ``limit``."""
        return rank_matches(query, (SymbolInfo(s, simulated=True) for s in self.universe), limit)

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Stream exactly ``symbols``; an added symbol gets its history and prints within one
        tick (~100 ms)."""
        self._symbols = _unique(symbols)
        self._dirty = True

    async def run(self, sink: MarketSink) -> None:
        """Load history, then stream live until cancelled."""
        if self._running:
            raise FeedError("simulated feed is already running")
        self._running = True
        try:
            wall0 = self._clock()
            epoch = self.epoch_s if self.epoch_s is not None else wall0
            origin = self.start_ms if self.start_ms is not None else int(epoch * 1_000)

            def sim_at(wall: float) -> int:
                return origin + int((wall - epoch) * 1_000.0 * self.speed)

            now = sim_at(wall0)
            self._sims = {}
            await self._reconcile(sink, now, warming=True)
            sink.report(Phase.LIVE, "simulated market")
            # the current minute is generated whole: from its first print on
            self._sim_now_ms = now = now - now % MINUTE_MS
            for sim in self._sims.values():
                sink.on_quote(sim.quote(now))
            while True:
                target = sim_at(self._clock())
                end = min(target, now + MAX_TICK_MS)
                if end > now:
                    await self._emit(sink, now, end)
                    self._sim_now_ms = now = end
                    for sim in self._sims.values():
                        if self._quote_rng.random() < QUOTE_P:
                            sink.on_quote(sim.quote(end))
                await asyncio.sleep(TICK_S)
        finally:
            self._running = False
            self._sim_now_ms = None

    async def _reconcile(self, sink: MarketSink, now_ms: int, *, warming: bool) -> list[str]:
        """Drop simulators of removed symbols; load history for new ones (the minutes before
        the one containing ``now_ms``) straight into the ring. Returns the new symbols."""
        self._dirty = False
        wanted = self._symbols
        new = [s for s in wanted if s not in self._sims]
        self._sims = {s: self._sims.get(s) or SymbolSimulator(s, seed=self.seed) for s in wanted}
        end_seq = now_ms // MINUTE_MS
        first_seq = end_seq - self.history_minutes
        total = self.history_minutes * len(new)
        done = 0
        if warming:
            sink.report(Phase.WARMING, "loading history", done=0, total=total)
        for symbol in new:
            sim = self._sims[symbol]
            for chunk in range(first_seq, end_seq, HISTORY_CHUNK_MIN):
                chunk_end = min(end_seq, chunk + HISTORY_CHUNK_MIN)
                await sink.load_history(sim.bars(chunk, chunk_end))
                done += chunk_end - chunk
                if warming:
                    sink.report(Phase.WARMING, "loading history", done=done, total=total)
                await asyncio.sleep(0)  # keep the event loop responsive
        return new

    async def _emit(self, sink: MarketSink, start: int, end: int) -> None:
        """Generate ``[start, end)`` in steps: ingest each step's trades, then advance."""
        t = start
        while t < end:
            fresh: list[str] = []
            if self._dirty:
                fresh = await self._reconcile(sink, t, warming=False)
            step_end = min(end, t + STEP_MS)
            batch: list[Trade] = []
            for symbol, sim in self._sims.items():
                # a symbol added mid-minute starts at that minute's first print: bars are whole
                since = t - t % MINUTE_MS if symbol in fresh else t
                batch.extend(sim.trades(since, step_end))
            if len(self._sims) > 1:
                batch.sort(key=_TS)
            if batch:
                await sink.ingest(batch)
            await sink.advance(step_end)
            t = step_end
