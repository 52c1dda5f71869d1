"""Server-Sent Events transport, built to fan out to thousands of connections.

* **Encoded once.** The JSON of a published message is encoded by the first connection
  that writes it and reused by every other (:class:`FrameCache`); only a bar's or an
  alert's ``id:`` line (the per-connection cursor) is made per connection.
* **One writer per connection.** :class:`EventStream` is a raw ASGI response: the
  request's own task writes whatever its body yields — a whole batch of pending events in
  one write — and a parked task waits for the disconnect. No timer per connection.
* **One timer per process.** :class:`StreamTicker` publishes the ``status`` event every
  5 s and the heartbeat comment every ``STREAM_HEARTBEAT_S`` on the bus (ephemeral topics:
  a connection that is behind gets only the newest), and closes connections whose write
  has been stuck for :data:`SEND_TIMEOUT_S` (a client that stopped reading and has no
  lossless event pending to overflow its queue).
* **Shutdown.** :meth:`StreamRegistry.close_all` ends every stream at once, so a server
  stops without waiting out its graceful timeout.

Headers: ``Content-Type: text/event-stream``, ``Cache-Control: no-cache``,
``X-Accel-Buffering: no`` (proxies must not buffer); never compressed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import msgspec
import structlog
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from spotlight_trader.bus import Bus
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)

SEND_TIMEOUT_S = 30.0
HEARTBEAT_TOPIC = "status:heartbeat"
HEARTBEAT = b": ping\n\n"
_encode = msgspec.json.Encoder().encode
_HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),
]


def frame(event: bytes, data: bytes, event_id: bytes | None = None) -> bytes:
    """One SSE event (``data`` is one line of JSON)."""
    if event_id is None:
        return b"event: " + event + b"\ndata: " + data + b"\n\n"
    return b"id: " + event_id + b"\nevent: " + event + b"\ndata: " + data + b"\n\n"


class FrameCache:
    """The JSON (and, for events without an id, the whole frame) of recently published
    messages, keyed by the message object itself (each entry holds the object, so its id
    cannot be reused while cached)."""

    def __init__(self, size: int = 8_192) -> None:
        self._size = size
        self._items: dict[int, list[object]] = {}  # id -> [message, json, frame | None]

    def _entry(self, message: msgspec.Struct) -> list[object]:
        key = id(message)
        hit = self._items.get(key)
        if hit is not None and hit[0] is message:
            return hit
        items = self._items
        if len(items) >= self._size:
            del items[next(iter(items))]
        entry: list[object] = [message, _encode(message), None]
        items[key] = entry
        return entry

    def data(self, message: msgspec.Struct) -> bytes:
        """``message`` as JSON, encoded at most once while it is cached."""
        data = self._entry(message)[1]
        assert isinstance(data, bytes)
        return data

    def event(self, event: bytes, message: msgspec.Struct) -> bytes:
        """The whole id-less ``event`` frame of ``message``, built at most once."""
        entry = self._entry(message)
        framed = entry[2]
        if framed is None:
            data = entry[1]
            assert isinstance(data, bytes)
            framed = entry[2] = frame(event, data)
        assert isinstance(framed, bytes)
        return framed


class StreamRegistry:
    """The open streams of this process, and the counters ``/metrics`` reads."""

    def __init__(self) -> None:
        self.active: set[EventStream] = set()
        self.slow_closes = 0
        self.frames = FrameCache()

    @property
    def clients(self) -> int:
        """Open streams."""
        return len(self.active)

    def close_all(self, reason: str = "server shutting down") -> None:
        """End every open stream now."""
        for stream in list(self.active):
            stream.close(reason)

    def close_stuck(self, now: float, timeout_s: float = SEND_TIMEOUT_S) -> int:
        """Close streams whose current write has waited longer than ``timeout_s``."""
        stuck = [s for s in self.active if s.sending_since is not None]
        closed = 0
        for stream in stuck:
            since = stream.sending_since
            if since is not None and now - since > timeout_s:
                self.slow_closes += 1
                stream.close("send timed out")
                closed += 1
        return closed


class EventStream(Response):
    """An ASGI response writing the chunks ``body`` yields as one SSE stream. A disconnect
    (or :meth:`close`) ends it: the body generator is closed, so its ``finally`` runs."""

    media_type = "text/event-stream"

    def __init__(self, body: AsyncIterator[bytes], registry: StreamRegistry) -> None:
        # not Response.__init__: nothing is rendered up front
        self.status_code = 200
        self.background = None
        self._body = body
        self._registry = registry
        self._writer: asyncio.Task[object] | None = None
        self._closing: str | None = None
        self.sending_since: float | None = None

    def close(self, reason: str) -> None:
        """End the stream from outside its task (disconnect, shutdown, stuck write)."""
        if self._closing is None and self._writer is not None:
            self._closing = reason
            self._writer.cancel()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Write the stream until the body ends, the client goes or :meth:`close`."""
        task = asyncio.current_task()
        assert task is not None
        self._writer = task
        loop = asyncio.get_running_loop()
        registry = self._registry
        registry.active.add(self)
        watcher = loop.create_task(self._watch(receive))
        try:
            await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
            async for chunk in self._body:
                self.sending_since = loop.time()
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                self.sending_since = None
        except asyncio.CancelledError:
            if self._closing is None:
                raise  # cancelled by the server itself
            task.uncancel()
        finally:
            registry.active.discard(self)
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._body.aclose()  # type: ignore[attr-defined]
        if self._closing != "disconnect":
            with contextlib.suppress(Exception):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _watch(self, receive: Receive) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.close("disconnect")
                return


class StreamTicker:
    """The process-wide timer: ``status`` every ``status_s``, a heartbeat every
    ``heartbeat_s`` (both published on the bus), stuck writes closed."""

    def __init__(
        self,
        bus: Bus,
        registry: StreamRegistry,
        status: Callable[[], bytes],
        *,
        status_topic: str,
        status_s: float = 5.0,
        heartbeat_s: float = 15.0,
    ) -> None:
        self._bus = bus
        self._registry = registry
        self._status = status
        self._status_topic = status_topic
        self.status_s = status_s
        self.heartbeat_s = heartbeat_s
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start ticking (in the app's lifespan)."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="sse-ticker")

    async def stop(self) -> None:
        """Stop ticking."""
        await cancel_and_wait(self._task)
        self._task = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_status = loop.time() + self.status_s
        next_beat = loop.time() + self.heartbeat_s
        while True:
            await asyncio.sleep(min(next_status, next_beat, loop.time() + 1.0) - loop.time())
            now = loop.time()
            if now >= next_status:
                next_status = now + self.status_s
                if self._registry.active:
                    self._bus.publish(self._status_topic, StatusFrame(self._status()))
            if now >= next_beat:
                next_beat = now + self.heartbeat_s
                if self._registry.active:
                    self._bus.publish(HEARTBEAT_TOPIC, HEARTBEAT)
            self._registry.close_stuck(now)


class StatusFrame(msgspec.Struct, frozen=True):
    """A ``status`` event, encoded once by the ticker for every connection."""

    frame: bytes
