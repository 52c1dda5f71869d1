"""What the simulated market looks like: symbol profiles, the intraday shape of volume and
volatility, spreads, and the mix of venues, print sizes and conditions (docs/simulator.md,
*Model details*). Pure and compiled with mypyc, like the rest of the model."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import accumulate
from typing import Final, NamedTuple

from spotlight_trader.market.session import (
    ET,
    POST_CLOSE_MIN,
    PRE_OPEN_MIN,
    REGULAR_CLOSE_MIN,
    REGULAR_OPEN_MIN,
    Session,
)

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


# the tickers the simulator offers: the profiled ones plus well-known US stocks and ETFs,
# whose profiles are derived from their names (the market of every one is made up)
_MORE_TICKERS: Final = (
    "AMZN GOOGL GOOG NFLX AVGO ORCL CRM ADBE INTC QCOM MU ARM PLTR SHOP UBER COIN "
    "JPM BAC GS MS V MA PYPL XOM CVX KO PEP WMT COST HD DIS NKE BA CAT JNJ PFE UNH "
    "LLY IWM DIA GLD TLT XLF XLE SMH BRK.B"
)
UNIVERSE: Final[frozenset[str]] = frozenset(KNOWN_PROFILES) | frozenset(_MORE_TICKERS.split())


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def profile_for(symbol: str) -> SymbolProfile:
    """The profile of ``symbol``: a known one, or one derived deterministically from its name."""
    known = KNOWN_PROFILES.get(symbol)
    if known is not None:
        return known
    h = stable_hash(symbol)
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


def session_spread(profile: SymbolProfile, minute: MinuteProfile) -> int:
    """The usual spread of ``profile`` in ``minute``'s session: 3× pre/post, 5× closed."""
    base = profile.spread_cents
    if minute.session == "regular":
        return base
    return base * (3 if minute.session != "closed" else 5)


# ---------------------------------------------------------------- tape details


def _venue_table(venues: tuple[tuple[int, int], ...]) -> tuple[list[int], list[float]]:
    total = sum(w for _, w in venues)
    return [x for x, _ in venues], [c / total for c in accumulate(w for _, w in venues)]


# (exchange ids, cumulative weights) — ids from the Polygon exchange table; 4 = FINRA TRF
# (off-exchange). A print's venue is ``ids[bisect_right(cum, random())]``.
REGULAR_VENUES: Final = _venue_table((
    (4, 33), (12, 16), (11, 8), (8, 7), (10, 6), (19, 6), (21, 6), (15, 3), (20, 3),
    (7, 2), (18, 2), (3, 2), (2, 2), (17, 1), (9, 1), (1, 1), (14, 1),
))  # fmt: skip
EXTENDED_VENUES: Final = _venue_table(((4, 40), (12, 25), (11, 15), (8, 10), (19, 5), (21, 5)))
EXCHANGE_IDS: Final = frozenset(REGULAR_VENUES[0]) | frozenset(EXTENDED_VENUES[0])
TRF: Final = 4

ODD_LOT_P: Final = 0.15  # share of odd-lot prints (size < 100, condition 37)
BLOCK_P: Final = 0.002  # regular-hours block prints (5,000–40,000 shares, TRF)
MIXED_LOT_P: Final = 0.08  # round-lot prints with an odd remainder (e.g. 237)
ISO_P: Final = 0.08  # regular-hours intermarket sweep orders (condition 14)
LOT_TAIL: Final = 1.6  # Pareto tail index of the number of round lots per print
MAX_LOTS: Final = 300
MIN_TRADES_PER_S: Final = 0.2  # floor: nights and weekends still print every few seconds
MAX_TRADES_PER_MIN: Final = 20_000
