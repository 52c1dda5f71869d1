"""RedisBus: the :class:`~spotlight_trader.bus.Bus` across processes.

A :class:`~spotlight_trader.bus.LocalBus` for this process's subscribers, plus Redis
between processes:

- **lossless topics** (final bars, signals) go into one stream, ``<prefix>bus``, trimmed
  to about ``stream_length`` entries; a reader that reconnects goes on from the last id it
  read, so a dropped connection loses nothing;
- **coalescing topics** (microbars, lifecycle states) are ephemeral, on the pub/sub
  channel ``<prefix>bus:live``;
- **one reader per process** (one ``XREAD`` loop and one pub/sub connection), never one
  per client: it decodes each message once and hands the same object to every local
  subscriber, so :class:`~spotlight_trader.api.sse.FrameCache` still encodes it once.

A message is delivered to this process's subscribers when it is published (as on the local
bus) and skipped when it comes back from Redis (every entry names its origin). Messages
that are not the market's own (:func:`.codec.encode` → None) stay in the process.

**Fencing.** With a :attr:`RedisBus.fence` (the ingest leader's, :mod:`.lease`) the
lossless entries of a write go through one Lua script that first checks the fencing token
against the lease's counter: a leader that was taken over has its bars and signals dropped
(counted in :attr:`RedisBus.fenced`), never written.

**Loss.** The reader keeps the token of ``<prefix>bus:epoch`` it started with and the
last stream id it read. When the token is gone or changed (``FLUSHALL``, a restart
without persistence) or the stream ends before that id (a restart from an older
snapshot), delivery can no longer be complete: every local subscriber is closed, and the
streams' clients resume from their cursors (where the ring's epoch turns that into a
``reset``).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections import deque
from collections.abc import Mapping
from typing import Any

import msgspec
import structlog
from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import NoScriptError, RedisError

from spotlight_trader.bus import LocalBus, is_coalescing
from spotlight_trader.cluster import codec
from spotlight_trader.cluster.lease import Fence
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)
_pack = msgspec.msgpack.Encoder().encode
_unpack = msgspec.msgpack.Decoder(tuple[str, str, bytes]).decode
SYNC_TOPIC = ""  # a settle() marker; never a real topic
EPOCH_CHECK_S = 1.0
BLOCK_MS = 1_000
STOP_WAIT_S = 3.0  # longer than BLOCK_MS
RETRY_S = (0.05, 0.1, 0.2, 0.5, 1.0)

# KEYS: stream, fence counter. ARGV: token, stream length, then topic, message, origin of
# each entry. Returns 1 when written, 0 when fenced (nothing written).
_FENCED_XADD = """
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
for i = 3, #ARGV, 3 do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*',
    't', ARGV[i], 'm', ARGV[i + 1], 'o', ARGV[i + 2])
