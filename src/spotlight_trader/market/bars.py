"""BarBuilder: trades → 250 ms microbars and immutable 1-minute bars. Pure, synchronous, no I/O.

Rules (docs/architecture.md, invariants 1–4):

* A trade belongs to the minute of its exchange timestamp: ``seq = ts_ms // 60_000``.
* Eligibility follows Polygon's consolidated rules (:mod:`.conditions`): a print may update
  high/low, open/close and volume independently. A minute with no print that may set the
  open/close emits no bar (its volume-only prints are counted in ``unpriced_volume``).
* Within a minute, open is the price of the earliest open/close-eligible print by timestamp
  (first received wins ties) and close the latest (last received wins ties).
* A minute becomes final when an eligible print of the same symbol at or past its end
  arrives, or when the feed clock reaches ``bar_end_ms + grace_ms``. A print for a final
  minute is late: counted in ``late_trades`` and dropped.
* Microbar buckets are the 250 ms windows of the latest print's time; a straggler from an
  earlier bucket of the same minute is folded into the current bucket. A bucket is flushed
  when a print for a later bucket arrives or when the clock passes its end.

Emission is through the two callbacks given at construction; nothing is buffered.

With a :class:`~.levels.LevelFilter`, every accepted price-setting print is also judged by
the outlier rule for session levels; the bars themselves never change because of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spotlight_trader.market.conditions import HIGH_LOW, OPEN_CLOSE, VOLUME, eligibility
from spotlight_trader.market.levels import LevelFilter, SymbolLevels
from spotlight_trader.model import MICRO_MS, MINUTE_MS, Bar, FormingBar, Microbar, Quote, Trade

BarSink = Callable[[Bar], None]
MicrobarSink = Callable[[Microbar], None]

MIN_TS_MS = 946_684_800_000  # 2000-01-01: anything earlier is a broken timestamp
MAX_TS_MS = 4_102_444_800_000  # 2100-01-01
MAX_PRICE = 1e7
_NO_CLOCK = -1


@dataclass(slots=True)
class BuilderStats:
    """Counters kept by a :class:`BarBuilder`; read by the metrics collector."""

    trades: int = 0
    ineligible: int = 0
    late_trades: int = 0
    rejected: int = 0
    bars: int = 0
    microbars: int = 0
    unpriced_volume: float = 0.0


class _SymbolState:
    """Forming minute and forming 250 ms bucket of one symbol.

    Prices are plain floats guarded by ``has_*`` flags (not ``float | None``) so the
    compiled build keeps them unboxed.
    """

    def __init__(self, levels: SymbolLevels | None) -> None:
        self.levels = levels  # the outlier rule's state of this symbol (None: no filter)
        self.seq = _NO_CLOCK  # forming minute, or _NO_CLOCK when none is forming
        self.final_seq = _NO_CLOCK  # every minute <= final_seq is final for this symbol
        self.has_oc = False
        self.has_hl = False
        self.open = 0.0
        self.high = 0.0
        self.low = 0.0
        self.close = 0.0
        self.open_ts = 0
        self.close_ts = 0
        self.volume = 0.0
        self.trades = 0
        self.b_idx = _NO_CLOCK  # forming bucket index (ts_ms // 250), or _NO_CLOCK
        self.b_has_oc = False
        self.b_has_hl = False
        self.b_open = 0.0
        self.b_high = 0.0
        self.b_low = 0.0
        self.b_close = 0.0
        self.b_volume = 0.0
        self.b_trades = 0


class BarBuilder:
    """Builds microbars and final 1-minute bars for any number of symbols.

    ``clock_from_trades`` makes each accepted trade advance the feed clock (batch and
    replay mode); otherwise the owner advances it with :meth:`advance` (live mode).
    ``max_ahead_ms`` rejects prints stamped that far past the clock (a broken timestamp
    would otherwise finalise every forming bar). ``levels`` judges the accepted prints for
    session levels (:mod:`.levels`).
    """

    def __init__(
        self,
        on_bar: BarSink,
        on_microbar: MicrobarSink | None = None,
        *,
        grace_ms: int = 2_000,
        clock_from_trades: bool = False,
        max_ahead_ms: int = 6 * 3_600_000,
        levels: LevelFilter | None = None,
    ) -> None:
        self._on_bar = on_bar
        self._levels = levels
        self._on_microbar = on_microbar
        self.grace_ms = grace_ms
        self._clock_from_trades = clock_from_trades
        self._max_ahead_ms = max_ahead_ms
        self._states: dict[str, _SymbolState] = {}
        self._flags: dict[tuple[int, ...], int] = {}
        self._quotes: dict[str, Quote] = {}
        self.clock_ms = _NO_CLOCK
        self._clock_final_seq = _NO_CLOCK  # minutes <= this are final for every symbol
        self._next_deadline_ms = MAX_TS_MS  # earliest bar_end + grace of a forming bar
        self._next_bucket_end_ms = MAX_TS_MS  # earliest end of a forming bucket
        self.stats = BuilderStats()

    # ---------------------------------------------------------------- ingest

    def on_trade(self, trade: Trade) -> None:
        """Apply one trade. Invalid, ineligible and late trades are counted and dropped."""
        stats = self.stats
        stats.trades += 1
        price = trade.price
        size = trade.size
        ts = trade.ts_ms
        if not (0.0 < price < MAX_PRICE and 0.0 < size < 1e12 and MIN_TS_MS <= ts < MAX_TS_MS):
            stats.rejected += 1
            return
        clock = self.clock_ms
        if clock != _NO_CLOCK and ts > clock + self._max_ahead_ms:
            stats.rejected += 1
            return
        conditions = trade.conditions
        flags = self._flags.get(conditions)
        if flags is None:
            flags = self._flags[conditions] = eligibility(conditions)
        if not flags:
            stats.ineligible += 1
            return
        seq = ts // MINUTE_MS
        st = self._states.get(trade.symbol)
        if st is None:
            st = self._states[trade.symbol] = self._new_state(trade.symbol)
        if seq <= st.final_seq or seq <= self._clock_final_seq:
            stats.late_trades += 1
            return
        if seq != st.seq:
            if seq < st.seq:
                stats.late_trades += 1
                return
            if st.seq != _NO_CLOCK:
                self._finalise(trade.symbol, st)
            st.seq = seq
            deadline = (seq + 1) * MINUTE_MS + self.grace_ms
            if deadline < self._next_deadline_ms:
                self._next_deadline_ms = deadline
        idx = ts // MICRO_MS
        if idx > st.b_idx:
            if st.b_trades:
                self._flush_bucket(trade.symbol, st)
            st.b_idx = idx
        if not st.b_trades:
            end = (st.b_idx + 1) * MICRO_MS
            if end < self._next_bucket_end_ms:
                self._next_bucket_end_ms = end
        st.trades += 1
        st.b_trades += 1
        if flags & VOLUME:
            st.volume += size
            st.b_volume += size
        if flags & HIGH_LOW:
            if not st.has_hl:
                st.has_hl = True
                st.high = st.low = price
            elif price > st.high:
                st.high = price
            elif price < st.low:
                st.low = price
            if not st.b_has_hl:
                st.b_has_hl = True
                st.b_high = st.b_low = price
            elif price > st.b_high:
                st.b_high = price
            elif price < st.b_low:
                st.b_low = price
        if flags & OPEN_CLOSE:
            if not st.has_oc:
                st.has_oc = True
                st.open = st.close = price
                st.open_ts = st.close_ts = ts
            else:
                if ts < st.open_ts:
                    st.open = price
                    st.open_ts = ts
                if ts >= st.close_ts:
                    st.close = price
                    st.close_ts = ts
            if not st.b_has_oc:
                st.b_has_oc = True
                st.b_open = price
            st.b_close = price
        lv = st.levels
        if lv is not None and flags & (HIGH_LOW | OPEN_CLOSE):
            quote = self._quotes.get(trade.symbol) if self._quotes else None
            lv.on_print(ts, price, size, bool(flags & HIGH_LOW), bool(flags & OPEN_CLOSE), quote)
        if self._clock_from_trades and ts > clock:
            self.advance(ts)

    def on_trades(self, trades: Iterable[Trade]) -> None:
        """Apply trades in order."""
        on_trade = self.on_trade
        for trade in trades:
            on_trade(trade)

    def on_quote(self, quote: Quote) -> None:
        """Keep the newest quote per symbol; crossed, negative or stale quotes are dropped."""
        if not (0.0 < quote.bid <= quote.ask < MAX_PRICE):
            self.stats.rejected += 1
            return
        current = self._quotes.get(quote.symbol)
        if current is None or quote.ts_ms >= current.ts_ms:
            self._quotes[quote.symbol] = quote

    def advance(self, now_ms: int) -> None:
        """Move the feed clock forward (never back); finalise bars and flush buckets it passed."""
        if now_ms <= self.clock_ms:
            return
        self.clock_ms = now_ms
        self._clock_final_seq = (now_ms - self.grace_ms) // MINUTE_MS - 1
        if now_ms >= self._next_bucket_end_ms:
            self._flush_due_buckets(now_ms)
        if now_ms >= self._next_deadline_ms:
            self._finalise_due(now_ms)

    def flush(self) -> None:
        """Finalise everything still forming (end of a batch or replay)."""
        for symbol, st in self._states.items():
            if st.seq != _NO_CLOCK:
                self._finalise(symbol, st)
        self._next_deadline_ms = MAX_TS_MS
        self._next_bucket_end_ms = MAX_TS_MS

    def mark_final(self, symbol: str, seq: int) -> FormingBar | None:
        """Declare every minute ``<= seq`` of ``symbol`` final because its bar came from
        elsewhere (REST gap repair / backfill). A forming minute ``<= seq`` is discarded
        without emitting anything and returned (its partial state is superseded); prints
        for those minutes count as late from now on. Not on the hot path."""
        st = self._states.get(symbol)
        if st is None:
            st = self._states[symbol] = self._new_state(symbol)
        if seq > st.final_seq:
            st.final_seq = seq
        if st.seq == _NO_CLOCK or st.seq > seq:
            return None
        dropped = self._forming(st)
        if st.levels is not None:
            st.levels.discard()
        st.seq = _NO_CLOCK
        st.has_oc = st.has_hl = False
        st.volume = 0.0
        st.trades = 0
        st.b_idx = _NO_CLOCK
        st.b_has_oc = st.b_has_hl = False
        st.b_volume = 0.0
        st.b_trades = 0
        return dropped

    # ---------------------------------------------------------------- queries

    def quote(self, symbol: str) -> Quote | None:
        """The newest valid quote for ``symbol``."""
        return self._quotes.get(symbol)

    def forming(self, symbol: str) -> FormingBar | None:
        """Snapshot of the minute forming for ``symbol``, if any."""
        st = self._states.get(symbol)
        if st is None or st.seq == _NO_CLOCK:
            return None
        return self._forming(st)

    def final_seq(self, symbol: str) -> int:
        """Highest minute known final for ``symbol`` (-1 when none)."""
        st = self._states.get(symbol)
        own = st.final_seq if st is not None else _NO_CLOCK
        return max(own, self._clock_final_seq)

    # ---------------------------------------------------------------- internals

    def _new_state(self, symbol: str) -> _SymbolState:
        levels = self._levels
        return _SymbolState(levels.symbol(symbol) if levels is not None else None)

    def _forming(self, st: _SymbolState) -> FormingBar:
        oc = st.has_oc
        hl = st.has_hl
        return FormingBar(
            seq=st.seq,
            bar_start_ms=st.seq * MINUTE_MS,
            open=st.open if oc else None,
            high=st.high if hl else None,
            low=st.low if hl else None,
            close=st.close if oc else None,
            volume=st.volume,
            trades=st.trades,
        )

    def _flush_bucket(self, symbol: str, st: _SymbolState) -> None:
        if self._on_microbar is not None:
            self.stats.microbars += 1
            oc = st.b_has_oc
            hl = st.b_has_hl
            self._on_microbar(
                Microbar(
                    symbol=symbol,
                    bucket_start_ms=st.b_idx * MICRO_MS,
                    open=st.b_open if oc else None,
                    high=st.b_high if hl else None,
                    low=st.b_low if hl else None,
                    close=st.b_close if oc else None,
                    volume=st.b_volume,
                    trades=st.b_trades,
                    minute=self._forming(st),
                )
            )
        st.b_has_oc = st.b_has_hl = False
        st.b_volume = 0.0
        st.b_trades = 0

    def _finalise(self, symbol: str, st: _SymbolState) -> None:
        if st.b_trades:
            self._flush_bucket(symbol, st)
        seq = st.seq
        if st.levels is not None:
            st.levels.close_minute(seq, st.has_oc)
        if st.has_oc:
            self.stats.bars += 1
            self._on_bar(
                Bar(
                    symbol=symbol,
                    seq=seq,
                    bar_start_ms=seq * MINUTE_MS,
                    bar_end_ms=(seq + 1) * MINUTE_MS,
                    open=st.open,
                    high=st.high,
                    low=st.low,
                    close=st.close,
                    volume=st.volume,
                    trades=st.trades,
                )
            )
        else:
            self.stats.unpriced_volume += st.volume
        st.final_seq = seq
        st.seq = _NO_CLOCK
        st.has_oc = st.has_hl = False
        st.volume = 0.0
        st.trades = 0
        st.b_idx = _NO_CLOCK

    def _flush_due_buckets(self, now_ms: int) -> None:
        next_end = MAX_TS_MS
        for symbol, st in self._states.items():
            if st.b_idx == _NO_CLOCK:
                continue
            end = (st.b_idx + 1) * MICRO_MS
            if end <= now_ms:
                if st.b_trades:
                    self._flush_bucket(symbol, st)
            elif end < next_end:
                next_end = end
        self._next_bucket_end_ms = next_end

    def _finalise_due(self, now_ms: int) -> None:
        next_deadline = MAX_TS_MS
        for symbol, st in self._states.items():
            if st.seq == _NO_CLOCK:
                continue
            deadline = (st.seq + 1) * MINUTE_MS + self.grace_ms
            if deadline <= now_ms:
                self._finalise(symbol, st)
            elif deadline < next_deadline:
                next_deadline = deadline
        self._next_deadline_ms = next_deadline


def build_bars(trades: Iterable[Trade], *, grace_ms: int = 2_000) -> list[Bar]:
    """Batch mode: all final bars for ``trades`` (feed clock = latest trade time seen)."""
    bars: list[Bar] = []
    builder = BarBuilder(bars.append, grace_ms=grace_ms, clock_from_trades=True)
    builder.on_trades(trades)
    builder.flush()
    return bars
