"""Domain types. Units are in the names: ``*_ms`` is Unix epoch milliseconds (UTC).

All types are frozen ``msgspec.Struct``s: cheap to build on the hot path, immutable once
made (a final bar can never change), and encodable to JSON without a schema layer.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from spotlight_trader.errors import InputError

MINUTE_MS = 60_000
LOCAL_USER = "local"  # the built-in user of single-user mode (a row in ``users``)
MICRO_MS = 250
SYMBOL_PATTERN = r"^[A-Z][A-Z0-9.\-]{0,9}$"
# what a request may send: ASCII letters of either case (checked *before* upper-casing, so
# "ı" or "ß" never become "I" or "SS")
SYMBOL_INPUT_PATTERN = r"^[A-Za-z][A-Za-z0-9.\-]{0,9}$"
_SYMBOL_INPUT = re.compile(SYMBOL_INPUT_PATTERN)


def normalise_symbol(raw: str) -> str:
    """Check ``raw`` (stripped) looks like a ticker, then upper-case it; :class:`InputError`
    if not."""
    symbol = raw.strip()
    if not _SYMBOL_INPUT.fullmatch(symbol):
        raise InputError(f"not a ticker symbol: {raw[:20]!r}")
    return symbol.upper()


class Trade(msgspec.Struct, frozen=True, gc=False):
    """One print on the consolidated tape. ``ts_ms`` is the SIP (exchange) timestamp."""

    symbol: str
    ts_ms: int
    price: float
    size: float
    conditions: tuple[int, ...] = ()
    exchange: int = 0


class Quote(msgspec.Struct, frozen=True, gc=False):
    """Latest NBBO for a symbol. Sizes are in shares."""

    symbol: str
    ts_ms: int
    bid: float
    ask: float
    bid_size: float
    ask_size: float


class Bar(msgspec.Struct, frozen=True, gc=False):
    """A final 1-minute bar. ``seq = bar_start_ms // 60_000`` for every symbol and source."""

    symbol: str
    seq: int
    bar_start_ms: int
    bar_end_ms: int
    open: float
    high: float
    low: float
    close: float
    volume: float
    trades: int


class Outlier(msgspec.Struct, frozen=True, gc=False):
    """A print the outlier rule kept out of the session levels (it still counts as volume):
    ``reason`` is ``range`` (too far from the recent prints for the typical range) or
    ``nbbo`` (too far outside the quote). See :mod:`spotlight_trader.market.levels`."""

    ts_ms: int
    price: float
    size: float
    reason: Literal["range", "nbbo"]


class LevelBar(msgspec.Struct, frozen=True, gc=False):
    """A final minute as session levels see it: the bar's prices without its outlier prints.

    Only made for minutes that had outliers (every other minute's levels are its bar).
    When every priced print of the minute was an outlier, the prices are the symbol's
    recent reference price (the bar then gives levels its volume only).
    """

    symbol: str
    seq: int
    open: float
    high: float
    low: float
    close: float
    outliers: tuple[Outlier, ...]


class FormingBar(msgspec.Struct, frozen=True, gc=False):
    """Running state of the 1-minute bar that is still forming.

    ``open``..``close`` are ``None`` while only volume-only prints (odd lots, average price,
    ...) have arrived: such prints add volume but may not set a price.
    """

    seq: int
    bar_start_ms: int
    open: float | None
    high: float | None
    low: float | None
    close: float | None
    volume: float
    trades: int


class Microbar(msgspec.Struct, frozen=True, gc=False):
    """A 250 ms bucket plus the forming minute it belongs to."""

    symbol: str
    bucket_start_ms: int
    open: float | None
    high: float | None
    low: float | None
    close: float | None
    volume: float
    trades: int
    minute: FormingBar


def seq_of(ts_ms: int) -> int:
    """The bar sequence number of the minute that contains ``ts_ms``."""
    return ts_ms // MINUTE_MS


Direction = Literal["long", "short", "neutral"]
Frequency = Literal["once", "once_per_bar", "once_per_bar_close", "every_time"]


class Signal(msgspec.Struct, frozen=True):
    """An alert: rule ``rule_id`` at ``version`` fired for ``symbol`` on bar ``seq``.

    ``ts_ms`` is when it fired (the bar's end, or the microbar's end for intrabar rules);
    ``inputs`` are the numbers the rule looked at; ``explanation`` says it in words with
    the New York time of the bar. ``id`` is the database id (0 = not stored, e.g. backtest).
    ``user_id`` is the user whose rule fired (streams deliver a signal to that user only).
    ``key`` is the idempotency key ``user/rule/version/symbol/seq`` (``@ts_ms`` appended
    for ``every_time`` intrabar signals): the store keeps one signal per key, so a
    replay, a restart or a second worker never stores or sends one twice.
    """

    id: int
    rule_id: int
    rule_name: str
    version: int
    symbol: str
    seq: int
    ts_ms: int
    direction: Direction
    inputs: dict[str, float]
    explanation: str
    user_id: str = LOCAL_USER
    key: str = ""
