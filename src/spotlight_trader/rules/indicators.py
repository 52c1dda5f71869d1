"""Incremental, session-aware intraday indicators (pure: no I/O, O(1) per bar).

Formulas are those of ``trading-domain.md`` §3:

* session VWAP anchored at the regular open: Σ TP·V / Σ V over regular-session bars,
  TP = (H+L+C)/3; ``None`` before the first regular bar of the day;
* EMA(n): α = 2/(n+1), seeded with the SMA of the first n closes (``None`` before);
* RSI(n), Wilder: average gain/loss seeded with the SMA of the first n changes, then
  RMA with α = 1/n; RSI = 100 − 100/(1+RS), 100 when the average loss is 0;
* time-of-day RVOL: cumulative regular-session volume up to this minute ÷ the mean of the
  same quantity over the last N sessions (``None`` and :attr:`SymbolIndicators.rvol_status`
  says why while history is too short);
* opening range 5/15/30: high/low of the regular bars that start in [open, open+N),
  available once the window is complete;
* HOD/LOD over the regular session, pre-market high/low (04:00 to the open), prior
  regular-session close and gap % of the first regular bar's open against it.

Session levels (HOD/LOD, PMH/PML, opening ranges, the gap's open and prior close) and
VWAP read a bar's *level prices*: the bar itself, or, for a minute with outlier prints, the
:class:`~spotlight_trader.model.LevelBar` the market core made of it without them (see
:mod:`spotlight_trader.market.levels`); the outliers of the day are kept to explain a
signal whose level they would have moved (:func:`spotlight_trader.rules.outliers.outlier_note`).

EMA and RSI run over every bar (extended hours included), continuously across days; the
other values reset at each New York day. Holidays and half days come from the XNYS calendar
(:func:`spotlight_trader.market.session.trading_day`).

A :class:`SymbolIndicators` turns each final bar into a *snapshot*: a ``dict`` from field
name to ``float`` or ``None`` (not warmed up yet). :meth:`SymbolIndicators.peek` computes the
snapshot of a forming bar without changing any state (intrabar rules).
"""

from __future__ import annotations

from collections import deque
from typing import Final

from spotlight_trader.market.session import TradingDay, et_date, trading_day
from spotlight_trader.model import MINUTE_MS, Bar, LevelBar

Snapshot = dict[str, float | None]

OPENING_RANGES: Final = (5, 15, 30)
MAX_SESSION_MINUTES: Final = 390

# Fields a rule may read (the expression language's vocabulary), with descriptions.
FIELDS: Final[dict[str, str]] = {
    "open": "bar open",
    "high": "bar high",
    "low": "bar low",
    "close": "bar close",
    "volume": "bar volume",
    "vwap": "session VWAP anchored at 09:30 ET",
    "ema9": "EMA(9) of closes",
    "ema21": "EMA(21) of closes",
    "rsi14": "RSI(14), Wilder smoothing",
    "rvol": "time-of-day relative volume",
    "hod": "high of day (regular session, this bar included)",
    "lod": "low of day (regular session, this bar included)",
    "prior_hod": "high of day before this bar",
    "prior_lod": "low of day before this bar",
    "orh": "15-minute opening range high",
    "orl": "15-minute opening range low",
    "orh5": "5-minute opening range high",
    "orl5": "5-minute opening range low",
    "orh15": "15-minute opening range high",
    "orl15": "15-minute opening range low",
    "orh30": "30-minute opening range high",
    "orl30": "30-minute opening range low",
    "pmh": "pre-market high (04:00 to the open)",
    "pml": "pre-market low",
    "prev_close": "prior regular-session close",
    "gap_pct": "gap % of the first regular open vs the prior close",
    "change_pct": "close vs the prior close, %",
    "minutes_since_open": "minutes from the regular open to the bar's start",
    "regular": "1 during the regular session, else 0",
}


