"""Journal tools: the coach's memory of the trader's own trades and notes."""

from __future__ import annotations

import time
from typing import Annotated

from spotlight_trader.coach.tools.registry import ToolContext, tool
from spotlight_trader.errors import ToolError
from spotlight_trader.journal.insights import insights
from spotlight_trader.journal.stats import compute_stats, ny_day
from spotlight_trader.market.session import et_datetime
from spotlight_trader.model import normalise_symbol

DAY_MS = 86_400_000
UNAVAILABLE = {"available": False, "note": "the journal is not available"}


def _now_ms(ctx: ToolContext) -> int:
    return ctx.market.clock_ms() or int(time.time() * 1000)


@tool("Search the trader's journal notes (full text); best matches first.")
async def search_journal(
    ctx: ToolContext,
    query: Annotated[str, "Words to find, e.g. 'ORB chased'"],
    limit: Annotated[int, "How many notes, at most 10"] = 5,
) -> object:
    """Notes with their day, symbols and tags (text cut to 500 characters)."""
    if ctx.entries is None:
        return UNAVAILABLE
    if not query.strip():
        raise ToolError("query must not be empty")
    found = await ctx.entries.search(query[:200], user=ctx.user_id, limit=max(1, min(limit, 10)))
    return {
        "notes": [
            {"id": e.id, "day": e.day, "symbols": e.symbols, "tags": e.tags, "text": e.body[:500]}
            for e in found
        ]
    }


@tool("Write a note into the trader's journal for today (Markdown; $SYMBOL and #tag work).")
async def add_journal_note(
    ctx: ToolContext,
    text: Annotated[str, "The note, in the trader's words"],
    trade_id: Annotated[int, "A trade to link it to, or 0"] = 0,
) -> object:
    """The stored note's id and day."""
    if ctx.entries is None:
        return UNAVAILABLE
    now = _now_ms(ctx)
    entry = await ctx.entries.create(
        text,
        user=ctx.user_id,
        day=ny_day(now),
        now_ms=now,
        trade_ids=[trade_id] if trade_id > 0 else [],
    )
    return {"id": entry.id, "day": entry.day, "symbols": entry.symbols, "tags": entry.tags}


@tool(
    "The trader's own statistics from the journal: win rate, P&L, expectancy, profit factor, "
    "average R, by hour, plus plain-language insights. Filter by symbol, tag, days back and "
    "the New York hour a trade opened."
)
async def get_trade_stats(
    ctx: ToolContext,
    symbol: Annotated[str, "Ticker, or empty for every symbol"] = "",
    tag: Annotated[str, "Setup/mistake tag such as 'orb', or empty"] = "",
    days: Annotated[int, "Trading history to look at, in calendar days back (1-365)"] = 30,
    from_hour: Annotated[int, "Only trades opened at or after this New York hour (0-23)"] = 0,
) -> object:
    """Numbers over the closed trades that match."""
    if ctx.journal is None:
        return UNAVAILABLE
    if not 0 <= from_hour <= 23:
        raise ToolError("from_hour must be 0-23")
    since = ny_day(_now_ms(ctx) - max(1, min(days, 365)) * DAY_MS)
    trips = await ctx.journal.trips(
        user=ctx.user_id, symbol=normalise_symbol(symbol) if symbol else None
    )
    chosen = [
        t
        for t in trips
        if t.trip.closed_ms is not None
        and ny_day(t.trip.closed_ms) > since
        and (not tag or tag.lower() in t.tags)
        and et_datetime(t.trip.opened_ms).hour >= from_hour
    ]
    tags = {t.trip.id: t.tags for t in chosen}
    stats = compute_stats(
        [t.trip for t in chosen],
        tags=tags,
        r_multiples={t.trip.id: t.r_multiple for t in chosen if t.r_multiple is not None},
    )
    return {
        "trades": stats.trades,
        "wins": stats.wins,
        "losses": stats.losses,
        "win_rate": stats.win_rate,
        "net_pnl": str(stats.net_pnl),
        "avg_win": None if stats.avg_win is None else str(round(stats.avg_win, 2)),
        "avg_loss": None if stats.avg_loss is None else str(round(stats.avg_loss, 2)),
        "expectancy": None if stats.expectancy is None else str(round(stats.expectancy, 2)),
        "profit_factor": stats.profit_factor,
        "avg_r": stats.avg_r,
        "by_hour": [{"hour": b.key, "trades": b.trades, "wins": b.wins} for b in stats.by_hour],
        "insights": insights([t.trip for t in chosen], tags=tags),
    }
