"""Stored signals: the engine inserts them (:class:`~spotlight_trader.rules.engine.SignalSink`),
users list them, streams resume from them. Ids increase in the order signals are stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.model import Direction, Signal
from spotlight_trader.storage.tables import signals


def _signal(row: sa.Row[Any]) -> Signal:
    return Signal(
        id=int(row.id),
        rule_id=int(row.rule_id),
        rule_name=row.rule_name,
        version=int(row.version),
        symbol=row.symbol,
        seq=int(row.seq),
        ts_ms=int(row.ts_ms),
        direction=cast(Direction, row.direction),
        inputs={k: float(v) for k, v in (row.inputs or {}).items()},
        explanation=row.explanation,
        user_id=row.user_id,
    )


class SignalRepository:
    """Signals over one engine; reads are scoped to one user."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def insert_signals(self, drafts: Sequence[Signal]) -> list[Signal]:
        """Store signals (in order, each for its ``user_id``); the same signals with their
        database ids."""
        if not drafts:
            return []
        stored: list[Signal] = []
        async with self.engine.begin() as conn:
            for s in drafts:  # one statement each: ids are then assigned in this order
                result = await conn.execute(
                    signals.insert().values(
                        user_id=s.user_id,
                        rule_id=s.rule_id,
                        version=s.version,
                        rule_name=s.rule_name,
                        symbol=s.symbol,
                        seq=s.seq,
                        ts_ms=s.ts_ms,
                        direction=s.direction,
                        inputs=s.inputs,
                        explanation=s.explanation,
                    )
                )
                new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
                stored.append(msgspec.structs.replace(s, id=new_id))
        return stored

    async def list_signals(
        self,
        *,
        user: str,
        symbol: str | None = None,
        rule_id: int | None = None,
        limit: int = 100,
    ) -> list[Signal]:
        """``user``'s signals, newest first."""
        query = sa.select(signals).where(signals.c.user_id == user)
        if symbol is not None:
            query = query.where(signals.c.symbol == symbol)
        if rule_id is not None:
            query = query.where(signals.c.rule_id == rule_id)
        return await self._fetch(query.order_by(signals.c.id.desc()).limit(limit))

    async def list_after(
        self, symbols: Iterable[str], after_id: int, *, user: str, limit: int = 10_000
    ) -> list[Signal]:
        """``user``'s signals on ``symbols`` with id > ``after_id``, oldest first (resume)."""
        query = (
            sa.select(signals)
            .where(
                signals.c.user_id == user,
                signals.c.symbol.in_(list(symbols)),
                signals.c.id > after_id,
            )
            .order_by(signals.c.id)
            .limit(limit)
        )
        return await self._fetch(query)

    async def last_id(self, *, user: str) -> int:
        """The newest signal id of ``user`` (0 if none)."""
        async with self.engine.connect() as conn:
            value = await conn.scalar(
                sa.select(sa.func.max(signals.c.id)).where(signals.c.user_id == user)
            )
        return int(value or 0)

    async def _fetch(self, query: sa.Select[Any]) -> list[Signal]:
        async with self.engine.connect() as conn:
            return [_signal(r) for r in (await conn.execute(query)).all()]