class EMA:
    """Exponential moving average, seeded with the SMA of the first ``n`` values."""

    __slots__ = ("_count", "_sum", "alpha", "n", "value")

    def __init__(self, n: int) -> None:
        if n < 1:
            raise ValueError("EMA period must be >= 1")
        self.n = n
        self.alpha = 2.0 / (n + 1)
        self.value: float | None = None
        self._count = 0
        self._sum = 0.0

    def peek(self, x: float) -> float | None:
        """The value after ``x`` without keeping it."""
        value = self.value
        if value is not None:
            return value + self.alpha * (x - value)
        if self._count + 1 == self.n:
            return (self._sum + x) / self.n
        return None

    def push(self, x: float) -> float | None:
        """Add ``x``; the new value (None during warm-up)."""
        new = self.peek(x)
        if self.value is None:
            self._count += 1
            self._sum += x
        self.value = new
        return new


class RSI:
    """Relative strength index with Wilder smoothing (RMA, α = 1/n) seeded by SMA."""

    __slots__ = ("_avg_g", "_avg_l", "_count", "_prev", "_sum_g", "_sum_l", "n", "value")

    def __init__(self, n: int) -> None:
        if n < 1:
            raise ValueError("RSI period must be >= 1")
        self.n = n
        self.value: float | None = None
        self._prev: float | None = None
        self._count = 0  # changes seen during the seed
        self._sum_g = 0.0
        self._sum_l = 0.0
        self._avg_g: float | None = None
        self._avg_l = 0.0

    @staticmethod
    def _rsi(avg_g: float, avg_l: float) -> float:
        if avg_l == 0:
            return 100.0
        return 100.0 - 100.0 / (1.0 + avg_g / avg_l)

    def _step(self, x: float) -> tuple[float | None, float, float | None, float, float]:
        """(rsi, sum_g, avg_g, avg_l, sum_l) after ``x``."""
        prev = self._prev
        if prev is None:
            return None, self._sum_g, None, 0.0, self._sum_l
        delta = x - prev
        gain = delta if delta > 0 else 0.0
        loss = -delta if delta < 0 else 0.0
        avg_g = self._avg_g
        if avg_g is not None:
            n = self.n
            new_g = avg_g + (gain - avg_g) / n
            new_l = self._avg_l + (loss - self._avg_l) / n
            return self._rsi(new_g, new_l), self._sum_g, new_g, new_l, self._sum_l
        sum_g = self._sum_g + gain
        sum_l = self._sum_l + loss
        if self._count + 1 == self.n:
            g, lo = sum_g / self.n, sum_l / self.n
            return self._rsi(g, lo), sum_g, g, lo, sum_l
        return None, sum_g, None, 0.0, sum_l

    def peek(self, x: float) -> float | None:
        """The value after ``x`` without keeping it."""
        return self._step(x)[0]

    def push(self, x: float) -> float | None:
        """Add ``x``; the new value (None during the first ``n`` changes)."""
        value, sum_g, avg_g, avg_l, sum_l = self._step(x)
        if self._prev is not None and self._avg_g is None:
            self._count += 1
        self._sum_g, self._sum_l = sum_g, sum_l
        self._avg_g, self._avg_l = avg_g, avg_l
        self._prev = x
        self.value = value
        return value


