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
  While running, :meth:`ReplayFeed.pause`, :meth:`~ReplayFeed.resume`,
  :meth:`~ReplayFeed.set_speed` and :meth:`~ReplayFeed.jump` (a
  :class:`~spotlight_trader.market.view.ReplayControl`) change the pacing
  (:class:`~spotlight_trader.feeds.pacing.ReplayPacer`); a waiting batch sees the change at once.
* At the end the feed calls ``await sink.flush()`` when the sink has it (MarketPipeline does);
  otherwise it advances the clock past the last minute's grace so every bar becomes final.
* Lifecycle: ``warming`` while the file is opened and counted, ``replaying`` from the first
  batch (rows replayed as ``done``/``total``, reported at every whole percent and every
  control change); the service records ``finished`` when ``run`` returns.
* Reference data (:meth:`ReplayFeed.lookup`, :meth:`~ReplayFeed.search`): the symbols the
  file holds. A symbol added
  while replaying (or after the end) is backfilled before :meth:`~ReplayFeed.set_symbols`
  returns: its trades so far are read again from the file, the minutes the clock has made
  final go into the ring as history, the forming minute's trades into the builder, so its
  bars are those a replay of it from the start would have made.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from spotlight_trader.errors import FeedError, InputError, TradeFileError, UnknownSymbol
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.feeds.files import ProgressHook, TradeFileReader, TradeFormat
from spotlight_trader.feeds.pacing import ReplayPacer
from spotlight_trader.feeds.replay_backfill import split_backfill, trades_of
from spotlight_trader.market.bars import MAX_PRICE, MAX_TS_MS, MIN_TS_MS
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.reference import SymbolInfo, rank_matches
from spotlight_trader.market.view import ReplayState, ReplayStatus
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
    backfills = False  # set_symbols itself backfills an added symbol (SymbolReference)

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
        self._pacer = ReplayPacer(speed)
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
        self._reported_rows = 0
        self._rows_done = 0
        self._rows_total = 0
        self._percent_reported = -1
        self._state: ReplayState = "loading"
        self._sink: MarketSink | None = None
        self._changed = asyncio.Event()
        self._file_symbols: frozenset[str] | None = None
        self._trades_seen = 0  # trades of the file iterated so far (every symbol)
        self._pending: frozenset[str] = frozenset()  # added symbols awaiting their backfill
        self._backfilled = asyncio.Event()
        self._final_sink: MarketSink | None = None
        self._carry: list[Trade] = []  # backfilled trades of the batch being delivered

    @property
    def path(self) -> Path:
        """The trade file."""
        return self.reader.path

    @property
    def speed(self) -> float | None:
        """Replay time per wall time (None: as fast as possible)."""
        return self._pacer.speed

    # ------------------------------------------------------------ reference data

    def file_symbols(self) -> list[str]:
        """Every symbol in the file, in order of first appearance (read once, then kept)."""
        seen: dict[str, None] = {}
        for batch in TradeFileReader(self.path, format=self.reader.format).batches():
            for trade in batch:
                seen.setdefault(trade.symbol)
        self._file_symbols = frozenset(seen)
        return list(seen)

    async def _known(self) -> frozenset[str]:
        if self._file_symbols is None:
            await asyncio.to_thread(self.file_symbols)
        return self._file_symbols or frozenset()

    async def lookup(self, symbol: str) -> SymbolInfo:
        """``symbol`` if the recorded day holds it; :class:`UnknownSymbol` if not."""
        if symbol not in await self._known():
            raise UnknownSymbol(f"{symbol} is not in the replayed file {self.path.name}")
        return SymbolInfo(symbol)

    async def search(self, query: str, limit: int) -> list[SymbolInfo]:
        """The file's symbols starting with ``query`` (exact first), at most ``limit``."""
        return rank_matches(query, map(SymbolInfo, await self._known()), limit)

    # ------------------------------------------------------------ ReplayControl

    def status(self) -> ReplayStatus:
        """Where the replay is (a :class:`~spotlight_trader.market.view.ReplayControl`)."""
        pacer = self._pacer
        state = self._state
        if state == "playing" and pacer.paused:
            state = "paused"
        elif state == "playing" and pacer.seek_to_ms is not None:
            state = "jumping"
        total = max(self._rows_total, self._rows_done)
        return ReplayStatus(
            file=self.path.name,
            state=state,
            speed=pacer.speed,
            clock_ms=self.clock_ms if self.clock_ms != _NO_CLOCK else None,
            rows_done=self._rows_done,
            rows_total=total,
            percent=round(100.0 * self._rows_done / total, 2) if total else 0.0,
            jump_to_ms=pacer.seek_to_ms,
        )

    def _check_running(self) -> None:
        if self._state == "finished":
            raise InputError("the replay has finished")

    def _controlled(self) -> ReplayStatus:
        self._changed.set()
        self._report()
        return self.status()

    def pause(self) -> ReplayStatus:
        """Stop the replay clock until :meth:`resume` (bars so far stay served)."""
        self._check_running()
        self._pacer.pause()
        return self._controlled()

    def resume(self) -> ReplayStatus:
        """Go on from where the replay paused, at its speed."""
        self._check_running()
        self._pacer.resume(self._monotonic())
        return self._controlled()

    def set_speed(self, speed: float | None) -> ReplayStatus:
        """Replay ``speed`` × real time from now on (None: as fast as possible)."""
        self._check_running()
        self._pacer.set_speed(speed, self._monotonic())
        return self._controlled()

    def jump(self, target_ms: int) -> ReplayStatus:
        """Replay everything before ``target_ms`` as fast as possible, then go on at the
        speed; :class:`InputError` for a time the replay is already past."""
        self._check_running()
        self._pacer.seek(target_ms)
        return self._controlled()

    def _detail(self) -> str:
        pacer = self._pacer
        if pacer.paused:
            return f"paused {self.path.name}"
        if pacer.seek_to_ms is not None:
            return f"jumping ahead in {self.path.name}"
        pace = "as fast as possible" if pacer.speed is None else f"at {pacer.speed:g}×"
        return f"replaying {self.path.name} {pace}"

    def _report(self) -> None:
        """Tell the service where the replay is (``replaying`` with rows done/total)."""
        sink = self._sink
        if sink is None or self._state != "playing":
            return
        total = max(self._rows_total, self._rows_done)
        sink.report(Phase.REPLAYING, self._detail(), done=self._rows_done, total=total)

    # ------------------------------------------------------------ the replay

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Replay only ``symbols`` from the next batch on (all symbols until first called);
        a symbol added while replaying or after the end is backfilled before this returns."""
        wanted = frozenset(s.strip().upper() for s in symbols)
        old = self._symbols
        if old is None or self._state == "loading":
            self._symbols = wanted
            return
        self._symbols = old & wanted  # removed at once; added ones once backfilled
        self._pending = (self._pending & wanted) | (wanted - old)
        if not self._pending:
            return
        if self._state == "finished":
            if self._final_sink is not None:
                await self._backfill(self._final_sink, None)
            return
        self._backfilled.clear()
        self._changed.set()  # a batch waiting for its time (or paused) backfills at once
        await self._backfilled.wait()

    async def _backfill(self, sink: MarketSink, clock_ms: int | None) -> None:
        """Put the pending symbols' trades so far into ``sink`` (:func:`split_backfill`);
        from then on they are replayed too."""
        pending = self._pending
        trades = await asyncio.to_thread(
            trades_of, self.path, self.reader.format, pending, self._trades_seen
        )
        backfill = split_backfill(trades, clock_ms, self.grace_ms)
        if backfill.history:
            await sink.load_history(backfill.history)
        self._carry = backfill.carry
        if backfill.due:
            await sink.ingest(backfill.due)
        self._symbols = (self._symbols or frozenset()) | pending
        self._pending = frozenset()
        self._backfilled.set()

    async def run(self, sink: MarketSink) -> None:
        """Replay the whole file into ``sink``; returns at the end of the file."""
        try:
            await self._run(sink)
        finally:
            self._backfilled.set()  # an add waiting for a backfill never hangs

    async def _run(self, sink: MarketSink) -> None:
        grace = self.grace_ms
        span = self.batch_ms
        max_batch = self.max_batch
        reader = self.reader
        sink.report(Phase.WARMING, f"reading {self.path.name}")
        total = self._rows_total = await asyncio.to_thread(reader.count_rows)
        self._sink = sink
        self._state = "playing"
        self._report()
        self.clock_ms = clock = _NO_CLOCK
        self.delivered = self.batches = self._reported_rows = self._rows_done = 0
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
            seen_before_block = self._trades_seen
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
                    self._trades_seen = seen_before_block + i
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
            self._trades_seen = seen_before_block + len(block)
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
        if self._pending:
            await self._backfill(sink, None)
        self._rows_done = reader.rows
        self._state = "finished"
        self._sink = None
        self._final_sink = sink
        if self.on_progress is not None:
            self.on_progress(reader.rows, reader.rows)

    async def _deliver(
        self, sink: MarketSink, clock_ms: int, batch: list[Trade], done_rows: int, total: int
    ) -> None:
        if clock_ms != _NO_CLOCK:
            await self._pace(clock_ms)
            self.clock_ms = clock_ms
            await sink.advance(clock_ms)
        if self._carry:  # the added symbols' trades among this batch's (see _backfill)
            carry, self._carry = self._carry, []
            await sink.ingest(carry)
        if batch:
            await sink.ingest(batch)
            self.delivered += len(batch)
        self.batches += 1
        self._rows_done = done_rows
        percent = 100 * done_rows // max(total, done_rows, 1)
        if percent != self._percent_reported:
            self._percent_reported = percent
            self._report()
        if self.on_progress is not None and done_rows - self._reported_rows >= self.progress_rows:
            self._reported_rows = done_rows
            self.on_progress(done_rows, max(total, done_rows))

    async def _pace(self, clock_ms: int) -> None:
        """Wait until ``clock_ms`` is due (see :class:`ReplayPacer`); a control change while
        waiting is taken at once."""
        pacer = self._pacer
        was_jumping = pacer.seek_to_ms is not None
        while True:
            self._changed.clear()
            if self._pending and self._sink is not None:
                await self._backfill(self._sink, self.clock_ms)
            delay = pacer.delay(clock_ms, self._monotonic())
            if delay is None:  # paused
                await self._changed.wait()
                continue
            if delay <= 0:
                await self._sleep(0)
                break
            if not await self._sleep_unless_changed(delay):
                break
        pacer.delivered(clock_ms, self._monotonic())
        if was_jumping and pacer.seek_to_ms is None:
            self._report()  # the jump is over

    async def _sleep_unless_changed(self, delay: float) -> bool:
        """Sleep ``delay`` s; True if a control changed first."""
        sleeper = asyncio.ensure_future(self._sleep(delay))
        changed = asyncio.ensure_future(self._changed.wait())
        try:
            done, _ = await asyncio.wait({sleeper, changed}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, changed):
                task.cancel()
            await asyncio.gather(sleeper, changed, return_exceptions=True)
        return sleeper not in done
