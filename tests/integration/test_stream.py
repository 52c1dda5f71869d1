"""/stream/market against a real uvicorn server with a real SSE client (httpx-sse)."""

from __future__ import annotations

import asyncio
import json
import random
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from httpx_sse import aconnect_sse

from spotlight_trader.feeds.files import write_trades_csv
from spotlight_trader.feeds.replay import ReplayFeed
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import MINUTE_MS
from spotlight_trader.runtime.ingest import Ingest
from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.redis_backends import REDIS_URL, Prefixes, prefixes

SYMBOLS = ["SPY", "QQQ", "AAPL", "NVDA"]
START = 1_700_000_040_000


@pytest.fixture
def redis_keys() -> Iterator[Prefixes]:
    yield from prefixes()


async def newest_seq(service: Ingest, symbol: str) -> int:
    """The newest final minute ``service``'s ring holds for ``symbol`` (-1: none)."""
    bars = await service.ring.since_seq(symbol, -1)
    return bars[-1].seq if bars else -1


@pytest.mark.parametrize("backend", ["memory", "redis"])
async def test_resume_chaos_is_lossless_per_symbol(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """During a fast replay of several symbols (the real ReplayFeed reading a trade file),
    a client drops its connection at random points ≥20 times and reconnects with its last
    event id. Per symbol, the bars it received must equal the server's ring exactly; with
    the ring and the bus on Redis too."""
    overrides: dict[str, object] = {}
    if backend == "redis":
        keys: Prefixes = request.getfixturevalue("redis_keys")
        overrides = {"redis_url": REDIS_URL, "redis_prefix": keys.new()}
    trades = synthetic_trades(SYMBOLS, START, minutes=240, seed=3)
    path = tmp_path / "trades.csv"
    write_trades_csv(path, trades)
    feed = ReplayFeed(path, speed=2_400)  # 240 minutes in about 6 s
    service = make_service(feed, watchlist=",".join(SYMBOLS), **overrides)
    rng = random.Random(11)
    received: dict[str, list[int]] = {s: [] for s in SYMBOLS}
    last_id: str | None = None
    first_cursor: dict[str, int] | None = None
    ends: dict[str, int] | None = None
    reconnects = 0
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        while True:
            headers = {"Last-Event-ID": last_id} if last_id else {}
            budget = rng.randint(1, 40)  # events to read before dropping the connection
            finished = False
            async with aconnect_sse(
                client,
                "GET",
                "/stream/market",
                params={"symbols": ",".join(SYMBOLS)},
                headers=headers,
            ) as source:
                assert source.response.status_code == 200
                async for event in source.aiter_sse():
                    if event.id:
                        last_id = event.id
                    if first_cursor is None and event.event == "ready":
                        parts = (p.split(":") for p in json.loads(event.data)["cursor"].split(","))
                        first_cursor = {s: -1 if q == "-" else int(q) for s, q in parts}
                    if event.event == "bar":
                        bar = json.loads(event.data)
                        received[bar["symbol"]].append(bar["seq"])
                    if service.state.phase is Phase.FINISHED and event.event == "status":
                        # replay over: done once every symbol's newest ring bar has arrived
                        # (over Redis the last bars may still be on their way to this worker)
                        if ends is None:
                            ends = {s: await newest_seq(service, s) for s in SYMBOLS}
                        if all(received[s][-1:] == [ends[s]] for s in SYMBOLS):
                            finished = True
                            break
                    budget -= 1
                    if budget <= 0:
                        break
            if finished:
                break
            reconnects += 1
        assert first_cursor is not None
        for symbol in SYMBOLS:
            ring = [b.seq for b in await service.ring.since_seq(symbol, first_cursor[symbol])]
            assert received[symbol] == ring, symbol
        if backend == "redis":
            metrics = (await client.get("/metrics")).text
            assert "spotlight_bus_redis_losses_total 0.0" in metrics
    assert reconnects >= 20
    assert sum(len(v) for v in received.values()) > 500


async def test_since_seq_and_new_client_cursor() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=30, seed=5)
    feed = ScriptedFeed(trades, batch=500)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        await asyncio.wait_for(feed.done.wait(), 10)
        ring = [b.seq for b in await service.ring.since_seq("SPY", -1)]
        since = ring[10]
        async with aconnect_sse(
            client, "GET", "/stream/market", params={"symbols": "SPY", "sinceSeq": str(since)}
        ) as source:
            events = source.aiter_sse()
            ready = await anext(events)
            assert ready.event == "ready" and ready.id == f"SPY:{since}"
            got = []
            for _ in ring[11:]:
                event = await anext(events)
                got.append(json.loads(event.data)["seq"])
            assert got == ring[11:]
            assert event.id == f"SPY:{ring[-1]}"
        # no cursor: start at the tail, nothing replayed
        async with aconnect_sse(
            client, "GET", "/stream/market", params={"symbols": "spy"}
        ) as source:
            ready = await anext(source.aiter_sse())
            assert json.loads(ready.data)["cursor"] == f"SPY:{ring[-1]}"


