"""Test double feeds: deterministic scripted trades pushed through a real MarketSink."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence

from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import MINUTE_MS, Trade


def synthetic_trades(
    symbols: Sequence[str], start_ms: int, minutes: int, seed: int = 1, per_minute: int = 6
) -> list[Trade]:
    """Trades in time order; each symbol skips some minutes, so bars finalise unevenly."""
    rng = random.Random(seed)
    prices = {s: 100.0 + 10 * i for i, s in enumerate(symbols)}
    trades: list[Trade] = []
    for minute in range(minutes):
        base = start_ms + minute * MINUTE_MS
        for symbol in symbols:
            if rng.random() < 0.15:
                continue  # no trade this minute: no bar, a hole the cursor must tolerate
            for _ in range(rng.randint(1, per_minute)):
                prices[symbol] = max(1.0, round(prices[symbol] + rng.uniform(-0.2, 0.2), 2))
                trades.append(
                    Trade(
                        symbol,
                        base + rng.randrange(MINUTE_MS),
                        prices[symbol],
                        float(rng.randint(1, 9) * 100),
                    )
                )
    trades.sort(key=lambda t: t.ts_ms)
    return trades


class ScriptedFeed:
    """Replays a fixed trade list, pausing after every ``batch`` trades; the feed clock
    follows the trade times (like a replay). It has no history: it reports ``live`` at once
    (``hold=True`` only delays its trades)."""

    name = "scripted"

    def __init__(
        self, trades: Sequence[Trade], batch: int = 20, pause_s: float = 0.0, hold: bool = False
    ) -> None:
        self.trades = list(trades)
        self.batch = batch
        self.pause_s = pause_s
        self.symbols: list[str] = []
        self.done = asyncio.Event()
        self.release = asyncio.Event()  # run() starts once this is set (hold=True)
        if not hold:
            self.release.set()

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        self.symbols = list(symbols)

    async def run(self, sink: MarketSink) -> None:
        sink.report(Phase.LIVE, "scripted")
        await self.release.wait()
        for i in range(0, len(self.trades), self.batch):
            for trade in self.trades[i : i + self.batch]:
                await sink.advance(trade.ts_ms)  # replay clock: never behind the trade
                if trade.symbol in self.symbols:
                    await sink.ingest([trade])
            await asyncio.sleep(self.pause_s)
        await sink.advance(self.trades[-1].ts_ms + 10 * MINUTE_MS)
        self.done.set()
        await asyncio.Event().wait()  # stay "live" like a real feed
