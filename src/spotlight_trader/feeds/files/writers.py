"""Trades → files in the project format (CSV, optionally gzip, or Parquet)."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from spotlight_trader.feeds.files.native import NATIVE_COLUMNS
from spotlight_trader.model import Trade


def _fmt(value: float) -> str:
    """A float as text that reads back as the same float (integers without ``.0``)."""
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def write_trades_csv(path: str | Path, trades: Iterable[Trade]) -> int:
    """Write ``trades`` in the project CSV format (gzip if ``path`` ends in .gz); row count."""
    path = Path(path)
    opener: Callable[..., IO[str]] = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "wt", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(NATIVE_COLUMNS)
        for t in trades:
            writer.writerow(
                (
                    t.symbol,
                    t.ts_ms,
                    _fmt(t.price),
                    _fmt(t.size),
                    " ".join(map(str, t.conditions)),
                    t.exchange,
                )
            )
            n += 1
    return n


def write_trades_parquet(path: str | Path, trades: Iterable[Trade]) -> int:
    """Write ``trades`` in the project Parquet format; row count."""
    rows = list(trades)
    table = pa.table(
        {
            "symbol": pa.array([t.symbol for t in rows], pa.string()),
            "ts_ms": pa.array([t.ts_ms for t in rows], pa.int64()),
            "price": pa.array([t.price for t in rows], pa.float64()),
            "size": pa.array([t.size for t in rows], pa.float64()),
            "conditions": pa.array([list(t.conditions) for t in rows], pa.list_(pa.int32())),
            "exchange": pa.array([t.exchange for t in rows], pa.int32()),
        }
    )
    pq.write_table(table, Path(path))
    return len(rows)
