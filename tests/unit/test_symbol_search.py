"""Ticker search for the symbol boxes: the ranking (exact ticker, then tickers starting with
the text, then names containing it) and each feed's reference search."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotlight_trader.errors import ReferenceUnavailable
from spotlight_trader.feeds.files import write_trades_csv
from spotlight_trader.feeds.polygon.feed import SEARCH_POOL, PolygonFeed
from spotlight_trader.feeds.polygon.rest import HistoryService
from spotlight_trader.feeds.replay import ReplayFeed
from spotlight_trader.feeds.simulated import SimulatedFeed
from spotlight_trader.market.reference import SymbolInfo, rank_matches
from tests.fakes.feeds import synthetic_trades
from tests.fakes.polygon_rest import FakeRest, ticker

tickers = st.text("ABM.", min_size=1, max_size=4)
names = st.none() | st.text("abm ", max_size=8)
infos = st.lists(st.builds(SymbolInfo, tickers, names), max_size=30)


def _rank(query: str, info: SymbolInfo) -> int:
    if info.symbol == query:
        return 0
    return 1 if info.symbol.startswith(query) else 2


@given(query=tickers, found=infos, limit=st.integers(1, 25))
def test_ranking_keeps_only_matches_exact_first_then_prefixes_then_names(
    query: str, found: list[SymbolInfo], limit: int
) -> None:
    ranked = rank_matches(query, found, limit)

    def matches(i: SymbolInfo) -> bool:
        return i.symbol.startswith(query) or query.casefold() in (i.name or "").casefold()

    assert all(matches(i) for i in ranked)
    assert len({i.symbol for i in ranked}) == len(ranked)
    assert len(ranked) == min(limit, len({i.symbol for i in found if matches(i)}))
    ranks = [_rank(query, i) for i in ranked]
    assert ranks == sorted(ranks)
    if any(i.symbol == query for i in found):
        assert ranked[0].symbol == query


def test_ranking_orders_prefixes_shortest_first_then_alphabetically() -> None:
    found = [SymbolInfo(s) for s in ("AMZN", "AAPL", "SPY", "AMD", "A")]
    found.append(SymbolInfo("APLE", "Apple Hospitality"))
    found.append(SymbolInfo("XYZ", "Block, Inc. (a name match)"))
    assert [i.symbol for i in rank_matches("A", found, 10)] == [
        "A",
        "AMD",
        "AAPL",
        "AMZN",
        "APLE",
        "XYZ",
    ]
    assert [i.symbol for i in rank_matches("A", found, 2)] == ["A", "AMD"]
    assert rank_matches("Q", found, 10) == []


@given(query=st.text("ABMSQ", min_size=1, max_size=3), limit=st.integers(1, 25))
async def test_the_simulator_searches_its_universe(query: str, limit: int) -> None:
    feed = SimulatedFeed(["SPY", "ABC1"])
    found = await feed.search(query, limit)
    expected = sorted((s for s in feed.universe if s.startswith(query)), key=lambda s: (len(s), s))
    assert [i.symbol for i in found] == sorted(expected, key=lambda s: s != query)[:limit]
    assert all(i.simulated for i in found)


async def test_the_simulator_offers_the_a_tickers() -> None:
    found = [i.symbol for i in await SimulatedFeed(["SPY"]).search("A", 10)]
    assert found[:2] == ["AMD", "ARM"] and {"AAPL", "AMZN"} <= set(found)
    assert [i.symbol for i in await SimulatedFeed(["SPY"]).search("AMD", 10)] == ["AMD"]


async def test_a_replay_searches_the_symbols_of_its_file(tmp_path: Path) -> None:
    path = tmp_path / "day.csv"
    write_trades_csv(path, synthetic_trades(["SPY", "AMDX", "AMD", "AAPL"], 1_700_000_040_000, 3))
    feed = ReplayFeed(path, speed=None)
    assert await feed.search("AMD", 10) == [SymbolInfo("AMD"), SymbolInfo("AMDX")]
    assert [i.symbol for i in await feed.search("A", 2)] == ["AMD", "AAPL"]
    assert await feed.search("Q", 10) == []


async def test_polygon_search_asks_the_ticker_list_and_reranks() -> None:
    rest = FakeRest()
    for symbol, name in [
        ("AAPB", "GraniteShares 2x Long AAPL Daily ETF"),
        ("AAPL", "Apple Inc."),
        ("A", "Agilent Technologies Inc."),
        ("AMD", "Advanced Micro Devices"),
        ("MSFT", "Microsoft Corp"),
    ]:
        rest.tickers[symbol] = ticker(symbol, name)
    rest.tickers["AAPLX"] = ticker("AAPLX", "Delisted AAPL Fund", active=False)
    rest.tickers["X:AAPLUSD"] = ticker("X:AAPLUSD", "AAPL token", market="crypto")
    async with HistoryService("test-key", "http://rest.test", transport=rest.transport) as rest_api:
        feed = PolygonFeed("test-key", ws_url="ws://127.0.0.1:9", history=rest_api)
        # Polygon sorts by ticker (AAPB first); the exact ticker comes first here
        assert await feed.search("AAPL", 10) == [
            SymbolInfo("AAPL", "Apple Inc."),
            SymbolInfo("AAPB", "GraniteShares 2x Long AAPL Daily ETF"),
        ]
        asked = rest.requests[-1].url
        assert asked.path == "/v3/reference/tickers"
        assert dict(asked.params) == {
            "search": "AAPL",
            "active": "true",
            "market": "stocks",
            "limit": str(SEARCH_POOL),
        }
        found = await feed.search("A", 3)
        assert [i.symbol for i in found] == ["A", "AMD", "AAPB"]


async def test_polygon_search_is_unavailable_without_rest_or_when_it_fails() -> None:
    with pytest.raises(ReferenceUnavailable, match="cannot be searched"):
        await PolygonFeed("test-key", ws_url="ws://127.0.0.1:9").search("A", 10)
    rest = FakeRest()

    async def no_wait(seconds: float) -> None:
        raise AssertionError(f"a search waited {seconds} s to retry")

    async with HistoryService(
        "test-key", "http://rest.test", transport=rest.transport, sleep=no_wait
    ) as rest_api:
        feed = PolygonFeed("test-key", ws_url="ws://127.0.0.1:9", history=rest_api)
        for status in (429, 500):  # asked once: the box falls back at once, no retry
            rest.script = [status]
            with pytest.raises(ReferenceUnavailable, match=f"cannot search Polygon now.*{status}"):
                await feed.search("A", 10)
        assert len(rest.requests) == 2
