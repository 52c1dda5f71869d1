"""The market side's lifecycle: one explicit state that readiness, metrics, the stream's
``status`` event and the dashboard badge all read.

::

    warming ──► live ──► finished (a replay reached its end; its bars are still served)
       │  │      │  ▲          ▲
       │  │      ▼  │          │
       │  │  reconnecting (a live feed lost its source; bars so far are still served)
       │  └──► replaying ──────┘ (a recorded day on the replay clock: progress, paused or not)
       ▼         ▼      │
     failed ◄────┴──────┘      any state ──► stopped (the process is shutting down)

``warming`` means the watchlist's history is still going into the ring; nothing is ready
until every symbol's history is in and the feed is live. Feeds report ``warming``
(with progress), ``live``, ``reconnecting`` and (a replay) ``replaying`` with the rows
replayed as ``done``/``total`` through their sink; the service records
``finished``, ``failed`` and ``stopped`` from how the feed task ended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

import msgspec
import structlog

log = structlog.get_logger(__name__)


class Phase(StrEnum):
    """Where the market side is."""

    WARMING = "warming"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    REPLAYING = "replaying"
    FINISHED = "finished"
    FAILED = "failed"
    STOPPED = "stopped"


READY_PHASES = frozenset({Phase.LIVE, Phase.REPLAYING, Phase.FINISHED})

_ALLOWED: dict[Phase, frozenset[Phase]] = {
    Phase.WARMING: frozenset(
        {Phase.WARMING, Phase.LIVE, Phase.REPLAYING, Phase.FAILED, Phase.STOPPED}
    ),
    Phase.LIVE: frozenset({Phase.LIVE, Phase.RECONNECTING, Phase.FINISHED, Phase.FAILED}),
    Phase.RECONNECTING: frozenset({Phase.RECONNECTING, Phase.LIVE, Phase.FAILED}),
    Phase.REPLAYING: frozenset({Phase.REPLAYING, Phase.FINISHED, Phase.FAILED}),
    Phase.FINISHED: frozenset(),
    Phase.FAILED: frozenset(),
    Phase.STOPPED: frozenset(),
}


class MarketState(msgspec.Struct, frozen=True):
    """One moment of the lifecycle. ``done``/``total`` count warm-up work (e.g. minutes of
    history loaded) or, while replaying, rows of the file replayed; ``since_ms`` is when
    this phase began (wall clock)."""

    phase: Phase
    detail: str = ""
    done: int | None = None
    total: int | None = None
    since_ms: int = 0

    @property
    def ready(self) -> bool:
        """True when the ring holds the watchlist's history and the data is current."""
        return self.phase in READY_PHASES

    def describe(self) -> str:
        """One line for people: ``warming: loading history 412/1440``."""
        text = self.detail or self.phase.value
        if self.total:
            text = f"{text} {self.done or 0}/{self.total}"
        return text


class Lifecycle:
    """Holds the current :class:`MarketState`; every change is logged and passed to the
    listeners (the service publishes it on the bus for open streams)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._state = MarketState(Phase.WARMING, "starting", since_ms=self._now_ms())
        self.listeners: list[Callable[[MarketState], None]] = []

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

    @property
    def state(self) -> MarketState:
        """The current state."""
        return self._state

    def set(
        self,
        phase: Phase,
        detail: str = "",
        *,
        done: int | None = None,
        total: int | None = None,
    ) -> None:
        """Move to ``phase``. ``stopped`` is always allowed; any other move must follow the
        diagram in the module docstring (a wrong move is a bug: :class:`ValueError`)."""
        old = self._state
        if old.phase is Phase.STOPPED:
            return  # shutting down: late reports from a cancelled feed change nothing
        if phase is not Phase.STOPPED and phase not in _ALLOWED[old.phase]:
            raise ValueError(f"lifecycle cannot go from {old.phase} to {phase}")
        since = old.since_ms if phase is old.phase else self._now_ms()
        new = MarketState(phase, detail, done, total, since)
        if new == old:
            return
        self._state = new
        if phase is not old.phase:
            log.info("market state", phase=phase.value, detail=detail or None)
        for listener in self.listeners:
            listener(new)
