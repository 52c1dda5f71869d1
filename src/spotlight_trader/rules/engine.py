"""RulesEngine: the running alerts service — final bars (and microbars for intrabar rules)
in, signals stored and published on ``signal:SYMBOL`` out.

The pipeline hands bars to :meth:`RulesEngine.on_bar` synchronously; a single task then
evaluates them (:class:`~spotlight_trader.rules.core.AlertCore`, pure), stores the signals
and only then publishes them, so a stream that subscribes first and then reads the
database cannot miss one (the same ordering as ring → bus for bars).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence

import structlog

from spotlight_trader.bus import Bus, signal_topic
from spotlight_trader.model import Bar, Microbar, Signal
from spotlight_trader.rules.core import ActiveRule, AlertCore
from spotlight_trader.storage.store import Store

log = structlog.get_logger(__name__)


class RulesEngine:
    """Evaluates every enabled rule of every user on the market's bars."""

    def __init__(
        self, store: Store, bus: Bus, *, rvol_sessions: int = 10, rvol_min_sessions: int = 3
    ) -> None:
        self.store = store
        self.bus = bus
        self.core = AlertCore(rvol_sessions=rvol_sessions, rvol_min=rvol_min_sessions)
        self._queue: asyncio.Queue[Bar | Microbar] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self.signals = 0
        self.errors = 0
        self.last_eval_ms = 0.0

    def on_bar(self, bar: Bar) -> None:
        """Pipeline listener: a final bar was stored."""
        self._queue.put_nowait(bar)

    def on_history(self, bars: Sequence[Bar]) -> None:
        """Pipeline listener: history bars went into the ring; warm the indicators."""
        self.core.warm(bars)

    def on_microbar(self, microbar: Microbar) -> None:
        """Pipeline listener: only queued while some rule runs intrabar."""
        if self.core.intrabar_rules:
            self._queue.put_nowait(microbar)

    async def reload(self) -> None:
        """Re-read the enabled rules (after any rule or settings change)."""
        rules = await self.store.active_rules()
        self.core.set_rules(rules)
        log.debug("rules loaded", active=len(rules))

    async def start(self) -> None:
        """Load the rules and start evaluating."""
        await self.reload()
        self._task = asyncio.create_task(self._run(), name="rules-engine")

    async def stop(self) -> None:
        """Stop the evaluation task."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        queue = self._queue
        while True:
            items = [await queue.get()]
            while not queue.empty():
                items.append(queue.get_nowait())
            try:
                await self.process(items)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # one bad batch must not stop alerting
                self.errors += 1
                log.error("rules evaluation failed", error=f"{type(exc).__name__}: {exc}")

    async def process(self, items: Sequence[Bar | Microbar]) -> list[Signal]:
        """Evaluate, store, publish; the stored signals."""
        started = time.perf_counter()
        drafts = self.core.on_bars(items)
        self.last_eval_ms = (time.perf_counter() - started) * 1000
        if not drafts:
            return []
        stored = await self.store.insert_signals(drafts)
        for signal in stored:
            self.bus.publish(signal_topic(signal.symbol), signal)
        self.signals += len(stored)
        return stored


def backtest(rule: ActiveRule, bars: Sequence[Bar], limit: int = 1_000) -> list[Signal]:
    """The signals ``rule`` would have produced on ``bars`` (oldest first, id 0)."""
    core = AlertCore([rule])
    out: list[Signal] = []
    for bar in bars:
        out.extend(core.on_bar(bar))
        if len(out) >= limit:
            break
    return out[:limit]
