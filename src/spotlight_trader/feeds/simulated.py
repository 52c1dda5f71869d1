"""Simulated market: a seeded, plausible tape of trades and quotes for any symbol.

Two layers (docs/simulator.md):

* :class:`SymbolSimulator` — pure, synchronous generation for one symbol: no clock, no I/O,
  no asyncio. ``generate(end_ms)`` returns the trades from where the previous call stopped up
  to ``end_ms``. The output depends only on ``(seed, symbol, start_ms)`` and on where the
  history/live mode switches, never on how the time axis is cut into windows.
* :class:`SimulatedFeed` — the :class:`~spotlight_trader.feeds.base.Feed`: generates
  ``history_minutes`` of history at start, then paces the simulators against the wall clock
  (``speed`` × real time) and drives the sink's clock.

Model, per symbol: the log mid price is a mean-reverting diffusion whose per-minute variance
follows a GARCH(1,1) recursion on minute returns (volatility clustering) times an intraday
shape; trades are a Poisson process whose rate follows a U-shaped regular-session volume
curve (lighter pre-market and after-hours, a low floor when the market is closed so a chart
always moves), scaled by the current volatility; prints hit the bid or the ask (bid/ask
bounce) on whole cents.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import random
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from typing import Final, NamedTuple

from spotlight_trader.errors import FeedError
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.market.conditions import FORM_T, ISO, ODD_LOT
from spotlight_trader.market.session import (
    ET,
    POST_CLOSE_MIN,
    PRE_OPEN_MIN,
    REGULAR_CLOSE_MIN,
    REGULAR_OPEN_MIN,
    Session,
)
from spotlight_trader.model import MINUTE_MS, Quote, Trade

# ---------------------------------------------------------------- symbol profiles


@dataclass(frozen=True, slots=True)
class SymbolProfile:
    """Static character of a simulated symbol.

    ``trades_per_s`` is the live regular-session trade rate at midday (the open and the close
    run several times higher); ``spread_cents`` the usual regular-hours spread.
    """

    price: float
    annual_vol: float
    trades_per_s: float
    spread_cents: int


KNOWN_PROFILES: Final[dict[str, SymbolProfile]] = {
    "SPY": SymbolProfile(580.0, 0.16, 5.0, 1),
    "QQQ": SymbolProfile(500.0, 0.20, 5.0, 1),
    "AAPL": SymbolProfile(230.0, 0.25, 4.0, 1),
    "NVDA": SymbolProfile(140.0, 0.50, 5.0, 1),
    "TSLA": SymbolProfile(250.0, 0.60, 5.0, 2),
    "MSFT": SymbolProfile(420.0, 0.22, 3.0, 2),
    "AMD": SymbolProfile(150.0, 0.50, 4.0, 1),
    "META": SymbolProfile(560.0, 0.35, 3.0, 3),
}


def _stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def profile_for(symbol: str) -> SymbolProfile:
    """The profile of ``symbol``: a known one, or one derived deterministically from its name."""
    known = KNOWN_PROFILES.get(symbol)
    if known is not None:
        return known
    h = _stable_hash(symbol)
    price = 10.0 + (h % 49_000) / 100.0  # $10.00 .. $499.99
    annual_vol = 0.25 + ((h >> 20) % 40) / 100.0  # 25% .. 64%
    return SymbolProfile(price, annual_vol, 2.0, max(1, round(price / 150.0)))


# ---------------------------------------------------------------- intraday shape


class MinuteProfile(NamedTuple):
    """Market character of one clock minute: session, relative volume and volatility."""

    session: Session
    volume: float  # trade-rate multiplier (1 ≈ regular-session midday)
    vol: float  # volatility multiplier (1 ≈ regular-session midday)


CLOSED_VOLUME: Final = 0.02
CLOSED_VOL: Final = 0.25
EXTENDED_VOL: Final = 0.45


def volume_curve(minute_of_day: int) -> float:
    """Relative trade rate at ``minute_of_day`` (New York) on a weekday.

    Regular session: U-shaped, about 4.8 at 09:30, under 1 at midday and 3.7 into 16:00.
    Pre-market rises from 0.04 to 0.24; after-hours decays from 0.29 to 0.04; else closed.
    """
    m = minute_of_day
    if REGULAR_OPEN_MIN <= m < REGULAR_CLOSE_MIN:
        x = m - REGULAR_OPEN_MIN
        to_close = REGULAR_CLOSE_MIN - 1 - m
        return (
            0.8
            + 3.2 * math.exp(-x / 20.0)
            + 0.8 * math.exp(-x / 90.0)
            + 2.4 * math.exp(-to_close / 15.0)
            + 0.5 * math.exp(-to_close / 60.0)
        )
    if PRE_OPEN_MIN <= m < REGULAR_OPEN_MIN:
        return 0.04 + 0.2 * ((m - PRE_OPEN_MIN) / (REGULAR_OPEN_MIN - PRE_OPEN_MIN)) ** 3
    if REGULAR_CLOSE_MIN <= m < POST_CLOSE_MIN:
        return 0.04 + 0.25 * math.exp(-(m - REGULAR_CLOSE_MIN) / 20.0)
    return CLOSED_VOLUME


# Mean of the regular-session curve: volatility scales with sqrt(volume / mean), so a regular
# session carries the symbol's daily variance.
_REGULAR_MEAN_VOLUME: Final = sum(
    volume_curve(m) for m in range(REGULAR_OPEN_MIN, REGULAR_CLOSE_MIN)
) / (REGULAR_CLOSE_MIN - REGULAR_OPEN_MIN)


@lru_cache(maxsize=16_384)
def minute_profile(seq: int) -> MinuteProfile:
    """Profile of the minute ``seq`` (``ts_ms // 60_000``). Weekends are closed all day;
    exchange holidays are not modelled."""
    dt = datetime.fromtimestamp(seq * 60, tz=ET)
    m = dt.hour * 60 + dt.minute
    if dt.weekday() >= 5 or m < PRE_OPEN_MIN or m >= POST_CLOSE_MIN:
        return MinuteProfile("closed", CLOSED_VOLUME, CLOSED_VOL)
    volume = volume_curve(m)
    if REGULAR_OPEN_MIN <= m < REGULAR_CLOSE_MIN:
        return MinuteProfile("regular", volume, math.sqrt(volume / _REGULAR_MEAN_VOLUME))
    session: Session = "pre" if m < REGULAR_OPEN_MIN else "post"
    return MinuteProfile(session, volume, EXTENDED_VOL)


# ---------------------------------------------------------------- tape details

# (exchange id, weight) — ids from the Polygon exchange table; 4 = FINRA TRF (off-exchange).
_REGULAR_VENUES: Final = (
    (4, 33), (12, 16), (11, 8), (8, 7), (10, 6), (19, 6), (21, 6), (15, 3), (20, 3),
    (7, 2), (18, 2), (3, 2), (2, 2), (17, 1), (9, 1), (1, 1), (14, 1),
)  # fmt: skip
_EXTENDED_VENUES: Final = ((4, 40), (12, 25), (11, 15), (8, 10), (19, 5), (21, 5))


def _venue_table(venues: tuple[tuple[int, int], ...]) -> tuple[list[int], list[float]]:
    total = sum(w for _, w in venues)
    return [x for x, _ in venues], [c / total for c in accumulate(w for _, w in venues)]


_REG_IDS, _REG_CUM = _venue_table(_REGULAR_VENUES)
_EXT_IDS, _EXT_CUM = _venue_table(_EXTENDED_VENUES)
EXCHANGE_IDS: Final = frozenset(_REG_IDS) | frozenset(_EXT_IDS)

ODD_LOT_P: Final = 0.15  # share of odd-lot prints (size < 100, condition 37)
BLOCK_P: Final = 0.002  # regular-hours block prints (5,000–40,000 shares, TRF)
MIXED_LOT_P: Final = 0.08  # round-lot prints with an odd remainder (e.g. 237)
ISO_P: Final = 0.08  # regular-hours intermarket sweep orders (condition 14)
INSIDE_P: Final = 0.12  # prints inside a spread of two cents or more
LOT_TAIL: Final = 1.6  # Pareto tail index of the number of round lots per print
MAX_LOTS: Final = 300

GARCH_ALPHA: Final = 0.10
GARCH_BETA: Final = 0.88
MEAN_REVERSION_PER_MIN: Final = math.log(2) / (5 * 1_440)  # half-life: five days
MIN_TRADES_PER_S: Final = 0.2  # floor: nights and weekends still print every few seconds

# History is generated at a lower trade rate (each print stands for several live prints, its
# round-lot size scaled up so bar volumes match live ones): trades per minute, clamped.
HISTORY_TRADES_PER_MIN: Final = 12.0
HISTORY_MIN_PER_MIN: Final = 6.0
HISTORY_MAX_PER_MIN: Final = 40.0


class SymbolSimulator:
    """Seeded generator of one symbol's trades and quotes; pure (no clock, no I/O).

    The random streams are derived from ``(seed, symbol)`` only, so symbols are independent
    of each other. The first print is at ``start_ms``; later prints follow a Poisson process.
    """

    def __init__(
        self,
        symbol: str,
        *,
        seed: int,
        start_ms: int,
        profile: SymbolProfile | None = None,
    ) -> None:
        self.symbol = symbol
        self.profile = p = profile if profile is not None else profile_for(symbol)
        self._rng = random.Random(f"spotlight-sim:{seed}:{symbol}")
        self._qrng = random.Random(f"spotlight-sim-quotes:{seed}:{symbol}")
        daily_sigma = p.annual_vol / math.sqrt(252.0)
        self._hbar = daily_sigma * daily_sigma / 390.0  # long-run per-minute variance
        self._h = self._hbar
        self._x0 = math.log(p.price)
        self._x = self._x0 + self._rng.gauss(0.0, daily_sigma)
        self._t = float(start_ms)  # time of the last price update
        self._cursor = start_ms  # everything before this has been generated
        self._next: float = float(start_ms)  # pending arrival
        self._first = True
        self._min_seq = start_ms // MINUTE_MS
        self._min_x = self._x
        self._prof = minute_profile(self._min_seq)
        self._spread = self._spread_for(self._prof)
        self._history: bool | None = None
        self._rate_seq = -1
        self._rate = 1.0  # arrivals per ms
        self._scale = 1.0  # live prints each generated print stands for

    @property
    def cursor_ms(self) -> int:
        """End of the generated time range."""
        return self._cursor

    @property
    def mid(self) -> float:
        """Current mid price."""
        return math.exp(self._x)

    def generate(self, end_ms: int, *, history: bool = False) -> list[Trade]:
        """Trades with ``cursor_ms <= ts_ms < end_ms``, in time order; moves the cursor.

        ``history=True`` uses the thinner history rate (larger prints, same volume).
        """
        if history is not self._history:
            switching = self._history is not None and not self._first
            self._history = history
            self._rate_seq = -1
            if switching:  # the pending arrival used the other rate; redraw (memoryless)
                self._next = self._draw(float(self._cursor))
        out: list[Trade] = []
        if end_ms <= self._cursor:
            return out
        append = out.append
        nxt = self._next
        while nxt < end_ms:
            append(self._trade(nxt))
            nxt = self._draw(nxt)
        self._next = nxt
        self._cursor = end_ms
        return out

    def quote(self, ts_ms: int) -> Quote:
        """An NBBO around the current mid with a session-dependent spread."""
        qrng = self._qrng
        prof = minute_profile(ts_ms // MINUTE_MS)
        spread = self._spread_for(prof) + (1 if qrng.random() < 0.3 else 0)
        bid_c = max(1, int(math.exp(self._x) * 100.0 - spread / 2.0))
        lots = 30 if prof.session == "regular" else 5
        return Quote(
            symbol=self.symbol,
            ts_ms=ts_ms,
            bid=bid_c / 100.0,
            ask=(bid_c + spread) / 100.0,
            bid_size=float(qrng.randint(1, lots) * 100),
            ask_size=float(qrng.randint(1, lots) * 100),
        )

    def quote_due(self, probability: float) -> bool:
        """A coin flip from the quote stream (does not disturb the trade stream)."""
        return self._qrng.random() < probability

    # ------------------------------------------------------------ internals

    def _spread_for(self, prof: MinuteProfile) -> int:
        base = self.profile.spread_cents
        if prof.session == "regular":
            return base
        return base * (3 if prof.session != "closed" else 5)

    def _set_rate(self, seq: int) -> None:
        prof = minute_profile(seq)
        activity = min(1.6, max(0.7, math.sqrt(math.sqrt(self._h / self._hbar))))
        noise = self._rng.lognormvariate(0.0, 0.3)
        live = max(MIN_TRADES_PER_S, self.profile.trades_per_s * prof.volume * activity * noise)
        rate = live
        if self._history:
            per_min = HISTORY_TRADES_PER_MIN * prof.volume * noise
            per_min = min(HISTORY_MAX_PER_MIN, max(HISTORY_MIN_PER_MIN, per_min))
            rate = min(live, per_min / 60.0)
        self._scale = live / rate
        self._rate = rate / 1_000.0
        self._rate_seq = seq

    def _draw(self, t: float) -> float:
        """Next arrival after ``t``; the rate is constant within a clock minute."""
        expovariate = self._rng.expovariate
        while True:
            seq = int(t // MINUTE_MS)
            if seq != self._rate_seq:
                self._set_rate(seq)
            nxt = t + expovariate(self._rate)
            boundary = (seq + 1) * MINUTE_MS
            if nxt < boundary:
                return nxt
            t = float(boundary)

    def _roll_minute(self, seq: int) -> None:
        """GARCH(1,1) update of the per-minute variance from the last close-to-close return."""
        hbar = self._hbar
        n = seq - self._min_seq
        r = self._x - self._min_x
        vm = self._prof.vol
        h = (1.0 - GARCH_ALPHA - GARCH_BETA) * hbar
        h += GARCH_ALPHA * r * r / (n * vm * vm) + GARCH_BETA * self._h
        if n > 1:
            h = hbar + (GARCH_ALPHA + GARCH_BETA) ** (n - 1) * (h - hbar)
        self._h = min(16.0 * hbar, max(0.25 * hbar, h))
        self._min_seq = seq
        self._min_x = self._x
        self._prof = minute_profile(seq)
        self._spread = self._spread_for(self._prof)

    def _trade(self, t: float) -> Trade:
        rng = self._rng
        ts = int(t)
        seq = ts // MINUTE_MS
        if seq != self._min_seq:
            self._roll_minute(seq)
        prof = self._prof
        dt = (t - self._t) / MINUTE_MS
        if dt > 0.0:
            x = self._x
            x += math.sqrt(self._h * dt) * prof.vol * rng.gauss(0.0, 1.0)
            x -= MEAN_REVERSION_PER_MIN * (x - self._x0) * dt
            self._x = x
            self._t = t
        # price: bid or ask (bounce), sometimes inside a wide spread
        spread = self._spread
        bid_c = max(1, int(math.exp(self._x) * 100.0 - spread / 2.0))
        u = rng.random()
        if spread >= 2 and u < INSIDE_P:
            price_c = bid_c + 1 + int(rng.random() * (spread - 1))
        elif u < (1.0 + INSIDE_P) / 2.0:
            price_c = bid_c + spread
        else:
            price_c = bid_c
        # size: odd lots, heavy-tailed round lots, rare blocks
        regular = prof.session == "regular"
        u = rng.random()
        odd = block = False
        if u < ODD_LOT_P and not self._first:
            odd = True
            r = rng.random()
            size = 1 + int(99.0 * r * r)
        elif u < ODD_LOT_P + BLOCK_P and regular:
            block = True
            size = 100 * rng.randint(50, 400)
        else:
            size = 100 * min(MAX_LOTS, int(rng.paretovariate(LOT_TAIL)))
            if rng.random() < MIXED_LOT_P:
                size += 1 + int(rng.random() * 99.0)
            if self._scale > 1.0:
                size = max(100, round(size * self._scale / 100.0) * 100)
        self._first = False
        # conditions and venue
        if regular:
            if odd:
                conditions: tuple[int, ...] = (ODD_LOT,)
            elif not block and rng.random() < ISO_P:
                conditions = (ISO,)
            else:
                conditions = ()
            exchange = 4 if block else _REG_IDS[bisect_right(_REG_CUM, rng.random())]
        else:
            conditions = (FORM_T, ODD_LOT) if odd else (FORM_T,)
            exchange = _EXT_IDS[bisect_right(_EXT_CUM, rng.random())]
        return Trade(
            symbol=self.symbol,
            ts_ms=ts,
            price=price_c / 100.0,
            size=float(size),
            conditions=conditions,
            exchange=exchange,
        )


def generate_trades(
    symbol: str, start_ms: int, end_ms: int, *, seed: int = 7, history: bool = False
) -> list[Trade]:
    """All trades of ``symbol`` in ``[start_ms, end_ms)`` from a fresh simulator."""
    return SymbolSimulator(symbol, seed=seed, start_ms=start_ms).generate(end_ms, history=history)


# ---------------------------------------------------------------- the feed

TICK_S: Final = 0.1  # wall-clock pacing interval while live
STEP_MS: Final = 5_000  # simulated ms per ingest+advance step (below the sink's max_ahead)
MAX_TICK_MS: Final = 600_000  # most simulated time generated per tick (very high speeds lag)
QUOTE_P: Final = 0.35  # per symbol per tick: a few quotes per wall-clock second
_TS = attrgetter("ts_ms")


def _unique(symbols: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(symbols))


class SimulatedFeed:
    """Seeded simulated market implementing :class:`~spotlight_trader.feeds.base.Feed`.

    ``run`` first generates ``history_minutes`` of history ending at ``start_ms`` (default:
    now) through the sink, then goes live: simulated time is
    ``start_ms + (wall - wall_at_start) × speed``, so speed 1 is the wall clock and speed N
    runs N× faster, ahead of the wall clock. The feed owns the sink's clock.
    """

    name = "simulated"

    def __init__(
        self,
        symbols: Sequence[str],
        *,
        seed: int = 7,
        speed: float = 1.0,
        history_minutes: int = 390,
        start_ms: int | None = None,
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
        self._clock = clock
        self._symbols = _unique(symbols)
        self._sims: dict[str, SymbolSimulator] = {}
        self._dirty = False
        self._running = False
        self._sim_now_ms: int | None = None

    @property
    def symbols(self) -> list[str]:
        """The symbols being streamed."""
        return list(self._symbols)

    @property
    def sim_now_ms(self) -> int | None:
        """Simulated time the sink's clock has reached while live; None before going live."""
        return self._sim_now_ms

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Stream exactly ``symbols``; an added symbol prints within one tick (~100 ms)."""
        self._symbols = _unique(symbols)
        self._dirty = True

    async def run(self, sink: MarketSink) -> None:
        """Generate history, then stream live until cancelled."""
        if self._running:
            raise FeedError("simulated feed is already running")
        self._running = True
        try:
            wall0 = self._clock()
            start = self.start_ms if self.start_ms is not None else int(wall0 * 1_000)
            history_start = start - self.history_minutes * MINUTE_MS
            self._sims = {}
            self._dirty = True
            self._reconcile(history_start)
            await self._emit(sink, history_start, start, history=True)
            self._sim_now_ms = start
            for sim in self._sims.values():
                sink.on_quote(sim.quote(start))
            while True:
                await asyncio.sleep(TICK_S)
                now = self._sim_now_ms
                target = start + int((self._clock() - wall0) * 1_000.0 * self.speed)
                end = min(target, now + MAX_TICK_MS)
                if end <= now:
                    continue
                await self._emit(sink, now, end, history=False)
                self._sim_now_ms = end
                for sim in self._sims.values():
                    if sim.quote_due(QUOTE_P):
                        sink.on_quote(sim.quote(end))
        finally:
            self._running = False
            self._sim_now_ms = None

    def _reconcile(self, at_ms: int) -> None:
        """Drop simulators of removed symbols; start new ones at ``at_ms``."""
        self._dirty = False
        wanted = self._symbols
        sims = {s: sim for s, sim in self._sims.items() if s in wanted}
        for symbol in wanted:
            if symbol not in sims:
                sims[symbol] = SymbolSimulator(symbol, seed=self.seed, start_ms=at_ms)
        self._sims = {s: sims[s] for s in wanted}

    async def _emit(self, sink: MarketSink, start: int, end: int, *, history: bool) -> None:
        """Generate ``[start, end)`` in steps: ingest each step's trades, then advance."""
        t = start
        steps = 0
        while t < end:
            if self._dirty:
                self._reconcile(t)
            step_end = min(end, t + STEP_MS)
            batch: list[Trade] = []
            for sim in self._sims.values():
                batch.extend(sim.generate(step_end, history=history))
            if len(self._sims) > 1:
                batch.sort(key=_TS)
            if batch:
                await sink.ingest(batch)
            await sink.advance(step_end)
            t = step_end
            steps += 1
            if steps % 24 == 0:
                await asyncio.sleep(0)  # keep the event loop responsive during history
