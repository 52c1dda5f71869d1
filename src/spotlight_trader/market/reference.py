"""Symbol reference data: which tickers a feed can stream, checked before a symbol joins a
watchlist (Polygon's ticker reference when live, the recorded day's symbols in a replay,
the simulator's universe)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import msgspec


class SymbolInfo(msgspec.Struct, frozen=True):
    """A ticker the feed knows: its name when the source has one, and whether its market is
    simulated (made up by the simulator, not a real quote)."""

    symbol: str
    name: str | None = None
    simulated: bool = False


@runtime_checkable
class SymbolReference(Protocol):
    """A feed's reference data (feeds implement it next to their ``Feed`` methods).
    ``backfills``: a symbol added while the feed runs gets its history loaded into the
    ring (so adding one waits for it)."""

    backfills: bool

    async def lookup(self, symbol: str) -> SymbolInfo:
        """``symbol`` (normalised) if the feed can stream it;
        :class:`~spotlight_trader.errors.UnknownSymbol` with the reason if not,
        :class:`~spotlight_trader.errors.ReferenceUnavailable` when the source cannot be asked."""
        ...
