"""Typed in-process pub/sub with bounded per-subscriber queues.

Topics are strings built by the helpers below (``microbar:SPY``, ``bar:new:SPY:1m``).
Overflow policy (invariant 6): messages on *coalescing* topics (microbars, quotes) are
ephemeral, so a newer one replaces a pending one of the same topic, and they never count
towards the bound. Messages on every other topic (bars, signals) are lossless: when a
subscriber's queue is full the subscriber is closed with :class:`SubscriberOverflow`
instead of losing one, and the client resumes from its cursor.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol

from spotlight_trader.errors import SpotlightError

COALESCING_PREFIXES = ("microbar:", "quote:", "tick:", "status:")
STATUS_TOPIC = "status:market"
"""Topic of lifecycle changes (:class:`~spotlight_trader.market.lifecycle.MarketState`)."""


@lru_cache(maxsize=65_536)
def microbar_topic(symbol: str) -> str:
    """Topic of the 250 ms microbars of ``symbol``."""
    return f"microbar:{symbol}"


@lru_cache(maxsize=65_536)
def bar_topic(symbol: str, timeframe: str = "1m") -> str:
    """Topic of the final bars of ``symbol``."""
    return f"bar:new:{symbol}:{timeframe}"


@lru_cache(maxsize=65_536)
def signal_topic(symbol: str) -> str:
    """Topic of the alert signals of ``symbol``."""
    return f"signal:{symbol}"


def is_coalescing(topic: str) -> bool:
    """True for topics whose messages may be replaced by newer ones."""
    return topic.startswith(COALESCING_PREFIXES)


class SubscriberOverflow(SpotlightError):
    """The subscriber fell behind on lossless messages and was closed."""


class _Entry:
    __slots__ = ("live", "message", "topic")

    def __init__(self, topic: str, message: object) -> None:
        self.topic = topic
        self.message = message
        self.live = True


class Subscription(Protocol):
    """One subscriber's bounded queue. Read with :meth:`get`; always :meth:`close` when done."""

    topics: frozenset[str]
    overflowed: bool
    closed: bool

    def get_nowait(self) -> tuple[str, object] | None:
        """The next message, or None if none is pending; :class:`SubscriberOverflow` once
        the queue overflowed and is drained."""
        ...

    async def get(self) -> tuple[str, object]:
        """Wait for the next message; :class:`SubscriberOverflow` once closed or overflowed."""
        ...

    def close(self) -> None:
        """Stop receiving; idempotent."""
        ...

    def __len__(self) -> int:
        """Messages pending."""
        ...


class LocalSubscription:
    """In-process :class:`Subscription` of a :class:`LocalBus`. Small on purpose (a stream
    server holds one per connection): a list with a read position, the coalescing index
    made on first use, and a future only while someone waits."""

    __slots__ = (
        "_head",
        "_lossless",
        "_on_close",
        "_on_overflow",
        "_pending",
        "_queue",
        "_waiter",
        "closed",
        "maxsize",
        "overflowed",
        "topics",
    )

    def __init__(
        self,
        topics: frozenset[str],
        maxsize: int,
        on_close: Callable[[LocalSubscription], None],
        on_overflow: Callable[[], None],
    ) -> None:
        self.topics = topics
        self.maxsize = maxsize
        self._on_close = on_close
        self._on_overflow = on_overflow
        self._queue: list[_Entry] = []
        self._head = 0
        self._pending: dict[str, _Entry] | None = None  # coalescing topic -> queued entry
        self._lossless = 0
        self._waiter: asyncio.Future[None] | None = None
        self.overflowed = False
        self.closed = False

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def put(self, topic: str, message: object) -> None:
        """Queue ``message`` (the bus calls this); coalesce or overflow as documented."""
        if self.closed:
            return
        entry = _Entry(topic, message)
        if is_coalescing(topic):
            pending = self._pending
            if pending is None:
                pending = self._pending = {}
            old = pending.get(topic)
            if old is not None:
                old.live = False  # keep order: the newest goes to the back
            pending[topic] = entry
        else:
            if self._lossless >= self.maxsize:
                self.overflowed = True
                self._on_overflow()
                self.close()
                self._wake()
                return
            self._lossless += 1
        self._queue.append(entry)
        self._wake()

    def get_nowait(self) -> tuple[str, object] | None:
        """The next message, or None if the queue is empty."""
        queue = self._queue
        head = self._head
        end = len(queue)
        while head < end:
            entry = queue[head]
            head += 1
            if not entry.live:
                continue
            if head == end:
                queue.clear()
                head = 0
            self._head = head
            if self._pending is not None and self._pending.get(entry.topic) is entry:
                del self._pending[entry.topic]
            else:
                self._lossless -= 1
            return entry.topic, entry.message
        queue.clear()
        self._head = 0
        if self.overflowed:
            raise SubscriberOverflow(f"subscriber fell behind by {self.maxsize} messages")
        return None

    async def get(self) -> tuple[str, object]:
        """Wait for the next message. Raises :class:`SubscriberOverflow` once overflowed."""
        while True:
            item = self.get_nowait()
            if item is not None:
                return item
            if self.closed:
                raise SubscriberOverflow("subscription closed")
            waiter = self._waiter = asyncio.get_running_loop().create_future()
            try:
                await waiter
            finally:
                self._waiter = None

    def close(self) -> None:
        """Stop receiving; idempotent."""
        if not self.closed:
            self.closed = True
            self._on_close(self)
            self._wake()
        if not self.overflowed:
            self._queue.clear()
            self._head = 0
            self._pending = None

    def __len__(self) -> int:
        return sum(1 for entry in self._queue[self._head :] if entry.live)


