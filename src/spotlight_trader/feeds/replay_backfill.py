"""The backfill of a symbol added to a running replay (pure but for reading the file): its
trades so far, split into the minutes the replay clock has made final (history bars), the
trades already due and those of the batch in flight."""

from __future__ import annotations

from pathlib import Path

import msgspec

from spotlight_trader.feeds.files import TradeFileReader, TradeFormat
from spotlight_trader.market.bars import build_bars
from spotlight_trader.model import MINUTE_MS, Bar, Trade


class Backfill(msgspec.Struct, frozen=True):
    """``history``: final bars; ``due``: trades at or before the clock; ``carry``: trades of
    the batch being delivered (ingest them after its clock advance)."""

    history: list[Bar]
    due: list[Trade]
    carry: list[Trade]


def trades_of(
    path: Path, file_format: TradeFormat | None, symbols: frozenset[str], count: int
) -> list[Trade]:
    """The trades of ``symbols`` among the file's first ``count`` trades."""
    found: list[Trade] = []
    seen = 0
    for block in TradeFileReader(path, format=file_format).batches():
        found.extend(trade for trade in block[: count - seen] if trade.symbol in symbols)
        seen += len(block)
        if seen >= count:
            break
    return found


def split_backfill(trades: list[Trade], clock_ms: int | None, grace_ms: int) -> Backfill:
    """``trades`` (time order) as of the replay clock ``clock_ms`` (None: the replay ended,
    everything is history)."""
    bars = build_bars(trades, grace_ms=grace_ms)
    if clock_ms is None:
        return Backfill(bars, [], [])
    limit = (clock_ms - grace_ms) // MINUTE_MS  # the minutes before it are final
    forming = [trade for trade in trades if trade.ts_ms // MINUTE_MS >= limit]
    return Backfill(
        [bar for bar in bars if bar.seq < limit],
        [trade for trade in forming if trade.ts_ms <= clock_ms],
        [trade for trade in forming if trade.ts_ms > clock_ms],
    )
