"""Journal entries of one user, their edit history and full-text search: SQLite FTS5
(``journal_entries_fts``, kept in step in the same transaction as the entry) or
PostgreSQL's stored ``to_tsvector('english', search_text)`` column (``journal_entries_fts``) with
its GIN index."""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from spotlight_trader.journal.entries import (
    Entry,
    EntryVersion,
    check_body,
    search_text,
    symbols_in,
    tags_in,
)
from spotlight_trader.storage.tables import journal_entries, journal_entry_versions

_WORD = re.compile(r"\w+", re.UNICODE)


def _entry(row: sa.Row[Any]) -> Entry:
    return Entry(
        id=int(row.id),
        body=row.body,
        symbols=list(row.symbols),
        tags=list(row.tags),
        trade_ids=[int(i) for i in row.trade_ids],
        signal_ids=[int(i) for i in row.signal_ids],
        day=row.day,
        version=int(row.version),
        created_at_ms=int(row.created_at_ms),
        updated_at_ms=int(row.updated_at_ms),
    )


def fts5_query(q: str) -> str:
    """A safe FTS5 query: every word of ``q`` as a quoted prefix term, all required."""
    return " ".join(f'"{w}"*' for w in _WORD.findall(q))


class EntryRepository:
    """Entries over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def create(
        self,
        body: str,
        *,
        user: str,
        day: str,
        now_ms: int,
        trade_ids: list[int] | None = None,
        signal_ids: list[int] | None = None,
        tags: list[str] | None = None,
    ) -> Entry:
        """A new entry; symbols and tags come from the text (plus ``tags``)."""
        check_body(body)
        symbols = symbols_in(body)
        all_tags = list(dict.fromkeys([*tags_in(body), *(t.lower() for t in tags or [])]))
        async with self.engine.begin() as conn:
            result = await conn.execute(
                journal_entries.insert().values(
                    user_id=user,
                    body=body,
                    symbols=symbols,
                    tags=all_tags,
                    trade_ids=trade_ids or [],
                    signal_ids=signal_ids or [],
                    day=day,
                    version=1,
                    search_text=search_text(body, symbols, all_tags),
                    created_at_ms=now_ms,
                    updated_at_ms=now_ms,
                )
            )
            entry_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            await self._index(conn, entry_id, None, search_text(body, symbols, all_tags))
            return await self._get(conn, entry_id, user)  # type: ignore[return-value]

    async def update(
        self,
        entry_id: int,
        body: str,
        *,
        user: str,
        now_ms: int,
        trade_ids: list[int] | None = None,
        signal_ids: list[int] | None = None,
    ) -> Entry | None:
        """New text for an entry (the old one goes to its history); None if ``user`` has
        no such entry. Saving the same text again changes nothing."""
        check_body(body)
        async with self.engine.begin() as conn:
            old = await self._get(conn, entry_id, user)
            if old is None:
                return None
            links_same = (trade_ids is None or trade_ids == old.trade_ids) and (
                signal_ids is None or signal_ids == old.signal_ids
            )
            if body == old.body and links_same:
                return old
            symbols, tags = symbols_in(body), tags_in(body)
            await conn.execute(
                journal_entry_versions.insert().values(
                    entry_id=entry_id,
                    version=old.version,
                    body=old.body,
                    symbols=old.symbols,
                    tags=old.tags,
                    edited_at_ms=old.updated_at_ms,
                )
            )
            text = search_text(body, symbols, tags)
            await conn.execute(
                journal_entries.update()
                .where(journal_entries.c.id == entry_id, journal_entries.c.user_id == user)
                .values(
                    body=body,
                    symbols=symbols,
                    tags=tags,
                    trade_ids=old.trade_ids if trade_ids is None else trade_ids,
                    signal_ids=old.signal_ids if signal_ids is None else signal_ids,
                    version=old.version + 1,
                    search_text=text,
                    updated_at_ms=now_ms,
                )
            )
            old_text = search_text(old.body, old.symbols, old.tags)
            await self._index(conn, entry_id, old_text, text)
            return await self._get(conn, entry_id, user)

    async def get(self, entry_id: int, *, user: str) -> Entry | None:
        """One of ``user``'s entries."""
        async with self.engine.connect() as conn:
            return await self._get(conn, entry_id, user)

    async def list_entries(
        self, *, user: str, day: str | None = None, trade_id: int | None = None, limit: int = 100
    ) -> list[Entry]:
        """``user``'s entries, newest first (of one New York day, or linked to a trade)."""
        query = sa.select(journal_entries).where(journal_entries.c.user_id == user)
        if day is not None:
            query = query.where(journal_entries.c.day == day)
        query = query.order_by(journal_entries.c.id.desc())
        async with self.engine.connect() as conn:
            rows = [_entry(r) for r in await conn.execute(query)]
        if trade_id is not None:
            rows = [e for e in rows if trade_id in e.trade_ids]
        return rows[:limit]

    async def history(self, entry_id: int, *, user: str) -> list[EntryVersion] | None:
        """Earlier versions of an entry, oldest first; None if ``user`` has no such entry."""
        async with self.engine.connect() as conn:
            if await self._get(conn, entry_id, user) is None:
                return None
            rows = await conn.execute(
                sa.select(journal_entry_versions)
                .where(journal_entry_versions.c.entry_id == entry_id)
                .order_by(journal_entry_versions.c.version)
            )
            return [
                EntryVersion(
                    int(r.version), r.body, list(r.symbols), list(r.tags), int(r.edited_at_ms)
                )
                for r in rows
            ]

    async def search(self, q: str, *, user: str, limit: int = 20) -> list[Entry]:
        """``user``'s entries matching every word of ``q``, best first."""
        async with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                match = fts5_query(q)
                if not match:
                    return []
                query = sa.text(
                    "SELECT e.* FROM journal_entries_fts f "
                    "JOIN journal_entries e ON e.id = f.rowid "
                    "WHERE journal_entries_fts MATCH :q AND e.user_id = :user "
                    "ORDER BY bm25(journal_entries_fts), e.id DESC LIMIT :limit"
                ).columns(*journal_entries.c)  # typed: the JSON columns decode
                rows = await conn.execute(query, {"q": match, "user": user, "limit": limit})
                return [_entry(r) for r in rows]
            # the stored to_tsvector('english', search_text) (migration 0007)
            vector: sa.ColumnElement[Any] = sa.literal_column("journal_entries.journal_entries_fts")
            tsquery = sa.func.websearch_to_tsquery(sa.literal_column("'english'"), q)
            pg = (
                sa.select(journal_entries)
                .where(journal_entries.c.user_id == user, vector.bool_op("@@")(tsquery))
                .order_by(sa.func.ts_rank(vector, tsquery).desc(), journal_entries.c.id.desc())
                .limit(limit)
            )
            return [_entry(r) for r in await conn.execute(pg)]

    async def _get(self, conn: AsyncConnection, entry_id: int, user: str) -> Entry | None:
        row = (
            await conn.execute(
                sa.select(journal_entries).where(
                    journal_entries.c.id == entry_id, journal_entries.c.user_id == user
                )
            )
        ).first()
        return None if row is None else _entry(row)

    async def _index(self, conn: AsyncConnection, entry_id: int, old: str | None, new: str) -> None:
        if conn.dialect.name != "sqlite":
            return  # PostgreSQL indexes the column itself
        if old is not None:
            await conn.execute(
                sa.text(
                    "INSERT INTO journal_entries_fts(journal_entries_fts, rowid, search_text) "
                    "VALUES ('delete', :id, :text)"
                ),
                {"id": entry_id, "text": old},
            )
        await conn.execute(
            sa.text("INSERT INTO journal_entries_fts(rowid, search_text) VALUES (:id, :text)"),
            {"id": entry_id, "text": new},
        )
