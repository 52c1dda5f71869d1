"""The watchlist's scanning columns over HTTP: day volume from the final bars of the New
York day, RVOL and gap % as the rules engine has them, bid/ask from the newest quote."""

from __future__ import annotations

from datetime import datetime

import httpx
import pandas as pd

from spotlight_trader.feeds.simulated import SimulatedFeed
from spotlight_trader.market.lifecycle import Phase
from tests.conftest import make_service, running_server, until

# a Wednesday mid-morning with two earlier sessions in the history (RVOL needs 2 here)
NOW = datetime.fromisoformat("2025-03-12T10:30:00-04:00").timestamp()


async def test_rows_carry_day_volume_rvol_gap_and_quote() -> None:
    # a frozen clock: the market stands still once its history is in, so the row and the
    # bars and indicators it is compared with describe the same minute
    feed = SimulatedFeed(["SPY", "AMD"], history_minutes=3 * 1_440, clock=lambda: NOW)
    service = make_service(feed, watchlist="SPY,AMD", rvol_min_sessions=2)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await until(lambda: service.state.phase is Phase.LIVE)
        rows = {r["symbol"]: r for r in (await client.get("/api/symbols")).json()["symbols"]}
        assert set(rows) == {"SPY", "AMD"}
        for symbol, row in rows.items():
            bars = (await client.get("/api/bars", params={"symbol": symbol, "limit": 5000})).json()
            frame = pd.DataFrame(bars["bars"])
            frame["day"] = (
                pd.to_datetime(frame.bar_start_ms, unit="ms", utc=True)
                .dt.tz_convert("America/New_York")
                .dt.date
            )
            today = frame[frame.day == frame.day.max()]
            assert row["volume_seq"] == today.seq.max()
            assert row["volume"] == today.volume.sum() > 0
            ind = service.view.indicators(symbol)
            assert ind is not None
            rvol, gap = ind["rvol"], ind["gap_pct"]
            assert isinstance(rvol, float) and isinstance(gap, float)
            assert row["rvol"] == round(rvol, 4)
            assert row["gap_pct"] == round(gap, 4)
            assert row["notes"] == {}
            snap = service.view.snapshot(symbol)
            assert (row["bid"], row["ask"]) == (snap.bid, snap.ask)


async def test_empty_rvol_says_why() -> None:
    feed = SimulatedFeed(["SPY"], history_minutes=1_440, clock=lambda: NOW)
    service = make_service(feed, watchlist="SPY", rvol_min_sessions=4)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        await until(lambda: service.state.phase is Phase.LIVE)
        (row,) = (await client.get("/api/symbols")).json()["symbols"]
        have, need = service.view.history_sessions("SPY")
        assert row["rvol"] is None and have < need == 4
        assert row["notes"] == {"rvol": f"RVOL needs 4 sessions of history; {have} loaded"}
