"""RulesEngine: the running alerts service — final bars (and microbars for intrabar rules)
in, signals stored and published on ``signal:SYMBOL`` out.

Frequency state survives restarts: the sink stores it with each signal and the engine
reads it back whenever it (re)loads rules; signal keys make storing idempotent.

The pipeline hands bars to :meth:`RulesEngine.on_bar` synchronously; a single task then
evaluates them (:class:`~spotlight_trader.rules.core.AlertCore`, pure), stores the signals
and only then publishes them, so a stream that subscribes first and then reads the
database cannot miss one (the same ordering as ring → bus for bars).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from typing import Protocol

import structlog

from spotlight_trader.bus import Bus, signal_topic
from spotlight_trader.model import Bar, LevelBar, Microbar, Signal
from spotlight_trader.rules.core import ActiveRule, AlertCore, AlertState
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)

QUEUE_LIMIT = 100_000  # bars and microbars waiting for evaluation


class RuleSource(Protocol):
    """Where the engine reads the enabled rules (the storage layer implements it)."""

    async def active_rules(
        self, *, user: str | None = None, rule_id: int | None = None
    ) -> list[ActiveRule]:
        """Every enabled, unpaused (user, rule) at its latest version; only ``user``'s (and
        only ``rule_id``) when given."""
        ...

    async def pause(self, rule_id: int, reason: str, at_ms: int, *, user: str) -> None:
        """Persist a circuit-breaker pause of ``user``'s rule."""
        ...


class SignalSink(Protocol):
    """Where the engine stores signals before publishing them."""

    async def insert_signals(self, drafts: Sequence[Signal]) -> list[Signal]:
        """Store signals in order with their frequency state; the newly stored ones (a key
        stored before is skipped) with their ids."""
        ...

    async def alert_state(self, *, user: str | None = None) -> list[AlertState]:
        """The stored frequency state (only ``user``'s when given)."""
        ...


class _Reload:
    """Queue marker: reload ``user``'s rules (or only ``rule_id``) here, between the bars
    before and after."""

    __slots__ = ("done", "rule_id", "user")

    def __init__(self, user: str, rule_id: int | None, done: asyncio.Future[None]) -> None:
        self.user = user
        self.rule_id = rule_id
        self.done = done