async def test_microbars_flow_and_carry_forming_minute() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=20, seed=9, per_minute=30)
    feed = ScriptedFeed(trades, batch=3, pause_s=0.005)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
        aconnect_sse(client, "GET", "/stream/market", params={"symbols": "SPY"}) as source,
    ):
        micro = []
        cursor = ""
        async for event in source.aiter_sse():
            if event.event in ("ready", "bar"):
                cursor = event.id
            if event.event == "microbar":
                micro.append(json.loads(event.data))
                assert event.id == cursor  # microbars never move the cursor
            if len(micro) >= 5:
                break
    assert all(m["minute"]["seq"] == m["minute"]["bar_start_ms"] // MINUTE_MS for m in micro)
    assert all(m["bucket_start_ms"] // MINUTE_MS == m["minute"]["seq"] for m in micro)


async def test_slow_client_is_closed_not_starved() -> None:
    """A client that stops reading is disconnected once its bar queue overflows; the
    server counts it; nothing is silently skipped for the clients that keep up."""
    trades = synthetic_trades(SYMBOLS, START, minutes=2_000, seed=4, per_minute=2)
    feed = ScriptedFeed(trades, batch=400, pause_s=0.001, hold=True)
    service = make_service(feed, watchlist=",".join(SYMBOLS), stream_queue_size=10)
    async with running_server(service) as base:
        port = int(base.rsplit(":", 1)[1])
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        # a tiny receive window makes the server's writes block quickly
        writer.transport.get_extra_info("socket").setsockopt(
            socket.SOL_SOCKET, socket.SO_RCVBUF, 4096
        )
        query = f"symbols={','.join(SYMBOLS)}&sinceSeq=0"
        writer.write(f"GET /stream/market?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        await writer.drain()
        # the trades flow once the stream is subscribed: its queue sees every burst
        await until(lambda: service.components.streams.clients == 1)
        feed.release.set()
        await asyncio.wait_for(feed.done.wait(), 30)
        for _ in range(100):
            if service.components.streams.slow_closes:
                break
            await asyncio.sleep(0.05)
        assert service.components.streams.slow_closes == 1
        assert service.bus.overflows == 1
        writer.close()
        async with httpx.AsyncClient(base_url=base) as client:
            metrics = (await client.get("/metrics")).text
        assert "spotlight_stream_slow_closes_total" in metrics


@pytest.mark.parametrize(
    ("path", "params", "status", "fragment"),
    [
        ("/stream/market", {}, 422, "symbols: Field required"),
        ("/stream/market", {"symbols": ""}, 422, "symbols is required"),
        ("/stream/market", {"symbols": "SPY,ZZZZ"}, 422, "not on the watchlist: ZZZZ"),
        ("/stream/market", {"symbols": "SP Y"}, 422, "not a ticker"),
        ("/stream/market", {"symbols": "SPY", "sinceSeq": "-1"}, 422, "sinceSeq"),
        ("/stream/market", {"symbols": "SPY", "sinceSeq": "abc"}, 422, "sinceSeq"),
        ("/stream/market", {"symbols": "SPY", "sinceSeq": "9" * 40}, 422, "sinceSeq"),
        (
            "/stream/market",
            {"symbols": ",".join(f"S{i}" for i in range(60))},
            422,
            "too many symbols",
        ),
        ("/stream/market", {"symbols": "SPY", "lastEventId": "garbage"}, 422, "cursor"),
        ("/api/bars", {}, 422, "symbol: Field required"),
        ("/api/bars", {"symbol": "SPY", "limit": "0"}, 422, "limit"),
        ("/api/bars", {"symbol": "SPY", "limit": "100000"}, 422, "limit"),
        ("/api/bars", {"symbol": "SPY", "limit": "1e3"}, 422, "limit"),
        ("/api/bars", {"symbol": "SPY", "beforeSeq": "x"}, 422, "beforeSeq"),
        ("/api/bars", {"symbol": "NOPE"}, 404, "unknown symbol"),
        ("/api/bars", {"symbol": "$$$"}, 422, "symbol: String should match pattern"),
        ("/api/indicators", {"symbol": "SPY", "limit": "0"}, 422, "limit"),
        ("/api/nothing", {}, 404, "Not Found"),
    ],
)
async def test_bad_input_gets_4xx_json(
    path: str, params: dict[str, str], status: int, fragment: str
) -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3))
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=5) as client,
    ):
        response = await client.get(path, params=params)
        assert response.status_code == status, response.text
        body = response.json()
        assert fragment in body["error"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        (b'{"symbol": 5}', 422),
        (b'{"sym": "X"}', 422),
        (b'{"symbol": "bad symbol"}', 422),
        (b'{"symbol": "' + b"A" * 5000 + b'"}', 413),
    ],
)
async def test_bad_symbol_bodies(body: bytes, status: int) -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3))
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=5) as client,
    ):
        response = await client.post(
            "/api/symbols", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == status, response.text
        assert "error" in response.json()
        assert service.watchlist == ["SPY"]


async def test_watchlist_add_remove_and_bars() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY", "AMD"], START, minutes=30), batch=1000)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=5) as client,
    ):
        assert (await client.post("/api/symbols", json={"symbol": "amd"})).status_code == 201
        assert feed.symbols == ["SPY", "AMD"]
        await asyncio.wait_for(feed.done.wait(), 10)
        bars = (await client.get("/api/bars", params={"symbol": "SPY", "limit": "5"})).json()[
            "bars"
        ]
        assert len(bars) == 5 and [b["seq"] for b in bars] == sorted(b["seq"] for b in bars)
        older = (
            await client.get(
                "/api/bars", params={"symbol": "SPY", "limit": "3", "beforeSeq": bars[0]["seq"]}
            )
        ).json()
        assert [b["seq"] for b in older["bars"]][-1] < bars[0]["seq"]
        rows = (await client.get("/api/symbols")).json()["symbols"]
        assert [r["symbol"] for r in rows] == ["SPY", "AMD"] and rows[0]["last"] is not None
        assert (await client.delete("/api/symbols/AMD")).status_code == 204
        assert (await client.delete("/api/symbols/AMD")).status_code == 404
        assert feed.symbols == ["SPY"]
        health = await client.get("/readyz")
        assert health.status_code == 200
        metrics = (await client.get("/metrics")).text
        assert (
            "spotlight_trades_ingested_total" in metrics
            and "spotlight_bars_finalised_total" in metrics
        )


