"""The coach tool registry and the market snapshot tool."""

from __future__ import annotations

from typing import Annotated

import pytest

from spotlight_trader.coach.tools import REGISTRY, ToolContext, ToolError, ToolRegistry
from spotlight_trader.model import Quote
from tests.conftest import make_service
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

START = 1_718_631_000_000  # 2024-06-17 09:30 ET


def test_schema_comes_from_the_signature() -> None:
    registry = ToolRegistry()

    @registry.tool("Add a note.")
    async def add_note(
        ctx: ToolContext, text: Annotated[str, "The note"], pinned: bool = False, n: int = 1
    ) -> object:
        return {"text": text, "pinned": pinned, "n": n}

    assert registry.schemas() == [
        {
            "type": "function",
            "name": "add_note",
            "description": "Add a note.",
            "parameters": {
                "type": "object",
                "properties": {
                    "text": {"type": "string", "description": "The note"},
                    "pinned": {"type": "boolean"},
                    "n": {"type": "integer"},
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        }
    ]


async def test_arguments_are_validated() -> None:
    registry = ToolRegistry()

    @registry.tool("Echo.")
    async def echo(ctx: ToolContext, text: str, x: float = 0.0) -> object:
        return [text, x]

    ctx = ToolContext(make_service(ScriptedFeed([], hold=True)), "local")
    assert await registry.call("echo", '{"text": "hi", "x": 2}', ctx) == ["hi", 2]
    for args, words in [
        ("{}", "missing argument"),
        ('{"text": 1}', "must be string"),
        ('{"text": "a", "x": true}', "must be number"),
        ('{"text": "a", "y": 1}', "unexpected argument"),
        ("[1]", "JSON object"),
        ("{nope", "not JSON"),
    ]:
        with pytest.raises(ToolError, match=words):
            await registry.call("echo", args, ctx)
    with pytest.raises(ToolError, match="unknown tool"):
        await registry.call("nope", "{}", ctx)


async def test_market_snapshot_from_ring_and_quote() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=30, seed=5)
    service = make_service(ScriptedFeed(trades), watchlist="SPY")
    for trade in trades:
        await service.pipeline.advance(trade.ts_ms)
        await service.pipeline.ingest([trade])
    await service.pipeline.advance(trades[-1].ts_ms + 5_000)
    service.pipeline.on_quote(Quote("SPY", trades[-1].ts_ms, 100.0, 100.02, 300, 200))
    ctx = ToolContext(service, "local")
    snap = await REGISTRY.call("get_market_snapshot", '{"symbol": "spy"}', ctx)
    assert isinstance(snap, dict)
    bars = await service.ring.recent("SPY", 100)
    assert snap["symbol"] == "SPY"
    assert snap["high_of_day"] == max(b.high for b in bars)
    assert snap["low_of_day"] == min(b.low for b in bars)
    assert snap["low_of_day"] <= snap["vwap"] <= snap["high_of_day"]
    assert snap["spread"] == 0.02
    assert len(snap["recent_bars"]) == 5
    assert snap["recent_bars"][-1]["c"] == bars[-1].close
    assert snap["rvol_last_minute"] is not None
    empty = await REGISTRY.call("get_market_snapshot", '{"symbol": "QQQ"}', ctx)
    assert empty == {"symbol": "QQQ", "available": False, "note": "no data for this symbol yet"}
    with pytest.raises(ToolError, match="not a ticker"):
        await REGISTRY.call("get_market_snapshot", '{"symbol": "bad symbol!"}', ctx)
    watch = await REGISTRY.call("get_watchlist", "{}", ctx)
    assert watch == {
        "symbols": [
            {"symbol": "SPY", "last": service.pipeline.last_price["SPY"], "change_pct": None}
        ]
    }
