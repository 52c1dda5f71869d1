"""Market data ingest benchmark (issue 2).

Encodes N trades for 10 symbols as Polygon WebSocket frames (JSON arrays of 50 ``T``
events, the shape of the recorded fixtures) and measures, over the same frames:

(a) parse-only: the typed frame decoder the feed uses,
(b) full ingest: decode + normalise + BarBuilder (microbars and bars) + ring + bus publish,
    with a live stream subscriber attached so publishing does real work.
"""

from __future__ import annotations

import asyncio
import gc
import random
import time
from typing import Any

import msgspec

from spotlight_trader.bus import LocalBus, bar_topic, microbar_topic
from spotlight_trader.feeds.polygon.codec import decode_frame, parse_frame
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing

SYMBOLS = ("SPY", "QQQ", "AAPL", "NVDA", "TSLA", "MSFT", "AMD", "META", "AMZN", "GOOGL")
FRAME_SIZE = 50
START_MS = 1_762_522_200_000  # a 09:30 ET open
FEED_RATE_PER_S = 50_000  # exchange-time rate of the generated tape (a busy open, 10 names)
CONDITION_MIX = ((), (), (), (14,), (14, 41), (37,), (12,), (0,))


class TapeGenerator:
    """A seeded random walk of ``T`` events over the benchmark symbols (Polygon wire shape)."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._prices = {s: 100.0 + 37 * i for i, s in enumerate(SYMBOLS)}
        self._seq = 0

    def event(self, ts_ms: int) -> dict[str, Any]:
        """The next trade event, stamped ``ts_ms``."""
        rng = self._rng
        symbol = SYMBOLS[rng.randrange(len(SYMBOLS))]
        price = self._prices[symbol] = max(
            1.0, self._prices[symbol] + rng.choice((-0.01, 0.0, 0.01))
        )
        self._seq += 1
        event: dict[str, Any] = {
            "ev": "T",
            "sym": symbol,
            "x": rng.choice((4, 11, 12, 19)),
            "i": str(self._seq),
            "z": 3,
            "p": round(price, 2),
            "s": rng.choice((100, 100, 200, 50, 300, 1000)),
            "t": ts_ms,
            "q": self._seq,
        }
        conditions = CONDITION_MIX[rng.randrange(len(CONDITION_MIX))]
        if conditions:
            event["c"] = list(conditions)
        return event


def make_frames(
    n_trades: int, rate_per_s: int = FEED_RATE_PER_S, seed: int = 1, start_ms: int = START_MS
) -> list[bytes]:
    """``n_trades`` trades at ``rate_per_s`` of exchange time from ``start_ms``, encoded 50 per
    frame."""
    tape = TapeGenerator(seed)
    span_ms = n_trades * 1000 // rate_per_s
    encode = msgspec.json.encode
    return [
        encode(
            [
                tape.event(start_ms + i * span_ms // n_trades)
                for i in range(start, min(start + FRAME_SIZE, n_trades))
            ]
        )
        for start in range(0, n_trades, FRAME_SIZE)
    ]


def _timed(fn: Any) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def run(n_trades: int = 1_000_000, repeats: int = 3) -> dict[str, Any]:
    """Measure (a) and (b); the best of ``repeats`` runs of each."""
    frames = make_frames(n_trades)

    def parse_only() -> None:
        for frame in frames:
            parse_frame(frame)

    def full_ingest() -> tuple[MarketPipeline, int]:
        bus = LocalBus()
        pipeline = MarketPipeline(MemoryRing(5_000), bus, grace_ms=2_000, max_ahead_ms=60_000)
        topics = [bar_topic(s) for s in SYMBOLS] + [microbar_topic(s) for s in SYMBOLS]
        subscriber = bus.subscribe(topics, maxsize=1_000_000)
        builder = pipeline.builder
        on_trades = builder.on_trades
        advance = builder.advance
        next_tick = 0
        loop = asyncio.new_event_loop()
        drained = 0
        for frame in frames:
            decoded = decode_frame(frame)
            on_trades(decoded.trades)
            last = decoded.last_ts_ms
            if last >= next_tick:  # the live feed's 250 ms clock tick
                advance(last)
                next_tick = last + 250
            if pipeline._pending:
                loop.run_until_complete(pipeline._drain())
            while subscriber.get_nowait() is not None:
                drained += 1
        loop.run_until_complete(pipeline.flush())
        loop.close()
        return pipeline, drained

    parse_s = min(_timed(parse_only) for _ in range(repeats))
    result: list[tuple[MarketPipeline, int]] = []
    ingest_s = min(_timed(lambda: result.append(full_ingest())) for _ in range(repeats))
    pipeline, delivered = result[-1]
    stats = pipeline.stats
    parse_rate = n_trades / parse_s
    ingest_rate = n_trades / ingest_s
    return {
        "trades": n_trades,
        "feed_rate_trades_per_s": FEED_RATE_PER_S,
        "frames": len(frames),
        "parse_only_trades_per_s": round(parse_rate),
        "full_ingest_trades_per_s": round(ingest_rate),
        "ratio_full_over_parse": round(ingest_rate / parse_rate, 3),
        "bars": stats.bars,
        "microbars": stats.microbars,
        "late": stats.late_trades,
        "rejected": stats.rejected,
        "bus_messages_delivered": delivered,
        "goal_full_ingest_trades_per_s": 1_000_000,
        "goal_ratio": 0.5,
    }