class RulesEngine:
    """Evaluates every enabled rule of every user on the market's bars; implements
    :class:`~spotlight_trader.rules.changes.RulesControl`."""

    def __init__(
        self,
        rules: RuleSource,
        signals: SignalSink,
        bus: Bus,
        *,
        rvol_sessions: int = 10,
        rvol_min_sessions: int = 3,
    ) -> None:
        self.rules = rules
        self.signals_sink = signals
        self.bus = bus
        self.core = AlertCore(rvol_sessions=rvol_sessions, rvol_min=rvol_min_sessions)
        self._queue: asyncio.Queue[Bar | Microbar | LevelBar | _Reload] = asyncio.Queue(QUEUE_LIMIT)
        self._task: asyncio.Task[None] | None = None
        self.signals = 0
        self.errors = 0
        self.dropped = 0  # bars the queue had no room for (counted, logged)
        self.paused = 0  # rules the circuit breaker paused
        self._waiting = False  # the task waits for work: everything queued is done
        self.last_eval_ms = 0.0
        # called with each batch of newly stored signals once they are published (webhooks)
        self.stored_listeners: list[Callable[[Sequence[Signal]], None]] = []

    def on_bar(self, bar: Bar) -> None:
        """Pipeline listener: a final bar was stored."""
        try:
            self._queue.put_nowait(bar)
        except asyncio.QueueFull:
            self.dropped += 1
            log.error("rules engine queue full: bar not evaluated", symbol=bar.symbol, seq=bar.seq)

    def on_levels(self, levels: LevelBar) -> None:
        """Pipeline listener: the level prices of the next bar (it had outlier prints)."""
        with contextlib.suppress(asyncio.QueueFull):  # then its bar is dropped (counted)
            self._queue.put_nowait(levels)

    def on_history(self, bars: Sequence[Bar]) -> None:
        """Pipeline listener: history bars went into the ring; warm the indicators."""
        self.core.warm(bars)

    def on_microbar(self, microbar: Microbar) -> None:
        """Pipeline listener: only queued while some rule runs intrabar (dropped, not
        counted, when the queue is full: the next microbar carries the same minute)."""
        if self.core.intrabar_rules:
            with contextlib.suppress(asyncio.QueueFull):
                self._queue.put_nowait(microbar)

    async def reload(self) -> None:
        """Re-read every enabled rule (and the stored state of versions new here)."""
        rules = await self.rules.active_rules()
        self.core.set_rules(rules, await self.signals_sink.alert_state())
        log.debug("rules loaded", active=len(rules))

    async def rules_changed(self, user: str, rule_id: int | None = None) -> None:
        """Reload ``user``'s rules (only ``rule_id`` when given: one rule's change costs
        one rule, however many the user has) in order with the bars: bars queued before
        this call are evaluated with the old rules, later ones with the new."""
        if self._task is None or self._task.done():
            await self._reload_user(user, rule_id)
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Reload(user, rule_id, done))
        await done

    async def _reload_user(self, user: str, rule_id: int | None = None) -> None:
        fresh = await self.rules.active_rules(user=user, rule_id=rule_id)
        saved = await self.signals_sink.alert_state(user=user)
        if rule_id is None:
            kept = [r for r in self.core.rules if r.user_id != user]
        else:
            kept = [r for r in self.core.rules if (r.user_id, r.rule_id) != (user, rule_id)]
        self.core.set_rules(kept + fresh, saved)

    @property
    def idle(self) -> bool:
        """Every bar queued so far is evaluated, stored and published."""
        return self._waiting and self._queue.empty()

    async def start(self) -> None:
        """Load the rules and start evaluating."""
        await self.reload()
        self._task = asyncio.create_task(self._run(), name="rules-engine")

    async def stop(self) -> None:
        """Stop the evaluation task."""
        await cancel_and_wait(self._task)
        self._task = None

    async def _run(self) -> None:
        queue = self._queue
        while True:
            self._waiting = True
            items = [await queue.get()]
            self._waiting = False
            while not queue.empty():
                items.append(queue.get_nowait())
            batch: list[Bar | Microbar | LevelBar] = []
            for item in items:
                if isinstance(item, _Reload):
                    await self._evaluate(batch)
                    batch = []
                    await self._apply(item)
                else:
                    batch.append(item)
            await self._evaluate(batch)

    async def _apply(self, reload: _Reload) -> None:
        try:
            await self._reload_user(reload.user, reload.rule_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if not reload.done.done():
                reload.done.set_exception(exc)
            return
        if not reload.done.done():
            reload.done.set_result(None)

    async def _evaluate(self, items: Sequence[Bar | Microbar | LevelBar]) -> None:
        if not items:
            return
        try:
            await self.process(items)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one bad batch must not stop alerting
            self.errors += 1
            log.error("rules evaluation failed", error=f"{type(exc).__name__}: {exc}")

    async def process(self, items: Sequence[Bar | Microbar | LevelBar]) -> list[Signal]:
        """Evaluate, store, publish; the stored signals."""
        started = time.perf_counter()
        drafts = self.core.on_bars(items)
        self.last_eval_ms = (time.perf_counter() - started) * 1000
        stored = await self.signals_sink.insert_signals(drafts) if drafts else []
        tripped, self.core.tripped = self.core.tripped, []
        for trip in tripped:
            await self.rules.pause(trip.rule_id, trip.reason, trip.at_ms, user=trip.user_id)
            self.paused += 1
            log.warning("rule paused by the circuit breaker", rule_id=trip.rule_id)
        for signal in stored:
            self.bus.publish(signal_topic(signal.symbol), signal)
        if stored:
            for listener in self.stored_listeners:
                listener(stored)
        self.signals += len(stored)
        return stored


def backtest(
    rule: ActiveRule,
    bars: Sequence[Bar],
    limit: int = 1_000,
    *,
    rvol_sessions: int = 10,
    rvol_min: int = 3,
) -> tuple[list[Signal], AlertCore]:
    """The signals ``rule`` would have produced on ``bars`` (oldest first, id 0) and the
    core it ran in (its indicators say what could not warm up)."""
    core = AlertCore([rule], rvol_sessions=rvol_sessions, rvol_min=rvol_min)
    out: list[Signal] = []
    for bar in bars:
        out.extend(core.on_bar(bar))
        if len(out) >= limit:
            break
    return out[:limit], core
