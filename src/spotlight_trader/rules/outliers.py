"""Explaining ignored outlier prints: which of a day's outliers would have moved a level a
rule read (pure). The outlier rule itself is :mod:`spotlight_trader.market.levels`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from spotlight_trader.rules.indicators import OPENING_RANGES

# an outlier print of the day: (price, minutes from the open, "pre" | "regular" | "other")
DayOutlier = tuple[float, int, str]

# opening range field → (minutes, is the high)
_OR_FIELDS: Final[dict[str, tuple[int, bool]]] = {
    "orh": (15, True),
    "orl": (15, False),
    **{f"orh{n}": (n, True) for n in OPENING_RANGES},
    **{f"orl{n}": (n, False) for n in OPENING_RANGES},
}


def would_move(field: str, value: float, outlier: DayOutlier) -> bool:
    """Whether ``outlier`` would have moved ``field`` past ``value`` had it counted: a
    pre-market print above ``pmh`` (below ``pml``), a regular one above ``hod``/``prior_hod``
    or an opening range high of its window (below the lows), any regular one for ``vwap``."""
    price, offset, session = outlier
    if field in ("pmh", "pml"):
        if session != "pre":
            return False
        return price > value if field == "pmh" else price < value
    if session != "regular":
        return False
    if field == "vwap":
        return True
    if field in ("hod", "prior_hod"):
        return price > value
    if field in ("lod", "prior_lod"):
        return price < value
    window = _OR_FIELDS.get(field)
    if window is None or offset >= window[0]:
        return False
    return price > value if window[1] else price < value


def outlier_note(outliers: Iterable[DayOutlier], inputs: Mapping[str, float]) -> str:
    """ "; ignored 1 outlier print at 168.08" when some of ``outliers`` would have moved a
    level among a signal's ``inputs``; else ""."""
    day = list(outliers)
    prices: list[float] = []
    for field, value in inputs.items():
        for outlier in day:
            if would_move(field, value, outlier) and outlier[0] not in prices:
                prices.append(outlier[0])
    if not prices:
        return ""
    shown = ", ".join(f"{p:.2f}" for p in prices)
    return f"; ignored {len(prices)} outlier print{'s' if len(prices) > 1 else ''} at {shown}"
