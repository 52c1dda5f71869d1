"""The coach tool registry and its tools (market snapshot, alerts, rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pytest

from spotlight_trader.coach.tools import REGISTRY, ToolContext, ToolRegistry
from spotlight_trader.errors import ToolError
from spotlight_trader.model import Quote, Signal
from spotlight_trader.rules.core import AlertCore
from spotlight_trader.runtime.ingest import LocalMarketView
from tests.conftest import make_service
from tests.factories import repositories
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

    service = make_service(ScriptedFeed([], hold=True))
    ctx = ToolContext(service.view, service.ring, "local")
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


async def test_market_snapshot_from_ring_quote_and_engine_indicators() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=30, seed=5)
    service = make_service(ScriptedFeed(trades), watchlist="SPY")
    core = AlertCore()
    service.pipeline.bar_listeners.append(core.on_bar)
    for trade in trades:
        await service.pipeline.advance(trade.ts_ms)
        await service.pipeline.ingest([trade])
    await service.pipeline.advance(trades[-1].ts_ms + 5_000)
    service.pipeline.on_quote(Quote("SPY", trades[-1].ts_ms, 100.0, 100.02, 300, 200))
    ctx = ToolContext(LocalMarketView(service, core), service.ring, "local")
    snap = await REGISTRY.call("get_market_snapshot", '{"symbol": "spy"}', ctx)
    assert isinstance(snap, dict)
    bars = await service.ring.recent("SPY", 100)
    assert snap["symbol"] == "SPY" and snap["last"] == service.pipeline.last_price["SPY"]
    ind = snap["indicators"]
    assert ind["hod"] == max(b.high for b in bars)  # all 30 bars are regular session
    assert ind["lod"] == min(b.low for b in bars)
    assert ind["lod"] <= ind["vwap"] <= ind["hod"]
    assert snap["spread"] == 0.02
    assert len(snap["recent_bars"]) == 5
    assert snap["recent_bars"][-1]["c"] == bars[-1].close
    # without the engine the snapshot still answers, without indicators
    bare = await REGISTRY.call(
        "get_market_snapshot",
        '{"symbol": "SPY"}',
        ToolContext(LocalMarketView(service, None), service.ring, "local"),
    )
    assert isinstance(bare, dict) and bare["indicators"] is None
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


async def test_alert_and_rule_tools_read_the_users_own_store(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'tools.db'}"
    async with repositories(url, users=["alice", "bob"]) as repos:
        rule = await repos.rules.create_rule(user="alice", name="Above 1", expression="close > 1")
        await repos.signals.insert_signals(
            [
                Signal(
                    0,
                    rule.id,
                    rule.name,
                    1,
                    sym,
                    28_000_000 + i,
                    1_700_000_000_000 + i,
                    "neutral",
                    {"close": 2.0},
                    f"{sym} closed 2.00",
                    user_id="alice",
                )
                for i, sym in enumerate(["SPY", "QQQ", "SPY"])
            ]
        )
        service = make_service(ScriptedFeed([], hold=True))
        rules, signals = repos.rules, repos.signals
        alice = ToolContext(service.view, service.ring, "alice", rules=rules, signals=signals)
        bob = ToolContext(service.view, service.ring, "bob", rules=rules, signals=signals)
        got = await REGISTRY.call("get_recent_alerts", '{"symbol": "spy"}', alice)
        assert isinstance(got, dict)
        assert [a["symbol"] for a in got["alerts"]] == ["SPY", "SPY"]
        assert got["alerts"][0]["explanation"] == "SPY closed 2.00"
        assert await REGISTRY.call("get_recent_alerts", "{}", bob) == {"alerts": []}
        mine = await REGISTRY.call("list_rules", "{}", alice)
        theirs = await REGISTRY.call("list_rules", "{}", bob)
        assert isinstance(mine, dict) and isinstance(theirs, dict)
        assert "Above 1" in [r["name"] for r in mine["rules"]]
        assert "Above 1" not in [r["name"] for r in theirs["rules"]]
        no_store = await REGISTRY.call(
            "list_rules", "{}", ToolContext(service.view, service.ring, "alice")
        )
        assert no_store == {"available": False, "note": "alerts are not running"}
