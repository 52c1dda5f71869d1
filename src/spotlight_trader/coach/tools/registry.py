"""The tool registry: tools by name, their JSON schemas from their signatures, and the
validated call.

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
from spotlight_trader.market.view import MarketView, WatchlistControl

if typing.TYPE_CHECKING:
    from spotlight_trader.storage.journal import JournalRepository
    from spotlight_trader.storage.journal_entries import EntryRepository
    from spotlight_trader.storage.rules import RuleRepository
    from spotlight_trader.storage.signals import SignalRepository

ToolFn = Callable[..., Awaitable[object]]
_JSON_TYPES: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


@dataclass(frozen=True)
class ToolContext:
    """What a tool may use: the market view and the ring, the user it acts for, the
    trader's view of the dashboard and (when the app has them) the rules, signals and the
    journal."""

    market: MarketView
    ring: BarRing
    user_id: str
    view: ViewContext | None = None
    rules: RuleRepository | None = None
    signals: SignalRepository | None = None
    journal: JournalRepository | None = None
    entries: EntryRepository | None = None
    watchlists: WatchlistControl | None = None


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


# the coach's tools: every area module of this package registers into it on import
REGISTRY = ToolRegistry()
tool = REGISTRY.tool
