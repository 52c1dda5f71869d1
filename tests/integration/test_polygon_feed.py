"""PolygonFeed against a local fake Polygon WebSocket server and a fake REST endpoint."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from spotlight_trader.bus import LocalBus, bar_topic
from spotlight_trader.errors import FeedError
from spotlight_trader.feeds.polygon.feed import PolygonFeed
from spotlight_trader.feeds.polygon.rest import HistoryService
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import MINUTE_MS, Bar, Quote, Trade
from tests.conftest import until
from tests.fakes.polygon_rest import FakeRest, agg
from tests.fakes.polygon_ws import FakePolygonServer, quote, recorded, status_frame, trade

M = 29_450_000  # a minute seq (2025-12-29, a Monday)


def ms(minute: int, sec: float = 0.0) -> int:
    """Epoch ms of ``sec`` seconds into minute ``M + minute``."""
    return (M + minute) * MINUTE_MS + int(sec * 1000)


class Clock:
    def __init__(self, now_ms: int) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms


async def _no_sleep(_: float) -> None:
    return None


def make_feed(
    server: FakePolygonServer, clock: Clock, rest: FakeRest | None = None, **kw: Any
) -> PolygonFeed:
    history = None
    if rest is not None:
        history = HistoryService(
            "test-key", "http://rest.test", transport=rest.transport, sleep=_no_sleep
        )
    options: dict[str, Any] = {
        "ws_url": server.url,
        "history": history,
        "now_ms": clock,
        "trading_hours": lambda ts: True,
        "rng": lambda: 1.0,  # the jitter takes the full ceiling: delays are predictable
        "backoff_base_s": 0.05,
        "backoff_max_s": 2.0,
        "stable_after_s": 1_000.0,
        "heartbeat_s": 30.0,
        "tick_s": 0.01,
        "backfill_minutes": 5,
        "handshake_timeout_s": 5.0,
    }
    options.update(kw)
    return PolygonFeed("test-key", **options)


def make_pipeline() -> MarketPipeline:
    return MarketPipeline(MemoryRing(1_000), LocalBus(), grace_ms=2_000, max_ahead_ms=60_000)


@contextlib.asynccontextmanager
async def running(feed: PolygonFeed, sink: Any) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(feed.run(sink))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def ring_seqs(pipeline: MarketPipeline, symbol: str) -> list[int]:
    return [b.seq - M for b in await pipeline.ring.recent(symbol, 1_000)]


async def send_applied(
    server: FakePolygonServer, pipeline: MarketPipeline, trades: list[dict[str, Any]]
) -> None:
    """Send ``trades`` and wait until the bar builder has applied them. Only then may a test
    move the feed clock past their minute: a minute the clock closes first would drop them
    as late (seen under load: the last live minute never reached the ring)."""
    before = pipeline.stats.trades
    await server.send(trades)
    await until(lambda: pipeline.stats.trades >= before + len(trades))


async def until_in_ring(pipeline: MarketPipeline, symbol: str, minute: int) -> None:
    """Wait for the ring (not only the builder, which marks a minute final before the
    pipeline stores it) to hold ``symbol``'s bar of ``minute``; the cap guards a hang."""
    async with asyncio.timeout(30):
        while minute not in await ring_seqs(pipeline, symbol):  # noqa: ASYNC110 - other tasks
            await asyncio.sleep(0.01)


def channels(*symbols: str) -> set[str]:
    return {f"{p}.{s}" for s in symbols for p in ("T", "Q")}


# --------------------------------------------------------------------------- handshake


