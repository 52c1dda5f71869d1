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
from spotlight_trader.errors import InputError
from spotlight_trader.market.session import et_date
from spotlight_trader.service import MarketService, normalise_symbol

ToolFn = Callable[..., Awaitable[object]]
_JSON_TYPES: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


class ToolError(Exception):
    """A tool call that cannot run (unknown tool, bad arguments, bad input)."""


@dataclass(frozen=True)
class ToolContext:
    """What a tool may use: the market service, the user it acts for, the trader's view."""

    service: MarketService
    user_id: str
    view: ViewContext | None = None


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
RVOL_LOOKBACK = 20


@tool(
    "Live snapshot of a symbol: last price, bid/ask spread, session VWAP, high and low of "
    "the day, the last few 1-minute bars and relative volume of the last minute."
)
async def get_market_snapshot(
    ctx: ToolContext, symbol: Annotated[str, "Ticker symbol, e.g. SPY"]
) -> object:
    """Figures computed from the bar ring and the builder's latest quote."""
    service = ctx.service
    name = normalise_symbol(symbol)
    pipeline = service.pipeline
    bars = await service.ring.recent(name, 2_000)
    last = pipeline.last_price.get(name)
    quote = pipeline.builder.quote(name)
    if not bars and last is None:
        return {"symbol": name, "available": False, "note": "no data for this symbol yet"}
    day_bars = [b for b in bars if et_date(b.bar_start_ms) == et_date(bars[-1].bar_start_ms)]
    highs = [b.high for b in day_bars]
    lows = [b.low for b in day_bars]
    forming = pipeline.builder.forming(name)
    if forming is not None and forming.high is not None and forming.low is not None:
        highs.append(forming.high)
        lows.append(forming.low)
    volume = sum(b.volume for b in day_bars)
    vwap = (
        round(sum((b.high + b.low + b.close) / 3 * b.volume for b in day_bars) / volume, 4)
        if volume > 0
        else None
    )
    rvol = None
    if len(bars) > RVOL_LOOKBACK:
        base = [b.volume for b in bars[-RVOL_LOOKBACK - 1 : -1]]
        avg = sum(base) / len(base)
        rvol = round(bars[-1].volume / avg, 2) if avg > 0 else None
    spread = None
    if quote is not None and quote.ask >= quote.bid > 0:
        spread = round(quote.ask - quote.bid, 4)
    return {
        "symbol": name,
        "available": True,
        "last": last if last is not None else (bars[-1].close if bars else None),
        "bid": quote.bid if quote else None,
        "ask": quote.ask if quote else None,
        "spread": spread,
        "vwap": vwap,
        "vwap_note": "session VWAP from 1-minute bars (typical price)",
        "high_of_day": max(highs) if highs else None,
        "low_of_day": min(lows) if lows else None,
        "volume_today": volume,
        "rvol_last_minute": rvol,
        "rvol_note": f"last bar volume / mean of the {RVOL_LOOKBACK} bars before it",
        "recent_bars": [
            {"t": b.bar_start_ms, "o": b.open, "h": b.high, "l": b.low, "c": b.close, "v": b.volume}
            for b in bars[-RECENT_BARS:]
        ],
    }


@tool("The trader's watchlist with last price and % change since the prior close.")
async def get_watchlist(ctx: ToolContext) -> object:
    """Symbols on the watchlist."""
    pipeline = ctx.service.pipeline
    rows = []
    for symbol in ctx.service.watchlist:
        last = pipeline.last_price.get(symbol)
        prev = pipeline.prev_close.get(symbol)
        pct = round((last - prev) / prev * 100, 2) if last is not None and prev else None
        rows.append({"symbol": symbol, "last": last, "change_pct": pct})
    return {"symbols": rows}
