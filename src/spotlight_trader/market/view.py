"""The read side of the market, as routes, streams and coach tools see it.

Nothing above the market core reads the ingest process's objects (pipeline, builder,
rules engine) directly: it reads a :class:`MarketView`, and changes the watchlist through a
:class:`WatchlistControl`. In one process (``spotlight serve``) both are backed by the
running ingest (:class:`spotlight_trader.runtime.ingest.Ingest`); a stateless API worker
gets implementations that read what the ingest process writes to Redis.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Protocol

import msgspec

from spotlight_trader.market.lifecycle import MarketState
from spotlight_trader.market.reference import SymbolInfo


class SymbolSnapshot(msgspec.Struct, frozen=True):
    """What is known now about one symbol: last price (and when it traded), the prior
    regular-session close, the newest quote, and today's volume (New York day, extended
    hours included) over its final bars up to ``day_volume_seq``."""

    symbol: str
    last: float | None = None
    last_trade_ms: int | None = None
    prev_close: float | None = None
    bid: float | None = None
    ask: float | None = None
    day_volume: float | None = None
    day_volume_seq: int | None = None


class MarketView(Protocol):
    """The market now: watchlist, prices, clocks, lifecycle and indicator snapshots."""

    @property
    def feed_name(self) -> str:
        """The feed's name (``simulated``, ``polygon``, ``replay``, ...)."""
        ...

    def state(self) -> MarketState:
        """The lifecycle state (warming, live, ...)."""
        ...

    def watchlist(self) -> list[str]:
        """The symbols streamed: the union of every user's watchlist."""
        ...

    def clock_ms(self) -> int | None:
        """The feed clock (exchange or replay time), None before the first tick."""
        ...

    def snapshot(self, symbol: str) -> SymbolSnapshot:
        """Prices and quote of ``symbol`` (all None when nothing is known)."""
        ...

    def indicators(self, symbol: str) -> Mapping[str, object] | None:
        """The alert engine's indicator values for ``symbol`` as of its last final bar
        (VWAP, HOD/LOD, RVOL, EMAs, ...), or None when it has none yet."""
        ...

    def history_sessions(self, symbol: str) -> tuple[int, int]:
        """(sessions of history the engine has for ``symbol``, sessions RVOL needs)."""
        ...


class WatchlistControl(Protocol):
    """Each user's watchlist; the feed streams the union of them all
    (:meth:`MarketView.watchlist`), so one user's change never takes a symbol from
    another's stream."""

    async def user_watchlist(self, *, user: str) -> list[str]:
        """``user``'s watchlist, in order."""
        ...

    async def add_symbol(self, symbol: str, *, user: str) -> SymbolInfo:
        """Add a normalised symbol to ``user``'s watchlist (idempotent) and subscribe the
        feed; :class:`~spotlight_trader.errors.InputError` when it is full,
        :class:`~spotlight_trader.errors.UnknownSymbol` when the feed's reference data does
        not list it. Returns what the reference says about it."""
        ...

    async def search_symbols(self, query: str, *, limit: int) -> list[SymbolInfo]:
        """At most ``limit`` tickers of the feed's reference data matching ``query``
        (normalised), best first (see :func:`~spotlight_trader.market.reference.rank_matches`);
        :class:`~spotlight_trader.errors.ReferenceUnavailable` when it cannot be asked. A feed
        without reference data takes any symbol, so it offers ``query`` itself."""
        ...

    async def remove_symbol(self, symbol: str, *, user: str) -> bool:
        """Remove a normalised symbol from ``user``'s watchlist (the feed unsubscribes once
        no watchlist holds it); False if it was not on it."""
        ...


ReplayState = Literal["loading", "playing", "paused", "jumping", "finished"]


class ReplayStatus(msgspec.Struct, frozen=True):
    """Where a replay is: its state, speed (None: as fast as possible), the replay clock,
    rows of the file replayed of all of them, and the target of a jump under way."""

    file: str
    state: ReplayState
    speed: float | None
    clock_ms: int | None
    rows_done: int
    rows_total: int
    percent: float
    jump_to_ms: int | None = None


class ReplayControl(Protocol):
    """Pause, resume, speed and jump of a running replay (``spotlight replay``). Every
    method returns the new status; a change the replay cannot make raises
    :class:`~spotlight_trader.errors.InputError` saying why."""

    def status(self) -> ReplayStatus:
        """The replay now."""
        ...

    def pause(self) -> ReplayStatus:
        """Stop the replay clock (bars so far stay served)."""
        ...

    def resume(self) -> ReplayStatus:
        """Go on from where it paused."""
        ...

    def set_speed(self, speed: float | None) -> ReplayStatus:
        """Replay ``speed`` × real time from now on (None: as fast as possible)."""
        ...

    def jump(self, target_ms: int) -> ReplayStatus:
        """Replay everything before ``target_ms`` as fast as possible, then go on at the
        speed; never backwards (final bars do not change)."""
        ...