@pytest.mark.parametrize("connect_status", ["connected", "success"])
async def test_handshake_subscribe_and_mixed_frames(connect_status: str) -> None:
    clock = Clock(ms(0, 5))
    pipeline = make_pipeline()
    async with FakePolygonServer(connect_status=connect_status) as server:
        feed = make_feed(server, clock)
        await feed.set_symbols(["AAPL", "MSFT"])
        async with running(feed, pipeline):
            await server.wait_subscribed(channels("AAPL", "MSFT"))
            conn = server.current
            assert conn.actions[0] == {"action": "auth", "params": "test-key"}
            assert conn.actions[1]["action"] == "subscribe"
            assert set(conn.actions[1]["params"].split(",")) == channels("AAPL", "MSFT")
            assert feed.connected

            bad = trade("AAPL", ms(0, 7), 1.0)
            bad["p"] = "oops"
            ex = recorded()["spec_examples"]
            await server.send(
                [
                    trade("AAPL", ms(0, 6), 190.0, 100, [14, 41]),
                    quote("AAPL", ms(0, 6), 189.9, 190.1, 3, 4),
                    status_frame("success", "subscribed to: T.AAPL")[0],
                    ex["/stocks/AM"][0],
                    bad,
                    trade("AAPL", ms(0, 8), 191.0, 50),
                ]
            )
            await until(lambda: pipeline.stats.trades == 2)
            await until(lambda: pipeline.builder.quote("AAPL") is not None)
            q = pipeline.builder.quote("AAPL")
            assert q == Quote("AAPL", ms(0, 6), 189.9, 190.1, 300.0, 400.0)
            assert feed.stats.unknown_events == 1
            assert feed.stats.malformed_entries == 1 and pipeline.malformed == 1
            assert feed.ingest_lag_ms == clock.now_ms - ms(0, 8)

            clock.now_ms = ms(1, 3)  # past minute 0's end + grace: the clock finalises it
            await until(lambda: pipeline.builder.final_seq("AAPL") >= M)
            await until_in_ring(pipeline, "AAPL", 0)
            bars = await pipeline.ring.recent("AAPL", 10)
            assert [(b.seq, b.open, b.close, b.volume, b.trades) for b in bars] == [
                (M, 190.0, 191.0, 150.0, 2)
            ]
            metrics = feed.metrics()
            assert metrics["polygon_trades_total"] == 2
            assert metrics["polygon_connected"] == 1


@pytest.mark.parametrize(
    ("server_kw", "expected"),
    [
        ({"api_key": "another-key"}, "auth_failed"),
        ({"auth_reply": "auth_timeout"}, "auth_timeout"),
    ],
)
async def test_auth_failure_stops_with_one_clear_error(
    server_kw: dict[str, Any], expected: str
) -> None:
    async with FakePolygonServer(**server_kw) as server:
        feed = make_feed(server, Clock(ms(0)))
        await feed.set_symbols(["AAPL"])
        with pytest.raises(FeedError, match=rf"{expected}.*POLYGON_API_KEY"):
            await asyncio.wait_for(feed.run(make_pipeline()), 10)
        await asyncio.sleep(0.2)
        assert len(server.connections) == 1  # no retry storm
        assert feed.stats.reconnects == 0


async def test_runtime_subscribe_and_unsubscribe_reach_the_server() -> None:
    async with FakePolygonServer() as server:
        feed = make_feed(server, Clock(ms(0)))
        await feed.set_symbols(["AAPL"])
        async with running(feed, make_pipeline()):
            await server.wait_subscribed(channels("AAPL"))
            await feed.set_symbols(["AAPL", "NVDA"])
            await server.wait_subscribed(channels("AAPL", "NVDA"))
            await feed.set_symbols(["NVDA"])
            await server.wait_subscribed(channels("NVDA"))
            actions = server.current.actions
            assert {"action": "unsubscribe", "params": "T.AAPL,Q.AAPL"} in actions
            assert {"action": "subscribe", "params": "T.NVDA,Q.NVDA"} in actions
            assert len(server.connections) == 1


async def test_delayed_feed_subscribes_trades_only_and_lags_its_clock() -> None:
    clock = Clock(ms(20, 2))
    async with FakePolygonServer() as server:
        feed = make_feed(server, clock, delay_ms=15 * MINUTE_MS, quotes=False)
        await feed.set_symbols(["AAPL"])
        pipeline = make_pipeline()
        async with running(feed, pipeline):
            await server.wait_subscribed({"T.AAPL"})
            await server.send([trade("AAPL", ms(5, 1), 10.0)])  # 15 min old: not late
            await until(lambda: pipeline.stats.trades == 1)
            assert pipeline.stats.late_trades == 0
            assert pipeline.builder.forming("AAPL") is not None
            assert 0 <= feed.ingest_lag_ms < MINUTE_MS


