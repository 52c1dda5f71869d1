"""Symbol reference data: which tickers a feed can stream, checked before a symbol joins a
watchlist (Polygon's ticker reference when live, the recorded day's symbols in a replay,
the simulator's universe)."""

from __future__ import annotations

from collections.abc import Iterable
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

    async def search(self, query: str, limit: int) -> list[SymbolInfo]:
        """At most ``limit`` tickers matching ``query`` (normalised), ranked by
        :func:`rank_matches`; :class:`~spotlight_trader.errors.ReferenceUnavailable` when
        the source cannot be asked."""
        ...

    async def lookup(self, symbol: str) -> SymbolInfo:
        """``symbol`` (normalised) if the feed can stream it;
        :class:`~spotlight_trader.errors.UnknownSymbol` with the reason if not,
        :class:`~spotlight_trader.errors.ReferenceUnavailable` when the source cannot be asked."""
        ...


def _rank(query: str, info: SymbolInfo) -> int | None:
    if info.symbol == query:
        return 0
    if info.symbol.startswith(query):
        return 1
    if info.name is not None and query.casefold() in info.name.casefold():
        return 2
    return None


def rank_matches(query: str, infos: Iterable[SymbolInfo], limit: int) -> list[SymbolInfo]:
    """The first ``limit`` of ``infos`` matching ``query``: the exact ticker, then tickers
    starting with it (shortest first), then those whose name contains it (any case);
    within each rank alphabetical, one per ticker."""
    ranked: dict[str, tuple[int, SymbolInfo]] = {}
    for info in infos:
        rank = _rank(query, info)
        if rank is not None and info.symbol not in ranked:
            ranked[info.symbol] = (rank, info)
    order = sorted(ranked.values(), key=lambda r: (r[0], len(r[1].symbol), r[1].symbol))
    return [info for _, info in order[:limit]]
