"""Each user's watchlist, persisted in order. A user who never changed theirs has the
default (``WATCHLIST``); the first change stores the default with the change. What the
feed streams is the union of every user's watchlist and the default
(:meth:`WatchlistRepository.union`)."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from spotlight_trader.errors import InputError
from spotlight_trader.storage.tables import watchlist_items

MAX_WATCHLIST = 200


class WatchlistRepository:
    """Watchlists over one engine; every method is scoped to ``user``, but :meth:`union`."""

    def __init__(self, engine: AsyncEngine, default: Sequence[str]) -> None:
        self.engine = engine
        self.default = list(default)

    async def _stored(self, conn: AsyncConnection, user: str) -> list[str]:
        rows = await conn.execute(
            sa.select(watchlist_items.c.symbol)
            .where(watchlist_items.c.user_id == user)
            .order_by(watchlist_items.c.position)
        )
        return [r[0] for r in rows]

    async def symbols(self, *, user: str) -> list[str]:
        """``user``'s watchlist, in order (the default until they change it)."""
        async with self.engine.connect() as conn:
            return await self._stored(conn, user) or list(self.default)

    async def _store(self, conn: AsyncConnection, user: str, symbols: list[str]) -> None:
        await conn.execute(watchlist_items.delete().where(watchlist_items.c.user_id == user))
        await conn.execute(
            watchlist_items.insert(),
            [{"user_id": user, "symbol": s, "position": i} for i, s in enumerate(symbols)],
        )

    async def add(self, symbol: str, *, user: str) -> bool:
        """Append a (normalised) symbol; False if it was there. :class:`InputError` when the
        watchlist holds :data:`MAX_WATCHLIST` symbols."""
        async with self.engine.begin() as conn:
            current = await self._stored(conn, user) or list(self.default)
            if symbol in current:
                return False
            if len(current) >= MAX_WATCHLIST:
                raise InputError(f"watchlist is full ({MAX_WATCHLIST} symbols)")
            await self._store(conn, user, [*current, symbol])
        return True

    async def remove(self, symbol: str, *, user: str) -> bool:
        """Remove a symbol; False if it was not on ``user``'s watchlist. :class:`InputError`
        for the last one (a watchlist keeps at least one symbol)."""
        async with self.engine.begin() as conn:
            current = await self._stored(conn, user) or list(self.default)
            if symbol not in current:
                return False
            if len(current) == 1:
                raise InputError("symbol: a watchlist keeps at least one symbol")
            await self._store(conn, user, [s for s in current if s != symbol])
        return True

    async def union(self) -> list[str]:
        """The default, then every other symbol on anyone's watchlist (alphabetical)."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                sa.select(watchlist_items.c.symbol).distinct().order_by(watchlist_items.c.symbol)
            )
            stored = [r[0] for r in rows]
        return list(dict.fromkeys([*self.default, *stored]))
