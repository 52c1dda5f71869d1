"""The replay's lifecycle and controls over HTTP (a real server around a real ReplayFeed):
its own phase with progress, pause, resume, speed, jump ahead, finished; never "live"."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from spotlight_trader.feeds.files import write_trades_csv
from spotlight_trader.feeds.replay import ReplayFeed
from spotlight_trader.feeds.simulated import SimulatedFeed
from spotlight_trader.market.bars import build_bars
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import MINUTE_MS
from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import synthetic_trades

START = 1_700_000_040_000  # 2023-11-14 17:14 New York
MINUTES = 60
NEW_YORK = ZoneInfo("America/New_York")


def _ny_hhmm(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, NEW_YORK).strftime("%H:%M")


async def test_replay_is_paused_resumed_sped_up_jumped_and_finished(tmp_path: Path) -> None:
    trades = synthetic_trades(["SPY", "AMD"], START, minutes=MINUTES)
    path = tmp_path / "day.csv"
    write_trades_csv(path, trades)
    feed = ReplayFeed(path, speed=60)  # a minute per second: the test pauses and jumps
    service = make_service(feed, watchlist="SPY,AMD")
    phases: list[Phase] = []
    service.lifecycle.listeners.append(lambda s: phases.append(s.phase))
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await until(lambda: feed.status().clock_ms is not None)
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["phase"] == "replaying"
        status = (await client.get("/api/replay")).json()
        assert status["state"] == "playing" and status["speed"] == 60
        assert status["file"] == "day.csv" and status["rows_total"] == len(trades)

        paused = (await client.post("/api/replay/pause")).json()
        assert paused["state"] == "paused"
        assert service.state.phase is Phase.REPLAYING and "paused" in service.state.detail
        clock = feed.status().clock_ms
        await asyncio.sleep(0.5)  # at 60× an unpaused replay moves 30 s in this time
        assert feed.status().clock_ms == clock
        assert (await client.get("/api/replay")).json()["state"] == "paused"

        resumed = (await client.post("/api/replay/resume")).json()
        assert resumed["state"] == "playing" and resumed["speed"] == 60
        faster = (await client.post("/api/replay/speed", json={"speed": 120})).json()
        assert faster["speed"] == 120

        # jump to the 40th minute (New York time on the replayed day), then on at 120×
        target = START - START % MINUTE_MS + 40 * MINUTE_MS
        jumped = await client.post("/api/replay/jump", json={"time": _ny_hhmm(target)})
        assert jumped.status_code == 200, jumped.text
        assert jumped.json()["jump_to_ms"] == target
        await until(lambda: (feed.status().clock_ms or 0) >= target)
        await until(lambda: feed.status().state == "playing")
        assert feed.status().speed == 120

        back = await client.post("/api/replay/jump", json={"time": _ny_hhmm(START)})
        assert back.status_code == 422 and "cannot jump back" in back.json()["error"]
        for bad in ({"speed": 0}, {"speed": -1}, {"speed": "fast"}):
            answer = await client.post("/api/replay/speed", json=bad)
            assert answer.status_code == 422, bad
        for bad_time in ("25:00", "9:30", "noon"):
            answer = await client.post("/api/replay/jump", json={"time": bad_time})
            assert answer.status_code == 422, bad_time

        assert (await client.post("/api/replay/speed", json={"speed": None})).status_code == 200
        await until(lambda: service.state.phase is Phase.FINISHED)
        final = (await client.get("/api/replay")).json()
        assert final["state"] == "finished" and final["percent"] == 100.0
        assert (await client.get("/readyz")).json()["phase"] == "finished"
        refused = await client.post("/api/replay/pause")
        assert refused.status_code == 422 and "finished" in refused.json()["error"]

        # pausing and jumping lose nothing: the bars are those of the whole file in one go
        for symbol in ("SPY", "AMD"):
            served = (await client.get("/api/bars", params={"symbol": symbol})).json()["bars"]
            expected = [b for b in build_bars(trades) if b.symbol == symbol]
            assert [(b["seq"], b["close"], b["volume"]) for b in served] == [
                (b.seq, b.close, b.volume) for b in expected
            ]
    assert Phase.LIVE not in phases
    assert list(dict.fromkeys(phases))[:3] == [Phase.WARMING, Phase.REPLAYING, Phase.FINISHED]


async def test_replay_routes_are_404_without_a_replay() -> None:
    feed = SimulatedFeed(["SPY"], history_minutes=5, start_ms=START)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        for method, path in (("GET", "/api/replay"), ("POST", "/api/replay/pause")):
            answer = await client.request(method, path)
            assert answer.status_code == 404
            assert answer.json()["error"] == "no replay is running (the feed is simulated)"
