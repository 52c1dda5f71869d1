"""The pure evaluation core: indicators + active rules + frequency state → signal drafts.

No I/O here: :class:`AlertCore` takes bars and microbars and returns the signals that fire
(without database ids). The :mod:`.engine` persists and publishes them.

Frequencies (trading-domain.md §3.1), per (user, rule, symbol):

* ``once`` — the first time the condition holds, then never again for this version;
* ``once_per_bar`` — at most once per bar (intrabar rules may fire before the bar closes);
* ``once_per_bar_close`` — only on final bars;
* ``every_time`` — every evaluation where the condition holds (each microbar intrabar).

``cooldown_s`` then suppresses any signal less than that many seconds after the last one.
The state behind both is the last signal's bar and time per (user, rule version, symbol):
the store persists it with each signal (:class:`AlertState`) and :meth:`AlertCore.set_rules`
takes it back after a restart.
Rules run on final bars; versions with ``intrabar`` also run on every microbar, against a
snapshot of the forming minute (nothing is committed until the bar is final).
A :class:`~spotlight_trader.model.LevelBar` handed in before its bar gives that bar's
session levels its prices without the outlier prints; an explanation then says which
outliers were ignored when they would have moved a level the rule read.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

import msgspec

from spotlight_trader.market.session import et_clock
from spotlight_trader.model import MICRO_MS, Bar, Direction, LevelBar, Microbar, Signal
from spotlight_trader.rules.builtins import BUILTINS, Check, Fired
from spotlight_trader.rules.expr import Compiled, compile_expression
from spotlight_trader.rules.indicators import Snapshot, SymbolIndicators
from spotlight_trader.rules.outliers import outlier_note

FREQUENCIES: Final = ("once", "once_per_bar", "once_per_bar_close", "every_time")
FIRE_MODES: Final = ("becomes_true", "while_true")
BREAKER_FIRES: Final = 15  # more fires than this within the window pause the rule
BREAKER_WINDOW_MS: Final = 3 * 60_000


class ActiveRule(msgspec.Struct):
    """One rule version as one user runs it: version fields + that user's settings."""

    user_id: str
    rule_id: int
    rule_name: str
    version: int
    builtin: str | None
    expression: str | None
    params: dict[str, Any]
    frequency: str = "once_per_bar_close"
    cooldown_s: int = 0
    intrabar: bool = False
    symbols: frozenset[str] | None = None
    fire_mode: str = "becomes_true"
    expires_at_ms: int | None = None  # no signal from a bar starting at or after this
    check: Check | None = None
    compiled: Compiled | None = None
    paused: bool = False  # tripped the circuit breaker

    def __post_init__(self) -> None:
        if self.builtin is not None:
            rule = BUILTINS[self.builtin]
            self.params = {**rule.defaults, **self.params}
            self.check = rule.check
        elif self.expression is not None:
            self.compiled = compile_expression(self.expression)
            self.check = _custom_check(self.compiled, self.fire_mode == "becomes_true")
        else:
            raise ValueError("a rule needs a builtin or an expression")


# Fields that count things: shown as whole numbers with thousands separators, not prices.
_COUNTS = frozenset({"volume", "minutes_since_open", "regular"})


def _shown(field: str, value: float) -> str:
    return f"{value:,.0f}" if field in _COUNTS else f"{value:.2f}"


def _custom_check(compiled: Compiled, transition: bool) -> Check:
    evaluate = compiled.evaluate
    fields = compiled.fields

    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        if not evaluate(cur):
            return None
        if transition and (prev is None or evaluate(prev)):
            return None  # it did not become true here (or nothing is known before)
        inputs = {k: float(v) for k in fields if (v := cur.get(k)) is not None}
        shown = ", ".join(f"{k} {_shown(k, v)}" for k, v in inputs.items())
        direction = str(params.get("direction", "neutral"))
        return direction, inputs, f"{sym}: {compiled.source} — {shown}, {at} ET"

    return check


class AlertState(msgspec.Struct, frozen=True):
    """The persisted frequency state of (user, rule version, symbol): its last signal."""

    user_id: str
    rule_id: int
    version: int
    symbol: str
    last_seq: int
    last_ts_ms: int


def alert_states(signals: Iterable[Signal]) -> list[AlertState]:
    """The state ``signals`` (in order) leave behind: the last one per version and symbol."""
    last: dict[tuple[str, int, int, str], AlertState] = {}
    for s in signals:
        key = (s.user_id, s.rule_id, s.version, s.symbol)
        last[key] = AlertState(s.user_id, s.rule_id, s.version, s.symbol, s.seq, s.ts_ms)
    return list(last.values())


