"""Alert tools: the trader's recent alerts from the signal repository."""

from __future__ import annotations

from typing import Annotated

from spotlight_trader.coach.tools.registry import ToolContext, tool
from spotlight_trader.model import normalise_symbol


@tool("The trader's most recent alerts (newest first), optionally for one symbol.")
async def get_recent_alerts(
    ctx: ToolContext,
    symbol: Annotated[str, "Ticker symbol, or empty for every symbol"] = "",
    limit: Annotated[int, "How many alerts, at most 20"] = 5,
) -> object:
    """The user's stored signals with their explanations."""
    if ctx.signals is None:
        return {"available": False, "note": "alerts are not running"}
    signals = await ctx.signals.list_signals(
        user=ctx.user_id,
        symbol=normalise_symbol(symbol) if symbol else None,
        limit=max(1, min(limit, 20)),
    )
    return {
        "alerts": [
            {
                "symbol": s.symbol,
                "rule": s.rule_name,
                "version": s.version,
                "direction": s.direction,
                "ts_ms": s.ts_ms,
                "explanation": s.explanation,
            }
            for s in signals
        ]
    }
