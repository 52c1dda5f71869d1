"""PolygonFeed: live trades and quotes from the Polygon/Massive stocks WebSocket.

Per connection: wait for ``connected`` (``success`` accepted), send ``auth``, wait for
``auth_success`` (``success`` accepted), subscribe ``T.`` and ``Q.`` for the current symbol
set (``T.`` only on the delayed host, which has no quotes), then read.

* ``auth_failed`` / ``auth_timeout``: :class:`FeedError`, no retry.
* ``max_connections`` / ``force_disconnect`` / ``slow_consumer``, a dropped socket, a
  heartbeat timeout or a full frame queue: log with context and reconnect after an
  exponential backoff with full jitter (``base * 2**attempt`` capped at ``max``; the attempt
  counter resets once a connection stayed up ``stable_after_s``).
* The socket reader never waits on processing: raw frames go into a bounded queue that a
  processing task decodes (:mod:`.codec`) into the sink. A full queue means the
  processor cannot keep up: that is logged loudly and the connection is recycled, and gap
  repair covers what was lost.
* The processing task also drives the feed clock (``sink.advance`` every ``tick_s``, wall
  clock minus the feed delay) and runs gap repair (:mod:`spotlight_trader.feeds.polygon.gaps`)
  after every (re)connect, before any frame of the new connection; the clock stays paused
  while disconnected so the minute that was forming is not finalised from partial data.

Metrics are plain attributes (:class:`PolygonStats`, :attr:`PolygonFeed.queue_depth`,
:attr:`PolygonFeed.ingest_lag_ms`); :meth:`PolygonFeed.metrics` returns them by their
Prometheus names (listed in docs/polygon.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Final

import msgspec
import structlog
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException

from spotlight_trader.config import Settings
from spotlight_trader.errors import ConfigError, FeedError
from spotlight_trader.feeds.base import MarketSink
from spotlight_trader.feeds.polygon.codec import StatusEvent, decode_frame
from spotlight_trader.feeds.polygon.gaps import BarStore, is_bar_store, repair_gap
from spotlight_trader.feeds.polygon.rest import HistoryAuthError, HistoryError, HistoryService
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.session import et_datetime, session_of
from spotlight_trader.model import MINUTE_MS

log = structlog.get_logger(__name__)

REALTIME_URL: Final = "wss://socket.massive.com/stocks"
DELAYED_URL: Final = "wss://delayed.massive.com/stocks"
DELAYED_MS: Final = 15 * MINUTE_MS

CONNECTED_STATUSES: Final = frozenset({"connected", "success"})
AUTH_OK_STATUSES: Final = frozenset({"auth_success", "success"})
AUTH_FAIL_STATUSES: Final = frozenset({"auth_failed", "auth_timeout"})
DISCONNECT_STATUSES: Final = frozenset({"max_connections", "force_disconnect", "slow_consumer"})


def is_trading_time(ts_ms: int) -> bool:
    """Weekday 04:00–20:00 New York time (pre-market, regular and after-hours)."""
    return et_datetime(ts_ms).weekday() < 5 and session_of(ts_ms) != "closed"


def ws_url_for(settings: Settings) -> str:
    """``POLYGON_WS_URL`` if set, else the real-time or the delayed host."""
    if settings.polygon_ws_url:
        return settings.polygon_ws_url
    return DELAYED_URL if settings.polygon_delayed else REALTIME_URL


@dataclass(slots=True)
class PolygonStats:
    """Counters of one feed (monotonic over its lifetime)."""

    connects: int = 0
    reconnects: int = 0
    frames: int = 0
    trades: int = 0
    quotes: int = 0
    unknown_events: int = 0
    malformed_entries: int = 0
    disconnect_statuses: int = 0
    heartbeat_timeouts: int = 0
    queue_overflows: int = 0
    subscription_errors: int = 0
    gap_repairs: int = 0
    gap_bars: int = 0
    gap_repair_failures: int = 0


class _Disconnect(Exception):
    """End the current connection and reconnect (reason in the message)."""


class _Repair:
    """Queue marker: repair these symbols before the frames queued after it."""

    __slots__ = ("symbols",)

    def __init__(self, symbols: Sequence[str]) -> None:
        self.symbols = tuple(symbols)


_QueueItem = bytes | str | _Repair


class PolygonFeed:
    """The Polygon/Massive live feed. Build it with :meth:`from_settings` in the service;
    the keyword arguments of ``__init__`` let tests inject clocks, randomness and timings."""

    name = "polygon"

    def __init__(
        self,
        api_key: str,
        *,
        ws_url: str = REALTIME_URL,
        delay_ms: int = 0,
        quotes: bool = True,
        history: HistoryService | None = None,
        heartbeat_s: float = 30.0,
        queue_size: int = 10_000,
        backoff_base_s: float = 1.0,
        backoff_max_s: float = 32.0,
        stable_after_s: float = 60.0,
        backfill_minutes: int = 390,
        repair_timeout_s: float = 20.0,
        handshake_timeout_s: float = 10.0,
        tick_s: float = 0.25,
        now_ms: Callable[[], int] | None = None,
        trading_hours: Callable[[int], bool] = is_trading_time,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if not api_key:
            raise ConfigError("invalid setting POLYGON_API_KEY: not set (needed by FEED=polygon)")
        self._api_key = api_key
        self.ws_url = ws_url
        self.delay_ms = delay_ms
        self.quotes = quotes
        self.history = history
        self.heartbeat_s = heartbeat_s
        self.queue_size = queue_size
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.stable_after_s = stable_after_s
        self.backfill_minutes = backfill_minutes
        self.repair_timeout_s = repair_timeout_s
        self.handshake_timeout_s = handshake_timeout_s
        self.tick_s = tick_s
        self._now_ms = now_ms or (lambda: int(time.time() * 1000))
        self._trading_hours = trading_hours
        self._rng = rng

        self.stats = PolygonStats()
        self.ingest_lag_ms = 0
        self.lag_samples: deque[int] = deque(maxlen=100_000)
        self.backoff_delays: list[float] = []  # every reconnect delay slept, for tests/metrics
        self.attempt = 0
        self.connected = False
        self._symbols: list[str] = []
        self._subscribed: set[str] = set()
        self._history_loaded: set[str] = set()
        self._ws: ClientConnection | None = None
        self._sub_lock = asyncio.Lock()
        self._queue: asyncio.Queue[_QueueItem] = asyncio.Queue(queue_size)
        self._clock_live = False
        self._last_frame = time.monotonic()
        self._close_reason: str | None = None
        self._connected_at: float | None = None
        self._running = False
        self._was_live = False

    @classmethod
    def from_settings(
        cls, settings: Settings, *, history: HistoryService | None = None, **overrides: Any
    ) -> PolygonFeed:
        """A feed configured by the ``POLYGON_*`` settings (with REST history)."""
        key = settings.polygon_api_key.get_secret_value() if settings.polygon_api_key else ""
        if not key:
            raise ConfigError("invalid setting POLYGON_API_KEY: not set (needed by FEED=polygon)")
        if history is None:
            history = HistoryService.from_settings(settings)
        options: dict[str, Any] = {
            "ws_url": ws_url_for(settings),
            "delay_ms": DELAYED_MS if settings.polygon_delayed else 0,
            "quotes": not settings.polygon_delayed,
            "history": history,
            "heartbeat_s": settings.polygon_heartbeat_s,
            "queue_size": settings.polygon_queue_size,
            "backoff_base_s": settings.polygon_backoff_base_s,
            "backoff_max_s": settings.polygon_backoff_max_s,
            "stable_after_s": settings.polygon_stable_after_s,
            "backfill_minutes": settings.polygon_backfill_minutes,
        }
        options.update(overrides)
        return cls(key, **options)

    # ------------------------------------------------------------------ public

    @property
    def symbols(self) -> list[str]:
        """The symbols the feed streams (subscribed now or after the next connect)."""
        return list(self._symbols)

    @property
    def queue_depth(self) -> int:
        """Frames waiting for the processing task."""
        return self._queue.qsize()

    def clock_ms(self) -> int:
        """The feed clock: wall clock minus the feed delay."""
        return self._now_ms() - self.delay_ms

    def metrics(self) -> dict[str, float]:
        """Every metric by its Prometheus name (docs/polygon.md)."""
        out: dict[str, float] = {
            f"polygon_{name}_total": float(value) for name, value in asdict(self.stats).items()
        }
        out["polygon_connected"] = 1.0 if self.connected else 0.0
        out["polygon_queue_depth"] = float(self.queue_depth)
        out["polygon_queue_capacity"] = float(self.queue_size)
        out["polygon_ingest_lag_ms"] = float(self.ingest_lag_ms)
        out["polygon_backoff_attempt"] = float(self.attempt)
        out["polygon_subscribed_symbols"] = float(len(self._subscribed))
        return out

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Stream exactly ``symbols`` from now on; (un)subscribes the difference when
        connected (new symbols get their history backfilled)."""
        wanted = list(dict.fromkeys(s.strip().upper() for s in symbols if s.strip()))
        async with self._sub_lock:
            self._symbols = wanted
            ws = self._ws
            if ws is None:
                return  # the next connect subscribes the current set
            add = [s for s in wanted if s not in self._subscribed]
            remove = [s for s in self._subscribed if s not in wanted]
            try:
                if remove:
                    await ws.send(self._action("unsubscribe", remove))
                if add:
                    await ws.send(self._action("subscribe", add))
            except ConnectionClosed:
                return  # the reconnect resubscribes exactly the current set
            self._subscribed = set(wanted)
            if remove:
                log.info("polygon unsubscribed", symbols=remove)
            if add:
                log.info("polygon subscribed", symbols=add)
                with contextlib.suppress(asyncio.QueueFull):
                    self._queue.put_nowait(_Repair(add))

    async def run(self, sink: MarketSink) -> None:
        """Stream into ``sink`` until cancelled; :class:`FeedError` if the key is refused."""
        if self._running:
            raise RuntimeError("PolygonFeed.run is already running")
        self._running = True
        self._was_live = False
        sink.report(Phase.WARMING, f"connecting to {self.ws_url}")
        processor = asyncio.create_task(self._process(sink), name="polygon:process")
        connector = asyncio.create_task(self._connect_loop(sink), name="polygon:connect")
        try:
            done, _ = await asyncio.wait(
                {processor, connector}, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for task in (processor, connector):
                task.cancel()
            await asyncio.gather(processor, connector, return_exceptions=True)
            self._running = False
            self.connected = False
            self._ws = None
            if self.history is not None:
                await self.history.aclose()
        for task in done:
            task.result()

    # ------------------------------------------------------------------ connection

    def _channels(self, symbols: Sequence[str]) -> str:
        prefixes = ("T", "Q") if self.quotes else ("T",)
        return ",".join(f"{p}.{s}" for s in symbols for p in prefixes)

    def _action(self, action: str, symbols: Sequence[str]) -> bytes:
        return msgspec.json.encode({"action": action, "params": self._channels(symbols)})

    async def _connect_loop(self, sink: MarketSink) -> None:
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
            if self._was_live:
                sink.report(Phase.RECONNECTING, f"{reason}; reconnecting")
            else:
                sink.report(Phase.WARMING, f"{reason}; retrying in {delay:.0f} s")
            log.warning(
                "polygon disconnected; reconnecting",
                reason=reason,
                attempt=self.attempt,
                delay_s=round(delay, 3),
                uptime_s=round(uptime, 1),
                symbols=len(self._symbols),
                queue_depth=self.queue_depth,
            )
            await asyncio.sleep(delay)

    def _on_disconnected(self) -> None:
        self.connected = False
        self._clock_live = False  # keep the forming minute for gap repair
        self._ws = None
        self._subscribed = set()
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
                symbols = list(self._symbols)
                if symbols:
                    await ws.send(self._action("subscribe", symbols))
                self._subscribed = set(symbols)
                self._ws = ws
            log.info("polygon connected", url=self.ws_url, symbols=symbols)
            # Gap repair runs before any frame of this connection is processed.
            with contextlib.suppress(asyncio.QueueFull):
                self._queue.put_nowait(_Repair(symbols))
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
                symbols=len(self._symbols),
                queue_depth=self.queue_depth,
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
        queue = self._queue
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
                    ingest_lag_ms=self.ingest_lag_ms,
                    symbols=len(self._symbols),
                )
                raise _Disconnect("frame queue full") from None

    async def _watchdog(self, ws: ClientConnection) -> None:
        period = min(1.0, self.heartbeat_s / 4)
        while True:
            await asyncio.sleep(period)
            idle = time.monotonic() - self._last_frame
            if idle > self.heartbeat_s and self._trading_hours(self.clock_ms()):
                self.stats.heartbeat_timeouts += 1
                self._close_reason = f"no frame for {idle:.1f} s during trading hours"
                log.warning("polygon heartbeat timeout", idle_s=round(idle, 1))
                await ws.close(code=1000, reason="heartbeat timeout")
                return

    # ------------------------------------------------------------------ processing

    async def _process(self, sink: MarketSink) -> None:
        queue = self._queue
        tick = self.tick_s
        next_tick = time.monotonic()
        while True:
            item: _QueueItem | None = None
            if not queue.empty():
                item = queue.get_nowait()
            else:
                timeout = next_tick - time.monotonic()
                if timeout > 0:
                    try:
                        async with asyncio.timeout(timeout):
                            item = await queue.get()
                    except TimeoutError:
                        item = None
            if item is not None:
                if isinstance(item, _Repair):
                    await self._repair(sink, item.symbols)
                    if not self._clock_live:
                        # resume the clock before the first frame of the new connection, or
                        # its prints would look too far ahead of the paused clock
                        self._clock_live = True
                        await sink.advance(self.clock_ms())
                        # history (or the repair) is in and the connection is up: live
                        self._was_live = True
                        sink.report(Phase.LIVE, f"connected to {self.ws_url}")
                else:
                    await self._handle(sink, item)
            now = time.monotonic()
            if now >= next_tick:
                next_tick = now + tick
                if self._clock_live:
                    await sink.advance(self.clock_ms())
            if item is not None:
                await asyncio.sleep(0)  # let the socket reader run between frames

    async def _handle(self, sink: MarketSink, data: bytes | str) -> None:
        frame = decode_frame(data)
        stats = self.stats
        if frame.trades:
            stats.trades += len(frame.trades)
            await sink.ingest(frame.trades)
        if frame.quotes:
            stats.quotes += len(frame.quotes)
            for quote in frame.quotes:
                sink.on_quote(quote)
        if frame.malformed:
            stats.malformed_entries += frame.malformed
            sink.count_malformed(frame.malformed)
        if frame.unknown:
            stats.unknown_events += frame.unknown
        if frame.last_ts_ms:
            lag = self.clock_ms() - frame.last_ts_ms
            self.ingest_lag_ms = lag
            self.lag_samples.append(lag)

    async def _repair(self, sink: MarketSink, symbols: Sequence[str]) -> None:
        """Fill the minutes each symbol missed from REST (docs/polygon.md, gap repair)."""
        history = self.history
        if history is None or not symbols or not is_bar_store(sink):
            return
        store: BarStore = sink  # type: ignore[assignment]
        now_seq = self.clock_ms() // MINUTE_MS
        deadline = time.monotonic() + self.repair_timeout_s
        warming = not self._was_live
        for done, symbol in enumerate(symbols):
            if warming:
                sink.report(Phase.WARMING, "loading history", done=done, total=len(symbols))
            if symbol not in self._symbols:
                continue
            from_seq = now_seq - self.backfill_minutes
            loaded = symbol in self._history_loaded
            if loaded:
                from_seq = max(from_seq, store.builder.final_seq(symbol) + 1)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stats.gap_repair_failures += 1
                log.warning("polygon gap repair out of time", symbol=symbol)
                continue
            try:
                async with asyncio.timeout(remaining):
                    # a symbol's first history goes in as a batch; a repair after a
                    # reconnect is news for the open streams and is published
                    result = await repair_gap(
                        store, history, symbol, from_seq, now_seq - 1, publish=loaded
                    )
            except HistoryAuthError as exc:
                self.stats.gap_repair_failures += 1
                log.error("polygon gap repair refused", symbol=symbol, error=str(exc))
                continue
            except (HistoryError, TimeoutError) as exc:
                self.stats.gap_repair_failures += 1
                log.warning("polygon gap repair failed", symbol=symbol, error=str(exc) or "timeout")
                continue
            self._history_loaded.add(symbol)
            self.stats.gap_repairs += 1
            self.stats.gap_bars += result.stored
            if result.stored or result.discarded_forming_seq is not None:
                log.info(
                    "polygon gap repaired",
                    symbol=symbol,
                    from_seq=result.from_seq,
                    to_seq=result.to_seq,
                    stored=result.stored,
                    discarded_forming_seq=result.discarded_forming_seq,
                )


def _close_text(exc: ConnectionClosed) -> str:
    frame = exc.rcvd or exc.sent
    if frame is None:
        return "1006 abnormal closure, no close frame"
    return f"{frame.code} {frame.reason}".strip()