class SymbolIndicators:
    """Every indicator of one symbol; feed it final bars in seq order with :meth:`push`."""

    def __init__(self, symbol: str, *, rvol_sessions: int = 10, rvol_min_sessions: int = 3) -> None:
        if not 1 <= rvol_min_sessions <= rvol_sessions:
            raise ValueError("need 1 <= rvol_min_sessions <= rvol_sessions")
        self.symbol = symbol
        self.rvol_sessions = rvol_sessions
        self.rvol_min_sessions = rvol_min_sessions
        self.ema9 = EMA(9)
        self.ema21 = EMA(21)
        self.rsi14 = RSI(14)
        self.bars = 0
        self.prev_close: float | None = None
        # time-of-day volume curves of past sessions and their per-minute sums
        self._curves: deque[list[float]] = deque()
        self._sums = [0.0] * MAX_SESSION_MINUTES
        self._td: TradingDay | None = None
        self._new_day_state()

    def _new_day_state(self) -> None:
        self._pv = 0.0
        self._v = 0.0
        self.hod: float | None = None
        self.lod: float | None = None
        self.pmh: float | None = None
        self.pml: float | None = None
        self._or_hi: list[float | None] = [None] * len(OPENING_RANGES)
        self._or_lo: list[float | None] = [None] * len(OPENING_RANGES)
        self._or_done = [False] * len(OPENING_RANGES)
        self.gap_pct: float | None = None
        self._last_regular_close: float | None = None
        # today's outlier prints: (price, minutes from the open, "pre" | "regular" | "other")
        self.outliers: list[tuple[float, int, str]] = []
        self._curve: list[float] = []
        self._cum = 0.0

    @property
    def sessions_loaded(self) -> int:
        """Past sessions in the RVOL volume curves."""
        return len(self._curves)

    @property
    def rvol_status(self) -> str:
        """``ok`` or why RVOL is not available yet."""
        have = len(self._curves)
        if have < self.rvol_min_sessions:
            return (
                f"insufficient history: {have} of {self.rvol_min_sessions} sessions needed "
                f"for time-of-day RVOL"
            )
        return "ok"

    def _roll(self, start_ms: int) -> None:
        """A bar of a new New York day arrived: close the old day, reset the session state."""
        if self._curve:
            curve = self._curve
            last = curve[-1]
            curve.extend([last] * (MAX_SESSION_MINUTES - len(curve)))
            curves, sums = self._curves, self._sums
            curves.append(curve)
            for i in range(MAX_SESSION_MINUTES):
                sums[i] += curve[i]
            if len(curves) > self.rvol_sessions:
                old = curves.popleft()
                for i in range(MAX_SESSION_MINUTES):
                    sums[i] -= old[i]
        if self._last_regular_close is not None:
            self.prev_close = self._last_regular_close
        self._td = trading_day(et_date(start_ms))
        self._new_day_state()

    def push(self, bar: Bar, levels: LevelBar | None = None) -> Snapshot:
        """Add a final bar (with its level prices when it had outlier prints); its snapshot."""
        td = self._td
        start = bar.bar_start_ms
        if (
            td is None
            or start >= td.next_day_ms
            or (start < td.pre_ms and et_date(start) != td.day)
        ):
            self._roll(start)
        if levels is None:
            snap = self._compute(
                bar.bar_start_ms, bar.open, bar.high, bar.low, bar.close, bar.volume
            )
        else:
            snap = self._compute(
                bar.bar_start_ms,
                bar.open,
                bar.high,
                bar.low,
                bar.close,
                bar.volume,
                level=(levels.open, levels.high, levels.low, levels.close),
            )
            td = self._td
            assert td is not None
            offset = (bar.bar_start_ms - td.open_ms) // MINUTE_MS
            session = (
                "regular"
                if snap["regular"]
                else "pre"
                if td.is_session and td.pre_ms <= bar.bar_start_ms < td.open_ms
                else "other"
            )
            self.outliers.extend((o.price, offset, session) for o in levels.outliers)
        self.bars += 1
        return snap

    def peek(
        self, bar_start_ms: int, open_: float, high: float, low: float, close: float, volume: float
    ) -> Snapshot | None:
        """The snapshot a forming bar would have if it closed now; nothing is kept.
        None when the bar belongs to a day the indicators have not started yet."""
        td = self._td
        if td is None or et_date(bar_start_ms) != td.day:
            return None
        return self._compute(bar_start_ms, open_, high, low, close, volume, commit=False)

    def _compute(
        self,
        start_ms: int,
        open_: float,
        high: float,
        low: float,
        close: float,
        volume: float,
        commit: bool = True,
        level: tuple[float, float, float, float] | None = None,
    ) -> Snapshot:
        """The snapshot of a bar; ``level`` = the (open, high, low, close) levels and VWAP
        read instead of the bar's (a minute with outlier prints)."""
        lo_, lh, ll, lc = level if level is not None else (open_, high, low, close)
        td = self._td
        assert td is not None
        session = td.is_session
        regular = session and td.open_ms <= start_ms < td.close_ms
        pre = session and td.pre_ms <= start_ms < td.open_ms
        offset = (start_ms - td.open_ms) // MINUTE_MS
        first_regular = regular and self._last_regular_close is None

        if commit:
            ema9 = self.ema9.push(close)
            ema21 = self.ema21.push(close)
            rsi = self.rsi14.push(close)
        else:
            ema9 = self.ema9.peek(close)
            ema21 = self.ema21.peek(close)
            rsi = self.rsi14.peek(close)

        prior_hod, prior_lod = self.hod, self.lod
        hod, lod, pmh, pml = prior_hod, prior_lod, self.pmh, self.pml
        pv, v = self._pv, self._v
        gap = self.gap_pct
        prev_close = self.prev_close
        rvol: float | None = None
        or_hi = self._or_hi
        or_lo = self._or_lo
        or_done = self._or_done
        if regular:
            tp = (lh + ll + lc) / 3.0
            pv += tp * volume
            v += volume
            hod = lh if hod is None or lh > hod else hod
            lod = ll if lod is None or ll < lod else lod
            if gap is None and self._last_regular_close is None and prev_close:
                gap = (lo_ - prev_close) / prev_close * 100.0
            cum = self._cum + volume
            if offset < MAX_SESSION_MINUTES and len(self._curves) >= self.rvol_min_sessions:
                avg = self._sums[offset] / len(self._curves)
                rvol = cum / avg if avg > 0 else None
            new_hi = list(or_hi)
            new_lo = list(or_lo)
            new_done = list(or_done)
            for i, n in enumerate(OPENING_RANGES):
                if offset < n:
                    hi, lo = new_hi[i], new_lo[i]
                    new_hi[i] = lh if hi is None or lh > hi else hi
                    new_lo[i] = ll if lo is None or ll < lo else lo
                if offset >= n - 1 and new_hi[i] is not None:
                    new_done[i] = True
            or_hi, or_lo, or_done = new_hi, new_lo, new_done
            if commit:
                self._pv, self._v = pv, v
                self.hod, self.lod = hod, lod
                self.gap_pct = gap
                self._last_regular_close = lc
                if offset < MAX_SESSION_MINUTES:
                    curve = self._curve
                    if len(curve) < offset:
                        curve.extend([self._cum] * (offset - len(curve)))
                    curve.append(cum)
                self._cum = cum
                self._or_hi, self._or_lo, self._or_done = or_hi, or_lo, or_done
        elif pre:
            pmh = lh if pmh is None or lh > pmh else pmh
            pml = ll if pml is None or ll < pml else pml
            if commit:
                self.pmh, self.pml = pmh, pml

        vwap = pv / v if v > 0 else None
        or5 = (or_hi[0], or_lo[0]) if or_done[0] else (None, None)
        or15 = (or_hi[1], or_lo[1]) if or_done[1] else (None, None)
        or30 = (or_hi[2], or_lo[2]) if or_done[2] else (None, None)
        return {
            "open": open_,
            "high": high,
            "low": low,
            "close": close,
            "volume": volume,
            "vwap": vwap,
            "ema9": ema9,
            "ema21": ema21,
            "rsi14": rsi,
            "rvol": rvol,
            "hod": hod,
            "lod": lod,
            "prior_hod": prior_hod,
            "prior_lod": prior_lod,
            "orh": or15[0],
            "orl": or15[1],
            "orh5": or5[0],
            "orl5": or5[1],
            "orh15": or15[0],
            "orl15": or15[1],
            "orh30": or30[0],
            "orl30": or30[1],
            "pmh": pmh,
            "pml": pml,
            "prev_close": prev_close,
            "gap_pct": gap,
            "change_pct": (close - prev_close) / prev_close * 100.0 if prev_close else None,
            "minutes_since_open": float(offset) if session else None,
            "regular": 1.0 if regular else 0.0,
            "_day": float(td.day.toordinal()),
            "_first_regular": 1.0 if first_regular else 0.0,
        }
