"""Test double feeds: deterministic scripted trades pushed through a real MarketSink."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from typing import Any

from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import MINUTE_MS, Bar, Trade


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


def history_bars(symbols: Sequence[str], end_seq: int, minutes: int) -> list[Bar]:
    """One bar per symbol per minute for ``minutes`` before ``end_seq``, oldest first."""
    bars: list[Bar] = []
    for symbol in symbols:
        price = 50.0 + len(symbol)
        for seq in range(end_seq - minutes, end_seq):
            price = round(price + (0.01 if seq % 3 else -0.02), 2)
            bars.append(
                Bar(
                    symbol,
                    seq,
                    seq * MINUTE_MS,
                    (seq + 1) * MINUTE_MS,
                    price,
                    price + 0.05,
                    price - 0.05,
                    price,
                    1_000.0,
                    10,
                )
            )
    return bars


class WarmingFeed(ScriptedFeed):
    """Loads ``history`` into the sink in ``steps`` batches, each after the test sets
    :attr:`step` (so a test can act while the market is warming), then plays ``trades``
    like :class:`ScriptedFeed`."""

    name = "warming"

    def __init__(
        self, history: Sequence[Bar], trades: Sequence[Trade], steps: int = 4, **kw: Any
    ) -> None:
        super().__init__(trades, **kw)
        self.history = list(history)
        self.steps = steps
        self.step = asyncio.Event()
        self.warming = asyncio.Event()  # set once the first progress report is out

    async def run(self, sink: MarketSink) -> None:
        total = len(self.history)
        per = -(-total // self.steps)
        sink.report(Phase.WARMING, "loading history", done=0, total=total)
        self.warming.set()
        for i in range(0, total, per):
            await self.step.wait()
            self.step.clear()
            await sink.load_history(self.history[i : i + per])
            sink.report(Phase.WARMING, "loading history", done=min(total, i + per), total=total)
        await super().run(sink)
