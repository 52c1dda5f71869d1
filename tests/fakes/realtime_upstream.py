"""A local fake of the OpenAI Realtime API (GA), built on ``websockets``.

Server events are the official examples from ``shared/data/realtime/openapi_ga_event_examples.json``
with their ids and fields filled in. Default behaviour per client event:

* connect → ``session.created``
* ``session.update`` → ``session.updated`` (echoing the session fields it received)
* ``response.create`` → a spoken response: ``response.created``, audio and transcript
  deltas, ``response.done``; or whatever ``FakeRealtime.responses`` scripts next
  (e.g. a function call)
* ``response.cancel`` → ``response.done`` with ``status: cancelled`` while a response is
  active, else the error ``response_cancel_not_active``
* ``conversation.item.truncate`` → ``conversation.item.truncated``
* ``input_audio_buffer.append`` → nothing (recorded with its arrival time)

Every connection records its request path and headers, each frame it received (with a
``time.perf_counter_ns`` arrival stamp) and how it closed. Tests can push any event,
close with any code, or ``freeze`` a connection (stop reading: pings go unanswered).
"""

from __future__ import annotations

import asyncio
import base64
import copy
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLES_FILE = SHARED / "data" / "realtime" / "openapi_ga_event_examples.json"
_EXAMPLES: dict[str, Any] | None = None
_ids = itertools.count(1)


def example(event_type: str, **fields: Any) -> dict[str, Any]:
    """The official example of a server event, with ``fields`` replaced."""
    global _EXAMPLES
    if _EXAMPLES is None:
        _EXAMPLES = json.loads(EXAMPLES_FILE.read_text())["server_events"]
    event: dict[str, Any] = copy.deepcopy(_EXAMPLES[event_type]["example"])
    event["event_id"] = f"event_{next(_ids)}"
    event.update(fields)
    return event


def response_done(response_id: str, status: str, output: list[dict[str, Any]]) -> dict[str, Any]:
    """``response.done`` built from the official example."""
    event = example("response.done")
    event["response"].update(
        id=response_id,
        status=status,
        output=output,
        status_details=(
            {"type": "cancelled", "reason": "client_cancelled"} if status == "cancelled" else None
        ),
    )
    return event


Script = Callable[["UpstreamConn", dict[str, Any]], Awaitable[None]]