# --------------------------------------------------------------------------- outages


def _truth(rest: FakeRest, symbol: str, first: int, last: int) -> None:
    rest.bars[symbol] = [
        agg(ms(i), 100 + i, 101 + i, 99 + i, 100.5 + i, 1_000 + i, n=7)
        for i in range(first, last + 1)
    ]


async def test_outages_reconnect_with_growing_delays_resubscribe_and_repair_gaps() -> None:
    """1006 (no close frame), 1011 and max_connections mid-stream: each time the client backs
    off longer, resubscribes exactly the current set, and REST fills the missed minutes, so
    the bar stream a subscriber sees has no hole and no duplicate."""
    clock = Clock(ms(0, 5))
    rest = FakeRest()
    _truth(rest, "AAPL", -5, 30)
    _truth(rest, "MSFT", -5, 30)
    pipeline = make_pipeline()
    sub = pipeline.bus.subscribe([bar_topic("AAPL"), bar_topic("MSFT")], maxsize=10_000)
    async with FakePolygonServer() as server:
        feed = make_feed(server, clock, rest)
        await feed.set_symbols(["AAPL"])
        async with running(feed, pipeline):
            await server.wait_subscribed(channels("AAPL"))
            await until(lambda: pipeline.builder.final_seq("AAPL") >= M - 1)  # start-up backfill
            assert await ring_seqs(pipeline, "AAPL") == [-5, -4, -3, -2, -1]

            minute = 0
            for n, how in enumerate(["abort", "1011", "max_connections"]):
                # live minute `minute` completes, minute+1 is forming when the link drops
                await send_applied(
                    server,
                    pipeline,
                    [trade("AAPL", ms(minute, 10), 50.0), trade("AAPL", ms(minute, 20), 51.0)],
                )
                clock.now_ms = ms(minute + 1, 1)
                await send_applied(server, pipeline, [trade("AAPL", ms(minute + 1, 1), 52.0)])

                def final(m: int = minute, extra: int = 0) -> bool:
                    return pipeline.builder.final_seq("AAPL") >= M + m + extra

                await until(final)
                if n == 1:  # the watchlist changes between outages
                    await feed.set_symbols(["AAPL", "MSFT"])
                    await server.wait_subscribed(channels("AAPL", "MSFT"))
                await server.drop(how)
                await until(lambda: not feed.connected)
                clock.now_ms = ms(minute + 4, 30)  # three minutes pass while disconnected

                def reconnected(k: int = n) -> bool:
                    return len(server.connections) == k + 2 and server.current.authenticated

                await until(reconnected)
                expected = channels("AAPL", "MSFT") if n >= 1 else channels("AAPL")
                await server.wait_subscribed(expected)
                # REST repairs minute+1 (the partial one) .. minute+3
                await until(lambda: final(extra=3))
                minute += 4
            # the last live minute finalises normally
            await send_applied(server, pipeline, [trade("AAPL", ms(minute, 40), 60.0)])
            clock.now_ms = ms(minute + 1, 3)
            await until(lambda: pipeline.builder.final_seq("AAPL") >= M + minute)
            await until_in_ring(pipeline, "AAPL", minute)
            await until_in_ring(pipeline, "MSFT", 11)

            assert feed.backoff_delays == pytest.approx([0.05, 0.1, 0.2])  # growing
            assert feed.stats.reconnects == 3
            assert feed.stats.disconnect_statuses == 1

            aapl = await pipeline.ring.recent("AAPL", 1_000)
            assert [b.seq - M for b in aapl] == list(range(-5, minute + 1))  # no hole
            by_seq = {b.seq - M: b for b in aapl}
            for start in (0, 4, 8):
                assert (by_seq[start].open, by_seq[start].trades) == (50.0, 2)  # live
                for k in (1, 2, 3):  # from REST; the partial live minute start+1 was discarded
                    rest_bar = by_seq[start + k]
                    assert (rest_bar.open, rest_bar.trades) == (100 + start + k, 7)
            # a subscriber saw exactly the ring's bars after the start-up history (which goes
            # into the ring as one unpublished batch), in order, without duplicates
            seen: list[Bar] = []
            while (item := sub.get_nowait()) is not None:
                seen.append(item[1])  # type: ignore[arg-type]
            assert [b for b in seen if b.symbol == "AAPL"] == [b for b in aapl if b.seq >= M]
            # MSFT joined at minute 5: five minutes of history, then repaired after each outage
            assert await ring_seqs(pipeline, "MSFT") == list(range(12))


