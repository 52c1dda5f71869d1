"""A local fake of the Polygon/Massive stocks WebSocket, built on ``websockets``.

It speaks the documented handshake with the frames recorded in
``shared/data/polygon/ws_frames_extracted.json`` (connected → auth → auth_success,
one ``success`` ack per subscribed channel), records every client action, and lets a test
push frames and break the connection in the ways the real service does (1006 without a
close frame, 1011, ``max_connections`` then close).
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FRAMES_FILE = SHARED / "data" / "polygon" / "ws_frames_extracted.json"


def recorded() -> dict[str, Any]:
    """The recorded frames file."""
    data: dict[str, Any] = json.loads(FRAMES_FILE.read_text())
    return data


def _status(name: str) -> list[dict[str, Any]]:
    """A recorded status frame by its ``status`` value (connected, auth_success, ...)."""
    data = recorded()
    frames = list(data["mock_server_frames"])
    for key, value in data["spec_examples"].items():
        if not key.endswith("_enum"):
            frames.append(value)
    for frame in frames:
        for entry in frame:
            if entry.get("ev") == "status" and entry.get("status") == name:
                return [copy.deepcopy(entry)]
    raise KeyError(name)


def status_frame(status: str, message: str | None = None) -> list[dict[str, Any]]:
    """A status frame shaped like the recorded ones (recorded text when there is one)."""
    try:
        frame = _status(status)
    except KeyError:
        frame = [{"ev": "status", "status": status, "message": message or status}]
    if message is not None:
        frame[0]["message"] = message
    return frame


def trade(sym: str, t: int, p: float, s: int = 100, c: list[int] | None = None) -> dict[str, Any]:
    """A ``T`` event shaped like the recorded mock-server trade."""
    entry = copy.deepcopy(recorded()["mock_server_frames"][3][0])
    entry.update(sym=sym, t=t, p=p, s=s)
    if c is None:
        entry.pop("c", None)
    else:
        entry["c"] = c
    return dict(entry)


def quote(sym: str, t: int, bp: float, ap: float, bs: int = 1, as_: int = 2) -> dict[str, Any]:
    """A ``Q`` event shaped like the recorded spec example."""
    entry = copy.deepcopy(recorded()["spec_examples"]["/stocks/Q"][0])
    entry.update({"sym": sym, "t": t, "bp": bp, "ap": ap, "bs": bs, "as": as_})
    return dict(entry)


class FakeConnection:
    """One accepted client connection and what it did."""

    def __init__(self, ws: ServerConnection, index: int) -> None:
        self.ws = ws
        self.index = index
        self.actions: list[dict[str, Any]] = []
        self.subscriptions: set[str] = set()
        self.authenticated = False
        self.closed = asyncio.Event()


class FakePolygonServer:
    """Use as ``async with FakePolygonServer() as server: ... server.url``."""

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        connect_status: str = "connected",
        auth_reply: str | None = None,
        on_connect: list[str] | None = None,
    ) -> None:
        self.api_key = api_key
        self.connect_status = connect_status
        self.auth_reply = auth_reply  # force e.g. "auth_timeout"; default by key check
        self.on_connect = list(on_connect or [])  # statuses to send (and close) per connect
        self.connections: list[FakeConnection] = []
        self._server: Server | None = None
        self.url = ""

    async def __aenter__(self) -> FakePolygonServer:
        self._server = await serve(self._handler, "127.0.0.1", 0, compression=None)
        port = next(iter(self._server.sockets)).getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/stocks"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    # ----------------------------------------------------------------- server side

    async def _handler(self, ws: ServerConnection) -> None:
        conn = FakeConnection(ws, len(self.connections))
        self.connections.append(conn)
        try:
            if self.on_connect:
                kind = self.on_connect.pop(0)
                await ws.send(json.dumps(status_frame(self.connect_status)))
                conn.actions.append(json.loads(await ws.recv()))  # the auth request
                await ws.send(json.dumps(status_frame(kind)))
                await ws.close(1008, kind)
                return
            await ws.send(json.dumps(status_frame(self.connect_status)))
            async for raw in ws:
                msg = json.loads(raw)
                conn.actions.append(msg)
                action = msg.get("action")
                if action == "auth":
                    reply = self.auth_reply or (
                        "auth_success" if msg.get("params") == self.api_key else "auth_failed"
                    )
                    await ws.send(json.dumps(status_frame(reply)))
                    if reply != "auth_success":
                        await ws.close(1008, reply)
                        break
                    conn.authenticated = True
                elif action in ("subscribe", "unsubscribe"):
                    channels = [c for c in str(msg.get("params", "")).split(",") if c]
                    acks = []
                    for channel in channels:
                        if action == "subscribe":
                            conn.subscriptions.add(channel)
                            text = f"subscribed to: {channel}"
                        else:
                            conn.subscriptions.discard(channel)
                            text = f"unsubscribed to: {channel}"
                        acks.append(status_frame("success", text)[0])
                    await ws.send(json.dumps(acks))
        except ConnectionClosed:
            pass
        finally:
            conn.closed.set()

    # ----------------------------------------------------------------- test side

    @property
    def current(self) -> FakeConnection:
        """The newest connection."""
        return self.connections[-1]

    async def wait_until(self, predicate: Callable[[], bool], within_s: float = 10.0) -> None:
        """Wait until ``predicate()`` holds (polled; generous limit)."""
        async with asyncio.timeout(within_s):
            while not predicate():  # noqa: ASYNC110 - state changes in other tasks
                await asyncio.sleep(0.01)

    async def wait_subscribed(self, channels: set[str], connection: int | None = None) -> None:
        """Wait until the (given or newest) connection is subscribed to exactly ``channels``."""

        def ok() -> bool:
            if not self.connections:
                return False
            conn = self.connections[-1 if connection is None else connection]
            if conn.closed.is_set():
                return False
            return conn.subscriptions == channels

        await self.wait_until(ok)

    async def send(self, entries: list[dict[str, Any]] | str | bytes) -> None:
        """Send one frame to the newest connection."""
        data = entries if isinstance(entries, str | bytes) else json.dumps(entries)
        await self.current.ws.send(data)

    async def drop(self, how: str) -> None:
        """Break the newest connection: ``abort`` (1006, no close frame), ``1011`` or a
        disconnect status (``max_connections``, ``force_disconnect``, ``slow_consumer``)."""
        conn = self.current
        if how == "abort":
            conn.ws.transport.abort()
        elif how == "1011":
            await conn.ws.close(1011, "keepalive ping timeout")
        else:
            await conn.ws.send(json.dumps(status_frame(how)))
            await conn.ws.close(1008, how)
        await asyncio.wait_for(conn.closed.wait(), 10)
