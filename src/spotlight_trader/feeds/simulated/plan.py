"""Levels 1 and 2 of the simulated market: day anchors, the day's path and minute plans.

* **Day anchors.** The log mid at each New York midnight is an AR(1) sum of per-day shocks
  drawn from a hash of ``(seed, symbol, day)`` (half-life three days around the symbol's
  reference price; weekends move little).
* **The day's path.** Within a New York day the log mid is a Brownian bridge from that
  midnight's anchor to the next one, in "variance time": each minute's variance is the
  intraday shape (session, U-curve) times a stochastic volatility (log-AR(1), spells of
  tens of minutes). Each minute gets a :class:`MinutePlan`: trade count, open, high, low,
  close (the extremes from the bridge-maximum distribution) and volume.

Pure and compiled with mypyc (docs/simulator.md).
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from statistics import NormalDist
from typing import Final, NamedTuple

from spotlight_trader.feeds.simulated.shape import (
    BLOCK_P,
    LOT_TAIL,
    MAX_LOTS,
    MAX_TRADES_PER_MIN,
    MIN_TRADES_PER_S,
    MIXED_LOT_P,
    ODD_LOT_P,
    MinuteProfile,
    SymbolProfile,
    minute_profile,
    session_spread,
    stable_hash,
)
from spotlight_trader.market.session import ET
from spotlight_trader.model import MINUTE_MS, Bar

LOT_SAMPLES: Final = 4  # Pareto draws a minute plan scales up to estimate its round lots
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


# ---------------------------------------------------------------- random helpers


def rng_for(seed: int, symbol: str, *parts: object) -> random.Random:
    """A random stream that depends only on ``(seed, symbol, *parts)``."""
    return random.Random(":".join(("spotlight-sim", str(seed), symbol, *map(str, parts))))


def _gauss(seed: int, symbol: str, *parts: object) -> float:
    """A standard normal value from a hash (cheap, for the per-day shocks)."""
    text = ":".join(("spotlight-sim-shock", str(seed), symbol, *map(str, parts)))
    u = (stable_hash(text) + 0.5) / 2.0**64
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


def draw_lots(rng: random.Random) -> int:
    """The round lots of one print: Pareto tail, at most ``MAX_LOTS``."""
    return min(MAX_LOTS, int(rng.paretovariate(LOT_TAIL)))


# ---------------------------------------------------------------- days


def day_bounds(day: date) -> tuple[int, int]:
    """First and one-past-last minute seq of a New York calendar day."""
    start = datetime(day.year, day.month, day.day, tzinfo=ET)
    nxt = (start + timedelta(days=1)).date()
    end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=ET)
    return int(start.timestamp()) // 60, int(end.timestamp()) // 60


@lru_cache(maxsize=4_096)
def day_of_seq(seq: int) -> date:
    """The New York calendar day of the minute ``seq``."""
    return datetime.fromtimestamp(seq * 60, tz=ET).date()


class DayPlanner:
    """One symbol's day anchors and the minute plans of any New York day (no cache)."""

    def __init__(self, symbol: str, seed: int, profile: SymbolProfile) -> None:
        self.symbol = symbol
        self.seed = seed
        self.profile = profile
        self.x0 = math.log(profile.price * 100.0)  # log mid in cents
        self._daily_sigma = profile.annual_vol / math.sqrt(252.0)
        self._minute_sigma = self._daily_sigma / math.sqrt(390.0)

    def anchor(self, day: date) -> float:
        """Log mid (cents) at the New York midnight that starts ``day``."""
        acc = 0.0
        weight = 1.0
        for j in range(1, ANCHOR_TERMS + 1):
            d = day - timedelta(days=j)
            scale = WEEKEND_SHOCK if d.weekday() >= 5 else 1.0
            acc += weight * scale * _gauss(self.seed, self.symbol, "day", d.toordinal())
            weight *= ANCHOR_PHI
        return self.x0 + self._daily_sigma * acc

    def plan_day(self, day: date) -> dict[int, MinutePlan]:
        """The plans of ``day``'s minutes by seq (minutes without a print are absent)."""
        first, end = day_bounds(day)
        n = end - first
        rng = rng_for(self.seed, self.symbol, "day", day.toordinal())
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
        x = self.anchor(day)
        target = self.anchor(day + timedelta(days=1))
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
        spread = session_spread(p, prof)
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
            extra = sum(draw_lots(rng) - 1 for _ in range(k))
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