async def test_max_connections_on_connect_is_retried() -> None:
    async with FakePolygonServer(on_connect=["max_connections", "max_connections"]) as server:
        feed = make_feed(server, Clock(ms(0)))
        await feed.set_symbols(["AAPL"])
        async with running(feed, make_pipeline()):
            await server.wait_subscribed(channels("AAPL"))
            assert len(server.connections) == 3
            assert feed.backoff_delays == pytest.approx([0.05, 0.1])
            assert feed.stats.disconnect_statuses == 2


async def test_attempt_counter_resets_after_a_stable_connection() -> None:
    async with FakePolygonServer() as server:
        feed = make_feed(server, Clock(ms(0)), stable_after_s=0.2)
        await feed.set_symbols(["AAPL"])
        async with running(feed, make_pipeline()):
            for k in range(3):
                await server.wait_subscribed(channels("AAPL"))
                await asyncio.sleep(0.3)  # longer than stable_after_s
                await server.drop("abort")

                def dropped(k: int = k) -> bool:
                    return len(server.connections) == k + 2

                await until(dropped)
            assert feed.backoff_delays == pytest.approx([0.05, 0.05, 0.05])


async def test_heartbeat_watchdog_reconnects_only_in_trading_hours() -> None:
    trading = {"on": False}
    async with FakePolygonServer() as server:
        feed = make_feed(
            server, Clock(ms(0)), heartbeat_s=0.3, trading_hours=lambda ts: trading["on"]
        )
        await feed.set_symbols(["AAPL"])
        async with running(feed, make_pipeline()):
            await server.wait_subscribed(channels("AAPL"))
            await asyncio.sleep(0.8)
            assert len(server.connections) == 1  # quiet market hours: no reconnect
            trading["on"] = True
            await until(lambda: len(server.connections) >= 2)
            assert feed.stats.heartbeat_timeouts >= 1


class _StuckSink:
    """A sink whose ingest blocks until released (a processor that cannot keep up)."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.trades: list[Trade] = []
        self.phases: list[Phase] = []

    async def ingest(self, trades: Sequence[Trade]) -> None:
        await self.release.wait()
        self.trades.extend(trades)

    def on_quote(self, quote: Quote) -> None:
        return None

    async def advance(self, now_ms: int) -> None:
        return None

    def count_malformed(self, n: int = 1) -> None:
        return None

    async def load_history(self, bars: Sequence[Bar]) -> int:
        return 0

    def report(
        self, phase: Phase, detail: str = "", *, done: int | None = None, total: int | None = None
    ) -> None:
        self.phases.append(phase)


async def test_full_queue_is_loud_and_reconnects() -> None:
    sink = _StuckSink()
    async with FakePolygonServer() as server:
        feed = make_feed(server, Clock(ms(0)), queue_size=3)
        await feed.set_symbols(["AAPL"])
        async with running(feed, sink):
            await server.wait_subscribed(channels("AAPL"))
            for i in range(8):
                with contextlib.suppress(Exception):
                    await server.send([trade("AAPL", ms(0, i), 10.0)])
            await until(lambda: feed.stats.queue_overflows >= 1)
            await until(lambda: len(server.connections) >= 2)
            sink.release.set()
            # every trade the feed accepted reaches the sink, in order, none twice (how many
            # were queued before the overflow depends on scheduling, so no count is assumed)
            await until(lambda: len(sink.trades) == feed.stats.trades >= 1)
            assert [t.ts_ms for t in sink.trades] == [ms(0, i) for i in range(len(sink.trades))]
            # and the feed is live again after the reconnects
            await until(lambda: sink.phases.count(Phase.LIVE) >= 2)
