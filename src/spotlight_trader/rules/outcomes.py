"""Backtest statistics: each signal's forward returns 5/15/30 minutes after its bar, and a
summary per horizon (count, hit rate, average). Pure.

The forward return over N minutes is ``close[seq + N] / close[seq] − 1`` in percent, the
closes of the signal's bar and of the bar N minutes later (None when that bar is not
there, e.g. a gap or the end of the data), signed by direction: a short signal gains when
price falls. A *hit* is a signed return above 0; neutral signals count in the average of
the raw return but not in the hit rate."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import msgspec

from spotlight_trader.model import Bar, Signal

HORIZONS_MIN: Final = (5, 15, 30)


class SignalOutcome(msgspec.Struct, frozen=True):
    """Forward returns (percent, signed by direction) of one signal, by horizon."""

    seq: int
    symbol: str
    returns: dict[str, float | None]  # "5", "15", "30" → percent or None


class HorizonSummary(msgspec.Struct, frozen=True):
    """One horizon over all signals that have its bar: how many, how often right, average."""

    minutes: int
    count: int
    hit_rate: float | None  # of directional signals; None when there is none
    avg_return_pct: float | None


def outcomes(signals: Iterable[Signal], bars: Sequence[Bar]) -> list[SignalOutcome]:
    """The forward returns of each signal (bars of the signals' symbols, any order)."""
    close = {(b.symbol, b.seq): b.close for b in bars}
    out: list[SignalOutcome] = []
    for s in signals:
        base = close.get((s.symbol, s.seq))
        sign = -1.0 if s.direction == "short" else 1.0
        returns: dict[str, float | None] = {}
        for n in HORIZONS_MIN:
            later = close.get((s.symbol, s.seq + n))
            returns[str(n)] = None
            if base is not None and later is not None and base > 0:
                returns[str(n)] = sign * (later / base - 1) * 100
        out.append(SignalOutcome(s.seq, s.symbol, returns))
    return out


def summarise(signals: Sequence[Signal], found: Sequence[SignalOutcome]) -> list[HorizonSummary]:
    """Count, hit rate and average forward return per horizon."""
    summary: list[HorizonSummary] = []
    for n in HORIZONS_MIN:
        values = [(s.direction, o.returns[str(n)]) for s, o in zip(signals, found, strict=True)]
        known = [(d, r) for d, r in values if r is not None]
        directional = [r for d, r in known if d != "neutral"]
        summary.append(
            HorizonSummary(
                minutes=n,
                count=len(known),
                hit_rate=sum(r > 0 for r in directional) / len(directional)
                if directional
                else None,
                avg_return_pct=sum(r for _, r in known) / len(known) if known else None,
            )
        )
    return summary