end
return 1
"""


def _text(value: bytes | str | None) -> str:
    return value.decode() if isinstance(value, bytes) else (value or "")


class RedisBus(LocalBus):
    """Local delivery plus Redis between processes (module docstring). :meth:`start` it
    in a running loop before use and :meth:`stop` it at the end."""

    def __init__(
        self, redis: Redis, *, prefix: str = "spotlight:", stream_length: int = 100_000
    ) -> None:
        super().__init__()
        self.redis = redis
        self.prefix = prefix
        self.stream_length = stream_length
        self.origin = secrets.token_hex(6)
        self.losses = 0  # times delivery was found incomplete (subscribers closed)
        self.fence: Fence | None = None  # set by the ingest leader (module docstring)
        self.fenced = 0  # lossless messages dropped as fenced
        # loaded by sha (start, and again after a NOSCRIPT), then EVALSHA'd in the writer's
        # pipeline: redis-py's Script object in a pipeline checks the script cache with an
        # extra round trip on every batch, and a stop() during it never finished
        self._fenced_sha = ""
        self._stream = f"{prefix}bus"
        self._channel = f"{prefix}bus:live"
        self._epoch_key = f"{prefix}bus:epoch"
        self._epoch = ""
        self._last_id = "0-0"
        self._outbox: deque[tuple[str, bytes]] = deque()
        self._written = asyncio.Event()
        self._wake = asyncio.Event()
        self._sync: dict[str, asyncio.Event] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._ready = asyncio.Event()
        self._stopping = False
        # the readers (XREAD, pub/sub) have connections of their own (see stop)
        pool = redis.connection_pool
        kwargs = {**pool.connection_kwargs, "retry": Retry(NoBackoff(), 0)}
        self._reader = Redis(
            connection_pool=ConnectionPool(connection_class=pool.connection_class, **kwargs)
        )

    async def _load_script(self) -> str:
        sha: str = await self.redis.script_load(_FENCED_XADD)
        return sha

    async def start(self) -> None:
        """Start the writer and the reader; returns once the reader listens."""
        self._fenced_sha = await self._load_script()
        self._epoch = await self._adopt_epoch()
        newest = await self.redis.xrevrange(self._stream, "+", "-", count=1)
        self._last_id = _text(newest[0][0]) if newest else "0-0"
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._write(), name="bus-writer"),
            loop.create_task(self._read_stream(), name="bus-stream-reader"),
            loop.create_task(self._read_live(), name="bus-live-reader"),
        ]
        await self._ready.wait()

    async def stop(self) -> None:
        """Stop the tasks (what was not yet written is dropped). The blocked ``XREAD`` is
        ended by closing the readers' connections: cancelling a blocking command in
        redis-py can wait for the command's reply."""
        self._stopping = True
        await self._reader.connection_pool.disconnect(inuse_connections=True)
        writer, *readers = self._tasks
        await cancel_and_wait(writer)
        _, pending = await asyncio.wait(readers, timeout=STOP_WAIT_S)
        for task in pending:  # not expected: a reader that did not notice the close
            await cancel_and_wait(task)
        self._tasks = []
        await self._reader.aclose()

    def publish(self, topic: str, message: object) -> None:
        """Deliver to this process's subscribers now and queue it for Redis."""
        super().publish(topic, message)
        payload = codec.encode(message)
        if payload is not None:
            self._queue(topic, payload)

    async def settle(self) -> None:
        """Wait until a marker sent after everything published so far came back on both
        paths: then every process's earlier publishes (written before) were delivered."""
        token = secrets.token_hex(6)
        stream_seen, live_seen = asyncio.Event(), asyncio.Event()
        self._sync[token + "s"], self._sync[token + "l"] = stream_seen, live_seen
        try:
            await self.flush()
            self._queue(SYNC_TOPIC, token.encode())
            self._queue("status:" + SYNC_TOPIC, token.encode())  # the pub/sub path
            await stream_seen.wait()
            await live_seen.wait()
        finally:
            del self._sync[token + "s"], self._sync[token + "l"]

    async def flush(self) -> None:
        """Wait until everything queued so far is written to Redis."""
        while self._outbox:
            self._written.clear()
            await self._written.wait()

    def _queue(self, topic: str, payload: bytes) -> None:
        self._outbox.append((topic, payload))
        self._wake.set()

    async def _write(self) -> None:
        attempt = 0
        while True:
            if not self._outbox:
                self._written.set()
                self._wake.clear()
                await self._wake.wait()
            batch = list(self._outbox)
            fence = self.fence
            pipe = self.redis.pipeline(transaction=False)
            fenced: list[Any] = []  # ARGV of the fenced script: token, length, entries
            for topic, payload in batch:
                if is_coalescing(topic):
                    pipe.publish(self._channel, _pack((self.origin, topic, payload)))
                elif fence is not None:
                    fenced += (topic, payload, self.origin)
                else:
                    fields: dict[Any, Any] = {"t": topic, "m": payload, "o": self.origin}
                    pipe.xadd(self._stream, fields, maxlen=self.stream_length, approximate=True)
            if fence is not None and fenced:
                args = [fence.token, self.stream_length, *fenced]
                pipe.evalsha(self._fenced_sha, 2, self._stream, fence.key, *args)
            try:
                replies = await pipe.execute()
            except NoScriptError:  # Redis lost its script cache (a restart): load it again
                with contextlib.suppress(RedisError, OSError):
                    self._fenced_sha = await self._load_script()
                continue
            except (RedisError, OSError) as exc:
                log.warning("bus write failed; retrying", error=str(exc), pending=len(batch))
                await asyncio.sleep(RETRY_S[min(attempt, len(RETRY_S) - 1)])
                attempt += 1
                continue
            attempt = 0
            if fenced and not int(replies[-1]):
                self.fenced += len(fenced) // 3
                log.warning("bus write fenced: a newer leader holds the lease", token=fence)
            for _ in batch:
                self._outbox.popleft()

    def _deliver(self, origin: str, topic: str, payload: bytes, path: str) -> None:
        if topic in (SYNC_TOPIC, "status:" + SYNC_TOPIC):
            event = self._sync.get(payload.decode() + path)
            if event is not None and origin == self.origin:
                event.set()
            return
        if origin == self.origin or not self._subs.get(topic):
            return  # delivered when published / nobody here wants it
        LocalBus.publish(self, topic, codec.decode(payload))

    async def _read_stream(self) -> None:
        loop = asyncio.get_running_loop()
        next_check = loop.time() + EPOCH_CHECK_S
        attempt = 0
        while not self._stopping:
            try:
                reply: Any = await self._reader.xread(
                    {self._stream: self._last_id}, count=1_000, block=BLOCK_MS
                )
                for _, entries in reply or ():
                    for entry_id, fields in entries:
                        self._last_id = _text(entry_id)
                        self._deliver_entry(fields)
                if attempt or loop.time() >= next_check:
                    await self._check_loss()
                    next_check = loop.time() + EPOCH_CHECK_S
                attempt = 0
            except (RedisError, OSError) as exc:
                if self._stopping:
                    return
                log.warning("bus reader lost Redis; reconnecting", error=str(exc))
                await asyncio.sleep(RETRY_S[min(attempt, len(RETRY_S) - 1)])
                attempt += 1

    def _deliver_entry(self, fields: Mapping[Any, Any]) -> None:
        self._deliver(_text(fields[b"o"]), _text(fields[b"t"]), fields[b"m"], "s")

    async def _read_live(self) -> None:
        attempt = 0
        while not self._stopping:
            try:
                async with self._reader.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    async for message in pubsub.listen():
                        if message["type"] == "message":
                            origin, topic, payload = _unpack(message["data"])
                            self._deliver(origin, topic, payload, "l")
                        elif message["type"] == "subscribe":
                            # confirmed: from now on no publish passes this process by
                            self._ready.set()
                            attempt = 0
            except (RedisError, OSError) as exc:
                if self._stopping:
                    return
                log.warning("bus pub/sub lost Redis; reconnecting", error=str(exc))
                await asyncio.sleep(RETRY_S[min(attempt, len(RETRY_S) - 1)])
                attempt += 1

    async def _adopt_epoch(self) -> str:
        fresh = secrets.token_hex(6)
        await self.redis.set(self._epoch_key, fresh, nx=True)
        current = await self.redis.get(self._epoch_key)
        return fresh if current is None else _text(current)

    async def _check_loss(self) -> None:
        """Close every subscriber when Redis lost bus messages (module docstring)."""
        current = await self.redis.get(self._epoch_key)
        newest = await self.redis.xrevrange(self._stream, "+", "-", count=1)
        newest_id = _text(newest[0][0]) if newest else "0-0"
        behind = _stream_id(newest_id) < _stream_id(self._last_id)
        if current is not None and _text(current) == self._epoch and not behind:
            return
        # Subscribers from now on read the ring after subscribing, which holds whatever
        # this reader skips by going on from the newest entry.
        self._epoch = await self._adopt_epoch()
        self._last_id = newest_id
        self.losses += 1
        closed = self.close_all()
        log.warning("Redis lost bus messages; subscribers closed to resume", closed=closed)


def _stream_id(text: str) -> tuple[int, int]:
    ms, _, seq = text.partition("-")
    return int(ms), int(seq or 0)
