"""``GET /stream/market``: final bars and microbars as Server-Sent Events, with lossless
per-symbol resume (invariant 5) and the slow-consumer policy of invariant 6.

Order of operations for one connection:

0. while the market is ``warming`` (history still going into the ring) send ``status``
   events with the progress and wait,
1. subscribe to the bus (from here on nothing published is missed),
2. send ``ready`` with the starting cursor (worked out now, after the warm-up),
3. send every ring bar past the cursor (``gap`` if the ring no longer reaches back),
4. send live events, skipping bars the cursor has already passed (the overlap of 1 and 3),
   and a ``status`` event on every lifecycle change and every 5 s.

Alerts follow the same pattern: the connection also subscribes to ``signal:SYMBOL``, sends
the user's stored signals past the cursor's ``alerts:<id>`` part as ``alert`` events right
after ``ready`` (before the ring replay), then live ones of this user whose id is past the
cursor (the engine stores a signal before publishing it).

A client whose queue of undelivered final bars overflows is disconnected; it resumes from
its ``Last-Event-ID`` like after any other drop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import msgspec
import structlog
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from spotlight_trader.api.cursor import MAX_CURSOR_CHARS, MAX_SEQ, Cursor
from spotlight_trader.api.deps import Components, MarketAccess
from spotlight_trader.api.responses import ApiError, error_response
from spotlight_trader.api.schemas import StreamGap, StreamReady, StreamStatus
from spotlight_trader.api.security import current_user_id
from spotlight_trader.api.sse import HEARTBEAT_TOPIC, EventStream, StatusFrame, frame
from spotlight_trader.bus import (
    STATUS_TOPIC,
    SubscriberOverflow,
    bar_topic,
    microbar_topic,
    signal_topic,
)
from spotlight_trader.errors import AuthError, InputError
from spotlight_trader.market.lifecycle import MarketState, Phase
from spotlight_trader.market.ring import BarRing
from spotlight_trader.market.view import MarketView
from spotlight_trader.model import Bar, Microbar, Signal, normalise_symbol
from spotlight_trader.storage.signals import SignalRepository

log = structlog.get_logger(__name__)
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
_encode = msgspec.json.Encoder().encode
STATUS_INTERVAL_S = 5.0
WARMING_STATUS_S = 0.25  # most frequent progress updates while warming
ALERT_PAGE = 1_000
REPLAY_CHUNK_BYTES = 64 * 1024  # ring replay written in chunks of about this size


def parse_symbols(raw: str | None, watchlist: list[str], limit: int) -> list[str]:
    """The ``symbols`` query value as a list; :class:`InputError` naming what is wrong."""
    if not raw or not raw.strip():
        raise InputError("symbols is required, e.g. symbols=SPY,AAPL")
    parts = [p for p in raw.split(",") if p.strip()]
    if len(parts) > limit:
        raise InputError(f"too many symbols: {len(parts)} (at most {limit} per stream)")
    symbols = list(dict.fromkeys(normalise_symbol(p) for p in parts))
    unknown = [s for s in symbols if s not in watchlist]
    if unknown:
        raise InputError(f"not on the watchlist: {', '.join(unknown)}")
    return symbols


def status_frame(view: MarketView, now_ms: int, state: MarketState | None = None) -> bytes:
    """The ``status`` event for the market as ``view`` sees it now."""
    state = state if state is not None else view.state()
    status = StreamStatus(
        feed=view.feed_name,
        clock_ms=view.clock_ms(),
        server_ms=now_ms,
        phase=state.phase,
        detail=state.detail,
        done=state.done,
        total=state.total,
    )
    return frame(b"status", _encode(status))


async def start_cursor(
    ring: BarRing,
    symbols: list[str],
    given: Cursor | None,
    since_seq: int | None,
) -> Cursor:
    """Where this connection starts: the client's cursor, ``sinceSeq``, or the ring tails.
    Without a client cursor the alert position stays None: :func:`market_events` sets it to
    the user's newest signal once it has subscribed."""
    if given is not None:
        cursor = given.restrict(symbols)
        for symbol in symbols:
            if symbol not in given:  # newly added to this stream: start at the tail
                last = await ring.last(symbol)
                if last is not None:
                    cursor.advance(symbol, last.seq)
        return cursor
    if since_seq is not None:
        return Cursor(dict.fromkeys(symbols, since_seq))
    seqs: dict[str, int | None] = {}
    for symbol in symbols:
        last = await ring.last(symbol)
        seqs[symbol] = last.seq if last is not None else None
    return Cursor(seqs)


