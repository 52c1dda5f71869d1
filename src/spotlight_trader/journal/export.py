"""Exports: fills as the generic CSV (with an ``Account`` column; importing it again
gives the same fills and trades) and the journal as Markdown, one recap per day."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from spotlight_trader.journal.entries import Entry
from spotlight_trader.journal.executions import Execution
from spotlight_trader.journal.recap import build_recap
from spotlight_trader.journal.stats import ny_day
from spotlight_trader.journal.trips import RoundTrip
from spotlight_trader.model import Signal

CSV_HEADER = (
    "Date",
    "Time",
    "Symbol",
    "Quantity",
    "Price",
    "Side",
    "Commission",
    "Fees",
    "Account",
)


def fills_csv(fills: Iterable[Execution], tz: ZoneInfo) -> str:
    """The generic format, times in ``tz`` to the millisecond."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for e in fills:
        local = datetime.fromtimestamp(e.ts_ms / 1000, UTC).astimezone(tz)
        writer.writerow(
            (
                local.strftime("%Y-%m-%d"),
                local.strftime("%H:%M:%S.") + f"{e.ts_ms % 1000:03d}",
                e.symbol,
                e.quantity,
                e.price,
                "B" if e.side == "buy" else "S",
                e.commission,
                e.fees,
                e.account,
            )
        )
    return out.getvalue()


def journal_markdown(
    trips: Sequence[RoundTrip],
    *,
    signals: Sequence[Signal] = (),
    entries: Sequence[Entry] = (),
    tags: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Every New York day with a closed trade or a note, oldest first, as its recap."""
    days = sorted(
        {ny_day(t.closed_ms) for t in trips if t.closed_ms is not None} | {e.day for e in entries}
    )
    parts = [
        build_recap(d, trips, signals=signals, entries=entries, tags=tags).markdown for d in days
    ]
    return "\n\n".join(parts) + ("\n" if parts else "")
