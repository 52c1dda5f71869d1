"""The outlier rule end to end: a stray pre-market print through a real server is counted
in /metrics, leaves the chart's bar alone and is named in the signal it mattered for."""

from __future__ import annotations

import asyncio

import httpx

from spotlight_trader.model import MINUTE_MS, Trade
from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed

PRE = 1_704_200_400_000  # 2024-01-02 08:00 ET
OPEN = 1_704_205_800_000  # 09:30 ET


def tape() -> list[Trade]:
    trades = []
    for m in range(10):  # a quiet pre-market: 100.00 / 100.01
        trades.append(Trade("SPY", PRE + m * MINUTE_MS + 1_000, 100.0, 100.0))
        trades.append(Trade("SPY", PRE + m * MINUTE_MS + 30_000, 100.01, 100.0))
    trades.append(Trade("SPY", PRE + 10 * MINUTE_MS + 5_000, 100.9, 7_000.0))  # the stray
    trades.append(Trade("SPY", PRE + 10 * MINUTE_MS + 9_000, 100.0, 100.0))
    trades.append(Trade("SPY", OPEN + 1_000, 100.0, 500.0))  # 09:30 closes at 100.00
    trades.append(Trade("SPY", OPEN + MINUTE_MS + 1_000, 100.3, 500.0))  # 09:31 above 100.01
    trades.append(Trade("SPY", OPEN + 2 * MINUTE_MS + 1_000, 100.3, 500.0))
    return trades


def metric(text: str, name: str, **labels: str) -> float:
    shown = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith(f"{name}{{{shown}}} "):
            return float(line.split()[-1])
    raise AssertionError(f"{name}{{{shown}}} not in /metrics")


async def test_a_stray_print_is_counted_kept_in_the_bar_and_explained() -> None:
    feed = ScriptedFeed(tape(), batch=5, hold=True)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rules = (await client.get("/api/rules")).json()["rules"]
        pmh = next(r for r in rules if r["builtin"] == "pm_high_break")
        put = await client.put(
            f"/api/rules/{pmh['id']}/settings", json={"enabled": True, "cooldown_s": 0}
        )
        assert put.status_code == 200
        feed.release.set()
        await asyncio.wait_for(feed.done.wait(), 30)
        await until(lambda: service.engine.signals >= 1 and service.engine.idle)
        (signal,) = (await client.get("/api/signals")).json()["signals"]
        assert signal["inputs"]["pmh"] == 100.01
        assert signal["explanation"] == (
            "SPY closed 100.30 above the pre-market high 100.01, 09:31 ET; "
            "ignored 1 outlier print at 100.90"
        )
        bars = (await client.get("/api/bars", params={"symbol": "SPY", "limit": "50"})).json()
        stray = next(b for b in bars["bars"] if b["seq"] == (PRE + 10 * MINUTE_MS) // MINUTE_MS)
        assert stray["high"] == 100.9 and stray["volume"] == 7_100.0
        text = (await client.get("/metrics")).text
        assert metric(text, "spotlight_level_outliers_total", feed="scripted", reason="range") == 1
        assert metric(text, "spotlight_level_outliers_total", feed="scripted", reason="nbbo") == 0
