"""End to end: fake Polygon WebSocket + fake REST (real local HTTP) → ``spotlight serve --feed
polygon`` as a real subprocess → an SSE client on ``/stream/market``.

The feed clock of the server is the wall clock, so every timestamp here is within a few
minutes of now. To see several minutes complete in a few seconds, the server runs with
``BAR_GRACE_MS=600000``: the clock then finalises nothing younger than ten minutes, and
each minute is finalised by the first print of a later minute (the live rule). The script,
with ``N`` the wall-clock minute when the test starts:

* REST history: minutes N-15 .. N-9 (loaded at start-up, ``POLYGON_BACKFILL_MINUTES=15``);
* live: N-8, N-7, N-6 complete, N-5 forming when the connection is aborted (1006);
* REST now also knows N-5 .. N-3 (the outage): the gap repair after the reconnect stores
  them, discarding the partial live N-5;
* live after the reconnect: N-2, N-1 complete (a print in N finalises N-1).

The SSE client must see every minute from the first history bar to N-1 exactly once, in
order, each equal to what was computed by hand from the trades sent (or to the REST row).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from httpx_sse import aconnect_sse

from spotlight_trader.model import MINUTE_MS
from tests.conftest import free_port
from tests.fakes.polygon_rest import FakeRest, agg, serve_http
from tests.fakes.polygon_ws import FakePolygonServer, quote, trade

CHANNELS = {"T.AAPL", "Q.AAPL"}


def _ohlcvn(bar: dict[str, Any]) -> tuple[float, float, float, float, float, int]:
    return (bar["open"], bar["high"], bar["low"], bar["close"], bar["volume"], bar["trades"])


def _rest_row(minute: int, k: float) -> dict[str, Any]:
    return agg(minute * MINUTE_MS, 200 + k, 201 + k, 199 + k, 200.5 + k, 1_000 + k, n=7)


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


@contextlib.asynccontextmanager
async def _spotlight(env: dict[str, str], port: int, log: Path) -> AsyncIterator[str]:
    """``spotlight serve --feed polygon`` in a subprocess; yields its base URL when ready."""
    spotlight = Path(sys.executable).with_name("spotlight")
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            str(spotlight),
            "serve",
            "--feed",
            "polygon",
            "--port",
            str(port),
            env=env,
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(timeout=2) as client:
            # a hang guard, not a speed check: start-up on a loaded 2-core machine
            deadline = time.monotonic() + 120
            while True:
                if proc.returncode is not None:
                    raise AssertionError(f"spotlight serve exited: {_tail(log)}")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"{base}/readyz")).status_code == 200:
                        break
                assert time.monotonic() < deadline, "spotlight serve not ready in 120 s"
                await asyncio.sleep(0.1)
        yield base
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()


async def _until(predicate: Any, what: str, within_s: float = 60.0) -> None:
    try:
        async with asyncio.timeout(within_s):
            while not predicate():  # noqa: ASYNC110 - the SSE task updates the state
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def test_serve_polygon_streams_live_bars_and_repairs_an_outage(tmp_path: Path) -> None:
    n = int(time.time() * 1000) // MINUTE_MS

    def ts(minute: int, sec: float) -> int:
        return (n + minute) * MINUTE_MS + int(sec * 1000)

    rest = FakeRest()
    history = [_rest_row(n + m, m) for m in range(-15, -8)]  # N-15 .. N-9
    rest.bars["AAPL"] = history

    async with FakePolygonServer() as ws_server:
        with serve_http(rest) as rest_url:
            env = dict(os.environ)  # the autouse fixture removed the developer's settings
            env.update(
                FEED="polygon",
                WATCHLIST="AAPL",
                LOG_LEVEL="info",
                POLYGON_API_KEY="test-key",
                POLYGON_WS_URL=ws_server.url,
                POLYGON_REST_URL=rest_url,
                POLYGON_BACKFILL_MINUTES="15",
                POLYGON_BACKOFF_BASE_S="0.05",
                POLYGON_BACKOFF_MAX_S="0.2",
                POLYGON_HEARTBEAT_S="120",
                BAR_GRACE_MS="600000",
            )
            log = tmp_path / "serve.log"
            async with (
                _spotlight(env, free_port(), log) as base,
                httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(30)) as client,
            ):
                bars: list[dict[str, Any]] = []

                async def collect() -> None:
                    params = {"symbols": "AAPL", "sinceSeq": str(n - 60)}
                    async with aconnect_sse(client, "GET", "/stream/market", params=params) as src:
                        assert src.response.status_code == 200
                        async for event in src.aiter_sse():
                            if event.event == "bar":
                                bars.append(json.loads(event.data))

                def seen(seq: int) -> bool:
                    return any(b["seq"] == seq for b in bars)

                reader = asyncio.create_task(collect())
                try:
                    await ws_server.wait_subscribed(CHANNELS, connection=0)
                    await _until(lambda: seen(n - 9), "the start-up history on the stream")

                    # live minutes N-8 .. N-6 complete, N-5 forming
                    await ws_server.send(
                        [
                            trade("AAPL", ts(-8, 5), 100.00, 100),
                            quote("AAPL", ts(-8, 6), 99.99, 100.01),
                            trade("AAPL", ts(-8, 20), 101.50, 200),
                            trade("AAPL", ts(-8, 40), 99.50, 50),
                        ]
                    )
                    await ws_server.send(
                        [
                            trade("AAPL", ts(-7, 1), 99.75, 300),
                            trade("AAPL", ts(-7, 59.5), 100.25, 100),
                            trade("AAPL", ts(-6, 30), 100.10, 10),
                        ]
                    )
                    await ws_server.send([trade("AAPL", ts(-5, 2), 100.20, 500)])
                    await _until(lambda: seen(n - 6), "live bars N-8 .. N-6")

                    # the outage: REST learns N-5 .. N-3, the socket dies without a close frame
                    outage = [_rest_row(n + m, m) for m in range(-5, -2)]
                    rest.bars["AAPL"] = history + outage
                    await ws_server.drop("abort")
                    await ws_server.wait_until(lambda: len(ws_server.connections) >= 2)
                    await ws_server.wait_subscribed(CHANNELS, connection=1)

                    # live again: N-2, N-1 complete, N forming
                    await ws_server.send(
                        [
                            trade("AAPL", ts(-2, 10), 201.00, 100),
                            trade("AAPL", ts(-2, 50), 202.00, 100),
                            trade("AAPL", ts(-1, 0.5), 203.00, 1_000),
                        ]
                    )
                    await ws_server.send([trade("AAPL", ts(0, 0.1), 204.00, 5)])
                    await _until(lambda: seen(n - 1), "live bars after the reconnect")
                finally:
                    reader.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await reader

    seqs = [b["seq"] - n for b in bars]
    assert seqs == list(range(seqs[0], 0)), f"hole or duplicate: {seqs}\n{_tail(log)}"
    assert -15 <= seqs[0] <= -14  # the history window (-14 if the server started a minute late)
    assert all(b["symbol"] == "AAPL" for b in bars)
    by = {b["seq"] - n: b for b in bars}
    for m in [*range(seqs[0], -8), -5, -4, -3]:  # from REST
        row = next(r for r in rest.bars["AAPL"] if r["t"] == (n + m) * MINUTE_MS)
        assert _ohlcvn(by[m]) == (row["o"], row["h"], row["l"], row["c"], row["v"], 7), m
    assert _ohlcvn(by[-8]) == (100.00, 101.50, 99.50, 99.50, 350.0, 3)
    assert _ohlcvn(by[-7]) == (99.75, 100.25, 99.75, 100.25, 400.0, 2)
    assert _ohlcvn(by[-6]) == (100.10, 100.10, 100.10, 100.10, 10.0, 1)
    assert _ohlcvn(by[-2]) == (201.00, 202.00, 201.00, 202.00, 200.0, 2)
    assert _ohlcvn(by[-1]) == (203.00, 203.00, 203.00, 203.00, 1_000.0, 1)
    assert all(b["bar_end_ms"] - b["bar_start_ms"] == MINUTE_MS for b in bars)
    assert len(ws_server.connections) == 2
    assert ws_server.connections[1].actions[0] == {"action": "auth", "params": "test-key"}
