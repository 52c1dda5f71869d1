"""Fan-out benchmark (issue 13): SSE microbars from one server process to many clients.

Three processes: the **server** (the product's single-process app with a bench feed, or a
minimal raw-Starlette SSE loop as the baseline), the **clients** (raw sockets parsing
SSE, one asyncio process) and this coordinator, which reads the server's CPU time and RSS
from ``/proc``. Each client subscribes to 5 symbols; each symbol prints once per 250 ms
bucket, so a lone client receives 20 microbars/s.

Measured per client count: microbars delivered per second (total and per client, as a
share of what a lone client gets), publish → client latency (receive time − the end of
the microbar's bucket, when the server publishes it), clients the server closed, the
server's CPU per delivered event, and — for idle connections — RSS per connection. The
baseline runs the same event rate through Starlette's ``StreamingResponse`` with one
pre-encoded payload per event, the least a Python SSE server can do; our cost per event
is reported as a ratio to it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from bench.stats import cdf, quantile

ROOT = Path(__file__).resolve().parents[1]
BUCKET_MS = 250
PER_CLIENT = 5
WARMUP_S = 4.0
WINDOW_S = 10.0
SYMBOLS = 50
IDLE = "IDLE"


def _symbols(n: int = SYMBOLS) -> list[str]:
    return [f"S{i:03d}" for i in range(n)]


# ----------------------------------------------------------------------------- servers


class BenchFeed:
    """Every symbol prints once per 250 ms bucket at wall-clock time; the clock is advanced
    at each bucket's end, which is when the builder publishes the bucket's microbar."""

    name = "bench"

    def __init__(self, symbols: Sequence[str]) -> None:
        self.symbols = list(symbols)

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        self.symbols = [s for s in symbols if s != IDLE]

    async def run(self, sink: Any) -> None:
        from spotlight_trader.market.lifecycle import Phase
        from spotlight_trader.model import Trade

        sink.report(Phase.LIVE, "bench")
        price = 100.0
        while True:
            now = time.time() * 1000
            bucket_end = (int(now) // BUCKET_MS + 1) * BUCKET_MS
            await asyncio.sleep((bucket_end - now) / 1000)
            await sink.advance(bucket_end)  # publishes the microbars of the bucket that ended
            price = 100.0 + (bucket_end // BUCKET_MS) % 100 / 100
            trades = [Trade(s, bucket_end + 1, price, 100.0) for s in self.symbols]
            await sink.ingest(trades)


def _serve_product(port: int, symbols: list[str]) -> None:
    import uvicorn

    from spotlight_trader import logs
    from spotlight_trader.config import load_settings
    from spotlight_trader.runtime.components import build_components
    from spotlight_trader.runtime.ingest import Ingest
    from spotlight_trader.runtime.web import single_process_app

    data = tempfile.mkdtemp(prefix="spotlight-bench-")
    settings = load_settings(
        watchlist=",".join([*symbols, IDLE]),
        data_dir=data,
        log_level="warning",
        stream_heartbeat_s=15.0,
        stream_max_per_user=10_000,  # every bench client is the local user
    )
    logs.configure("warning")
    app = single_process_app(Ingest(build_components(settings), BenchFeed(symbols)))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _serve_baseline(port: int, symbols: list[str]) -> None:
    """The least a Python SSE server does: one encode per event, one queue per client,
    Starlette's StreamingResponse writing it."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import StreamingResponse
    from starlette.routing import Route

    subscribers: dict[str, set[asyncio.Queue[bytes]]] = {s: set() for s in symbols}

    async def publisher() -> None:
        while True:
            now = time.time() * 1000
            bucket_end = (int(now) // BUCKET_MS + 1) * BUCKET_MS
            await asyncio.sleep((bucket_end - now) / 1000)
            start = bucket_end - BUCKET_MS
            for s in symbols:
                data = json.dumps(
                    {"symbol": s, "bucket_start_ms": start, "open": 100.0, "high": 100.0,
                     "low": 100.0, "close": 100.0, "volume": 100.0, "trades": 1,
                     "minute": {"seq": start // 60_000, "bar_start_ms": start // 60_000 * 60_000,
                                "open": 100.0, "high": 100.0, "low": 100.0, "close": 100.0,
                                "volume": 100.0, "trades": 1}},
                    separators=(",", ":"),
                )  # fmt: skip
                frame = b"event: microbar\ndata: " + data.encode() + b"\n\n"
                for queue in subscribers[s]:
                    queue.put_nowait(frame)

    async def stream(request: Request) -> StreamingResponse:
        wanted = request.query_params["symbols"].split(",")
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        for s in wanted:
            subscribers.setdefault(s, set()).add(queue)

        async def body() -> AsyncIterator[bytes]:
            try:
                yield b"event: ready\ndata: {}\n\n"
                while True:
                    yield await queue.get()
            finally:
                for s in wanted:
                    subscribers[s].discard(queue)

        return StreamingResponse(body(), media_type="text/event-stream")

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        task = asyncio.get_running_loop().create_task(publisher())
        yield
        task.cancel()

    app = Starlette(routes=[Route("/stream/market", stream)], lifespan=lifespan)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


# ----------------------------------------------------------------------------- clients


class _Client:
    __slots__ = ("closed", "count", "latencies", "ready")

    def __init__(self) -> None:
        self.count = 0
        self.closed = False
        self.ready = False
        self.latencies: list[float] = []


async def _client(
    port: int, symbols: list[str], client: _Client, window: tuple[float, float], sample: bool
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=2**20)
    query = ",".join(symbols)
    writer.write(f"GET /stream/market?symbols={query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    key = b'"bucket_start_ms":'
    buffer = b""
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                client.closed = True
                return
            now = time.time()
            buffer += chunk.replace(b"\r\n", b"\n")
            *frames, buffer = buffer.split(b"\n\n")
            for frame in frames:
                if b"event: ready" in frame:
                    client.ready = True
                    continue
                if b"event: microbar" not in frame:
                    continue
                if not window[0] <= now < window[1]:
                    continue
                client.count += 1
                if sample:
                    i = frame.find(key) + len(key)
                    start = int(frame[i : frame.index(b",", i)])
                    client.latencies.append(now * 1000 - (start + BUCKET_MS))
    except (ConnectionError, OSError):
        client.closed = True
    finally:
        writer.close()


async def _run_clients(port: int, n: int, idle: bool, seconds: float) -> dict[str, Any]:
    symbols = _symbols()
    clients = [_Client() for _ in range(n)]
    start = time.time() + WARMUP_S
    window = (start, start + seconds)
    tasks = []
    for i, client in enumerate(clients):
        wanted = (
            [IDLE]
            if idle
            else [symbols[(i * PER_CLIENT + k) % len(symbols)] for k in range(PER_CLIENT)]
        )
        tasks.append(asyncio.create_task(_client(port, wanted, client, window, i % 10 == 0)))
        if i % 200 == 199:
            await asyncio.sleep(0.05)  # do not overflow the listen backlog
    ready_at = time.time()
    while time.time() < window[1] + 0.5:
        await asyncio.sleep(0.1)
        if time.time() < window[0]:
            ready_at = time.time()
    print(json.dumps({"ready": sum(c.ready for c in clients)}), file=sys.stderr, flush=True)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    counts = [c.count / seconds for c in clients]
    latencies = sorted(x for c in clients for x in c.latencies)
    return {
        "clients": n,
        "ready": sum(c.ready for c in clients),
        "closed_by_server": sum(c.closed for c in clients),
        "delivered_per_s": round(sum(counts), 1),
        "per_client_min": round(min(counts), 2) if counts else 0,
        "per_client_median": round(statistics.median(counts), 2) if counts else 0,
        "latency_p50_ms": quantile(latencies, 0.50),
        "latency_p99_ms": quantile(latencies, 0.99),
        "latency_cdf_ms": cdf(latencies),
        "window_start": window[0],
        "ready_at": ready_at,
    }


# ----------------------------------------------------------------------------- coordinator


def _proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(kind: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.fanout", kind, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.1)
    time.sleep(1.0)  # the feed is live
    return proc, port


def _measure(
    pid: int, port: int, n: int, idle: bool = False, seconds: float = WINDOW_S
) -> dict[str, Any]:
    rss_before = _proc_rss_kb(pid)
    argv = [sys.executable, "-m", "bench.fanout", "clients", "--port", str(port), "--n", str(n)]
    argv += ["--seconds", str(seconds), *(["--idle"] if idle else [])]
    clients = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(WARMUP_S)
    cpu0, t0 = _proc_cpu_s(pid), time.time()
    time.sleep(seconds)
    cpu1, t1 = _proc_cpu_s(pid), time.time()
    rss = _proc_rss_kb(pid)
    out, _ = clients.communicate(timeout=120)
    figures: dict[str, Any] = json.loads(out)
    cpu = (cpu1 - cpu0) / (t1 - t0)
    figures["server_cpu_pct"] = round(cpu * 100, 1)
    delivered = figures["delivered_per_s"]
    figures["cpu_us_per_event"] = round(cpu * 1e6 / delivered, 1) if delivered else None
    ready = figures["ready"]
    figures["rss_kb_per_connection"] = round((rss - rss_before) / ready, 1) if ready else None
    return figures


def run(sizes: Sequence[int] = (1, 100, 1000, 5000)) -> dict[str, Any]:
    """Both servers at every size; the figures of issue 13's goals."""
    results: dict[str, Any] = {}
    for kind in ("product", "baseline"):
        idle = None
        if kind == "product":  # on a fresh server: RSS per idle connection
            proc, port = _start_server(kind)
            try:
                idle = _measure(proc.pid, port, 1000, idle=True, seconds=3.0)
            finally:
                proc.terminate()
                proc.wait(10)
        proc, port = _start_server(kind)
        try:
            rows = [_measure(proc.pid, port, n) for n in sizes]
        finally:
            proc.terminate()
            proc.wait(10)
        lone = rows[0]["per_client_median"] or 1
        for row in rows:
            row["per_client_share_of_lone"] = round(row["per_client_min"] / lone, 3)
        results[kind] = {"sizes": rows, "idle_1000": idle}
    ours = {r["clients"]: r for r in results["product"]["sizes"]}
    base = {r["clients"]: r for r in results["baseline"]["sizes"]}
    if 1000 in ours and ours[1000]["cpu_us_per_event"] and base[1000]["cpu_us_per_event"]:
        results["cost_ratio_1000"] = round(
            ours[1000]["cpu_us_per_event"] / base[1000]["cpu_us_per_event"], 2
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=["product", "baseline", "clients", "run"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--n", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=WINDOW_S)
    parser.add_argument("--idle", action="store_true")
    args = parser.parse_args()
    if args.role == "product":
        _serve_product(args.port, _symbols())
    elif args.role == "baseline":
        _serve_baseline(args.port, _symbols())
    elif args.role == "clients":
        print(json.dumps(asyncio.run(_run_clients(args.port, args.n, args.idle, args.seconds))))
    else:
        print(json.dumps(run(), indent=2))


if __name__ == "__main__":
    main()
