"""Start-up: readiness means ready, and streams that connect while the server warms up get
the history from the ring once it is in, without a storm and without being closed."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict

import httpx
import pytest
from httpx_sse import aconnect_sse

from spotlight_trader.market.lifecycle import Lifecycle, Phase
from spotlight_trader.model import MINUTE_MS
from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed, WarmingFeed, history_bars, synthetic_trades

SYMBOLS = ["SPY", "QQQ", "AAPL"]
START = 1_700_000_040_000
CLIENTS = 20


async def _read(
    client: httpx.AsyncClient, log: list[str], done: asyncio.Event
) -> tuple[dict[str, list[int]], list[dict[str, object]]]:
    """One SSE client from ``sinceSeq=0`` until the feed is done: bars per symbol and the
    status events it saw before ``ready``."""
    bars: dict[str, list[int]] = defaultdict(list)
    before_ready: list[dict[str, object]] = []
    ready = False
    params = {"symbols": ",".join(SYMBOLS), "sinceSeq": "0"}
    async with aconnect_sse(client, "GET", "/stream/market", params=params) as source:
        async for event in source.aiter_sse():
            log.append(event.event)
            if event.event == "ready":
                ready = True
            elif event.event == "status" and not ready:
                before_ready.append(json.loads(event.data))
            elif event.event == "bar":
                bar = json.loads(event.data)
                bars[bar["symbol"]].append(bar["seq"])
            if done.is_set() and ready and event.event == "status":
                break
    return bars, before_ready


async def test_twenty_clients_connected_during_warm_up_get_every_bar_exactly_once() -> None:
    history = history_bars(SYMBOLS, START // MINUTE_MS, 1_000)  # 3,000 bars: a storm, once
    live = synthetic_trades(SYMBOLS, START, minutes=30, seed=2)
    feed = WarmingFeed(history, live, steps=5, batch=50)
    # a queue far smaller than the history: publishing history would close every client
    service = make_service(
        feed, watchlist=",".join(SYMBOLS), stream_queue_size=100, stream_max_per_user=CLIENTS
    )
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await asyncio.wait_for(feed.warming.wait(), 30)
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["status"] == "warming"
        assert ready.json()["detail"] == "loading history 0/3000"
        bars_now = await client.get("/api/bars", params={"symbol": "SPY"})
        assert bars_now.status_code == 503 and "warming" in bars_now.json()["error"]
        assert bars_now.headers["retry-after"] == "1"

        logs: list[list[str]] = [[] for _ in range(CLIENTS)]
        readers = [asyncio.create_task(_read(client, log, feed.done)) for log in logs]
        await until(
            lambda: service.components.streams.clients == CLIENTS
        )  # all connected while warming
        assert service.state.phase is Phase.WARMING
        for _ in range(feed.steps):
            feed.step.set()
            await until(lambda: not feed.step.is_set())
        results = await asyncio.wait_for(asyncio.gather(*readers), 60)

        assert (await client.get("/readyz")).status_code == 200
        assert service.components.streams.slow_closes == 0
        assert service.bus.overflows == 0
        ring = {s: [b.seq for b in await service.ring.since_seq(s, -1)] for s in SYMBOLS}
        assert all(len(ring[s]) > 1_000 for s in SYMBOLS)  # history + live
        for bars, before_ready in results:
            assert bars == ring  # every bar, once, in order, per symbol
            assert before_ready and all(s["phase"] == "warming" for s in before_ready)
            progress = [s["done"] for s in before_ready]
            assert progress == sorted(progress)  # type: ignore[type-var]
        assert all(log[0] == "status" and "ready" in log for log in logs)


async def test_readiness_follows_the_lifecycle() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), batch=1000)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        await asyncio.wait_for(feed.done.wait(), 10)
        body = (await client.get("/readyz")).json()
        assert body == {"status": "ready", "feed": "scripted", "phase": "live", "detail": None}
        metrics = (await client.get("/metrics")).text
        assert 'spotlight_market_phase{phase="live"} 1.0' in metrics
        assert "spotlight_market_ready 1.0" in metrics
        # the feed fails: not ready, with the reason, and /healthz still answers
        service.lifecycle.set(Phase.FAILED, "FeedError: key refused")
        failed = await client.get("/readyz")
        assert failed.status_code == 503
        assert failed.json() == {
            "status": "failed",
            "feed": "scripted",
            "phase": "failed",
            "detail": "FeedError: key refused",
        }
        assert (await client.get("/healthz")).status_code == 200
        assert 'spotlight_market_phase{phase="failed"} 1.0' in (await client.get("/metrics")).text


async def test_a_replay_is_finished_and_ready_after_its_end(tmp_path: object) -> None:
    from pathlib import Path

    from spotlight_trader.feeds.files import write_trades_csv
    from spotlight_trader.feeds.replay import ReplayFeed

    path = Path(str(tmp_path)) / "day.csv"
    write_trades_csv(path, synthetic_trades(["SPY"], START, minutes=5))
    service = make_service(ReplayFeed(path, speed=None), watchlist="SPY")
    states: list[Phase] = []
    service.lifecycle.listeners.append(lambda s: states.append(s.phase))
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        await until(lambda: service.state.phase is Phase.FINISHED)
        assert (await client.get("/readyz")).json()["status"] == "ready"
    # a replay has its own phase (with progress reports), never "live"
    assert list(dict.fromkeys(states))[:3] == [Phase.WARMING, Phase.REPLAYING, Phase.FINISHED]
    assert states[-1] is Phase.STOPPED


def test_lifecycle_refuses_impossible_moves() -> None:
    life = Lifecycle()
    with pytest.raises(ValueError):
        life.set(Phase.RECONNECTING)  # never live yet
    life.set(Phase.LIVE)
    with pytest.raises(ValueError):
        life.set(Phase.WARMING)  # history does not come back
    life.set(Phase.RECONNECTING, "dropped")
    life.set(Phase.LIVE)
    life.set(Phase.FAILED, "boom")
    with pytest.raises(ValueError):
        life.set(Phase.LIVE)
    life.set(Phase.STOPPED)
    life.set(Phase.LIVE)  # after stopping, late reports change nothing
    assert life.state.phase is Phase.STOPPED
