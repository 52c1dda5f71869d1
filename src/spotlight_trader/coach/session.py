"""One proxied voice session: the browser leg, the upstream leg and what the proxy does in
between (docs/voice.md, "Session lifecycle").

``session.update`` is the first frame upstream; client frames that arrive earlier are held
and sent after it, in order. Frames are then forwarded both ways untouched (the proxy only
peeks at each frame's ``type``); ``spotlight.*`` client events are handled here, function
calls run once per ``call_id``, alerts may be announced unprompted, and the watchdog
enforces the idle timeout and the maximum session length. Heartbeats are each leg's own
WebSocket pings; a leg that misses its pong ends the session like any close.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Coroutine
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import msgspec
import structlog
from starlette.websockets import WebSocket
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from spotlight_trader.bus import Bus
from spotlight_trader.coach import callouts, frames, policy
from spotlight_trader.coach.admission import (
    IDLE,
    MAX_SESSION,
    TOO_BIG,
    UPSTREAM_EXPIRED,
    UPSTREAM_FAILED,
    End,
    VoiceState,
    close_reason,
)
from spotlight_trader.coach.legs import ClientLeg, open_upstream, upstream_end
from spotlight_trader.coach.responses import Responses
from spotlight_trader.coach.tools import REGISTRY, ToolContext, ToolRegistry
from spotlight_trader.config import Settings
from spotlight_trader.market.ring import BarRing
from spotlight_trader.market.view import MarketView, WatchlistControl

if TYPE_CHECKING:
    from spotlight_trader.storage.journal import JournalRepository
    from spotlight_trader.storage.journal_entries import EntryRepository
    from spotlight_trader.storage.rules import RuleRepository
    from spotlight_trader.storage.signals import SignalRepository

log = structlog.get_logger(__name__)

MAX_HELD = 1_000  # client frames held while the upstream connects (20 s of 20 ms audio)
# and at most VOICE_MAX_HELD_BYTES of them; one frame at most VOICE_MAX_MESSAGE_BYTES


class SessionState(StrEnum):
    """Where a session is::

        connecting ──► holding ──► configuring ──► ready
            └─────────────┴─────────────┴────────────┴──► closing ──► closed

    It only moves along the arrows (:meth:`VoiceSession.advance`).
    """

    CONNECTING = "connecting"  # the upstream leg is opening; client frames are held
    HOLDING = "holding"  # session.update sent; the held frames follow it (new ones queue)
    CONFIGURING = "configuring"  # frames go straight upstream; no session.updated yet
    READY = "ready"  # the upstream applied session.update; the client was told "ready"
    CLOSING = "closing"  # one side ended: the legs still open are being closed
    CLOSED = "closed"


_MOVES: dict[SessionState, frozenset[SessionState]] = {
    SessionState.CONNECTING: frozenset({SessionState.HOLDING, SessionState.CLOSING}),
    SessionState.HOLDING: frozenset({SessionState.CONFIGURING, SessionState.CLOSING}),
    SessionState.CONFIGURING: frozenset({SessionState.READY, SessionState.CLOSING}),
    SessionState.READY: frozenset({SessionState.CLOSING}),
    SessionState.CLOSING: frozenset({SessionState.CLOSED}),
    SessionState.CLOSED: frozenset(),
}
_FORWARDING = frozenset({SessionState.CONFIGURING, SessionState.READY})


def _outcome(task: asyncio.Task[End]) -> End:
    """The End a finished session task returned (a crash ends the session as 1011)."""
    exc = task.exception()
    if exc is None:
        return task.result()
    log.error("voice session failed", task=task.get_name(), error=repr(exc))
    return End("proxy", UPSTREAM_FAILED, "proxy error")


class VoiceSession:
    """One proxied session for an admitted user: :meth:`run` it once."""

    def __init__(
        self,
        websocket: WebSocket,
        user_id: str,
        *,
        settings: Settings,
        market: MarketView,
        ring: BarRing,
        bus: Bus,
        rules: RuleRepository,
        signals: SignalRepository,
        voice: VoiceState,
        watchlists: WatchlistControl | None = None,
        style: policy.CoachStyle | None = None,
        registry: ToolRegistry = REGISTRY,
        journal: JournalRepository | None = None,
        entries: EntryRepository | None = None,
    ) -> None:
        self.client = ClientLeg(websocket)
        self.user_id = user_id
        self.settings = settings
        self.market = market
        self.ring = ring
        self.bus = bus
        self.rules = rules
        self.signals = signals
        self.journal = journal
        self.entries = entries
        self.watchlists = watchlists
        self.style = style
        self.registry = registry
        self.state = SessionState.CONNECTING
        self.view: policy.ViewContext | None = None
        self.upstream: ClientConnection | None = None
        self.held: deque[str | bytes] = deque()
        self.held_bytes = 0
        self.background: set[asyncio.Task[None]] = set()
        self.responses = Responses(
            registry,
            voice,
            send_upstream=self.send_upstream,
            send_client=self.client.send,
            spawn=self.spawn,
            context=self.tool_context,
        )
        loop = asyncio.get_running_loop()
        self.started = loop.time()
        self.last_client = self.started

    # ------------------------------------------------------------------ plumbing
    def advance(self, to: SessionState) -> None:
        """Move to ``to``: the next state, or ``closing`` from any open state."""
        if to not in _MOVES[self.state]:
            raise ValueError(f"voice session cannot go from {self.state} to {to}")
        self.state = to

    async def send_upstream(self, frame: str | bytes) -> None:
        """Forward to the Realtime API (dropped once it closed: its reader ends the session)."""
        if self.upstream is not None:
            with contextlib.suppress(ConnectionClosed):
                await self.upstream.send(frame)

    def tool_context(self) -> ToolContext:
        """What a tool called now may use."""
        return ToolContext(
            self.market,
            self.ring,
            self.user_id,
            self.view,
            rules=self.rules,
            signals=self.signals,
            journal=self.journal,
            entries=self.entries,
            watchlists=self.watchlists,
        )

    def spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """A background task cancelled when the session ends."""
        task: asyncio.Task[None] = asyncio.create_task(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
        return task

    # ------------------------------------------------------------------ run
    async def run(self) -> None:
        """Connect upstream, proxy until one side ends, close the other with a reason."""
        client = asyncio.create_task(self.client_loop(), name="voice:client")
        end: End | None = None
        try:
            connecting = asyncio.create_task(self.connect_upstream(), name="voice:connect")
            await asyncio.wait({client, connecting}, return_when=asyncio.FIRST_COMPLETED)
            if not connecting.done():  # the client left (or overflowed) while we connected
                connecting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await connecting
                end = _outcome(client)
            else:
                end = connecting.result()
            if end is None:
                tasks = {
                    client,
                    asyncio.create_task(self.upstream_loop(), name="voice:upstream"),
                    asyncio.create_task(self.watchdog(), name="voice:watchdog"),
                }
                if self.settings.voice_proactive_alerts:
                    self.spawn(
                        callouts.follow_alerts(
                            self.user_id, self.followed_watchlist, self.bus, self.announce_alert
                        )
                    )
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                first = done.pop()
                end = _outcome(first)
                for task in tasks - {first}:
                    task.cancel()
        finally:
            if not client.done():
                client.cancel()
            for pending in list(self.background):
                pending.cancel()
            await self.finish(end)

    async def finish(self, end: End | None) -> None:
        """Close whichever legs are still open, telling the client why."""
        self.advance(SessionState.CLOSING)
        end = end or End("proxy", UPSTREAM_FAILED, "proxy stopped")
        log.info("voice session ended", by=end.by, code=end.code, reason=end.reason)
        if self.upstream is not None:  # a no-op when the upstream closed first
            with contextlib.suppress(Exception):
                await asyncio.wait_for(
                    self.upstream.close(1000, close_reason(end.reason)), timeout=2
                )
        if end.by != "client" and self.client.open:
            await self.client.send(frames.session_event(end.state, end.reason))
            await self.client.close(end.code, end.reason)
        self.advance(SessionState.CLOSED)

    async def connect_upstream(self) -> End | None:
        """Open the upstream leg and send ``session.update`` first, then the held frames."""
        upstream = await open_upstream(self.settings)
        if isinstance(upstream, End):
            return upstream
        self.upstream = upstream
        tools = self.registry.schemas()
        await upstream.send(
            frames.dumps(policy.session_update(self.settings, self.view, tools, self.style))
        )
        self.advance(SessionState.HOLDING)
        while self.held:
            frame = self.held.popleft()
            self.held_bytes -= len(frame)
            await upstream.send(frame)
        # no await between the empty check and this: order is kept
        self.advance(SessionState.CONFIGURING)
        return None

    # ------------------------------------------------------------------ client → upstream
    async def client_loop(self) -> End:
        """Read the browser leg: spotlight.* handled here, the rest forwarded (or held)."""
        receive = self.client.ws.receive
        loop = asyncio.get_running_loop()
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                self.client.open = False
                code = message.get("code", 1005)
                # uvicorn reports a missed pong (heartbeat) like a dropped connection
                why = (
                    "client connection lost (heartbeat or network)"
                    if code in (1005, 1006, 1011)
                    else f"client closed ({code})"
                )
                return End("client", 1000, why)
            self.last_client = loop.time()
            text: str | None = message.get("text")
            size = len(text) if text is not None else len(message.get("bytes") or b"")
            if size > self.settings.voice_max_message_bytes:
                limit = self.settings.voice_max_message_bytes
                return End("proxy", TOO_BIG, f"message larger than {limit} bytes")
            frame: str | bytes
            if text is None:
                data: bytes | None = message.get("bytes")
                if data is None:
                    continue
                frame = data
            else:
                frame = text
                kind = frames.event_type(text)
                if kind.startswith("spotlight."):
                    await self.on_spotlight(kind, text)
                    continue
            if self.state in _FORWARDING:
                await self.send_upstream(frame)
            else:
                self.held.append(frame)
                self.held_bytes += len(frame)
                if len(self.held) > MAX_HELD:
                    return End("proxy", UPSTREAM_FAILED, "upstream not ready: too many frames held")
                if self.held_bytes > self.settings.voice_max_held_bytes:
                    return End("proxy", TOO_BIG, "upstream not ready: too many bytes held")

    async def on_spotlight(self, kind: str, frame: str) -> None:
        """Custom client events: never forwarded upstream."""
        if kind != "spotlight.context":
            await self.client.send(frames.unknown_event(kind))
            return
        view = frames.parse_context(frame)
        if view is None:
            await self.client.send(frames.INVALID_CONTEXT)
            return
        if view == self.view:
            return
        self.view = view  # while connecting, session.update will carry it
        update = frames.dumps(policy.instructions_update(view, self.style))
        if self.state in _FORWARDING:
            await self.send_upstream(update)
        elif self.state is SessionState.HOLDING:
            self.held.append(update)
            self.held_bytes += len(update)

    # ------------------------------------------------------------------ upstream → client
    async def upstream_loop(self) -> End:
        """Read the upstream leg: forward everything, watch session, response and tool events."""
        upstream = self.upstream
        assert upstream is not None
        send = self.client.send
        try:
            async for frame in upstream:
                if isinstance(frame, bytes):
                    await send(frame)
                    continue
                kind = frames.event_type(frame)
                await send(frame)
                if kind in frames.WATCHED:
                    end = await self.on_upstream_event(kind, frame)
                    if end is not None:
                        return end
        except ConnectionClosed:
            pass
        return upstream_end(upstream)

    async def on_upstream_event(self, kind: str, frame: str) -> End | None:
        """React to a watched upstream event (already forwarded to the client)."""
        if kind == "response.created":
            self.responses.created()
            return None
        event = msgspec.json.decode(frame)
        if not isinstance(event, dict):
            return None
        if kind == "session.updated":
            if self.state is SessionState.CONFIGURING:
                self.advance(SessionState.READY)
                await self.client.send(frames.session_event("ready", None))
        elif kind == "response.function_call_arguments.done":
            self.responses.start_call(
                str(event.get("response_id", "")),
                event.get("call_id"),
                event.get("name"),
                event.get("arguments"),
            )
        elif kind == "response.done":
            self.responses.done(event.get("response") or {})
        elif kind == "error":
            error = event.get("error") or {}
            if error.get("code") == "session_expired":
                message = str(error.get("message") or "the upstream session expired")
                return End("upstream", UPSTREAM_EXPIRED, message, state="expired")
        return None

    # ------------------------------------------------------------------ limits
    async def watchdog(self) -> End:
        """Idle timeout and maximum session length."""
        loop = asyncio.get_running_loop()
        idle = self.settings.voice_idle_timeout_s
        longest = self.settings.voice_max_session_s
        while True:
            now = loop.time()
            if now >= self.started + longest:
                return End("proxy", MAX_SESSION, "maximum session length reached")
            if now >= self.last_client + idle:
                return End("proxy", IDLE, "idle timeout")
            await asyncio.sleep(min(self.started + longest, self.last_client + idle) - now)

    # ------------------------------------------------------------------ proactive alerts
    async def followed_watchlist(self) -> list[str]:
        """The symbols whose alerts the coach calls out: the user's own watchlist."""
        if self.watchlists is not None:
            return await self.watchlists.user_watchlist(user=self.user_id)
        return list(self.market.watchlist())

    async def announce_alert(self, symbol: str, explanation: str) -> None:
        """Once the coach is ready: a system item about the alert, then a response (after
        the active one)."""
        if self.state is SessionState.READY:
            await self.send_upstream(callouts.alert_item(symbol, explanation))
            await self.responses.request()
