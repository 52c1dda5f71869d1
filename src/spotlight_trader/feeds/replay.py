"""ReplayFeed: a recorded trade file played into the market pipeline on a replay clock.

Semantics (docs/trade-files.md, "Replay"):

* Trades are delivered in file order (the file order is the arrival order).
* The replay clock is the feed clock. It is the latest timestamp of the trades replayed so far
  (trades of every symbol in the file count, also those filtered out by :meth:`set_symbols`;
  trades whose timestamp, price or size the bar builder rejects outright do not). It never
  goes back.
* Before each batch the feed calls ``sink.advance(replay_clock_ms)`` and then
  ``sink.ingest(batch)``. A batch never straddles an instant ``k * 60_000 + grace_ms`` of the
  replay clock (the only instants at which the clock can make a minute final) and spans at
  most ``batch_ms`` of replay time, so bars come out exactly as if the clock were advanced
  before every single trade. With the pipeline's ``grace_ms`` equal to the feed's, a
  time-ordered file gives the same bars as batch ``build_bars``.
* ``speed=N`` paces batches so that replay time runs N times as fast as wall time;
  ``speed=None`` replays as fast as possible (yielding to the event loop between batches).
* At the end the feed calls ``await sink.flush()`` when the sink has it (MarketPipeline does);
  otherwise it advances the clock past the last minute's grace so every bar becomes final.
* Lifecycle: ``warming`` while the file is opened and counted, ``live`` from the first
  batch; the service records ``finished`` when ``run`` returns.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from spotlight_trader.errors import FeedError, TradeFileError
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.feeds.files import ProgressHook, TradeFileReader, TradeFormat
from spotlight_trader.market.bars import MAX_PRICE, MAX_TS_MS, MIN_TS_MS
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import MINUTE_MS, Trade

Sleep = Callable[[float], Awaitable[None]]
_NO_CLOCK = -1


class ReplayFeed:
    """Implements :class:`~spotlight_trader.feeds.base.Feed` for a trade file.

    The file is checked (exists, known format) at construction: a bad path raises
    :class:`~spotlight_trader.errors.TradeFileError` before anything starts. A read error in
    the middle of a replay raises :class:`~spotlight_trader.errors.FeedError`. Malformed rows
    are reported to ``sink.count_malformed``.

    ``on_progress(done_rows, total_rows)`` is called after each delivered batch (at most
    every ``progress_rows`` rows) and once at the end with ``done_rows == total_rows``.
    ``sleep`` and ``monotonic`` can be replaced (tests, simulated time).
    """

    name = "replay"

    def __init__(
        self,
        path: str | Path,
        *,
        speed: float | None = 1.0,
        on_progress: ProgressHook | None = None,
        grace_ms: int = 2_000,
        batch_ms: int | None = None,
        max_batch: int = 5_000,
        format: TradeFormat | None = None,
        progress_rows: int = 1_000,
        sleep: Sleep = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if speed is not None and not (math.isfinite(speed) and speed > 0):
            raise ValueError("speed must be a positive number, or None for maximum speed")
        if grace_ms < 0:
            raise ValueError("grace_ms must not be negative")
        self.speed = speed
        self.on_progress = on_progress
        self.grace_ms = grace_ms
        self.batch_ms = batch_ms if batch_ms is not None else (1_000 if speed is None else 100)
        if self.batch_ms < 1 or max_batch < 1:
            raise ValueError("batch_ms and max_batch must be at least 1")
        self.max_batch = max_batch
        self.progress_rows = progress_rows
        self._sleep = sleep
        self._monotonic = monotonic
        self.reader = TradeFileReader(path, format=format)
        self._symbols: frozenset[str] | None = None
        self.clock_ms = _NO_CLOCK
        self.delivered = 0  # trades handed to the sink
        self.batches = 0
        self._wall_start = 0.0
        self._clock_start = _NO_CLOCK
        self._reported_rows = 0

    @property
    def path(self) -> Path:
        """The trade file."""
        return self.reader.path

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Replay only ``symbols`` from the next batch on (all symbols until first called)."""
        self._symbols = frozenset(s.strip().upper() for s in symbols)

    async def run(self, sink: MarketSink) -> None:
        """Replay the whole file into ``sink``; returns at the end of the file."""
        grace = self.grace_ms
        span = self.batch_ms
        max_batch = self.max_batch
        reader = self.reader
        sink.report(Phase.WARMING, f"reading {self.path.name}")
        total = reader.count_rows() if self.on_progress is not None else 0
        sink.report(Phase.LIVE, f"replaying {self.path.name}")
        self.clock_ms = clock = _NO_CLOCK
        self.delivered = self.batches = self._reported_rows = 0
        self._clock_start = _NO_CLOCK
        batch: list[Trade] = []
        open_batch = False
        batch_clock = _NO_CLOCK
        batch_key = 0
        malformed_seen = 0
        blocks = reader.batches()
        while True:
            try:
                block = next(blocks, None)
            except TradeFileError as exc:
                raise FeedError(f"replay stopped: {exc}") from exc
            if block is None:
                break
            if reader.malformed > malformed_seen:
                sink.count_malformed(reader.malformed - malformed_seen)
                malformed_seen = reader.malformed
            allowed = self._symbols
            # rows of this block not yet consumed, for progress
            block_rows_before = reader.rows - len(block)
            for i, trade in enumerate(block):
                ts = trade.ts_ms
                new_clock = clock
                if (
                    ts > clock
                    and MIN_TS_MS <= ts < MAX_TS_MS
                    and 0.0 < trade.price < MAX_PRICE
                    and 0.0 < trade.size < 1e12
                ):
                    new_clock = ts
                if open_batch and (
                    new_clock - batch_clock > span
                    or (new_clock - grace) // MINUTE_MS != batch_key
                    or len(batch) >= max_batch
                ):
                    await self._deliver(sink, batch_clock, batch, block_rows_before + i, total)
                    batch = []
                    open_batch = False
                    allowed = self._symbols
                if not open_batch:
                    open_batch = True
                    batch_clock = new_clock
                    batch_key = (new_clock - grace) // MINUTE_MS
                clock = new_clock
                if allowed is None or trade.symbol in allowed:
                    batch.append(trade)
        if reader.malformed > malformed_seen:
            sink.count_malformed(reader.malformed - malformed_seen)
        if open_batch:
            await self._deliver(sink, batch_clock, batch, reader.rows, total)
        self.clock_ms = clock
        flush = getattr(sink, "flush", None)
        if callable(flush):
            await flush()
        elif clock != _NO_CLOCK:
            await sink.advance(clock + MINUTE_MS + grace)
        if self.on_progress is not None:
            self.on_progress(reader.rows, reader.rows)

    async def _deliver(
        self, sink: MarketSink, clock_ms: int, batch: list[Trade], done_rows: int, total: int
    ) -> None:
        if clock_ms != _NO_CLOCK:
            await self._pace(clock_ms)
            self.clock_ms = clock_ms
            await sink.advance(clock_ms)
        if batch:
            await sink.ingest(batch)
            self.delivered += len(batch)
        self.batches += 1
        if self.on_progress is not None and done_rows - self._reported_rows >= self.progress_rows:
            self._reported_rows = done_rows
            self.on_progress(done_rows, max(total, done_rows))

    async def _pace(self, clock_ms: int) -> None:
        speed = self.speed
        if speed is None:
            await self._sleep(0)
            return
        if self._clock_start == _NO_CLOCK:
            self._clock_start = clock_ms
            self._wall_start = self._monotonic()
            return
        target = self._wall_start + (clock_ms - self._clock_start) / 1000.0 / speed
        delay = target - self._monotonic()
        await self._sleep(delay if delay > 0 else 0)
