"""Prometheus collectors, read from the live objects at scrape time (nothing on the hot
path): :class:`IngestCollector` for the market side, :class:`WebCollector` for the
streams this process serves."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from spotlight_trader.cluster.bus import RedisBus
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.runtime.components import Components
from spotlight_trader.runtime.ingest import Ingest


class IngestCollector(Collector):
    """Trades, bars, drops, the lifecycle phase and the feed's own metrics."""

    def __init__(self, ingest: Ingest) -> None:
        self._ingest = ingest

    def collect(self) -> Iterator[Metric]:
        """Yield current values."""
        ingest = self._ingest
        stats = ingest.pipeline.stats
        feed = ingest.feed.name

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
            stats.rejected + ingest.pipeline.malformed,
        )
        levels = ingest.pipeline.level_stats
        outliers = CounterMetricFamily(
            "spotlight_level_outliers",
            "Prints the outlier rule kept out of session levels (still counted as volume).",
            labels=["feed", "reason"],
        )
        outliers.add_metric([feed, "range"], levels.range_outliers)
        outliers.add_metric([feed, "nbbo"], levels.nbbo_outliers)
        yield outliers
        hooks = ingest.webhooks
        sent = CounterMetricFamily(
            "spotlight_webhook_signals",
            "Signals handed to webhooks, by outcome (delivered, failed, dropped).",
            labels=["outcome"],
        )
        sent.add_metric(["delivered"], hooks.delivered)
        sent.add_metric(["failed"], hooks.failed)
        sent.add_metric(["dropped"], hooks.dropped)
        yield sent
        yield counter(
            "rules_dropped_bars",
            "Final bars the rules engine had no queue room for.",
            ingest.engine.dropped,
        )
        state = ingest.state
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
        watch.add_metric([], len(ingest.watchlist))
        yield watch
        for name, value in getattr(ingest.feed, "metrics", dict)().items():
            gauge = GaugeMetricFamily(
                f"spotlight_feed_{name}", f"Feed metric {name}.", labels=["feed"]
            )
            gauge.add_metric([feed], float(value))
            yield gauge


class WebCollector(Collector):
    """SSE clients, streams closed for slowness, bus overflows (and Redis losses), requests
    refused by the HTTP hardening (api/hardening.py) per reason."""

    def __init__(self, components: Components, refused: Mapping[str, int]) -> None:
        self._components = components
        self._refused = refused

    def collect(self) -> Iterator[Metric]:
        """Yield current values."""
        components = self._components
        overflows = CounterMetricFamily(
            "spotlight_bus_queue_overflows", "Subscribers closed for overflow."
        )
        overflows.add_metric([], components.bus.overflows)
        yield overflows
        if isinstance(components.bus, RedisBus):
            losses = CounterMetricFamily(
                "spotlight_bus_redis_losses",
                "Times Redis was found to have lost bus messages (every subscriber closed).",
            )
            losses.add_metric([], components.bus.losses)
            yield losses
        slow = CounterMetricFamily(
            "spotlight_stream_slow_closes", "SSE streams closed because the client fell behind."
        )
        slow.add_metric([], components.streams.slow_closes)
        yield slow
        clients = GaugeMetricFamily("spotlight_sse_clients", "Open /stream/market connections.")
        clients.add_metric([], components.streams.clients)
        yield clients
        refused = CounterMetricFamily(
            "spotlight_http_refused",
            "Requests refused before the app: host, origin, cross_site, content_type, "
            "content_length, body_size.",
            labels=["reason"],
        )
        for reason, count in sorted(self._refused.items()):
            refused.add_metric([reason], count)
        yield refused
