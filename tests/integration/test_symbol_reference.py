"""Adding a symbol: checked against the feed's reference data (the simulator's universe,
the replayed file's symbols, Polygon's ticker reference), refused with a reason (422) or
backfilled before the answer, so its chart and change figure are there at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
import pytest

from spotlight_trader.errors import ReferenceUnavailable, UnknownSymbol
from spotlight_trader.feeds.files import write_trades_csv
from spotlight_trader.feeds.polygon.feed import PolygonFeed
from spotlight_trader.feeds.polygon.rest import HistoryService
from spotlight_trader.feeds.replay import ReplayFeed
from spotlight_trader.feeds.simulated import SimulatedFeed
from spotlight_trader.market.bars import build_bars
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.reference import SymbolInfo
from spotlight_trader.model import MINUTE_MS
from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.fakes.polygon_rest import FakeRest, ticker

SIM_START = int(datetime.fromisoformat("2025-03-12T10:00:00-04:00").timestamp() * 1000)
HISTORY = 1_440  # a day: yesterday's close is in it


async def test_simulated_symbols_are_checked_and_backfilled_when_added() -> None:
    feed = SimulatedFeed(["SPY"], history_minutes=HISTORY, start_ms=SIM_START)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await until(lambda: service.state.phase is Phase.LIVE)
        unknown = await client.post("/api/symbols", json={"symbol": "ZZZZ1"})
        assert unknown.status_code == 422
        assert unknown.json()["error"].startswith("ZZZZ1 is not one of the simulated market's")
        junk = await client.post("/api/symbols", json={"symbol": "$%^"})
        assert junk.status_code == 422 and "error" in junk.json()
        listed = [s["symbol"] for s in (await client.get("/api/symbols")).json()["symbols"]]
        assert listed == ["SPY"] and service.watchlist == ["SPY"]

        added = await client.post("/api/symbols", json={"symbol": "amzn"})
        assert added.status_code == 201
        assert added.json() == {"symbol": "AMZN", "name": "simulated", "simulated": True}
        # the answer came after the backfill: history and the change figure are there now
        bars = (await client.get("/api/bars", params={"symbol": "AMZN", "limit": 5000})).json()
        seqs = [b["seq"] for b in bars["bars"]]
        now_seq = SIM_START // MINUTE_MS
        assert seqs and seqs == sorted(set(seqs)) and seqs[0] >= now_seq - HISTORY
        assert seqs[-1] >= now_seq - 2
        row = next(
            s for s in (await client.get("/api/symbols")).json()["symbols"] if s["symbol"] == "AMZN"
        )
        assert row["last"] is not None and row["prev_close"] is not None
        assert row["change_pct"] is not None
        # the same history as the simulator's pure model: it is the simulator's own
        model = feed.simulator("AMZN").bars(seqs[0], seqs[0] + 10)
        assert [(b.seq, b.close) for b in model] == [
            (b["seq"], b["close"]) for b in bars["bars"][: len(model)]
        ]


async def test_a_replay_accepts_only_the_symbols_of_its_file(tmp_path: Path) -> None:
    path = tmp_path / "day.csv"
    write_trades_csv(path, synthetic_trades(["SPY", "AMD"], 1_700_000_040_000, minutes=5))
    feed = ReplayFeed(path, speed=None)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        refused = await client.post("/api/symbols", json={"symbol": "AAPL"})
        assert refused.status_code == 422
        assert refused.json()["error"] == "AAPL is not in the replayed file day.csv"
        assert (await client.post("/api/symbols", json={"symbol": "AMD"})).json() == {
            "symbol": "AMD"
        }


async def test_a_replay_backfills_a_symbol_added_midway_and_after_the_end(
    tmp_path: Path,
) -> None:
    start = 1_700_000_040_000
    trades = synthetic_trades(["SPY", "AMD", "QQQ"], start, minutes=30)
    path = tmp_path / "day.csv"
    write_trades_csv(path, trades)
    feed = ReplayFeed(path, speed=60)
    service = make_service(feed, watchlist="SPY")
    oracle = build_bars(trades)  # the whole file in one go: what a replay of each makes

    def expected(symbol: str) -> list[tuple[int, float, float]]:
        return [(b.seq, b.close, b.volume) for b in oracle if b.symbol == symbol]

    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):

        async def served(symbol: str) -> list[tuple[int, float, float]]:
            body = (await client.get("/api/bars", params={"symbol": symbol})).json()
            return [(b["seq"], b["close"], b["volume"]) for b in body["bars"]]

        await until(lambda: (feed.status().clock_ms or 0) >= start + 10 * MINUTE_MS)
        assert (await client.post("/api/symbols", json={"symbol": "AMD"})).status_code == 201
        # backfilled before the answer: every bar of the minutes the clock had made final
        midway = await served("AMD")
        final_then = [b for b in expected("AMD") if b[0] < start // MINUTE_MS + 8]
        assert final_then and midway[: len(final_then)] == final_then
        assert midway == expected("AMD")[: len(midway)]
        await client.post("/api/replay/speed", json={"speed": None})
        await until(lambda: service.state.phase is Phase.FINISHED)
        assert await served("AMD") == expected("AMD")
        assert (await client.post("/api/symbols", json={"symbol": "QQQ"})).status_code == 201
        assert await served("QQQ") == expected("QQQ")


async def test_polygon_reference_data_decides(tmp_path: Path) -> None:
    rest = FakeRest()
    rest.tickers["AAPL"] = ticker("AAPL", "Apple Inc.")
    rest.tickers["OLD"] = ticker("OLD", "Gone Corp.", active=False)
    rest.tickers["X:BTCUSD"] = ticker("X:BTCUSD", "Bitcoin", market="crypto")
    history = HistoryService("test-key", "http://rest.test", transport=rest.transport)
    feed = PolygonFeed("test-key", ws_url="ws://127.0.0.1:9", history=history)
    assert await feed.lookup("AAPL") == SymbolInfo("AAPL", "Apple Inc.")
    assert rest.requests[-1].url.path == "/v3/reference/tickers/AAPL"
    with pytest.raises(UnknownSymbol, match="ZZZZ1 is not a ticker Polygon knows"):
        await feed.lookup("ZZZZ1")
    with pytest.raises(UnknownSymbol, match="not traded any more"):
        await feed.lookup("OLD")
    with pytest.raises(UnknownSymbol, match="crypto ticker"):
        await feed.lookup("X:BTCUSD")
    retrying = HistoryService(
        "test-key", "http://rest.test", transport=rest.transport, max_retries=0
    )
    rest.script = [500]
    down = PolygonFeed("test-key", ws_url="ws://127.0.0.1:9", history=retrying)
    with pytest.raises(ReferenceUnavailable, match="cannot check AAPL with Polygon now"):
        await down.lookup("AAPL")
    await history.aclose()
    await retrying.aclose()


async def test_search_offers_the_simulators_tickers_and_marks_the_watchlist() -> None:
    feed = SimulatedFeed(["SPY"], history_minutes=10, start_ms=SIM_START)
    service = make_service(feed, watchlist="SPY,AAPL")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        found = await client.get("/api/symbols/search", params={"q": "a", "limit": 25})
        assert found.status_code == 200
        results = found.json()["results"]
        assert results[:2] == [
            {"symbol": "AMD", "name": None, "simulated": True, "on_watchlist": False},
            {"symbol": "ARM", "name": None, "simulated": True, "on_watchlist": False},
        ]
        mine = {r["symbol"]: r["on_watchlist"] for r in results}
        assert mine["AAPL"] is True and mine["AMZN"] is False
        assert all(r["symbol"].startswith("A") for r in results)
        default = (await client.get("/api/symbols/search", params={"q": "A"})).json()
        assert default["results"] == results[:10]
        two = (await client.get("/api/symbols/search", params={"q": "A", "limit": 2})).json()
        assert two["results"] == results[:2]
        bad_params: list[dict[str, str | int]] = [
            {"q": ""},
            {"q": "A" * 13},
            {"q": "A$"},
            {"q": "A", "limit": 26},
        ]
        for bad in bad_params:
            refused = await client.get("/api/symbols/search", params=bad)
            assert refused.status_code == 422, bad


async def test_search_without_reference_data_offers_the_text_itself() -> None:
    service = make_service(ScriptedFeed([], hold=True), watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        # such a feed takes any symbol (POST /api/symbols adds it unchecked)
        for q, on_watchlist in (("zz.b", False), ("SPY", True)):
            found = (await client.get("/api/symbols/search", params={"q": q})).json()
            assert found["results"] == [
                {
                    "symbol": q.upper(),
                    "name": None,
                    "simulated": False,
                    "on_watchlist": on_watchlist,
                }
            ]


async def test_search_asks_polygon_and_is_503_when_it_cannot() -> None:
    rest = FakeRest()
    rest.tickers["AAPL"] = ticker("AAPL", "Apple Inc.")
    rest.tickers["AAPB"] = ticker("AAPB", "GraniteShares 2x Long AAPL Daily ETF")
    history = HistoryService("test-key", "http://rest.test", transport=rest.transport)
    feed = PolygonFeed("test-key", ws_url="ws://127.0.0.1:9", history=history)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        found = (await client.get("/api/symbols/search", params={"q": "AAPL"})).json()
        assert found["results"] == [
            {"symbol": "AAPL", "name": "Apple Inc.", "simulated": False, "on_watchlist": False},
            {
                "symbol": "AAPB",
                "name": "GraniteShares 2x Long AAPL Daily ETF",
                "simulated": False,
                "on_watchlist": False,
            },
        ]
        rest.script = [500]  # the search is asked once (history would retry)
        down = await client.get("/api/symbols/search", params={"q": "AAPL"})
        assert down.status_code == 503 and down.headers["Retry-After"] == "5"
        assert down.json()["error"].startswith("cannot search Polygon now")
    await history.aclose()
