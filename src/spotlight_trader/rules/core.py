"""The pure evaluation core: indicators + active rules + frequency state → signal drafts.

No I/O here: :class:`AlertCore` takes bars and microbars and returns the signals that fire
(without database ids). The :mod:`.engine` persists and publishes them.

Frequencies (trading-domain.md §3.1), per (user, rule, symbol):

* ``once`` — the first time the condition holds, then never again for this version;
* ``once_per_bar`` — at most once per bar (intrabar rules may fire before the bar closes);
* ``once_per_bar_close`` — only on final bars;
* ``every_time`` — every evaluation where the condition holds (each microbar intrabar).

``cooldown_s`` then suppresses any signal less than that many seconds after the last one.
Rules run on final bars; versions with ``intrabar`` also run on every microbar, against a
snapshot of the forming minute (nothing is committed until the bar is final).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

import msgspec

from spotlight_trader.market.session import et_clock
from spotlight_trader.model import MICRO_MS, Bar, Direction, Microbar, Signal
from spotlight_trader.rules.builtins import BUILTINS, Check, Fired
from spotlight_trader.rules.expr import Compiled, compile_expression
from spotlight_trader.rules.indicators import Snapshot, SymbolIndicators

FREQUENCIES: Final = ("once", "once_per_bar", "once_per_bar_close", "every_time")


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
    check: Check | None = None
    compiled: Compiled | None = None

    def __post_init__(self) -> None:
        if self.builtin is not None:
            rule = BUILTINS[self.builtin]
            self.params = {**rule.defaults, **self.params}
            self.check = rule.check
        elif self.expression is not None:
            self.compiled = compile_expression(self.expression)
            self.check = _custom_check(self.compiled)
        else:
            raise ValueError("a rule needs a builtin or an expression")


# Fields that count things: shown as whole numbers with thousands separators, not prices.
_COUNTS = frozenset({"volume", "minutes_since_open", "regular"})


def _shown(field: str, value: float) -> str:
    return f"{value:,.0f}" if field in _COUNTS else f"{value:.2f}"


def _custom_check(compiled: Compiled) -> Check:
    evaluate = compiled.evaluate
    fields = compiled.fields

    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        if not evaluate(cur):
            return None
        inputs = {k: float(v) for k in fields if (v := cur.get(k)) is not None}
        shown = ", ".join(f"{k} {_shown(k, v)}" for k, v in inputs.items())
        direction = str(params.get("direction", "neutral"))
        return direction, inputs, f"{sym}: {compiled.source} — {shown}, {at} ET"

    return check


class _State:
    __slots__ = ("fired_once", "last_seq", "last_ts")

    def __init__(self) -> None:
        self.fired_once = False
        self.last_seq = -1
        self.last_ts = -(10**15)


class AlertCore:
    """Indicators per symbol and the frequency state of every active rule."""

    def __init__(
        self, rules: Iterable[ActiveRule] = (), *, rvol_sessions: int = 10, rvol_min: int = 3
    ) -> None:
        self.rvol_sessions = rvol_sessions
        self.rvol_min = rvol_min
        self.indicators: dict[str, SymbolIndicators] = {}
        self.prev: dict[str, Snapshot] = {}
        self.last: dict[str, Snapshot] = {}
        # frequency state per (user, rule, version), then per symbol
        self._state: dict[tuple[str, int, int], dict[str, _State]] = {}
        self.rules: list[ActiveRule] = []
        self.intrabar_rules: list[ActiveRule] = []
        self._runs: list[tuple[ActiveRule, dict[str, _State]]] = []
        self._intrabar_runs: list[tuple[ActiveRule, dict[str, _State]]] = []
        self.set_rules(rules)

    def set_rules(self, rules: Iterable[ActiveRule]) -> None:
        """Replace the active rules (frequency state of unchanged versions is kept)."""
        self.rules = list(rules)
        self.intrabar_rules = [r for r in self.rules if r.intrabar]
        state: dict[tuple[str, int, int], dict[str, _State]] = {
            (r.user_id, r.rule_id, r.version): {} for r in self.rules
        }
        for key in state:
            old = self._state.get(key)
            if old is not None:
                state[key] = old
        self._state = state
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

    def on_bars(self, bars: Iterable[Bar | Microbar]) -> list[Signal]:
        """Evaluate a batch (e.g. every symbol's bar at a minute boundary) with the cyclic
        garbage collector paused: the batch allocates many short-lived objects and a
        collection in the middle of it would only add latency."""
        out: list[Signal] = []
        enabled = gc.isenabled()
        gc.disable()
        try:
            for item in bars:
                out.extend(self.on_bar(item) if isinstance(item, Bar) else self.on_microbar(item))
        finally:
            if enabled:
                gc.enable()
        return out

    def warm(self, bars: Iterable[Bar]) -> None:
        """Feed history bars to the indicators without evaluating any rule (the past does
        not raise alerts; it gives VWAP, EMAs, RVOL and the session levels their start)."""
        for bar in bars:
            self._push(bar)

    def _push(self, bar: Bar) -> tuple[Snapshot | None, Snapshot]:
        symbol = bar.symbol
        snap = self._indicators(symbol).push(bar)
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
            if st is None:
                st = states[symbol] = _State()
            st.fired_once = True
            st.last_seq = seq
            st.last_ts = ts_ms
            direction, inputs, explanation = fired
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
                )
            )
        return out
