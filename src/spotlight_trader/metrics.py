"""Prometheus metrics, read from the live objects at scrape time (nothing on the hot path)."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.service import MarketService


class MarketCollector(Collector):
    """Exports the counters of a :class:`MarketService`."""

    def __init__(self, service: MarketService) -> None:
        self._service = service

    def collect(self) -> Iterator[Metric]:
        """Yield current values."""
        service = self._service
        stats = service.pipeline.stats
        feed = service.feed.name

        def counter(name: str, doc: str, value: float) -> CounterMetricFamily:
            family = CounterMetricFamily(f"spotlight_{name}", doc, labels=["feed"])
            family.add_metric([feed], value)
            return family

        yield counter("trades_ingested", "Trades received from the feed.", stats.trades)
        yield counter("bars_finalised", "Final 1-minute bars built.", stats.bars)
        yield counter("microbars", "250 ms microbars emitted.", stats.microbars)
        yield counter(
            "late_trades", "Trades for an already-final minute (dropped).", stats.late_trades
        )
        yield counter(
            "ineligible_trades", "Trades whose conditions update nothing.", stats.ineligible
        )
        yield counter(
            "malformed_inputs",
            "Feed inputs rejected as malformed or implausible.",
            stats.rejected + service.pipeline.malformed,
        )
        yield counter(
            "bus_queue_overflows", "Subscribers closed for overflow.", service.bus.overflows
        )
        yield counter(
            "stream_slow_closes",
            "SSE streams closed because the client fell behind.",
            service.sse_slow_closes,
        )
        clients = GaugeMetricFamily("spotlight_sse_clients", "Open /stream/market connections.")
        clients.add_metric([], service.sse_clients)
        yield clients
        state = service.state
        phase = GaugeMetricFamily(
            "spotlight_market_phase",
            "Lifecycle phase of the market side (1 for the current phase).",
            labels=["phase"],
        )
        for name in Phase:
            phase.add_metric([name.value], 1.0 if state.phase is name else 0.0)
        yield phase
        ready = GaugeMetricFamily("spotlight_market_ready", "1 when /readyz answers 200.")
        ready.add_metric([], 1.0 if state.ready else 0.0)
        yield ready
        if state.total:
            warm = GaugeMetricFamily(
                "spotlight_market_warmup_progress", "Warm-up work done, as a fraction."
            )
            warm.add_metric([], (state.done or 0) / state.total)
            yield warm
        watch = GaugeMetricFamily("spotlight_watchlist_symbols", "Symbols on the watchlist.")
        watch.add_metric([], len(service.watchlist))
        yield watch
        for name, value in getattr(service.feed, "metrics", dict)().items():
            gauge = GaugeMetricFamily(
                f"spotlight_feed_{name}", f"Feed metric {name}.", labels=["feed"]
            )
            gauge.add_metric([feed], float(value))
            yield gauge


def make_registry(service: MarketService) -> CollectorRegistry:
    """A registry holding the service's collector (one per app, so tests stay isolated)."""
    registry = CollectorRegistry()
    registry.register(MarketCollector(service))
    return registry
