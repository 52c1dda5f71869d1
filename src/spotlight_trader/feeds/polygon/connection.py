"""The Polygon/Massive stocks WebSocket session behind :class:`~.feed.PolygonFeed`.

Per connection: wait for ``connected`` (``success`` accepted), send ``auth``, wait for
``auth_success`` (``success`` accepted), subscribe ``T.`` and ``Q.`` for the current symbol
set (``T.`` only on the delayed host, which has no quotes), then read.

* ``auth_failed`` / ``auth_timeout``: :class:`FeedError`, no retry.
* ``max_connections`` / ``force_disconnect`` / ``slow_consumer``, a dropped socket, a
  heartbeat timeout or a full frame queue: log with context and reconnect after an
  exponential backoff with full jitter (``base * 2**attempt`` capped at ``max``; the attempt
  counter resets once a connection stayed up ``stable_after_s``).
* The socket reader never waits on processing: raw frames go into a bounded queue
  (:attr:`PolygonConnection.queue`) that the feed's processing task drains. Every connect,
  and every symbol added, puts a :class:`Repair` marker into it ahead of the new frames.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Final

import msgspec
import structlog
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException

from spotlight_trader.config import Settings
from spotlight_trader.errors import FeedError
from spotlight_trader.feeds.polygon.codec import StatusEvent, decode_frame
from spotlight_trader.feeds.polygon.stats import PolygonStats
from spotlight_trader.market.session import et_datetime, session_of

log = structlog.get_logger(__name__)

REALTIME_URL: Final = "wss://socket.massive.com/stocks"
DELAYED_URL: Final = "wss://delayed.massive.com/stocks"

CONNECTED_STATUSES: Final = frozenset({"connected", "success"})
AUTH_OK_STATUSES: Final = frozenset({"auth_success", "success"})
AUTH_FAIL_STATUSES: Final = frozenset({"auth_failed", "auth_timeout"})
DISCONNECT_STATUSES: Final = frozenset({"max_connections", "force_disconnect", "slow_consumer"})


def ws_url_for(settings: Settings) -> str:
    """``POLYGON_WS_URL`` if set, else the real-time or the delayed host."""
    if settings.polygon_ws_url:
        return settings.polygon_ws_url
    return DELAYED_URL if settings.polygon_delayed else REALTIME_URL


def is_trading_time(ts_ms: int) -> bool:
    """Weekday 04:00–20:00 New York time (pre-market, regular and after-hours)."""
    return et_datetime(ts_ms).weekday() < 5 and session_of(ts_ms) != "closed"


class _Disconnect(Exception):
    """End the current connection and reconnect (reason in the message)."""


class Repair:
    """Queue marker: repair these symbols before the frames queued after it."""

    __slots__ = ("symbols",)

    def __init__(self, symbols: Sequence[str]) -> None:
        self.symbols = tuple(symbols)


QueueItem = bytes | str | Repair


class PolygonConnection:
    """The WebSocket side of the feed: the connect loop with its backoff, one session at a
    time (handshake, subscriptions, reader, watchdog) and the bounded frame queue.

    ``clock_ms`` is the feed clock (the watchdog only fires during ``trading_hours``);
    ``lag_ms`` the processor's current ingest lag, for the log line of a full queue.
    """

    def __init__(
        self,
        api_key: str,
        *,
        stats: PolygonStats,
        clock_ms: Callable[[], int],
        lag_ms: Callable[[], int],
        ws_url: str,
        quotes: bool,
        heartbeat_s: float,
        queue_size: int,
        backoff_base_s: float,
        backoff_max_s: float,
        stable_after_s: float,
        handshake_timeout_s: float,
        trading_hours: Callable[[int], bool],
        rng: Callable[[], float],
    ) -> None:
        self._api_key = api_key
        self.stats = stats
        self._clock_ms = clock_ms
        self._lag_ms = lag_ms
        self.ws_url = ws_url
        self.quotes = quotes
        self.heartbeat_s = heartbeat_s
        self.queue_size = queue_size
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.stable_after_s = stable_after_s
        self.handshake_timeout_s = handshake_timeout_s
        self._trading_hours = trading_hours
        self._rng = rng

        self.queue: asyncio.Queue[QueueItem] = asyncio.Queue(queue_size)
        self.backoff_delays: list[float] = []  # every reconnect delay slept, for tests/metrics
        self.attempt = 0
        self.connected = False
        self.symbols: list[str] = []  # wanted: subscribed now or after the next connect
        self.subscribed: set[str] = set()
        self._ws: ClientConnection | None = None
        self._sub_lock = asyncio.Lock()
        self._last_frame = time.monotonic()
        self._close_reason: str | None = None
        self._connected_at: float | None = None

    async def set_symbols(self, wanted: list[str]) -> None:
        """Want exactly ``wanted``; (un)subscribe the difference when connected and queue a
        :class:`Repair` for the added symbols."""
        async with self._sub_lock:
            self.symbols = wanted
            ws = self._ws
            if ws is None:
                return  # the next connect subscribes the current set
            add = [s for s in wanted if s not in self.subscribed]
            remove = [s for s in self.subscribed if s not in wanted]
            try:
                if remove:
                    await ws.send(self._action("unsubscribe", remove))
                if add:
                    await ws.send(self._action("subscribe", add))
            except ConnectionClosed:
                return  # the reconnect resubscribes exactly the current set
            self.subscribed = set(wanted)
            if remove:
                log.info("polygon unsubscribed", symbols=remove)
            if add:
                log.info("polygon subscribed", symbols=add)
                # waits for room: a dropped marker would leave the added symbols unrepaired
                await self.queue.put(Repair(add))

    async def run(self, on_disconnect: Callable[[str, float], None]) -> None:
        """Connect, read, reconnect, forever; :class:`FeedError` if the key is refused.
        ``on_disconnect(reason, delay_s)`` runs after every drop, before the backoff sleep."""
        while True:
            try:
                await self._session()
                reason = "connection ended"
            except FeedError:
                raise
            except _Disconnect as exc:
                reason = str(exc)
            except ConnectionClosed as exc:
                reason = f"connection closed ({_close_text(exc)})"
            except (OSError, TimeoutError, WebSocketException) as exc:
                reason = f"cannot connect: {type(exc).__name__}: {exc}"
            connected_at = self._connected_at
            self._on_disconnected()
            uptime = time.monotonic() - connected_at if connected_at is not None else 0.0
            if connected_at is not None and uptime >= self.stable_after_s:
                self.attempt = 0  # the last connection was stable: start the backoff over
            ceiling = min(self.backoff_max_s, self.backoff_base_s * 2**self.attempt)
            delay = self._rng() * ceiling  # full jitter
            self.attempt += 1
            self.stats.reconnects += 1
            self.backoff_delays.append(delay)
            on_disconnect(reason, delay)
            log.warning(
                "polygon disconnected; reconnecting",
                reason=reason,
                attempt=self.attempt,
                delay_s=round(delay, 3),
                uptime_s=round(uptime, 1),
                symbols=len(self.symbols),
                queue_depth=self.queue.qsize(),
            )
            await asyncio.sleep(delay)

    def stopped(self) -> None:
        """Forget the socket once :meth:`run` has ended (cancelled)."""
        self.connected = False
        self._ws = None

    def _channels(self, symbols: Sequence[str]) -> str:
        prefixes = ("T", "Q") if self.quotes else ("T",)
        return ",".join(f"{p}.{s}" for s in symbols for p in prefixes)

    def _action(self, action: str, symbols: Sequence[str]) -> bytes:
        return msgspec.json.encode({"action": action, "params": self._channels(symbols)})

    def _on_disconnected(self) -> None:
        self.connected = False
        self._ws = None
        self.subscribed = set()
        self._connected_at = None

    async def _session(self) -> None:
        """One connection: handshake, subscribe, read until it ends (raises)."""
        self._close_reason = None
        async with connect(
            self.ws_url,
            open_timeout=self.handshake_timeout_s,
            close_timeout=2.0,
            max_size=2**24,
            max_queue=256,
            ping_interval=20.0,
            ping_timeout=20.0,
        ) as ws:
            await self._handshake(ws)
            self._connected_at = time.monotonic()
            self.connected = True
            self.stats.connects += 1
            async with self._sub_lock:
                symbols = list(self.symbols)
                if symbols:
                    await ws.send(self._action("subscribe", symbols))
                self.subscribed = set(symbols)
                self._ws = ws
            log.info("polygon connected", url=self.ws_url, symbols=symbols)
            # Gap repair runs before any frame of this connection is processed. After a
            # queue-full drop the queue may still be full: wait for room (the socket buffers
            # meanwhile) rather than lose the marker, which would leave the gap unrepaired
            # and the feed clock paused.
            await self.queue.put(Repair(symbols))
            self._last_frame = time.monotonic()
            watchdog = asyncio.create_task(self._watchdog(ws), name="polygon:watchdog")
            try:
                await self._read(ws)
            except ConnectionClosed as exc:
                if self._close_reason is not None:
                    raise _Disconnect(self._close_reason) from None
                raise _Disconnect(f"connection closed ({_close_text(exc)})") from None
            finally:
                watchdog.cancel()
                await asyncio.wait({watchdog})  # never swallows our own cancellation

    async def _handshake(self, ws: ClientConnection) -> None:
        async def next_status() -> StatusEvent:
            while True:
                async with asyncio.timeout(self.handshake_timeout_s):
                    data = await ws.recv()
                for status in decode_frame(data).statuses:
                    return status

        try:
            first = await next_status()
            if first.status not in CONNECTED_STATUSES:
                self._control_status(first)
                raise _Disconnect(f"unexpected first status {first.status!r}: {first.message}")
            await ws.send(msgspec.json.encode({"action": "auth", "params": self._api_key}))
            while True:
                status = await next_status()
                if status.status in AUTH_OK_STATUSES:
                    return
                self._control_status(status)
        except TimeoutError:
            raise _Disconnect(f"no handshake reply within {self.handshake_timeout_s:g} s") from None

    def _control_status(self, status: StatusEvent) -> None:
        """Act on one status event: raise to stop or reconnect, log the rest."""
        kind = status.status
        if kind in AUTH_FAIL_STATUSES:
            raise FeedError(
                f"Polygon refused the API key ({kind}: {status.message or 'no message'}); "
                "check POLYGON_API_KEY and the plan's WebSocket access"
            )
        if kind in DISCONNECT_STATUSES:
            self.stats.disconnect_statuses += 1
            log.warning(
                "polygon disconnect notice",
                status=kind,
                message=status.message,
                url=self.ws_url,
                symbols=len(self.symbols),
                queue_depth=self.queue.qsize(),
                hint={
                    "max_connections": "another client uses this key (one connection allowed)",
                    "slow_consumer": "frames were not read fast enough",
                    "force_disconnect": "the server closed this session",
                }[kind],
            )
            raise _Disconnect(f"server sent {kind}: {status.message}")
        if kind in ("error", "auth_required"):
            self.stats.subscription_errors += 1
            log.warning("polygon status", status=kind, message=status.message)
        else:
            log.debug("polygon status", status=kind, message=status.message)

    async def _read(self, ws: ClientConnection) -> None:
        queue = self.queue
        stats = self.stats
        while True:
            data = await ws.recv(decode=False)
            self._last_frame = time.monotonic()
            stats.frames += 1
            if b"status" in data:
                for status in decode_frame(data).statuses:
                    self._control_status(status)
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:
                stats.queue_overflows += 1
                log.error(
                    "polygon frame queue full: processing cannot keep up; reconnecting "
                    "(gap repair will fill the lost minutes)",
                    queue_size=self.queue_size,
                    ingest_lag_ms=self._lag_ms(),
                    symbols=len(self.symbols),
                )
                raise _Disconnect("frame queue full") from None

    async def _watchdog(self, ws: ClientConnection) -> None:
        period = min(1.0, self.heartbeat_s / 4)
        while True:
            await asyncio.sleep(period)
            idle = time.monotonic() - self._last_frame
            if idle > self.heartbeat_s and self._trading_hours(self._clock_ms()):
                self.stats.heartbeat_timeouts += 1
                self._close_reason = f"no frame for {idle:.1f} s during trading hours"
                log.warning("polygon heartbeat timeout", idle_s=round(idle, 1))
                await ws.close(code=1000, reason="heartbeat timeout")
                return


def _close_text(exc: ConnectionClosed) -> str:
    frame = exc.rcvd or exc.sent
    if frame is None:
        return "1006 abnormal closure, no close frame"
    return f"{frame.code} {frame.reason}".strip()
