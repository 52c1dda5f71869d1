"""Which prints may set session levels: the outlier rule (pure, no I/O; compiled).

Bars follow the consolidated update rules (:mod:`.bars`) and stay exactly as they make
them. The *levels* rules read — high/low of day, pre-market high/low, opening ranges, the
gap reference and VWAP — must not be hostage to one stray print, so every price-setting
print the bar builder accepts is also judged here:

* **range** (outside the regular session only): ``|price − ref| > max(k × typical,
  MIN_MOVE × ref)``, where ``ref`` is the median of the symbol's last ``REF_PRINTS``
  price-setting prints (outliers included: a real move is followed from its fourth print)
  and ``typical`` the median high − low (outliers excluded) of the symbol's last
  ``RANGE_MINUTES`` minutes with prints. Judged once ``MIN_REF_PRINTS`` prints and
  ``MIN_RANGES`` minutes are known.
* **nbbo** (any session, when a quote at most ``QUOTE_MAX_AGE_MS`` older than the print is
  known): ``price < bid − t`` or ``price > ask + t`` with ``t = nbbo_bps / 10,000 × mid``.

An outlier still counts as volume, but sets no open, high, low or close for levels. The
filter lives next to the builder because only the builder knows which prints it accepted
for which minute (eligibility, late prints, minute boundaries); it is fed by the builder and
reports, for each final minute that had outliers, a :class:`~spotlight_trader.model.LevelBar`
(minutes without outliers need none: their levels are their bar).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from spotlight_trader.market.session import et_date, et_to_ms, trading_day
from spotlight_trader.model import LevelBar, Outlier, Quote

LevelSink = Callable[[LevelBar], None]

REF_PRINTS: Final = 5
MIN_REF_PRINTS: Final = 3
RANGE_MINUTES: Final = 30
MIN_RANGES: Final = 5
MIN_MOVE: Final = 0.001  # 0.1 % of the price: never an outlier closer than this
QUOTE_MAX_AGE_MS: Final = 5_000

OK: Final = 0
RANGE: Final = 1
NBBO: Final = 2


def median(values: list[float]) -> float:
    """The median of a non-empty list (mean of the middle two for an even count)."""
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    if n % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2.0


def judge(
    price: float,
    ref: float,
    typical: float,
    regular: bool,
    k: float,
    bid: float,
    ask: float,
    nbbo_bps: float,
) -> int:
    """``OK``, ``RANGE`` or ``NBBO`` for one print. ``ref``/``typical`` ≤ 0 mean unknown
    (no range test); ``bid``/``ask`` ≤ 0 mean no usable quote (no NBBO test)."""
    if nbbo_bps > 0 and bid > 0 and ask >= bid:
        tolerance = nbbo_bps / 10_000.0 * (bid + ask) / 2.0
        if price < bid - tolerance or price > ask + tolerance:
            return NBBO
    if not regular and k > 0 and ref > 0 and typical >= 0:
        limit = k * typical
        floor = MIN_MOVE * ref
        if limit < floor:
            limit = floor
        if abs(price - ref) > limit:
            return RANGE
    return OK


@dataclass(slots=True)
class LevelStats:
    """Prints kept out of levels, by reason; read by the metrics collector."""

    range_outliers: int = 0
    nbbo_outliers: int = 0


class SymbolLevels:
    """One symbol's reference prints, typical range and the forming minute's level prices."""

    def __init__(self, rules: LevelFilter, symbol: str) -> None:
        self.rules = rules
        self.symbol = symbol
        self.ref: list[float] = []  # the last REF_PRINTS price-setting prints (a ring)
        self.ref_next = 0
        self.ranges: list[float] = []  # the last RANGE_MINUTES ranges (a ring)
        self.range_next = 0
        self.typical = -1.0  # median of ranges once MIN_RANGES are known, else -1
        self.has_hl = False
        self.has_oc = False
        self.high = 0.0
        self.low = 0.0
        self.open = 0.0
        self.close = 0.0
        self.open_ts = 0
        self.close_ts = 0
        self.outliers: list[Outlier] = []

    def reference(self) -> float:
        """The median of the recent prints, or -1 while fewer than MIN_REF_PRINTS."""
        if len(self.ref) < MIN_REF_PRINTS:
            return -1.0
        return median(self.ref)

    def on_print(
        self,
        ts: int,
        price: float,
        size: float,
        high_low: bool,
        open_close: bool,
        quote: Quote | None,
    ) -> None:
        """Judge a price-setting print the builder accepted for the forming minute."""
        rules = self.rules
        bid = ask = 0.0
        if quote is not None and ts - quote.ts_ms <= QUOTE_MAX_AGE_MS:
            bid = quote.bid
            ask = quote.ask
        regular = rules.regular(ts)
        verdict = OK
        if bid > 0 or not regular:
            # the reference (a median) only where the range test applies: not on the
            # regular session's dense tape, where only a quote can make an outlier
            ref = self.reference() if not regular and rules.k > 0 else -1.0
            verdict = judge(price, ref, self.typical, regular, rules.k, bid, ask, rules.nbbo_bps)
        recent = self.ref
        if len(recent) < REF_PRINTS:
            recent.append(price)
        else:
            recent[self.ref_next] = price
            self.ref_next = (self.ref_next + 1) % REF_PRINTS
        if verdict != OK:
            if verdict == RANGE:
                rules.stats.range_outliers += 1
                self.outliers.append(Outlier(ts, price, size, "range"))
            else:
                rules.stats.nbbo_outliers += 1
                self.outliers.append(Outlier(ts, price, size, "nbbo"))
            return
        if high_low:
            if not self.has_hl:
                self.has_hl = True
                self.high = self.low = price
            elif price > self.high:
                self.high = price
            elif price < self.low:
                self.low = price
        if open_close:
            if not self.has_oc:
                self.has_oc = True
                self.open = self.close = price
                self.open_ts = self.close_ts = ts
            else:
                if ts < self.open_ts:
                    self.open = price
                    self.open_ts = ts
                if ts >= self.close_ts:
                    self.close = price
                    self.close_ts = ts

    def close_minute(self, seq: int, emit: bool) -> None:
        """The forming minute is final (``emit``: the builder made a bar of it): record its
        range and report its level prices when it had outliers; start afresh."""
        if self.has_hl:
            rng = self.high - self.low
            ranges = self.ranges
            if len(ranges) < RANGE_MINUTES:
                ranges.append(rng)
            else:
                ranges[self.range_next] = rng
                self.range_next = (self.range_next + 1) % RANGE_MINUTES
            if len(ranges) >= MIN_RANGES:
                self.typical = median(ranges)
        if emit and self.outliers:
            self.rules.emit(self._level_bar(seq))
        self.discard()

    def _level_bar(self, seq: int) -> LevelBar:
        fallback = self.reference()
        if fallback <= 0:
            fallback = self.outliers[-1].price
        if self.has_hl:
            fallback = min(max(fallback, self.low), self.high)
        open_ = self.open if self.has_oc else fallback
        close = self.close if self.has_oc else fallback
        high = self.high if self.has_hl else max(open_, close)
        low = self.low if self.has_hl else min(open_, close)
        return LevelBar(
            symbol=self.symbol,
            seq=seq,
            open=open_,
            high=max(high, open_, close),
            low=min(low, open_, close),
            close=close,
            outliers=tuple(self.outliers),
        )

    def discard(self) -> None:
        """Forget the forming minute (final, or superseded by a bar from elsewhere)."""
        self.has_hl = self.has_oc = False
        if self.outliers:
            self.outliers = []


class LevelFilter:
    """The outlier rule for every symbol: ``k`` (0 = no range test) and ``nbbo_bps`` (0 =
    no quote test); ``on_levels`` receives the :class:`LevelBar` of each final minute that
    had outliers, before the builder emits its bar."""

    def __init__(self, on_levels: LevelSink, *, k: float = 10.0, nbbo_bps: float = 50.0) -> None:
        if k < 0 or nbbo_bps < 0:
            raise ValueError("outlier k and nbbo_bps must be >= 0")
        self.on_levels = on_levels
        self.k = k
        self.nbbo_bps = nbbo_bps
        self.stats = LevelStats()
        self._symbols: dict[str, SymbolLevels] = {}
        # the New York day of the last print: [day_start, day_end) and its regular session
        self._day_start = 0
        self._day_end = 0
        self._open = 0
        self._close = 0

    def symbol(self, symbol: str) -> SymbolLevels:
        """The state of ``symbol`` (made on first use)."""
        state = self._symbols.get(symbol)
        if state is None:
            state = self._symbols[symbol] = SymbolLevels(self, symbol)
        return state

    def regular(self, ts: int) -> bool:
        """Whether ``ts`` is in a regular session (XNYS calendar)."""
        if not self._day_start <= ts < self._day_end:
            day = et_date(ts)
            td = trading_day(day)
            self._day_start = et_to_ms(day, 0)
            self._day_end = td.next_day_ms
            if td.is_session:
                self._open, self._close = td.open_ms, td.close_ms
            else:
                self._open = self._close = 0
        return self._open <= ts < self._close

    def emit(self, levels: LevelBar) -> None:
        """Hand a minute's level prices to the sink."""
        self.on_levels(levels)
