"""The model's responses in one session, as the proxy tracks them: the function calls they
ask for and the ``response.create`` that follows.

Each call runs **once** per ``call_id`` (``response.function_call_arguments.done`` and the
``function_call`` items of ``response.done`` both announce it); its output goes upstream as
a ``function_call_output`` item. Once the response that asked for tools is done and all
their outputs are sent, one ``response.create`` makes the model speak the result (not after
a barge-in cancelled that response). A ``response.create`` is never sent while a response
is active: it waits for that one to end.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from enum import StrEnum
from typing import Any

import structlog

from spotlight_trader.coach import frames
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.coach.tools import ToolContext, ToolRegistry
from spotlight_trader.errors import ToolError

log = structlog.get_logger(__name__)

Send = Callable[[str], Awaitable[None]]


class ResponseState(StrEnum):
    """Whether the model is responding."""

    IDLE = "idle"  # a response.create goes out now
    ACTIVE = "active"  # the model is responding
    PENDING = "pending"  # responding, and a response.create waits for it to end


class Responses:
    """Response tracking and tool calls of one session. ``send_upstream`` and
    ``send_client`` send a frame on either leg, ``spawn`` starts a task that the session
    cancels when it ends, ``context`` is the tool context as of now."""

    def __init__(
        self,
        registry: ToolRegistry,
        voice: VoiceState,
        *,
        send_upstream: Send,
        send_client: Send,
        spawn: Callable[[Coroutine[Any, Any, None]], asyncio.Task[None]],
        context: Callable[[], ToolContext],
    ) -> None:
        self.registry = registry
        self.voice = voice
        self.send_upstream = send_upstream
        self.send_client = send_client
        self.spawn = spawn
        self.context = context
        self.state = ResponseState.IDLE
        self.seen_calls: set[str] = set()
        self.tool_tasks: dict[str, list[asyncio.Task[None]]] = {}

    def created(self) -> None:
        """``response.created``: a response is active."""
        if self.state is ResponseState.IDLE:
            self.state = ResponseState.ACTIVE

    def done(self, response: dict[str, Any]) -> None:
        """``response.done``: run the calls it asked for, then continue (or the pending
        ``response.create``)."""
        pending = self.state is ResponseState.PENDING
        self.state = ResponseState.IDLE
        response_id = str(response.get("id", ""))
        for item in response.get("output") or []:
            if (
                isinstance(item, dict)
                and item.get("type") == "function_call"
                and item.get("status", "completed") == "completed"
            ):
                self.start_call(
                    response_id, item.get("call_id"), item.get("name"), item.get("arguments")
                )
        calls = self.tool_tasks.pop(response_id, []) + self.tool_tasks.pop("", [])
        if response.get("status") == "cancelled":
            # barge-in: the trader's next turn answers; the outputs are in the conversation
            calls = []
        if calls or pending:
            self.spawn(self.respond_after(calls))

    async def request(self) -> None:
        """``response.create`` now, or once the active response is done."""
        if self.state is ResponseState.IDLE:
            await self.send_upstream(frames.RESPONSE_CREATE)
        else:
            self.state = ResponseState.PENDING

    def start_call(self, response_id: str, call_id: object, name: object, args: object) -> None:
        """Run a function call once per ``call_id``."""
        if not isinstance(call_id, str) or not call_id or call_id in self.seen_calls:
            return
        self.seen_calls.add(call_id)
        task = self.spawn(
            self.run_call(call_id, str(name or ""), args if isinstance(args, str) else "{}")
        )
        self.tool_tasks.setdefault(response_id, []).append(task)

    async def run_call(self, call_id: str, name: str, arguments: str) -> None:
        """Execute a tool, send its output upstream and tell the browser."""
        self.voice.tool_calls += 1
        await self.send_client(frames.tool_event(name, call_id, "started"))
        status = "done"
        try:
            result: object = await self.registry.call(name, arguments, self.context())
        except ToolError as exc:
            status, result = "error", {"error": str(exc)}
        except Exception as exc:
            log.exception("voice tool failed", tool=name)
            status, result = "error", {"error": f"tool failed: {type(exc).__name__}"}
        await self.send_upstream(frames.function_output(call_id, result))
        await self.send_client(frames.tool_event(name, call_id, status))

    async def respond_after(self, calls: list[asyncio.Task[None]]) -> None:
        """Once the response that asked for tools is done and their outputs are sent,
        ask the model to continue."""
        if calls:
            await asyncio.gather(*calls, return_exceptions=True)
        await self.request()
