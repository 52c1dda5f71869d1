"""The feed protocol: a source of trades and quotes that drives a :class:`MarketSink`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.model import Bar, Quote, Trade


class MarketSink(Protocol):
    """Where a feed delivers normalised data (the market pipeline)."""

    async def ingest(self, trades: Sequence[Trade]) -> None:
        """Apply trades (in arrival order)."""
        ...

    def on_quote(self, quote: Quote) -> None:
        """Record a quote."""
        ...

    async def advance(self, now_ms: int) -> None:
        """Move the feed clock (live: wall clock; replay: replay clock)."""
        ...

    def count_malformed(self, n: int = 1) -> None:
        """Count inputs that could not be normalised."""
        ...

    async def load_history(self, bars: Sequence[Bar]) -> int:
        """Put final history bars (each symbol's in seq order) into the ring as one batch,
        without publishing them to live subscribers; the number stored."""
        ...

    def report(
        self, phase: Phase, detail: str = "", *, done: int | None = None, total: int | None = None
    ) -> None:
        """Tell the service where the feed is: ``warming`` (with progress), ``live`` or
        ``reconnecting`` (see :mod:`spotlight_trader.market.lifecycle`)."""
        ...


class Feed(Protocol):
    """A market data source. ``run`` reports ``warming`` while it loads history, then
    ``live``; it returns when the source is exhausted (replay) or is cancelled (live), and
    raises :class:`~spotlight_trader.errors.FeedError` when it cannot go on."""

    name: str

    async def run(self, sink: MarketSink) -> None:
        """Stream into ``sink`` until done or cancelled."""
        ...

    async def set_symbols(self, symbols: Sequence[str]) -> None:
        """Stream exactly ``symbols`` from now on (subscribe/unsubscribe the difference)."""
        ...
