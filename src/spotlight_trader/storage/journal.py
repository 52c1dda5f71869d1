"""Journal fills and trades of one user: imports (all or nothing, idempotent), fills
entered by hand, and round trips with their stop and tags. Every method takes
``user=``; nothing crosses users."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.journal.executions import Execution, Side
from spotlight_trader.journal.trips import RoundTrip, group_round_trips, r_multiple
from spotlight_trader.storage.tables import journal_executions, journal_imports, journal_trade_meta

CHUNK = 2_000  # rows per INSERT statement


class ImportMeta(msgspec.Struct, frozen=True):
    """Where a batch of fills came from."""

    format: str
    tz: str
    filename: str
    sha256: str
    rows: int
    account: str | None = None


class ImportResult(msgspec.Struct, frozen=True):
    """What an import stored: ``import_id`` is None when every fill was already there."""

    import_id: int | None
    added: int
    already_stored: int


class StoredTrip(msgspec.Struct, frozen=True):
    """A round trip as the journal shows it: ``id`` is its first entry fill's row id."""

    id: int
    trip: RoundTrip
    stop: Decimal | None
    tags: list[str]
    r_multiple: Decimal | None
    execution_ids: list[int]


def _execution(row: sa.Row[Any]) -> Execution:
    return Execution(
        account=row.account,
        symbol=row.symbol,
        ts_ms=int(row.ts_ms),
        side=cast(Side, row.side),
        quantity=row.quantity,
        price=row.price,
        commission=row.commission,
        fees=row.fees,
        key=row.key,
        exec_id=row.exec_id,
    )


class JournalRepository:
    """Fills, imports and trade metadata over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def store_fills(
        self, fills: Sequence[Execution], *, user: str, meta: ImportMeta | None, now_ms: int
    ) -> ImportResult:
        """Store the fills not stored yet (by account and key), in one transaction;
        ``meta`` None = entered by hand. Storing the same fills again changes nothing."""
        async with self.engine.begin() as conn:
            accounts = sorted({f.account for f in fills})
            known: set[tuple[str, str]] = set()
            if accounts:
                rows = await conn.execute(
                    sa.select(journal_executions.c.account, journal_executions.c.key).where(
                        journal_executions.c.user_id == user,
                        journal_executions.c.account.in_(accounts),
                    )
                )
                known = {(r.account, r.key) for r in rows}
            fresh = [f for f in fills if (f.account, f.key) not in known]
            if not fresh:
                return ImportResult(None, 0, len(fills))
            import_id = None
            if meta is not None:
                result = await conn.execute(
                    journal_imports.insert().values(
                        user_id=user,
                        account=meta.account,
                        format=meta.format,
                        tz=meta.tz,
                        filename=meta.filename[:255],
                        sha256=meta.sha256,
                        rows=meta.rows,
                        added=len(fresh),
                        created_at_ms=now_ms,
                    )
                )
                import_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            values = [
                {
                    "user_id": user,
                    "account": f.account,
                    "key": f.key,
                    "symbol": f.symbol,
                    "ts_ms": f.ts_ms,
                    "side": f.side,
                    "quantity": f.quantity,
                    "price": f.price,
                    "commission": f.commission,
                    "fees": f.fees,
                    "exec_id": f.exec_id,
                    "import_id": import_id,
                    "created_at_ms": now_ms,
                }
                for f in fresh
            ]
            for start in range(0, len(values), CHUNK):
                await conn.execute(journal_executions.insert(), values[start : start + CHUNK])
        return ImportResult(import_id, len(fresh), len(fills) - len(fresh))

    async def add_manual(
        self, fills: Sequence[Execution], *, user: str, now_ms: int
    ) -> ImportResult:
        """Fills entered by hand: always new fills (key ``m:<random id>``)."""
        keyed = [msgspec.structs.replace(f, key=f"m:{uuid.uuid4().hex}") for f in fills]
        return await self.store_fills(keyed, user=user, meta=None, now_ms=now_ms)

    async def fills(
        self, *, user: str, account: str | None = None, symbol: str | None = None
    ) -> list[tuple[int, Execution]]:
        """``user``'s fills (row id, fill) in time order, optionally of one book."""
        query = sa.select(journal_executions).where(journal_executions.c.user_id == user)
        if account is not None:
            query = query.where(journal_executions.c.account == account)
        if symbol is not None:
            query = query.where(journal_executions.c.symbol == symbol)
        query = query.order_by(journal_executions.c.ts_ms, journal_executions.c.id)
        async with self.engine.connect() as conn:
            return [(int(r.id), _execution(r)) for r in await conn.execute(query)]

    async def trips(
        self, *, user: str, account: str | None = None, symbol: str | None = None
    ) -> list[StoredTrip]:
        """``user``'s round trips (grouped over every stored fill of each book), with the
        stop, tags and R-multiple the trader gave them."""
        rows = await self.fills(user=user, account=account, symbol=symbol)
        ids = {(e.account, e.key): i for i, e in rows}
        async with self.engine.connect() as conn:
            meta = {
                int(r.execution_id): (r.stop, list(r.tags or []))
                for r in await conn.execute(
                    sa.select(journal_trade_meta).where(journal_trade_meta.c.user_id == user)
                )
            }
        stored = []
        for trip in group_round_trips(e for _, e in rows):
            trip_id = ids[(trip.account, trip.id)]
            stop, tags = meta.get(trip_id, (None, []))
            stored.append(
                StoredTrip(
                    id=trip_id,
                    trip=trip,
                    stop=stop,
                    tags=tags,
                    r_multiple=r_multiple(trip, stop),
                    execution_ids=list(
                        dict.fromkeys(ids[(trip.account, g.key)] for g in trip.legs)
                    ),
                )
            )
        return stored

    async def set_trade_meta(
        self, trade_id: int, *, user: str, stop: Decimal | None, tags: list[str], now_ms: int
    ) -> None:
        """Set a trade's initial stop and tags (``trade_id``: its first fill's row id)."""
        async with self.engine.begin() as conn:
            await conn.execute(
                journal_trade_meta.delete().where(
                    journal_trade_meta.c.user_id == user,
                    journal_trade_meta.c.execution_id == trade_id,
                )
            )
            await conn.execute(
                journal_trade_meta.insert().values(
                    user_id=user, execution_id=trade_id, stop=stop, tags=tags, updated_at_ms=now_ms
                )
            )

    async def imports(self, *, user: str, limit: int = 100) -> list[dict[str, Any]]:
        """``user``'s imports, newest first."""
        query = (
            sa.select(journal_imports)
            .where(journal_imports.c.user_id == user)
            .order_by(journal_imports.c.id.desc())
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            return [dict(r._mapping) for r in await conn.execute(query)]