async def test_indicators_follow_the_bars_pages() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=40), batch=1000)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=5) as client,
    ):
        await asyncio.wait_for(feed.done.wait(), 10)
        every = (await client.get("/api/bars", params={"symbol": "SPY", "limit": "5000"})).json()
        bars = every["bars"]
        page = {"symbol": "spy", "limit": "10", "beforeSeq": str(bars[-5]["seq"])}
        body = (await client.get("/api/indicators", params=page)).json()
        same = (await client.get("/api/bars", params=page)).json()["bars"]
        assert body["symbol"] == "SPY"
        assert [p["seq"] for p in body["points"]] == [b["seq"] for b in same]
        # warmed up over the bars before the page: EMA 9 is there from the page's first bar
        assert len(bars) - 5 - 10 >= 9 and all(p["ema9"] is not None for p in body["points"])
        assert set(body["points"][0]) == {"seq", "vwap", "ema9", "ema21", "rsi14"}
        missing = await client.get("/api/indicators", params={"symbol": "NOPE"})
        assert missing.status_code == 404


async def test_heartbeat_comments_and_status_events() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    service = make_service(feed, watchlist="SPY", stream_heartbeat_s=0.2)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        async with client.stream("GET", "/stream/market", params={"symbols": "SPY"}) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            comments = 0
            async for line in response.aiter_lines():
                if line.startswith(":"):
                    comments += 1
                if comments >= 3:
                    break
    assert comments >= 3


