"""BarRing: the last N final bars per symbol, sliced by seq.

:class:`BarRing` is the interface; :class:`MemoryRing` keeps bars in per-symbol lists (the
default, one process); :class:`~spotlight_trader.cluster.ring.RedisRing` is the same
protocol on Redis Streams.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter
from typing import Protocol

from spotlight_trader.model import Bar

_SEQ = attrgetter("seq")


class BarRing(Protocol):
    """Storage of recent final bars. Appends must be in strictly increasing seq per symbol."""

    capacity: int

    async def append(self, bar: Bar) -> bool:
        """Store ``bar``; False (and nothing stored) if its seq is not past the last one."""
        ...

    async def since_seq(self, symbol: str, seq: int, limit: int | None = None) -> list[Bar]:
        """Bars of ``symbol`` with seq > ``seq``, oldest first, at most ``limit``."""
        ...

    async def recent(self, symbol: str, n: int, before_seq: int | None = None) -> list[Bar]:
        """The last ``n`` bars of ``symbol`` (with seq < ``before_seq`` if given), oldest first."""
        ...

    async def last(self, symbol: str) -> Bar | None:
        """The newest bar of ``symbol``."""
        ...

    async def symbols(self) -> list[str]:
        """Symbols that have at least one bar."""
        ...

    async def evicted_through(self, symbol: str) -> int | None:
        """Highest seq of ``symbol`` dropped to respect the capacity (None if none was)."""
        ...

    async def epoch(self, symbol: str) -> str:
        """A token naming this copy of ``symbol``'s history: it changes when the store
        lost bars it had (a stream cursor from another epoch gets ``reset``); "" when there
        is nothing to lose track of."""
        ...


class MemoryRing:
    """In-process :class:`BarRing`. ``since_seq`` and ``recent`` are O(log n + k)."""

    def __init__(self, capacity: int = 5_000) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._bars: dict[str, list[Bar]] = {}
        self._evicted: dict[str, int] = {}
        # Trim in chunks so appends stay amortised O(1).
        self._slack = max(1, capacity // 4)

    async def append(self, bar: Bar) -> bool:
        """Store ``bar`` unless it would break seq order."""
        return self.append_nowait(bar)

    def append_nowait(self, bar: Bar) -> bool:
        """Synchronous :meth:`append` for callers that are not in a coroutine."""
        bars = self._bars.get(bar.symbol)
        if bars is None:
            bars = self._bars[bar.symbol] = []
        elif bars[-1].seq >= bar.seq:
            return False
        bars.append(bar)
        if len(bars) > self.capacity + self._slack:
            drop = len(bars) - self.capacity
            self._evicted[bar.symbol] = bars[drop - 1].seq
            del bars[:drop]
        return True

    async def since_seq(self, symbol: str, seq: int, limit: int | None = None) -> list[Bar]:
        """Bars with seq > ``seq``."""
        bars = self._bars.get(symbol, [])
        start = max(bisect_right(bars, seq, key=_SEQ), len(bars) - self.capacity)
        stop = len(bars) if limit is None else min(len(bars), start + limit)
        return bars[start:stop]

    async def recent(self, symbol: str, n: int, before_seq: int | None = None) -> list[Bar]:
        """The last ``n`` bars before ``before_seq``."""
        bars = self._bars.get(symbol, [])
        floor = max(0, len(bars) - self.capacity)
        stop = len(bars) if before_seq is None else bisect_right(bars, before_seq - 1, key=_SEQ)
        start = max(floor, stop - n)
        return bars[start:stop] if stop > start else []

    async def last(self, symbol: str) -> Bar | None:
        """Newest bar."""
        bars = self._bars.get(symbol)
        return bars[-1] if bars else None

    async def symbols(self) -> list[str]:
        """Symbols with bars."""
        return [s for s, bars in self._bars.items() if bars]

    async def evicted_through(self, symbol: str) -> int | None:
        """Highest evicted seq (bars past the capacity count as evicted)."""
        bars = self._bars.get(symbol, [])
        excess = len(bars) - self.capacity
        if excess > 0:
            return bars[excess - 1].seq
        return self._evicted.get(symbol)

    async def epoch(self, symbol: str) -> str:
        """Always "": the ring lives and dies with its process, and a restarted process
        rebuilds the same bars from the feed's history."""
        return ""
