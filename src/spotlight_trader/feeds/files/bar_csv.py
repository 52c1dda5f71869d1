"""Batch bars: a trade file → a CSV of final 1-minute bars, through the same BarBuilder the
live service uses (batch mode: the feed clock is the latest accepted trade time).

Output columns: ``symbol,seq,bar_start_ms,bar_end_ms,open,high,low,close,volume,trades``, in
the order bars became final (per symbol, seq is strictly increasing). Numbers are written so
that they read back as the same floats (integral values without a decimal point).
"""

from __future__ import annotations

import csv
import os
import time
from dataclasses import dataclass
from pathlib import Path

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files import ProgressHook, TradeFileReader, TradeFormat
from spotlight_trader.market.bars import BarBuilder, BuilderStats
from spotlight_trader.model import Bar

BAR_COLUMNS = (
    "symbol",
    "seq",
    "bar_start_ms",
    "bar_end_ms",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "trades",
)


@dataclass(frozen=True, slots=True)
class BarFileSummary:
    """What :func:`write_bars_csv` did."""

    rows: int  # data rows in the trade file
    malformed: int  # rows that could not be parsed
    skipped: int  # rows left out on purpose (corrections, suspicious)
    bars: int
    builder: BuilderStats  # trades, ineligible, late_trades, rejected, unpriced_volume
    seconds: float

    @property
    def trades_per_second(self) -> float:
        """Trades read and aggregated per second of wall time."""
        return self.builder.trades / self.seconds if self.seconds > 0 else 0.0


def _num(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def bar_row(bar: Bar) -> tuple[str | int, ...]:
    """One CSV row for ``bar`` (columns as :data:`BAR_COLUMNS`)."""
    return (
        bar.symbol,
        bar.seq,
        bar.bar_start_ms,
        bar.bar_end_ms,
        _num(bar.open),
        _num(bar.high),
        _num(bar.low),
        _num(bar.close),
        _num(bar.volume),
        bar.trades,
    )


def write_bars_csv(
    trades_path: str | Path,
    out_path: str | Path,
    *,
    grace_ms: int = 2_000,
    on_progress: ProgressHook | None = None,
    format: TradeFormat | None = None,
) -> BarFileSummary:
    """Build the final 1-minute bars of ``trades_path`` and write them to ``out_path``.

    ``on_progress(rows_done, rows_total)`` is called after each block of the input. The output
    is written to a temporary file beside ``out_path`` and renamed into place at the end, so a
    failed run leaves no half-written file. Raises :class:`TradeFileError` for an unreadable
    or unknown input, or an output that cannot be written.
    """
    started = time.perf_counter()
    reader = TradeFileReader(trades_path, format=format, on_progress=on_progress)
    out_path = Path(out_path)
    tmp_path = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    count = 0
    try:
        with tmp_path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(BAR_COLUMNS)
            write = writer.writerow

            def on_bar(bar: Bar) -> None:
                nonlocal count
                count += 1
                write(bar_row(bar))

            builder = BarBuilder(on_bar, grace_ms=grace_ms, clock_from_trades=True)
            on_trade = builder.on_trade
            for batch in reader.batches():
                for trade in batch:
                    on_trade(trade)
            builder.flush()
        tmp_path.replace(out_path)
    except OSError as exc:
        raise TradeFileError(f"{out_path}: cannot write bars: {exc}") from exc
    finally:
        tmp_path.unlink(missing_ok=True)
    return BarFileSummary(
        rows=reader.rows,
        malformed=reader.malformed,
        skipped=reader.skipped,
        bars=count,
        builder=builder.stats,
        seconds=time.perf_counter() - started,
    )
