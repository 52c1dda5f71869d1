"""RedisRing: the :class:`~.ring.BarRing` on Redis Streams, shared by every process.

One stream per symbol, ``<prefix>ring:<SYM>``, whose entry ids are ``<seq>-0``: the first
bar past a cursor is one ``XRANGE (seq+1)-0 +``. Beside it a meta hash
``<prefix>ring:<SYM>:meta`` holds ``last`` (newest seq), ``evicted`` (highest seq trimmed
away) and ``epoch``: a random token that names *this copy* of the stream. Every write runs
as one Lua script, so a check and its write are atomic across processes.

The epoch changes whenever Redis lost the stream, which a seq alone cannot show:

- the meta hash is missing (``FLUSHALL``/``FLUSHDB``, a restart without persistence):
  the next append starts a new epoch;
- the stream went back (a restart from an older snapshot, a failover to a lagging
  replica): the writer knows the last seq it appended, finds Redis holding less, and
  starts a new epoch.

A stream cursor carries the epoch it was issued under; a resume under another epoch is
told ``reset`` instead of being silently shown a different history.

**Fencing.** With a :attr:`RedisRing.fence` (the ingest leader's, :mod:`.lease`) the
script first checks the fencing token against the lease's counter and refuses the write
of a leader that was taken over (:class:`~spotlight_trader.errors.Fenced`). Without one
(``spotlight serve``, readers) nothing is checked.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
from redis.asyncio import Redis

from spotlight_trader.cluster.lease import Fence
from spotlight_trader.errors import Fenced
from spotlight_trader.model import Bar

_encode = msgspec.msgpack.Encoder().encode
_decode = msgspec.msgpack.Decoder(Bar).decode

# KEYS: stream, meta, symbols set, fence counter. ARGV: seq, payload, capacity, fresh
# epoch, the seq this writer last appended ("" if none), symbol, fencing token ("": not
# fenced). Returns {appended 1|0 (-1: fenced), epoch}.
_APPEND = """
if ARGV[7] ~= '' and redis.call('GET', KEYS[4]) ~= ARGV[7] then return {-1, ''} end
local stream, meta = KEYS[1], KEYS[2]
local seq = tonumber(ARGV[1])
local last = redis.call('HGET', meta, 'last')
local epoch = redis.call('HGET', meta, 'epoch')
local known = ARGV[5]
if (not epoch) or (known ~= '' and ((not last) or tonumber(last) < tonumber(known))) then
  -- Redis lost this stream (or part of it): whatever is left is another history.
  epoch = ARGV[4]
  redis.call('DEL', stream)
  redis.call('HDEL', meta, 'last', 'evicted')
  redis.call('HSET', meta, 'epoch', epoch)
  last = false
end
if last and tonumber(last) >= seq then
  return {0, epoch}
end
local capacity = tonumber(ARGV[3])
if redis.call('XLEN', stream) >= capacity then
  local drop = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1][1]
  redis.call('HSET', meta, 'evicted', string.match(drop, '^(%d+)'))
end
redis.call('XADD', stream, 'MAXLEN', capacity, ARGV[1] .. '-0', 'b', ARGV[2])
redis.call('HSET', meta, 'last', ARGV[1])
redis.call('SADD', KEYS[3], ARGV[6])
return {1, epoch}
"""


def _bars(entries: Sequence[tuple[object, Mapping[Any, Any] | None]] | None) -> list[Bar]:
    return [_decode(fields[b"b"]) for _, fields in entries or () if fields is not None]


def _text(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


class RedisRing:
    """:class:`~.ring.BarRing` over Redis Streams (module docstring). Keeps at most
    ``capacity`` bars per symbol (exact ``MAXLEN`` on every append, one entry at a time)."""

    def __init__(self, redis: Redis, capacity: int = 5_000, *, prefix: str = "spotlight:") -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.redis = redis
        self.prefix = prefix
        self._script = redis.register_script(_APPEND)
        self._appended: dict[str, int] = {}  # seq this process last appended, per symbol
        self.fence: Fence | None = None  # set by the ingest leader (module docstring)

    def _stream(self, symbol: str) -> str:
        return f"{self.prefix}ring:{symbol}"

    def _meta(self, symbol: str) -> str:
        return f"{self.prefix}ring:{symbol}:meta"

    async def append(self, bar: Bar) -> bool:
        """Store ``bar`` unless its seq is not past the last one (starting a new epoch first
        when Redis lost what this process had appended). :class:`Fenced` when a newer
        leader holds the lease."""
        if bar.seq < 1:
            raise ValueError("seq must be at least 1 (Redis reserves the stream id 0-0)")
        known = self._appended.get(bar.symbol)
        fence = self.fence
        result = await self._script(
            keys=[
                self._stream(bar.symbol),
                self._meta(bar.symbol),
                f"{self.prefix}ring:symbols",
                fence.key if fence else f"{self.prefix}lease:none",
            ],
            args=[
                bar.seq,
                _encode(bar),
                self.capacity,
                secrets.token_hex(4),
                "" if known is None else known,
                bar.symbol,
                "" if fence is None else fence.token,
            ],
            client=self.redis,
        )
        if int(result[0]) < 0:
            raise Fenced(f"ring write refused: {fence} is not the newest lease token")
        if int(result[0]):
            self._appended[bar.symbol] = bar.seq
            return True
        return False

    async def since_seq(self, symbol: str, seq: int, limit: int | None = None) -> list[Bar]:
        """Bars with seq > ``seq``: one range read from ``(seq+1)-0``."""
        if limit is not None and limit <= 0:
            return []
        start = "-" if seq < 0 else f"{seq + 1}-0"
        entries = await self.redis.xrange(self._stream(symbol), start, "+", count=limit)
        return _bars(entries)

    async def recent(self, symbol: str, n: int, before_seq: int | None = None) -> list[Bar]:
        """The last ``n`` bars before ``before_seq``: one reverse range read."""
        if n <= 0:
            return []
        if before_seq is not None and before_seq <= 0:
            return []
        end = "+" if before_seq is None else f"{before_seq - 1}-0"
        entries = await self.redis.xrevrange(self._stream(symbol), end, "-", count=n)
        return _bars(entries)[::-1]

    async def last(self, symbol: str) -> Bar | None:
        """Newest bar."""
        bars = _bars(await self.redis.xrevrange(self._stream(symbol), "+", "-", count=1))
        return bars[0] if bars else None

    async def symbols(self) -> list[str]:
        """Symbols with bars (in any process)."""
        members = await self.redis.smembers(f"{self.prefix}ring:symbols")
        return sorted(_text(m) or "" for m in members)

    async def evicted_through(self, symbol: str) -> int | None:
        """Highest trimmed seq of the current epoch."""
        value = _text(await self.redis.hget(self._meta(symbol), "evicted"))
        return None if value is None else int(value)

    async def epoch(self, symbol: str) -> str:
        """The token of the stream's current copy ("" before its first bar)."""
        return _text(await self.redis.hget(self._meta(symbol), "epoch")) or ""
