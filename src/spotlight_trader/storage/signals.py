"""Stored signals: the engine inserts them (:class:`~spotlight_trader.rules.engine.SignalSink`),
users list them, streams resume from them. Ids increase in the order signals are stored.

A signal's idempotency ``key`` is unique: a second insert of the same key (a replay, a
restart, a second worker) stores nothing and returns nothing, so nothing is published
twice. The frequency state (``alert_state``) is written in the same transaction."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any, cast

import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from spotlight_trader.model import Direction, Signal
from spotlight_trader.rules.core import AlertState, alert_states
from spotlight_trader.storage.tables import alert_state, signals


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
        key=row.key or "",
    )


def _insert(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


async def _save_states(conn: AsyncConnection, stored: Sequence[Signal]) -> None:
    insert = _insert(conn.dialect.name)
    for st in alert_states(stored):
        values = {"last_seq": st.last_seq, "last_ts_ms": st.last_ts_ms}
        await conn.execute(
            insert(alert_state)
            .values(
                user_id=st.user_id,
                rule_id=st.rule_id,
                version=st.version,
                symbol=st.symbol,
                **values,
            )
            .on_conflict_do_update(
                index_elements=[
                    alert_state.c.user_id,
                    alert_state.c.rule_id,
                    alert_state.c.version,
                    alert_state.c.symbol,
                ],
                set_=values,
            )
        )


class SignalRepository:
    """Signals over one engine; reads are scoped to one user."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def insert_signals(self, drafts: Sequence[Signal]) -> list[Signal]:
        """Store signals (in order, each for its ``user_id``) and their frequency state; the
        newly stored ones with their database ids (a key already stored is skipped)."""
        if not drafts:
            return []
        stored: list[Signal] = []
        async with self.engine.begin() as conn:
            insert = _insert(conn.dialect.name)
            stored_at = int(time.time() * 1000)
            for s in drafts:  # one statement each: ids are then assigned in this order
                result = await conn.execute(
                    insert(signals)
                    .values(
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
                        key=s.key or None,
                        stored_at_ms=stored_at,
                    )
                    .on_conflict_do_nothing(index_elements=[signals.c.key])
                    .returning(signals.c.id)
                )
                new_id = result.scalar_one_or_none()
                if new_id is not None:
                    stored.append(msgspec.structs.replace(s, id=int(new_id)))
            await _save_states(conn, stored)
        return stored

    async def prune(self, before_ms: int) -> int:
        """Delete every user's signals stored before ``before_ms`` (wall clock; rows from
        before migration 0003 by their own time); how many. Frequency state is kept."""
        stored = sa.func.coalesce(signals.c.stored_at_ms, signals.c.ts_ms)
        async with self.engine.begin() as conn:
            result = await conn.execute(signals.delete().where(stored < before_ms))
        return int(result.rowcount or 0)

    async def alert_state(self, *, user: str | None = None) -> list[AlertState]:
        """The stored frequency state of every user's rules (only ``user``'s when given)."""
        query = sa.select(alert_state)
        if user is not None:
            query = query.where(alert_state.c.user_id == user)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            AlertState(r.user_id, int(r.rule_id), int(r.version), r.symbol, int(r.last_seq),
                       int(r.last_ts_ms))
            for r in rows
        ]  # fmt: skip

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
