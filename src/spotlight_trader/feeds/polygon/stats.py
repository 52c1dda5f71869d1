"""The Polygon feed's counters and the Prometheus names they are reported by
(docs/polygon.md, *Metrics*)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(slots=True)
class PolygonStats:
    """Counters of one feed (monotonic over its lifetime)."""

    connects: int = 0
    reconnects: int = 0
    frames: int = 0
    trades: int = 0
    quotes: int = 0
    unknown_events: int = 0
    malformed_entries: int = 0
    disconnect_statuses: int = 0
    heartbeat_timeouts: int = 0
    queue_overflows: int = 0
    subscription_errors: int = 0
    gap_repairs: int = 0
    gap_bars: int = 0
    gap_repair_failures: int = 0


def polygon_metrics(
    stats: PolygonStats,
    *,
    connected: bool,
    queue_depth: int,
    queue_capacity: int,
    ingest_lag_ms: int,
    backoff_attempt: int,
    subscribed_symbols: int,
) -> dict[str, float]:
    """Every counter as ``polygon_<name>_total`` and the gauges, by their Prometheus names."""
    out: dict[str, float] = {
        f"polygon_{name}_total": float(value) for name, value in asdict(stats).items()
    }
    out["polygon_connected"] = 1.0 if connected else 0.0
    out["polygon_queue_depth"] = float(queue_depth)
    out["polygon_queue_capacity"] = float(queue_capacity)
    out["polygon_ingest_lag_ms"] = float(ingest_lag_ms)
    out["polygon_backoff_attempt"] = float(backoff_attempt)
    out["polygon_subscribed_symbols"] = float(subscribed_symbols)
    return out
