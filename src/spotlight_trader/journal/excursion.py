"""MAE/MFE (maximum adverse / favourable excursion) of a round trip from our own 1-minute
bars over its holding period: the minutes from the one of the first fill through the one
of the last (1-minute resolution: the first and last minutes count whole).

Per share against the entry VWAP: MFE = best price reached − entry (long; entry − lowest
low for a short), MAE = entry − worst price reached (long), both ≥ 0; in money × the
largest position; in R when a stop is known. When the bar source does not cover the whole
span (history before its first bar, or past its last) the result says so and gives no
numbers: it never guesses."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import msgspec

from spotlight_trader.journal.trips import RoundTrip
from spotlight_trader.model import MINUTE_MS, Bar


class Excursion(msgspec.Struct, frozen=True):
    """MAE/MFE of one trip, or why there is none (``available`` False, ``reason``)."""

    available: bool
    reason: str | None = None
    first_seq: int = 0
    last_seq: int = 0
    bars: int = 0  # minutes of the span that have a bar (no trade in a minute: no bar)
    mae: float | None = None
    mfe: float | None = None
    mae_money: float | None = None
    mfe_money: float | None = None
    mae_r: float | None = None
    mfe_r: float | None = None


def excursion(
    trip: RoundTrip,
    bars: Sequence[Bar],
    *,
    covered: tuple[int, int] | None,
    stop: Decimal | None = None,
    now_ms: int | None = None,
) -> Excursion:
    """MAE/MFE of ``trip`` from ``bars`` of its symbol; ``covered`` is the (first, last)
    seq the bar source holds for the symbol (None: it holds none). An open trip runs to
    ``now_ms``."""
    first = trip.opened_ms // MINUTE_MS
    end_ms = trip.closed_ms if trip.closed_ms is not None else now_ms
    if end_ms is None:
        return Excursion(False, "the trade is still open", first)
    last = end_ms // MINUTE_MS
    if covered is None:
        return Excursion(False, f"no 1-minute bars of {trip.symbol} are stored", first, last)
    if covered[0] > first or covered[1] < last:
        return Excursion(
            False,
            f"1-minute bars of {trip.symbol} cover seq {covered[0]}–{covered[1]}, "
            f"not the whole holding period {first}–{last}",
            first,
            last,
        )
    span = [b for b in bars if first <= b.seq <= last and b.symbol == trip.symbol]
    if not span:
        return Excursion(
            False, f"no trades of {trip.symbol} printed while the trade was open", first, last
        )
    entry = float(trip.entry_vwap)
    high = max(b.high for b in span)
    low = min(b.low for b in span)
    if trip.direction == "long":
        mfe, mae = max(0.0, high - entry), max(0.0, entry - low)
    else:
        mfe, mae = max(0.0, entry - low), max(0.0, high - entry)
    size = float(trip.max_position)
    risk = abs(entry - float(stop)) if stop is not None else 0.0
    return Excursion(
        True,
        None,
        first,
        last,
        len(span),
        mae,
        mfe,
        mae * size,
        mfe * size,
        mae / risk if risk else None,
        mfe / risk if risk else None,
    )
