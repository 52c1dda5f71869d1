"""``GET /ws/realtime``: the browser's (or SDK's) WebSocket, proxied to the OpenAI Realtime
API with the server's key.

Admission (all before any upstream traffic; a refused connection is accepted and then
closed with a code and a reason, so browsers and the SDK both see why):

* Origin: a present ``Origin`` must be ``APP_ORIGIN`` or ``ADMIN_ORIGIN``. A missing Origin
  (non-browser clients such as the official SDK) is allowed only when the token comes in
  the ``Authorization: Bearer`` header, which browsers cannot set on a WebSocket.
* Token: ``Authorization: Bearer <jwt>`` or the subprotocol ``spotlight.token.<jwt>``
  offered together with ``spotlight.v1`` (echoed back). Signature, expiry and audience are
  verified; the token is never logged.
* At most ``VOICE_MAX_CONNECTIONS`` per user; the slot is released in a ``finally``.

Then: upstream connect, ``session.update`` first (client frames that arrive earlier are
held and sent after it, in order), frames forwarded both ways untouched, ``spotlight.*``
client events handled here, tool calls run once per ``call_id``, idle timeout and maximum
session length. Close codes are listed in docs/voice.md.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import msgspec
import structlog
from starlette.websockets import WebSocket
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from spotlight_trader.bus import SubscriberOverflow, signal_topic
from spotlight_trader.coach import policy
from spotlight_trader.coach.tokens import (
    DISABLED_REASON,
    VoiceState,
    allowed_origins,
    verify_token,
)
from spotlight_trader.coach.tools import REGISTRY, ToolContext, ToolRegistry
from spotlight_trader.config import Settings
from spotlight_trader.errors import TokenError, ToolError
from spotlight_trader.market.view import MarketView

if TYPE_CHECKING:
    from spotlight_trader.api.deps import Components, MarketAccess
from spotlight_trader.model import normalise_symbol

log = structlog.get_logger(__name__)

SUBPROTOCOL = "spotlight.v1"
TOKEN_PREFIX = "spotlight.token."

# Close codes (docs/voice.md). 1008 and 4xxx are final: clients must not retry blindly.
POLICY = 1008
IDLE = 4000
MAX_SESSION = 4001
UPSTREAM_EXPIRED = 4002
TOO_MANY = 4029
DISABLED = 4503
UPSTREAM_FAILED = 1011
UPSTREAM_MAX_SIZE = 32 * 1024 * 1024
UPSTREAM_CONNECT_TIMEOUT_S = 10.0
MAX_HELD = 1_000  # client frames held while the upstream connects (20 s of 20 ms audio)

_WATCHED = frozenset(
    {
        "session.updated",
        "response.created",
        "response.done",
        "response.function_call_arguments.done",
        "error",
    }
)


class _Typed(msgspec.Struct):
    type: str = ""


_type_of = msgspec.json.Decoder(_Typed).decode
_encode = msgspec.json.Encoder().encode


def _dumps(obj: object) -> str:
    return _encode(obj).decode()


def _event_type(frame: str) -> str:
    try:
        return _type_of(frame).type
    except (msgspec.DecodeError, msgspec.ValidationError):
        return ""


def _reason(text: str) -> str:
    """A close reason within the 123-byte limit."""
    data = text.encode()
    return text if len(data) <= 123 else data[:120].decode(errors="ignore") + "..."


@dataclass(frozen=True)
class End:
    """How a session ended: the close code and reason sent to whichever leg is still open."""

    by: str  # "client", "upstream", "proxy"
    code: int
    reason: str
    state: str = "closing"  # spotlight.session state announced to the client


def admit(settings: Settings, headers: Any, offered: list[str]) -> tuple[End | None, str]:
    """Check origin and token: (refusal, "") or (None, user id)."""
    origin = headers.get("origin")
    scheme, _, value = headers.get("authorization", "").partition(" ")
    header_token = value.strip() if scheme.lower() == "bearer" else ""
    proto_token = next((p[len(TOKEN_PREFIX) :] for p in offered if p.startswith(TOKEN_PREFIX)), "")
    if origin is None:
        if not header_token:
            return End("proxy", POLICY, "missing Origin: send Authorization: Bearer <token>"), ""
    elif origin.rstrip("/") not in allowed_origins(settings):
        return End("proxy", POLICY, "origin not allowed"), ""
    token = header_token or proto_token
    if not token:
        return End("proxy", POLICY, f"missing token: offer subprotocol {TOKEN_PREFIX}<token>"), ""
    if proto_token and not header_token and SUBPROTOCOL not in offered:
        return End("proxy", POLICY, f"offer subprotocol {SUBPROTOCOL} with the token"), ""
    if settings.openai_api_key is None:
        return End("proxy", DISABLED, DISABLED_REASON), ""
    try:
        return None, verify_token(settings, token)
    except TokenError as exc:
        return End("proxy", POLICY, str(exc)), ""


def upstream_url(settings: Settings) -> str:
    """``REALTIME_URL`` with ``model`` in the query."""
    sep = "&" if "?" in settings.realtime_url else "?"
    return f"{settings.realtime_url}{sep}model={quote(settings.realtime_model)}"


async def realtime_ws(websocket: WebSocket) -> None:
    """The ``/ws/realtime`` endpoint."""
    components: Components = websocket.app.state.components
    market: MarketAccess | None = websocket.app.state.market
    state = components.voice
    settings = components.settings
    offered = list(websocket.scope.get("subprotocols") or [])
    subprotocol = SUBPROTOCOL if SUBPROTOCOL in offered else None
    refusal, user_id = admit(settings, websocket.headers, offered)
    if refusal is None and market is None:
        refusal = End("proxy", UPSTREAM_FAILED, "the market is not running in this process")
    if refusal is None and not state.slots.acquire(user_id):
        refusal = End("proxy", TOO_MANY, f"at most {state.slots.limit} voice connections")
    if refusal is not None:
        state.rejections[str(refusal.code)] = state.rejections.get(str(refusal.code), 0) + 1
        log.info("voice connection refused", code=refusal.code, reason=refusal.reason)
        await websocket.accept(subprotocol=subprotocol)
        await websocket.close(refusal.code, _reason(refusal.reason))
        return
    state.sessions += 1
    state.sessions_total += 1
    try:
        await websocket.accept(subprotocol=subprotocol)
        assert market is not None
        await VoiceSession(websocket, components, market.view, user_id, state).run()
    finally:
        state.sessions -= 1
        state.slots.release(user_id)


def _outcome(task: asyncio.Task[End]) -> End:
    """The End a finished session task returned (a crash ends the session as 1011)."""
    exc = task.exception()
    if exc is None:
        return task.result()
    log.error("voice session failed", task=task.get_name(), error=repr(exc))
    return End("proxy", UPSTREAM_FAILED, "proxy error")


class VoiceSession:
    """One proxied session: a browser leg and an upstream leg."""

    def __init__(
        self,
        websocket: WebSocket,
        components: Components,
        market: MarketView,
        user_id: str,
        state: VoiceState,
        registry: ToolRegistry = REGISTRY,
    ) -> None:
        self.ws = websocket
        self.components = components
        self.market = market
        self.settings = components.settings
        self.user_id = user_id
        self.state = state
        self.registry = registry
        self.view: policy.ViewContext | None = None
        self.upstream: ClientConnection | None = None
        self.held: deque[str | bytes] = deque()
        self.update_sent = False
        self.ready = False  # held frames flushed: forward directly
        self.announced = False  # spotlight.session ready sent
        self.client_open = True
        self.response_active = False
        self.pending_response = False  # a response.create waits for the active one to end
        self.seen_calls: set[str] = set()
        self.tool_tasks: dict[str, list[asyncio.Task[None]]] = {}
        self.background: set[asyncio.Task[None]] = set()
        loop = asyncio.get_running_loop()
        self.started = loop.time()
        self.last_client = self.started

    # ------------------------------------------------------------------ plumbing
    async def send_client(self, frame: str | bytes) -> None:
        """Forward to the browser; a closed browser leg is noticed by its reader."""
        if not self.client_open:
            return
        message: dict[str, Any] = {"type": "websocket.send"}
        message["text" if isinstance(frame, str) else "bytes"] = frame
        try:
            await self.ws.send(message)
        except Exception:  # the client went away mid-send
            self.client_open = False

    async def send_client_event(self, event: dict[str, Any]) -> None:
        """Send one of our own ``spotlight.*`` events."""
        await self.send_client(_dumps(event))

    async def send_upstream(self, frame: str | bytes) -> None:
        """Forward to the Realtime API (dropped once it closed: its reader ends the session)."""
        if self.upstream is not None:
            with contextlib.suppress(ConnectionClosed):
                await self.upstream.send(frame)

    async def session_event(self, state: str, reason: str | None) -> None:
        """``{"type":"spotlight.session","state":...,"reason":...}``."""
        await self.send_client_event(
            {"type": "spotlight.session", "state": state, "reason": reason}
        )

    def spawn(self, coro: Any) -> asyncio.Task[None]:
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
                    self.spawn(self.alerts_loop())
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
        end = end or End("proxy", UPSTREAM_FAILED, "proxy stopped")
        log.info("voice session ended", by=end.by, code=end.code, reason=end.reason)
        if self.upstream is not None:  # a no-op when the upstream closed first
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.upstream.close(1000, _reason(end.reason)), timeout=2)
        if end.by != "client" and self.client_open:
            await self.session_event(end.state, end.reason)
            with contextlib.suppress(Exception):
                await self.ws.close(end.code, _reason(end.reason))
            self.client_open = False

    async def connect_upstream(self) -> End | None:
        """Open the upstream leg and send ``session.update`` first, then the held frames."""
        key = self.settings.openai_api_key
        assert key is not None  # admit() refused the connection otherwise
        heartbeat = self.settings.voice_heartbeat_s
        try:
            self.upstream = await asyncio.wait_for(
                connect(
                    upstream_url(self.settings),
                    additional_headers={"Authorization": f"Bearer {key.get_secret_value()}"},
                    ping_interval=heartbeat,
                    ping_timeout=heartbeat,
                    max_size=UPSTREAM_MAX_SIZE,
                    compression=None,
                    open_timeout=None,
                    close_timeout=min(5.0, heartbeat),
                ),
                timeout=UPSTREAM_CONNECT_TIMEOUT_S,
            )
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            detail = type(exc).__name__
            log.warning("voice upstream unreachable", error=detail)
            return End("upstream", UPSTREAM_FAILED, f"upstream unreachable ({detail})")
        tools = self.registry.schemas()
        await self.upstream.send(_dumps(policy.session_update(self.settings, self.view, tools)))
        self.update_sent = True
        while self.held:
            await self.upstream.send(self.held.popleft())
        self.ready = True  # no await between the empty check and this: order is kept
        return None

    # ------------------------------------------------------------------ client → upstream
    async def client_loop(self) -> End:
        """Read the browser leg: spotlight.* handled here, the rest forwarded (or held)."""
        receive = self.ws.receive
        loop = asyncio.get_running_loop()
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                self.client_open = False
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
            frame: str | bytes
            if text is None:
                data: bytes | None = message.get("bytes")
                if data is None:
                    continue
                frame = data
            else:
                frame = text
                kind = _event_type(text)
                if kind.startswith("spotlight."):
                    await self.on_spotlight(kind, text)
                    continue
            if self.ready:
                await self.send_upstream(frame)
            else:
                self.held.append(frame)
                if len(self.held) > MAX_HELD:
                    return End("proxy", UPSTREAM_FAILED, "upstream not ready: too many frames held")

    async def on_spotlight(self, kind: str, frame: str) -> None:
        """Custom client events: never forwarded upstream."""
        if kind != "spotlight.context":
            await self.send_client_event(
                {
                    "type": "error",
                    "error": {
                        "type": "invalid_request_error",
                        "code": "unknown_spotlight_event",
                        "message": f"unknown event {kind[:40]}",
                    },
                }
            )
            return
        try:
            data = msgspec.json.decode(frame)
            symbol = normalise_symbol(str(data.get("symbol", "")))
            timeframe = data.get("timeframe", 1)
            if not isinstance(timeframe, int) or not 1 <= timeframe <= 1_440:
                raise ValueError("timeframe must be whole minutes, 1 to 1440")
        except Exception:
            await self.send_client_event(
                {
                    "type": "error",
                    "error": {
                        "type": "invalid_request_error",
                        "code": "invalid_spotlight_context",
                        "message": 'expected {"type":"spotlight.context","symbol":"SPY",'
                        '"timeframe":1}',
                    },
                }
            )
            return
        view = policy.ViewContext(symbol, timeframe)
        if view == self.view:
            return
        self.view = view
        if self.update_sent:
            update = _dumps(policy.instructions_update(view))
            if self.ready:
                await self.send_upstream(update)
            else:
                self.held.append(update)

    # ------------------------------------------------------------------ upstream → client
    async def upstream_loop(self) -> End:
        """Read the upstream leg: forward everything, watch session, response and tool events."""
        upstream = self.upstream
        assert upstream is not None
        send = self.send_client
        try:
            async for frame in upstream:
                if isinstance(frame, bytes):
                    await send(frame)
                    continue
                kind = _event_type(frame)
                await send(frame)
                if kind in _WATCHED:
                    end = await self.on_upstream_event(kind, frame)
                    if end is not None:
                        return end
        except ConnectionClosed:
            pass
        code = upstream.close_code
        reason = upstream.close_reason or ""
        sent = upstream.protocol.close_sent
        if sent is not None and sent.code == 1011 and "keepalive" in sent.reason:
            return End("upstream", UPSTREAM_FAILED, "upstream heartbeat lost")
        if code is None or code in (1006, 1011, 1012, 1013, 1014):
            return End("upstream", UPSTREAM_FAILED, f"upstream connection lost ({code})")
        out = code if code == 1000 or 4000 <= code <= 4999 else UPSTREAM_FAILED
        return End("upstream", out, f"upstream closed ({code}) {reason}".strip())

    async def on_upstream_event(self, kind: str, frame: str) -> End | None:
        """React to a watched upstream event (already forwarded to the client)."""
        if kind == "response.created":
            self.response_active = True
            return None
        event = msgspec.json.decode(frame)
        if not isinstance(event, dict):
            return None
        if kind == "session.updated":
            if not self.announced:
                self.announced = True
                await self.session_event("ready", None)
        elif kind == "response.function_call_arguments.done":
            self.start_call(
                str(event.get("response_id", "")),
                event.get("call_id"),
                event.get("name"),
                event.get("arguments"),
            )
        elif kind == "response.done":
            self.response_active = False
            response = event.get("response") or {}
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
            if calls or self.pending_response:
                self.pending_response = False
                self.spawn(self.respond_after(calls))
        elif kind == "error":
            error = event.get("error") or {}
            if error.get("code") == "session_expired":
                message = str(error.get("message") or "the upstream session expired")
                return End("upstream", UPSTREAM_EXPIRED, message, state="expired")
        return None

    # ------------------------------------------------------------------ tools
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
        self.state.tool_calls += 1
        await self.send_client_event(
            {"type": "spotlight.tool", "name": name, "call_id": call_id, "status": "started"}
        )
        ctx = ToolContext(
            self.market,
            self.components.ring,
            self.user_id,
            self.view,
            rules=self.components.rules,
            signals=self.components.signals,
        )
        status = "done"
        try:
            result: object = await self.registry.call(name, arguments, ctx)
        except ToolError as exc:
            status, result = "error", {"error": str(exc)}
        except Exception as exc:
            log.exception("voice tool failed", tool=name)
            status, result = "error", {"error": f"tool failed: {type(exc).__name__}"}
        output = _dumps(result)
        item = {"type": "function_call_output", "call_id": call_id, "output": output}
        await self.send_upstream(_dumps({"type": "conversation.item.create", "item": item}))
        await self.send_client_event(
            {"type": "spotlight.tool", "name": name, "call_id": call_id, "status": status}
        )

    async def respond_after(self, calls: list[asyncio.Task[None]]) -> None:
        """Once the response that asked for tools is done and their outputs are sent,
        ask the model to continue."""
        if calls:
            await asyncio.gather(*calls, return_exceptions=True)
        if self.response_active:
            self.pending_response = True
            return
        await self.send_upstream(_dumps({"type": "response.create"}))

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
    async def alerts_loop(self) -> None:
        """Mention alerts on watchlist symbols while the session is open (the subscription
        follows watchlist changes within a second)."""
        while True:
            symbols = tuple(self.market.watchlist())
            sub = self.components.bus.subscribe([signal_topic(s) for s in symbols], maxsize=100)
            try:
                while tuple(self.market.watchlist()) == symbols:
                    try:
                        topic, signal = await asyncio.wait_for(sub.get(), 1.0)
                    except TimeoutError:
                        continue
                    explanation = getattr(signal, "explanation", None)
                    if isinstance(explanation, str) and explanation and self.announced:
                        await self.announce_alert(topic.partition(":")[2], explanation)
            except SubscriberOverflow:
                await asyncio.sleep(0.1)
            finally:
                sub.close()

    async def announce_alert(self, symbol: str, explanation: str) -> None:
        """Inject a short system item and ask for a response (after the active one)."""
        text = (
            f"Alert just fired on {symbol}: {explanation[:500]} "
            "Mention it to the trader in one short sentence if it matters now."
        )
        item = {
            "type": "message",
            "role": "system",
            "content": [{"type": "input_text", "text": text}],
        }
        await self.send_upstream(_dumps({"type": "conversation.item.create", "item": item}))
        if self.response_active:
            self.pending_response = True
        else:
            await self.send_upstream(_dumps({"type": "response.create"}))
