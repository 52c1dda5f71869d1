"""Polygon/Massive flat-file trades (CSV, optionally gzip): SIP nanoseconds, corrections
skipped."""

from __future__ import annotations

import re
from typing import Final

import pyarrow as pa

from spotlight_trader.feeds.files.base import Cached, Tally, TextFormat, keep_mask, split_ints

POLYGON_COLUMNS: Final = (
    "ticker",
    "conditions",
    "correction",
    "exchange",
    "id",
    "participant_timestamp",
    "price",
    "sequence_number",
    "sip_timestamp",
    "size",
    "tape",
    "trf_id",
    "trf_timestamp",
)

_SEP: Final = re.compile(r"[\s,]+")


def _parse_conditions(text: str) -> tuple[int, ...]:
    return split_ints(text.strip("[]"), _SEP)


class PolygonTrades(TextFormat):
    """A flat-file trades CSV: ``ts_ms`` from ``sip_timestamp``; a row with a ``correction``
    other than empty/``0`` is skipped (a non-numeric one is malformed)."""

    columns = POLYGON_COLUMNS
    required = ("ticker", "sip_timestamp", "price", "size")
    symbol_column = "ticker"
    ts_column = "sip_timestamp"
    conditions = Cached(_parse_conditions)

    def keep(self, batch: pa.RecordBatch, tally: Tally) -> list[bool] | None:
        """Rows that are not corrections."""
        names = batch.schema.names
        if "correction" not in names:
            return None
        return keep_mask(batch.column(names.index("correction")), tally, ("", "0"), str.isdigit)

    def timestamps(self, values: list[int]) -> list[int]:
        """Nanoseconds → milliseconds (floor)."""
        return [ns // 1_000_000 for ns in values]
