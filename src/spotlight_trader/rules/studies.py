"""Chart studies from the rule engine's own indicators: session VWAP, EMA 9/21 and RSI 14 per
final bar, computed by :class:`SymbolIndicators` exactly as the rules see them (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spotlight_trader.model import Bar
from spotlight_trader.rules.indicators import SymbolIndicators


@dataclass(frozen=True, slots=True)
class StudyPoint:
    """The studies after one final bar; ``None`` while an indicator is not warmed up, and
    ``vwap`` only for bars of the regular session (it is anchored at 09:30 ET and not drawn
    before the open nor through the after-hours)."""

    seq: int
    vwap: float | None
    ema9: float | None
    ema21: float | None
    rsi14: float | None


def study_points(symbol: str, bars: Iterable[Bar]) -> list[StudyPoint]:
    """One point per bar (oldest first, seq order), the indicators run over all of them."""
    ind = SymbolIndicators(symbol)
    out: list[StudyPoint] = []
    for bar in bars:
        snap = ind.push(bar)
        regular = snap.get("regular") == 1
        out.append(
            StudyPoint(
                seq=bar.seq,
                vwap=snap.get("vwap") if regular else None,
                ema9=snap.get("ema9"),
                ema21=snap.get("ema21"),
                rsi14=snap.get("rsi14"),
            )
        )
    return out
