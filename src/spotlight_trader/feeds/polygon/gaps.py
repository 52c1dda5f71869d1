"""Gap repair: minutes a live feed missed (a disconnect, start-up) become final REST bars.

Rule (docs/polygon.md, "Gap repair"):

* The repair asks REST for the minutes ``from_seq .. to_seq`` of one symbol, where
  ``to_seq`` is the last *completed* minute of the feed clock (REST's version of the
  current minute is still growing, so it is never taken) and ``from_seq`` is the first
  minute that is not final yet (for a reconnect: the minute that was forming when the
  connection dropped).
* REST is authoritative for every minute up to the last bar it returned: those bars go
  into the ring in seq order, and the BarBuilder marks the minutes final (``mark_final``),
  discarding a partial forming minute they cover. Live prints for those minutes then count
  as late. A repair after a reconnect publishes the bars (``store_bar``: open streams need
  them); a symbol's first history goes in as one unpublished batch (``load_history``).
* A minute REST does not have yet stays live: the partial forming bar is kept and
  finalised by the normal rules (next print or clock + grace).
* Bars already in the ring (already sent to clients) are never touched: the repair starts
  after the ring's last seq.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import msgspec

from spotlight_trader.feeds.polygon.rest import HistoryService
from spotlight_trader.market.bars import BarBuilder
from spotlight_trader.market.ring import BarRing
from spotlight_trader.model import MINUTE_MS, Bar


class BarStore(Protocol):
    """What gap repair needs from the sink (:class:`~.pipeline.MarketPipeline` has it)."""

    @property
    def ring(self) -> BarRing: ...

    @property
    def builder(self) -> BarBuilder: ...

    async def store_bar(self, bar: Bar) -> bool:
        """Put a final bar in the ring and publish it."""
        ...

    async def load_history(self, bars: Sequence[Bar]) -> int:
        """Put final bars in the ring as a batch, unpublished."""
        ...


def is_bar_store(sink: object) -> bool:
    """True if ``sink`` offers what :func:`repair_gap` needs."""
    return all(hasattr(sink, name) for name in ("ring", "builder", "store_bar", "load_history"))


class RepairResult(msgspec.Struct, frozen=True):
    """Outcome of one symbol's repair."""

    symbol: str
    from_seq: int
    to_seq: int
    fetched: int
    stored: int
    discarded_forming_seq: int | None = None


async def repair_gap(
    store: BarStore,
    history: HistoryService,
    symbol: str,
    from_seq: int,
    to_seq: int,
    *,
    publish: bool = True,
) -> RepairResult:
    """Fetch minutes ``from_seq..to_seq`` of ``symbol`` from REST and store them as final
    (published to open streams, or with ``publish=False`` loaded as unpublished history)."""
    last = await store.ring.last(symbol)
    if last is not None and last.seq >= from_seq:
        from_seq = last.seq + 1
    if from_seq > to_seq:
        return RepairResult(symbol, from_seq, to_seq, 0, 0)
    fetched = await history.minute_bars(symbol, from_seq * MINUTE_MS, (to_seq + 1) * MINUTE_MS - 1)
    bars = [bar for bar in fetched if from_seq <= bar.seq <= to_seq]
    if not bars:
        return RepairResult(symbol, from_seq, to_seq, len(fetched), 0)
    dropped = store.builder.mark_final(symbol, bars[-1].seq)
    if publish:
        stored = 0
        for bar in bars:
            if await store.store_bar(bar):
                stored += 1
    else:
        stored = await store.load_history(bars)
    return RepairResult(
        symbol,
        from_seq,
        to_seq,
        len(fetched),
        stored,
        dropped.seq if dropped is not None else None,
    )