async def market_events(
    components: Components,
    view: MarketView,
    symbols: list[str],
    given: Cursor | None = None,
    since_seq: int | None = None,
    user_id: str | None = None,
) -> AsyncIterator[bytes]:
    """The bytes of one stream connection, a batch of events per chunk (alerts when there
    is a user)."""
    signals: SignalRepository | None = components.signals if user_id is not None else None
    ring, bus, registry = components.ring, components.bus, components.streams
    data = registry.frames.data
    event = registry.frames.event
    topics = [bar_topic(s) for s in symbols] + [microbar_topic(s) for s in symbols]
    topics += [STATUS_TOPIC, HEARTBEAT_TOPIC]
    if signals is not None:
        topics += [signal_topic(s) for s in symbols]
    sub = None
    try:
        if view.state().phase is Phase.WARMING:
            # History is still going into the ring and nothing is published: wait for the
            # end of the warm-up, telling the client how far it has come (at most 4 times
            # a second).
            yield status_frame(view, components.clock_ms())
            while True:
                await asyncio.sleep(WARMING_STATUS_S)
                state = view.state()
                if state.phase is not Phase.WARMING:
                    break
                yield status_frame(view, components.clock_ms(), state)
        sub = bus.subscribe(topics, maxsize=components.settings.stream_queue_size)
        cursor = await start_cursor(ring, symbols, given, since_seq)
        if signals is not None and user_id is not None and cursor.alert_id is None:
            cursor.alert_id = await signals.last_id(user=user_id)
        ready = StreamReady(symbols=symbols, cursor=cursor.encode())
        chunk = [frame(b"ready", _encode(ready), cursor.encode().encode())]
        if signals is not None and user_id is not None:
            # stored alerts first: the ring replay below then runs without a database await
            # between it and the live loop, as before alerts existed
            while True:  # page through everything past the cursor
                stored = await signals.list_after(
                    symbols, cursor.alert_id or 0, user=user_id, limit=ALERT_PAGE
                )
                for signal in stored:
                    if cursor.advance_alert(signal.id):
                        chunk.append(frame(b"alert", _encode(signal), cursor.encode().encode()))
                if len(stored) < ALERT_PAGE:
                    break
        size = 0
        for symbol in symbols:
            after = cursor.get(symbol)
            bars = await ring.since_seq(symbol, -1 if after is None else after)
            evicted = await ring.evicted_through(symbol)
            if after is not None and evicted is not None and evicted > after:
                # The ring no longer holds everything the client missed; say so honestly.
                gap = StreamGap(symbol=symbol, from_seq=after + 1, to_seq=evicted)
                chunk.append(frame(b"gap", _encode(gap)))
            for bar in bars:
                if cursor.advance(symbol, bar.seq):
                    framed = frame(b"bar", data(bar), cursor.encode().encode())
                    chunk.append(framed)
                    size += len(framed)
                    if size >= REPLAY_CHUNK_BYTES:
                        yield b"".join(chunk)
                        chunk, size = [], 0
        chunk.append(status_frame(view, components.clock_ms()))
        yield b"".join(chunk)
        while True:
            item: tuple[str, object] | None = await sub.get()
            chunk = []
            while item is not None:  # everything pending goes out in one write
                message = item[1]
                if isinstance(message, Microbar):
                    last = cursor.get(message.symbol)
                    if last is None or message.minute.seq > last:
                        chunk.append(event(b"microbar", message))
                elif isinstance(message, Bar):
                    if cursor.advance(message.symbol, message.seq):
                        chunk.append(frame(b"bar", data(message), cursor.encode().encode()))
                elif isinstance(message, StatusFrame):
                    chunk.append(message.frame)
                elif isinstance(message, bytes):
                    chunk.append(message)  # the heartbeat comment
                elif isinstance(message, MarketState):
                    chunk.append(status_frame(view, components.clock_ms(), message))
                elif (
                    isinstance(message, Signal)
                    and message.user_id == user_id
                    and cursor.advance_alert(message.id)
                ):
                    chunk.append(frame(b"alert", data(message), cursor.encode().encode()))
                item = sub.get_nowait()
            if chunk:
                yield b"".join(chunk)
    except SubscriberOverflow:
        registry.slow_closes += 1
        log.warning("closing slow stream client", symbols=len(symbols))
    finally:
        if sub is not None:
            sub.close()


