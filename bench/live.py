"""Live path benchmark (issue 3): socket → PolygonFeed → MarketPipeline (bars) → bus.

A fake Polygon/Massive server runs in its own process (``python -m bench.live serve``, so
it does not share the client's core) and speaks the real handshake (``connected`` → auth →
``auth_success`` → subscription acks), then pushes JSON arrays of 50 ``T`` events shaped
like the recorded frames (:func:`bench.ingest.make_frames`) as text frames. The client is
the product's :class:`PolygonFeed` (reader task → bounded frame queue → processing task)
feeding a :class:`MarketPipeline` whose bars and microbars are drained from the bus by a
subscriber task, as an SSE client would.

Two measurements:

(a) **sustained throughput** (``/burst``): 1,000,000 pre-encoded trades pushed as fast as
    the client reads them (the server's ``send`` waits on TCP flow control). Trades/s =
    trades processed after the first frame / time from the first to the last frame
    processed; best of 3 runs, with the median alongside (like the ingest benchmark). The
    feed clock follows SIP time (the trades are 20 s of a 50,000/s tape from 09:30:50 ET, so
    the ten 09:30 bars are finalised and published mid-burst) and the frame queue is sized
    to hold the whole burst, so a reader running ahead of the processor shows as queue
    depth, not as an overflow reconnect.
(b) **ingest lag at a fixed offered rate** (``/paced``): 50,000 trades/s (1,000 frames/s)
    for 10 s, every trade stamped with its *scheduled* send time, so a server held back by
    a slow client counts as lag too. The feed runs on the wall clock with the product's
    defaults; the lag is the feed's own metric (``feed clock − SIP time`` of each frame's
    last trade, whole ms), reported as p50/p99/max.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
from websockets.asyncio.server import ServerConnection, serve

from bench.ingest import FRAME_SIZE, START_MS, SYMBOLS, TapeGenerator, make_frames
from bench.stats import cdf
from spotlight_trader import logs
from spotlight_trader.bus import LocalBus, bar_topic, microbar_topic
from spotlight_trader.feeds.polygon.feed import PolygonFeed
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar, Quote, Trade

BURST_TRADES = 1_000_000
BURST_START_MS = START_MS + 50_000  # 09:30:50 ET: the 20 s tape crosses a minute boundary
OFFERED_RATE = 50_000  # trades/s
OFFERED_SECONDS = 10.0
ROOT = Path(__file__).resolve().parents[1]

# ----------------------------------------------------------------------------- server


def _status(status: str, message: str) -> str:
    return json.dumps([{"ev": "status", "status": status, "message": message}])


def _paced_templates(n_frames: int = 2_000, seed: int = 2) -> list[list[dict[str, Any]]]:
    """Frames of ``T`` events whose ``t`` is filled in at send time."""
    tape = TapeGenerator(seed)
    return [[tape.event(0) for _ in range(FRAME_SIZE)] for _ in range(n_frames)]


async def _handshake(ws: ServerConnection) -> None:
    await ws.send(_status("connected", "Connected Successfully"))
    auth = json.loads(await ws.recv())
    assert auth.get("action") == "auth", auth
    await ws.send(_status("auth_success", "authenticated"))
    sub = json.loads(await ws.recv())
    assert sub.get("action") == "subscribe", sub
    acks = [
        {"ev": "status", "status": "success", "message": f"subscribed to: {channel}"}
        for channel in sub["params"].split(",")
    ]
    await ws.send(json.dumps(acks))


async def _serve(burst_trades: int, rate: int, seconds: float) -> None:
    burst = make_frames(burst_trades, start_ms=BURST_START_MS)
    templates = _paced_templates()
    encode = msgspec.json.encode

    async def handler(ws: ServerConnection) -> None:
        path = ws.request.path if ws.request is not None else ""
        await _handshake(ws)
        report: dict[str, Any] = {"path": path}
        if path == "/burst":
            for frame in burst:
                await ws.send(frame, text=True)
        elif path == "/paced":
            n_frames = int(rate * seconds) // FRAME_SIZE
            frame_s = FRAME_SIZE / rate
            start_ms = time.time() * 1000
            start = time.perf_counter()
            sent = 0
            behind_max = 0.0
            while sent < n_frames:
                # frame k holds the trades of [k, k+1) frame periods: it goes out once
                # the last of them has happened
                due = min(n_frames, int((time.perf_counter() - start) / frame_s))
                while sent < due:
                    template = templates[sent % len(templates)]
                    first_ms = start_ms + sent * frame_s * 1000
                    for k, event in enumerate(template):  # each trade at its scheduled time
                        event["t"] = int(first_ms + k * 1000 / rate)
                    behind = time.perf_counter() - start - (sent + 1) * frame_s
                    behind_max = max(behind_max, behind)
                    await ws.send(encode(template), text=True)
                    sent += 1
                await asyncio.sleep(max(0.0, start + (sent + 1) * frame_s - time.perf_counter()))
            report["behind_max_ms"] = round(behind_max * 1000, 2)
            report["send_seconds"] = round(time.perf_counter() - start, 3)
        print(json.dumps(report), flush=True)
        await ws.wait_closed()

    async with serve(handler, "127.0.0.1", 0, compression=None, max_queue=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"PORT {port}", flush=True)
        await asyncio.Future()  # until terminated


# ----------------------------------------------------------------------------- client


class _CountingSink:
    """Passes everything to the pipeline; notes when the expected trades have arrived."""

    def __init__(self, pipeline: MarketPipeline, feed: PolygonFeed, expected: int) -> None:
        self.pipeline = pipeline
        self.feed = feed
        self.expected = expected
        self.count = 0
        self.first_count = 0
        self.first_at = 0.0
        self.last_at = 0.0
        self.last_ts_ms = 0
        self.max_queue = 0
        self.done = asyncio.Event()

    async def ingest(self, trades: Sequence[Trade]) -> None:
        if self.count == 0:
            self.first_at = time.perf_counter()
            self.first_count = len(trades)
        await self.pipeline.ingest(trades)
        self.count += len(trades)
        self.last_ts_ms = trades[-1].ts_ms
        depth = self.feed.queue_depth
        if depth > self.max_queue:
            self.max_queue = depth
        if self.count >= self.expected:
            self.last_at = time.perf_counter()
            self.done.set()

    def on_quote(self, quote: Quote) -> None:
        self.pipeline.on_quote(quote)

    async def advance(self, now_ms: int) -> None:
        await self.pipeline.advance(now_ms)

    def count_malformed(self, n: int = 1) -> None:
        self.pipeline.count_malformed(n)

    async def load_history(self, bars: Sequence[Bar]) -> int:
        return await self.pipeline.load_history(bars)

    def report(
        self, phase: Phase, detail: str = "", *, done: int | None = None, total: int | None = None
    ) -> None:
        self.pipeline.report(phase, detail, done=done, total=total)


async def _run_client(url: str, expected: int, *, sip_clock: bool, timeout_s: float) -> Any:
    bus = LocalBus()
    pipeline = MarketPipeline(
        MemoryRing(5_000), bus, grace_ms=2_000, max_ahead_ms=60_000 if sip_clock else 10_000
    )
    sink_box: list[_CountingSink] = []
    feed = PolygonFeed(
        "bench-key",
        ws_url=url,
        history=None,
        queue_size=expected // FRAME_SIZE + 1_000 if sip_clock else 10_000,
        heartbeat_s=60.0,
        trading_hours=lambda ts: False,
        now_ms=(lambda: sink_box[0].last_ts_ms) if sip_clock else None,
    )
    sink = _CountingSink(pipeline, feed, expected)
    sink.last_ts_ms = BURST_START_MS  # the SIP clock starts where the burst tape starts
    sink_box.append(sink)
    topics = [bar_topic(s) for s in SYMBOLS] + [microbar_topic(s) for s in SYMBOLS]
    subscription = bus.subscribe(topics, maxsize=1_000_000)
    delivered = {"bars": 0, "microbars": 0}

    async def consume() -> None:
        while True:
            topic, _ = await subscription.get()
            delivered["microbars" if topic.startswith("micro") else "bars"] += 1

    await feed.set_symbols(SYMBOLS)
    consumer = asyncio.create_task(consume())
    runner = asyncio.create_task(feed.run(sink))
    try:
        async with asyncio.timeout(timeout_s):
            await sink.done.wait()
        await asyncio.sleep(0.05)  # let the consumer catch up
    finally:
        for task in (runner, consumer):
            task.cancel()
        await asyncio.gather(runner, consumer, return_exceptions=True)
        subscription.close()
    return sink, feed, pipeline, delivered


def _percentile(values: Sequence[int], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return float(ordered[index])


def _read_report(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    report: dict[str, Any] = json.loads(line) if line.strip() else {}
    return report


def run(
    burst_trades: int = BURST_TRADES,
    rate: int = OFFERED_RATE,
    seconds: float = OFFERED_SECONDS,
    repeats: int = 3,
) -> dict[str, Any]:
    """Start the fake server process, run (a) ``repeats`` times (best and median reported)
    and (b) once against it, return the figures."""
    logs.configure("warning")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.live", "serve", str(burst_trades), str(rate), str(seconds)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().split()
        if first[:1] != ["PORT"]:
            raise RuntimeError(f"bench server did not start: {first}")
        base = f"ws://127.0.0.1:{first[1]}"

        runs = []
        for _ in range(repeats):
            sink, feed, pipeline, delivered = asyncio.run(
                _run_client(f"{base}/burst", burst_trades, sip_clock=True, timeout_s=300)
            )
            _read_report(proc)
            elapsed = sink.last_at - sink.first_at
            rate_s = (sink.count - sink.first_count) / elapsed
            runs.append((rate_s, elapsed, sink, feed, pipeline, delivered))
        rates = sorted(r[0] for r in runs)
        best, elapsed, sink, feed, pipeline, delivered = max(runs, key=lambda r: r[0])
        burst = {
            "trades": sink.count,
            "repeats": repeats,
            "seconds": round(elapsed, 3),
            "sustained_trades_per_s": round(best),
            "median_trades_per_s": round(rates[len(rates) // 2]),
            "all_trades_per_s": [round(r[0]) for r in runs],
            "frames": feed.stats.frames,
            "max_queue_depth_frames": sink.max_queue,
            "queue_overflows": sum(r[3].stats.queue_overflows for r in runs),
            "reconnects": sum(r[3].stats.reconnects for r in runs),
            "bars_published": pipeline.stats.bars,
            "microbars_published": pipeline.stats.microbars,
            "bus_bars_delivered": delivered["bars"],
            "bus_microbars_delivered": delivered["microbars"],
            "late": pipeline.stats.late_trades,
            "rejected": pipeline.stats.rejected,
        }

        expected = int(rate * seconds) // FRAME_SIZE * FRAME_SIZE
        sink, feed, pipeline, delivered = asyncio.run(
            _run_client(f"{base}/paced", expected, sip_clock=False, timeout_s=seconds + 60)
        )
        server = _read_report(proc)
        lags = list(feed.lag_samples)
        elapsed = sink.last_at - sink.first_at
        paced = {
            "offered_trades_per_s": rate,
            "offered_seconds": seconds,
            "trades": sink.count,
            "achieved_trades_per_s": round((sink.count - sink.first_count) / elapsed),
            "lag_samples": len(lags),
            "lag_p50_ms": _percentile(lags, 0.50),
            "lag_p99_ms": _percentile(lags, 0.99),
            "lag_max_ms": float(max(lags)) if lags else float("nan"),
            "lag_cdf_ms": cdf(lags),
            "max_queue_depth_frames": sink.max_queue,
            "queue_overflows": feed.stats.queue_overflows,
            "reconnects": feed.stats.reconnects,
            "server_behind_max_ms": server.get("behind_max_ms"),
            "bars_published": pipeline.stats.bars,
            "microbars_published": pipeline.stats.microbars,
            "late": pipeline.stats.late_trades,
        }
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(5)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return {"burst": burst, "paced": paced}


def main() -> None:
    """``python -m bench.live serve N RATE SECONDS`` runs the fake server; without
    arguments, the benchmark prints its figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("role", nargs="?", default="bench", choices=("bench", "serve"))
    parser.add_argument("burst_trades", nargs="?", type=int, default=BURST_TRADES)
    parser.add_argument("rate", nargs="?", type=int, default=OFFERED_RATE)
    parser.add_argument("seconds", nargs="?", type=float, default=OFFERED_SECONDS)
    args = parser.parse_args()
    if args.role == "serve":
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(_serve(args.burst_trades, args.rate, args.seconds))
    else:
        print(json.dumps(run(args.burst_trades, args.rate, args.seconds), indent=2))


if __name__ == "__main__":
    main()