class Bus(Protocol):
    """Publish/subscribe interface shared by the local and the Redis implementation
    (one contract suite: tests/contract/test_bus.py)."""

    @property
    def overflows(self) -> int:
        """Subscribers closed for overflow, ever."""
        ...

    async def settle(self) -> None:
        """Wait until every message published before the call (by any process) has reached
        this process's subscribers. Immediate for the local bus."""
        ...

    def publish(self, topic: str, message: object) -> None:
        """Deliver ``message`` to every subscriber of ``topic`` without blocking."""
        ...

    def subscribe(self, topics: Iterable[str], maxsize: int = 1_000) -> Subscription:
        """A new subscription to ``topics``."""
        ...

    def subscriber_count(self, topic: str) -> int:
        """Number of subscribers of ``topic`` in this process."""
        ...


class LocalBus:
    """In-process :class:`Bus`."""

    def __init__(self) -> None:
        self._subs: dict[str, set[LocalSubscription]] = {}
        self._overflows = 0

    @property
    def overflows(self) -> int:
        """Subscribers closed for overflow, ever."""
        return self._overflows

    async def settle(self) -> None:
        """Nothing to wait for: :meth:`publish` delivers before it returns."""

    def publish(self, topic: str, message: object) -> None:
        """Deliver to current subscribers of ``topic``."""
        subs = self._subs.get(topic)
        if subs:
            for sub in tuple(subs):
                sub.put(topic, message)

    def subscribe(self, topics: Iterable[str], maxsize: int = 1_000) -> LocalSubscription:
        """Subscribe to ``topics``."""
        sub = LocalSubscription(frozenset(topics), maxsize, self._remove, self._count_overflow)
        for topic in sub.topics:
            self._subs.setdefault(topic, set()).add(sub)
        return sub

    def subscriber_count(self, topic: str) -> int:
        """Number of subscribers of ``topic``."""
        return len(self._subs.get(topic, ()))

    def close_all(self) -> int:
        """Close every subscriber as if it had overflowed (each still gets what it had
        queued, then :class:`SubscriberOverflow`: a stream ends and its client resumes from
        its cursor). Used when delivery can no longer be complete; the number closed."""
        subs = {sub for topic_subs in self._subs.values() for sub in topic_subs}
        for sub in subs:
            sub.overflowed = True
            sub.close()
        return len(subs)

    def _count_overflow(self) -> None:
        self._overflows += 1

    def _remove(self, sub: LocalSubscription) -> None:
        for topic in sub.topics:
            subs = self._subs.get(topic)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subs[topic]