async def test_gap_event_when_the_ring_no_longer_reaches_back() -> None:
    trades = synthetic_trades(["SPY"], START, minutes=60, seed=8)
    feed = ScriptedFeed(trades, batch=1000)
    service = make_service(feed, watchlist="SPY", ring_capacity=10)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        await asyncio.wait_for(feed.done.wait(), 10)
        kept = [b.seq for b in await service.ring.since_seq("SPY", -1)]
        evicted = await service.ring.evicted_through("SPY")
        assert evicted is not None and len(kept) == 10
        params = {"symbols": "SPY", "sinceSeq": str(START // MINUTE_MS)}
        async with aconnect_sse(client, "GET", "/stream/market", params=params) as source:
            events = source.aiter_sse()
            assert (await anext(events)).event == "ready"
            gap = await anext(events)
            assert gap.event == "gap"
            assert json.loads(gap.data) == {
                "symbol": "SPY",
                "from_seq": START // MINUTE_MS + 1,
                "to_seq": evicted,
            }
            got = [json.loads((await anext(events)).data)["seq"] for _ in kept]
            assert got == kept
        # a client whose cursor is inside the ring gets no gap event
        params = {"symbols": "SPY", "sinceSeq": str(kept[0])}
        async with aconnect_sse(client, "GET", "/stream/market", params=params) as source:
            events = source.aiter_sse()
            await anext(events)
            assert (await anext(events)).event == "bar"


async def test_pages_of_the_web_client_load_directly_and_api_404s_stay_json() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3))
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=5) as client,
    ):
        root = await client.get("/")
        assert root.status_code == 200 and root.headers["cache-control"] == "no-cache"
        for page in ("/journal", "/login", "/journal/trades/12"):
            response = await client.get(page)
            assert response.status_code == 200 and response.text == root.text, page
        for path in ("/api/nothing", "/stream/nothing", "/assets/missing.js"):
            response = await client.get(path)
            assert response.status_code == 404, path
            assert response.headers["content-type"].startswith("application/json"), path


async def test_one_ticker_serves_every_stream_and_the_headers_forbid_buffering() -> None:
    """status and heartbeats come from the process's one ticker (not a timer per
    connection): every stream gets the same status frame; nothing is compressed and
    proxies are told not to buffer."""
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    service = make_service(feed, watchlist="SPY", stream_heartbeat_s=0.3)
    statuses: list[list[str]] = [[], [], []]

    async def read(i: int, client: httpx.AsyncClient) -> None:
        headers = {"Accept-Encoding": "gzip"}
        async with client.stream(
            "GET", "/stream/market", params={"symbols": "SPY"}, headers=headers
        ) as response:
            assert response.headers["cache-control"] == "no-cache"
            assert response.headers["x-accel-buffering"] == "no"
            assert "content-encoding" not in response.headers
            event = ""
            async for line in response.aiter_lines():
                if line.startswith("event: "):
                    event = line.removeprefix("event: ")
                elif line.startswith("data: ") and event == "status":
                    statuses[i].append(line)
                    if len(statuses[i]) >= 3:
                        return

    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await asyncio.wait_for(asyncio.gather(*(read(i, client) for i in range(3))), 30)
    # after each stream's own first status, the ticker's frames are shared byte for byte
    shared = [set(s[1:]) for s in statuses]
    assert shared[0] & shared[1] & shared[2]
