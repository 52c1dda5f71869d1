"""Voice proxy benchmark (issue 6): 50 concurrent sessions streaming 24 kHz PCM16 audio in
20 ms frames (``input_audio_buffer.append``, base64) to a fake Realtime upstream, first
directly, then through the product's ``/ws/realtime`` proxy (uvicorn, as ``make run``).

Three processes, so no leg shares a core with another: the fake upstream
(``python -m bench.voice upstream PORT``), the proxy (``python -m bench.voice proxy PORT
UPSTREAM_URL``) and the clients (this process). Every frame carries its send time
(``time.perf_counter_ns``, CLOCK_MONOTONIC, comparable across processes on Linux) as
``event_id``; the upstream records ``arrival - send`` per frame. At the same time the fake
upstream "speaks": one stamped ``response.output_audio.delta`` (20 ms) every 20 ms per
session, timed on arrival at the client. The proxy's **added latency** is the via-proxy
percentile minus the direct percentile, per direction. Every 50th client frame is a
``response.cancel`` (measured separately: barge-in must pass at once). CPU per session is
the proxy process's user+system CPU time over the streaming window / wall time / sessions.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = 50
SECONDS = 8.0
ROUNDS = 3  # direct and proxied alternate; medians are reported (2-core machines are noisy)
FRAME_MS = 20
FRAME_BYTES = 24_000 * 2 * FRAME_MS // 1000  # 960 bytes of PCM16 mono
CANCEL_EVERY = 50
SECRET = "bench-session-secret-0123456789abcdef"
AUDIO = base64.b64encode(bytes(range(256)) * (FRAME_BYTES // 256) + bytes(FRAME_BYTES % 256))

# ----------------------------------------------------------------------------- upstream


async def _upstream(port: int) -> None:
    import logging

    logging.getLogger("websockets").setLevel(logging.CRITICAL)  # _wait_port's probes

    audio = AUDIO.decode()
    frames = int(SECONDS * 1000 / FRAME_MS)

    async def speak(ws: ServerConnection) -> None:
        """The coach talking: one output audio delta every 20 ms, stamped."""
        next_t = time.perf_counter()
        for _ in range(frames):
            await ws.send(
                f'{{"type":"response.output_audio.delta","event_id":"{time.perf_counter_ns()}",'
                f'"response_id":"resp_1","item_id":"item_1","output_index":0,'
                f'"content_index":0,"delta":"{audio}"}}'
            )
            next_t += FRAME_MS / 1000
            await asyncio.sleep(max(0.0, next_t - time.perf_counter()))

    async def handler(ws: ServerConnection) -> None:
        append: list[int] = []
        cancel: list[int] = []
        speaker: asyncio.Task[None] | None = None
        await ws.send('{"type":"session.created","event_id":"e0","session":{"type":"realtime"}}')
        async for frame in ws:
            now = time.perf_counter_ns()
            assert isinstance(frame, str)
            if frame.startswith('{"type":"input_audio_buffer.append"'):
                start = frame.index('"event_id":"') + 12
                append.append(now - int(frame[start : frame.index('"', start)]))
                if speaker is None:
                    speaker = asyncio.create_task(speak(ws))
                continue
            event = json.loads(frame)
            kind = event.get("type")
            if kind == "response.cancel":
                cancel.append(now - int(event["event_id"]))
            elif kind == "session.update":
                await ws.send('{"type":"session.updated","event_id":"e1","session":{}}')
            elif kind == "bench.report":
                if speaker is not None:
                    await speaker
                await ws.send(
                    json.dumps({"type": "bench.latencies", "append": append, "cancel": cancel})
                )

    async with serve(handler, "127.0.0.1", port, max_size=None, compression=None):
        await asyncio.Event().wait()


# ----------------------------------------------------------------------------- proxy


class _IdleFeed:
    name = "idle"

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        pass

    async def run(self, sink: Any) -> None:
        await asyncio.Event().wait()


def _proxy(port: int, upstream_url: str) -> None:
    import uvicorn

    from spotlight_trader import logs
    from spotlight_trader.config import load_settings
    from spotlight_trader.runtime.components import build_components
    from spotlight_trader.runtime.ingest import Ingest
    from spotlight_trader.runtime.web import single_process_app

    settings = load_settings(
        openai_api_key="sk-bench",
        realtime_url=upstream_url,
        session_secret=SECRET,
        voice_max_connections=SESSIONS,
        log_level="warning",
    )
    logs.configure("warning")
    app = single_process_app(Ingest(build_components(settings), _IdleFeed()))
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        ws_ping_interval=settings.voice_heartbeat_s,
        ws_ping_timeout=settings.voice_heartbeat_s,
    )


# ----------------------------------------------------------------------------- clients


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"bench server exited with {proc.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("bench server did not start")


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _session(
    url: str, headers: dict[str, str], index: int, go: asyncio.Event, connected: list[int]
) -> tuple[list[int], list[int], list[int]]:
    async with connect(url, additional_headers=headers, max_size=None, compression=None) as ws:
        first = json.loads(await ws.recv())
        assert first["type"] == "session.created", first
        if "Authorization" in headers:  # through the proxy: wait for its session.update
            while json.loads(await ws.recv()).get("type") != "spotlight.session":
                pass
        connected.append(index)
        await go.wait()
        reader = asyncio.create_task(_read(ws))
        await asyncio.sleep(index * FRAME_MS / 1000 / SESSIONS)  # spread the frames
        frames = int(SECONDS * 1000 / FRAME_MS)
        audio = AUDIO.decode()
        next_t = time.perf_counter()
        for n in range(frames):
            if n % CANCEL_EVERY == CANCEL_EVERY - 1:
                await ws.send(f'{{"type":"response.cancel","event_id":"{time.perf_counter_ns()}"}}')
            else:
                await ws.send(
                    f'{{"type":"input_audio_buffer.append","event_id":"{time.perf_counter_ns()}",'
                    f'"audio":"{audio}"}}'
                )
            next_t += FRAME_MS / 1000
            await asyncio.sleep(max(0.0, next_t - time.perf_counter()))
        await asyncio.sleep(0.2)
        await ws.send('{"type":"bench.report"}')
        return await reader


async def _read(ws: Any) -> tuple[list[int], list[int], list[int]]:
    """Collect output audio delta latencies until the upstream's report arrives."""
    out: list[int] = []
    prefix = '{"type":"response.output_audio.delta","event_id":"'
    async for frame in ws:
        now = time.perf_counter_ns()
        if frame.startswith(prefix):
            out.append(now - int(frame[len(prefix) : frame.index('"', len(prefix))]))
            continue
        event = json.loads(frame)
        if event.get("type") == "bench.latencies":
            return event["append"], event["cancel"], out
    raise RuntimeError("connection closed before the report")


