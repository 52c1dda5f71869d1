"""The simulated market's model: pure, seeded, and the same in every process.

Everything here is a function of ``(seed, symbol, minute)``: no clock, no I/O, no state
carried from call to call. A restarted server therefore regenerates exactly the bars an
earlier process produced for the same minutes (no price jump at the seam), and history
costs O(minutes), not O(trades). Three levels (docs/simulator.md):

1. **Day anchors.** The log mid at each New York midnight is an AR(1) sum of per-day
   shocks drawn from a hash of ``(seed, symbol, day)`` (half-life three days around the
   symbol's reference price; weekends move little).
2. **The day's path.** Within a New York day the log mid is a Brownian bridge from that
   midnight's anchor to the next one, in "variance time": each minute's variance is the
   intraday shape (session, U-curve) times a stochastic volatility (log-AR(1), spells of
   tens of minutes). Each minute gets a :class:`MinutePlan`: trade count, open, high,
   low, close (the extremes from the bridge-maximum distribution) and volume.
3. **The tape.** :meth:`SymbolSimulator.trades` realises a minute's plan as prints whose
   consolidated-rule bar is exactly the plan: the first and last price-setting prints are
   the open and close, two of them hit the high and low, odd lots and sizes add up to the
   planned volume. :meth:`SymbolSimulator.bars` returns the plans as final bars without
   making a single print, which is how history goes into the ring.
"""

from __future__ import annotations

import hashlib
import math
import random
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from statistics import NormalDist
from typing import Final, NamedTuple

from spotlight_trader.market.conditions import FORM_T, ISO, ODD_LOT
from spotlight_trader.market.session import (
    ET,
    POST_CLOSE_MIN,
    PRE_OPEN_MIN,
    REGULAR_CLOSE_MIN,
    REGULAR_OPEN_MIN,
    Session,
)
from spotlight_trader.model import MINUTE_MS, Bar, Quote, Trade

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
TRF: Final = 4

ODD_LOT_P: Final = 0.15  # share of odd-lot prints (size < 100, condition 37)
BLOCK_P: Final = 0.002  # regular-hours block prints (5,000–40,000 shares, TRF)
MIXED_LOT_P: Final = 0.08  # round-lot prints with an odd remainder (e.g. 237)
ISO_P: Final = 0.08  # regular-hours intermarket sweep orders (condition 14)
LOT_TAIL: Final = 1.6  # Pareto tail index of the number of round lots per print
MAX_LOTS: Final = 300
LOT_SAMPLES: Final = 4  # Pareto draws a minute plan scales up to estimate its round lots
MIN_TRADES_PER_S: Final = 0.2  # floor: nights and weekends still print every few seconds
MAX_TRADES_PER_MIN: Final = 20_000

ANCHOR_HALF_LIFE_DAYS: Final = 3.0
ANCHOR_PHI: Final = 0.5 ** (1.0 / ANCHOR_HALF_LIFE_DAYS)
ANCHOR_TERMS: Final = 30  # phi**30 ≈ 0.001: older shocks no longer matter
WEEKEND_SHOCK: Final = 0.2  # a weekend day moves a fifth of a weekday
VOL_SPELL_MIN: Final = 30.0  # e-folding time of the stochastic volatility, minutes
VOL_OF_VOL: Final = 0.35  # stationary sd of log volatility
_VOL_RHO: Final = math.exp(-1.0 / VOL_SPELL_MIN)
_VOL_INNOV: Final = VOL_OF_VOL * math.sqrt(1.0 - _VOL_RHO * _VOL_RHO)
_NORMAL: Final = NormalDist()


class MinutePlan(NamedTuple):
    """Everything one minute's tape must add up to. Prices in whole cents."""

    seq: int
    trades: int  # every print that counts (price-setting + odd lots)
    odd_lots: int
    open_c: int
    high_c: int
    low_c: int
    close_c: int
    volume: int
    spread_c: int
    round_lots: int  # lots of the plain round-lot prints
    mixed: int  # plain prints with an odd remainder
    mixed_shares: int  # the remainders' shares
    odd_shares: int
    blocks: tuple[int, ...]  # block print sizes (regular hours)

    def bar(self, symbol: str) -> Bar:
        """The final bar the consolidated rules make of this minute's tape."""
        return Bar(
            symbol=symbol,
            seq=self.seq,
            bar_start_ms=self.seq * MINUTE_MS,
            bar_end_ms=(self.seq + 1) * MINUTE_MS,
            open=self.open_c / 100.0,
            high=self.high_c / 100.0,
            low=self.low_c / 100.0,
            close=self.close_c / 100.0,
            volume=float(self.volume),
            trades=self.trades,
        )