def _since_seq(raw: str | None) -> int | None:
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise InputError("sinceSeq: Input should be a valid integer") from None
    if not 0 <= value <= MAX_SEQ:
        raise InputError(f"sinceSeq: must be from 0 to {MAX_SEQ}")
    return value


async def open_stream(conn: HTTPConnection) -> tuple[str, EventStream]:
    """Check one ``/stream/market`` request (market running, user, query) and make its
    stream (with the user it is for); :class:`InputError`, :class:`AuthError` or
    :class:`ApiError` when refused."""
    access: MarketAccess | None = conn.app.state.market
    if access is None:
        raise ApiError(503, "the market is not running in this process")
    components: Components = conn.app.state.components
    user = await current_user_id(conn)
    query = conn.query_params
    raw = query.get("symbols")
    if raw is None:
        raise InputError("symbols: Field required")
    view = access.view
    symbols = parse_symbols(raw, view.watchlist(), components.settings.stream_max_symbols)
    since_seq = _since_seq(query.get("sinceSeq"))
    raw_cursor = conn.headers.get("last-event-id") or query.get("lastEventId")
    given = Cursor.parse(raw_cursor) if raw_cursor else None
    return user, EventStream(
        market_events(components, view, symbols, given, since_seq, user), components.streams
    )


class StreamEndpoint:
    """``GET /stream/market`` as a plain ASGI endpoint (a Starlette route, not a FastAPI
    one): the request is checked once and then only the stream lives, so a connection
    keeps no per-request dependency machinery for its lifetime. The OpenAPI document
    describes it through :data:`OPENAPI_PATH`. A user holds at most
    ``STREAM_MAX_PER_USER`` streams at once (429 beyond)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request."""
        conn = HTTPConnection(scope)
        response: Response
        try:
            user, stream = await open_stream(conn)
            slots = conn.app.state.components.stream_slots
            if not await slots.acquire(user):
                raise ApiError(429, f"too many open streams: at most {slots.limit} per user")
            try:
                await stream(scope, receive, send)
            finally:
                await slots.release(user)
            return
        except InputError as exc:
            response = error_response(422, str(exc), str(exc).split(":", 1)[0] or None)
        except AuthError as exc:
            response = error_response(401, str(exc))
        except ApiError as exc:
            response = exc.response()
        await response(scope, receive, send)


def _query(name: str, description: str, schema: dict[str, Any], required: bool) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


OPENAPI_PATH: dict[str, Any] = {
    "get": {
        "summary": "Live bars, microbars and alerts (Server-Sent Events)",
        "description": "Bars, microbars and the user's alerts as Server-Sent Events; see the "
        "README's stream section for the protocol.",
        "operationId": "stream_market_stream_market_get",
        "parameters": [
            _query(
                "symbols",
                "Comma-separated symbols on the watchlist, e.g. SPY,AAPL",
                {"type": "string", "pattern": r"^[A-Za-z0-9.,\- ]+$"},
                True,
            ),
            _query(
                "sinceSeq",
                "Send bars with seq > sinceSeq first",
                {"type": "integer", "minimum": 0, "maximum": MAX_SEQ},
                False,
            ),
            _query(
                "lastEventId",
                "Resume cursor (same as the Last-Event-ID header, which wins)",
                {"type": "string", "maxLength": MAX_CURSOR_CHARS},
                False,
            ),
        ],
        "responses": {
            "200": {
                "description": "text/event-stream: ready, bar, microbar, alert, gap, status",
                "content": {"text/event-stream": {"schema": {"type": "string"}}},
            },
            "401": {"description": "Sign-in required", "content": _ERROR},
            "422": {"description": "Bad symbols, sinceSeq or cursor", "content": _ERROR},
            "503": {"description": "The market is not running here", "content": _ERROR},
        },
    }
}