def _median(values: list[Any]) -> Any:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _pct(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1e6  # ms


def _bearer() -> dict[str, str]:
    """A fresh voice token for the proxy's user ``local`` (each opens one session)."""
    import jwt

    now = int(time.time())
    claims = {"sub": "local", "aud": "spotlight-realtime", "iat": now, "exp": now + 60,
              "jti": uuid.uuid4().hex}  # fmt: skip
    return {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}


async def _run_sessions(url: str, headers: dict[str, str], proxy_pid: int | None) -> dict[str, Any]:
    go = asyncio.Event()
    connected: list[int] = []
    tasks = [
        asyncio.create_task(
            _session(url, _bearer() if "Authorization" in headers else headers, i, go, connected)
        )
        for i in range(SESSIONS)
    ]
    while len(connected) < SESSIONS:
        await asyncio.sleep(0.05)
        for task in tasks:
            if task.done():
                task.result()
    cpu0, wall0 = (_cpu_s(proxy_pid) if proxy_pid else 0.0), time.perf_counter()
    go.set()
    results = await asyncio.gather(*tasks)
    wall = time.perf_counter() - wall0
    cpu = (_cpu_s(proxy_pid) - cpu0) if proxy_pid else 0.0
    append = [v for a, _, _ in results for v in a]
    cancel = [v for _, c, _ in results for v in c]
    out = [v for _, _, o in results for v in o]
    return {
        "frames_in": len(append) + len(cancel),
        "frames_out": len(out),
        "append_p50_ms": round(_pct(append, 0.50), 3),
        "append_p99_ms": round(_pct(append, 0.99), 3),
        "out_p50_ms": round(_pct(out, 0.50), 3),
        "out_p99_ms": round(_pct(out, 0.99), 3),
        "cancel_p50_ms": round(_pct(cancel, 0.50), 3),
        "cancel_p99_ms": round(_pct(cancel, 0.99), 3),
        "cpu_pct_of_core_per_session": round(cpu / wall / SESSIONS * 100, 3) if proxy_pid else None,
    }


def run() -> dict[str, Any]:
    """Run both configurations and return the figures."""
    up_port, proxy_port = _free_port(), _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    upstream = subprocess.Popen(
        [sys.executable, "-m", "bench.voice", "upstream", str(up_port)], cwd=ROOT, env=env
    )
    proxy = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.voice",
            "proxy",
            str(proxy_port),
            f"ws://127.0.0.1:{up_port}/v1/realtime",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_port(up_port, upstream)
        _wait_port(proxy_port, proxy)
        direct_runs: list[dict[str, Any]] = []
        proxied_runs: list[dict[str, Any]] = []
        for _ in range(ROUNDS):
            direct_runs.append(
                asyncio.run(_run_sessions(f"ws://127.0.0.1:{up_port}/v1/realtime", {}, None))
            )
            proxied_runs.append(
                asyncio.run(
                    _run_sessions(
                        f"ws://127.0.0.1:{proxy_port}/ws/realtime",
                        _bearer(),
                        proxy.pid,
                    )
                )
            )
    finally:
        for proc in (proxy, upstream):
            proc.terminate()
            proc.wait(10)
    direct = {k: _median([r[k] for r in direct_runs]) for k in direct_runs[0] if "ms" in k}
    proxied = {k: _median([r[k] for r in proxied_runs]) for k in proxied_runs[0]}
    return {
        "rounds": ROUNDS,
        "frames_per_run": proxied_runs[0]["frames_in"] + proxied_runs[0]["frames_out"],
        "runs_direct": direct_runs,
        "runs_proxied": proxied_runs,
        "sessions": SESSIONS,
        "seconds": SECONDS,
        "frame_ms": FRAME_MS,
        "direct": direct,
        "proxied": proxied,
        "added_p50_ms": round(proxied["append_p50_ms"] - direct["append_p50_ms"], 3),
        "added_p99_ms": round(proxied["append_p99_ms"] - direct["append_p99_ms"], 3),
        "added_out_p50_ms": round(proxied["out_p50_ms"] - direct["out_p50_ms"], 3),
        "added_out_p99_ms": round(proxied["out_p99_ms"] - direct["out_p99_ms"], 3),
        "added_cancel_p50_ms": round(proxied["cancel_p50_ms"] - direct["cancel_p50_ms"], 3),
        "added_cancel_p99_ms": round(proxied["cancel_p99_ms"] - direct["cancel_p99_ms"], 3),
        "cpu_pct_of_core_per_session": proxied["cpu_pct_of_core_per_session"],
        "goal_added_p99_ms": 2.0,
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["upstream"]:
        asyncio.run(_upstream(int(sys.argv[2])))
    elif sys.argv[1:2] == ["proxy"]:
        _proxy(int(sys.argv[2]), sys.argv[3])
    else:
        print(json.dumps(run(), indent=2))