def _rng(seed: int, symbol: str, *parts: object) -> random.Random:
    return random.Random(":".join(("spotlight-sim", str(seed), symbol, *map(str, parts))))


def _gauss(seed: int, symbol: str, *parts: object) -> float:
    """A standard normal value from a hash (cheap, for the per-day shocks)."""
    text = ":".join(("spotlight-sim-shock", str(seed), symbol, *map(str, parts)))
    u = (_stable_hash(text) + 0.5) / 2.0**64
    return _NORMAL.inv_cdf(u)


def _poisson(rng: random.Random, lam: float) -> int:
    if lam < 30.0:
        limit = math.exp(-lam)
        k = 0
        p = rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        return k
    return max(0, round(lam + math.sqrt(lam) * rng.gauss(0.0, 1.0)))


def _binomial(rng: random.Random, n: int, p: float) -> int:
    if n <= 0:
        return 0
    if n * p < 8.0 or n * (1.0 - p) < 8.0:
        if n <= 12:
            return sum(1 for _ in range(n) if rng.random() < p)
        return min(n, _poisson(rng, n * p))
    sd = math.sqrt(n * p * (1.0 - p))
    return min(n, max(0, round(n * p + sd * rng.gauss(0.0, 1.0))))


def _sum_of_uniform(rng: random.Random, count: int, lo: int, hi: int, exact_upto: int = 8) -> int:
    """The sum of ``count`` draws from ``lo..hi`` (normal approximation for many draws)."""
    if count <= exact_upto:
        return sum(rng.randint(lo, hi) for _ in range(count))
    mean = (lo + hi) / 2.0
    var = ((hi - lo + 1) ** 2 - 1) / 12.0
    total = round(count * mean + math.sqrt(count * var) * rng.gauss(0.0, 1.0))
    return min(count * hi, max(count * lo, total))


def _odd_lot_size(rng: random.Random) -> int:
    r = rng.random()
    return 1 + int(99.0 * r * r)


def _lots(rng: random.Random) -> int:
    return min(MAX_LOTS, int(rng.paretovariate(LOT_TAIL)))


def split(total: int, weights: list[float], lo: int, hi: int) -> list[int]:
    """``len(weights)`` integers in ``lo..hi`` that add up to ``total``, each above ``lo``
    in proportion to its weight (zero weights stay at ``lo`` unless nothing else can take
    the rest). Needs ``len * lo <= total <= len * hi``."""
    count = len(weights)
    out = [lo] * count
    rest = total - count * lo
    if rest <= 0:
        return out
    room = hi - lo
    weight = sum(weights)
    if weight > 0:
        for i, w in enumerate(weights):
            add = min(room, int(rest * w / weight))
            out[i] += add
        rest = total - sum(out)
    order = sorted(range(count), key=lambda i: -weights[i])
    while rest > 0:
        for i in order:
            add = min(hi - out[i], rest)
            out[i] += add
            rest -= add
            if rest == 0:
                break
    return out


# ---------------------------------------------------------------- the simulator


_DAY_CACHE_SIZE: Final = 48
_TAPE_CACHE_SIZE: Final = 4


def _day_bounds(day: date) -> tuple[int, int]:
    """First and one-past-last minute seq of a New York calendar day."""
    start = datetime(day.year, day.month, day.day, tzinfo=ET)
    nxt = (start + timedelta(days=1)).date()
    end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=ET)
    return int(start.timestamp()) // 60, int(end.timestamp()) // 60


@lru_cache(maxsize=4_096)
def _day_of_seq(seq: int) -> date:
    return datetime.fromtimestamp(seq * 60, tz=ET).date()