class _State:
    __slots__ = ("fired_once", "last_seq", "last_ts")

    def __init__(self, last_seq: int = -1, last_ts: int = -(10**15)) -> None:
        self.fired_once = last_seq >= 0
        self.last_seq = last_seq
        self.last_ts = last_ts


class Trip(msgspec.Struct, frozen=True):
    """A rule the circuit breaker paused: for whom, when (market time) and why."""

    user_id: str
    rule_id: int
    at_ms: int
    reason: str


class AlertCore:
    """Indicators per symbol, the frequency state of every active rule, the breaker."""

    def __init__(
        self, rules: Iterable[ActiveRule] = (), *, rvol_sessions: int = 10, rvol_min: int = 3
    ) -> None:
        self.rvol_sessions = rvol_sessions
        self.rvol_min = rvol_min
        self.indicators: dict[str, SymbolIndicators] = {}
        self.prev: dict[str, Snapshot] = {}
        self.last: dict[str, Snapshot] = {}
        self._levels: dict[str, LevelBar] = {}  # level prices waiting for their bar
        # frequency state per (user, rule, version), then per symbol
        self._state: dict[tuple[str, int, int], dict[str, _State]] = {}
        self.rules: list[ActiveRule] = []
        self.intrabar_rules: list[ActiveRule] = []
        self._runs: list[tuple[ActiveRule, dict[str, _State]]] = []
        self._intrabar_runs: list[tuple[ActiveRule, dict[str, _State]]] = []
        # the breaker: times of each (user, rule)'s last fires; the pauses not yet persisted
        self._fires: dict[tuple[str, int], deque[int]] = {}
        self.tripped: list[Trip] = []
        self.set_rules(rules)

    def set_rules(self, rules: Iterable[ActiveRule], saved: Iterable[AlertState] = ()) -> None:
        """Replace the active rules. Frequency state of versions that stay active is kept;
        versions new here start from ``saved`` (the store's state), else empty."""
        self.rules = list(rules)
        self.intrabar_rules = [r for r in self.rules if r.intrabar]
        state: dict[tuple[str, int, int], dict[str, _State]] = {
            (r.user_id, r.rule_id, r.version): {} for r in self.rules
        }
        fresh = {key for key in state if key not in self._state}
        for key in state.keys() - fresh:
            state[key] = self._state[key]
        for st in saved:
            key = (st.user_id, st.rule_id, st.version)
            if key in fresh:
                state[key][st.symbol] = _State(st.last_seq, st.last_ts_ms)
        self._state = state
        # a rule that comes back (e.g. resumed after a pause) starts a fresh breaker window
        self._fires = {
            (r.user_id, r.rule_id): self._fires.get((r.user_id, r.rule_id))
            or deque(maxlen=BREAKER_FIRES)
            for r in self.rules
        }
        self._runs = [(r, state[(r.user_id, r.rule_id, r.version)]) for r in self.rules]
        self._intrabar_runs = [run for run in self._runs if run[0].intrabar]

    def _indicators(self, symbol: str) -> SymbolIndicators:
        ind = self.indicators.get(symbol)
        if ind is None:
            ind = SymbolIndicators(
                symbol, rvol_sessions=self.rvol_sessions, rvol_min_sessions=self.rvol_min
            )
            self.indicators[symbol] = ind
        return ind

    def on_bars(self, bars: Iterable[Bar | Microbar | LevelBar]) -> list[Signal]:
        """Evaluate a batch (e.g. every symbol's bar at a minute boundary) with the cyclic
        garbage collector paused: the batch allocates many short-lived objects and a
        collection in the middle of it would only add latency."""
        out: list[Signal] = []
        enabled = gc.isenabled()
        gc.disable()
        try:
            for item in bars:
                if isinstance(item, Bar):
                    out.extend(self.on_bar(item))
                elif isinstance(item, LevelBar):
                    self.on_levels(item)
                else:
                    out.extend(self.on_microbar(item))
        finally:
            if enabled:
                gc.enable()
        return out

    def warm(self, bars: Iterable[Bar]) -> None:
        """Feed history bars to the indicators without evaluating any rule (the past does
        not raise alerts; it gives VWAP, EMAs, RVOL and the session levels their start)."""
        for bar in bars:
            self._push(bar)

    def on_levels(self, levels: LevelBar) -> None:
        """The level prices of the symbol's next final bar (a minute with outlier prints)."""
        self._levels[levels.symbol] = levels

    def _push(self, bar: Bar) -> tuple[Snapshot | None, Snapshot]:
        symbol = bar.symbol
        levels = self._levels.pop(symbol, None) if self._levels else None
        if levels is not None and levels.seq != bar.seq:
            levels = None
        snap = self._indicators(symbol).push(bar, levels)
        prev = self.last.get(symbol)
        if prev is not None:
            self.prev[symbol] = prev
        self.last[symbol] = snap
        return prev, snap

    def on_bar(self, bar: Bar) -> list[Signal]:
        """Update the indicators with a final bar and evaluate every rule on it."""
        symbol = bar.symbol
        prev, snap = self._push(bar)
        if not self.rules:
            return []
        return self._evaluate(
            self._runs, symbol, bar.seq, bar.bar_start_ms, bar.bar_end_ms, prev, snap, final=True
        )

    def on_microbar(self, mb: Microbar) -> list[Signal]:
        """Evaluate intrabar rules against the forming minute (nothing is committed)."""
        if not self.intrabar_rules:
            return []
        m = mb.minute
        if m.open is None or m.high is None or m.low is None or m.close is None:
            return []
        ind = self.indicators.get(mb.symbol)
        if ind is None:
            return []
        snap = ind.peek(m.bar_start_ms, m.open, m.high, m.low, m.close, m.volume)
        if snap is None:
            return []
        prev = self.last.get(mb.symbol)
        return self._evaluate(
            self._intrabar_runs,
            mb.symbol,
            m.seq,
            m.bar_start_ms,
            mb.bucket_start_ms + MICRO_MS,
            prev,
            snap,
            final=False,
        )

    def _trip(self, rule: ActiveRule, ts_ms: int, bar_start_ms: int) -> None:
        rule.paused = True
        for other in self.rules:  # the same rule on another path (intrabar list shares it)
            if other.user_id == rule.user_id and other.rule_id == rule.rule_id:
                other.paused = True
        minutes = BREAKER_WINDOW_MS // 60_000
        reason = (
            f"auto-paused at {et_clock(bar_start_ms)} ET: more than {BREAKER_FIRES} signals "
            f"within {minutes} minutes; resume it when the market calms down"
        )
        self.tripped.append(Trip(rule.user_id, rule.rule_id, ts_ms, reason))

    def _evaluate(
        self,
        runs: list[tuple[ActiveRule, dict[str, _State]]],
        symbol: str,
        seq: int,
        bar_start_ms: int,
        ts_ms: int,
        prev: Snapshot | None,
        snap: Snapshot,
        *,
        final: bool,
    ) -> list[Signal]:
        out: list[Signal] = []
        at: str | None = None
        for rule, states in runs:
            scope = rule.symbols
            if scope is not None and symbol not in scope:
                continue
            if rule.paused:
                continue
            if rule.expires_at_ms is not None and bar_start_ms >= rule.expires_at_ms:
                continue
            frequency = rule.frequency
            if not final and frequency == "once_per_bar_close":
                continue
            check = rule.check
            assert check is not None
            st = states.get(symbol)
            if st is not None:
                if st.fired_once and frequency == "once":
                    continue
                if st.last_seq == seq and frequency != "every_time":
                    continue
                if ts_ms - st.last_ts < rule.cooldown_s * 1000:
                    continue
            compiled = rule.compiled
            if compiled is not None and not compiled.evaluate(snap):
                continue  # custom rule, condition false: skip the check's call frame
            if at is None:
                at = et_clock(bar_start_ms)
            fired = check(symbol, prev, snap, rule.params, at)
            if fired is None:
                continue
            fires = self._fires[(rule.user_id, rule.rule_id)]
            if len(fires) == BREAKER_FIRES and ts_ms - fires[0] < BREAKER_WINDOW_MS:
                self._trip(rule, ts_ms, bar_start_ms)
                continue
            fires.append(ts_ms)
            if st is None:
                st = states[symbol] = _State()
            st.fired_once = True
            st.last_seq = seq
            st.last_ts = ts_ms
            direction, inputs, explanation = fired
            ind = self.indicators.get(symbol)
            if ind is not None and ind.outliers:
                explanation += outlier_note(ind.outliers, inputs)
            out.append(
                Signal(
                    id=0,
                    rule_id=rule.rule_id,
                    rule_name=rule.rule_name,
                    version=rule.version,
                    symbol=symbol,
                    seq=seq,
                    ts_ms=ts_ms,
                    direction=cast(Direction, direction),
                    inputs=inputs,
                    explanation=explanation,
                    user_id=rule.user_id,
                    key=f"{rule.user_id}/{rule.rule_id}/{rule.version}/{symbol}/{seq}"
                    + (f"@{ts_ms}" if not final and frequency == "every_time" else ""),
                )
            )
        return out