class UpstreamConn:
    """One accepted connection and what happened on it."""

    def __init__(self, fake: FakeRealtime, ws: ServerConnection) -> None:
        self.fake = fake
        self.ws = ws
        assert ws.request is not None
        self.path = ws.request.path
        self.headers = dict(ws.request.headers.raw_items())
        self.received: list[dict[str, Any]] = []
        self.arrivals_ns: list[int] = []
        self.active_response: str | None = None
        self.close_code: int | None = None
        self.close_reason: str | None = None
        self.closed = asyncio.Event()
        self.got = asyncio.Condition()

    def types(self) -> list[str]:
        """Types of the events received, in order."""
        return [e.get("type", "") for e in self.received]

    async def wait_for(self, event_type: str, count: int = 1, wait_s: float = 5.0) -> None:
        """Wait until ``count`` events of ``event_type`` arrived."""

        async def check() -> None:
            async with self.got:
                await self.got.wait_for(lambda: self.types().count(event_type) >= count)

        await asyncio.wait_for(check(), wait_s)

    async def send(self, event: dict[str, Any]) -> None:
        """Push a server event."""
        await self.ws.send(json.dumps(event))

    def freeze(self) -> None:
        """Stop reading from the socket: the proxy's pings go unanswered."""
        self.ws.transport.pause_reading()

    async def speak(self, response_id: str, chunks: int = 2) -> None:
        """A spoken response: created, audio + transcript deltas, done."""
        item_id = f"item_{response_id}"
        created = example("response.created")
        created["response"]["id"] = response_id
        await self.send(created)
        self.active_response = response_id
        audio = base64.b64encode(b"\x00\x01" * 480).decode()  # 20 ms of 24 kHz PCM16
        for n in range(chunks):
            await self.send(
                example(
                    "response.output_audio.delta",
                    response_id=response_id,
                    item_id=item_id,
                    delta=audio,
                )
            )
            await self.send(
                example(
                    "response.output_audio_transcript.delta",
                    response_id=response_id,
                    item_id=item_id,
                    delta=f"word{n} ",
                )
            )
        if self.fake.hold_responses:
            return  # stays active until cancelled
        self.active_response = None
        item = {
            "id": item_id,
            "type": "message",
            "status": "completed",
            "role": "assistant",
            "content": [{"type": "output_audio", "transcript": "word0 word1"}],
        }
        await self.send(response_done(response_id, "completed", [item]))

    async def function_call(
        self,
        response_id: str,
        call_id: str,
        name: str,
        arguments: dict[str, Any],
        status: str = "completed",
    ) -> None:
        """A response that calls a tool: arguments.done and response.done both carry it."""
        created = example("response.created")
        created["response"]["id"] = response_id
        await self.send(created)
        args = json.dumps(arguments)
        await self.send(
            example(
                "response.function_call_arguments.done",
                response_id=response_id,
                item_id=f"fc_{call_id}",
                call_id=call_id,
                name=name,
                arguments=args,
            )
        )
        item = {
            "id": f"fc_{call_id}",
            "type": "function_call",
            "status": "completed",
            "name": name,
            "call_id": call_id,
            "arguments": args,
        }
        await self.send(response_done(response_id, status, [item]))

    async def handle(self, event: dict[str, Any]) -> None:
        """Default behaviour for one client event."""
        kind = event.get("type")
        script = self.fake.scripts.get(str(kind))
        if script is not None:
            await script(self, event)
            return
        if kind == "session.update":
            updated = example("session.updated")
            updated["session"].update(event.get("session", {}))
            await self.send(updated)
        elif kind == "response.create":
            response_id = f"resp_{next(_ids)}"
            if self.fake.responses:
                await self.fake.responses.pop(0)(self, event)
            else:
                await self.speak(response_id)
        elif kind == "response.cancel":
            if self.active_response is None:
                await self.send(
                    example(
                        "error",
                        error={
                            "type": "invalid_request_error",
                            "code": "response_cancel_not_active",
                            "message": "Cancellation failed: no active response found",
                            "param": None,
                            "event_id": event.get("event_id"),
                        },
                    )
                )
            else:
                response_id, self.active_response = self.active_response, None
                await self.send(response_done(response_id, "cancelled", []))
        elif kind == "conversation.item.truncate":
            await self.send(
                example(
                    "conversation.item.truncated",
                    item_id=event.get("item_id"),
                    content_index=event.get("content_index", 0),
                    audio_end_ms=event.get("audio_end_ms", 0),
                )
            )

    async def serve(self) -> None:
        """Greet, then read and answer until the connection closes."""
        try:
            await self.send(example("session.created"))
            async for frame in self.ws:
                now = time.perf_counter_ns()
                event = json.loads(frame) if isinstance(frame, str) else {"type": "<binary>"}
                async with self.got:
                    self.received.append(event)
                    self.arrivals_ns.append(now)
                    self.got.notify_all()
                await self.handle(event)
        except ConnectionClosed:
            pass
        finally:
            self.close_code = self.ws.close_code
            self.close_reason = self.ws.close_reason
            self.closed.set()


class FakeRealtime:
    """The fake server: ``async with FakeRealtime() as fake: fake.url``."""

    def __init__(
        self, *, ping_interval: float | None = None, handshake_delay_s: float = 0.0
    ) -> None:
        self.handshake_delay_s = handshake_delay_s
        self.connections: list[UpstreamConn] = []
        self.scripts: dict[str, Script] = {}
        self.responses: list[Script] = []  # consumed by successive response.create
        self.hold_responses = False
        self.ping_interval = ping_interval
        self.new_connection = asyncio.Event()
        self._server: Server | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The Realtime URL to configure as ``REALTIME_URL``."""
        return f"ws://127.0.0.1:{self.port}/v1/realtime"

    async def _process_request(self, _ws: ServerConnection, _request: Any) -> None:
        if self.handshake_delay_s:
            await asyncio.sleep(self.handshake_delay_s)

    async def _handler(self, ws: ServerConnection) -> None:
        conn = UpstreamConn(self, ws)
        self.connections.append(conn)
        self.new_connection.set()
        await conn.serve()

    async def connection(self, index: int = 0, wait_s: float = 5.0) -> UpstreamConn:
        """The ``index``-th connection, waiting for it."""

        async def wait() -> UpstreamConn:
            while len(self.connections) <= index:
                self.new_connection.clear()
                await self.new_connection.wait()
            return self.connections[index]

        return await asyncio.wait_for(wait(), wait_s)

    async def __aenter__(self) -> FakeRealtime:
        self._server = await serve(
            self._handler,
            "127.0.0.1",
            0,
            ping_interval=self.ping_interval,
            process_request=self._process_request,
            max_size=None,
            compression=None,
        )
        self.port = next(iter(self._server.sockets)).getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
