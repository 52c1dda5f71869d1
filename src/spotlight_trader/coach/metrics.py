"""Prometheus metrics of the voice coach, read from :class:`VoiceState` at scrape time."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from spotlight_trader.coach.admission import VoiceState


class VoiceCollector(Collector):
    """Open sessions, sessions started, tool calls and refusals by close code."""

    def __init__(self, state: VoiceState) -> None:
        self._state = state

    def collect(self) -> Iterator[Metric]:
        """Yield current values."""
        state = self._state
        open_ = GaugeMetricFamily("spotlight_voice_sessions", "Open /ws/realtime sessions.")
        open_.add_metric([], state.sessions)
        yield open_
        started = CounterMetricFamily("spotlight_voice_sessions_started", "Voice sessions.")
        started.add_metric([], state.sessions_total)
        yield started
        tools = CounterMetricFamily("spotlight_voice_tool_calls", "Coach tool calls run.")
        tools.add_metric([], state.tool_calls)
        yield tools
        refused = CounterMetricFamily(
            "spotlight_voice_refusals", "Voice connections refused, by close code.", labels=["code"]
        )
        for code, count in sorted(state.rejections.items()):
            refused.add_metric([code], count)
        yield refused