class SymbolSimulator:
    """One symbol's seeded market: bars (:meth:`bars`), prints (:meth:`trades`) and quotes
    (:meth:`quote`) for any minute, each a pure function of ``(seed, symbol, minute)``."""

    def __init__(self, symbol: str, *, seed: int, profile: SymbolProfile | None = None) -> None:
        self.symbol = symbol
        self.seed = seed
        self.profile = p = profile if profile is not None else profile_for(symbol)
        self._x0 = math.log(p.price * 100.0)  # log mid in cents
        self._daily_sigma = p.annual_vol / math.sqrt(252.0)
        self._minute_sigma = self._daily_sigma / math.sqrt(390.0)
        self._days: OrderedDict[date, dict[int, MinutePlan]] = OrderedDict()
        self._tapes: OrderedDict[int, list[Trade]] = OrderedDict()

    # ------------------------------------------------------------ public

    def plan(self, seq: int) -> MinutePlan | None:
        """The plan of minute ``seq`` (None when no print falls in it)."""
        return self._day(_day_of_seq(seq)).get(seq)

    def bars(self, from_seq: int, to_seq: int) -> list[Bar]:
        """Final bars of the minutes ``from_seq <= seq < to_seq``, oldest first."""
        out: list[Bar] = []
        seq = from_seq
        while seq < to_seq:
            day = _day_of_seq(seq)
            plans = self._day(day)
            end = min(to_seq, _day_bounds(day)[1])
            symbol = self.symbol
            out.extend(plans[s].bar(symbol) for s in range(seq, end) if s in plans)
            seq = end
        return out

    def trades(self, start_ms: int, end_ms: int) -> list[Trade]:
        """Prints with ``start_ms <= ts_ms < end_ms``, in time order."""
        out: list[Trade] = []
        for seq in range(start_ms // MINUTE_MS, (end_ms - 1) // MINUTE_MS + 1):
            tape = self._tape(seq)
            if not tape:
                continue
            if start_ms <= seq * MINUTE_MS and (seq + 1) * MINUTE_MS <= end_ms:
                out.extend(tape)
            else:
                out.extend(t for t in tape if start_ms <= t.ts_ms < end_ms)
        return out

    def quote(self, ts_ms: int) -> Quote:
        """The NBBO at ``ts_ms``: around the newest print before it, with the session's
        spread (sometimes a cent wider) and sizes from a hash of the instant."""
        seq = ts_ms // MINUTE_MS
        price_c = None
        for s in (seq, seq - 1):
            before = [t for t in self._tape(s) if t.ts_ms < ts_ms and ODD_LOT not in t.conditions]
            if before:
                price_c = round(before[-1].price * 100)
                break
        plan = self.plan(seq) or self.plan(seq - 1)
        if price_c is None:
            price_c = plan.close_c if plan is not None else max(1, round(math.exp(self._x0)))
        h = _stable_hash(f"quote:{self.seed}:{self.symbol}:{ts_ms}")
        spread = self._spread(minute_profile(seq)) + (1 if h % 10 < 3 else 0)
        bid_c = max(1, price_c - spread // 2 - (h >> 8) % 2)
        lots = 30 if minute_profile(seq).session == "regular" else 5
        return Quote(
            symbol=self.symbol,
            ts_ms=ts_ms,
            bid=bid_c / 100.0,
            ask=(bid_c + spread) / 100.0,
            bid_size=float(((h >> 16) % lots + 1) * 100),
            ask_size=float(((h >> 32) % lots + 1) * 100),
        )

    # ------------------------------------------------------------ levels 1 and 2

    def _anchor(self, day: date) -> float:
        """Log mid (cents) at the New York midnight that starts ``day``."""
        acc = 0.0
        weight = 1.0
        for j in range(1, ANCHOR_TERMS + 1):
            d = day - timedelta(days=j)
            scale = WEEKEND_SHOCK if d.weekday() >= 5 else 1.0
            acc += weight * scale * _gauss(self.seed, self.symbol, "day", d.toordinal())
            weight *= ANCHOR_PHI
        return self._x0 + self._daily_sigma * acc

    def _spread(self, prof: MinuteProfile) -> int:
        base = self.profile.spread_cents
        if prof.session == "regular":
            return base
        return base * (3 if prof.session != "closed" else 5)

    def _day(self, day: date) -> dict[int, MinutePlan]:
        cached = self._days.get(day)
        if cached is not None:
            self._days.move_to_end(day)
            return cached
        plans = self._plan_day(day)
        self._days[day] = plans
        if len(self._days) > _DAY_CACHE_SIZE:
            self._days.popitem(last=False)
        return plans

    def _plan_day(self, day: date) -> dict[int, MinutePlan]:
        first, end = _day_bounds(day)
        n = end - first
        rng = _rng(self.seed, self.symbol, "day", day.toordinal())
        gauss = rng.gauss
        profiles = [minute_profile(first + i) for i in range(n)]
        # stochastic volatility (log-AR(1)) and each minute's variance
        a = VOL_OF_VOL * gauss(0.0, 1.0)
        h: list[float] = []
        var: list[float] = []
        base = self._minute_sigma * self._minute_sigma
        for prof in profiles:
            hi = math.exp(a - 0.5 * VOL_OF_VOL * VOL_OF_VOL)
            h.append(hi)
            var.append(base * prof.vol * prof.vol * hi)
            a = _VOL_RHO * a + _VOL_INNOV * gauss(0.0, 1.0)
        remaining = list(accumulate(reversed(var)))[::-1]
        # Brownian bridge in variance time from this midnight's anchor to the next
        x = self._anchor(day)
        target = self._anchor(day + timedelta(days=1))
        path = [x]
        for i in range(n):
            v, r = var[i], remaining[i]
            x += (target - x) * v / r + math.sqrt(max(0.0, v * (r - v) / r)) * gauss(0.0, 1.0)
            path.append(x)
        plans: dict[int, MinutePlan] = {}
        for i, prof in enumerate(profiles):
            plan = self._plan_minute(rng, first + i, prof, path[i], path[i + 1], var[i], h[i])
            if plan is not None:
                plans[plan.seq] = plan
        return plans

    def _plan_minute(
        self,
        rng: random.Random,
        seq: int,
        prof: MinuteProfile,
        x_open: float,
        x_close: float,
        var: float,
        h: float,
    ) -> MinutePlan | None:
        p = self.profile
        activity = min(1.6, max(0.7, math.sqrt(math.sqrt(h))))
        noise = rng.lognormvariate(0.0, 0.3)
        per_s = max(MIN_TRADES_PER_S, p.trades_per_s * prof.volume * activity * noise)
        n = min(MAX_TRADES_PER_MIN, _poisson(rng, per_s * 60.0))
        if n == 0:
            return None
        odd = _binomial(rng, n - 1, ODD_LOT_P)
        priced = n - odd
        regular = prof.session == "regular"
        spread = self._spread(prof)
        # prices: bid or ask around the mid at the open and close; extremes of the bridge
        mid_o = math.exp(x_open)
        mid_c = math.exp(x_close)
        sigma2 = var * mid_o * mid_o * priced / (priced + 2.0)

        half = spread / 2.0
        open_c = max(1, int(mid_o - half)) + (spread if rng.random() < 0.5 else 0)
        close_c = max(1, int(mid_c - half)) + (spread if rng.random() < 0.5 else 0)
        gap = (mid_c - mid_o) ** 2
        hi_mid = (mid_o + mid_c + math.sqrt(gap - 2.0 * sigma2 * math.log(1.0 - rng.random()))) / 2
        lo_mid = (mid_o + mid_c - math.sqrt(gap - 2.0 * sigma2 * math.log(1.0 - rng.random()))) / 2
        high_c = max(open_c, close_c, max(1, int(hi_mid - half)) + spread)
        low_c = min(open_c, close_c, max(1, int(lo_mid - half)))
        if priced == 1:
            close_c = high_c = low_c = open_c
        elif priced == 2:
            high_c, low_c = max(open_c, close_c), min(open_c, close_c)
        elif priced == 3:  # one interior print: it can reach one extreme, not both
            if rng.random() < 0.5:
                high_c = max(open_c, close_c)
            else:
                low_c = min(open_c, close_c)
        # sizes
        blocks = tuple(
            100 * rng.randint(50, 400)
            for _ in range(_binomial(rng, priced, BLOCK_P) if regular else 0)
        )
        plain = priced - len(blocks)
        if plain:
            k = min(plain, LOT_SAMPLES)
            extra = sum(_lots(rng) - 1 for _ in range(k))
            round_lots = plain + round(extra * plain / k)
        else:
            round_lots = 0
        mixed = _binomial(rng, plain, MIXED_LOT_P)
        mixed_shares = _sum_of_uniform(rng, mixed, 1, 99)
        odd_shares = (
            sum(_odd_lot_size(rng) for _ in range(odd))
            if odd <= 8
            else (
                min(
                    99 * odd,
                    max(odd, round(odd * 34.0 + math.sqrt(odd) * 29.0 * rng.gauss(0.0, 1.0))),
                )
            )
        )
        volume = 100 * round_lots + mixed_shares + odd_shares + sum(blocks)
        return MinutePlan(
            seq=seq,
            trades=n,
            odd_lots=odd,
            open_c=open_c,
            high_c=high_c,
            low_c=low_c,
            close_c=close_c,
            volume=volume,
            spread_c=spread,
            round_lots=round_lots,
            mixed=mixed,
            mixed_shares=mixed_shares,
            odd_shares=odd_shares,
            blocks=blocks,
        )

    # ------------------------------------------------------------ level 3

    def _tape(self, seq: int) -> list[Trade]:
        cached = self._tapes.get(seq)
        if cached is not None:
            return cached
        plan = self.plan(seq)
        tape = self._realise(plan) if plan is not None else []
        self._tapes[seq] = tape
        if len(self._tapes) > _TAPE_CACHE_SIZE:
            self._tapes.popitem(last=False)
        return tape

    def _realise(self, plan: MinutePlan) -> list[Trade]:
        """The prints of one minute whose consolidated bar is exactly ``plan``."""
        rng = _rng(self.seed, self.symbol, "tape", plan.seq)
        n = plan.trades
        start = plan.seq * MINUTE_MS
        times = sorted(rng.sample(range(MINUTE_MS), n))
        odd = set(rng.sample(range(n), plan.odd_lots)) if plan.odd_lots else set()
        priced = [i for i in range(n) if i not in odd]
        m = len(priced)
        o, hi, lo, c = plan.open_c, plan.high_c, plan.low_c, plan.close_c
        # prices of the price-setting prints: open, close, one high and one low inside
        price: dict[int, int] = {priced[0]: o, priced[-1]: c}
        interior = priced[1:-1]
        rng.shuffle(interior)
        if hi > max(o, c):
            price[interior.pop()] = hi
        if lo < min(o, c):
            price[interior.pop()] = lo
        spread = plan.spread_c
        for k, i in enumerate(priced):
            if i not in price:
                drift = o + (c - o) * k / max(1, m - 1)
                noise = rng.gauss(0.0, max(1.0, (hi - lo) / 4.0))
                price[i] = min(hi, max(lo, round(drift + noise)))
        # sizes: blocks, plain round lots (+ mixed remainders), odd lots
        plain = list(priced)
        rng.shuffle(plain)
        block_at = {plain.pop(): size for size in plan.blocks}
        lots = split(plan.round_lots, [float(_lots(rng) - 1) for _ in plain], 1, 10**9)
        size = {i: 100 * lot for i, lot in zip(plain, lots, strict=True)}
        if plan.mixed:
            remainders = split(plan.mixed_shares, [rng.random() for _ in range(plan.mixed)], 1, 99)
            for i, extra in zip(rng.sample(plain, plan.mixed), remainders, strict=True):
                size[i] += extra
        size.update(block_at)
        odd_order = sorted(odd)
        if odd_order:
            odd_sizes = split(plan.odd_shares, [rng.random() for _ in odd_order], 1, 99)
            size.update(zip(odd_order, odd_sizes, strict=True))
        # conditions, venues, odd-lot prices
        regular = minute_profile(plan.seq).session == "regular"
        ids, cum = (_REG_IDS, _REG_CUM) if regular else (_EXT_IDS, _EXT_CUM)
        symbol = self.symbol
        out: list[Trade] = []
        last = o
        for i in range(n):
            if i in odd:
                p_c = min(hi, max(lo, last + rng.randint(-spread, spread)))
                conditions: tuple[int, ...] = (ODD_LOT,) if regular else (FORM_T, ODD_LOT)
            else:
                p_c = last = price[i]
                if not regular:
                    conditions = (FORM_T,)
                elif i not in block_at and rng.random() < ISO_P:
                    conditions = (ISO,)
                else:
                    conditions = ()
            exchange = TRF if i in block_at else ids[bisect_right(cum, rng.random())]
            out.append(
                Trade(
                    symbol=symbol,
                    ts_ms=start + times[i],
                    price=p_c / 100.0,
                    size=float(size[i]),
                    conditions=conditions,
                    exchange=exchange,
                )
            )
        return out


def generate_trades(symbol: str, start_ms: int, end_ms: int, *, seed: int = 7) -> list[Trade]:
    """All prints of ``symbol`` in ``[start_ms, end_ms)``."""
    return SymbolSimulator(symbol, seed=seed).trades(start_ms, end_ms)
