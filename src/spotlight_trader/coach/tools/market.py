"""Market tools: a symbol's live snapshot (with the alert engine's indicators) and the
watchlist, read through the :class:`~spotlight_trader.market.view.MarketView`."""

from __future__ import annotations

from typing import Annotated

from spotlight_trader.coach.tools.registry import ToolContext, tool
from spotlight_trader.model import normalise_symbol

RECENT_BARS = 5
SNAPSHOT_FIELDS = (
    "vwap",
    "hod",
    "lod",
    "pmh",
    "pml",
    "orh",
    "orl",
    "rvol",
    "ema9",
    "ema21",
    "rsi14",
    "prev_close",
    "gap_pct",
    "minutes_since_open",
)


@tool(
    "Live snapshot of a symbol: last price, bid/ask spread, the last few 1-minute bars and "
    "the alert engine's indicators as of the last final bar (session VWAP, high/low of day, "
    "pre-market high/low, opening range, time-of-day relative volume, EMA 9/21, RSI 14, gap)."
)
async def get_market_snapshot(
    ctx: ToolContext, symbol: Annotated[str, "Ticker symbol, e.g. SPY"]
) -> object:
    """Price and spread from the market view; indicators from the alert engine's snapshot."""
    name = normalise_symbol(symbol)
    bars = await ctx.ring.recent(name, RECENT_BARS)
    snap = ctx.market.snapshot(name)
    last = snap.last
    if not bars and last is None:
        return {"symbol": name, "available": False, "note": "no data for this symbol yet"}
    spread = None
    if snap.bid is not None and snap.ask is not None and snap.ask >= snap.bid > 0:
        spread = round(snap.ask - snap.bid, 4)
    indicators = ctx.market.indicators(name)
    return {
        "symbol": name,
        "available": True,
        "last": last if last is not None else bars[-1].close,
        "bid": snap.bid,
        "ask": snap.ask,
        "spread": spread,
        "indicators": (
            {k: indicators.get(k) for k in SNAPSHOT_FIELDS} if indicators is not None else None
        ),
        "indicators_note": "as of the last final 1-minute bar; null = not warmed up yet",
        "recent_bars": [
            {"t": b.bar_start_ms, "o": b.open, "h": b.high, "l": b.low, "c": b.close, "v": b.volume}
            for b in bars
        ],
    }


@tool("The trader's watchlist with last price and % change since the prior close.")
async def get_watchlist(ctx: ToolContext) -> object:
    """Symbols on the user's watchlist."""
    rows = []
    symbols = (
        await ctx.watchlists.user_watchlist(user=ctx.user_id)
        if ctx.watchlists is not None
        else ctx.market.watchlist()
    )
    for symbol in symbols:
        snap = ctx.market.snapshot(symbol)
        last, prev = snap.last, snap.prev_close
        pct = round((last - prev) / prev * 100, 2) if last is not None and prev else None
        rows.append({"symbol": symbol, "last": last, "change_pct": pct})
    return {"symbols": rows}
