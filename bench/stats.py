"""Distribution helpers shared by the benchmarks."""

from __future__ import annotations

from collections.abc import Sequence


def quantile(values: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile (nearest rank) of ``values``, None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return round(float(ordered[min(len(ordered) - 1, int(q * len(ordered)))]), 2)


def cdf(values: Sequence[float], points: int = 101) -> list[float]:
    """``points`` evenly spaced quantiles (0 … 1) of ``values``: what ``bench/report.py``
    draws as a latency distribution."""
    if not values:
        return []
    ordered = sorted(values)
    last = len(ordered) - 1
    return [round(float(ordered[round(i * last / (points - 1))]), 3) for i in range(points)]
