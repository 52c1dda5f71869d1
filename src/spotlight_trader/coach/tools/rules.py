"""Rule tools: the trader's alert rules from the store."""

from __future__ import annotations

from spotlight_trader.coach.tools.registry import ToolContext, tool


@tool("The trader's alert rules: name, kind, whether enabled, frequency and expression.")
async def list_rules(ctx: ToolContext) -> object:
    """Rules as this user sees them (latest version, their settings)."""
    if ctx.store is None:
        return {"available": False, "note": "alerts are not running"}
    rules = await ctx.store.list_rules(ctx.user_id)
    return {
        "rules": [
            {
                "name": r.name,
                "kind": r.kind,
                "enabled": r.settings.enabled,
                "version": r.version.version,
                "frequency": r.version.frequency,
                "expression": r.version.expression,
                "symbols": r.settings.symbols,
            }
            for r in rules
        ]
    }
