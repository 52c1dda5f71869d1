"""Tools the model may call; the server runs them for the authenticated user.

Adding a tool is one decorated async function. Its JSON schema comes from the signature:
the first parameter receives the :class:`ToolContext`, the others become the tool's
parameters (``str``, ``int``, ``float`` or ``bool``; a default makes one optional;
``Annotated[str, "description"]`` documents it)::

    @tool("Recent alerts on a symbol.")
    async def get_recent_alerts(ctx: ToolContext, symbol: Annotated[str, "Ticker"]) -> object:
        ...

The return value must be JSON-encodable (msgspec); it is sent back to the model as the
``function_call_output``.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec

from spotlight_trader.coach.policy import ViewContext
from spotlight_trader.errors import InputError, ToolError
from spotlight_trader.market.ring import BarRing
from spotlight_trader.market.view import MarketView
from spotlight_trader.model import normalise_symbol

if typing.TYPE_CHECKING:
    from spotlight_trader.storage.rules import RuleRepository
    from spotlight_trader.storage.signals import SignalRepository

ToolFn = Callable[..., Awaitable[object]]
_JSON_TYPES: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


@dataclass(frozen=True)
class ToolContext:
    """What a tool may use: the market view and the ring, the user it acts for, the
    trader's view of the dashboard and (when the app has them) the rules and signals."""

    market: MarketView
    ring: BarRing
    user_id: str
    view: ViewContext | None = None
    rules: RuleRepository | None = None
    signals: SignalRepository | None = None


@dataclass(frozen=True)
class Tool:
    """One registered tool."""

    name: str
    description: str
    parameters: dict[str, Any]
    fn: ToolFn
    kinds: dict[str, type]

    def schema(self) -> dict[str, Any]:
        """The tool as a GA ``session.tools`` entry."""
        return {
            "type": "function",
            "name": self.name,
            "description": self.description,
            "parameters": self.parameters,
        }


def _schema_of(fn: ToolFn) -> tuple[dict[str, Any], dict[str, type]]:
    hints = typing.get_type_hints(fn, include_extras=True)
    params = list(inspect.signature(fn).parameters.values())[1:]  # skip ctx
    properties: dict[str, Any] = {}
    kinds: dict[str, type] = {}
    required: list[str] = []
    for param in params:
        hint = hints.get(param.name, str)
        description = None
        if typing.get_origin(hint) is Annotated:
            base, *meta = typing.get_args(hint)
            description = next((m for m in meta if isinstance(m, str)), None)
            hint = base
        if hint not in _JSON_TYPES:
            raise TypeError(f"tool parameter {param.name}: unsupported type {hint!r}")
        prop: dict[str, Any] = {"type": _JSON_TYPES[hint]}
        if description:
            prop["description"] = description
        properties[param.name] = prop
        kinds[param.name] = hint
        if param.default is inspect.Parameter.empty:
            required.append(param.name)
    schema = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    return schema, kinds


class ToolRegistry:
    """Tools by name."""

    def __init__(self) -> None:
        self.tools: dict[str, Tool] = {}

    def tool(self, description: str, *, name: str | None = None) -> Callable[[ToolFn], ToolFn]:
        """Decorator registering an async function as a tool."""

        def register(fn: ToolFn) -> ToolFn:
            parameters, kinds = _schema_of(fn)
            tool_name = name or fn.__name__
            self.tools[tool_name] = Tool(tool_name, description, parameters, fn, kinds)
            return fn

        return register

    def schemas(self) -> list[dict[str, Any]]:
        """Every tool as a ``session.tools`` entry."""
        return [t.schema() for t in self.tools.values()]

    async def call(self, name: str, arguments: str, ctx: ToolContext) -> object:
        """Run tool ``name`` with the model's JSON ``arguments``; :class:`ToolError` if the
        call is invalid."""
        tool = self.tools.get(name)
        if tool is None:
            raise ToolError(f"unknown tool: {name}")
        try:
            args = msgspec.json.decode(arguments or "{}")
        except msgspec.DecodeError:
            raise ToolError("arguments are not JSON") from None
        if not isinstance(args, dict):
            raise ToolError("arguments must be a JSON object")
        for key, value in args.items():
            kind = tool.kinds.get(key)
            if kind is None:
                raise ToolError(f"unexpected argument: {key}")
            ok = (
                isinstance(value, int | float) and not isinstance(value, bool)
                if kind is float
                else isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
            )
            if not ok:
                raise ToolError(f"argument {key} must be {_JSON_TYPES[kind]}")
        missing = [k for k in tool.parameters["required"] if k not in args]
        if missing:
            raise ToolError(f"missing argument: {', '.join(missing)}")
        try:
            return await tool.fn(ctx, **args)
        except InputError as exc:
            raise ToolError(str(exc)) from None


REGISTRY = ToolRegistry()
tool = REGISTRY.tool

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


@tool("The trader's watchlist with last price and % change since the prior close.")
async def get_watchlist(ctx: ToolContext) -> object:
    """Symbols on the watchlist."""
    rows = []
    for symbol in ctx.market.watchlist():
        snap = ctx.market.snapshot(symbol)
        last, prev = snap.last, snap.prev_close
        pct = round((last - prev) / prev * 100, 2) if last is not None and prev else None
        rows.append({"symbol": symbol, "last": last, "change_pct": pct})
    return {"symbols": rows}
