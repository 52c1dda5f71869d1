"""Rule tools: the trader's alert rules from the rule repository."""

from __future__ import annotations

from spotlight_trader.coach.tools.registry import ToolContext, tool


@tool("The trader's alert rules: name, kind, whether enabled, frequency and expression.")
async def list_rules(ctx: ToolContext) -> object:
    """Rules as this user sees them (latest version, their settings)."""
    if ctx.rules is None:
        return {"available": False, "note": "alerts are not running"}
    rules = await ctx.rules.list_rules(user=ctx.user_id)
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
